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
  /** Write each step's detail lines under its title (default false: the sheet then fits one page). */
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

/** Thai marks that take no width of their own (above/below vowels, tone marks). */
const COMBINING = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g;

/**
 * Lines a wrapped text needs in a column `width` characters wide. Conservative (measured with
 * LibreOffice's fallback Thai font, wider than TH Sarabun New): a row may be a little tall in
 * Excel, never cut off.
 */
export function estimateLines(text: string, width: number): number {
  // Thai wraps at word boundaries, so lines end short of the column: count 0.8 of the width.
  const perLine = Math.max(1, Math.floor(width * 0.8));
  return text.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(para.replace(COMBINING, '').length / perLine)), 0);
}

/** Sheet rows (default height: 1.5 × the font size) that `lines` wrapped lines need: one each. */
export function rowsForLines(lines: number): number {
  return Math.max(1, lines);
}

/** Layout facts the sheet, the preview and the tests share. */
export interface CalendarSheetLayout {
  headerRow: number;
  firstStepRow: number;
  firstMonthCol: number;
  /** First sheet row of each step and how many rows it spans (rows stand in for row heights). */
  stepRows: Array<{ row: number; span: number }>;
  colWidths: number[];
}

const TABLE_WIDTHS = [6, 70, 22, 15, 22];
const MONTH_WIDTH = 5.5;

function stepTexts(s: BuiltCalendar['steps'][number], details: boolean): string[] {
  const title = details && s.detail ? `${s.title}\n${s.detail}` : s.title;
  const note = [s.deadline ? `ภายใน${s.deadline.text}` : '', s.note].filter(Boolean).join('\n');
  return [String(s.no), title, s.unit, s.label, note];
}

export function calendarSheetLayout(cal: BuiltCalendar, opts: Pick<SheetOptions, 'details'> = {}): CalendarSheetLayout {
  const details = opts.details ?? false;
  const headerRow = cal.titleLines.length + (cal.titleLines.length ? 1 : 0);
  const firstStepRow = headerRow + 2;
  const stepRows: CalendarSheetLayout['stepRows'] = [];
  let row = firstStepRow;
  for (const s of cal.steps) {
    const span = rowsForLines(Math.max(...stepTexts(s, details).map((t, c) => (t ? estimateLines(t, TABLE_WIDTHS[c]) : 1))));
    stepRows.push({ row, span });
    row += span;
  }
  return {
    headerRow,
    firstStepRow,
    firstMonthCol: TABLE_COLUMNS,
    stepRows,
    colWidths: [...TABLE_WIDTHS, ...cal.months.map(() => MONTH_WIDTH)],
  };
}

export function calendarSheet(cal: BuiltCalendar, opts: SheetOptions = {}): OutSheet {
  const thai = cal.thaiDigits;
  const en = opts.lang === 'en';
  const bar = opts.barColor ?? BAR_COLOR;
  const details = opts.details ?? false;
  const nMonths = cal.months.length;
  const lastCol = TABLE_COLUMNS + nMonths - 1;
  const rows: OutCell[][] = [];
  const merges: NonNullable<OutSheet['merges']> = [];
  const layout = calendarSheetLayout(cal, { details });
  const { headerRow, firstMonthCol } = layout;

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

  // Each step spans as many rows as its longest text needs (OutSheet has no row heights): every
  // column is merged down the step's rows, so wrapped text and the Gantt bar fill the whole block.
  const body: CellStyle = { border: true, valign: 'top', wrap: true };
  cal.steps.forEach((s, i) => {
    const { row: r0, span } = layout.stepRows[i];
    const [, title, unit, label, note] = stepTexts(s, details);
    const styles: CellStyle[] = [
      { ...body, align: 'center' },
      body,
      { ...body, align: 'center' },
      { ...body, align: 'center' },
      body,
    ];
    const first: OutCell[] = [
      cell(digits(s.no, thai), styles[0]),
      cell(title, styles[1]),
      cell(unit, styles[2]),
      cell(label, styles[3]),
      cell(note || null, styles[4]),
    ];
    const a = ymIndex(s.startYm);
    const b = ymIndex(s.endYm);
    const dl = s.deadline ? ymIndex(s.deadline) : undefined;
    for (const m of cal.months) {
      const k = ymIndex(m);
      const active = k >= a && k <= b;
      const style: CellStyle = { border: true, align: 'center', valign: 'center', ...(active ? { fill: bar } : {}) };
      styles.push(style);
      if (k === dl) first.push(cell(digits(s.deadline!.day, thai), { ...style, bold: true, color: active ? 'FFFFFF' : 'C00000', size: 14 }));
      else first.push(cell(null, style));
    }
    rows[r0] = first;
    for (let r = r0 + 1; r < r0 + span; r++) rows[r] = styles.map((st) => cell(null, st));
    if (span > 1) for (let c = 0; c <= lastCol; c++) merges.push({ r1: r0, c1: c, r2: r0 + span - 1, c2: c });
  });

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
    colWidths: layout.colWidths,
    freezeRows: layout.firstStepRow,
    page: { orientation: 'landscape', fitWidth: true },
    printTitleRows: [headerRow, headerRow + 1],
    font: { ...DEFAULT_FONT },
  };
}
