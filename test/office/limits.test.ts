/**
 * Excel's real limits, reproduced in the fake (test/office/fakeExcel.ts) before the code relies on them:
 * a range read over 5,000,000 cells fails; getMergedAreasOrNullObject fails over 512 merged areas
 * (and reports only areas whose top-left cell is in the range); Range.top/left need ExcelApi 1.10.
 * Each test here failed on the code before the office layer read in bounded row blocks.
 */
import { readWorkbook, readWorksheet, SHEET_CELL_LIMIT, writeSheet } from '../../src/office/excel';
import { validateWorkbook } from '../../src/engine/validate';
import { FakeExcel, FakeOfficeError, MAX_CELLS_PER_READ } from './fakeExcel';

let fake: FakeExcel;
let uninstall: (() => void) | undefined;

function setup(opts: { apiVersion?: string; web?: boolean } = {}): FakeExcel {
  uninstall?.();
  fake = new FakeExcel({ apiVersion: opts.apiVersion ?? '1.13' });
  if (opts.web) fake.asExcelOnTheWeb();
  uninstall = fake.installOffice();
  return fake;
}
afterEach(() => uninstall?.());

/** A small plan table at B2 (title merged over B2:D2). */
function plan(f: FakeExcel, name: string, rows = 20): void {
  f.addSheet(name);
  f.setValues(name, 'B2', [
    ['แผนพัฒนาอำเภอ ปี 2568', null, null],
    ['โครงการ', 'งบประมาณ', 'หมายเหตุ'],
  ]);
  f.addMerge(name, 'B2:D2');
  f.setValues(
    name,
    'B4',
    Array.from({ length: rows }, (_, i) => [`โครงการที่ ${i + 1}`, 1000 * (i + 1), '-']),
  );
}

describe('the fake refuses what Excel refuses', () => {
  test('a read of more than 5,000,000 cells fails', async () => {
    setup();
    fake.addSheet('S');
    const read = (address: string) =>
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('S').getRange(address).load('values');
        await ctx.sync();
        return r.values.length;
      });
    await expect(read('A1:E1000001')).rejects.toThrow(/limit is 5000000/);
    expect(MAX_CELLS_PER_READ).toBe(5_000_000);
    await expect(read('A1:E1000')).resolves.toBe(1_000);
  });

  test('getMergedAreasOrNullObject fails over 512 areas and sees only areas starting in the range', async () => {
    setup();
    fake.addSheet('S');
    for (let r = 1; r <= 513; r++) fake.addMerge('S', `A${r}:B${r}`);
    const merged = (address: string) =>
      fake.run(async (ctx) => {
        const m = ctx.workbook.worksheets.getItem('S').getRange(address).getMergedAreasOrNullObject().load('address');
        await ctx.sync();
        return m.isNullObject ? [] : m.address.split(', ');
      });
    await expect(merged('A1:B513')).rejects.toThrow(FakeOfficeError);
    await expect(merged('A1:B512')).resolves.toHaveLength(512);
    await expect(merged('B1:C10')).resolves.toEqual([]); // the areas start in column A
  });

  test('Range.top needs ExcelApi 1.10', async () => {
    setup({ apiVersion: '1.9' });
    fake.addSheet('S');
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A2').load('top');
        await ctx.sync();
      }),
    ).rejects.toThrow(/needs ExcelApi 1.10/);
  });
});

describe.each([
  ['Excel desktop', false],
  ['Excel on the web', true],
])('reading a sheet with stray far-away cells (%s)', (_host, web) => {
  test('one stray value at AZ200000 does not fail the read nor cost a sync per block of empty rows', async () => {
    setup({ web });
    plan(fake, 'ผ.02');
    fake.setValues('ผ.02', 'AZ200000', [['x']]);
    const wb = await readWorkbook(fake.run);
    const s = wb.sheets[0];
    expect(s.rows[1]![1]!.v).toBe('แผนพัฒนาอำเภอ ปี 2568');
    expect(s.rows[22]![2]!.v).toBe(20_000);
    expect(s.rows[199_999]![51]!.v).toBe('x');
    expect(s.merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 3 }]);
    expect(s.tooLarge).toBeUndefined();
    expect(fake.syncs).toBeLessThanOrEqual(12);
    expect(fake.cellsRead).toBeLessThan(5 * 100 * 10); // the plan's cells and the stray one, not 10 million
  });

  test('stray values near XFD (XFC3, XFD1048576) too', async () => {
    setup({ web });
    plan(fake, 'ผ.02');
    fake.setValues('ผ.02', 'XFC3', [['y']]);
    fake.setValues('ผ.02', 'XFD1048576', [['z']]);
    const s = await readWorksheet('ผ.02', fake.run);
    expect(s.rows[2]![16_382]!.v).toBe('y');
    expect(s.rows[1_048_575]![16_383]!.v).toBe('z');
    expect(s.rows[4]![1]!.v).toBe('โครงการที่ 2');
    expect(fake.syncs).toBeLessThanOrEqual(30);
    expect(fake.cellsRead).toBeLessThan(5 * 100 * 10);
  });
});

