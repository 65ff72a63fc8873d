/**
 * The calendar as a worksheet (OutSheet): title lines, the Rayong table
 * ที่ | การดำเนินงาน | หน่วยดำเนินการ | วัน/เดือน/ปี | หมายเหตุ, then a Gantt grid of months
 * (filled cells on active months), the notes lines; TH Sarabun New 16, A4 landscape, one page wide.
 */
import { DEFAULT_FONT, type CellStyle, type OutCell, type OutSheet } from '../output';
import { pageFooter, PRINT_WIDTH_MAX, wrappedLines } from '../print';
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

/** Layout facts the sheet, the preview and the tests share. */
export interface CalendarSheetLayout {
  headerRow: number;
  firstStepRow: number;
  firstMonthCol: number;
  /** Sheet row of each step and the lines its longest text wraps to (the writer makes the row that tall). */
  stepRows: Array<{ row: number; lines: number }>;
  colWidths: number[];
}

/** ที่, การดำเนินงาน, หน่วยดำเนินการ, วัน/เดือน/ปี, หมายเหตุ; the months share the rest of the printed width. */
const TABLE_WIDTHS = [5, 50, 18, 14, 20];
const MONTH_WIDTH = { max: 5.5, min: 4 };

function stepTexts(s: BuiltCalendar['steps'][number], details: boolean): string[] {
  const title = details && s.detail ? `${s.title}\n${s.detail}` : s.title;
  const note = [s.deadline ? `ภายใน${s.deadline.text}` : '', s.note].filter(Boolean).join('\n');
  return [String(s.no), title, s.unit, s.label, note];
}

export function calendarSheetLayout(cal: BuiltCalendar, opts: Pick<SheetOptions, 'details'> = {}): CalendarSheetLayout {
  const details = opts.details ?? false;
  const titles = titleLinesOf(cal).length;
  const headerRow = titles + (titles ? 1 : 0);
  const firstStepRow = headerRow + 2;
  const stepRows: CalendarSheetLayout['stepRows'] = cal.steps.map((s, i) => ({
    row: firstStepRow + i,
    lines: Math.max(...stepTexts(s, details).map((t, c) => (t ? wrappedLines(t, TABLE_WIDTHS[c]) : 1))),
  }));
  const tableWidth = TABLE_WIDTHS.reduce((a, b) => a + b, 0);
  const month = Math.max(MONTH_WIDTH.min, Math.min(MONTH_WIDTH.max, (PRINT_WIDTH_MAX - tableWidth) / Math.max(1, cal.months.length)));
  return {
    headerRow,
    firstStepRow,
    firstMonthCol: TABLE_COLUMNS,
    stepRows,
    colWidths: [...TABLE_WIDTHS, ...cal.months.map(() => Math.floor(month * 4) / 4)],
  };
}

/**
 * The template's title lines, then one line that says plainly which fiscal year the plan is for and
 * in which months the steps run (a DOPA title names three different years without saying why).
 */
export function titleLinesOf(cal: BuiltCalendar, lang: 'th' | 'en' = 'th'): string[] {
  if (!cal.titleLines.length || !cal.months.length) return cal.titleLines;
  const first = cal.months[0];
  const last = cal.months[cal.months.length - 1];
  const thai = cal.thaiDigits;
  const line =
    lang === 'en'
      ? `Plan for fiscal year ${cal.fiscalYear} (B.E.): the steps run ${ENGLISH_MONTHS_ABBR[first.month - 1]} ${beToCe(first.year)} – ${ENGLISH_MONTHS_ABBR[last.month - 1]} ${beToCe(last.year)}`
      : digits(
          `(แผนสำหรับปีงบประมาณ พ.ศ. ${cal.fiscalYear} · ดำเนินการระหว่าง ${THAI_MONTHS_ABBR[first.month - 1]} ${first.year} – ${THAI_MONTHS_ABBR[last.month - 1]} ${last.year})`,
          thai,
        );
  return [...cal.titleLines, line];
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
  const titles = titleLinesOf(cal, en ? 'en' : 'th');
  titles.forEach((line, i) => {
    const last = i === titles.length - 1 && titles.length > cal.titleLines.length;
    rows.push([cell(line, { bold: !last, align: 'center', wrap: true, size: i === 0 ? 18 : 16 })]);
    merges.push({ r1: i, c1: 0, r2: i, c2: lastCol });
  });
  if (titles.length) rows.push([]);

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

  // One row per step, as tall as its longest text needs (the writers set the height: fitRows).
  const body: CellStyle = { border: true, valign: 'top', wrap: true };
  cal.steps.forEach((s, i) => {
    const { row: r0 } = layout.stepRows[i];
    const [, title, unit, label, note] = stepTexts(s, details);
    const styles: CellStyle[] = [{ ...body, align: 'center' }, body, { ...body, align: 'center' }, { ...body, align: 'center' }, body];
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
      if (k === dl)
        first.push(cell(digits(s.deadline!.day, thai), { ...style, bold: true, color: active ? 'FFFFFF' : 'C00000', size: 14 }));
      else first.push(cell(null, style));
    }
    rows[r0] = first;
  });

  // Notes: "หมายเหตุ : ๑. …" / "๒. …".
  if (cal.notes.length) {
    rows.push([]);
    cal.notes.forEach((n, i) => {
      const r = rows.length;
      const prefix = i === 0 ? (en ? 'Note: ' : 'หมายเหตุ : ') : '';
      rows.push([cell(digits(`${prefix}${i + 1}. ${n}`, thai), { align: 'left', wrap: true })]);
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
    page: { orientation: 'landscape', fitWidth: true, footer: pageFooter(en ? 'en' : 'th') },
    fitRows: true,
    printTitleRows: [headerRow, headerRow + 1],
    font: { ...DEFAULT_FONT },
  };
}
