/**
 * Who must send, without typing a roster (issue 26): อำเภอปากเกร็ด จังหวัดนนทบุรี's twelve tambons from the
 * gazetteer, the อปท. the officer adds with --expect, and each sender's due date and days late. The inbox
 * as it arrives: two tambons' community plans (.xlsx, merged headers, Thai digits, "-") and a Word file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runConsolidate } from '../../src/cli/consolidate';
import { calendarDue, consolidate, Consolidation, expectedSenders, sendersOf, type InputReport } from '../../src/engine/consolidate';
import { ConsolidateJsonSchema } from '../../src/engine/consolidate/json-schema';
import { nodeInflateRaw } from '../../src/node/files';
import { districtOptions, EMPTY_DISTRICT } from '../../src/taskpane/consolidate/districtSettings';
import { readWorkbookBytes } from '../../src/xlsx/open';
import { writeXlsx } from '../../src/xlsx/write';
import { tambonPlan } from '../places/tambon-plan';
import { districtNeeds, phunphinWorkbooks, type District } from '../roundtrip/fixtures';
import { allWorkbooks, toOutWorkbook } from './fixtures';

const PAK_KRET = [
  'ปากเกร็ด',
  'บางตลาด',
  'บ้านใหม่',
  'บางพูด',
  'บางตะไนย์',
  'คลองพระอุดม',
  'ท่าอิฐ',
  'เกาะเกร็ด',
  'อ้อมเกร็ด',
  'คลองข่อย',
  'บางพลับ',
  'คลองเกลือ',
];
/** 10 มีนาคม 2569: ten days after the plans were due (28 กุมภาพันธ์ 2569). */
const TODAY = { year: 2569, month: 3, day: 10 };

