/**
 * Thai dates for the planning calendar: month labels as the Rayong calendar writes them
 * ("ม.ค. – ก.พ. ๖๒", "มิ.ย. ๖๒", "พ.ย. ๖๘ – ม.ค. ๖๙"), dates as letters write them
 * ("วันจันทร์ที่ 15 มิถุนายน 2569"), weekdays, the fiscal year (1 Oct – 30 Sep, named by the
 * B.E. year in which it ends). Digits and month names come from the shared ../thai.ts.
 * Pure: dates are computed in UTC from y/m/d, no locale dependence.
 */
import {
  BE_OFFSET,
  ENGLISH_MONTHS_ABBR,
  THAI_MONTHS,
  THAI_MONTHS_ABBR,
  THAI_WEEKDAYS,
  arabicToThai,
  beToCe,
  ceToBe,
  thaiToArabic,
  twoDigitYear,
} from '../thai';

export { BE_OFFSET, ENGLISH_MONTHS_ABBR, THAI_MONTHS, THAI_MONTHS_ABBR, THAI_WEEKDAYS, beToCe, ceToBe, twoDigitYear };

/** Digits as asked, both ways: Thai (๐–๙) when `thai`, Arabic otherwise. */
export function digits(s: string | number, thai: boolean | undefined): string {
  return thai ? arabicToThai(String(s)) : thaiToArabic(String(s));
}

