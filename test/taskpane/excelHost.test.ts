/**
 * The pane in Excel mode: the Excel host (src/taskpane/host/excelHost.ts) over the fake Excel, doing
 * what each tab's actions do with it — Validate reads the open workbook, goes to a finding, applies a
 * safe fix, highlights and writes its report; Strategy writes its sheet; Consolidate merges with the
 * needs table an earlier run wrote into the workbook (the officer's ranks, routes and notes kept);
 * Calendar writes its sheet and copies the .ics where downloads do nothing (Excel for Mac); the action
 * plan is written beside the needs table, merged with on a re-run, and never written over the table's
 * sheets. Writing again rewrites our sheet in place and the officer's note says which sheet was replaced.
 */
import { createExcelHost } from '../../src/taskpane/host/excelHost';
import { writtenNote, type WrittenSheet } from '../../src/taskpane/host/host';
import { STRINGS } from '../../src/taskpane/i18n';
import { validateWorkbook } from '../../src/engine/validate';
import { reportWorkbook } from '../../src/engine/validate/report';
import { BUILTIN_TEMPLATES, buildCalendar, calendarIcs, calendarSheet } from '../../src/engine/calendar';
import { FakeExcel } from '../office/fakeExcel';
import { consolidate, needsWorkbook, NEEDS_SHEET, readPrevious } from '../../src/engine/consolidate';
import { readPlanSheet } from '../../src/engine/forms/read';
import { matchWorkbook, mismatchSheet } from '../../src/engine/strategy/report';
import { presetById } from '../../src/engine/strategy/presets';
import { allWorkbooks } from '../consolidate/fixtures';
import { inputsOf } from '../roundtrip/fixtures';
import { actionPlanWorkbook, buildActionPlan, ACTION_VANISHED_SHEET } from '../../src/engine/action-plan';
import { previousActionPlan } from '../../src/taskpane/action-plan/useActionPlan';
import { writeRunSheets } from '../../src/taskpane/common/writeRunSheets';
import { actionPlanInputs } from '../action-plan/fixtures';
import { DISTRICT, DRAIN, FY, inputsOf as actionPlanInputsOf, laterInputs, ROAD } from '../action-plan/edited';

let fake: FakeExcel;
let uninstall: (() => void) | undefined;
function setup(platform = 'PC'): FakeExcel {
  uninstall?.();
  fake = new FakeExcel({ apiVersion: '1.13' });
  fake.platform = platform;
  uninstall = fake.installOffice();
  return fake;
}
afterEach(() => uninstall?.());

/** A local plan (ผ.02-like) with one budget that is text and one project without a name. */
function planSheet(f: FakeExcel): void {
  f.addSheet('ผ.02');
  f.setValues('ผ.02', 'A1', [
    ['แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)', null, null, null, null, null, null, null],
    ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณ 2566 (บาท)', 'งบประมาณ 2567 (บาท)', 'ตัวชี้วัด', 'หน่วยงานรับผิดชอบหลัก'],
    [1, 'ก่อสร้างถนน คสล. หมู่ 3', 'เพื่อการสัญจร', 'ยาว 200 ม.', 500000, 'ห้าแสน', 'ร้อยละ 80', 'กองช่าง'],
    [2, null, 'เพื่อการเกษตร', '1 แห่ง', 300000, 0, 'ร้อยละ 70', 'กองช่าง'],
    [3, 'ขุดลอกคลอง', 'ระบายน้ำ', '1 สาย', 200000, 100000, 'ร้อยละ 90', 'กองช่าง'],
  ]);
}

test('Excel for Mac: no download (its web view ignores them), copying instead; elsewhere downloads', () => {
  setup('Mac');
  const mac = createExcelHost(fake.run);
  expect(mac.download).toBeUndefined();
  expect(typeof mac.copyText).toBe('function');
  setup('PC');
  expect(typeof createExcelHost(fake.run).download).toBe('function');
  setup('OfficeOnline');
  expect(typeof createExcelHost(fake.run).download).toBe('function');
});

