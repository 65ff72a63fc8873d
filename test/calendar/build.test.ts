import {
  BUILTIN_TEMPLATES,
  CalendarTemplateSchema,
  buildCalendar,
  builtinTemplate,
  calendarJson,
  parseTemplate,
  planCycle,
  serializeTemplate,
  type CalendarTemplateInput,
} from '../../src/engine/calendar';
import {
  fiscalYearOf,
  fiscalYearRange,
  formatThaiDateLong,
  nextFiscalYear,
  parseThaiDate,
  rangeLabel,
  weekdayOf,
} from '../../src/engine/calendar/thai';

const UPDATED = { year: 2562, month: 5, day: 10 };

describe('Thai dates', () => {
  test('fiscal year is named by the B.E. year in which it ends', () => {
    expect(fiscalYearOf({ year: 2569, month: 9, day: 30 })).toBe(2569);
    expect(fiscalYearOf({ year: 2569, month: 10, day: 1 })).toBe(2570);
    expect(fiscalYearRange(2570)).toEqual({ start: { year: 2569, month: 10, day: 1 }, end: { year: 2570, month: 9, day: 30 } });
    // 20 Nov 2025 C.E. = 2568 B.E., in FY 2569 → next FY 2570.
    expect(nextFiscalYear(new Date(2025, 10, 20))).toBe(2570);
    expect(nextFiscalYear(new Date(2026, 2, 1))).toBe(2570);
  });

  test('weekdays of the seed deadlines', () => {
    expect(weekdayOf({ year: 2562, month: 6, day: 15 })).toBe(6); // Saturday 15 June 2019
    expect(weekdayOf({ year: 2565, month: 7, day: 25 })).toBe(1); // Monday 25 July 2022
    expect(formatThaiDateLong({ year: 2565, month: 7, day: 25 }, { thaiDigits: true })).toBe('วันจันทร์ที่ ๒๕ กรกฎาคม ๒๕๖๕');
    expect(formatThaiDateLong({ year: 2569, month: 6, day: 15 })).toBe('วันจันทร์ที่ 15 มิถุนายน 2569');
    expect(formatThaiDateLong({ year: 2562, month: 6, day: 15 })).toBe('วันเสาร์ที่ 15 มิถุนายน 2562');
  });

  test('parses dates as officers type them', () => {
    const d = { year: 2569, month: 6, day: 15 };
    expect(parseThaiDate('15 มิ.ย. 2569')).toEqual(d);
    expect(parseThaiDate('15 มิถุนายน 2569')).toEqual(d);
    expect(parseThaiDate('วันจันทร์ที่ ๑๕ มิถุนายน ๒๕๖๙')).toEqual(d);
    expect(parseThaiDate('15 มิถุนายน พ.ศ. 2569')).toEqual(d);
    expect(parseThaiDate('15/6/2569')).toEqual(d);
    expect(parseThaiDate('2569-06-15')).toEqual(d);
    expect(parseThaiDate('2026-06-15')).toEqual(d);
    expect(parseThaiDate('15 มิ.ย. 69')).toEqual(d);
    expect(parseThaiDate('31 มิ.ย. 2569')).toBeUndefined();
    expect(parseThaiDate('soon')).toBeUndefined();
  });

  test('range labels', () => {
    expect(rangeLabel({ year: 2569, month: 1 }, { year: 2569, month: 2 }, { thaiDigits: true })).toBe('ม.ค. – ก.พ. ๖๙');
    expect(rangeLabel({ year: 2569, month: 1 }, { year: 2569, month: 2 })).toBe('ม.ค. – ก.พ. 69');
    expect(rangeLabel({ year: 2562, month: 6 }, { year: 2562, month: 6 }, { thaiDigits: true })).toBe('มิ.ย. ๖๒');
    expect(rangeLabel({ year: 2568, month: 11 }, { year: 2569, month: 1 })).toBe('พ.ย. 68 – ม.ค. 69');
    expect(rangeLabel({ year: 2569, month: 1 }, { year: 2569, month: 2 }, { lang: 'en' })).toBe('Jan – Feb 2026');
  });
});

