/**
 * Parts inflated ahead by the fetching thread (src/node/inflate.ts inflateParts, ReadOptions.inflated) give the
 * reader the same workbook, and a damaged or oversized file the same error, as parts inflated when read.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readConsolidateInput, readConsolidateInputsAhead } from '../../src/cli/read-input';
import { NODE_READ } from '../../src/node/files';
import { inflateParts } from '../../src/node/inflate';
import { readXlsx, WorkbookReadError, type ReadOptions } from '../../src/xlsx/read';
import { centralEntries, makeXlsx, patchDeclaredSize, SAMPLE, sheetDoc } from './helpers';

/** A workbook of a sheet and shared strings of some size (the damage below is in their middle). */
function bigWorkbook(): Uint8Array {
  const n = 800;
  let rows = '';
  let sst = '';
  for (let i = 0; i < n; i++) {
    rows += `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}"><v>${i * 1000}</v></c></row>`;
    sst += `<si><t>โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ${i}</t></si>`;
  }
  return makeXlsx({
    sheets: [{ name: 'ผ.02', xml: sheetDoc(`<sheetData>${rows}</sheetData>`) }],
    sst: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${n}" uniqueCount="${n}">${sst}</sst>`,
  });
}

type Outcome = { model: unknown } | { code: string; message: string; messageEn: string };

function outcome(bytes: Uint8Array, opts: ReadOptions): Outcome {
  try {
    return { model: readXlsx(bytes, 'แผน.xlsx', opts) };
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    return { code: e.code, message: e.message, messageEn: e.messageEn };
  }
}

/** The file read with its parts inflated ahead, and as before; `ahead`: how many parts were inflated ahead. */
async function both(bytes: Uint8Array, opts: ReadOptions = {}): Promise<{ ahead: Set<string>; before: Outcome; after: Outcome }> {
  const inflated = inflateParts(bytes, 'แผน.xlsx');
  return {
    ahead: new Set(inflated.keys()),
    before: outcome(bytes, { ...NODE_READ, ...opts }),
    after: outcome(bytes, { ...NODE_READ, ...opts, inflated }),
  };
}

/** Where an entry's compressed bytes start and how many there are. */
function dataOf(zip: Uint8Array, name: string): { start: number; len: number } {
  const cd = centralEntries(zip).get(name) as number;
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.length);
  const lo = dv.getUint32(cd + 42, true);
  return { start: lo + 30 + dv.getUint16(lo + 26, true) + dv.getUint16(lo + 28, true), len: dv.getUint32(cd + 20, true) };
}

const SHEET = 'xl/worksheets/sheet1.xml';

test('the same workbook: the generated one and the real sample', async () => {
  const big = await both(bigWorkbook());
  expect([...big.ahead].sort()).toEqual([
    '_rels/.rels',
    'xl/_rels/workbook.xml.rels',
    'xl/sharedstrings.xml',
    'xl/workbook.xml',
    'xl/worksheets/sheet1.xml',
  ]);
  expect(big.after).toEqual(big.before);
  expect('model' in big.after).toBe(true);
  const real = await both(new Uint8Array(readFileSync(SAMPLE)));
  expect(real.ahead.has('xl/sharedstrings.xml')).toBe(true);
  expect(real.after).toEqual(real.before);
});

test('declared sizes that lie: the same error, the part left to the reader', async () => {
  const good = bigWorkbook();
  const size = readXlsx(good, 'x.xlsx', NODE_READ) && centralEntries(good).get(SHEET);
  expect(size).toBeDefined();
  const declared = new DataView(good.buffer, good.byteOffset).getUint32((size as number) + 24, true);
  for (const d of [declared - 10, declared + 10, 20 * 1024]) {
    const r = await both(patchDeclaredSize(good, SHEET, d));
    expect(r.ahead.has(SHEET)).toBe(false);
    expect(r.ahead.has('xl/sharedstrings.xml')).toBe(true);
    expect(r.after).toEqual(r.before);
    expect(['too-large', 'truncated']).toContain((r.after as { code: string }).code);
  }
});

test('damaged deflate data, a cut file, the caps: the same error', async () => {
  const good = bigWorkbook();
  const { start, len } = dataOf(good, SHEET);
  const damaged = good.slice();
  for (let i = start + (len >> 1); i < start + (len >> 1) + 64; i++) damaged[i] ^= 0x5a;
  const cut = good.slice();
  cut.fill(0, start + (len >> 1), start + len);
  const cases: Array<[Uint8Array, ReadOptions]> = [
    [damaged, {}],
    [cut, {}],
    [good, { maxEntryBytes: 30 * 1024 }],
    [good, { maxTotalBytes: 40 * 1024 }],
    [good.subarray(0, good.length - 30), {}],
  ];
  for (const [bytes, opts] of cases) {
    const r = await both(bytes, opts);
    expect(r.after).toEqual(r.before);
    expect('code' in r.after).toBe(true);
  }
});

test('files read one ahead: the same inputs as read one at a time (a workbook, a missing file, a CSV, a damaged one)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'oneplan-ahead-'));
  try {
    const good = bigWorkbook();
    const { start, len } = dataOf(good, SHEET);
    const damaged = good.slice();
    damaged.fill(0xff, start + 8, start + Math.min(len, 200));
    writeFileSync(path.join(dir, 'a.xlsx'), good);
    writeFileSync(path.join(dir, 'c.csv'), 'ที่,โครงการ,งบประมาณ\n1,ถนน,500000\n');
    writeFileSync(path.join(dir, 'd.xlsx'), damaged);
    writeFileSync(path.join(dir, 'e.xlsx'), readFileSync(SAMPLE));
    const files = ['a.xlsx', 'b-missing.xlsx', 'c.csv', 'd.xlsx', 'e.xlsx'].map((f) => path.join(dir, f));
    const ahead = [];
    for await (const input of readConsolidateInputsAhead(files)) ahead.push(input);
    const oneByOne = [];
    for (const f of files) oneByOne.push(await readConsolidateInput(f));
    expect(ahead).toEqual(oneByOne);
    expect(ahead.map((i) => !!i.workbook)).toEqual([true, false, true, false, true]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
