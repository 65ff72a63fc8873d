/**
 * The front doors' input handling (issue 22): inputs and --out are checked before anything is
 * written, a folder scan leaves nothing out without a word, and a roster sender is "received" only
 * when a plan sheet of theirs was read.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/cli/oneplan';
import { FOLLOWUP_SHEET } from '../../src/engine/consolidate';
import { ConsolidateJsonSchema, type ConsolidateJson } from '../../src/engine/consolidate/json-schema';
import { readWorkbookBytes } from '../../src/xlsx/open';
import { writeXlsx } from '../../src/xlsx/write';
import { nadiWorkbook, nongbuaWorkbook, unrelatedWorkbook, toOutWorkbook } from '../consolidate/fixtures';
import { cliIo, readErrorOf } from '../reliability/helpers';

let dir: string;
const p = (...parts: string[]) => path.join(dir, ...parts);

/** A Word .docx as Word writes it: the package's main part (_rels/.rels) is word/document.xml. */
const docx = zipSync({
  '[Content_Types].xml': strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ),
  '_rels/.rels': strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ),
  'word/document.xml': strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>แผนพัฒนาท้องถิ่น อบต.ท่าทอง</w:t></w:r></w:p></w:body></w:document>',
  ),
});

/** An old .xls: an OLE2 compound file with a Workbook stream. */
function xls(): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < 'Workbook'.length; i++) b[1024 + 2 * i] = 'Workbook'.charCodeAt(i);
  return b;
}

/** The same workbook saved as .xlsm: the macro-enabled content type and a VBA project part. */
function asXlsm(xlsx: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsx);
  const types = new TextDecoder().decode(parts['[Content_Types].xml']);
  parts['[Content_Types].xml'] = strToU8(
    types
      .replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml')
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
  );
  parts['xl/vbaProject.bin'] = xls();
  return zipSync(parts);
}

const book = (wb = nadiWorkbook()) => writeXlsx(toOutWorkbook(wb));

async function run(args: string[]) {
  const c = cliIo();
  const code = await main(args, c.io);
  return { code, out: c.out.join(''), err: c.err.join('') };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oneplan-inputs-'));
  // The received plans, as the officer saved them.
  mkdirSync(p('รับมา'));
  writeFileSync(p('รับมา', 'อบต.นาดี.xlsx'), book());
  writeFileSync(p('รับมา', 'ทต.หนองบัว.xlsm'), asXlsm(book(nongbuaWorkbook())));
  writeFileSync(p('รับมา', 'อบต.บ้านใหม่.xls'), xls());
  writeFileSync(p('รับมา', 'อบต.ท่าทอง.docx'), docx);
  writeFileSync(p('รับมา', '~$อบต.นาดี.xlsx'), 'lock');
  mkdirSync(p('รับมา', 'เก่า'));
  mkdirSync(p('ปฏิทิน.xlsx')); // a folder named like a file
  writeFileSync(p('รับมา', 'เก่า', 'อบต.นาดี.xlsx'), book());
  writeFileSync(p('roster.csv'), 'ลำดับ,ชื่อ\n1,อบต.นาดี\n2,เทศบาลตำบลหนองบัว\n3,อบต.ท่าทอง\n4,อบต.บ้านใหม่\n5,อบต.ทุ่งทอง\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a misspelt folder onto an existing needs table: exit 2, one line naming it, the table and its bytes untouched, no backup', async () => {
  const out = p('ตาราง', 'แผนความต้องการ.xlsx');
  expect((await run(['consolidate', p('รับมา'), '--out', out])).code).toBe(0);
  const before = readFileSync(out);
  const r = await run(['consolidate', p('รับมาา'), '--out', out]);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.trim().split('\n')).toEqual([expect.stringContaining(`"${p('รับมาา')}"`)]);
  expect(r.err).toMatch(/ไม่พบ .* \/ .* not found/);
  expect(readFileSync(out).equals(before)).toBe(true);
  expect(readdirSync(p('ตาราง'))).toEqual(['แผนความต้องการ.xlsx']);
});

test('--out a folder, or beneath a file: exit 2 before any work, no raw EISDIR, nothing written', async () => {
  const folder = await run(['consolidate', p('รับมา'), '--out', p('รับมา', 'เก่า')]);
  expect(folder.code).toBe(2);
  expect(folder.err).toMatch(/--out ".*เก่า" เป็นโฟลเดอร์: ระบุชื่อไฟล์/);
  expect(folder.err).not.toMatch(/EISDIR/);
  expect(readdirSync(p('รับมา', 'เก่า'))).toEqual(['อบต.นาดี.xlsx']);
  // A file where a folder should be: nowhere to write (the check does not rely on permissions: tests may run as root).
  const under = await run(['consolidate', p('รับมา'), '--out', p('roster.csv', 'needs.xlsx')]);
  expect(under.code).toBe(2);
  expect(under.err).toMatch(/เขียน --out ".*" ไม่ได้: ".*roster.csv" เป็นไฟล์ ไม่ใช่โฟลเดอร์ \/ cannot write --out/);
});

