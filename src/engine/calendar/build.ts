/**
 * buildCalendar: a template + a fiscal year → dated steps ('YYYY-MM' B.E.), month labels
 * ("ม.ค. – ก.พ. ๖๙"), deadlines with their weekday, and warnings (a deadline on a weekend, a step
 * that starts before a step it depends on ends, …). Pure.
 */
import type { CalendarTemplate } from './templates';
import {
  type ThaiDate,
  type YearMonth,
  digits,
  formatEnglishDateLong,
  formatThaiDateLong,
  formatThaiDateShort,
  isValidThaiDate,
  monthLabel,
  monthsBetween,
  rangeLabel,
  thaiDateOf,
  weekdayOf,
  ymIndex,
  ymKey,
  THAI_WEEKDAYS,
  ENGLISH_WEEKDAYS,
} from './thai';

export interface BuildOptions {
  /** Calendar year = fiscal year + yearOffset; default the template's (−2). */
  yearOffset?: number;
  /** Thai digits (๐–๙) in labels and texts; Arabic otherwise (default). */
  thaiDigits?: boolean;
  /** Date for the {updated} placeholder ("ปรับปรุง … ณ วันที่ …"); default today. */
  updatedOn?: ThaiDate | Date;
}

export const WARNING_CODES = [
  'deadline-weekend',
  'deadline-invalid',
  'deadline-outside-step',
  'dependency-order',
  'dependency-unknown',
  'dependency-later',
  'range-invalid',
] as const;
export type CalendarWarningCode = (typeof WARNING_CODES)[number];

export interface CalendarWarning {
  code: CalendarWarningCode;
  /** 1-based step number (ที่). */
  step: number;
  message: string;
  messageEn: string;
}

export interface BuiltDeadline {
  /** B.E. 'YYYY-MM-DD'. */
  date: string;
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** "วันจันทร์ที่ 15 มิถุนายน 2569". */
  text: string;
  /** "15 มิ.ย. 69". */
  short: string;
  textEn: string;
}

export interface BuiltStep {
  no: number;
  id: string;
  title: string;
  detail?: string;
  unit: string;
  /** 'YYYY-MM' (B.E.). */
  start: string;
  end: string;
  startYm: YearMonth;
  endYm: YearMonth;
  /** "ม.ค. – ก.พ. ๖๙". */
  label: string;
  labelEn: string;
  deadline?: BuiltDeadline;
  note: string;
  /** Step numbers this step depends on. */
  dependsOn: number[];
}

export interface BuiltCalendar {
  templateId: string;
  templateName: string;
  fiscalYear: number;
  yearOffset: number;
  /** B.E. year the steps fall in (fiscal year + offset). */
  calendarYear: number;
  thaiDigits: boolean;
  titleLines: string[];
  steps: BuiltStep[];
  notes: string[];
  /** Months of the Gantt grid: first step start to last step end, inclusive. */
  months: YearMonth[];
  warnings: CalendarWarning[];
}

/** The 5-year plan (start, end) that contains `fy`. */
export function planCycle(fy: number, cycleStart = 2561, years = 5): { start: number; end: number } {
  const start = cycleStart + years * Math.floor((fy - cycleStart) / years);
  return { start, end: start + years - 1 };
}

export interface PlaceholderContext {
  fy: number;
  year: number;
  planStart: number;
  planEnd: number;
  updated: string;
}

/** Replaces {fy}, {fy-1}, {year+1}, {planStart}, {planEnd}, {updated}; unknown placeholders stay. */
export function fillPlaceholders(text: string, ctx: PlaceholderContext): string {
  return text.replace(/\{(fy|year|planStart|planEnd|updated)([+-]\d+)?\}/g, (m, key: string, delta?: string) => {
    if (key === 'updated') return delta ? m : ctx.updated;
    const base = ctx[key as 'fy' | 'year' | 'planStart' | 'planEnd'];
    return String(base + (delta ? Number(delta) : 0));
  });
}