test('an absurdly large sheet is read up to a limit and Validate says so on that sheet', async () => {
  setup();
  plan(fake, 'ผ.02', 30);
  // A dense block far larger than a plan: 300 rows × 40 columns = 12,000 cells against a limit of 5,000.
  fake.setValues(
    'ผ.02',
    'F40',
    Array.from({ length: 300 }, (_, r) => Array.from({ length: 40 }, (_, c) => r * 40 + c)),
  );
  const wb = await readWorkbook(fake.run, { maxCells: 5_000 });
  const s = wb.sheets[0];
  expect(s.tooLarge).toMatchObject({ limit: 5_000 });
  expect(s.tooLarge!.cells).toBeGreaterThan(12_000);
  expect(s.rows[4]![1]!.v).toBe('โครงการที่ 2'); // the top is read
  const report = validateWorkbook(wb);
  const f = report.sheets[0].findings.find((x) => x.code === 'sheet-too-large');
  expect(f).toMatchObject({ severity: 'error', sheet: 'ผ.02', row: null });
  expect(f!.message).toContain('5,000');
  expect(f!.messageEn).toMatch(/abnormally large/);
  expect(SHEET_CELL_LIMIT).toBeGreaterThanOrEqual(1_000_000);
});

test('more than 512 merged areas are all read (per row block)', async () => {
  setup();
  fake.addSheet('ผ.02');
  const rows = 1_200;
  fake.setValues(
    'ผ.02',
    'A1',
    Array.from({ length: rows }, (_, i) => [`โครงการ ${i + 1}`, null, 1000]),
  );
  for (let r = 1; r <= rows; r++) fake.addMerge('ผ.02', `A${r}:B${r}`);
  const s = await readWorksheet('ผ.02', fake.run);
  expect(s.merges).toHaveLength(rows);
  expect(new Set(s.merges.map((m) => m.r1)).size).toBe(rows);
  expect(s.merges[rows - 1]).toEqual({ r1: rows - 1, c1: 0, r2: rows - 1, c2: 1 });
  expect(fake.syncs).toBeLessThanOrEqual(10);
});

test('a merged area starting in an empty cell above the data is still read', async () => {
  setup();
  fake.addSheet('S');
  fake.setValues('S', 'A3', [['a', 'b']]);
  fake.addMerge('S', 'A1:B2'); // an empty merged banner above the table
  fake.addMerge('S', 'A3:B3');
  const s = await readWorksheet('S', fake.run);
  expect(s.merges).toEqual(
    expect.arrayContaining([
      { r1: 0, c1: 0, r2: 1, c2: 1 },
      { r1: 2, c1: 0, r2: 2, c2: 1 },
    ]),
  );
});

test('text boxes on ExcelApi 1.9 (no Range.top/left) are read and placed from default row and column sizes', async () => {
  setup({ apiVersion: '1.9' });
  plan(fake, 'ผ.02');
  fake.addShape('ผ.02', { type: 'GeometricShape', top: 20, left: 300, text: 'แบบ ผ.02' });
  const s = await readWorksheet('ผ.02', fake.run);
  expect(s.textBoxes).toEqual([{ text: 'แบบ ผ.02', row: 1, col: 6 }]);
  expect(s.rows[3]![1]!.v).toBe('โครงการที่ 1');
});

describe('writing a report, calendar or needs table again rewrites our sheet in place', () => {
  const report = (rows: number, title: string) => ({
    name: 'ความต้องการ',
    rows: [
      [title, null, null],
      ['โครงการ', 'งบประมาณ', 'หน่วยงาน'],
      ...Array.from({ length: rows }, (_, i) => [`โครงการ ${i + 1}`, 1000 * (i + 1), 'อบต.']),
    ],
    merges: [{ r1: 0, c1: 0, r2: 0, c2: 2 }],
    freezeRows: 2,
    table: { headerRow: 1, lastRow: rows + 1, lastCol: 2, name: 'Needs' },
  });

  test('same sheet (nothing deleted), names pointing at it stay valid, old contents all gone', async () => {
    setup();
    plan(fake, 'ผ.02');
    const first = await writeSheet(report(30, 'รอบที่ 1'), {}, fake.run);
    expect(first.replaced).toBeNull();
    const id = fake.sheet('ความต้องการ').id;
    // The officer points a name (and so formulas) at our sheet, and types in it.
    fake.addName('ยอดรวม', 'ความต้องการ', '$B$3');
    fake.setValues('ความต้องการ', 'E5', [['หมายเหตุของเจ้าหน้าที่']]);
    fake.resetCounters();

    const second = await writeSheet(report(10, 'รอบที่ 2'), {}, fake.run);
    expect(second).toMatchObject({ name: 'ความต้องการ', replaced: 'ความต้องการ', filter: 'table' });
    expect(fake.writes.some((w) => w.what === 'delete')).toBe(false);
    expect(fake.sheet('ความต้องการ').id).toBe(id);
    expect(fake.sheetNames()).toEqual(['ผ.02', 'ความต้องการ']);
    expect(fake.nameFormula(fake.names.find((n) => n.name === 'ยอดรวม')!)).toBe("='ความต้องการ'!$B$3");
    expect(fake.cell('ความต้องการ', 'A1').value).toBe('รอบที่ 2');
    expect(fake.cell('ความต้องการ', 'A12').value).toBe('โครงการ 10');
    expect(fake.cell('ความต้องการ', 'A13').value).toBeNull(); // row 13 of the first write is gone
    expect(fake.cell('ความต้องการ', 'E5').value).toBeNull(); // replaced, as the result says
    const s = fake.sheet('ความต้องการ');
    expect(s.tables).toEqual([{ name: 'Needs', rect: { r1: 1, c1: 0, r2: 11, c2: 2 }, style: 'TableStyleLight1' }]);
    expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 2 }]);
    expect(s.freezeRows).toBe(2);
    fake.assertWritesOnlyTo(['ความต้องการ']);
  });
});