test('Validate in Excel: reads the open workbook, highlights the findings, writes the report twice in place', async () => {
  setup();
  planSheet(fake);
  const host = createExcelHost(fake.run);
  const wb = await host.readWorkbook();
  const report = validateWorkbook(wb);
  const findings = report.sheets.flatMap((s) => s.findings);
  expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(['project-name-missing']));
  await host.highlight!(findings);
  expect(fake.cell('ผ.02', 'B4').fill.color).toBe('#FFC7CE'); // the row without a name, in Excel's "Bad" red

  const writeReport = async () => {
    const written: WrittenSheet[] = [];
    for (const s of reportWorkbook([report], 'th').sheets) written.push(await host.writeSheet!(s));
    return written;
  };
  const first = await writeReport();
  expect(first.every((w) => w.replaced === null)).toBe(true);
  expect(writtenNote(STRINGS.th.reportWritten, first, STRINGS.th.sheetsReplaced)).toBe(STRINGS.th.reportWritten);
  const ids = first.map((w) => fake.sheet(w.name).id);
  const second = await writeReport();
  expect(second.map((w) => w.replaced)).toEqual(first.map((w) => w.name));
  expect(second.map((w) => fake.sheet(w.name).id)).toEqual(ids); // the same sheets, rewritten
  expect(fake.writes.some((w) => w.what === 'delete')).toBe(false);
  const note = writtenNote(STRINGS.en.reportWritten, second, STRINGS.en.sheetsReplaced);
  expect(note).toContain(`"${first[0].name}"`);
  expect(note).toMatch(/earlier contents were replaced/);
  // The officer's plan sheet: only highlight fills, never its values.
  expect(fake.cell('ผ.02', 'B3').value).toBe('ก่อสร้างถนน คสล. หมู่ 3');
});

test('Calendar in Excel for Mac: the sheet is written, the .ics copied (no download)', async () => {
  setup('Mac');
  planSheet(fake);
  const copied: string[] = [];
  Object.defineProperty(globalThis, 'navigator', {
    value: { clipboard: { writeText: async (t: string) => void copied.push(t) } },
    configurable: true,
  });
  try {
    const host = createExcelHost(fake.run);
    const cal = buildCalendar(BUILTIN_TEMPLATES.dopa, 2570);
    const w = await host.writeSheet!(calendarSheet(cal, { lang: 'th' }));
    expect(w.replaced).toBeNull();
    expect(fake.sheetNames()).toContain(w.name);
    expect(host.download).toBeUndefined();
    await host.copyText!(calendarIcs(cal));
    expect(copied[0]).toMatch(/^BEGIN:VCALENDAR/);
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
});

/** Row and column (0-based) of a written sheet's cell by its header and a text in its row, read back as the pane reads. */
async function cellOf(host: ReturnType<typeof createExcelHost>, sheet: string, header: string, rowText: string) {
  const wb = await host.readWorkbook({ withOutputs: true });
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const rows = Array.from(s.rows, (r) => Array.from(r ?? [], (c) => c?.w ?? ''));
  const headerRow = rows.findIndex((r) => r.includes(header));
  const col = rows[headerRow].indexOf(header);
  const row = rows.findIndex((r) => r.includes(rowText));
  return { row, col };
}

const colLetterOf = (c: number): string =>
  c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26));

