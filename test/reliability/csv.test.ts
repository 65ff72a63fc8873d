/** CSV inputs: encodings (UTF-8 ± BOM, TIS-620), RFC 4180 quoting, delimiter sniffing, cells, dispatch by content. */
import { strToU8 } from 'fflate';
import { main } from '../../src/cli/oneplan';
import { readAmount } from '../../src/engine/values';
import { readWorkbookFile } from '../../src/node/files';
import { detectEncoding, readCsv, sniffDelimiter } from '../../src/xlsx/csv';
import { readWorkbookBytes } from '../../src/xlsx/open';
import { writeXlsx } from '../../src/xlsx/write';
import { cliIo, tempFiles, tis620 } from './helpers';

const THAI =
  'ลำดับ,โครงการ,งบประมาณ (บาท),หน่วยงานรับผิดชอบ\n1,ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓,"1,500,000",กองช่าง\n2,ขุดลอกคลองนาดี,๘๐๐๐๐๐,กรมชลประทาน\n';

function values(bytes: Uint8Array, name = 'แผน.csv') {
  const wb = readCsv(bytes, name);
  return wb.sheets[0].rows.map((r) => (r ?? []).map((c) => c?.v ?? null));
}

test('UTF-8 with and without BOM, TIS-620 (windows-874) detected and decoded', () => {
  const expected = [
    ['ลำดับ', 'โครงการ', 'งบประมาณ (บาท)', 'หน่วยงานรับผิดชอบ'],
    [1, 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓', '1,500,000', 'กองช่าง'],
    [2, 'ขุดลอกคลองนาดี', '๘๐๐๐๐๐', 'กรมชลประทาน'],
  ];
  const utf8 = strToU8(THAI);
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
  const tis = tis620(THAI);
  expect(detectEncoding(utf8).encoding).toBe('utf-8');
  expect(detectEncoding(bom)).toEqual({ encoding: 'utf-8', start: 3 });
  expect(detectEncoding(tis).encoding).toBe('windows-874');
  for (const b of [utf8, bom, tis]) expect(values(b)).toEqual(expected);
  // UTF-16 with a BOM (Excel's "Unicode text")
  const u16 = new Uint8Array(2 + THAI.length * 2);
  u16.set([0xff, 0xfe]);
  for (let i = 0; i < THAI.length; i++) {
    u16[2 + 2 * i] = THAI.charCodeAt(i) & 0xff;
    u16[3 + 2 * i] = THAI.charCodeAt(i) >> 8;
  }
  expect(values(u16)).toEqual(expected);
  // Every Thai letter, vowel, tone mark and digit survives TIS-620.
  let all = '';
  for (let c = 0x0e01; c <= 0x0e5b; c++) if (c < 0x0e3b || c > 0x0e3e) all += String.fromCharCode(c);
  expect(values(tis620(`x,${all}\n`))).toEqual([['x', all]]);
});

test('RFC 4180: quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF / CR / LF, last line without a break', () => {
  const text = 'a,"b ""quoted"", with comma","line1\r\nline2\nline3"\r\n"",x,\r\nlast,"unterminated\nstill';
  expect(values(strToU8(text), 'q.csv')).toEqual([
    ['a', 'b "quoted", with comma', 'line1\r\nline2\nline3'],
    [null, 'x'],
    ['last', 'unterminated\nstill'],
  ]);
  expect(values(strToU8('a,b\rc,d\r'))).toEqual([
    ['a', 'b'],
    ['c', 'd'],
  ]);
});

test('delimiter sniffed: comma, semicolon, tab (amounts with thousands separators do not confuse it)', () => {
  expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
  expect(sniffDelimiter('โครงการ;งบประมาณ\nถนน;1,500,000\nคลอง;800,000,00\n')).toBe(';');
  expect(sniffDelimiter('โครงการ\tงบประมาณ\tหมายเหตุ\nถนน\t1,500,000\t-\nคลอง\t"2,000"\tx,y\n')).toBe('\t');
  expect(values(strToU8('โครงการ\tงบประมาณ\nถนน\t1,500,000\n'), 'p.tsv')).toEqual([
    ['โครงการ', 'งบประมาณ'],
    ['ถนน', '1,500,000'],
  ]);
  expect(values(strToU8('one column\nonly\n'))).toEqual([['one column'], ['only']]);
});

test('cells: plain numbers numeric with w as written; other numbers, Thai digits, "-", leading zeros and formulas stay text', () => {
  const wb = readCsv(strToU8('1500000,-12.5,"1,500,000",๑๒๓,-,007,0812345678,=HYPERLINK("http://x"),+1,@SUM(A1),#REF!,1e5,  7\n'), 'c.csv');
  const row = wb.sheets[0].rows[0]!;
  expect(row.map((c) => [c?.t, c?.v, c?.w])).toEqual([
    ['n', 1500000, '1500000'],
    ['n', -12.5, '-12.5'],
    ['s', '1,500,000', '1,500,000'],
    ['s', '๑๒๓', '๑๒๓'],
    ['s', '-', '-'],
    ['s', '007', '007'],
    ['s', '0812345678', '0812345678'],
    ['s', '=HYPERLINK("http://x")', '=HYPERLINK("http://x")'],
    ['s', '+1', '+1'],
    ['s', '@SUM(A1)', '@SUM(A1)'],
    ['e', '#REF!', '#REF!'],
    ['s', '1e5', '1e5'],
    ['s', '  7', '  7'],
  ]);
  expect(row.some((c) => c?.f !== undefined)).toBe(false);
  // the engine reads the amounts as written
  expect(readAmount(row[2])).toMatchObject({ kind: 'number', value: 1500000 });
  expect(readAmount(row[3])).toMatchObject({ kind: 'number', value: 123 });
  expect(wb.sheets[0].name).toBe('c');
  expect(readCsv(strToU8('a'), 'x/แผน:2568?.csv').sheets[0].name).toBe('แผน_2568_');
});

test('dispatch by content: zip → xlsx, CSV text → CSV (any extension when tabular), Node readWorkbookFile too', async () => {
  const xlsx = writeXlsx({ sheets: [{ name: 'แผ่น1', rows: [['โครงการ', 1]] }] });
  expect(readWorkbookBytes(xlsx, 'renamed.csv').sheets[0].name).toBe('แผ่น1');
  expect(readWorkbookBytes(tis620(THAI), 'export.xlsx').sheets[0].rows[1]?.[1]?.v).toBe('ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓');
  expect(readWorkbookBytes(strToU8('single line, no table'), 'note.csv').sheets[0].rows).toHaveLength(1);
  const t = tempFiles({ 'แผน อบต.csv': tis620(THAI) });
  try {
    const wb = await readWorkbookFile(t.p('แผน อบต.csv'));
    expect(wb.name).toBe('แผน อบต.csv');
    expect(wb.sheets[0].name).toBe('แผน อบต');
    expect(wb.sheets[0].rows[2]?.[3]?.v).toBe('กรมชลประทาน');
    const { io, out } = cliIo();
    await main(['validate', t.p('แผน อบต.csv'), '--json'], io);
    // Read as CSV; its four columns (no objective, target, village…) are not enough evidence of a plan form.
    expect(JSON.parse(out.join('')).files[0]).toMatchObject({ ok: false, error: { code: 'no-plan-sheet' }, sheets: [{ name: 'แผน อบต' }] });
  } finally {
    t.cleanup();
  }
});

test('bounded: too many columns and oversized input are refused with the file named', () => {
  expect(() => readCsv(strToU8(','.repeat(20000)), 'wide.csv')).toThrow(/wide\.csv/);
  expect(() => readCsv(new Uint8Array(100), 'big.csv', { maxBytes: 10 })).toThrow(/big\.csv/);
  const big = strToU8('โครงการ,"งบ ""ประมาณ""",x\n'.repeat(200_000));
  expect(readCsv(big, 'b.csv').sheets[0].rows).toHaveLength(200_000);
});
