/**
 * Shared-string tables read ahead by the fetching thread (src/cli/fetch.ts fetchFile's `tables`,
 * ReadOptions.sharedStrings): the reader takes them in place of decoding the part, so they must be
 * the strings it would decode (every kind of table), a failing table must be left out (the reader then
 * reports it, naming the file and part), and a table is only taken for the part it was read from.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fetchFile } from '../../src/cli/fetch';
import { readConsolidateInput, readConsolidateInputSync } from '../../src/cli/read-input';
import { NODE_READ } from '../../src/node/files';
import { readXlsx } from '../../src/xlsx/read';
import { makeXlsx, SAMPLE, sheetDoc } from './helpers';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sst = (body: string, head = '<?xml version="1.0" encoding="UTF-8"?>', p = '') =>
  `${head}<${p}sst xmlns${p ? ':' + p.slice(0, -1) : ''}="${MAIN}">${body}</${p}sst>`;

/** A sheet whose column A shows shared strings 0..n-1. */
function sheetOf(n: number): string {
  let rows = '';
  for (let i = 0; i < n; i++) rows += `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`;
  return sheetDoc(`<sheetData>${rows}</sheetData>`);
}

/** `n` plain Thai entries (a table beyond one 64 KiB slice when n is large), then `tail`. */
function plain(n: number, tail = ''): string {
  let s = '';
  for (let i = 0; i < n; i++) s += `<si><t xml:space="preserve">โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ${i}</t></si>`;
  return s + tail;
}

const ODD =
  '<si><t>a &amp; b &lt;c&gt; &#x0E01;</t></si><si><t>line_x000D_break _x005F_x0041_</t></si><si/><si><t/></si>' +
  '<si><r><rPr><b/></rPr><t>ตัว</t></r><r><t xml:space="preserve"> หนา</t></r></si>' +
  '<si><t>ก</t><rPh sb="0" eb="1"><t>ไม่เอา</t></rPh></si><si><t xml:space="preserve">  ช่องว่าง  </t></si>' +
  '<si><t>\uFEFFbom</t></si><si><t>😀 นอก BMP</t></si><si><t>é ü</t></si>';

/** Tables of every kind sharedStringTable reads; `ok`: whether it reads (else the reader's error). */
const TABLES: Array<{ name: string; xml: string; ok: boolean }> = [
  { name: 'small, odd entries', xml: sst(ODD), ok: true },
  { name: 'big, odd entries among plain ones', xml: sst(plain(900, ODD) + plain(900)), ok: true },
  { name: 'big, a prefix', xml: sst(plain(1500).replace(/<(\/?)(si|t)([ >])/g, '<$1x:$2$3'), undefined, 'x:'), ok: true },
  {
    name: 'big, first <si> after a long comment',
    xml: sst(plain(1500), `<?xml version="1.0"?><!--${'ความเห็น'.repeat(3000)}-->`),
    ok: true,
  },
  { name: 'big, cut inside an entry', xml: sst(plain(1500)).slice(0, -200), ok: true },
  { name: 'empty', xml: sst(''), ok: true },
  { name: 'a DOCTYPE', xml: sst(plain(10), '<?xml version="1.0"?><!DOCTYPE sst>'), ok: false },
  { name: 'an ENTITY among the entries', xml: sst(plain(900) + '<!ENTITY x "y">' + plain(900)), ok: false },
];

async function withFiles(files: Record<string, Uint8Array>, f: (dir: string) => unknown): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'oneplan-sst-ahead-'));
  try {
    for (const [k, v] of Object.entries(files)) writeFileSync(path.join(dir, k), v);
    await f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.each(TABLES)('$name: the table read ahead is the one the reader decodes', async ({ xml, ok }) => {
  const bytes = makeXlsx({ sheets: [{ name: 'ผ.02', xml: sheetOf(1900) }], sst: xml });
  await withFiles({ 'a.xlsx': bytes }, async (dir) => {
    const file = path.join(dir, 'a.xlsx');
    const fetched = fetchFile(file);
    expect(fetched.tables?.map(([k]) => k)).toEqual(ok ? ['xl/sharedstrings.xml'] : undefined);
    // Read with the table taken as given (as a run reads on one thread), and decoded by the reader.
    const ahead = readConsolidateInputSync(file);
    const decoded = await readConsolidateInput(file);
    expect(ahead).toEqual(decoded);
    expect(!!ahead.workbook).toBe(ok);
    if (!ok) expect(ahead.error?.messageEn).toContain('sharedStrings.xml');
  });
});

test('the real sample: its table read ahead, the same workbook', async () => {
  await withFiles({ 'r.xlsx': new Uint8Array(readFileSync(SAMPLE)) }, async (dir) => {
    const file = path.join(dir, 'r.xlsx');
    expect(fetchFile(file).tables?.[0][1].length).toBeGreaterThan(10);
    expect(readConsolidateInputSync(file)).toEqual(await readConsolidateInput(file));
  });
});

test('a table given is taken for its part only', () => {
  const bytes = makeXlsx({ sheets: [{ name: 'ผ.02', xml: sheetOf(2) }], sst: sst('<si><t>หนึ่ง</t></si><si><t>สอง</t></si>') });
  const cells = (opts: object) => readXlsx(bytes, 'a.xlsx', { ...NODE_READ, ...opts }).sheets[0].rows.map((r) => r?.[0]?.v);
  expect(cells({})).toEqual(['หนึ่ง', 'สอง']);
  expect(cells({ sharedStrings: new Map([['xl/sharedstrings.xml', ['x', 'y']]]) })).toEqual(['x', 'y']);
  expect(cells({ sharedStrings: new Map([['xl/other.xml', ['x', 'y']]]) })).toEqual(['หนึ่ง', 'สอง']);
});

test('a workbook whose strings are elsewhere: the table of xl/sharedStrings.xml read ahead is not taken', async () => {
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="strings.xml"/></Relationships>`;
  const bytes = makeXlsx({
    sheets: [{ name: 'ผ.02', xml: sheetOf(2) }],
    sst: sst('<si><t>ผิด</t></si><si><t>ผิด</t></si>'),
    extra: { 'xl/strings.xml': sst('<si><t>หนึ่ง</t></si><si><t>สอง</t></si>'), 'xl/_rels/workbook.xml.rels': rels },
  });
  await withFiles({ 'a.xlsx': bytes }, (dir) => {
    const file = path.join(dir, 'a.xlsx');
    expect(fetchFile(file).tables?.[0][1]).toEqual(['ผิด', 'ผิด']);
    expect(readConsolidateInputSync(file).workbook?.sheets[0].rows.map((r) => r?.[0]?.v)).toEqual(['หนึ่ง', 'สอง']);
  });
});
