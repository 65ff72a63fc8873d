/** Writer: round trip through our reader, exceljs (oracle) and LibreOffice. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { textAt } from '../../src/engine/model';
import { DEFAULT_FONT } from '../../src/engine/output';
import { rowHeightFor } from '../../src/engine/print';
import type { OutWorkbook, StreamedSheet } from '../../src/engine/output';
import { OutSheetSchema } from '../../src/engine/output-schema';
import { nodeZip, nodeZipAsync, nodeZipPiecesAsync, readWorkbookFile, writeFileBytes } from '../../src/node/files';
import { AsciiText, ByteSink } from '../../src/xlsx/bytes';
import { readXlsx } from '../../src/xlsx/read';
import { edgeSpace, escapeXml, partBytes, stripIllegalXml, writeXlsx, xlsxParts, type PartData } from '../../src/xlsx/write';

const header = { bold: true, align: 'center' as const, valign: 'center' as const, wrap: true, border: true, fill: 'D9E1F2' };
const money = { numFmt: '#,##0;-#,##0;"-"', border: true };

const wbOut: OutWorkbook = {
  sheets: [
    {
      name: 'บัญชีความต้องการ',
      rows: [
        [{ value: 'บัญชีความต้องการของอำเภอ ปี 2568', style: { bold: true, size: 20, align: 'center' } }],
        ['ที่', 'โครงการ', 'งบประมาณ 2568', 'งบประมาณ 2569', 'รวม', 'หมายเหตุ'],
        [
          1,
          'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3',
          { value: 1500000, style: money },
          { value: 0, style: money },
          { value: 1500000, formula: 'C3+D3', style: money },
          '=1+1',
        ],
        [
          2,
          'ขุดลอกคลอง\nบ้านหนองบัว',
          { value: 250000.5, style: { numFmt: '#,##0.00' } },
          { value: -1000, style: money },
          { value: 249000.5, formula: '=SUM(C4:D4)' },
          '+HYPERLINK("x")',
        ],
        [3, '@SUM(A1)', null, { value: 'ข้อความ', style: { italic: true, color: 'FF0000' } }, { value: true }, '-5'],
      ],
      rowStyles: { '1': header },
      merges: [{ r1: 0, c1: 0, r2: 0, c2: 5 }],
      colWidths: [6, 45, 14, 14, 14, 20],
      freezeRows: 2,
      table: { headerRow: 1, lastRow: 4, lastCol: 5, name: 'Needs' },
      page: { orientation: 'landscape', fitWidth: true },
      printTitleRows: [0, 1],
    },
    {
      name: "O'Brien [1]",
      rows: [['x', 'y']],
      font: { name: 'TH SarabunIT๙', size: 14 },
      page: { orientation: 'portrait', fitWidth: false },
    },
  ],
};

const bytes = writeXlsx(wbOut);

test('the sample workbook description is valid for the output schema', () => {
  for (const s of wbOut.sheets) expect(OutSheetSchema.safeParse(s).success).toBe(true);
});

test('round trip through readXlsx: values, display text, formulas, merges', () => {
  const wb = readXlsx(bytes, 'out.xlsx');
  expect(wb.sheets.map((s) => s.name)).toEqual(['บัญชีความต้องการ', "O'Brien _1_"]);
  const s = wb.sheets[0];
  expect(textAt(s, 0, 0)).toBe('บัญชีความต้องการของอำเภอ ปี 2568');
  expect([0, 1, 2, 3, 4, 5].map((c) => textAt(s, 1, c))).toEqual(['ที่', 'โครงการ', 'งบประมาณ 2568', 'งบประมาณ 2569', 'รวม', 'หมายเหตุ']);
  expect(s.rows[2]?.[2]).toMatchObject({ v: 1500000, t: 'n', w: '1,500,000' });
  expect(s.rows[2]?.[3]).toMatchObject({ v: 0, t: 'n', w: '-' });
  expect(s.rows[2]?.[4]).toMatchObject({ v: 1500000, f: 'C3+D3', w: '1,500,000' });
  expect(s.rows[3]?.[1]?.v).toBe('ขุดลอกคลอง\nบ้านหนองบัว');
  expect(s.rows[3]?.[2]?.w).toBe('250,000.50');
  expect(s.rows[3]?.[3]?.w).toBe('-1,000');
  expect(s.rows[3]?.[4]).toMatchObject({ v: 249000.5, f: 'SUM(C4:D4)' });
  expect(s.rows[4]?.[4]).toMatchObject({ v: true, t: 'b' });
  expect(s.rows[4]?.[2]).toBeUndefined();
  expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 5 }]);
  expect(wb.sheets[1].rows[0]?.map((c) => c?.v)).toEqual(['x', 'y']);
});

test('a text written once (inline, not shared) reads back as the shared one would, in our reader and in exceljs', async () => {
  const texts = [
    'ก่อสร้างถนน.xlsx / ผ.02 / แถว ๑๖\nอีกไฟล์.xlsx / ผ.02 / แถว 7',
    '  เว้นวรรคหน้าและหลัง  ',
    'A & B <c> "q" _x0041_ \r',
    'ควบคุม\u0001\u0008ตัดออก\ud800',
    'ก'.repeat(40000),
    '=HYPERLINK("http://x")',
  ];
  const sheet = (once: boolean): OutWorkbook => ({
    sheets: [
      {
        name: 'ที่มา',
        rows: texts.map((t, i) => [i + 1, once ? { value: t, style: { wrap: true }, once } : { value: t, style: { wrap: true } }]),
      },
    ],
  });
  const inline = writeXlsx(sheet(true));
  const shared = writeXlsx(sheet(false));
  const parts = unzipSync(inline);
  expect(strFromU8(parts['xl/worksheets/sheet1.xml'])).toContain('t="inlineStr"><is><t xml:space="preserve">  เว้นวรรค');
  // None of them in the shared-string table.
  expect(strFromU8(parts['xl/sharedStrings.xml'] ?? new Uint8Array())).not.toContain('แถว');
  const a = readXlsx(inline, 'a.xlsx').sheets[0];
  const b = readXlsx(shared, 'b.xlsx').sheets[0];
  expect(a.rows).toEqual(b.rows);
  expect(a.rows[4]?.[1]?.v).toHaveLength(32767); // cut at Excel's limit, as a shared one is
  expect(a.rows[3]?.[1]?.v).toBe('ควบคุมตัดออก');
  const ex = new ExcelJS.Workbook();
  await ex.xlsx.load(Buffer.from(inline) as unknown as ExcelJS.Buffer);
  expect(ex.worksheets[0].getCell('B1').value).toBe(texts[0]);
  expect(ex.worksheets[0].getCell('B2').value).toBe(texts[1]);
});

test('strings that look like formulas stay text', () => {
  const s = readXlsx(bytes, 'out.xlsx').sheets[0];
  for (const [r, c, text] of [
    [2, 5, '=1+1'],
    [3, 5, '+HYPERLINK("x")'],
    [4, 1, '@SUM(A1)'],
    [4, 5, '-5'],
  ] as const) {
    expect(s.rows[r]?.[c]).toEqual({ v: text, t: 's', w: text });
  }
  const sheetXml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
  expect(sheetXml.match(/<f>/g)).toHaveLength(2);
  expect(sheetXml).not.toContain('<f>1+1');
});

test('exceljs opens the file: fonts, styles, widths, page setup, print titles, freeze, autofilter', async () => {
  const xl = new ExcelJS.Workbook();
  await xl.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = xl.getWorksheet('บัญชีความต้องการ') as ExcelJS.Worksheet;
  expect(ws).toBeDefined();
  expect(ws.getCell('C3').font?.name).toBe('TH Sarabun New');
  expect(ws.getCell('C3').font?.size).toBe(16);
  expect(ws.getCell('A1').font).toMatchObject({ name: 'TH Sarabun New', bold: true, size: 20 });
  expect(ws.getCell('B2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
  expect(ws.getCell('B2').border?.top?.style).toBe('thin');
  expect(ws.getCell('B2').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
  expect(ws.getCell('C3').numFmt).toBe('#,##0;-#,##0;"-"');
  expect(ws.getCell('D5').font).toMatchObject({ italic: true, color: { argb: 'FFFF0000' } });
  expect(ws.getCell('F3').value).toBe('=1+1');
  expect(ws.getCell('E3').value).toMatchObject({ formula: 'C3+D3', result: 1500000 });
  expect([1, 2, 3, 4, 5, 6].map((c) => ws.getColumn(c).width)).toEqual([6, 45, 14, 14, 14, 20]);
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  expect(ws.pageSetup.printTitlesRow).toBe('1:2');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  expect(ws.autoFilter).toBe('A2:F5');
  expect(ws.model.merges).toEqual(['A1:F1']);
  // merged area cells carry the title style; the header row style reaches every header cell
  expect(ws.getCell('F2').border?.left?.style).toBe('thin');
  const ws2 = xl.worksheets[1];
  expect(ws2.getCell('A1').font?.name).toBe('TH SarabunIT๙');
  expect(ws2.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
});

test('escaping: XML specials, illegal control characters, _xHHHH_ literals, long text', () => {
  const weird = 'a & b < c > d "e" \'f\' _x0041_ \u0001\u0008 tab\tcr\r\nend 😀';
  const long = 'ก'.repeat(40000);
  const out = writeXlsx({ sheets: [{ name: 'S', rows: [[weird, ' lead', 'trail ', long]] }] });
  const r = readXlsx(out, 'e.xlsx').sheets[0].rows[0];
  expect(r?.[0]?.v).toBe('a & b < c > d "e" \'f\' _x0041_  tab\tcr\r\nend 😀');
  expect(r?.[1]?.v).toBe(' lead');
  expect(r?.[2]?.v).toBe('trail ');
  expect((r?.[3]?.v as string).length).toBe(32767);
  expect(escapeXml('x\u0000y<')).toBe('xy&lt;');
});

test('xml:space="preserve" exactly when a text begins or ends with white space as \\s has it', () => {
  const spaces = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff'];
  const notSpaces = ['\u200b', '\u0e31', '๑', 'ก', 'a', '-', '\u0085', '\ud83d\ude00', '\u2060', '\u180e'];
  const texts = ['', 'ก่อสร้างถนน คสล.'];
  for (const a of [...spaces, ...notSpaces, '']) for (const b of [...spaces, ...notSpaces, '']) texts.push(`${a}ถนน ${b}`, `${a}${b}`);
  for (let u = 0; u < 0x3100; u++) texts.push(String.fromCharCode(u), `x${String.fromCharCode(u)}`);
  for (const t of texts) expect([t, edgeSpace(t)]).toEqual([t, /^[\s]|[\s]$/.test(t)]);
});

test('the shared strings are written (a few thousand characters at a time) as each entry escaped alone', () => {
  const parts = ['ก่อสร้างถนน', ' ', 'a & b', '<x>', '"q"', '_x0041_', '\u0001', '😀', 'คสล.', '\t', '\r\n', 'ตำบลนาดี', '1,250'];
  let seed = 5;
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const texts: string[] = [];
  for (let i = 0; i < 3000; i++) {
    let t = '';
    for (let k = rand(i % 50 === 0 ? 400 : 12); k >= 0; k--) t += parts[rand(parts.length)];
    texts.push(t);
  }
  const rows = texts.map((t, i) => [t, texts[(i * 7) % texts.length]]);
  const files = unzipSync(writeXlsx({ sheets: [{ name: 'S', rows }] }));
  const sst = strFromU8(files['xl/sharedStrings.xml']);
  // Each distinct text as cleaned (texts that differ only in characters XML cannot carry are one entry).
  const distinct = [...new Set(rows.flat().map(stripIllegalXml))];
  const entries = distinct.map((t) => (edgeSpace(t) ? '<si><t xml:space="preserve">' : '<si><t>') + escapeXml(t) + '</t></si>').join('');
  expect(entries.length).toBeGreaterThan(20 * 4096);
  expect(sst.slice(sst.indexOf('<si>'))).toBe(entries + '</sst>');
});

test('empty workbook and empty sheet still make a valid file', async () => {
  for (const wb of [{ sheets: [] }, { sheets: [{ name: 'ว่าง', rows: [] }] }] as OutWorkbook[]) {
    const b = writeXlsx(wb);
    expect(readXlsx(b, 'e.xlsx').sheets).toHaveLength(1);
    const xl = new ExcelJS.Workbook();
    await xl.xlsx.load(Buffer.from(b) as unknown as ExcelJS.Buffer);
    expect(xl.worksheets).toHaveLength(1);
  }
});

test('Node adapter writes and reads files; missing file is a Thai error', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'oneplan-x-'));
  try {
    const f = path.join(dir, 'sub', 'ผล.xlsx');
    await writeFileBytes(f, bytes);
    const wb = await readWorkbookFile(f);
    expect(wb.name).toBe('ผล.xlsx');
    expect(textAt(wb.sheets[0], 2, 1)).toBe('ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3');
    await expect(readWorkbookFile(path.join(dir, 'ไม่มี.xlsx'))).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('"ไม่มี.xlsx"'),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('100,000 rows write and read back', () => {
  const rows: OutSheetSchemaRows = [];
  for (let i = 0; i < 100000; i++) {
    rows.push([
      i + 1,
      `โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ${i % 20} ตำบลหนองบัว`,
      { value: (i % 97) * 10000, style: money },
      'กองช่าง',
      i % 3 === 0 ? '-' : null,
    ]);
  }
  const b = writeXlsx({ sheets: [{ name: 'big', rows, colWidths: [6, 50, 14, 20], freezeRows: 1 }] });
  const wb = readXlsx(b, 'big.xlsx');
  const s = wb.sheets[0];
  expect(s.rows).toHaveLength(100000);
  expect(s.rows[99999]?.[0]?.v).toBe(100000);
  expect(s.rows[99999]?.[2]?.w).toBe(((99999 % 97) * 10000).toLocaleString('en-US'));
});
type OutSheetSchemaRows = OutWorkbook['sheets'][number]['rows'];

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const sofficeTest = SOFFICE ? test : test.skip;
if (!SOFFICE) {
  console.warn('LibreOffice (soffice) not installed: skipping the LibreOffice conversion test');
}

sofficeTest(
  'LibreOffice converts a written file to CSV with the Thai text',
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oneplan-lo-'));
    try {
      const f = path.join(dir, 'out.xlsx');
      writeFileSync(f, bytes);
      execFileSync(
        SOFFICE as string,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1',
          '--outdir',
          dir,
          f,
        ],
        { timeout: 120000, stdio: 'pipe' },
      );
      const csvName = readdirSync(dir).find((x) => x.endsWith('.csv'));
      expect(csvName).toBeDefined();
      const csv = readFileSync(path.join(dir, csvName as string), 'utf8');
      expect(csv).toContain('ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3');
      expect(csv).toContain('บัญชีความต้องการของอำเภอ ปี 2568');
      expect(csv).toContain('=1+1');
      expect(csv).toMatch(/1,500,000|1500000/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  180000,
);

test('sheet names Excel would repair are cleaned in the right order; one-cell merges are dropped', () => {
  const bytes = writeXlsx({
    sheets: [
      { name: "abc' ", rows: [['x']], merges: [{ r1: 0, c1: 0, r2: 0, c2: 0 }] },
      { name: 'แผน\nงาน', rows: [['y']], merges: [{ r1: 1, c1: 1, r2: 0, c2: 0 }] },
    ],
  });
  const files = unzipSync(bytes);
  const wbXml = strFromU8(files['xl/workbook.xml']);
  expect(wbXml).toContain('name="abc"');
  expect(wbXml).toContain('name="แผน งาน"');
  expect(strFromU8(files['xl/worksheets/sheet1.xml'])).not.toContain('mergeCell');
  expect(strFromU8(files['xl/worksheets/sheet2.xml'])).toContain('<mergeCell ref="A1:B2"/>');
});

test('rows fitted to their wrapped texts carry the height rowHeightFor gives; empty styled cells keep their style', () => {
  const body = { border: true, wrap: true, valign: 'top' as const };
  const names = [
    'ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองบัว - บ้านโคกสูง หมู่ที่ ๓ ตำบลนาข่า (ต่อจากเดิม)',
    'ขุดลอกคลองส่งน้ำเพื่อการเกษตร',
    'ปรับปรุงระบบประปาหมู่บ้านแบบบาดาลขนาดใหญ่ พร้อมถังเก็บน้ำ หอถังสูง และระบบกรองน้ำ บ้านดอนแก้ว หมู่ที่ 12 ตำบลนาดี',
  ];
  // The same heights again and again (each row's attributes made once per height), and rows one line tall.
  const rows = Array.from({ length: 12 }, (_, i) => [
    { value: i + 1, style: body },
    { value: names[i % 3], style: body },
    { value: '', style: body },
    null,
    { value: i % 4 ? 'อบต.นาดี' : 'องค์การบริหารส่วนตำบลนาดี\nกองช่าง', style: body },
  ]);
  const sheet = { name: 'แผน', rows, colWidths: [5, 14, 6, 6, 8], fitRows: true, rowStyles: { '5': { fill: 'FFF2CC' } } };
  const xml = strFromU8(unzipSync(writeXlsx({ sheets: [sheet] }))['xl/worksheets/sheet1.xml']);
  const written = [...xml.matchAll(/<row r="(\d+)"([^>]*)>(.*?)<\/row>/g)];
  expect(written).toHaveLength(12);
  for (const [, r, attrs, cells] of written) {
    const i = Number(r) - 1;
    const ht = rowHeightFor(rows[i], sheet.colWidths, DEFAULT_FONT.size, i === 5 ? sheet.rowStyles['5'] : undefined);
    expect([r, attrs]).toEqual([r, ht === undefined ? '' : ` ht="${ht}" customHeight="1"`]);
    // The empty text takes its cell's style, as the number beside it does; the empty cell of the styled row its row's style.
    const styleOf = (ref: string) => new RegExp(`<c r="${ref}"( s="\\d+")?`).exec(cells)?.[1] ?? '';
    expect(cells).toContain(`<c r="C${r}"${styleOf(`A${r}`)}/>`);
    if (i === 5) expect(cells).toMatch(new RegExp(`<c r="D${r}" s="\\d+"/>`));
    else expect(cells).not.toContain(`"D${r}"`);
  }
  expect(new Set(written.map(([, , attrs]) => attrs)).size).toBeGreaterThan(2);
});

test('sheet XML is written straight to bytes: the same bytes as encoding it whole, across buffer edges', () => {
  type Part = ['ascii' | 'text', string] | ['ascii3', [string, string, string]] | ['cell', [string, string, string, number]];
  const parts: Part[] = [];
  for (let i = 0; i < 2000; i++)
    parts.push(
      ['ascii', '<c r="B'],
      // A cell's opening as the writer makes it: column, row number, style (a row number of every length).
      // Attributes of every length mod 4 (AsciiText's words and its last bytes).
      ['ascii3', ['<c r="' + 'ABZ'.slice(0, 1 + (i % 3)), String(i ** 3), ['" s="12"', '"', '" s="12"/>', '', '" s="1"/>'][i % 5]]],
      ['cell', ['<c r="AB', String(i + 1), '" s="3" t="s"><v>', i * 37]],
      // Digits written in place: every length up to 2^53 − 1, powers of ten and their neighbours, 0 and -0.
      [
        'cell',
        [
          '<c r="' + 'ABZ'.slice(0, 1 + (i % 3)),
          String(i ** 2),
          i % 2 ? '"><v>' : '" s="7"><v>',
          [10 ** (i % 16), 10 ** (i % 16) - 1, 10 ** (i % 16) + 1, Number.MAX_SAFE_INTEGER - i, (i * 7919) ** 2, 0, -0][i % 7],
        ],
      ],
      ['ascii', '" t="s"><v>'],
      ['text', 'ก่อสร้างถนน คสล. หมู่ที่ ๓'],
      ['text', '😀'],
      // Lone surrogates (a broken pair) become U+FFFD as TextEncoder writes them.
      ['text', ['a\uD800b', '\uDC00ไทย', 'x\uD83D', '\uDE00\uD83D\uDE00é'][i % 4]],
      ['text', ''],
    );
  const wholeText = parts.map(([k, v]) =>
    k === 'cell' ? v.slice(0, 3).join('') + String(v[3] === 0 ? 0 : v[3]) + '</v></c>' : Array.isArray(v) ? v.join('') : v,
  );
  const whole = new TextEncoder().encode(wholeText.join(''));
  for (const [first, max] of [
    [1, 1],
    [7, 16],
    [100, 1000],
    [1 << 14, 1 << 20],
  ]) {
    const sink = new ByteSink(first, max);
    const taken: Uint8Array[] = [];
    parts.forEach(([k, v], i) => {
      if (k === 'cell') sink.valueCell(new AsciiText(v[0]), v[1], new AsciiText(v[2]), v[3]);
      else if (k === 'ascii3') sink.ascii3(new AsciiText(v[0]), v[1], new AsciiText(v[2]));
      else sink[k](v);
      if (i % 500 === 0) taken.push(...sink.take()); // handed over as they fill, as the writer does
    });
    taken.push(...sink.take(true));
    expect([first, Buffer.from(partBytes(taken)).equals(Buffer.from(whole))]).toEqual([first, true]);
  }
  // A row with no cells is taken back whole, also right after a buffer was filled.
  const sink = new ByteSink(8, 8);
  sink.ascii('<a>');
  const at = sink.mark();
  sink.ascii('<row r="12">');
  sink.rollback(at);
  sink.text('ไทย');
  expect(new TextDecoder().decode(partBytes(sink.take(true)))).toBe('<a>ไทย');
});

describe('writeXlsx hands the zipper one sheet at a time', () => {
  /** A zipper that logs each part and each chunk as it takes them, then zips with nodeZip. */
  const loggingZip = (log: string[]) => (files: Iterable<[string, PartData]>, level: number) => {
    const taken: Array<[string, Uint8Array]> = [];
    for (const [name, data] of files) {
      log.push(`zip ${name}`);
      const chunks: Uint8Array[] = [];
      for (const c of data instanceof Uint8Array ? [data] : data) {
        log.push(`chunk ${name}`);
        chunks.push(c);
      }
      taken.push([name, partBytes(chunks)]);
    }
    return nodeZip(taken, level);
  };

  test('sheet k+1 is made only after the zipper has taken sheet k; styles and shared strings come last', () => {
    const log: string[] = [];
    const sheet = (k: number) => {
      const rows = Array.from({ length: 50 }, (_, r) => [`โครงการที่ ${k}-${r}`, r * 1000]);
      // Reading a sheet's rows means its XML is being made.
      return Object.defineProperty({ name: `ชีต${k}` }, 'rows', {
        enumerable: true,
        get: () => {
          if (log[log.length - 1] !== `made ${k}`) log.push(`made ${k}`);
          return rows;
        },
      });
    };
    const wb = { sheets: [sheet(1), sheet(2), sheet(3)] };
    const bytes = writeXlsx(wb as OutWorkbook, { zip: loggingZip(log) });
    const order = log.filter((l) => /made|zip .*(sheet\d|styles|sharedStrings)/.test(l));
    expect(order).toEqual([
      'zip xl/worksheets/sheet1.xml',
      'made 1',
      'zip xl/worksheets/sheet2.xml',
      'made 2',
      'zip xl/worksheets/sheet3.xml',
      'made 3',
      'zip xl/styles.xml',
      'zip xl/sharedStrings.xml',
    ]);
    const back = unzipSync(bytes);
    expect(strFromU8(back['xl/sharedStrings.xml'])).toContain('โครงการที่ 3-49');
  });

  test("a big sheet's XML reaches the zipper in chunks while its rows are still being made; nodeZip's chunked deflate reads back", () => {
    const log: string[] = [];
    const N = 40_000;
    const sheet: StreamedSheet = {
      name: 'ใหญ่',
      rowCount: N,
      width: 3,
      rowAt: (i) => {
        if (i === N - 1) log.push('last row');
        return [i + 1, `ก่อสร้างถนน คสล. หมู่ที่ ${i % 20}`, { value: i * 1000, style: { numFmt: '#,##0' } }];
      },
    };
    const bytes = writeXlsx({ sheets: [sheet] }, { zip: loggingZip(log) });
    const mine = log.filter((l) => l === 'chunk xl/worksheets/sheet1.xml' || l === 'last row');
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.indexOf('chunk xl/worksheets/sheet1.xml')).toBeLessThan(mine.indexOf('last row'));
    // nodeZip on its own, given the chunks as they come: deflated chunk by chunk, read back whole.
    const direct = writeXlsx({ sheets: [sheet] }, { zip: nodeZip });
    for (const b of [bytes, direct]) {
      const wb = readXlsx(b, 'big.xlsx');
      expect(wb.sheets[0].rows.length).toBe(N);
      expect(wb.sheets[0].rows[N - 1]?.[1]?.v).toBe(`ก่อสร้างถนน คสล. หมู่ที่ ${(N - 1) % 20}`);
      expect(wb.sheets[0].rows[N - 1]?.[2]?.w).toBe(((N - 1) * 1000).toLocaleString('en-US'));
    }
    expect(strFromU8(unzipSync(direct)['xl/worksheets/sheet1.xml'])).toBe(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']));
  });

  test('nodeZipAsync (chunks deflated on the thread pool while the next is made) writes the same bytes as nodeZip', async () => {
    // Thai texts with a merged header, blanks and "-" across several ~1 MB chunks of one sheet.
    const N = 30_000;
    const sheet: StreamedSheet = {
      name: 'แผนความต้องการ',
      rowCount: N,
      width: 4,
      merges: [{ r1: 0, c1: 0, r2: 0, c2: 3 }],
      rowAt: (i) =>
        i === 0
          ? [{ value: 'แผนความต้องการของอำเภอ ปี ๒๕๖๘', style: { bold: true } }]
          : [
              i,
              `ก่อสร้างถนน คสล. หมู่ที่ ${i % 20} ตำบลนาดี`,
              i % 7 === 0 ? '-' : { value: i * 1000, style: { numFmt: '#,##0' } },
              i % 5 ? '' : 'หมายเหตุ',
            ],
    };
    const created = new Date(Date.UTC(2025, 4, 15, 9, 30));
    jest.useFakeTimers({ now: created, doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      const sync = writeXlsx({ sheets: [sheet, wbOut.sheets[0]] }, { zip: nodeZip, created });
      const async = await nodeZipAsync(xlsxParts({ sheets: [sheet, wbOut.sheets[0]] }, { created }), 3);
      expect(strFromU8(unzipSync(async)['xl/worksheets/sheet1.xml']).length).toBeGreaterThan(3 << 20);
      expect(Buffer.from(async).equals(Buffer.from(sync))).toBe(true);
      const back = readXlsx(async, 'needs.xlsx');
      expect(back.sheets[0].rows[N - 1]?.[1]?.v).toBe(`ก่อสร้างถนน คสล. หมู่ที่ ${(N - 1) % 20} ตำบลนาดี`);
      expect(back.sheets[0].merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 3 }]);
      // As `oneplan consolidate` writes it: in pieces, never joined in memory, the same file.
      const pieces = await nodeZipPiecesAsync(xlsxParts({ sheets: [sheet, wbOut.sheets[0]] }, { created }), 3);
      expect(pieces.length).toBeGreaterThan(4);
      const dir = mkdtempSync(path.join(tmpdir(), 'oneplan-pieces-'));
      try {
        const f = path.join(dir, 'แผนความต้องการ.xlsx');
        await writeFileBytes(f, pieces);
        expect(readFileSync(f).equals(Buffer.from(sync))).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      jest.useRealTimers();
    }
  });
});
