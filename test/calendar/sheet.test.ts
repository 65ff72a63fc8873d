import {
  BUILTIN_TEMPLATES,
  CalendarTemplateSchema,
  buildCalendar,
  calendarSheet,
  calendarSheetLayout,
  BAR_COLOR,
} from '../../src/engine/calendar';
import type { OutCell } from '../../src/engine/output';
import { OutSheetSchema } from '../../src/engine/output-schema';

const value = (c: OutCell | undefined): unknown => (c !== null && typeof c === 'object' ? c.value : c);
const style = (c: OutCell | undefined) => (c !== null && typeof c === 'object' ? (c.style ?? {}) : {});

describe('calendar sheet', () => {
  const cal = buildCalendar(BUILTIN_TEMPLATES.rayong, 2564, { thaiDigits: true, updatedOn: { year: 2562, month: 5, day: 10 } });
  const sheet = calendarSheet(cal);
  const { headerRow, firstStepRow, firstMonthCol, stepRows } = calendarSheetLayout(cal);

  test('is a valid OutSheet: TH Sarabun New 16, A4 landscape one page wide', () => {
    expect(() => OutSheetSchema.parse(sheet)).not.toThrow();
    expect(sheet.font).toEqual({ name: 'TH Sarabun New', size: 16 });
    expect(sheet.page).toEqual({ orientation: 'landscape', fitWidth: true, footer: 'หน้า &P/&N' });
    expect(sheet.printTitleRows).toEqual([headerRow, headerRow + 1]);
    expect(sheet.name).toBe('ปฏิทิน ๒๕๖๔');
  });

  test('title lines, headers, steps, notes', () => {
    expect(value(sheet.rows[0][0])).toBe('ปฏิทินการดำเนินงานจังหวัดระยอง');
    expect(sheet.rows[headerRow].slice(0, 5).map(value)).toEqual(['ที่', 'การดำเนินงาน', 'หน่วยดำเนินการ', 'วัน/เดือน/ปี', 'หมายเหตุ']);
    expect(value(sheet.rows[headerRow][firstMonthCol])).toBe('พ.ศ. ๒๕๖๒');
    expect(sheet.rows[headerRow + 1].slice(firstMonthCol).map(value)).toEqual([
      'ม.ค.',
      'ก.พ.',
      'มี.ค.',
      'เม.ย.',
      'พ.ค.',
      'มิ.ย.',
      'ก.ค.',
      'ส.ค.',
      'ก.ย.',
    ]);
    const first = sheet.rows[firstStepRow];
    expect(first.slice(0, 4).map(value)).toEqual([
      '๑',
      'แผนชุมชน/แผนพัฒนาหมู่บ้าน/แผนพัฒนาท้องถิ่น',
      'สำนักงานพัฒนาชุมชนอำเภอ/อปท./อำเภอ',
      'ม.ค. – ก.พ. ๖๒',
    ]);
    expect(value(sheet.rows[stepRows[11].row][0])).toBe('๑๒');
    // With details, the bullet lines go under the headline.
    const detailed = calendarSheet(cal, { details: true });
    expect(value(detailed.rows[firstStepRow][1])).toMatch(/^แผนชุมชน\/แผนพัฒนาหมู่บ้าน\/แผนพัฒนาท้องถิ่น\n- /);
    expect(stepRows[0].row).toBe(firstStepRow);
    const texts = sheet.rows
      .flat()
      .map(value)
      .filter((v) => typeof v === 'string') as string[];
    expect(texts).toContain('หมายเหตุ : ๑. ปรับปรุงปฏิทินการดำเนินงาน ณ วันที่ ๑๐ พ.ค. ๖๒');
    expect(texts).toContain('๒. กำหนดการและระยะเวลาเปลี่ยนแปลงได้ตามความเหมาะสม');
    // Every title line and note is merged across the table.
    const lastCol = firstMonthCol + cal.months.length - 1;
    expect(sheet.merges).toContainEqual({ r1: 0, c1: 0, r2: 0, c2: lastCol });
  });

  test('Gantt bars: fill on active months only', () => {
    const bars = cal.steps.map((_, i) =>
      sheet.rows[stepRows[i].row]
        .slice(firstMonthCol)
        .map((c) => (style(c).fill === BAR_COLOR ? '#' : '.'))
        .join(''),
    );
    expect(bars).toEqual([
      '##.......',
      '..##.....',
      '...###...',
      '.....#...',
      '......#..',
      '......#..',
      '......##.',
      '.......#.',
      '.......#.',
      '.......#.',
      '........#',
      '........#',
    ]);
  });

  test('each step is one row, as tall as its longest text needs (fitRows)', () => {
    expect(stepRows[9].lines).toBeGreaterThan(stepRows[2].lines); // step 10's title is long, แผนพัฒนาอำเภอ short
    stepRows.forEach(({ row }, i) => expect(row).toBe(firstStepRow + i));
    expect(sheet.fitRows).toBe(true);
    expect((sheet.merges ?? []).filter((m) => m.r2 > m.r1 && m.r1 >= firstStepRow)).toEqual([]);
    const last = stepRows[11];
    expect(sheet.rows.length).toBe(last.row + 1 + 1 + cal.notes.length);
    const long = calendarSheetLayout(cal, { details: true });
    expect(long.stepRows[2].lines).toBeGreaterThan(stepRows[2].lines);
  });

  test('the title says which fiscal year the plan is for and when its steps run', () => {
    const dopa = buildCalendar(BUILTIN_TEMPLATES.dopa, 2570, { thaiDigits: false });
    const s = calendarSheet(dopa);
    const titles = s.rows.slice(0, calendarSheetLayout(dopa).headerRow - 1).map((r) => String(value(r[0])));
    expect(titles[titles.length - 1]).toMatch(/^\(แผนสำหรับปีงบประมาณ พ\.ศ\. 2570 · ดำเนินการระหว่าง \S+ 256\d – \S+ 256\d\)$/);
  });

  test('a deadline: day in its month cell, weekday text in the note', () => {
    const t = CalendarTemplateSchema.parse({
      id: 'x',
      name: 'x',
      steps: [{ id: 'a', title: 'ส่งโครงการ', startMonth: 5, endMonth: 6, deadline: { month: 6, day: 15 }, note: 'จัดลำดับความสำคัญ' }],
    });
    const c = buildCalendar(t, 2571);
    const s = calendarSheet(c);
    const l = calendarSheetLayout(c);
    const row = s.rows[l.firstStepRow];
    expect(value(row[4])).toBe('ภายในวันจันทร์ที่ 15 มิถุนายน 2569\nจัดลำดับความสำคัญ');
    expect(value(row[l.firstMonthCol + 1])).toBe('15');
    expect(style(row[l.firstMonthCol + 1]).fill).toBe(BAR_COLOR);
  });

  test('DOPA FY 2560: months January–November 2558, Arabic digits', () => {
    const d = buildCalendar(BUILTIN_TEMPLATES.dopa, 2560);
    const s = calendarSheet(d, { lang: 'en' });
    const l = calendarSheetLayout(d);
    expect(value(s.rows[l.headerRow][l.firstMonthCol])).toBe('2015');
    expect(s.rows[l.headerRow + 1].slice(l.firstMonthCol).map(value)).toHaveLength(11);
    expect(s.name).toBe('ปฏิทิน 2560');
  });
});
