import {
  applyFix,
  clearHighlights,
  detectApi,
  highlightCells,
  highlightsFromFindings,
  needsQuotePrefix,
  readWorkbook,
  readWorksheet,
  selectCell,
  styleRects,
  writeSheet,
} from '../../src/office/excel';
import type { OutCell, OutSheet } from '../../src/engine/output';
import { FakeExcel } from './fakeExcel';

let fake: FakeExcel;
let uninstall: () => void;

function setup(apiVersion = '1.13', web = false): FakeExcel {
  uninstall?.();
  fake = new FakeExcel({ apiVersion });
  if (web) fake.asExcelOnTheWeb();
  uninstall = fake.installOffice();
  return fake;
}

afterEach(() => uninstall?.());

function planSheet(f: FakeExcel, name: string, dataRows: number): void {
  f.addSheet(name);
  f.setValues(name, 'B2', [
    ['แผนพัฒนาอำเภอ ปี 2568', null, null],
    ['โครงการ', 'งบประมาณ', 'หมายเหตุ'],
  ]);
  f.addMerge(name, 'B2:D2');
  const rows = Array.from({ length: dataRows }, (_, i) => [
    `โครงการที่ ${i + 1}`,
    { v: 1000 * (i + 1), text: (1000 * (i + 1)).toLocaleString('en-US'), numberFormat: '#,##0' },
    '-',
  ]);
  f.setValues(name, 'B4', rows);
}

describe('detectApi', () => {
  it('reports the sets and degrades features', () => {
    setup('1.4');
    expect(detectApi()).toMatchObject({ mergedAreas: false, pageLayout: false, freezePanes: false, workbookName: false });
    expect(detectApi().sets).toEqual(['1.1', '1.2', '1.3', '1.4']);
    setup('1.13');
    expect(detectApi()).toMatchObject({ mergedAreas: true, pageLayout: true, customProperties: true, fillPattern: true });
  });
});

