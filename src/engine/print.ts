/**
 * How OnePlan's sheets print: the officials' title block and signature block, the zero-as-dash amount
 * format, the page footer, and the row heights wrapped texts need. Neither Excel nor LibreOffice fits
 * row heights when it opens a written file, so both writers (the .xlsx writer and the Office.js layer)
 * set the heights computed here. Widths are in column units: one unit is the width of a digit of the
 * sheet's font (TH Sarabun New 16; LibreOffice here prints it with Laksaman, the same metrics).
 */
import type { CellStyle, OutCell, OutSheet } from './output';
import { ColumnLines, linesIn, wrappedLines } from './wrap';

/** Amounts: thousands separators, zero shows "-" (the cell stays the number 0). */
export const AMOUNT_FORMAT = '#,##0;-#,##0;"-"';

/**
 * Printed columns may add up to this many units: one A4 landscape page wide at a legible scale.
 * Measured in LibreOffice: a unit of TH Sarabun New 16 prints 8.8 pt wide with the cell padding, and
 * the page is 799 pt wide inside 0.3" margins: 155 units print at 58 %, 165 at 55 %, 180 at 50 %.
 * Wider sheets keep their extra columns outside the print area (the needs table prints 118 units at
 * 77 %, its long free texts after the print area).
 */
export const PRINT_WIDTH_MAX = 155;

/** A4 portrait is 0.7 of the landscape width: content this narrow prints portrait at the same scale. */
export const PORTRAIT_WIDTH_MAX = 112;

/** Page margins (inches) of every sheet OnePlan prints: narrow sides leave the width to the text. */
export const PAGE_MARGINS = { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 } as const;

/** Landscape for a wide table, portrait for a narrow one (both one page wide at the same scale). */
export function orientationFor(printedUnits: number): 'landscape' | 'portrait' {
  return printedUnits > PORTRAIT_WIDTH_MAX ? 'landscape' : 'portrait';
}

export { textUnits, wrappedLines } from './wrap';

/** Height in points of `lines` lines of `size`-point TH Sarabun New, with the cell's padding. */
export function linesHeight(lines: number, size: number): number {
  // TH Sarabun New's line spacing is 1.66 em (its ascent and descent; measured in LibreOffice with
  // Laksaman, the same metrics: 26.5 pt between the lines of 16 pt text), plus the cell's padding.
  return Math.ceil((lines * 1.66 + 0.15) * size * 4) / 4;
}

/** Excel's tallest row (points); a taller text is cut on screen and on paper alike. */
export const MAX_ROW_HEIGHT = 409;

/** The default row height the writers use for a sheet font of `size` points. */
export function defaultRowHeight(size: number): number {
  return Math.round(size * 1.5 * 4) / 4;
}

/**
 * The height a row needs for its wrapped texts (points), or undefined when one line does. `spans`
 * gives the width of cells merged across columns (by column); cells merged down several rows are
 * left out (`skip`), and so are the columns after the printed ones (`columns`): provenance texts
 * would make every printed row tall.
 */
export function rowHeightFor(
  cells: readonly OutCell[] | undefined,
  colWidths: readonly number[],
  fontSize: number,
  rowStyle?: CellStyle,
  spans?: ReadonlyMap<number, number>,
  skip?: ReadonlySet<number>,
  columns = Infinity,
  hidden?: ReadonlySet<number>,
): number | undefined {
  if (!cells) return undefined;
  let need = 0;
  const n = Math.min(cells.length, columns);
  for (let c = 0; c < n; c++) {
    // (No [value, style] pair per cell: a row's cells are read here for every row written.)
    const cell = cells[c];
    const boxed = cell !== null && cell !== undefined && typeof cell === 'object';
    const value = boxed ? cell.value : cell;
    if (typeof value !== 'string' || value === '') continue;
    const style = boxed ? cell.style : undefined;
    const wrap = style?.wrap ?? rowStyle?.wrap;
    if (!wrap && value.indexOf('\n') < 0) continue;
    if (skip?.has(c) || hidden?.has(c)) continue;
    const width = spans?.get(c) ?? colWidths[c] ?? 8.43;
    const size = style?.size ?? rowStyle?.size ?? fontSize;
    const lines = wrap ? wrappedLines(value, width, size / fontSize, !!(style?.bold ?? rowStyle?.bold)) : value.split('\n').length;
    if (lines <= 1 && size <= fontSize) continue;
    const h = linesHeight(lines, size);
    if (h > need) need = h;
  }
  return need > defaultRowHeight(fontSize) ? Math.min(need, MAX_ROW_HEIGHT) : undefined;
}