describe('templates', () => {
  test('built-ins are whole templates: what the schema makes of them, defaults and key order alike (they are used unparsed)', () => {
    expect(BUILTIN_TEMPLATES.dopa.steps).toHaveLength(7);
    expect(BUILTIN_TEMPLATES.rayong.steps).toHaveLength(12);
    for (const t of Object.values(BUILTIN_TEMPLATES)) {
      const back = parseTemplate(serializeTemplate(t));
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      expect(back.template).toEqual(t);
      // A default left out, or a key out of the schema's order, shows here (toEqual ignores the order).
      expect(serializeTemplate(back.template)).toBe(serializeTemplate(t));
    }
  });

  test('bad templates are reported, not thrown', () => {
    expect(parseTemplate('{').ok).toBe(false);
    const r = parseTemplate({ id: 'x', name: 'x', steps: [{ id: 'a', title: 't', startMonth: 13, endMonth: 1 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.join()).toMatch(/steps\.0\.startMonth/);
    const dup = parseTemplate({
      id: 'x',
      name: 'x',
      steps: [
        { id: 'a', title: 't', startMonth: 1, endMonth: 1 },
        { id: 'a', title: 'u', startMonth: 2, endMonth: 2 },
      ],
    });
    expect(dup.ok).toBe(false);
  });

  test('plan cycle', () => {
    expect(planCycle(2564)).toEqual({ start: 2561, end: 2565 });
    expect(planCycle(2571)).toEqual({ start: 2571, end: 2575 });
    expect(planCycle(2570)).toEqual({ start: 2566, end: 2570 });
  });
});

describe('buildCalendar', () => {
  test('FY 2560 DOPA steps fall January–November 2558', () => {
    const cal = buildCalendar(BUILTIN_TEMPLATES.dopa, 2560, { updatedOn: UPDATED });
    expect(cal.calendarYear).toBe(2558);
    expect(cal.steps.map((s) => [s.start, s.end])).toEqual([
      ['2558-01', '2558-02'],
      ['2558-03', '2558-05'],
      ['2558-05', '2558-05'],
      ['2558-07', '2558-07'],
      ['2558-07', '2558-09'],
      ['2558-10', '2558-10'],
      ['2558-11', '2558-11'],
    ]);
    expect(cal.steps.map((s) => s.label)).toEqual([
      'ม.ค. – ก.พ. 58',
      'มี.ค. – พ.ค. 58',
      'พ.ค. 58',
      'ก.ค. 58',
      'ก.ค. – ก.ย. 58',
      'ต.ค. 58',
      'พ.ย. 58',
    ]);
    expect(cal.months).toHaveLength(11);
    // dopa-2558: the district's annual action plan of the fiscal year starting that October, due in November.
    expect(cal.steps[6]).toMatchObject({
      title: 'อำเภอจัดทำแผนปฏิบัติการประจำปีของอำเภอ ประจำปีงบประมาณ พ.ศ. 2559',
      note: 'ให้แล้วเสร็จภายในเดือนพฤศจิกายน',
    });
    expect(cal.titleLines[0]).toBe('ปฏิทินการจัดทำแผนพัฒนาพื้นที่ในระดับต่างๆ ปีงบประมาณ พ.ศ. 2559');
    expect(cal.steps[5].note).toContain('2560');
    expect(cal.warnings).toEqual([]);
  });

  test('FY 2564 Rayong: twelve steps in 2562, Thai digits as in the seed', () => {
    const cal = buildCalendar(BUILTIN_TEMPLATES.rayong, 2564, { thaiDigits: true, updatedOn: UPDATED });
    expect(cal.steps).toHaveLength(12);
    expect(cal.steps.every((s) => s.start.startsWith('2562-') && s.end.startsWith('2562-'))).toBe(true);
    expect(cal.steps.map((s) => s.label)).toEqual([
      'ม.ค. – ก.พ. ๖๒',
      'มี.ค. – เม.ย. ๖๒',
      'เม.ย. – มิ.ย. ๖๒',
      'มิ.ย. ๖๒',
      'ก.ค. ๖๒',
      'ก.ค. ๖๒',
      'ก.ค. – ส.ค. ๖๒',
      'ส.ค. ๖๒',
      'ส.ค. ๖๒',
      'ส.ค. ๖๒',
      'ก.ย. ๖๒',
      'ก.ย. ๖๒',
    ]);
    expect(cal.titleLines).toEqual([
      'ปฏิทินการดำเนินงานจังหวัดระยอง',
      'การจัดทำแผนพัฒนาจังหวัดระยอง พ.ศ. ๒๕๖๑ – ๒๕๖๕ (ทบทวนปี ๒๕๖๔)',
      'และแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๔',
    ]);
    expect(cal.notes).toEqual(['ปรับปรุงปฏิทินการดำเนินงาน ณ วันที่ ๑๐ พ.ค. ๖๒', 'กำหนดการและระยะเวลาเปลี่ยนแปลงได้ตามความเหมาะสม']);
    expect(cal.steps[0].unit).toBe('สำนักงานพัฒนาชุมชนอำเภอ/อปท./อำเภอ');
    expect(cal.steps[9].unit).toBe('ก.บ.จ.');
    expect(cal.warnings).toEqual([]);
    // No Arabic digits leak into a Thai-digit calendar.
    expect(JSON.stringify(calendarJson(cal).steps)).not.toMatch(/"(title|unit|label)":"[^"]*[0-9]/);
  });

  test('FY 2571 and an edited offset', () => {
    const cal = buildCalendar(BUILTIN_TEMPLATES.rayong, 2571, { updatedOn: UPDATED });
    expect(cal.steps[0]).toMatchObject({ start: '2569-01', end: '2569-02', label: 'ม.ค. – ก.พ. 69' });
    expect(cal.titleLines[1]).toBe('การจัดทำแผนพัฒนาจังหวัดระยอง พ.ศ. 2571 – 2575 (ทบทวนปี 2571)');
    const later = buildCalendar(BUILTIN_TEMPLATES.dopa, 2571, { yearOffset: -1 });
    expect(later.calendarYear).toBe(2570);
    expect(later.steps[0].start).toBe('2570-01');
    // Arabic digits requested: Thai digits in the template text are converted too.
    expect(cal.steps[1].detail).toContain('กชช.2ค');
  });

  test('a step across the new year', () => {
    const t = CalendarTemplateSchema.parse({ id: 't', name: 't', steps: [{ id: 'a', title: 'x', startMonth: 11, endMonth: 1 }] });
    const cal = buildCalendar(t, 2571);
    expect(cal.steps[0]).toMatchObject({ start: '2569-11', end: '2570-01', label: 'พ.ย. 69 – ม.ค. 70' });
    expect(cal.months.map((m) => m.month)).toEqual([11, 12, 1]);
  });

  const deadlineTemplate = (month: number, day: number): CalendarTemplateInput => ({
    id: 'ss',
    name: 'สมุทรสงคราม',
    yearOffset: -2,
    steps: [
      { id: 'plan', title: 'กบอ. พิจารณาโครงการในแผนพัฒนาอำเภอ', startMonth: 4, endMonth: 5 },
      {
        id: 'send',
        title: 'อำเภอส่งโครงการให้จังหวัด',
        unit: 'อำเภอ',
        startMonth: 6,
        endMonth: 6,
        deadline: { month, day },
        dependsOn: ['plan'],
      },
    ],
  });

  test('deadline 15 June 2562 (Saturday) warns; 15 June 2569 (Monday) does not', () => {
    const t = CalendarTemplateSchema.parse(deadlineTemplate(6, 15));
    const sat = buildCalendar(t, 2564);
    expect(sat.steps[1].deadline).toMatchObject({ date: '2562-06-15', weekday: 6, text: 'วันเสาร์ที่ 15 มิถุนายน 2562' });
    expect(sat.warnings).toHaveLength(1);
    expect(sat.warnings[0]).toMatchObject({ code: 'deadline-weekend', step: 2 });
    expect(sat.warnings[0].message).toContain('เสาร์');
    expect(sat.warnings[0].messageEn).toContain('Saturday');

    const mon = buildCalendar(t, 2571, { thaiDigits: true });
    expect(mon.steps[1].deadline?.text).toBe('วันจันทร์ที่ ๑๕ มิถุนายน ๒๕๖๙');
    expect(mon.warnings).toEqual([]);
    expect(calendarJson(mon).steps[1]).toMatchObject({ deadline: '2569-06-15', deadlineText: 'วันจันทร์ที่ ๑๕ มิถุนายน ๒๕๖๙', dependsOn: [1] });
  });

  test('25 July 2565 is a Monday', () => {
    const t = CalendarTemplateSchema.parse({
      id: 'ns',
      name: 'นครศรีธรรมราช',
      yearOffset: 0,
      steps: [{ id: 'report', title: 'รายงานผลการดำเนินงาน', startMonth: 7, endMonth: 7, deadline: { month: 7, day: 25 } }],
    });
    const cal = buildCalendar(t, 2565);
    expect(cal.steps[0].deadline?.text).toBe('วันจันทร์ที่ 25 กรกฎาคม 2565');
    expect(cal.warnings).toEqual([]);
  });

  test('a deadline outside its step, an impossible date', () => {
    const t = CalendarTemplateSchema.parse(deadlineTemplate(8, 3));
    expect(buildCalendar(t, 2571).warnings.map((w) => w.code)).toEqual(['deadline-outside-step']);
    const bad = CalendarTemplateSchema.parse(deadlineTemplate(6, 31));
    expect(buildCalendar(bad, 2571).warnings.map((w) => w.code)).toEqual(['deadline-invalid']);
  });

  test('a step that starts before the step it depends on ends', () => {
    const t = builtinTemplate('rayong');
    // Step 5 (ประชุมทบทวน, July) uses step 3 (แผนพัฒนาอำเภอ): move step 3 to end in August.
    t.steps[2].endMonth = 8;
    const cal = buildCalendar(t, 2564);
    const w = cal.warnings.filter((x) => x.code === 'dependency-order');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ step: 5 });
    expect(w[0].message).toContain('ขั้นตอนที่ 3');
    expect(w[0].messageEn).toMatch(/Step 5 starts in Jul 2019, before step 3/);

    const u = builtinTemplate('dopa');
    u.steps[1].dependsOn = ['nope', 'agencies'];
    expect(
      buildCalendar(u, 2560)
        .warnings.map((x) => x.code)
        .sort(),
    ).toEqual(['dependency-later', 'dependency-order', 'dependency-unknown']);
  });

  test('the built-in templates are not mutated by editing a copy', () => {
    const t = builtinTemplate('dopa');
    t.steps[0].title = 'changed';
    expect(BUILTIN_TEMPLATES.dopa.steps[0].title).toBe('ทบทวนแผนชุมชน/หมู่บ้าน');
  });
});