describe('readWorkbook', () => {
  it('builds a 0-based SheetModel from a used range starting at B2, with Thai text, merges, "-", #REF! and a text box', async () => {
    setup();
    fake.addSheet('ผ.02');
    fake.setValues('ผ.02', 'B2', [
      ['แผนพัฒนาอำเภอ ปี 2568', null, null],
      ['โครงการ', 'งบประมาณ', 'หมายเหตุ'],
      ['ถนน คสล. หมู่ 3', { v: 1500000, text: '1,500,000', numberFormat: '#,##0' }, '-'],
      ['ขุดลอกคลอง', { v: '#REF!', formula: '=SUM(#REF!)' }, { v: true }],
      [{ v: 42, text: '###', numberFormat: '#,##0' }, null, null],
    ]);
    fake.addMerge('ผ.02', 'B2:D2');
    fake.addShape('ผ.02', { type: 'GeometricShape', top: 20, left: 300, text: 'แบบ ผ.02' }); // Excel text boxes are GeometricShapes
    fake.addShape('ผ.02', { type: 'Image', top: 0, left: 0 });
    fake.addSheet('ซ่อน', { visibility: 'Hidden' });
    fake.setValues('ซ่อน', 'A1', [['x']]);

    const wb = await readWorkbook(fake.run);
    expect(wb.name).toBe(fake.workbookName);
    expect(wb.sheets.map((s) => s.name)).toEqual(['ผ.02', 'ซ่อน']);
    const s = wb.sheets[0];
    expect(s.rows[0]).toBeUndefined();
    expect(s.rows[1]![0]).toBeUndefined();
    expect(s.rows[1]![1]).toEqual({ v: 'แผนพัฒนาอำเภอ ปี 2568', t: 's', w: 'แผนพัฒนาอำเภอ ปี 2568' });
    expect(s.rows[1]![2]).toBeUndefined();
    expect(s.rows[2]![3]).toEqual({ v: 'หมายเหตุ', t: 's', w: 'หมายเหตุ' });
    expect(s.rows[3]![2]).toEqual({ v: 1500000, t: 'n', w: '1,500,000', z: '#,##0' });
    expect(s.rows[3]![3]).toEqual({ v: '-', t: 's', w: '-' });
    expect(s.rows[4]![2]).toEqual({ v: '#REF!', t: 'e', w: '#REF!', f: 'SUM(#REF!)' });
    expect(s.rows[4]![3]).toEqual({ v: true, t: 'b', w: 'TRUE' });
    // "###" (column too narrow) is replaced by a formatted number.
    expect(s.rows[5]![1]).toEqual({ v: 42, t: 'n', w: '42', z: '#,##0' });
    expect(s.merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 3 }]);
    expect(s.textBoxes).toEqual([{ text: 'แบบ ผ.02', row: 1, col: 6 }]);
    expect(s.hidden).toBeUndefined();
    expect(wb.sheets[1].hidden).toBe(true);
    expect(fake.syncs).toBe(3); // list, data, shape text
    expect(fake.writes).toEqual([]);
  });

  it('uses the same number of syncs for 10 and 10,000 rows', async () => {
    setup();
    planSheet(fake, 'ผ.01', 10);
    await readWorkbook(fake.run);
    const small = fake.syncs;
    setup();
    planSheet(fake, 'ผ.01', 10_000);
    const wb = await readWorkbook(fake.run);
    expect(fake.syncs).toBe(small);
    expect(small).toBe(3); // list, sizes (+ merges), cells
    expect(wb.sheets[0].rows[10_002]![2]).toEqual({ v: 10_000_000, t: 'n', w: '10,000,000', z: '#,##0' });
  });

  it('skips the add-in’s own sheets, reads one sheet, and degrades on ExcelApi 1.4', async () => {
    setup('1.4');
    planSheet(fake, 'ผ.01', 3);
    fake.addShape('ผ.01', { type: 'TextBox', top: 0, left: 0, text: 'x' });
    await writeSheet({ name: 'รายงานตรวจสอบ', rows: [['ok']] }, {}, fake.run);
    fake.resetCounters();
    const wb = await readWorkbook(fake.run);
    expect(wb.name).toBe('Workbook');
    expect(wb.sheets.map((s) => s.name)).toEqual(['ผ.01']);
    expect(wb.sheets[0].merges).toEqual([]); // 1.13 needed
    expect(wb.sheets[0].textBoxes).toEqual([]); // 1.9 needed
    expect(fake.syncs).toBe(3);
    const one = await readWorksheet('รายงานตรวจสอบ', fake.run);
    expect(one.rows[0]![0]).toEqual({ v: 'ok', t: 's', w: 'ok' });
    const active = await readWorksheet(undefined, fake.run);
    expect(active.name).toBe('รายงานตรวจสอบ'); // writeSheet activated it
  });
});

describe('Excel on the web: responses under 5 MB', () => {
  /** A ผ.02-like sheet of long Thai cells: about 1.6 KB of response per row. */
  function bigThaiSheet(f: FakeExcel, name: string, rows: number): void {
    planSheet(f, name, 0);
    const long = 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนาหว้า-บ้านดอนมูล ซอย 12 ข้างศาลาประชาคม หมู่ที่ ';
    f.setValues(
      name,
      'B4',
      Array.from({ length: rows }, (_, i) => [
        `${long}${(i % 15) + 1}`,
        { v: 500000 + i, text: (500000 + i).toLocaleString('en-US'), numberFormat: '#,##0' },
        'เพื่อให้ประชาชนสัญจรไปมาได้สะดวกและปลอดภัย',
      ]),
    );
  }

  it('the desktop read of 20,000 long Thai rows would be refused on the web (the fake enforces the limit)', async () => {
    setup('1.13', true);
    bigThaiSheet(fake, 'ผ.02', 20_000);
    await expect(readWorkbook(fake.run, { blockBytes: 0 })).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
  });

  it('reads the same model in blocks, every response < 5 MB', async () => {
    setup();
    bigThaiSheet(fake, 'ผ.02', 20_000);
    const desktop = await readWorkbook(fake.run);
    expect(fake.syncs).toBe(3);
    setup('1.13', true); // Office.context.platform = 'OfficeOnline'
    bigThaiSheet(fake, 'ผ.02', 20_000);
    const web = await readWorkbook(fake.run);
    expect(web).toEqual(desktop);
    const biggest = Math.max(...fake.syncLog.map((x) => x.responseBytes));
    expect(biggest).toBeLessThan(5 * 1024 * 1024);
    expect(biggest).toBeGreaterThan(1_000_000); // blocks are not needlessly small
    expect(fake.syncs).toBeGreaterThan(3);
    expect(fake.syncs).toBeLessThan(40);
  });

  it('small sheets share one block sync', async () => {
    setup('1.13', true);
    planSheet(fake, 'ผ.01', 30);
    planSheet(fake, 'ผ.02', 40);
    fake.addSheet('ว่าง');
    const wb = await readWorkbook(fake.run);
    expect(fake.syncs).toBe(3); // list, sizes + merges, one block for both sheets
    expect(wb.sheets[1].rows[42]![1]).toEqual({ v: 'โครงการที่ 40', t: 's', w: 'โครงการที่ 40' });
    expect(wb.sheets[2].rows).toEqual([]);
  });
});