/**
 * rowHeightFor over every row of one sheet, what depends only on the sheet worked out once: each
 * column's width and whether it is laid out (printed, shown), the merges by row, and each column's
 * lines in the sheet's own font (ColumnLines). A row with no merge (the needs table's items) then costs
 * a read of its cells; one with merges is measured by rowHeightFor itself.
 */
export class RowHeights {
  private readonly layout: ReturnType<typeof mergeLayout>;
  private readonly hidden: ReadonlySet<number>;
  // The sheet's own fields, kept here: sheets of several shapes come through one RowHeights.of.
  private readonly widths: readonly number[];
  private readonly columns: number;
  /** Per column up to `columns` (as far as the widths go): its lines in the sheet's font, or null (hidden). */
  private readonly plain: Array<ColumnLines | null> = [];

  /**
   * Per column up to `plain.length`: the cell style last read there and what `wrappedNeed`
   * takes from it. Most cells share their column's style object with the row above: the style's fields
   * are read when it changes, by `read` (a style object of a new shape, a subtotal's or the grand
   * total's, threw away the optimised code that read them for every cell).
   */
  private readonly seen: Array<CellStyle | undefined>;
  private readonly wraps: boolean[];
  private readonly sizes: number[];
  private readonly bolds: boolean[];

  constructor(
    sheet: Pick<OutSheet, 'merges' | 'colWidths' | 'hiddenCols' | 'page'>,
    private readonly fontSize: number,
  ) {
    this.layout = mergeLayout(sheet);
    this.hidden = new Set(sheet.hiddenCols);
    const widths = (this.widths = sheet.colWidths ?? []);
    this.columns = sheet.page?.columns ?? Infinity;
    const n = Math.min(widths.length, this.columns);
    for (let c = 0; c < n; c++) this.plain.push(this.hidden.has(c) ? null : linesIn(widths[c] ?? 8.43));
    this.seen = new Array<CellStyle | undefined>(n).fill(UNREAD);
    this.wraps = new Array<boolean>(n).fill(false);
    this.sizes = new Array<number>(n).fill(fontSize);
    this.bolds = new Array<boolean>(n).fill(false);
  }

  /** rowHeightFor(cells, …) of row `r` (0-based) with its row style. */
  of(r: number, cells: readonly OutCell[] | undefined, rowStyle: CellStyle | undefined): number | undefined {
    if (!cells) return undefined;
    const spans = this.layout.spans.get(r);
    const skip = this.layout.tall.get(r);
    const { widths, columns, fontSize } = this;
    const n = Math.min(cells.length, columns);
    // Rows of wrapped cells alone (a table's items) here; any other row (merges, a row style, a cell not
    // wrapped: headings, totals) by rowHeightFor itself, called from one place: code never run before
    // this was optimised (a call, a text's line breaks) threw the optimised code away when first run.
    const need = spans || skip || rowStyle !== undefined || n > this.plain.length ? -1 : this.wrappedNeed(cells, n);
    if (need < 0) return rowHeightFor(cells, widths, fontSize, rowStyle, spans, skip, columns, this.hidden);
    return need > defaultRowHeight(fontSize) ? Math.min(need, MAX_ROW_HEIGHT) : undefined;
  }

