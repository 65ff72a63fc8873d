/**
 * oneplan consolidate with the district's package: --district, --expect ROSTER (.csv), the ก.บ.อ. approval,
 * and --out onto an existing needs table (merge with the officer's edits, backup kept; any other file refused).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runConsolidate } from '../../src/cli/consolidate';
import { ConsolidateJsonSchema } from '../../src/engine/consolidate/json-schema';
import { makeCell } from '../../src/engine/model';
import { readWorkbookBytes } from '../../src/xlsx/open';
import { nodeInflateRaw } from '../../src/node/files';
import { writeXlsx } from '../../src/xlsx/write';
import { nadiWorkbook, toOutWorkbook } from './fixtures';
import { districtPlan, nadiTambonPlan, nongbuaTambonPlan } from './district-fixtures';

let dir: string;
let inbox: string;
const read = (file: string) => readWorkbookBytes(new Uint8Array(readFileSync(file)), path.basename(file), { inflateRaw: nodeInflateRaw });

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oneplan-district-'));
  inbox = path.join(dir, 'inbox');
  mkdirSync(inbox);
  for (const wb of [nadiTambonPlan(), nongbuaTambonPlan(), districtPlan(), nadiWorkbook()])
    writeFileSync(path.join(inbox, wb.name), writeXlsx(toOutWorkbook(wb)));
  writeFileSync(path.join(inbox, 'อบต.ท่าทอง.xlsx'), 'not a workbook');
  // The roster as the office keeps it: a CSV with full and abbreviated names.
  writeFileSync(path.join(dir, 'roster.csv'), 'ลำดับ,ชื่อ\n1,ตำบลนาดี\n2,ต.หนองบัว\n3,อบต. นาดี\n4,องค์การบริหารส่วนตำบลท่าทอง\n5,เทศบาลตำบลบางกุ้ง\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

test('bad usage: approval half given, a date that is none, a due date that is none, a district the gazetteer lacks', async () => {
  const out = path.join(dir, 'x.xlsx');
  for (const extra of [
    ['--approval-meeting', '3/2568'],
    ['--approval-meeting', '3/2568', '--approval-date', '31/2/2568'],
    ['--due', '30 กุมภาพันธ์ 2569'],
    ['--district', 'เมืองนาดี', '--province', 'สุราษฎร์ธานี'],
  ]) {
    const a = io();
    expect(await runConsolidate([inbox, '--out', out, ...extra], a.io)).toBe(2);
    expect(a.err.join('')).toMatch(/usage/);
  }
  expect(existsSync(out)).toBe(false);
});

test("first run, then a re-run onto the officer's edited table", async () => {
  const out = path.join(dir, 'needs.xlsx');
  const a = io();
  const args = [inbox, '--out', out, '--json', '--district', 'เมือง', '--province', 'สุราษฎร์ธานี', '--expect', path.join(dir, 'roster.csv')];
  const code = await runConsolidate(args, a.io);
  expect(code).toBe(1); // อบต.ท่าทอง.xlsx could not be read; the rest went on
  const j = ConsolidateJsonSchema.parse(JSON.parse(a.out.join('')));
  expect(j.district).toBe('อำเภอเมือง');
  // The gazetteer's eleven tambons of อำเภอเมืองสุราษฎร์ธานี first (none sent), then the roster's names.
  const roster = ['ตำบลนาดี', 'ต.หนองบัว', 'อบต. นาดี', 'องค์การบริหารส่วนตำบลท่าทอง', 'เทศบาลตำบลบางกุ้ง'];
  expect(j.senders!.expected.slice(0, 2)).toEqual(['ตำบลตลาด', 'ตำบลมะขามเตี้ย']);
  expect(j.senders).toMatchObject({
    expected: [...j.senders!.expected.slice(0, 11), ...roster],
    received: ['ตำบลนาดี', 'ต.หนองบัว', 'อบต. นาดี'],
    unreadable: ['องค์การบริหารส่วนตำบลท่าทอง'],
    missing: [...j.senders!.expected.slice(0, 11), 'เทศบาลตำบลบางกุ้ง'],
  });
  // Why it is unusable, per name: the reader's message.
  expect(j.senders!.entries.find((e) => e.status === 'unreadable')).toMatchObject({
    name: 'องค์การบริหารส่วนตำบลท่าทอง',
    reason: expect.stringContaining('อบต.ท่าทอง.xlsx'),
  });
  expect(j.approval).toBeNull();
  expect(j.districtPlan).toMatchObject({ sheets: 1, projects: 4 });
  expect(j.needs.items.every((i) => i.district === 'อำเภอเมือง' && typeof i.priority === 'number')).toBe(true);
  expect(j.needs.items.map((i) => i.priority)).toEqual(j.needs.items.map((_, k) => k + 1));
  const wb1 = read(out);
  expect(wb1.sheets.map((s) => s.name)).toContain('ติดตามการส่งแผน');

  // The officer ranks a need first and writes a note, in Excel.
  const s = wb1.sheets[0];
  const header = s.rows.findIndex((r) => r?.[0]?.w === 'ที่');
  const rankCol = s.rows[header]!.findIndex((c) => c?.w === 'ลำดับความสำคัญของอำเภอ');
  const noteCol = s.rows[header]!.findIndex((c) => c?.w === 'บันทึกของอำเภอ');
  const row = s.rows.findIndex((r) => r?.[1]?.w === 'ขยายเขตไฟฟ้าแรงต่ำ');
  s.rows[row]![rankCol] = makeCell(1);
  s.rows[row]![noteCol] = makeCell('ประสาน กฟภ. แล้ว');
  writeFileSync(out, writeXlsx(toOutWorkbook(wb1)));

  const b = io();
  const code2 = await runConsolidate([inbox, '--out', out, '--json', '--approval-meeting', '๓/๒๕๖๘', '--approval-date', '15/5/2568'], b.io);
  expect(code2).toBe(1);
  const k = ConsolidateJsonSchema.parse(JSON.parse(b.out.join('')));
  expect(k.merge).toMatchObject({ kept: j.needs.items.length, new: 0, vanished: [] });
  const item = k.needs.items.find((i) => i.name === 'ขยายเขตไฟฟ้าแรงต่ำ')!;
  expect(item).toMatchObject({ priority: 1, officerNote: 'ประสาน กฟภ. แล้ว', status: 'kept' });
  expect(k.district).toBe('อำเภอเมือง'); // from the table's title
  expect(k.approval).toEqual({ meeting: '3/2568', date: '2568-05-15' });
  // The table before the merge is kept beside it; the new one prints the approval.
  expect(existsSync(path.join(dir, 'needs (สำรอง 1).xlsx'))).toBe(true);
  const titles = read(out)
    .sheets[0].rows.slice(0, 5)
    .map((r) => r?.[0]?.w ?? '');
  expect(titles.join('\n')).toContain('ในการประชุมครั้งที่ 3/2568 เมื่อวันที่ 15 พฤษภาคม 2568');
});

test('--out onto a workbook that is not a needs table is refused, the file untouched', async () => {
  const other = path.join(dir, 'งบประมาณของฉัน.xlsx');
  writeFileSync(other, writeXlsx(toOutWorkbook(nadiWorkbook())));
  const before = readFileSync(other);
  const a = io();
  expect(await runConsolidate([inbox, '--out', other], a.io)).toBe(2);
  expect(a.err.join('')).toMatch(/ไม่เขียนทับ/);
  expect(readFileSync(other).equals(before)).toBe(true);
});

test('text output names who has not sent and what the district plan lacks', async () => {
  const a = io();
  // Before the calendar's due date (end of February): nobody late yet.
  await runConsolidate([inbox, '--out', path.join(dir, 'text.xlsx'), '--expect', path.join(dir, 'roster.csv')], a.io, {
    today: { year: 2569, month: 1, day: 15 },
  });
  const text = a.out.join('');
  expect(text).toMatch(/ยังไม่ส่ง: เทศบาลตำบลบางกุ้ง/);
  expect(text).toMatch(/ส่งมาแล้วแต่ใช้ไม่ได้: องค์การบริหารส่วนตำบลท่าทอง: ไฟล์ "อบต.ท่าทอง.xlsx"/);
  expect(text).toMatch(/ไม่มีในแผนพัฒนาอำเภอ: \d+ โครงการ/);
  expect(text).toMatch(/ก\.บ\.อ\./);
});