describe('the fake', () => {
  it('throws PropertyNotLoaded before load + sync', async () => {
    setup();
    planSheet(fake, 'A', 1);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('A').getRange('B2');
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      r.load('values');
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(r.values).toEqual([['แผนพัฒนาอำเภอ ปี 2568']]);
      expect(() => r.text).toThrow(/PropertyNotLoaded/);
    });
  });

  it('the write recorder fails a deliberately bad write', async () => {
    setup();
    planSheet(fake, 'Officer', 2);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Officer').getRange('C5').values = [['oops']];
      await ctx.sync();
    });
    expect(() => fake.assertWritesOnlyTo(['Report'])).toThrow(/Officer!C5 values/);
    expect(() => fake.assertWritesOnlyTo(['Report'], [{ sheet: 'Officer', address: 'B4:D9' }])).not.toThrow();
  });
});

describe('writeSheet', () => {
  it('writes 100,000 rows in chunks under 4 MB, one sync per chunk plus a constant', async () => {
    setup();
    const rows: OutCell[][] = [['ลำดับ', 'โครงการ', 'งบประมาณ', 'หน่วยงาน', 'หมายเหตุ']];
    for (let i = 1; i <= 100_000; i++)
      rows.push([
        i,
        `โครงการพัฒนาถนนคอนกรีตเสริมเหล็ก หมู่ที่ ${i % 20}`,
        { value: i * 1000, style: { numFmt: '#,##0' } },
        'องค์การบริหารส่วนตำบล',
        '-',
      ]);
    const sheet: OutSheet = {
      name: 'ความต้องการ',
      rows,
      rowStyles: { '0': { bold: true, fill: 'D9E1F2', border: true } },
      freezeRows: 1,
      colWidths: [6, 40, 14, 20, 10],
      table: { headerRow: 0, lastRow: 100_000, lastCol: 4, name: 'ความต้องการ' },
    };
    const res = await writeSheet(sheet, {}, fake.run);
    const maxBytes = Math.max(...fake.syncLog.map((s) => s.bytes));
    expect(maxBytes).toBeLessThan(4_000_000);
    expect(res.chunks).toBeGreaterThan(1);
    expect(res.syncs).toBe(fake.syncs);
    expect(fake.syncs).toBeLessThanOrEqual(res.chunks + 2); // 1 read + chunks + 1 format
    expect(fake.cell('ความต้องการ', 'B100001').value).toBe('โครงการพัฒนาถนนคอนกรีตเสริมเหล็ก หมู่ที่ 0');
    expect(fake.cell('ความต้องการ', 'C100001')).toMatchObject({ value: 100_000_000, numberFormat: '#,##0', text: '100,000,000' });
    expect(fake.cell('ความต้องการ', 'E100001')).toMatchObject({ value: '-', quotePrefix: true });
    expect(fake.sheet('ความต้องการ').tables).toEqual([
      { name: 'ความต้องการ', rect: { r1: 0, c1: 0, r2: 100_000, c2: 4 }, style: 'TableStyleLight1' },
    ]);
    fake.assertWritesOnlyTo(['ความต้องการ']);
    console.log(`100k rows: ${fake.syncs} syncs, ${res.chunks} chunks, max ${(maxBytes / 1e6).toFixed(2)} MB per sync`);
  });

  it('replaces only our tagged sheet; an officer’s sheet with the same name is untouched', async () => {
    setup();
    planSheet(fake, 'รายงานตรวจสอบ', 3); // the officer's own sheet, same name
    planSheet(fake, 'ผ.01', 3);
    const before = JSON.stringify(fake.sheet('รายงานตรวจสอบ'));

    const r1 = await writeSheet({ name: 'รายงานตรวจสอบ', rows: [['รอบที่ 1']] }, {}, fake.run);
    expect(r1).toMatchObject({ name: 'รายงานตรวจสอบ (2)', replaced: null });
    fake.assertWritesOnlyTo(['รายงานตรวจสอบ (2)']);

    fake.resetCounters();
    const r2 = await writeSheet({ name: 'รายงานตรวจสอบ', rows: [['รอบที่ 2']] }, {}, fake.run);
    expect(r2).toMatchObject({ name: 'รายงานตรวจสอบ (2)', replaced: 'รายงานตรวจสอบ (2)' });
    expect(fake.sheetNames()).toEqual(['รายงานตรวจสอบ', 'ผ.01', 'รายงานตรวจสอบ (2)']);
    expect(fake.cell('รายงานตรวจสอบ (2)', 'A1').value).toBe('รอบที่ 2');
    expect(JSON.stringify(fake.sheet('รายงานตรวจสอบ'))).toBe(before);
    fake.assertWritesOnlyTo(['รายงานตรวจสอบ (2)']);
    expect(() => fake.assertWritesOnlyTo(['รายงานตรวจสอบ'])).toThrow(); // our writes are on "(2)"

    // The officer renames our sheet and creates one with the wanted name: we follow our tag.
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('รายงานตรวจสอบ (2)').name = 'รายงานของฉัน';
      await ctx.sync();
    });
    fake.resetCounters();
    const r3 = await writeSheet({ name: 'รายงานตรวจสอบ', rows: [['รอบที่ 3']] }, {}, fake.run);
    expect(r3).toMatchObject({ name: 'รายงานตรวจสอบ (2)', replaced: 'รายงานของฉัน' });
    expect(fake.sheetNames()).toEqual(['รายงานตรวจสอบ', 'ผ.01', 'รายงานตรวจสอบ (2)']);
    fake.assertWritesOnlyTo(['รายงานตรวจสอบ (2)', 'รายงานของฉัน']);
    expect(JSON.stringify(fake.sheet('รายงานตรวจสอบ'))).toBe(before);
  });

  it('a sheet the officer made after deleting ours is never replaced; the stale tag is dropped', async () => {
    setup();
    planSheet(fake, 'ผ.01', 2);
    await writeSheet({ name: 'ปฏิทิน', rows: [['v1']] }, {}, fake.run);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('ปฏิทิน').delete();
      await ctx.sync();
    });
    fake.addSheet('ปฏิทิน'); // the officer's own, same name
    fake.setValues('ปฏิทิน', 'A1', [['ของเจ้าหน้าที่']]);
    fake.resetCounters();
    const r = await writeSheet({ name: 'ปฏิทิน', rows: [['v2']] }, {}, fake.run);
    expect(r).toMatchObject({ name: 'ปฏิทิน (2)', replaced: null });
    expect(fake.cell('ปฏิทิน', 'A1').value).toBe('ของเจ้าหน้าที่');
    fake.assertWritesOnlyTo(['ปฏิทิน (2)']);
    // The stale tag was removed, the new one added.
    expect(fake.names.map((n) => fake.nameFormula(n))).toEqual(["='ปฏิทิน (2)'!$A$1"]);
  });

  it('keeps the replaced sheet’s position; falls back to autofilter when a table cannot be used (1.9+)', async () => {
    setup();
    planSheet(fake, 'ผ.01', 2);
    planSheet(fake, 'ผ.02', 2);
    const sheet: OutSheet = {
      name: 'ความต้องการ',
      rows: [
        ['ก', 'ก'],
        ['x', 1],
        ['y', 2],
      ], // duplicate headers: an Excel table would rename them
      table: { headerRow: 0, lastRow: 2, lastCol: 1, name: 'Needs' },
    };
    const first = await writeSheet(sheet, {}, fake.run);
    expect(first.filter).toBe('autofilter');
    expect(fake.sheet('ความต้องการ').autoFilter).toEqual({ r1: 0, c1: 0, r2: 2, c2: 1 });
    expect(fake.cell('ความต้องการ', 'B1').value).toBe('ก');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('ความต้องการ').position = 1;
      await ctx.sync();
    });
    expect(fake.sheetNames()).toEqual(['ผ.01', 'ความต้องการ', 'ผ.02']);
    const second = await writeSheet(
      {
        ...sheet,
        rows: [
          ['ก', 'ข'],
          ['x', 1],
          ['y', 2],
        ],
      },
      {},
      fake.run,
    );
    expect(second).toMatchObject({ filter: 'table', replaced: 'ความต้องการ' });
    expect(fake.sheetNames()).toEqual(['ผ.01', 'ความต้องการ', 'ผ.02']);
  });

  it('writes text starting with = + - @ (and other parseable text) as text; only `formula` makes formulas', async () => {
    setup();
    const texts = [
      '=HYPERLINK("http://evil","click")',
      '+66 81 234 5678',
      '-',
      '@SUM(A1)',
      '001',
      'TRUE',
      "'quoted",
      '1/2',
      '#N/A',
      'ปกติ',
      'Jan 5',
    ];
    await writeSheet(
      { name: 'T', rows: [[...texts, { value: 3, formula: 'SUM(1,2)' }, 12.5, null, { value: 'raw', style: { numFmt: '@' } }]] },
      {},
      fake.run,
    );
    texts.forEach((t, c) => {
      const cell = fake.cell('T', `${String.fromCharCode(65 + c)}1`);
      expect({ t, value: cell.value, formula: cell.formula, text: cell.text }).toEqual({ t, value: t, formula: undefined, text: t });
    });
    expect(fake.cell('T', 'L1').formula).toBe('=SUM(1,2)');
    expect(fake.cell('T', 'M1').value).toBe(12.5);
    expect(fake.cell('T', 'N1').value).toBeNull();
    expect(fake.cell('T', 'O1')).toMatchObject({ value: 'raw', numberFormat: '@', quotePrefix: false });
    expect(fake.cell('T', 'J1').quotePrefix).toBe(false); // plain Thai text is not prefixed
    expect(needsQuotePrefix('โครงการ')).toBe(false);
  });

  it('applies font, grouped styles, merges, widths, freeze, page layout; degrades on 1.4', async () => {
    setup();
    const sheet: OutSheet = {
      name: 'รายงาน',
      rows: [
        [{ value: 'รายงานผลการตรวจสอบ', style: { bold: true, size: 20, align: 'center' } }, null, null],
        ['ชีต', 'แถว', 'ข้อความ'],
        ['ผ.01', 5, { value: 'งบประมาณไม่ใช่ตัวเลข', style: { color: '9C0006' } }],
        ['ผ.01', 6, 'x'],
      ],
      rowStyles: { '1': { bold: true, fill: 'D9E1F2', border: true } },
      merges: [{ r1: 0, c1: 0, r2: 0, c2: 2 }],
      colWidths: [12, 8, 60],
      freezeRows: 2,
      table: { headerRow: 1, lastRow: 3, lastCol: 2, name: 'Findings' },
      page: { orientation: 'landscape', fitWidth: true },
      printTitleRows: [1, 1],
    };
    const res = await writeSheet(sheet, {}, fake.run);
    expect(res.syncs).toBe(3);
    const s = fake.sheet('รายงาน');
    expect(fake.cell('รายงาน', 'C4').font).toMatchObject({ name: 'TH Sarabun New', size: 16, bold: false, color: '#000000' });
    expect(fake.cell('รายงาน', 'A1').font).toMatchObject({ bold: true, size: 20 });
    expect(fake.cell('รายงาน', 'B2')).toMatchObject({
      fill: { color: '#D9E1F2', pattern: 'Solid' },
      font: { bold: true },
      borders: { EdgeTop: 'Continuous', InsideVertical: 'Continuous' },
    });
    expect(fake.cell('รายงาน', 'C3').font.color).toBe('#9C0006');
    expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 2 }]);
    expect(s.colWidths.get(2)).toBeCloseTo((60 * 7 + 5) * 0.75);
    expect(s.freezeRows).toBe(2);
    expect(s.pageLayout).toEqual({ paperSize: 'A4', orientation: 'Landscape', zoom: { horizontalFitToPages: 1 }, printTitleRows: '$2:$2' });
    expect(s.tables[0].name).toBe('Findings');
    expect(fake.activeSheetId).toBe(s.id);
    expect(styleRects(sheet, 3).length).toBe(3);

    setup('1.4');
    fake.addSheet('ผ.01');
    const r14 = await writeSheet({ ...sheet, table: { ...sheet.table!, headerRow: 0 } }, {}, fake.run); // header row merged → no table, no autofilter on 1.4
    expect(r14.filter).toBeNull();
    expect(fake.sheet('รายงาน').pageLayout).toEqual({});
    expect(fake.sheet('รายงาน').freezeRows).toBeUndefined();
  });
});

