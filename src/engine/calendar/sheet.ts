/**
 * The calendar as a worksheet (OutSheet): title lines, the Rayong table
 * ที่ | การดำเนินงาน | หน่วยดำเนินการ | วัน/เดือน/ปี | หมายเหตุ, then a Gantt grid of months
 * (filled cells on active months), the notes lines; TH Sarabun New 16, A4 landscape, one page wide.
 */
import { DEFAULT_FONT, type CellStyle, type OutCell, type OutSheet } from '../output';
import type { BuiltCalendar } from './build';
import { THAI_MONTHS_ABBR, ENGLISH_MONTHS_ABBR, beToCe, digits, ymIndex } from './thai';

export interface SheetOptions {
  /** Sheet name (≤ 31 characters); default "ปฏิทิน <fiscal year>". */
  sheetName?: string;
  /** Fill colour of the Gantt bars, "RRGGBB". */
  barColor?: string;
  /** Write each step's detail lines under its title (default true). */
  details?: boolean;
  /** Header language; the calendar text itself is Thai. */
  lang?: 'th' | 'en';
}

export const BAR_COLOR = '2F75B5';
const HEADER_FILL = 'D9E2F3';
/** Columns before the Gantt grid. */
export const TABLE_COLUMNS = 5;

export const HEADERS_TH = ['ที่', 'การดำเนินงาน', 'หน่วยดำเนินการ', 'วัน/เดือน/ปี', 'หมายเหตุ'] as const;
export const HEADERS_EN = ['No.', 'Activity', 'Responsible unit', 'Date', 'Note'] as const;

function cell(value: string | number | null, style: CellStyle): OutCell {
  return { value, style };
}

/** Layout facts the preview and tests use. */
export interface CalendarSheetLayout {
  headerRow: number;
  firstStepRow: number;
  firstMonthCol: number;
}

export function calendarSheetLayout(cal: BuiltCalendar): CalendarSheetLayout {
  const headerRow = cal.titleLines.length + (cal.titleLines.length ? 1 : 0);
  return { headerRow, firstStepRow: headerRow + 2, firstMonthCol: TABLE_COLUMNS };
}

export function calendarSheet(cal: BuiltCalendar, opts: SheetOptions = {}): OutSheet {
  const thai = cal.thaiDigits;
  const en = opts.lang === 'en';
  const bar = opts.barColor ?? BAR_COLOR;
  const details = opts.details ?? true;
  const nMonths = cal.months.length;
  const lastCol = TABLE_COLUMNS + nMonths - 1;
  const rows: OutCell[][] = [];
  const merges: NonNullable<OutSheet['merges']> = [];
  const { headerRow, firstStepRow, firstMonthCol } = calendarSheetLayout(cal);

  // Title lines, centred across the whole table.
  cal.titleLines.forEach((line, i) => {
    rows.push([cell(line, { bold: true, align: 'center', size: i === 0 ? 18 : 16 })]);
    merges.push({ r1: i, c1: 0, r2: i, c2: lastCol });
  });
  if (cal.titleLines.length) rows.push([]);

  // Two header rows: the five table headers span both; the Gantt has years over months.
  const head: CellStyle = { bold: true, align: 'center', valign: 'center', border: true, fill: HEADER_FILL, wrap: true };
  const headers = en ? HEADERS_EN : HEADERS_TH;
  const top: OutCell[] = headers.map((h) => cell(h, head));
  const bottom: OutCell[] = headers.map(() => cell(null, head));
  headers.forEach((_, c) => merges.push({ r1: headerRow, c1: c, r2: headerRow + 1, c2: c }));
  let c = firstMonthCol;
  while (c <= lastCol) {
    const year = cal.months[c - firstMonthCol].year;
    let c2 = c;
    while (c2 + 1 <= lastCol && cal.months[c2 + 1 - firstMonthCol].year === year) c2++;
    top.push(cell(en ? String(beToCe(year)) : digits(`พ.ศ. ${year}`, thai), head));
    for (let k = c + 1; k <= c2; k++) top.push(cell(null, head));
    if (c2 > c) merges.push({ r1: headerRow, c1: c, r2: headerRow, c2 });
    c = c2 + 1;
  }
  for (const m of cal.months) bottom.push(cell((en ? ENGLISH_MONTHS_ABBR : THAI_MONTHS_ABBR)[m.month - 1], { ...head, size: 14 }));
  rows.push(top, bottom);

  // One row per step.
  const body: CellStyle = { border: true, valign: 'top', wrap: true };
  for (const s of cal.steps) {
    const title = details && s.detail ? `${s.title}\n${s.detail}` : s.title;
    const note = [s.deadline ? `ภายใน${s.deadline.text}` : '', s.note].filter(Boolean).join('\n');
    const row: OutCell[] = [
      cell(digits(s.no, thai), { ...body, align: 'center' }),
      cell(title, body),
      cell(s.unit, { ...body, align: 'center' }),
      cell(s.label, { ...body, align: 'center' }),
      cell(note || null, body),
    ];
    const a = ymIndex(s.startYm);
    const b = ymIndex(s.endYm);
    const dl = s.deadline ? ymIndex(s.deadline) : undefined;
    for (const m of cal.months) {
      const i = ymIndex(m);
      const active = i >= a && i <= b;
      const style: CellStyle = { border: true, align: 'center', valign: 'center', ...(active ? { fill: bar } : {}) };
      if (i === dl) row.push(cell(digits(s.deadline!.day, thai), { ...style, bold: true, color: active ? 'FFFFFF' : 'C00000', size: 14 }));
      else row.push(cell(null, style));
    }
    rows.push(row);
  }

  // Notes: "หมายเหตุ : ๑. …" / "๒. …".
  if (cal.notes.length) {
    rows.push([]);
    cal.notes.forEach((n, i) => {
      const r = rows.length;
      const prefix = i === 0 ? (en ? 'Note: ' : 'หมายเหตุ : ') : '';
      rows.push([cell(digits(`${prefix}${i + 1}. ${n}`, thai), { align: 'left' })]);
      merges.push({ r1: r, c1: 0, r2: r, c2: lastCol });
    });
  }

  const name = (opts.sheetName ?? digits(`ปฏิทิน ${cal.fiscalYear}`, thai)).slice(0, 31);
  return {
    name,
    rows,
    merges,
    colWidths: [6, 58, 22, 16, 24, ...cal.months.map(() => 6)],
    freezeRows: firstStepRow,
    page: { orientation: 'landscape', fitWidth: true },
    printTitleRows: [headerRow, headerRow + 1],
    font: { ...DEFAULT_FONT },
  };
}