test("Consolidate in Excel where the workbook already holds the needs table: the officer's ranks, routes and notes kept", async () => {
  setup();
  const host = createExcelHost(fake.run);
  // The first run writes the needs table (and its summaries) into the open workbook.
  const first = await consolidate(inputsOf(allWorkbooks()), { district: 'เมือง' });
  for (const s of needsWorkbook(first).sheets) await host.writeSheet!(s);
  const id = fake.sheet(NEEDS_SHEET).id;
  // Its print layout: the proposer's whole line and the years without amounts hidden, kept in the sheet.
  const hiddenHeaders = [...fake.sheet(NEEDS_SHEET).hiddenCols].map((c) => fake.cell(NEEDS_SHEET, `${colLetterOf(c)}5`).value);
  expect(hiddenHeaders).toEqual(expect.arrayContaining(['อปท./ผู้เสนอ', 'ปีงบประมาณ 2566 (บาท)']));

  // The officer works in Excel: ranks the weir first, routes the road to the อบจ., writes a note.
  const weir = 'ขุดลอกคลองนาดี พร้อมก่อสร้างฝายชะลอน้ำ';
  const road = 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3';
  const rank = await cellOf(host, NEEDS_SHEET, 'ลำดับความสำคัญของอำเภอ', weir);
  const route = await cellOf(host, NEEDS_SHEET, 'ส่งถึง (ผู้รับเรื่อง)', road);
  const note = await cellOf(host, NEEDS_SHEET, 'บันทึกของอำเภอ', road);
  fake.setValues(NEEDS_SHEET, `${colLetterOf(rank.col)}${rank.row + 1}`, [[0.5]]);
  fake.setValues(NEEDS_SHEET, `${colLetterOf(route.col)}${route.row + 1}`, [['อบจ.']]);
  fake.setValues(NEEDS_SHEET, `${colLetterOf(note.col)}${note.row + 1}`, [['นายอำเภอให้เร่งรัด ประชุม ๓ มี.ค.']]);

  // The second run (a late file would come in here) reads the table back from the workbook, as the pane does.
  // (A plain read leaves our sheets out: the table was not found, and the officer's work not merged.)
  expect(readPrevious(await host.readWorkbook())).toBeUndefined();
  const previous = readPrevious(await host.readWorkbook({ withOutputs: true }));
  expect(previous?.sheet).toBe(NEEDS_SHEET);
  const second = await consolidate(inputsOf(allWorkbooks()), { district: 'เมือง', previous });
  expect(second.merge).toMatchObject({ kept: 10, new: 0, vanished: [] });
  const written: WrittenSheet[] = [];
  for (const s of needsWorkbook(second).sheets) written.push(await host.writeSheet!(s));
  expect(written[0]).toEqual({ name: NEEDS_SHEET, replaced: NEEDS_SHEET });
  expect(fake.sheet(NEEDS_SHEET).id).toBe(id); // rewritten in place

  // Nothing the officer wrote is lost: the weir first, the road to the อบจ., the note.
  const table = readPlanSheet((await host.readWorkbook({ withOutputs: true })).sheets.find((s) => s.name === NEEDS_SHEET)!);
  // (Two roads have this name: นาดี's, the first, is the one edited.)
  const find = (name: string) => table.projects.find((p) => p.name === name)!;
  expect(Number(find(weir).sourcePriority)).toBe(0.5); // the rank as the officer wrote it
  expect(find(weir).row).toBeLessThan(find(road).row); // and the table in that order
  expect(find(road).route).toMatch(/^อบจ\./);
  expect(find(road).officerNote).toBe('นายอำเภอให้เร่งรัด ประชุม ๓ มี.ค.');
  // The sheet's hidden columns are its own again after the rewrite (none left over, none lost).
  expect([...fake.sheet(NEEDS_SHEET).hiddenCols].sort()).toEqual([...new Set(needsWorkbook(second).sheets[0].hiddenCols)].sort());
});

test('Strategy in Excel: the mismatch sheet written, then rewritten in place', async () => {
  setup();
  planSheet(fake);
  const host = createExcelHost(fake.run);
  const list = presetById('nakhonsawan-2566-2570-inferred')!.list;
  const matches = matchWorkbook(await host.readWorkbook(), list);
  const a = await host.writeSheet!(mismatchSheet(matches, list, 'th'));
  const b = await host.writeSheet!(mismatchSheet(matches, list, 'th'));
  expect(a.replaced).toBeNull();
  expect(b).toEqual({ name: a.name, replaced: a.name });
  expect(fake.sheetNames().filter((n) => n === a.name)).toHaveLength(1);
});

test('Validate in Excel: go to a finding, apply its safe fix, clear the highlights; settings kept in the workbook', async () => {
  setup();
  planSheet(fake);
  fake.setValues('ผ.02', 'E5', [['200,000']]); // an amount typed as text: the fix makes it a number
  const host = createExcelHost(fake.run);
  const findings = validateWorkbook(await host.readWorkbook()).sheets.flatMap((s) => s.findings);
  const fixable = findings.find((f) => f.fix)!;
  expect(fixable).toBeDefined();
  await host.selectCell!(fixable.sheet, `${fixable.fix!.column}${fixable.fix!.row}`);
  expect(fake.sheet(fixable.sheet).selection).toBe(`${fixable.fix!.column}${fixable.fix!.row}`);
  await host.applyFix!(fixable.sheet, fixable.fix!);
  expect(fake.cell(fixable.sheet, `${fixable.fix!.column}${fixable.fix!.row}`).value).toBe(fixable.fix!.value);
  await host.highlight!(findings);
  await host.clearHighlights!();
  expect(fake.cell('ผ.02', 'B4').fill.color).toBe('#FFFFFF');
  await host.setSetting('oneplan.district', JSON.stringify({ district: 'เมือง' }));
  expect(JSON.parse((await host.getSetting('oneplan.district'))!)).toEqual({ district: 'เมือง' });
});