export function buildCalendar(template: CalendarTemplate, fiscalYear: number, opts: BuildOptions = {}): BuiltCalendar {
  const thai = opts.thaiDigits ?? false;
  const yearOffset = opts.yearOffset ?? template.yearOffset;
  const calendarYear = fiscalYear + yearOffset;
  const updatedOn =
    opts.updatedOn instanceof Date || opts.updatedOn === undefined ? thaiDateOf(opts.updatedOn ?? new Date()) : opts.updatedOn;
  const cycle = planCycle(fiscalYear, template.planCycleStart, template.planCycleYears);
  const ctx: PlaceholderContext = {
    fy: fiscalYear,
    year: calendarYear,
    planStart: cycle.start,
    planEnd: cycle.end,
    updated: formatThaiDateShort(updatedOn, { thaiDigits: thai }),
  };
  const text = (s: string): string => digits(fillPlaceholders(s, ctx), thai);
  const warnings: CalendarWarning[] = [];
  const warn = (code: CalendarWarningCode, step: number, message: string, messageEn: string): void => {
    warnings.push({ code, step, message: digits(message, thai), messageEn });
  };

  const numberOf = new Map(template.steps.map((s, i) => [s.id, i + 1]));
  const steps: BuiltStep[] = template.steps.map((s, i) => {
    const no = i + 1;
    const startYm: YearMonth = { year: calendarYear + s.yearShift, month: s.startMonth };
    const endShift = s.endYearShift ?? (s.endMonth < s.startMonth ? s.yearShift + 1 : s.yearShift);
    let endYm: YearMonth = { year: calendarYear + endShift, month: s.endMonth };
    if (ymIndex(endYm) < ymIndex(startYm)) {
      warn(
        'range-invalid',
        no,
        `ขั้นตอนที่ ${no}: เดือนสิ้นสุด (${monthLabel(endYm)}) อยู่ก่อนเดือนเริ่มต้น (${monthLabel(startYm)}) จึงใช้เดือนเริ่มต้นแทน`,
        `Step ${no}: the end month (${monthLabel(endYm, { lang: 'en' })}) is before the start month (${monthLabel(startYm, { lang: 'en' })}); using the start month`,
      );
      endYm = startYm;
    }
    const step: BuiltStep = {
      no,
      id: s.id,
      title: text(s.title),
      ...(s.detail ? { detail: text(s.detail) } : {}),
      unit: text(s.unit),
      start: ymKey(startYm),
      end: ymKey(endYm),
      startYm,
      endYm,
      label: rangeLabel(startYm, endYm, { thaiDigits: thai }),
      labelEn: rangeLabel(startYm, endYm, { lang: 'en' }),
      note: text(s.note),
      dependsOn: [],
    };
    if (s.deadline) {
      const d: ThaiDate = { year: calendarYear + s.deadline.yearShift, month: s.deadline.month, day: s.deadline.day };
      if (!isValidThaiDate(d)) {
        warn(
          'deadline-invalid',
          no,
          `ขั้นตอนที่ ${no}: วันที่กำหนด ${d.day}/${d.month}/${d.year} ไม่มีอยู่จริง`,
          `Step ${no}: the deadline ${d.day}/${d.month}/${d.year} (B.E.) is not a real date`,
        );
      } else {
        const wd = weekdayOf(d);
        step.deadline = {
          date: `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
          ...d,
          weekday: wd,
          text: formatThaiDateLong(d, { thaiDigits: thai }),
          short: formatThaiDateShort(d, { thaiDigits: thai }),
          textEn: formatEnglishDateLong(d),
        };
        if (wd === 0 || wd === 6) {
          warn(
            'deadline-weekend',
            no,
            `ขั้นตอนที่ ${no}: วันที่กำหนด ${formatThaiDateLong(d)} ตรงกับวัน${THAI_WEEKDAYS[wd]} (วันหยุดราชการ)`,
            `Step ${no}: the deadline ${formatEnglishDateLong(d)} falls on a ${ENGLISH_WEEKDAYS[wd]}`,
          );
        }
        const dm = ymIndex(d);
        if (dm < ymIndex(startYm) || dm > ymIndex(endYm)) {
          warn(
            'deadline-outside-step',
            no,
            `ขั้นตอนที่ ${no}: วันที่กำหนด ${formatThaiDateShort(d)} อยู่นอกช่วง ${step.label}`,
            `Step ${no}: the deadline ${formatEnglishDateLong(d)} is outside the step's months (${step.labelEn})`,
          );
        }
      }
    }
    return step;
  });

  template.steps.forEach((s, i) => {
    const step = steps[i];
    for (const dep of s.dependsOn) {
      const n = numberOf.get(dep);
      if (n === undefined) {
        warn(
          'dependency-unknown',
          step.no,
          `ขั้นตอนที่ ${step.no}: ไม่พบขั้นตอน "${dep}" ที่อ้างถึง`,
          `Step ${step.no}: depends on an unknown step "${dep}"`,
        );
        continue;
      }
      step.dependsOn.push(n);
      const other = steps[n - 1];
      if (n >= step.no) {
        warn(
          'dependency-later',
          step.no,
          `ขั้นตอนที่ ${step.no} ใช้ผลของขั้นตอนที่ ${n} ซึ่งอยู่ลำดับหลังกว่า`,
          `Step ${step.no} uses the output of step ${n}, which comes later in the list`,
        );
      }
      if (ymIndex(step.startYm) < ymIndex(other.endYm)) {
        warn(
          'dependency-order',
          step.no,
          `ขั้นตอนที่ ${step.no} เริ่ม ${monthLabel(step.startYm)} ก่อนขั้นตอนที่ ${n} ซึ่งใช้ผลอยู่จะเสร็จ (${monthLabel(other.endYm)})`,
          `Step ${step.no} starts in ${monthLabel(step.startYm, { lang: 'en' })}, before step ${n} whose output it uses ends (${monthLabel(other.endYm, { lang: 'en' })})`,
        );
      }
    }
  });

  const first = Math.min(...steps.map((s) => ymIndex(s.startYm)));
  const last = Math.max(...steps.map((s) => ymIndex(s.endYm)));
  const months = monthsBetween(
    { year: Math.floor(first / 12), month: (first % 12) + 1 },
    { year: Math.floor(last / 12), month: (last % 12) + 1 },
  );

  return {
    templateId: template.id,
    templateName: template.name,
    fiscalYear,
    yearOffset,
    calendarYear,
    thaiDigits: thai,
    titleLines: template.titleLines.map(text),
    steps,
    notes: template.notes.map(text),
    months,
    warnings,
  };
}
