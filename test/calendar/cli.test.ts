import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type Io } from '../../src/cli/oneplan';
import { writeXlsx } from '../../src/xlsx/write';
import { BUILTIN_TEMPLATES, serializeTemplate } from '../../src/engine/calendar';

function capture(): Io & { stdout: () => string; stderr: () => string } {
  let o = '';
  let e = '';
  return { out: (s) => void (o += s), err: (s) => void (e += s), stdout: () => o, stderr: () => e };
}

async function run(args: string[]) {
  const io = capture();
  const code = await main(['calendar', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** The xlsx writer is written in parallel; file tests run once it exists. */
export function writerReady(): boolean {
  try {
    writeXlsx({ sheets: [{ name: 'a', rows: [['x']] }] });
    return true;
  } catch {
    return false;
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oneplan-cal-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('oneplan calendar', () => {
  test('--json prints steps and warnings', async () => {
    const r = await run(['--fiscal-year', '2571', '--template', 'dopa', '--thai-digits', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['steps', 'warnings']));
    expect(j.steps).toHaveLength(7);
    expect(j.steps[0]).toMatchObject({
      no: 1,
      title: 'ทบทวนแผนชุมชน/หมู่บ้าน',
      unit: expect.any(String),
      start: '2569-01',
      end: '2569-02',
      label: 'ม.ค. – ก.พ. ๖๙',
    });
    expect(j.warnings).toEqual([]);
  });

  test('rayong FY 2564 in Arabic digits; = syntax', async () => {
    const r = await run(['--fiscal-year=2564', '--template=rayong', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.steps).toHaveLength(12);
    expect(j.steps.map((s: { label: string }) => s.label).slice(0, 3)).toEqual(['ม.ค. – ก.พ. 62', 'มี.ค. – เม.ย. 62', 'เม.ย. – มิ.ย. 62']);
    expect(j.steps[11]).toMatchObject({ no: 12, start: '2562-09', end: '2562-09' });
  });

  test('Thai-digit year and --year-offset', async () => {
    const r = await run(['--fiscal-year', '๒๕๗๑', '--year-offset', '-1', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).steps[0].start).toBe('2570-01');
  });

  test('a template file: print, edit, use; warnings go to stderr and keep exit 0', async () => {
    const p = await run(['--template', 'rayong', '--print-template']);
    expect(p.code).toBe(0);
    const t = JSON.parse(p.out);
    expect(t).toEqual(JSON.parse(serializeTemplate(BUILTIN_TEMPLATES.rayong)));
    t.steps[3].deadline = { month: 6, day: 15 };
    const file = path.join(tmp, 'ss.json');
    fs.writeFileSync(file, JSON.stringify(t));
    const r = await run(['--fiscal-year', '2564', '--template', file, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.steps[3]).toMatchObject({ deadline: '2562-06-15', deadlineText: 'วันเสาร์ที่ 15 มิถุนายน 2562' });
    expect(j.warnings).toEqual([expect.objectContaining({ code: 'deadline-weekend', step: 4 })]);
    expect(r.err).toContain('deadline-weekend');
  });

  test('--ics writes an iCalendar file', async () => {
    const ics = path.join(tmp, 'cal.ics');
    const r = await run(['--fiscal-year', '2571', '--template', 'rayong', '--ics', ics]);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(ics, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(12);
    expect(r.out).toContain('cal.ics');
  });

  test.each([
    [[], /--fiscal-year N is required/],
    [['--fiscal-year'], /needs a value/],
    [['--fiscal-year', 'abc', '--json'], /not a year/],
    [['--fiscal-year', '2026', '--json'], /Buddhist Era.*2569/],
    [['--fiscal-year', '2571'], /nothing to do/],
    [['--fiscal-year', '2571', '--template', 'nowhere.json', '--json'], /neither dopa, rayong nor/],
    [['--fiscal-year', '2571', '--bogus'], /unknown option "--bogus"/],
    [['--fiscal-year', '2571', '--out', 'x.pdf'], /must end in \.xlsx/],
    [['--fiscal-year', '2571', '--updated', 'someday', '--json'], /not a date/],
  ])('bad usage %j → exit 2', async (args, msg) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg as RegExp);
    expect(r.err).toContain('usage: oneplan calendar');
    expect(r.out).toBe('');
  });

  test('an invalid template file → exit 2 with the issues', async () => {
    const file = path.join(tmp, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ id: 'x', name: 'x', steps: [{ id: 'a', title: 't', startMonth: 0, endMonth: 1 }] }));
    const r = await run(['--fiscal-year', '2571', '--template', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/steps\.0\.startMonth/);
  });

  test('--help → usage on stdout, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: oneplan calendar');
  });

  (writerReady() ? test : test.skip)('--out writes an .xlsx that reads back', async () => {
    const out = path.join(tmp, 'cal.xlsx');
    const r = await run(['--fiscal-year', '2564', '--template', 'rayong', '--thai-digits', '--out', out]);
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('ปฏิทิน ๒๕๖๔');
    const all: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => all.push(String(c.value))));
    expect(all).toContain('ปฏิทินการดำเนินงานจังหวัดระยอง');
    expect(all).toContain('ม.ค. – ก.พ. ๖๒');
    expect(all).toContain('หมายเหตุ : ๑. ปรับปรุงปฏิทินการดำเนินงาน ณ วันที่ ' + all.find((s) => s.startsWith('หมายเหตุ : ๑. '))!.split('ณ วันที่ ')[1]);
    expect(all).toContain('๒. กำหนดการและระยะเวลาเปลี่ยนแปลงได้ตามความเหมาะสม');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });
});