  /** The height (points) a row's texts need, or -1 when a text of it is not wrapped. */
  private wrappedNeed(cells: readonly OutCell[], n: number): number {
    const { widths, fontSize, plain, seen, wraps, sizes, bolds } = this;
    let need = 0;
    for (let c = 0; c < n; c++) {
      const cell = cells[c];
      const boxed = cell !== null && cell !== undefined && typeof cell === 'object';
      const value = boxed ? cell.value : cell;
      if (typeof value !== 'string' || value === '') continue;
      const lines = plain[c];
      if (lines === null) continue;
      const style = boxed ? cell.style : undefined;
      if (style !== seen[c]) this.read(c, style);
      if (!wraps[c]) return -1;
      const size = sizes[c];
      const bold = bolds[c];
      const count = size === fontSize && !bold ? lines.of(value) : wrappedLines(value, widths[c] ?? 8.43, size / fontSize, bold);
      if (count <= 1 && size <= fontSize) continue;
      const h = linesHeight(count, size);
      if (h > need) need = h;
    }
    return need;
  }

  /** What rowHeightFor reads from column `c`'s cell style (in a row with no style), kept while the column's style is the same object. */
  private read(c: number, style: CellStyle | undefined): void {
    this.wraps[c] = !!style?.wrap;
    this.sizes[c] = style?.size ?? this.fontSize;
    this.bolds[c] = !!style?.bold;
    this.seen[c] = style;
  }
}

/** No style read yet (RowHeights.seen): an object no cell has as its style. */
const UNREAD: CellStyle = {};

/** Merged cells of a sheet by row: widths of the ones across columns (hidden ones left out), and the cells merged down rows. */
export function mergeLayout(sheet: Pick<OutSheet, 'merges' | 'colWidths' | 'hiddenCols'>): {
  spans: Map<number, Map<number, number>>;
  tall: Map<number, Set<number>>;
} {
  const spans = new Map<number, Map<number, number>>();
  const tall = new Map<number, Set<number>>();
  const widths = sheet.colWidths ?? [];
  const hidden = new Set(sheet.hiddenCols);
  for (const m0 of sheet.merges ?? []) {
    const r1 = Math.min(m0.r1, m0.r2);
    const r2 = Math.max(m0.r1, m0.r2);
    const c1 = Math.min(m0.c1, m0.c2);
    const c2 = Math.max(m0.c1, m0.c2);
    if (r2 > r1) {
      for (let r = r1; r <= r2; r++) {
        let s = tall.get(r);
        if (!s) tall.set(r, (s = new Set()));
        for (let c = c1; c <= c2; c++) s.add(c);
      }
      continue;
    }
    let w = 0;
    for (let c = c1; c <= c2; c++) if (!hidden.has(c)) w += widths[c] ?? 8.43;
    let s = spans.get(r1);
    if (!s) spans.set(r1, (s = new Map()));
    s.set(c1, w);
  }
  return { spans, tall };
}

/** Page footer in the header/footer codes both Excel and LibreOffice read: "หน้า 1/3" or "Page 1/3". */
export function pageFooter(lang: 'th' | 'en' = 'th'): string {
  return lang === 'en' ? 'Page &P/&N' : 'หน้า &P/&N';
}

/** Sum of the first `n` column widths (units), hidden columns left out (they do not print). */
export function printedWidth(colWidths: readonly number[], n = colWidths.length, hidden?: ReadonlySet<number>): number {
  let w = 0;
  for (let c = 0; c < n && c < colWidths.length; c++) if (!hidden?.has(c)) w += colWidths[c] > 0 ? colWidths[c] : 8.43;
  return w;
}

// ---------------------------------------------------------------------------------------------
// Title block and signature block

/**
 * Title and signature blocks hold text only, no number: a reader (ours or the province's) sees no
 * project, header or total there. The signature lines start with "ลงชื่อ" / "(" / "ตำแหน่ง", which no
 * plan row starts with (test/print/blocks.test.ts: the signed table validates as the unsigned one).
 */
export const TITLE_STYLE: CellStyle = { bold: true, size: 18, align: 'center' };
export const SUBTITLE_STYLE: CellStyle = { bold: true, align: 'center' };
const NOTE_STYLE: CellStyle = { align: 'center' };