describe('highlightCells / clearHighlights', () => {
  function officer(f: FakeExcel): void {
    f.addSheet('ผ.02');
    f.setValues('ผ.02', 'A1', [['a', 'b', 'c', 'd']]);
    f.setFormat('ผ.02', 'B1', { fill: 'FFFF00', fontColor: 'FF0000' });
    f.setFormat('ผ.02', 'C1', { fill: '00B050', pattern: 'Gray50', patternColor: '7030A0' });
    f.setFormat('ผ.02', 'D1', { fill: 'FFFFFF' }); // a deliberate white fill
  }

  it('restores the exact original fill (none, solid, patterned) and font colour', async () => {
    setup();
    officer(fake);
    const cells = ['A1', 'B1', 'C1', 'D1'];
    const before = cells.map((a) => fake.cell('ผ.02', a));
    const res = await highlightCells(
      [
        { sheet: 'ผ.02', address: 'A1', severity: 'error' },
        { sheet: 'ผ.02', address: 'B1', severity: 'warning' },
        { sheet: 'ผ.02', address: 'C1:D1', severity: 'info' },
        { sheet: 'ผ.02', address: 'A1', severity: 'info' }, // less severe duplicate
        { sheet: 'ไม่มี', address: 'A1', severity: 'error' },
      ],
      fake.run,
    );
    expect(res).toEqual({ highlighted: 4, skipped: 1 });
    expect(fake.syncs).toBe(3);
    expect(fake.cell('ผ.02', 'A1')).toMatchObject({ fill: { color: '#FFC7CE', pattern: 'Solid' }, font: { color: '#9C0006' } });
    expect(fake.cell('ผ.02', 'B1').fill.color).toBe('#FFEB9C');
    expect(fake.cell('ผ.02', 'C1').fill.color).toBe('#DDEBF7');
    fake.assertWritesOnlyTo(
      [],
      cells.map((address) => ({ sheet: 'ผ.02', address })),
    );
    expect(() => fake.assertWritesOnlyTo([], [{ sheet: 'ผ.02', address: 'A1' }])).toThrow();

    // Highlighting again (a re-run) must not capture our own colours as "original".
    await highlightCells([{ sheet: 'ผ.02', address: 'B1', severity: 'error' }], fake.run);
    expect(fake.cell('ผ.02', 'B1').fill.color).toBe('#FFC7CE');

    fake.resetCounters();
    const cleared = await clearHighlights(fake.run); // a fresh context: as after a reload
    expect(cleared).toEqual({ restored: 4, skipped: 0 });
    expect(fake.syncs).toBe(3);
    expect(cells.map((a) => fake.cell('ผ.02', a))).toEqual(before);
    expect(fake.settings.size).toBe(0);
    expect(await clearHighlights(fake.run)).toEqual({ restored: 0, skipped: 0 });
  });

  it('maps findings to cells (sheet-wide findings have no cell)', () => {
    expect(
      highlightsFromFindings([
        { sheet: 'ผ.02', row: 15, column: 'b', severity: 'error' },
        { sheet: 'ผ.02', row: null, column: null, severity: 'warning' },
        { sheet: 'ผ.02', row: 3, column: null, severity: 'info' },
      ]),
    ).toEqual([{ sheet: 'ผ.02', address: 'B15', severity: 'error' }]);
  });

  it('leaves a cell alone when the officer refilled it after highlighting', async () => {
    setup();
    officer(fake);
    await highlightCells(
      [
        { sheet: 'ผ.02', address: 'A1', severity: 'error' },
        { sheet: 'ผ.02', address: 'B1', severity: 'error' },
      ],
      fake.run,
    );
    fake.setFormat('ผ.02', 'A1', { fill: '00FF00' });
    expect(await clearHighlights(fake.run)).toEqual({ restored: 1, skipped: 1 });
    expect(fake.cell('ผ.02', 'A1').fill.color).toBe('#00FF00');
    expect(fake.cell('ผ.02', 'B1').fill.color).toBe('#FFFF00');
  });

  it('highlights tens of thousands of cells on Excel on the web within its 5 MB request and response limits', async () => {
    setup('1.13', true);
    fake.addSheet('ผ.02');
    const rows = 15000;
    fake.setValues(
      'ผ.02',
      'A1',
      Array.from({ length: rows }, (_, i) => [`โครงการที่ ${i + 1}`, i]),
    );
    fake.setFormat('ผ.02', 'A7', { fill: 'FFFF00', fontColor: 'FF0000' }); // the officer's own colours survive
    const cells = Array.from({ length: rows }, (_, i) => [
      { sheet: 'ผ.02', address: `A${i + 1}`, severity: 'error' as const },
      { sheet: 'ผ.02', address: `B${i + 1}`, severity: i % 2 ? ('warning' as const) : ('info' as const) },
    ]).flat();
    const before = fake.cell('ผ.02', 'A7');
    const res = await highlightCells(cells, fake.run);
    expect(res).toEqual({ highlighted: 2 * rows, skipped: 0 });
    const MB = 1024 * 1024;
    expect(Math.max(...fake.syncLog.map((s) => s.bytes))).toBeLessThan(4 * MB);
    expect(Math.max(...fake.syncLog.map((s) => s.responseBytes))).toBeLessThan(4 * MB);
    // Fills go out in several requests, never more than 1 sync per block plus the store read and the last write.
    expect(fake.syncs).toBeGreaterThan(3);
    expect(fake.syncs).toBeLessThanOrEqual(2 + Math.ceil((2 * rows) / 2000));
    // The saved originals stay small: one group per distinct original format, not one record per cell.
    expect(JSON.stringify(fake.settings.get('OnePlan.highlights')).length).toBeLessThan(300 * 1024);
    expect(fake.cell('ผ.02', 'B9000').fill.color).toBe('#FFEB9C');

    fake.resetCounters();
    expect(await clearHighlights(fake.run)).toEqual({ restored: 2 * rows, skipped: 0 });
    expect(Math.max(...fake.syncLog.map((s) => s.bytes))).toBeLessThan(4 * MB);
    expect(Math.max(...fake.syncLog.map((s) => s.responseBytes))).toBeLessThan(4 * MB);
    expect(fake.cell('ผ.02', 'A7')).toEqual(before);
    expect(fake.cell('ผ.02', 'B9000').fill.pattern).toBe('None');
    expect(fake.settings.size).toBe(0);
  });

  it('clears highlights saved by the earlier one-record-per-cell store', async () => {
    setup();
    officer(fake);
    fake.setFormat('ผ.02', 'B1', { fill: 'FFC7CE', fontColor: '9C0006' }); // as highlighted then
    fake.settings.set(
      'OnePlan.highlights',
      JSON.stringify({
        v: 1,
        cells: [{ s: 'ผ.02', a: 'B1', fill: '#FFFF00', pattern: 'Solid', patternColor: null, font: '#FF0000', hl: '#FFC7CE' }],
      }),
    );
    expect(await clearHighlights(fake.run)).toEqual({ restored: 1, skipped: 0 });
    expect(fake.cell('ผ.02', 'B1')).toMatchObject({ fill: { color: '#FFFF00' }, font: { color: '#FF0000' } });
  });

  it('a failure half-way through a large highlight leaves every filled cell restorable', async () => {
    setup('1.13', true);
    fake.addSheet('ผ.02');
    const rows = 5000;
    fake.setValues(
      'ผ.02',
      'A1',
      Array.from({ length: rows }, (_, i) => [i]),
    );
    const cells = Array.from({ length: rows }, (_, i) => ({ sheet: 'ผ.02', address: `A${i + 1}`, severity: 'error' as const }));
    // The 4th sync (second block's originals + first block's fills) succeeds; the 5th is refused.
    const run = fake.run;
    let n = 0;
    const failing: typeof run = (batch) =>
      run(async (context) => {
        const sync = context.sync.bind(context);
        context.sync = async () => {
          if (++n === 4) throw new Error('network lost');
          return sync();
        };
        return batch(context);
      });
    await expect(highlightCells(cells, failing)).rejects.toThrow(/network lost/);
    const filled = Array.from({ length: rows }, (_, i) => fake.cell('ผ.02', `A${i + 1}`).fill.color).filter((c) => c === '#FFC7CE').length;
    expect(filled).toBeGreaterThan(0);
    expect(await clearHighlights(fake.run)).toEqual({ restored: filled, skipped: 0 });
    expect(Array.from({ length: rows }, (_, i) => fake.cell('ผ.02', `A${i + 1}`).fill.pattern).every((p) => p === 'None')).toBe(true);
  });

  it('on ExcelApi 1.4 (no fill.pattern) restores no-fill cells with fill.clear()', async () => {
    setup('1.4');
    officer(fake);
    const before = fake.cell('ผ.02', 'A1');
    const beforeB = fake.cell('ผ.02', 'B1');
    await highlightCells([{ sheet: 'ผ.02', address: 'A1:B1', severity: 'warning' }], fake.run);
    await clearHighlights(fake.run);
    expect(fake.cell('ผ.02', 'A1')).toEqual(before);
    expect(fake.cell('ผ.02', 'B1')).toEqual(beforeB);
  });
});