export const ENGLISH_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A calendar date with a Buddhist Era year; month 1–12. */
export interface ThaiDate {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(beYear: number, month: number): number {
  return new Date(Date.UTC(beToCe(beYear), month, 0)).getUTCDate();
}

export function isValidThaiDate(d: ThaiDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: ThaiDate): number {
  return new Date(Date.UTC(beToCe(d.year), d.month - 1, d.day)).getUTCDay();
}

export function isWeekend(d: ThaiDate): boolean {
  const w = weekdayOf(d);
  return w === 0 || w === 6;
}

/** The local calendar date of a JS Date, with a B.E. year. */
export function thaiDateOf(date: Date): ThaiDate {
  return { year: ceToBe(date.getFullYear()), month: date.getMonth() + 1, day: date.getDate() };
}

/** Thai fiscal year (B.E.) a date falls in: October–December belong to the next year's FY. */
export function fiscalYearOf(d: ThaiDate | Date): number {
  const t = d instanceof Date ? thaiDateOf(d) : d;
  return t.month >= 10 ? t.year + 1 : t.year;
}

/** The fiscal year after the one `today` falls in (the year being planned). */
export function nextFiscalYear(today: Date = new Date()): number {
  return fiscalYearOf(today) + 1;
}

/** First and last day of a fiscal year: FY 2570 = 1 Oct 2569 – 30 Sep 2570. */
export function fiscalYearRange(fy: number): { start: ThaiDate; end: ThaiDate } {
  return { start: { year: fy - 1, month: 10, day: 1 }, end: { year: fy, month: 9, day: 30 } };
}

export interface ThaiFormatOptions {
  thaiDigits?: boolean;
}

/** "วันจันทร์ที่ 15 มิถุนายน 2569" (weekday included unless `weekday: false`). */
export function formatThaiDateLong(d: ThaiDate, opts: ThaiFormatOptions & { weekday?: boolean } = {}): string {
  const base = `${d.day} ${THAI_MONTHS[d.month - 1]} ${d.year}`;
  const s = opts.weekday === false ? base : `วัน${THAI_WEEKDAYS[weekdayOf(d)]}ที่ ${base}`;
  return digits(s, opts.thaiDigits);
}

/** "15 มิ.ย. 69" (two-digit B.E. year), or with `fullYear` "15 มิ.ย. 2569". */
export function formatThaiDateShort(d: ThaiDate, opts: ThaiFormatOptions & { fullYear?: boolean } = {}): string {
  const y = opts.fullYear ? String(d.year) : twoDigitYear(d.year);
  return digits(`${d.day} ${THAI_MONTHS_ABBR[d.month - 1]} ${y}`, opts.thaiDigits);
}

/** "Monday 15 June 2026" (C.E.). */
export function formatEnglishDateLong(d: ThaiDate): string {
  return `${ENGLISH_WEEKDAYS[weekdayOf(d)]} ${d.day} ${ENGLISH_MONTHS[d.month - 1]} ${beToCe(d.year)}`;
}

/** Adds days to a date (may cross months and years). */
export function addDays(d: ThaiDate, n: number): ThaiDate {
  const t = new Date(Date.UTC(beToCe(d.year), d.month - 1, d.day + n));
  return { year: ceToBe(t.getUTCFullYear()), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: ThaiDate, to: ThaiDate): number {
  const utc = (d: ThaiDate) => Date.UTC(beToCe(d.year), d.month - 1, d.day);
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

function monthFromName(s: string): number | undefined {
  const t = s.replace(/\s+/g, '');
  const full = THAI_MONTHS.findIndex((m) => m === t);
  if (full >= 0) return full + 1;
  const abbr = THAI_MONTHS_ABBR.findIndex((m) => m.replace(/\./g, '') === t.replace(/\./g, ''));
  return abbr >= 0 ? abbr + 1 : undefined;
}

/**
 * Parses a date as officers type it: "15 มิ.ย. 2569", "15 มิถุนายน พ.ศ. 2569", "วันจันทร์ที่ ๑๕
 * มิถุนายน ๒๕๖๙", "15/6/2569", "2569-06-15" (a year below 2400 is C.E.; two digits are 25xx).
 */
export function parseThaiDate(input: string): ThaiDate | undefined {
  const s = thaiToArabic(input)
    .trim()
    .replace(/^วัน\S*?ที่\s*/, '')
    .replace(/^ที่\s*/, '');
  const yearOf = (y: string): number => {
    const n = Number(y);
    if (y.length <= 2) return 2500 + n;
    return n < 2400 ? ceToBe(n) : n;
  };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let d: ThaiDate | undefined;
  if (m) d = { year: yearOf(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!d && (m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(s))) d = { year: yearOf(m[3]), month: Number(m[2]), day: Number(m[1]) };
  if (!d && (m = /^(\d{1,2})\s*([^\d\s][^\d]*?)\s*(\d{2}|\d{4})$/.exec(s))) {
    const month = monthFromName(m[2].replace(/\s*พ\.ศ\.\s*$/, ''));
    if (month) d = { year: yearOf(m[3]), month, day: Number(m[1]) };
  }
  return d && isValidThaiDate(d) ? d : undefined;
}

/** A month with a B.E. year; month 1–12. */
export interface YearMonth {
  year: number;
  month: number;
}

export const RANGE_DASH = ' – ';

/** 'YYYY-MM-DD' (B.E.), as dates go into --json. */
export function isoDateBE(d: ThaiDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** 'YYYY-MM' (B.E.). */
export function ymKey(ym: YearMonth): string {
  return `${ym.year}-${String(ym.month).padStart(2, '0')}`;
}

export function parseYm(s: string): YearMonth | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : undefined;
}

/** Months since year 0: compares and subtracts year-months. */
export function ymIndex(ym: YearMonth): number {
  return ym.year * 12 + (ym.month - 1);
}

export function ymFromIndex(i: number): YearMonth {
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

export function addMonths(ym: YearMonth, n: number): YearMonth {
  return ymFromIndex(ymIndex(ym) + n);
}

/** Inclusive list of months from `start` to `end`. */
export function monthsBetween(start: YearMonth, end: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  for (let i = ymIndex(start); i <= ymIndex(end); i++) out.push(ymFromIndex(i));
  return out;
}

export interface LabelOptions {
  thaiDigits?: boolean;
  lang?: 'th' | 'en';
}

/** "มิ.ย. ๖๒" / "มิ.ย. 62"; English: "Jun 2019". */
export function monthLabel(ym: YearMonth, opts: LabelOptions = {}): string {
  if (opts.lang === 'en') return `${ENGLISH_MONTHS_ABBR[ym.month - 1]} ${beToCe(ym.year)}`;
  return `${THAI_MONTHS_ABBR[ym.month - 1]} ${digits(twoDigitYear(ym.year), opts.thaiDigits)}`;
}

/** "ม.ค. – ก.พ. ๖๒" (one year), "พ.ย. ๖๘ – ม.ค. ๖๙" (across years), "มิ.ย. ๖๒" (one month). */
export function rangeLabel(start: YearMonth, end: YearMonth, opts: LabelOptions = {}): string {
  if (ymIndex(start) === ymIndex(end)) return monthLabel(start, opts);
  if (opts.lang === 'en') {
    return start.year === end.year
      ? `${ENGLISH_MONTHS_ABBR[start.month - 1]}${RANGE_DASH}${ENGLISH_MONTHS_ABBR[end.month - 1]} ${beToCe(end.year)}`
      : `${monthLabel(start, opts)}${RANGE_DASH}${monthLabel(end, opts)}`;
  }
  if (start.year === end.year) return `${THAI_MONTHS_ABBR[start.month - 1]}${RANGE_DASH}${monthLabel(end, opts)}`;
  return `${monthLabel(start, opts)}${RANGE_DASH}${monthLabel(end, opts)}`;
}