export interface TitleBlock {
  /** The table's title, e.g. "แผนความต้องการของอำเภอเมืองนครสวรรค์". */
  title: string;
  /** District / province line, e.g. "อำเภอเมืองนครสวรรค์ จังหวัดนครสวรรค์". */
  place?: string;
  /** Fiscal year line, e.g. "ปีงบประมาณ พ.ศ. 2568–2570". */
  fiscalYear?: string;
  /** The ก.บ.อ. approval line, when recorded. */
  approval?: string;
  /** Other lines (how the table was made), printed smaller. */
  notes?: string[];
}

/** The title block's rows (one cell each, to be merged across the printed columns). */
export function titleBlockRows(t: TitleBlock): OutCell[][] {
  const rows: OutCell[][] = [[{ value: t.title, style: TITLE_STYLE }]];
  for (const line of [t.place, t.fiscalYear, t.approval]) if (line) rows.push([{ value: line, style: SUBTITLE_STYLE }]);
  for (const line of t.notes ?? []) if (line) rows.push([{ value: line, style: NOTE_STYLE }]);
  return rows;
}

export interface Signer {
  /** "ผู้จัดทำ", "ผู้รับรอง", "ผู้ตรวจสอบ". */
  role: string;
  /** Name when known (else a dotted line to write it in). */
  name?: string;
  /** Position when known (else a dotted line). */
  position?: string;
}

export const DEFAULT_SIGNERS: Signer[] = [{ role: 'ผู้จัดทำ' }, { role: 'ผู้รับรอง' }];
const SIGNERS_EN: Signer[] = [{ role: 'Prepared by' }, { role: 'Certified by' }];

const DOTS = '.'.repeat(40);

/**
 * The signature block: a blank row, then for each signer side by side
 *   ลงชื่อ ........................ ผู้จัดทำ
 *          ( ........................ )
 *   ตำแหน่ง ........................
 * Rows and merges start at `firstRow`; signers share the printed width (`width` columns) in halves.
 */
export function signatureBlock(
  firstRow: number,
  colWidths: readonly number[],
  width: number,
  signers: Signer[] = DEFAULT_SIGNERS,
  lang: 'th' | 'en' = 'th',
  hidden?: ReadonlySet<number>,
): { rows: OutCell[][]; merges: NonNullable<OutSheet['merges']> } {
  const list = lang === 'en' && signers === DEFAULT_SIGNERS ? SIGNERS_EN : signers;
  // Split the printed columns into one part per signer of about equal width.
  const total = printedWidth(colWidths, width, hidden);
  const starts: number[] = [0];
  let acc = 0;
  for (let c = 0; c < width && starts.length < list.length; c++) {
    if (!hidden?.has(c)) acc += colWidths[c] ?? 8.43;
    if (acc >= (total * starts.length) / list.length) starts.push(c + 1);
  }
  const parts = starts.map((s, i) => ({ c1: s, c2: (starts[i + 1] ?? width) - 1 }));
  const lines = (s: Signer): string[] =>
    lang === 'en'
      ? [`Signed ${DOTS} ${s.role}`, `( ${s.name ?? DOTS} )`, `Position ${s.position ?? DOTS}`]
      : [`ลงชื่อ ${DOTS} ${s.role}`, `( ${s.name ?? DOTS} )`, `ตำแหน่ง ${s.position ?? DOTS}`];
  const rows: OutCell[][] = [[]];
  const merges: NonNullable<OutSheet['merges']> = [];
  for (let k = 0; k < 3; k++) {
    // Blanks up to each signer's first column (pushed: no holes, like the tables' rows).
    const row: OutCell[] = [];
    parts.forEach((p, i) => {
      while (row.length < p.c1) row.push(null);
      row.push({ value: lines(list[i])[k], style: { align: 'center' } });
      if (p.c2 > p.c1) merges.push({ r1: firstRow + 1 + k, c1: p.c1, r2: firstRow + 1 + k, c2: p.c2 });
    });
    rows.push(row);
  }
  return { rows, merges };
}
