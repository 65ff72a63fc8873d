/**
 * The pane in Excel mode: the Excel host (src/taskpane/host/excelHost.ts) over the fake Excel, doing
 * what each tab's main action does with it — Validate reads the open workbook, highlights and writes
 * its report; Strategy and Consolidate write their sheets; Calendar writes its sheet and copies the
 * .ics where downloads do nothing (Excel for Mac). Writing again rewrites our sheet in place and the
 * officer's note says which sheet was replaced.
 */
import { createExcelHost } from '../../src/taskpane/host/excelHost';
import { writtenNote, type WrittenSheet } from '../../src/taskpane/host/host';
import { STRINGS } from '../../src/taskpane/i18n';
import { validateWorkbook } from '../../src/engine/validate';
import { reportWorkbook } from '../../src/engine/validate/report';
import { BUILTIN_TEMPLATES, buildCalendar, calendarIcs, calendarSheet } from '../../src/engine/calendar';
import { FakeExcel } from '../office/fakeExcel';

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