describe('selectCell / applyFix', () => {
  it('selects a cell on another sheet in one sync', async () => {
    setup();
    planSheet(fake, 'A', 1);
    planSheet(fake, 'B', 1);
    await selectCell('B', 'C5', fake.run);
    expect(fake.activeSheetId).toBe(fake.sheet('B').id);
    expect(fake.sheet('B').selection).toBe('C5');
    expect(fake.syncs).toBe(1);
    expect(fake.writes).toEqual([]);
  });

  it('writes one value text-safely into one cell', async () => {
    setup();
    planSheet(fake, 'ผ.01', 2);
    const r = await applyFix('ผ.01', 'C4', 1500, fake.run);
    expect(r.previous).toBe(1000);
    expect(fake.cell('ผ.01', 'C4').value).toBe(1500);
    await applyFix('ผ.01', 'D4', '=cmd|calc', fake.run);
    expect(fake.cell('ผ.01', 'D4')).toMatchObject({ value: '=cmd|calc', formula: undefined });
    fake.assertWritesOnlyTo(
      [],
      [
        { sheet: 'ผ.01', address: 'C4' },
        { sheet: 'ผ.01', address: 'D4' },
      ],
    );
    await expect(applyFix('ผ.01', 'C4:C5', 1, fake.run)).rejects.toThrow(/one cell/);
  });
});