let dir: string;
let inbox: string;
let roster: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oneplan-senders-'));
  inbox = path.join(dir, 'inbox');
  mkdirSync(inbox);
  const plans = [
    tambonPlan(
      'แผนชุมชนตำบลบ้านใหม่.xlsx',
      ['แผนชุมชนระดับตำบล ตำบลบ้านใหม่ อำเภอปากเกร็ด', 'จังหวัดนนทบุรี'],
      [['๑', 'ขุดลอกลำเหมืองสาธารณะ หมู่ที่ 2', 'ยาว ๑,๒๐๐ เมตร', 'หมู่ที่ ๒', '-', '๘๕๐,๐๐๐', 'กรมชลประทาน']],
    ),
    tambonPlan(
      'ตำบลเกาะเกร็ด.xlsx',
      ['แผนชุมชนระดับตำบล ตำบลเกาะเกร็ด อำเภอปากเกร็ด', 'จังหวัดนนทบุรี'],
      [['๑', 'ก่อสร้างท่าเทียบเรือชุมชน', '๑ แห่ง', 'หมู่ที่ ๑', '๑,๒๐๐,๐๐๐', '-', 'กรมเจ้าท่า']],
    ),
  ];
  for (const wb of plans) writeFileSync(path.join(inbox, wb.name), writeXlsx(toOutWorkbook(wb)));
  writeFileSync(path.join(inbox, 'แผนชุมชนตำบลบางพูด.docx'), 'a Word document');
  // The อปท. the officer adds; ต.บางตลาด and บ้านใหม่ are the gazetteer's tambons already.
  roster = path.join(dir, 'อปท.csv');
  writeFileSync(roster, 'ที่,ชื่อ\n๑,เทศบาลนครปากเกร็ด\n๒,ต.บางตลาด\n๓,บ้านใหม่\n๔,องค์การบริหารส่วนตำบลบางพลับ\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

test('--district ปากเกร็ด: every tambon of the district, the อปท. added once, due date and days late', async () => {
  const out = path.join(dir, 'needs.xlsx');
  const a = io();
  const args = [inbox, '--district', 'อำเภอปากเกร็ด', '--expect', roster, '--due', '๒๘ กุมภาพันธ์ ๒๕๖๙', '--out', out, '--json'];
  expect(await runConsolidate(args, a.io, { today: TODAY })).toBe(0);
  const j = ConsolidateJsonSchema.parse(JSON.parse(a.out.join('')));
  const s = j.senders!;
  expect(s.expected).toEqual([...PAK_KRET.map((t) => `ตำบล${t}`), 'เทศบาลนครปากเกร็ด', 'องค์การบริหารส่วนตำบลบางพลับ']);
  expect(s.received).toEqual(['ตำบลบ้านใหม่', 'ตำบลเกาะเกร็ด']);
  expect(s.unreadable).toEqual(['ตำบลบางพูด']);
  expect(s.missing).toHaveLength(11);
  const entry = (name: string) => s.entries.find((e) => e.name === name)!;
  expect(entry('ตำบลบ้านใหม่')).toMatchObject({ status: 'received', due: '2569-02-28', daysLate: null });
  expect(entry('ตำบลบางพูด')).toMatchObject({ status: 'unreadable', due: '2569-02-28', daysLate: 10 });
  expect(entry('เทศบาลนครปากเกร็ด')).toMatchObject({ status: 'missing', due: '2569-02-28', daysLate: 10 });

  // The follow-up sheet as the officer prints it: B.E. due date, days late in red for who has not sent.
  const wb = readWorkbookBytes(new Uint8Array(readFileSync(out)), 'needs.xlsx', { inflateRaw: nodeInflateRaw });
  const sheet = wb.sheets.find((x) => x.name === 'ติดตามการส่งแผน')!;
  const header = sheet.rows[2]!.map((c) => c?.w);
  expect(header).toEqual(['ที่', 'ตำบล / อปท.', 'สถานะ', 'กำหนดส่ง', 'ล่าช้า (วัน)', 'ไฟล์ที่ได้รับ']);
  const row = (name: string) =>
    Array.from(
      sheet.rows.find((r) => r?.[1]?.w === name)!,
      (c) => c?.w ?? '',
    );
  expect(row('ตำบลบ้านใหม่').slice(2, 5)).toEqual(['ส่งแล้ว', '28 ก.พ. 2569', '']);
  expect(row('ตำบลคลองเกลือ').slice(2, 5)).toEqual(['ยังไม่ส่ง', '28 ก.พ. 2569', '10']);
  expect(row('ตำบลบางพูด')[2]).toMatch(/^ส่งมาแล้วแต่ใช้ไม่ได้: .*Word/);

  // The report says how late, after why.
  const b = io();
  expect(await runConsolidate(args.slice(0, -3).concat('--out', path.join(dir, 'text.xlsx')), b.io, { today: TODAY })).toBe(0);
  expect(b.out.join('')).toMatch(/ยังไม่ส่ง: ตำบลปากเกร็ด \(ล่าช้า 10 วัน\), ตำบลบางตลาด \(ล่าช้า 10 วัน\)/);
  expect(b.out.join('')).toMatch(/ส่งมาแล้วแต่ใช้ไม่ได้: ตำบลบางพูด: .*Word.* \(ล่าช้า 10 วัน\)/);
});

test("without --due the date is the calendar's: tambons send by the end of February of the running year", async () => {
  const a = io();
  const args = [inbox, '--district', 'ปากเกร็ด', '--province', 'นนทบุรี', '--out', path.join(dir, 'calendar.xlsx')];
  expect(await runConsolidate(args, a.io, { today: { year: 2569, month: 2, day: 20 } })).toBe(0);
  const text = a.out.join('');
  expect(text).toMatch(/การส่งแผน: ส่งแล้ว 2\/12, ส่งมาแล้วแต่ใช้ไม่ได้ 1, ยังไม่ส่ง 9/);
  expect(text).toContain('กำหนดส่ง 28 ก.พ. 2569');
  // Not due yet: nobody is late.
  expect(text).not.toMatch(/ล่าช้า/);
  // --province only placed the district: the table is the district's.
  const wb = readWorkbookBytes(new Uint8Array(readFileSync(path.join(dir, 'calendar.xlsx'))), 'calendar.xlsx', {
    inflateRaw: nodeInflateRaw,
  });
  expect(wb.sheets[0].rows[0]?.[0]?.w).toMatch(/อำเภอปากเกร็ด/);
});

test('in November and December the due dates are those of the next cycle (its steps run January to October)', () => {
  expect(calendarDue('tambon', { year: 2569, month: 12, day: 6 })).toEqual({ year: 2570, month: 2, day: 28 });
  expect(calendarDue('tambon', { year: 2569, month: 10, day: 6 })).toEqual({ year: 2569, month: 2, day: 28 });
  expect(calendarDue('district', { year: 2569, month: 11, day: 1 })).toEqual({ year: 2570, month: 7, day: 31 });
});

test("an unknown or ambiguous district is a usage error with the gazetteer's suggestions; no table is written", async () => {
  const a = io();
  const out = path.join(dir, 'unknown.xlsx');
  expect(await runConsolidate([inbox, '--district', 'ปากเกด', '--province', 'นนทบุรี', '--out', out], a.io)).toBe(2);
  expect(a.err.join('')).toContain('ไม่พบอำเภอ "ปากเกด"');
  expect(a.err.join('')).toContain('ใกล้เคียง: อำเภอปากเกร็ด');
  const b = io();
  expect(await runConsolidate([inbox, '--district', 'อ.เมือง', '--out', out], b.io)).toBe(2);
  expect(b.err.join('')).toMatch(/มีอำเภอชื่อ "เมือง" มากกว่าหนึ่งแห่ง: ระบุจังหวัดด้วย \(อำเภอเมืองสมุทรปราการ จังหวัดสมุทรปราการ/);
  expect(() => readFileSync(out)).toThrow();
});

test('expectedSenders: a province alone expects its districts; names the officer adds are not doubled', () => {
  const nonthaburi = expectedSenders({ province: 'จ.นนทบุรี' }, ['อ.ปากเกร็ด', 'สำนักงานเกษตรจังหวัดนนทบุรี']);
  expect(nonthaburi).toEqual({
    ok: true,
    level: 'district',
    place: { province: '12' },
    names: ['อำเภอเมืองนนทบุรี', 'อำเภอบางกรวย', 'อำเภอบางใหญ่', 'อำเภอบางบัวทอง', 'อำเภอไทรน้อย', 'อำเภอปากเกร็ด', 'สำนักงานเกษตรจังหวัดนนทบุรี'],
  });
  // "อำเภอเมือง" told apart by its province: the capital district.
  const muang = expectedSenders({ district: 'อำเภอเมือง', province: 'นนทบุรี' });
  expect(muang).toMatchObject({ ok: true, level: 'tambon', place: { province: '12', district: '1201' } });
  expect(muang?.ok && muang.names[0]).toBe('ตำบลสวนใหญ่');
  expect(expectedSenders({}, ['อบต.นาดี'])).toBeUndefined();
  expect(expectedSenders({ province: 'นนทบุร' })).toMatchObject({ ok: false, suggestions: ['จังหวัดนนทบุรี'] });
});

test("the pane's district settings give the engine the same list; a name the gazetteer lacks keeps the typed names", () => {
  const settings = { ...EMPTY_DISTRICT, district: 'ปากเกร็ด', province: 'นนทบุรี', roster: '1. เทศบาลนครปากเกร็ด\n2. ต.บางตลาด' };
  const cli = expectedSenders({ district: 'ปากเกร็ด', province: 'นนทบุรี' }, ['เทศบาลนครปากเกร็ด', 'ต.บางตลาด']);
  expect(districtOptions(settings).expected).toEqual(cli?.ok && cli.names);
  expect(districtOptions(settings).expected).toHaveLength(13);
  expect(districtOptions({ ...settings, district: 'เมือง', province: '' }).expected).toEqual(['เทศบาลนครปากเกร็ด', 'ต.บางตลาด']);
});

describe('a province whose capital district calls itself "อำเภอเมือง" (issue 26)', () => {
  let provinceInbox: string;
  let muang: District;
  beforeAll(async () => {
    provinceInbox = path.join(dir, 'province');
    mkdirSync(provinceInbox);
    // อำเภอเมืองสุราษฎร์ธานี's table as its officer made it: `--district เมือง`, so its title says อำเภอเมือง only.
    muang = await districtNeeds('เมือง', allWorkbooks(), 'แผนความต้องการ อ.เมือง.xlsx');
    expect(muang.workbook.sheets[0].rows[0]?.[0]?.w).toBe('แผนความต้องการของอำเภอเมือง');
    const phunphin = await districtNeeds('พุนพิน', phunphinWorkbooks(), 'แผนความต้องการ อ.พุนพิน.xlsx');
    writeFileSync(path.join(provinceInbox, 'แผนความต้องการ อ.เมือง.xlsx'), writeXlsx(muang.out));
    writeFileSync(path.join(provinceInbox, 'แผนความต้องการ อ.พุนพิน.xlsx'), writeXlsx(phunphin.out));
  });

  test('its table counts as เมืองสุราษฎร์ธานี sent; "อ.เมือง" added by the officer is not a second district; the sheet heads อำเภอ', async () => {
    const extra = path.join(dir, 'หน่วยงาน.csv');
    writeFileSync(extra, 'ที่,ชื่อ\n๑,อ.เมือง\n๒,สำนักงานเกษตรจังหวัดสุราษฎร์ธานี\n');
    const out = path.join(dir, 'province.xlsx');
    const a = io();
    const args = [provinceInbox, '--province', 'สุราษฎร์ธานี', '--expect', extra, '--due', '31/7/2569', '--out', out, '--json'];
    expect(await runConsolidate(args, a.io, { today: { year: 2569, month: 8, day: 5 } })).toBe(0);
    const s = ConsolidateJsonSchema.parse(JSON.parse(a.out.join(''))).senders!;
    expect(s.expected).toHaveLength(19 + 1);
    expect(s.expected).not.toContain('อ.เมือง');
    expect(s.received).toEqual(['อำเภอเมืองสุราษฎร์ธานี', 'อำเภอพุนพิน']);
    expect(s.missing).toContain('สำนักงานเกษตรจังหวัดสุราษฎร์ธานี');

    const wb = readWorkbookBytes(new Uint8Array(readFileSync(out)), 'province.xlsx', { inflateRaw: nodeInflateRaw });
    const sheet = wb.sheets.find((x) => x.name === 'ติดตามการส่งแผน')!;
    expect(sheet.rows[2]!.map((c) => c?.w)).toEqual(['ที่', 'อำเภอ', 'สถานะ', 'กำหนดส่ง', 'ล่าช้า (วัน)', 'ไฟล์ที่ได้รับ']);
    const muangRow = sheet.rows.find((r) => r?.[1]?.w === 'อำเภอเมืองสุราษฎร์ธานี')!;
    expect([muangRow[2]?.w, muangRow[5]?.w]).toEqual(['ส่งแล้ว', expect.stringContaining('อ.เมือง.xlsx')]);
  });

  test("its needs are placed in เมืองสุราษฎร์ธานี (8401) by the pane's consolidate as by the CLI's", async () => {
    const inputs = [{ file: 'แผนความต้องการ อ.เมือง.xlsx', checksum: '1'.repeat(64), workbook: muang.workbook }];
    const pane = await consolidate(inputs, { province: 'สุราษฎร์ธานี' });
    const cli = new Consolidation({ province: 'สุราษฎร์ธานี' });
    inputs.forEach((i) => cli.add(i));
    for (const r of [pane, cli.finish()]) expect(new Set(r.items.map((i) => i.place?.district))).toEqual(new Set(['8401']));
  });

  test('sendersOf by the gazetteer: "เมือง" is the capital of the roster, never another district', () => {
    const report = (district: string): InputReport => ({
      file: 'x.xlsx',
      checksum: '0'.repeat(64),
      status: 'ok',
      sheets: [],
      projects: 1,
      taken: 1,
      district,
    });
    const s = sendersOf(['อำเภอเมืองสุราษฎร์ธานี', 'อำเภอพุนพิน'], [report('อำเภอเมือง')]);
    expect([s.received, s.missing]).toEqual([['อำเภอเมืองสุราษฎร์ธานี'], ['อำเภอพุนพิน']]);
    expect(sendersOf(['อำเภอพุนพิน'], [report('อำเภอเมือง')]).missing).toEqual(['อำเภอพุนพิน']);
  });
});