test('a folder holding no readable file is a usage error naming it; so is a folder of .xls and Word files only', async () => {
  mkdirSync(p('ว่าง'));
  mkdirSync(p('เก่าหมด'));
  writeFileSync(p('เก่าหมด', 'แผน.xls'), xls());
  writeFileSync(p('เก่าหมด', 'แผน.docx'), docx);
  for (const folder of ['ว่าง', 'เก่าหมด']) {
    const r = await run(['consolidate', p(folder), '--out', p(`${folder}.xlsx`)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`โฟลเดอร์ "${p(folder)}" ไม่มีไฟล์ที่อ่านได้`);
    expect(existsSync(p(`${folder}.xlsx`))).toBe(false);
  }
});

test('a folder scan reads .xlsx and .xlsm and lists every other entry with why, in --json and the report', async () => {
  const r = await run(['consolidate', p('รับมา'), '--json']);
  expect(r.code).toBe(0);
  const j: ConsolidateJson = ConsolidateJsonSchema.parse(JSON.parse(r.out));
  expect(j.inputs.map((i) => [path.basename(i.file), i.status])).toEqual([
    ['ทต.หนองบัว.xlsm', 'ok'],
    ['อบต.นาดี.xlsx', 'ok'],
  ]);
  expect(j.inputs[0].sheets[0].projects).toBeGreaterThan(0);
  const why = Object.fromEntries(j.skipped.map((s) => [path.basename(s.file), s.reason]));
  expect(why).toEqual({ '~$อบต.นาดี.xlsx': 'temp', เก่า: 'folder', 'อบต.ท่าทอง.docx': 'word', 'อบต.บ้านใหม่.xls': 'save-as-xlsx' });
  const xlsLine = j.skipped.find((s) => s.reason === 'save-as-xlsx')!;
  expect(xlsLine.message).toMatch(/บันทึกเป็น "สมุดงาน Excel \(\.xlsx\)"/);
  expect(xlsLine.messageEn).toMatch(/save it as \.xlsx/);
  const text = await run(['consolidate', p('รับมา'), '--out', p('report.xlsx')]);
  for (const s of j.skipped) expect(text.out).toContain(`– ${s.message}`);
});

test('senders told truthfully: a Word file, an .xls and a file with no plan sheet are "received, unusable: why"', async () => {
  writeFileSync(p('รับมา', 'อบต.ทุ่งทอง.xlsx'), book(unrelatedWorkbook()));
  try {
    const out = p('ติดตาม.xlsx');
    const r = await run(['consolidate', p('รับมา'), '--expect', p('roster.csv'), '--out', out, '--json']);
    expect(r.code).toBe(0);
    const s = ConsolidateJsonSchema.parse(JSON.parse(r.out)).senders!;
    expect(s.received).toEqual(['อบต.นาดี', 'เทศบาลตำบลหนองบัว']);
    expect(s.unreadable).toEqual(['อบต.ท่าทอง', 'อบต.บ้านใหม่', 'อบต.ทุ่งทอง']);
    expect(s.missing).toEqual([]);
    const reason = (name: string) => s.entries.find((e) => e.name === name)!;
    expect(reason('อบต.ท่าทอง')).toMatchObject({ status: 'unreadable', reason: expect.stringContaining('เป็นเอกสาร Word') });
    expect(reason('อบต.ท่าทอง').reasonEn).toMatch(/Word document/);
    expect(reason('อบต.บ้านใหม่').reason).toMatch(/\.xls/);
    expect(reason('อบต.ทุ่งทอง').reason).toBe('ไม่พบชีตแผนที่มีรายการโครงการ');
    // The follow-up sheet says it in the officer's words.
    const follow = readWorkbookBytes(new Uint8Array(readFileSync(out)), 'ติดตาม.xlsx').sheets.find((x) => x.name === FOLLOWUP_SHEET)!;
    const rows = follow.rows.map((row) => (row ?? []).map((c) => c?.w ?? '').join('|'));
    expect(rows.find((t) => t.includes('อบต.ท่าทอง|'))).toMatch(/ส่งมาแล้วแต่ใช้ไม่ได้: ข้าม ".*อบต.ท่าทอง.docx": เป็นเอกสาร Word/);
    expect(rows.find((t) => t.includes('อบต.นาดี|'))).toContain('|ส่งแล้ว|');
    const text = await run(['consolidate', p('รับมา'), '--expect', p('roster.csv'), '--out', p('ติดตาม2.xlsx')]);
    expect(text.out).toMatch(/ส่งมาแล้วแต่ใช้ไม่ได้ 3/);
    expect(text.out).toMatch(/ส่งมาแล้วแต่ใช้ไม่ได้: อบต.ทุ่งทอง: ไม่พบชีตแผนที่มีรายการโครงการ/);
  } finally {
    rmSync(p('รับมา', 'อบต.ทุ่งทอง.xlsx'));
  }
});

test('a Word document renamed .xlsx, given by name, is named as Word and its sender is unusable', async () => {
  mkdirSync(p('word'));
  writeFileSync(p('word', 'อบต.ท่าทอง.xlsx'), docx);
  const r = await run(['consolidate', p('word', 'อบต.ท่าทอง.xlsx'), p('รับมา', 'อบต.นาดี.xlsx'), '--expect', p('roster.csv'), '--json']);
  expect(r.code).toBe(1);
  const j = ConsolidateJsonSchema.parse(JSON.parse(r.out));
  expect(j.inputs[0].error).toMatchObject({ code: 'word-document', message: expect.stringContaining('เป็นเอกสาร Word') });
  expect(j.senders!.entries.find((e) => e.name === 'อบต.ท่าทอง')).toMatchObject({
    status: 'unreadable',
    reason: expect.stringContaining('Word'),
  });
});

test('the reader: a .docx with its package relationships is Word, not "no sheets"; an empty file is told wholly in Thai', () => {
  for (const name of ['แผน.xlsx', 'แผน.docx']) {
    const e = readErrorOf(() => readWorkbookBytes(docx, name), name);
    expect(e.code).toBe('word-document');
    expect(e.message).toContain('เป็นเอกสาร Word');
  }
  const empty = readErrorOf(() => readWorkbookBytes(new Uint8Array(0), 'ว่าง.xlsx'), 'ว่าง.xlsx');
  expect(empty.message).toContain('ไฟล์ว่าง');
  expect(empty.messageEn).toContain('empty file');
  // Thai messages carry no English words (the file name, ".xlsx", "Excel" and "CSV" aside).
  const prose = readErrorOf(() => readWorkbookBytes(strToU8('เรียน นายอำเภอ\nขอส่งแผนตามที่แนบ\n'), 'หนังสือ.txt'), 'หนังสือ.txt');
  for (const m of [empty.message, prose.message]) expect(m.replace(/"[^"]*"|\.xlsx|Excel|CSV/g, '')).not.toMatch(/[A-Za-z]/);
});

test('every command checks its paths first: validate, match, split, calendar', async () => {
  const missing = p('ไม่มี.xlsx');
  const cases: Array<[string[], RegExp]> = [
    [['validate', p('รับมา', 'อบต.นาดี.xlsx'), missing], /ไม่พบ ".*ไม่มี.xlsx"/],
    [['validate', p('รับมา')], /เป็นโฟลเดอร์: ระบุไฟล์/],
    [['match', missing, '--strategies', 'nakhonsawan-2566-2570-inferred'], /ไม่พบ ".*ไม่มี.xlsx"/],
    [['match', p('รับมา', 'อบต.นาดี.xlsx'), '--strategies', 'nakhonsawan-2566-2570-inferred', '--out', p('รับมา')], /--out ".*" เป็นโฟลเดอร์/],
    [['split', missing, '--by', 'route', '--out', p('แยก')], /ไม่พบ/],
    [['split', p('ตาราง', 'แผนความต้องการ.xlsx'), '--by', 'route', '--out', p('roster.csv')], /--out ".*roster.csv" เป็นไฟล์: ระบุโฟลเดอร์/],
    [['calendar', '--fiscal-year', '2571', '--out', p('รับมา', 'เก่า', 'อบต.นาดี.xlsx', 'ปฏิทิน.xlsx')], /เป็นไฟล์ ไม่ใช่โฟลเดอร์/],
    [['calendar', '--fiscal-year', '2571', '--out', p('ปฏิทิน.xlsx')], /--out ".*ปฏิทิน.xlsx" เป็นโฟลเดอร์/],
    [['calendar', '--fiscal-year', '2571', '--ics', p('roster.csv', 'x.ics')], /เขียน --ics ".*" ไม่ได้/],
  ];
  for (const [args, err] of cases) {
    const r = await run(args);
    expect([args[0], r.code]).toEqual([args[0], 2]);
    expect(r.err).toMatch(err);
    expect(r.out).toBe('');
  }
  expect(existsSync(p('แยก'))).toBe(false);
});