/** Row and column (0-based) of a cell by its header and the start of a text in its row (names may carry a suffix). */
async function cellStarting(host: ReturnType<typeof createExcelHost>, sheet: string, header: string, rowStart: string) {
  const wb = await host.readWorkbook({ withOutputs: true });
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const rows = Array.from(s.rows, (r) => Array.from(r ?? [], (c) => c?.w ?? ''));
  const col = rows[rows.findIndex((r) => r.includes(header))].indexOf(header);
  const row = rows.findIndex((r) => r.some((t) => t.startsWith(rowStart)));
  return { row, col, text: rows[row]?.[col] };
}

test("Action plan in Excel, in the workbook holding the needs table: written, edited, run again with the officer's cells kept; the needs table untouched", async () => {
  setup();
  const host = createExcelHost(fake.run);
  // The needs table (and its own sources and gone lists) is already in the workbook.
  const needs = await consolidate(inputsOf(allWorkbooks()), { district: 'เมือง' });
  for (const s of needsWorkbook(needs).sheets) await host.writeSheet!(s);
  const needsSheets = fake.sheetNames();
  const snapshot = () => needsSheets.map((n) => [n, fake.sheet(n).id, JSON.stringify(fake.sheet(n).rows), fake.sheet(n).merges.length]);
  const before = snapshot();

  // First run: no plan in the workbook yet; the plan's sheets are written beside the needs table's.
  expect(await previousActionPlan(host, FY)).toEqual({});
  const first = buildActionPlan(actionPlanInputsOf(actionPlanInputs()), { fiscalYear: FY, district: DISTRICT });
  const note1 = await writeRunSheets(host, actionPlanWorkbook(first).sheets, [ACTION_VANISHED_SHEET]);
  expect(note1?.intent).toBe('success');
  const planSheet = actionPlanWorkbook(first).sheets[0].name;
  expect(fake.sheetNames()).toEqual(expect.arrayContaining([...needsSheets, planSheet]));
  const planId = fake.sheet(planSheet).id;

  // The officer fills in who is responsible for the road and what became of the drain, in Excel.
  const road = await cellStarting(host, planSheet, 'ผู้รับผิดชอบ', ROAD);
  const drain = await cellStarting(host, planSheet, 'ผลการดำเนินงาน', DRAIN);
  fake.setValues(planSheet, `${colLetterOf(road.col)}${road.row + 1}`, [['นายช่างโยธา สมชาย ใจดี']]);
  fake.setValues(planSheet, `${colLetterOf(drain.col)}${drain.row + 1}`, [['ตรวจรับงานแล้ว ๒ ก.พ. ๒๕๖๙']]);

  // Run again with the later files: the plan is read back from the workbook and merged with.
  const { previous, otherYear } = await previousActionPlan(host, FY);
  expect(otherYear).toBeUndefined();
  expect(previous?.sheet).toBe(planSheet);
  const second = buildActionPlan(actionPlanInputsOf(laterInputs()), { fiscalYear: FY, district: DISTRICT, previous });
  expect(second.merge).toMatchObject({ kept: 10, new: 1 });
  await writeRunSheets(host, actionPlanWorkbook(second).sheets, [ACTION_VANISHED_SHEET]);
  expect(fake.sheet(planSheet).id).toBe(planId); // rewritten in place
  expect((await cellStarting(host, planSheet, 'ผู้รับผิดชอบ', ROAD)).text).toBe('นายช่างโยธา สมชาย ใจดี');
  // The drain is in no later file: listed on the plan's gone sheet with what the officer wrote.
  expect((await cellStarting(host, planSheet, 'ผลการดำเนินงาน', DRAIN)).row).toBe(-1);
  expect((await cellStarting(host, ACTION_VANISHED_SHEET, 'ผลการดำเนินงาน', DRAIN)).text).toBe('ตรวจรับงานแล้ว ๒ ก.พ. ๒๕๖๙');

  // Not one of the needs table's sheets was written over or renamed.
  expect(snapshot()).toEqual(before);
  // A run for another fiscal year would replace this year's plan: the pane is told, and downloads instead.
  expect(await previousActionPlan(host, FY + 1)).toEqual({ otherYear: FY });
});
