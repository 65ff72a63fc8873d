/**
 * The consolidation result as a workbook to write: the needs table (grouped by provincial
 * development issue, subtotals, grand total), a summary like ผ.01, the duplicates and the sources.
 * Every text that came from a received file is a plain string (the writer never makes formulas of
 * strings), amounts are numbers formatted '#,##0'.
 */
import type { Range } from '../model';
import type { CellStyle, FileWorkbook, OutCell, OutSheet, OutWorkbook, StreamedSheet } from '../output';
import { DEFAULT_FONT, materialise } from '../output';
import {
  AMOUNT_FORMAT,
  orientationFor,
  pageFooter,
  printedWidth,
  PRINT_WIDTH_MAX,
  signatureBlock,
  textUnits,
  titleBlockRows,
  wrappedLines,
  type Signer,
} from '../print';
import type { ConsolidateResult, Confidence, InputStatus, NeedsItem, ProvincialIssue } from './types';
import { ROUTE_LABEL } from '../classification';
import { approvalLine } from '../approval';
import { DEFAULT_ORDER_TH } from './rank';
import { askText, CONFLICT_TH } from './conflict';
import { proposerShort } from './roster';
import { formatThaiDateShort } from '../calendar/thai';
import { PROVENANCE_HEADER, provenanceKey } from './provenance';

export const NEEDS_SHEET = 'แผนความต้องการอำเภอ';
export const SUMMARY_SHEET = 'สรุปตามประเด็นการพัฒนา';
export const DUPLICATES_SHEET = 'โครงการซ้ำ';
export const SOURCES_SHEET = 'แหล่งข้อมูล';
export const FOLLOWUP_SHEET = 'ติดตามการส่งแผน';
export const VANISHED_SHEET = 'ไม่มีในรอบนี้';
export const UNMATCHED_DECISIONS_SHEET = 'ผลการพิจารณาที่ไม่พบรายการ';

/** The proposer as printed (ทต.หนองบัว, ตำบลนาดี), after its hidden whole line. */
export const PROPOSER_SHORT = 'อปท./ผู้เสนอ (ย่อ)';

/**
 * The needs table's column headers, a contract: the province's roll-up and a re-run read the table back
 * by these words (forms/columns.ts maps them to fields). Budget columns sit between NEEDS_HEAD and
 * NEEDS_TAIL, one per fiscal year: "ปีงบประมาณ 2568 (บาท)".
 */
export const NEEDS_HEAD: readonly string[] = headColumns().map((h) => h.header);
/** A province's table says "ลำดับความสำคัญของจังหวัด" (its own rank); the district's rank is then the source's. */
export const NEEDS_TAIL: readonly string[] = tailColumns().map((t) => t.header);

export const DISTRICT_SUMMARY_SHEET = 'สรุปตามอำเภอ';

export interface NeedsWorkbookOptions {
  /** District name for the title ("เมืองเชียงใหม่" or "อำเภอเมืองเชียงใหม่"); default: the result's. */
  district?: string;
  /** Province name: the table is the province's roll-up of its districts ("เชียงใหม่" or "จังหวัดเชียงใหม่"). */
  province?: string;
  /** Extra title line, e.g. the date of the run. */
  subtitle?: string;
  /** Who signs under the table (default ผู้จัดทำ and ผู้รับรอง, names and positions left to write in). */
  signers?: Signer[];
}

/** Whose needs table it is, as its titles say it: "อำเภอเมือง", "จังหวัดเชียงใหม่", or the bare level. */
export function needsUnit(o: NeedsWorkbookOptions, r?: ConsolidateResult): string {
  const named = (prefix: string, name: string | undefined): string | undefined => {
    const bare = name?.trim().replace(/^(อำเภอ|จังหวัด|อ\.|จ\.)\s*/, '');
    return bare ? `${prefix}${bare}` : undefined;
  };
  if (isProvinceTable(o, r)) return named('จังหวัด', o.province) ?? 'จังหวัด';
  return named('อำเภอ', o.district ?? r?.district) ?? 'อำเภอ';
}

/** A province's roll-up: --province, or needs that carry their own districts while the result names none. */
function isProvinceTable(o: NeedsWorkbookOptions & Decided, r?: ConsolidateResult): boolean {
  if (o.provinceTable !== undefined) return o.provinceTable;
  return o.province !== undefined || (!o.district && !r?.district && !!r?.items.some((i) => i.district));
}

/** Whether the table is a province's, decided once per workbook (the answer may scan every need). */
interface Decided {
  readonly provinceTable?: boolean;
}

/** The options with isProvinceTable's answer, for the sheets of one workbook. */
const decided = (o: NeedsWorkbookOptions, r: ConsolidateResult): NeedsWorkbookOptions & Decided => ({
  ...o,
  provinceTable: isProvinceTable(o, r),
});

/** The row says whether it is counted: a reader (OnePlan one level up, or an officer) sees it. */
export const COUNTED_TH = { yes: 'นับ', no: 'ไม่นับ' } as const;

const AMOUNT = AMOUNT_FORMAT;
const HEADER: CellStyle = { bold: true, align: 'center', valign: 'center', wrap: true, border: true, fill: 'D9E2F3' };
const TITLE: CellStyle = { bold: true, size: 18, align: 'center', wrap: true };
const BODY: CellStyle = { border: true, wrap: true, valign: 'top' };
const BODY_CENTER: CellStyle = { ...BODY, align: 'center' };
const NUM: CellStyle = { border: true, valign: 'top', align: 'right', numFmt: AMOUNT };
const NUM_EXCLUDED: CellStyle = { ...NUM, italic: true, color: '808080' };
const UNRESOLVED: CellStyle = { ...BODY_CENTER, fill: 'FFF2CC' };
/** Merged across the printed columns and wrapped: a long issue name stays inside its row on paper. */
const GROUP: CellStyle = { bold: true, border: true, fill: 'F2F2F2', wrap: true, valign: 'top' };
const SUBTOTAL: CellStyle = { bold: true, border: true, fill: 'FFF2CC', wrap: true };
/** One line, shrunk when longer than the โครงการ column: a subtotal row takes no more paper than a heading. */
const SUBTOTAL_LABEL: CellStyle = { ...SUBTOTAL, wrap: false, shrink: true };
const SUBTOTAL_NUM: CellStyle = { ...SUBTOTAL, align: 'right', numFmt: AMOUNT, wrap: false, shrink: true };
const NOTE: CellStyle = { italic: true, wrap: true, valign: 'top' };
const GRAND: CellStyle = { bold: true, border: true, fill: 'FCE4D6' };
const GRAND_NUM: CellStyle = { ...GRAND, align: 'right', numFmt: AMOUNT };
/** The needs table's totals shrink when wider than the items' amounts their columns are made for. */
const GRAND_NUM_FIT: CellStyle = { ...GRAND_NUM, shrink: true };

const c = (value: string | number | null, style: CellStyle): OutCell => ({ value, style });
const text = (s: string | undefined): string => (s ?? '').toString();

export const CONFIDENCE_TH: Record<Confidence, string> = { exact: 'ซ้ำตรงกัน', likely: 'น่าจะซ้ำ', possible: 'อาจซ้ำ (ให้ตรวจสอบ)' };
export const STATUS_TH: Record<InputStatus, string> = { ok: 'อ่านได้', skipped: 'ข้าม (ไม่มีแผนโครงการ)', failed: 'อ่านไม่ได้' };

function sourceText(it: NeedsItem): string {
  // Most needs have one source: its line without an array and a join per row.
  return it.sources.length === 1 ? provenanceKey(it.sources[0]) : it.sources.map(provenanceKey).join('\n');
}

/** The หมายเหตุ cell: the need's note and remarks, a line each (most needs have none: no arrays made). */
function noteText(it: NeedsItem): string {
  return it.note || it.remarks.length ? [it.note, ...it.remarks].filter(Boolean).join('\n') : '';
}

/**
 * Column width (units) that shows `n` with thousands separators, bold, without "####": a digit is one
 * unit, a comma about half, plus the cell's padding.
 */
export function amountWidth(n: number, min = 10): number {
  const digits = String(Math.round(Math.abs(n))).length;
  const units = digits + Math.floor((digits - 1) / 3) * 0.5 + (n < 0 ? 1 : 0);
  return Math.max(min, Math.ceil(units * 1.05 + 1));
}

/** What a need's cells take from the whole table: each proposer's short form, each issue number's name. */
interface TableTexts {
  short: ReadonlyMap<string, string>;
  issues: ReadonlyMap<string, string>;
  /** Each issue's cell text, made once per issue object (issues are shared objects: extract.ts issueOf). */
  issueCells: Map<ProvincialIssue, string>;
}

/** What the print layout knows when it sizes a column. */
interface Layout {
  province: boolean;
  /** Holds the longest short proposer on one line. */
  proposerWidth: number;
}

/**
 * A column of the needs table: its header, its cell for need number `no`, and how it prints. A printed
 * column has a fixed width, or shares the width left with the other text columns as its texts fit best
 * (fitTextWidths); the layout sizes the rest itself, finding them by header.
 */
interface NeedsColumn {
  header: string;
  cell: (it: NeedsItem, no: number, t: TableTexts) => OutCell;
  /** Fixed printed width (undefined in a layout where the column is a text column, or sized by the layout). */
  fixed?: (l: Layout) => number | undefined;
  /** A text column: its part of the printed width is fitted to these texts. */
  text?: (it: NeedsItem) => string | undefined;
  /** Hidden from print when no need fills it (a municipality's ผ.02 names no หมู่ที่ or ตำบล). */
  filled?: (it: NeedsItem) => unknown;
  /** Hidden from print when it says nothing a page needs (every need counted, one district). */
  unprinted?: (r: ConsolidateResult, l: Layout) => boolean;
  /** Kept for readers, never shown (the proposer's whole line). */
  hidden?: boolean;
  /** A working column after the print area, this wide (tail columns only). */
  width?: number;
}

/** A width the same in every layout. A declaration: the column lists are made before the consts below. */
function fixedAt(w: number): () => number {
  return () => w;
}

/**
 * The needs table's columns before the amounts, in the order written. The proposer's whole line
 * ("ตำบลนาดี อำเภอเมือง จังหวัด…") stays hidden before its printed short form: readers take the first
 * อปท./ผู้เสนอ column, so a re-run keeps the line. อำเภอ is not printed in a district's own table (narrow
 * when shown), a text column in a province's. วัตถุประสงค์ and เป้าหมาย are tail columns, off paper. A
 * function: the styles are defined below.
 */
function headColumns(): NeedsColumn[] {
  return [
    { header: 'ที่', cell: (_, no) => c(no, BODY_CENTER), fixed: fixedAt(5) },
    { header: 'โครงการ', cell: (it) => c(text(it.name), BODY), text: (it) => it.name },
    {
      header: 'หมู่ที่',
      cell: (it) => c(it.village !== undefined ? it.village : '', BODY_CENTER),
      fixed: fixedAt(5),
      filled: (it) => it.village,
    },
    { header: 'ตำบล', cell: (it) => c(text(it.tambon), BODY), fixed: fixedAt(9), filled: (it) => it.tambon },
    {
      header: 'อำเภอ',
      cell: (it) => c(text(it.district), BODY),
      fixed: (l) => (l.province ? undefined : 6),
      text: (it) => it.district,
      filled: (it) => it.district,
      // A district's own table: every need is the district's (the title names it).
      unprinted: (r, l) => !l.province && distinct(r.items, (it) => it.district) <= 1,
    },
    { header: 'อปท./ผู้เสนอ', cell: (it) => c(text(it.organisation), BODY_LINE), fixed: fixedAt(30), hidden: true },
    {
      header: PROPOSER_SHORT,
      cell: (it, _, t) => c(it.organisation ? t.short.get(it.organisation)! : '', BODY),
      fixed: (l) => l.proposerWidth,
      filled: (it) => it.organisation,
    },
  ];
}

/**
 * The needs table's columns after the amounts, in the order written: the printed ones (… อยู่ในแผนพัฒนา
 * อำเภอ) first, then the working columns outside the print area. Readers find every column by its header,
 * so the order is free; a new column is added here only. A function: the styles are defined below.
 */
function tailColumns(): NeedsColumn[] {
  return [
    {
      header: 'นับยอด',
      cell: (it) =>
        c(it.inTotals ? COUNTED_TH.yes : COUNTED_TH.no, it.inTotals ? BODY_CENTER : { ...BODY_CENTER, italic: true, color: '808080' }),
      fixed: fixedAt(6),
      unprinted: (r) => r.items.every((it) => it.inTotals),
    },
    // Rank and in-plan: as wide as the room the text columns leave (needsWidths).
    { header: 'ลำดับความสำคัญของอำเภอ', cell: (it) => c(it.rank, BODY_CENTER) },
    { header: 'ส่งถึง (ผู้รับเรื่อง)', cell: (it) => c(ROUTE_LABEL[it.route].th, BODY), text: (it) => ROUTE_LABEL[it.route].th },
    { header: 'หน่วยงานที่จะขอประสาน', cell: (it) => c(text(it.agency), BODY), text: (it) => it.agency, filled: (it) => it.agency },
    {
      header: 'อยู่ในแผนพัฒนาอำเภอ',
      cell: (it) =>
        c(
          it.inDistrictPlan === null ? '' : it.inDistrictPlan ? 'มี' : 'ไม่มี',
          it.inDistrictPlan === false ? { ...BODY_CENTER, color: 'C00000', bold: true } : BODY_CENTER,
        ),
      filled: (it) => it.inDistrictPlan,
    },
    // The long free texts stay on screen, not on paper: the table prints one page wide at a legible scale.
    { header: 'วัตถุประสงค์', cell: (it) => c(text(it.objective), BODY), width: 30 },
    { header: 'เป้าหมาย (ผลผลิตของโครงการ)', cell: (it) => c(text(it.target), BODY), width: 24 },
    { header: 'ประเด็นการพัฒนาจังหวัด', cell: (it, _, t) => c(issueCellOf(it, t), BODY), width: 30 },
    { header: 'ลำดับความสำคัญ (ของแหล่งที่มา)', cell: (it) => c(text(it.priority), BODY_CENTER), width: 10 },
    // Each need's own: written in its cell (no shared-string entry for a million labels that never repeat).
    { header: PROVENANCE_HEADER, cell: (it) => ({ value: sourceText(it), style: BODY, once: true }), width: 34 },
    { header: 'หมายเหตุ', cell: (it) => c(noteText(it), BODY), width: 34 },
    { header: 'บันทึกของอำเภอ', cell: (it) => c(text(it.officerNote), BODY), width: 24 },
    {
      // Which source counts when a need's sources disagree (ยอดไม่ตรงกัน): the officer writes its number;
      // blank until then, and validate reports the need as unresolved meanwhile.
      header: 'แหล่งที่นับยอด (เมื่อยอดไม่ตรงกัน)',
      cell: (it) => c(it.conflict?.by === 'officer' ? it.conflict.counted : '', it.conflict?.by === 'rule' ? UNRESOLVED : BODY_CENTER),
      width: 14,
    },
    // The province's decision: blank as OnePlan writes it, typed by the province's officer, carried back down.
    { header: 'ผลการพิจารณาของจังหวัด', cell: (it) => c(text(it.decision?.text), BODY), width: 30 },
  ];
}

const HEAD = headColumns();
const TAIL = tailColumns();
/**
 * The columns' cell functions in order, for the rows: read from an array of functions, not from the
 * column objects (of a dozen shapes, so each `.cell` read was a megamorphic lookup: ~40 a row).
 */
const HEAD_CELLS = HEAD.map((h) => h.cell);
const TAIL_CELLS = TAIL.map((t) => t.cell);
/** Columns placed by header: โครงการ (total rows' label; takes the width the others leave), rank and in-plan (tail offsets). */
const NAME_AT = NEEDS_HEAD.indexOf('โครงการ');
const RANK_AT = NEEDS_TAIL.indexOf('ลำดับความสำคัญของอำเภอ');
const IN_PLAN_AT = NEEDS_TAIL.indexOf('อยู่ในแผนพัฒนาอำเภอ');
const PRINTED_TAIL = TAIL.filter((t) => t.width === undefined);

/** Each printed column with its column number, the amounts' `yearCount` columns between head and tail. */
function printedColumns(yearCount: number): Array<[number, NeedsColumn]> {
  const tc = HEAD.length + yearCount;
  return [...HEAD.map((h, k): [number, NeedsColumn] => [k, h]), ...PRINTED_TAIL.map((t, k): [number, NeedsColumn] => [tc + k, t])];
}

// ---------------------------------------------------------------------------------------------
// Print layout: the needs table as the officer signs it (one page wide, pages filled, short cells).

/** Hidden full proposer line: not wrapped (no row grows for it when the officer shows the column). */
const BODY_LINE: CellStyle = { border: true, valign: 'top' };

/**
 * The needs table's printed width (units): 114 prints one A4 landscape page wide at 77 % in
 * LibreOffice (157 printed at 56 %, too small to read in TH Sarabun New 16 for a signed copy). The
 * long free texts (วัตถุประสงค์, เป้าหมาย) stay on screen after the print area.
 */
const NEEDS_PRINT_WIDTH = 118;
/** The text columns keep at least this much of it, however many fixed columns a table shows. */
const TEXT_MIN = 30;
/** A text column's narrowest width: a Thai word and the cell's padding. */
const TEXT_COL_MIN = 8;

/**
 * Printed widths: fixed for numbers and short fields, the rest of the printed width shared by the text
 * columns as their texts fit best (fitTextWidths), so the table prints one page wide at a legible scale
 * (and its working columns after them). Hidden columns keep a width for the officer who shows them
 * again, and leave their part to the others.
 */
function needsWidths(r: ConsolidateResult, yearCount: number, yearWidth: number, layout: Layout, hidden: ReadonlySet<number>): number[] {
  const yc = HEAD.length;
  const tc = yc + yearCount;
  // The columns' own fixed widths (ที่, หมู่ที่, ตำบล, the whole proposer line (hidden), ผู้เสนอ (ย่อ) (its
  // longest on one line), นับยอด; อำเภอ in a district's own table) and the years. Then rank and in-plan: 10
  // and 8 wide where there is room (their headers in three lines, not five, on every page), else 6 each.
  // Wide ones only where the text keeps 66 units: narrower text columns cost more paper (every row taller)
  // than a taller header.
  const fixed = new Map<number, number>();
  const texts: Array<[number, (it: NeedsItem) => string | undefined]> = [];
  for (const [c, col] of printedColumns(yearCount)) {
    const w = col.fixed?.(layout);
    if (w !== undefined) fixed.set(c, w);
    else if (col.text) texts.push([c, col.text]);
  }
  for (let k = 0; k < yearCount; k++) fixed.set(yc + k, yearWidth);
  const shown = (c: number) => !hidden.has(c);
  let base = 0;
  for (const [c, w] of fixed) if (shown(c)) base += w;
  const plan = shown(tc + IN_PLAN_AT) ? 1 : 0;
  const roomy = NEEDS_PRINT_WIDTH - base - 10 - 8 * plan >= 66;
  fixed.set(tc + RANK_AT, roomy ? 10 : 6);
  fixed.set(tc + IN_PLAN_AT, roomy ? 8 : 6);
  base += fixed.get(tc + RANK_AT)! + plan * fixed.get(tc + IN_PLAN_AT)!;
  const printed = texts.filter(([c]) => shown(c));
  const fitted = fitTextWidths(
    r.items,
    printed.map(([, get]) => get),
    Math.max(TEXT_MIN, NEEDS_PRINT_WIDTH - base),
  );
  const widths = Array.from({ length: tc + PRINTED_TAIL.length }, (_, c) => fixed.get(c) ?? TEXT_COL_MIN);
  printed.forEach(([c], k) => (widths[c] = fitted[k]));
  return widths;
}

/**
 * Widths of text columns sharing `room` units, so that the rows take the fewest lines: a row is as tall
 * as its tallest cell, so a unit goes where it saves most lines over a sample of the needs (lines
 * estimated word by word, as printed). Ties go to the column whose own texts it shortens most, then to
 * the first (โครงการ).
 */
export function fitTextWidths<T>(items: readonly T[], texts: ReadonlyArray<(it: T) => string | undefined>, room: number): number[] {
  const n = texts.length;
  if (!n) return [];
  const widths = texts.map(() => TEXT_COL_MIN);
  let left = room - n * TEXT_COL_MIN;
  if (left <= 0) return widths;
  // A sample of a large table is enough: about 200 needs spread over it.
  const step = Math.max(1, Math.floor(items.length / 200));
  const sample: string[][] = [];
  for (let i = 0; i < items.length; i += step) sample.push(texts.map((get) => get(items[i]) ?? ''));
  // Lines of each sampled cell of column k at width w, computed once.
  const memo = texts.map(() => new Map<number, Uint16Array>());
  const linesAt = (k: number, w: number): Uint16Array => {
    let l = memo[k].get(w);
    if (!l) {
      l = Uint16Array.from(sample, (row) => (row[k] ? wrappedLines(row[k], w) : 1));
      memo[k].set(w, l);
    }
    return l;
  };
  // Units go a few at a time where they save most lines per unit: one more unit often saves nothing
  // until a word fits, so a column is also tried up to MAX_STEP units wider.
  const MAX_STEP = 6;
  const m = sample.length;
  /** Lines of a sample's cells summed. */
  const sum = (l: Uint16Array): number => {
    let s = 0;
    for (let i = 0; i < m; i++) s += l[i];
    return s;
  };
  while (left > 0) {
    // The columns at their widths now, read once a round: per column k, each sampled row's tallest
    // cell in the other columns (a try of column k changes only its own cells). Trying each width
    // looked every other column's lines up again for every row (~2M memo lookups per table).
    const now = widths.map((w, k) => linesAt(k, w));
    const others = now.map((_, k) => {
      const tallest = new Uint16Array(m);
      for (let j = 0; j < n; j++) {
        if (j === k) continue;
        const l = now[j];
        for (let i = 0; i < m; i++) if (l[i] > tallest[i]) tallest[i] = l[i];
      }
      return tallest;
    });
    /** The sample's rows' lines (each its tallest cell) with column k's cells `mine`. */
    const rowsWith = (k: number, mine: Uint16Array): number => {
      const tallest = others[k];
      let rows = 0;
      for (let i = 0; i < m; i++) rows += mine[i] > tallest[i] ? mine[i] : tallest[i];
      return rows;
    };
    const rowsNow = rowsWith(0, now[0]);
    let pick = { k: 0, d: 1, rate: -1, own: Infinity };
    for (let k = 0; k < n; k++) {
      const ownNow = sum(now[k]);
      for (let d = 1; d <= Math.min(MAX_STEP, left); d++) {
        const mine = linesAt(k, widths[k] + d);
        const rate = (rowsNow - rowsWith(k, mine)) / d;
        // Ties: the column whose own texts shorten most (then the first, โครงการ, one unit at a time).
        const ownRate = (sum(mine) - ownNow) / d;
        if (rate > pick.rate || (rate === pick.rate && ownRate < pick.own)) pick = { k, d, rate, own: ownRate };
      }
    }
    widths[pick.k] += pick.d;
    left -= pick.d;
  }
  return widths;
}

/** Each proposer's short form (once per distinct line), and a column width that holds the longest on one line (8–14). */
function shortProposers(r: ConsolidateResult): { short: Map<string, string>; width: number } {
  const short = new Map<string, string>();
  let widest = 0;
  for (const it of r.items) {
    if (!it.organisation || short.has(it.organisation)) continue;
    const s = proposerShort(it.organisation);
    short.set(it.organisation, s);
    widest = Math.max(widest, textUnits(s));
  }
  return { short, width: Math.min(14, Math.max(8, Math.ceil(widest + 1.5))) };
}

/** Years no need asks an amount for: hidden from print (the column stays, with its zeros), unless every year is. */
function emptyYears(r: ConsolidateResult): Set<number> {
  const empty = new Set(r.years.filter((y) => !r.items.some((it) => (it.budgets[y] ?? 0) !== 0)));
  return empty.size < r.years.length ? empty : new Set();
}

/**
 * Printed columns no need fills (a municipality's ผ.02 names no หมู่ที่ or ตำบล; no in-plan mark without
 * a district plan) or that say nothing a page needs (a district's own อำเภอ, นับยอด when every need
 * counts): hidden like the empty years, their width to the text.
 */
function unprintedColumns(r: ConsolidateResult, yearCount: number, layout: Layout): number[] {
  const filled = (v: unknown) => v !== undefined && v !== null && v !== '';
  return printedColumns(yearCount)
    .filter(([, col]) => (col.filled && !r.items.some((it) => filled(col.filled!(it)))) || col.unprinted?.(r, layout))
    .map(([c]) => c);
}

/** How many different values `get` gives over the items, counting only up to 2. */
function distinct<T>(items: readonly T[], get: (x: T) => unknown): number {
  if (!items.length) return 0;
  const first = get(items[0]);
  for (const x of items) if (get(x) !== first) return 2;
  return 1;
}

/**
 * The issue cell: its number and name ("3 ส่งเสริมการท่องเที่ยว"), not the link as written ("๒",
 * "ง. ยุทธศาสตร์จังหวัดที่ 3 …"). A bare number takes the name another need of the issue gave.
 */
function issueCell(it: NeedsItem, names: ReadonlyMap<string, string>): string {
  const issue = it.issue;
  if (!issue) return 'ไม่ระบุ';
  if (!issue.code) return issue.name || issue.text;
  const name = issue.name || names.get(issue.code) || '';
  return name ? `${issue.code} ${name}` : issue.code;
}

/**
 * issueCell, one string per issue object: the cell's text was a new concatenation on every row, which
 * the writer flattened (a copy) to compare with the row above's and to hash.
 */
function issueCellOf(it: NeedsItem, t: TableTexts): string {
  const issue = it.issue;
  if (!issue) return issueCell(it, t.issues);
  let s = t.issueCells.get(issue);
  if (s === undefined) t.issueCells.set(issue, (s = issueCell(it, t.issues)));
  return s;
}

/** Each issue number's name, from the first need that wrote one. */
function issueNames(r: ConsolidateResult): Map<string, string> {
  const names = new Map<string, string>();
  for (const g of r.groups) {
    if (!g.code) continue;
    const named = g.items.find((it) => it.issue?.name);
    if (named) names.set(g.code, named.issue!.name);
  }
  return names;
}

function yearSpan(years: number[]): string {
  if (!years.length) return '';
  return years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;
}

/** Short (≤ 40 characters, so the form reader sees a total row when the table is read back). */
function subtotalLabel(g: ConsolidateResult['groups'][number]): string {
  if (!g.key) return 'รวม ไม่ระบุ';
  if (g.code) return `รวม ประเด็นการพัฒนาที่ ${g.code}`;
  const l = `รวม ${g.label}`;
  return l.length > 40 ? `${l.slice(0, 38)}…` : l;
}

/** A subtotal or total row's cells before the amounts: its label under โครงการ, its count in column `countAt`. */
function labelled(label: OutCell, count: OutCell, style: CellStyle, countAt: number): OutCell[] {
  return HEAD.map((_, k) => (k === NAME_AT ? label : k === countAt ? count : c(k < NAME_AT ? '' : null, style)));
}

/** Where totals print their count: the first printed column after โครงการ that holds it on one line, else the first printed. */
function countColumn(widths: readonly number[], hidden: ReadonlySet<number>, need: number): number {
  let first = -1;
  for (let k = NAME_AT + 1; k < HEAD.length; k++) {
    if (hidden.has(k)) continue;
    if (widths[k] >= need) return k;
    if (first < 0) first = k;
  }
  return first >= 0 ? first : NAME_AT + 1;
}

/**
 * What the needs table and the summary read from every need's amounts, in one pass over the groups
 * (amounts records are keyed by year: a lookup each costs about what the rest of a row does): the
 * largest amount of any need, and per group the counted needs and, per year, those asking an amount.
 */
interface AmountStats {
  widest: number;
  /** Counted needs per group. */
  counted: Int32Array;
  /** Counted needs asking an amount (> 0): group gi's year k at gi × years + k. */
  asking: Int32Array;
  /**
   * Every need's amounts (0 for none), the needs in the groups' order: the table's k-th need's year y at
   * k × years + y. The rows read them here, not from the records keyed by year.
   */
  amounts: Float64Array;
}

function amountStats(r: ConsolidateResult): AmountStats {
  const years = r.years;
  const ny = years.length;
  const counted = new Int32Array(r.groups.length);
  const asking = new Int32Array(r.groups.length * ny);
  let grouped = 0;
  for (const g of r.groups) grouped += g.items.length;
  const amounts = new Float64Array(grouped * ny);
  let widest = 0;
  // The needs are the groups' items in order (grouping.ts): checked as they are read, else the widest
  // amount is read from the needs themselves.
  let j = 0;
  let same = true;
  r.groups.forEach((g, gi) => {
    for (const it of g.items) {
      if (r.items[j++] !== it) same = false;
      const b = it.budgets;
      const inTotals = it.inTotals;
      if (inTotals) counted[gi]++;
      const at = (j - 1) * ny;
      for (let k = 0; k < ny; k++) {
        const v = b[years[k]] ?? 0;
        amounts[at + k] = v;
        widest = Math.max(widest, v);
        if (inTotals && v > 0) asking[gi * ny + k]++;
      }
    }
  });
  if (!same || j !== r.items.length) {
    widest = 0;
    for (const it of r.items) for (const y of years) widest = Math.max(widest, it.budgets[y] ?? 0);
  }
  return { widest, counted, asking, amounts };
}

/** What a row of a streamed sheet is (with the index it refers to). */
enum RowKind {
  Top,
  Group,
  Item,
  Subtotal,
  Grand,
  Note,
  Order,
  Sign,
}

/**
 * The needs table, made row by row: a plan of what each row is (a byte and an index per row), so the
 * writer can ask for rows one at a time and a 600,000-item table is never held as cell objects.
 */
function needsSheet(r: ConsolidateResult, o: NeedsWorkbookOptions, amounts: AmountStats): StreamedSheet {
  const years = r.years;
  const province = isProvinceTable(o, r);
  const unit = needsUnit(o, r);
  const lvl = province ? 'จังหวัด' : 'อำเภอ';
  const tail = NEEDS_TAIL.map((h) => h.replace(/ของอำเภอ$/, `ของ${lvl}`));
  const header = [...NEEDS_HEAD, ...years.map((y) => `ปีงบประมาณ ${y} (บาท)`), ...tail];
  const lastCol = header.length - 1;
  const yc = HEAD.length; // first year column
  const tc = yc + years.length; // first tail column
  const pad = (n: number, style: CellStyle): OutCell[] => Array.from({ length: n }, () => c(null, style));

  const counted = r.items.filter((i) => i.inTotals).length;
  // The title block: title, fiscal years, the ก.บ.อ. approval (dotted blanks until recorded; validate
  // warns approval-missing), how it was made.
  const top: OutCell[][] = titleBlockRows({
    title: `แผนความต้องการของ${unit}`,
    fiscalYear: `บัญชีโครงการที่ขอรับการสนับสนุนและโครงการที่เกินศักยภาพขององค์กรปกครองส่วนท้องถิ่น${years.length ? ` ปีงบประมาณ ${yearSpan(years)}` : ''}`,
    // A province's table answers to ก.บ.จ., not ก.บ.อ.: no approval line there.
    approval: province ? undefined : approvalLine(r.approval),
    notes: [
      o.subtitle ??
        `รวบรวมจาก ${r.inputs.length} ${province ? 'อำเภอ (ไฟล์)' : 'ไฟล์'} · ${r.items.length} โครงการ (นับยอด ${counted} โครงการ) · จัดกลุ่มตามประเด็นการพัฒนาจังหวัด`,
    ],
  });
  const headerRow = top.length;
  top.push(header.map((h) => c(h, HEADER)));
  const excluded = r.items.length - counted;

  let count = top.length + 2 + (excluded ? 1 : 0) + 4; // + the signature block (signatureBlock's 4 rows)
  for (const g of r.groups) count += g.items.length + 2;
  const kinds = new Uint8Array(count);
  const refs = new Int32Array(count);
  /** Items in table order: item k is numbered k + 1. */
  const flat: NeedsItem[] = [];
  let at = 0;
  for (; at < top.length; at++) {
    kinds[at] = RowKind.Top;
    refs[at] = at;
  }
  // A loop, not forEach: a callback's inner loop compiled on the stack (OSR) was entered again by each
  // later group and deoptimised after it every time (RowKind.Subtotal not yet read when it was compiled).
  for (let gi = 0; gi < r.groups.length; gi++) {
    kinds[at] = RowKind.Group;
    refs[at++] = gi;
    for (const it of r.groups[gi].items) {
      kinds[at] = RowKind.Item;
      refs[at++] = flat.length;
      flat.push(it);
    }
    kinds[at] = RowKind.Subtotal;
    refs[at++] = gi;
  }
  const lastTableRow = at - 1;
  kinds[at++] = RowKind.Grand;
  // Group headings and the notes under the table: merged across the printed width and wrapped (a long
  // one is never cut, nor runs across the borders).
  const groupRows: number[] = [];
  for (let i = headerRow + 1; i <= lastTableRow; i++) if (kinds[i] === RowKind.Group) groupRows.push(i);
  const noteRows: number[] = [];
  if (excluded) {
    noteRows.push(at);
    kinds[at++] = RowKind.Note;
  }
  noteRows.push(at);
  kinds[at++] = RowKind.Order;
  // Amount columns as wide as the largest item's amount; a wider subtotal or total shrinks to fit.
  const yearWidth = amountWidth(amounts.widest, 12); // at least "ปีงบประมาณ" on one line of the header
  const printed = tc + PRINTED_TAIL.length;
  const empty = emptyYears(r);
  const proposers = shortProposers(r);
  const layout: Layout = { province, proposerWidth: proposers.width };
  const hiddenCols = [
    ...printedColumns(years.length).flatMap(([c, col]) => (col.hidden ? [c] : [])),
    ...unprintedColumns(r, years.length, layout),
    ...years.flatMap((y, k) => (empty.has(y) ? [yc + k] : [])),
  ].sort((a, b) => a - b);
  const colWidths = [
    ...needsWidths(r, years.length, yearWidth, layout, new Set(hiddenCols)),
    ...TAIL.flatMap((t) => (t.width === undefined ? [] : [t.width])),
  ];
  const countAt = countColumn(colWidths, new Set(hiddenCols), textUnits(`${counted} โครงการ`, true) + 1);
  const texts: TableTexts = { short: proposers.short, issues: issueNames(r), issueCells: new Map() };
  // The signature block under the table, inside the print area.
  const sign = signatureBlock(at, colWidths, printed, o.signers, 'th', new Set(hiddenCols));
  for (let k = 0; k < sign.rows.length; k++) {
    kinds[at] = RowKind.Sign;
    refs[at++] = k;
  }

  /**
   * Need `n`'s row (the n-th of the table, numbered n + 1): one array filled in column order (a row of a
   * 600,000-need table is made once, as it is written), pushed: an array made with its length has holes
   * as far as V8 is concerned, unlike the table's other rows, and the writer's code optimised for one
   * kind of row was thrown away for the other.
   */
  const itemRow = (n: number): OutCell[] => {
    const it = flat[n];
    const no = n + 1;
    const row: OutCell[] = [];
    for (let k = 0; k < HEAD_CELLS.length; k++) row.push(HEAD_CELLS[k](it, no, texts));
    const numStyle = it.inTotals ? NUM : NUM_EXCLUDED;
    const at = n * years.length;
    for (let k = 0; k < years.length; k++) row.push(c(amounts.amounts[at + k], numStyle));
    for (let k = 0; k < TAIL_CELLS.length; k++) row.push(TAIL_CELLS[k](it, no, texts));
    return row;
  };
  // The items' rows apart from the others (a few per group): the code optimised for the items is not
  // thrown away when the next group's heading or subtotal comes.
  const rowAt = (i: number): OutCell[] => (kinds[i] === RowKind.Item ? itemRow(refs[i]) : otherRow(i));
  const otherRow = (i: number): OutCell[] => {
    const k = kinds[i];
    if (k === RowKind.Top) return top[refs[i]];
    if (k === RowKind.Group) {
      const g = r.groups[refs[i]];
      return [...Array.from({ length: NAME_AT }, () => c('', GROUP)), c(g.label, GROUP), ...pad(lastCol - NAME_AT, GROUP)];
    }
    if (k === RowKind.Subtotal) {
      const g = r.groups[refs[i]];
      return [
        ...labelled(c(subtotalLabel(g), SUBTOTAL_LABEL), c(`${g.counted} โครงการ`, SUBTOTAL), SUBTOTAL, countAt),
        ...years.map((y) => c(g.totals[y] ?? 0, SUBTOTAL_NUM)),
        ...pad(lastCol - tc + 1, SUBTOTAL),
      ];
    }
    if (k === RowKind.Grand)
      return [
        ...labelled(c('รวมทั้งสิ้น', GRAND), c(`${counted} โครงการ`, GRAND), GRAND, countAt),
        ...years.map((y) => c(r.totals[y] ?? 0, GRAND_NUM_FIT)),
        ...pad(lastCol - tc + 1, GRAND),
      ];
    if (k === RowKind.Sign) return sign.rows[refs[i]];
    if (k === RowKind.Order) return [c(`หมายเหตุ: ${DEFAULT_ORDER_TH}`, NOTE)];
    return [
      c(
        `หมายเหตุ: ไม่นับยอด ${excluded} โครงการ (คอลัมน์ "นับยอด" ว่า "ไม่นับ": มีในแผนพัฒนาท้องถิ่นของ อปท. แล้ว หรือไม่นับตามตารางที่ส่งมา แสดงตัวเอียงสีเทา)`,
        NOTE,
      ),
    ];
  };

  return {
    name: NEEDS_SHEET,
    rowCount: count,
    width: header.length,
    rowAt,
    // Title lines centred over the printed columns; the signature block's halves.
    merges: [
      ...[...top.slice(0, headerRow).keys(), ...noteRows].map((rr) => ({ r1: rr, c1: 0, r2: rr, c2: printed - 1 })),
      // A group heading from โครงการ to the last printed column (ที่ stays its own cell, as in the rows).
      ...groupRows.map((rr) => ({ r1: rr, c1: NAME_AT, r2: rr, c2: printed - 1 })),
      ...sign.merges,
    ],
    colWidths,
    hiddenCols,
    freezeRows: headerRow + 1,
    table: lastTableRow > headerRow ? { headerRow, lastRow: lastTableRow, lastCol, name: 'NeedsTable' } : undefined,
    page: { orientation: 'landscape', fitWidth: true, columns: printed, footer: pageFooter() },
    fitRows: true,
    printTitleRows: [headerRow, headerRow],
    font: { ...DEFAULT_FONT },
  };
}

/**
 * A summary's two title rows merged across, and its two header rows (row 3–4): the label columns
 * merged down, then per year and for all years a project count and a budget column.
 */
function countBudgetHeader(years: number[], labels: string[], width: number): { header: OutCell[][]; merges: Range[] } {
  const h1: OutCell[] = labels.map((l) => c(l, HEADER));
  const h2: OutCell[] = labels.map(() => c(null, HEADER));
  const merges: Range[] = [
    { r1: 0, c1: 0, r2: 0, c2: width - 1 },
    { r1: 1, c1: 0, r2: 1, c2: width - 1 },
    ...labels.map((_, i) => ({ r1: 2, c1: i, r2: 3, c2: i })),
  ];
  const k = labels.length;
  [...years.map((y) => `ปี ${y}`), `รวม ${years.length} ปี`].forEach((label, i) => {
    h1.push(c(label, HEADER), c(null, HEADER));
    h2.push(c('จำนวนโครงการ', HEADER), c('งบประมาณ (บาท)', HEADER));
    merges.push({ r1: 2, c1: k + 2 * i, r2: 2, c2: k + 1 + 2 * i });
  });
  return { header: [h1, h2], merges };
}

/** A summary sheet as printed: signed at the end, its two header rows repeated on every page. */
function summaryOut(name: string, rows: OutCell[][], merges: Range[], colWidths: number[], width: number): OutSheet {
  const sign = signatureBlock(rows.length, colWidths, width);
  rows.push(...sign.rows);
  merges.push(...sign.merges);
  return {
    name,
    rows,
    merges,
    colWidths,
    freezeRows: 4,
    page: { orientation: orientationFor(printedWidth(colWidths)), fitWidth: true, footer: pageFooter() },
    fitRows: true,
    printTitleRows: [2, 3],
    font: { ...DEFAULT_FONT },
  };
}

function summarySheet(r: ConsolidateResult, o: NeedsWorkbookOptions, amounts: AmountStats): OutSheet {
  const years = r.years;
  const width = 1 + 2 * (years.length + 1);
  const rows: OutCell[][] = [];
  rows.push([c(`บัญชีสรุปแผนความต้องการของ${needsUnit(o, r)}`, TITLE)]);
  rows.push([c('จำนวนโครงการและงบประมาณ จำแนกตามประเด็นการพัฒนาจังหวัด (เฉพาะโครงการที่นับยอด)', { ...TITLE, size: 16 })]);
  const { header, merges } = countBudgetHeader(years, ['ประเด็นการพัฒนาจังหวัด'], width);
  rows.push(...header);
  const COUNT: CellStyle = { border: true, align: 'center', valign: 'top', numFmt: AMOUNT };
  const grand = { counts: years.map(() => 0), sums: years.map(() => 0), count: 0, sum: 0 };
  r.groups.forEach((g, gi) => {
    const counted = amounts.counted[gi];
    const counts = years.map((_, k) => amounts.asking[gi * years.length + k]);
    const sums = years.map((y) => g.totals[y] ?? 0);
    const sum = sums.reduce((a, b) => a + b, 0);
    const row: OutCell[] = [c(g.label, BODY)];
    years.forEach((_, i) => row.push(c(counts[i], COUNT), c(sums[i], NUM)));
    row.push(c(counted, COUNT), c(sum, NUM));
    rows.push(row);
    years.forEach((_, i) => {
      grand.counts[i] += counts[i];
      grand.sums[i] += sums[i];
    });
    grand.count += counted;
    grand.sum += sum;
  });
  const last: OutCell[] = [c('รวมทั้งสิ้น', GRAND)];
  years.forEach((_, i) => last.push(c(grand.counts[i], { ...GRAND, align: 'center' }), c(grand.sums[i], GRAND_NUM)));
  last.push(c(grand.count, { ...GRAND, align: 'center' }), c(grand.sum, GRAND_NUM));
  rows.push(last);
  // Widths: the counts' header ("จำนวนโครงการ") wraps in two lines, amounts as wide as the grand sum.
  const sumWidth = amountWidth(grand.sum, 12);
  const countWidth = 9;
  const labelWidth = Math.max(30, Math.min(50, PRINT_WIDTH_MAX - (years.length + 1) * (countWidth + sumWidth)));
  const colWidths = [labelWidth, ...Array.from({ length: width - 1 }, (_, i) => (i % 2 === 0 ? countWidth : sumWidth))];
  return summaryOut(SUMMARY_SHEET, rows, merges, colWidths, width);
}

/** The duplicate groups, a row per member, made row by row like the needs table. */
function duplicatesSheet(r: ConsolidateResult): StreamedSheet {
  const header = [
    'กลุ่มที่',
    'ความน่าจะซ้ำ',
    'การดำเนินการ',
    'ความคล้าย (%)',
    'โครงการ',
    'หมู่ที่',
    'ตำบล',
    'ไฟล์',
    'ชีต',
    'แถว',
    'งบประมาณที่ขอ (ยอดไม่ตรงกัน)',
  ];
  // Merged groups whose sources disagree: which source their need counts (the officer may have named another).
  const conflictOf = new Map<number, NonNullable<NeedsItem['conflict']>>();
  for (const it of r.items) if (it.conflict) conflictOf.set(it.id, it.conflict);
  const top: OutCell[][] = [[c('โครงการที่อาจซ้ำกัน', TITLE)], header.map((h) => c(h, HEADER))];
  let members = 0;
  for (const g of r.duplicates) members += g.items.length;
  // Row top.length + k is member k in group order; groupOf[k] its group.
  const groupOf = new Int32Array(members);
  const memberAt: Array<ConsolidateResult['duplicates'][number]['items'][number]> = [];
  r.duplicates.forEach((g, gi) => {
    for (const m of g.items) {
      groupOf[memberAt.length] = gi;
      memberAt.push(m);
    }
  });
  const none: OutCell[][] = r.duplicates.length ? [] : [[c('ไม่พบโครงการซ้ำ', { italic: true })]];
  const rowCount = top.length + members + none.length;
  const rowAt = (i: number): OutCell[] => {
    if (i < top.length) return top[i];
    const k = i - top.length;
    if (k >= members) return none[k - members];
    const gi = groupOf[k];
    const g = r.duplicates[gi];
    const m = memberAt[k];
    const conflict = g.conflict && m.itemId !== undefined ? conflictOf.get(m.itemId) : undefined;
    // Members of a conflict group are in their item's source order: the first of the group is source 1.
    let first = k;
    if (conflict) while (first > 0 && groupOf[first - 1] === gi) first--;
    const counted = conflict?.counted === k - first + 1;
    const action = g.localPlan
      ? g.confidence === 'possible'
        ? 'อาจมีในแผนพัฒนาท้องถิ่นแล้ว: ให้ตรวจสอบ'
        : 'มีในแผนพัฒนาท้องถิ่นแล้ว: ไม่นับยอด'
      : conflict
        ? `รวมเป็นรายการเดียว ${CONFLICT_TH}: ${counted ? `นับยอดแหล่งนี้ (${k - first + 1})` : `ไม่นับยอดแหล่งนี้ (${k - first + 1})`}${conflict.by === 'officer' ? ' ตามที่อำเภอระบุ' : ''}`
        : g.merged
          ? 'รวมเป็นรายการเดียว นับยอดครั้งเดียว'
          : 'ให้เจ้าหน้าที่ตรวจสอบ (ไม่รวม)';
    return [
      c(gi + 1, BODY_CENTER),
      c(CONFIDENCE_TH[g.confidence], BODY),
      c(action + (m.localPlan ? ' (แผนพัฒนาท้องถิ่น)' : ''), BODY),
      c(Math.round(g.similarity * 100), BODY_CENTER),
      c(text(m.name), BODY),
      c(m.village ?? '', BODY_CENTER),
      c(text(m.tambon), BODY),
      c(text(m.file), BODY),
      c(text(m.sheet), BODY),
      c(m.row, BODY_CENTER),
      c(m.budgets ? askText(m.budgets) : '', counted ? { ...BODY, bold: true } : BODY),
    ];
  };
  const last = rowCount - 1;
  return {
    name: DUPLICATES_SHEET,
    rowCount,
    width: header.length,
    rowAt,
    merges: [{ r1: 0, c1: 0, r2: 0, c2: header.length - 1 }],
    colWidths: [6, 12, 24, 8, 40, 6, 11, 30, 16, 6, 30],
    freezeRows: 2,
    table: r.duplicates.length ? { headerRow: 1, lastRow: last, lastCol: header.length - 1, name: 'DuplicatesTable' } : undefined,
    page: { orientation: 'landscape', fitWidth: true, footer: pageFooter() },
    fitRows: true,
    printTitleRows: [1, 1],
    font: { ...DEFAULT_FONT },
  };
}

const KIND_TH: Record<string, string> = {
  'local-plan': 'ผ.02',
  'local-plan-beyond': 'ผ.02/2',
  'local-plan-summary': 'ผ.01',
  'tambon-plan': 'แผนพัฒนาตำบล',
  'village-plan': 'แผนพัฒนาหมู่บ้าน',
  'district-needs': 'แผนความต้องการอำเภอ',
  'district-plan': 'แผนพัฒนาอำเภอ',
  'needs-summary': 'สรุปแผนความต้องการ',
  strategies: 'ยุทธศาสตร์',
  calendar: 'ปฏิทิน',
  other: 'อื่น ๆ',
};

function sourcesSheet(r: ConsolidateResult): OutSheet {
  // Printed: ที่ … หมายเหตุ. Every sheet's line (a workbook may have 40) and the checksum are for
  // tracing and checking the files, outside the print area.
  const header = [
    'ที่',
    'ไฟล์',
    'สถานะ',
    'โครงการที่อ่าน',
    'นำเข้าแผนความต้องการ',
    'ข้อค้นพบจากการตรวจ',
    'หมายเหตุ',
    'ชีต (ประเภท: โครงการ)',
    'SHA-256',
  ];
  const rows: OutCell[][] = [[c('แหล่งข้อมูลที่รวบรวม', TITLE)], header.map((h) => c(h, HEADER))];
  r.inputs.forEach((inp, i) => {
    const sheets = inp.sheets
      .map(
        (s) =>
          `${s.name} (${s.formCode ?? KIND_TH[s.kind] ?? s.kind}: ${s.projects}${s.taken !== s.projects && s.taken ? `, นำเข้า ${s.taken}` : ''})${s.note ? ` — ${s.note}` : ''}`,
      )
      .join('\n');
    rows.push([
      c(i + 1, BODY_CENTER),
      c(text(inp.file), BODY),
      c(STATUS_TH[inp.status], inp.status === 'failed' ? { ...BODY, color: 'C00000', bold: true } : BODY),
      c(inp.projects, BODY_CENTER),
      c(inp.taken, BODY_CENTER),
      c(inp.findings ?? '', BODY_CENTER),
      c(text(inp.error ? `${inp.error.message} (${inp.error.code})` : inp.note), BODY),
      c(sheets, BODY),
      c(text(inp.checksum), { ...BODY, size: 11 }),
    ]);
  });
  return {
    name: SOURCES_SHEET,
    rows,
    merges: [{ r1: 0, c1: 0, r2: 0, c2: header.length - 1 }],
    colWidths: [5, 44, 12, 10, 12, 10, 52, 50, 36],
    freezeRows: 2,
    table: r.inputs.length ? { headerRow: 1, lastRow: rows.length - 1, lastCol: header.length - 1, name: 'SourcesTable' } : undefined,
    page: { orientation: 'landscape', fitWidth: true, columns: header.length - 2, footer: pageFooter() },
    fitRows: true,
    printTitleRows: [1, 1],
    font: { ...DEFAULT_FONT },
  };
}

const SENDER_STATUS_TH = { received: 'ส่งแล้ว', unreadable: 'ส่งมาแล้วแต่ใช้ไม่ได้', missing: 'ยังไม่ส่ง' } as const;

/**
 * Who has not sent: the roster in its order, each with its status, due date, days late and the files matched
 * to it. A province's senders are its districts.
 */
function followUpSheet(r: ConsolidateResult, o: NeedsWorkbookOptions): OutSheet | undefined {
  const s = r.senders;
  if (!s) return undefined;
  const header = ['ที่', isProvinceTable(o, r) ? 'อำเภอ' : 'ตำบล / อปท.', 'สถานะ', 'กำหนดส่ง', 'ล่าช้า (วัน)', 'ไฟล์ที่ได้รับ'];
  const rows: OutCell[][] = [
    [c('ติดตามการส่งแผน', TITLE)],
    [
      c(`ส่งแล้ว ${s.received.length} · ส่งมาแล้วแต่ใช้ไม่ได้ ${s.unreadable.length} · ยังไม่ส่ง ${s.missing.length} จาก ${s.expected.length} แห่ง`, {
        align: 'center',
        italic: true,
      }),
    ],
    header.map((h) => c(h, HEADER)),
  ];
  s.entries.forEach((e, i) => {
    const style = e.status === 'received' ? BODY : { ...BODY, color: 'C00000', bold: true };
    const status = SENDER_STATUS_TH[e.status] + (e.reason ? `: ${e.reason}` : '');
    const due = e.due ? formatThaiDateShort(e.due, { fullYear: true }) : '';
    const late = e.daysLate ? c(e.daysLate, { ...BODY_CENTER, color: 'C00000', bold: true }) : c(e.daysLate ?? '', BODY_CENTER);
    rows.push([c(i + 1, BODY_CENTER), c(e.name, BODY), c(status, style), c(due, BODY_CENTER), late, c(e.files.join('\n'), BODY)]);
  });
  return {
    name: FOLLOWUP_SHEET,
    rows,
    merges: [0, 1].map((rr) => ({ r1: rr, c1: 0, r2: rr, c2: header.length - 1 })),
    colWidths: [6, 36, 50, 14, 10, 50],
    freezeRows: 3,
    table: s.entries.length ? { headerRow: 2, lastRow: rows.length - 1, lastCol: header.length - 1, name: 'FollowUpTable' } : undefined,
    page: { orientation: 'landscape', fitWidth: true },
    font: { ...DEFAULT_FONT },
  };
}

/** Needs of the previous table that this run no longer has, for the officer to check. */
function vanishedSheet(r: ConsolidateResult): OutSheet | undefined {
  const v = r.merge?.vanished;
  if (!v?.length) return undefined;
  const header = ['ที่', 'โครงการ', 'ลำดับความสำคัญของอำเภอ (เดิม)', 'แถวในตารางเดิม', 'ที่มา (เดิม)'];
  const rows: OutCell[][] = [[c('รายการในตารางเดิมที่ไม่มีในการรวบรวมครั้งนี้', TITLE)], header.map((h) => c(h, HEADER))];
  v.forEach((x, i) =>
    rows.push([c(i + 1, BODY_CENTER), c(x.name, BODY), c(x.rank, BODY_CENTER), c(x.row, BODY_CENTER), c(x.source, BODY)]),
  );
  return {
    name: VANISHED_SHEET,
    rows,
    merges: [{ r1: 0, c1: 0, r2: 0, c2: header.length - 1 }],
    colWidths: [6, 44, 14, 12, 44],
    freezeRows: 2,
    page: { orientation: 'landscape', fitWidth: true },
    font: { ...DEFAULT_FONT },
  };
}

/** The province's returned decisions that match no need of the district's table: listed, never dropped. */
function unmatchedDecisionsSheet(r: ConsolidateResult): OutSheet | undefined {
  const u = r.returned?.unmatched;
  if (!u?.length) return undefined;
  const header = ['ที่', 'โครงการ', 'หมู่ที่', 'ตำบล', 'ผลการพิจารณาของจังหวัด', 'ไฟล์', 'ชีต', 'แถว', 'ที่มา', 'เหตุที่ไม่ได้ใส่ในตาราง'];
  const rows: OutCell[][] = [[c('ผลการพิจารณาของจังหวัดที่ไม่พบรายการในตารางของอำเภอ', TITLE)], header.map((h) => c(h, HEADER))];
  u.forEach((d, i) =>
    rows.push([
      c(i + 1, BODY_CENTER),
      c(d.name, BODY),
      c(d.village ?? '', BODY_CENTER),
      c(text(d.tambon), BODY),
      c(d.decision.text, BODY),
      c(d.file, BODY),
      c(d.sheet, BODY),
      c(d.row, BODY_CENTER),
      c(d.sources.join('\n'), BODY),
      c(d.message, BODY),
    ]),
  );
  return {
    name: UNMATCHED_DECISIONS_SHEET,
    rows,
    merges: [{ r1: 0, c1: 0, r2: 0, c2: header.length - 1 }],
    colWidths: [6, 40, 6, 11, 34, 30, 16, 6, 40, 44],
    freezeRows: 2,
    page: { orientation: 'landscape', fitWidth: true },
    font: { ...DEFAULT_FONT },
  };
}

/**
 * A province's summary by district × provincial issue: per district, a row per issue with its counted
 * needs and budgets per year, the district's total, and the province's total (the districts' sum).
 */
function districtSummarySheet(r: ConsolidateResult, o: NeedsWorkbookOptions): OutSheet {
  const years = r.years;
  const width = 2 + 2 * (years.length + 1);
  const rows: OutCell[][] = [
    [c(`บัญชีสรุปแผนความต้องการของ${needsUnit(o, r)} จำแนกตามอำเภอ`, TITLE)],
    [c('จำนวนโครงการและงบประมาณ จำแนกตามอำเภอและประเด็นการพัฒนาจังหวัด (เฉพาะโครงการที่นับยอด)', { ...TITLE, size: 16 })],
  ];
  const { header, merges } = countBudgetHeader(years, ['อำเภอ', 'ประเด็นการพัฒนาจังหวัด'], width);
  rows.push(...header);
  const COUNT: CellStyle = { border: true, align: 'center', valign: 'top', numFmt: AMOUNT };
  // One pass over the items (a country's table has a million): counts and sums per year, then the
  // all-years count and sum, per district × issue group, per district, and for the whole table.
  type Tally = { counts: number[]; sums: number[] };
  const tally = (): Tally => ({ counts: Array(years.length + 1).fill(0), sums: Array(years.length + 1).fill(0) });
  const add = (t: Tally, it: NeedsItem): void => {
    if (!it.inTotals) return;
    t.counts[years.length]++;
    years.forEach((y, k) => {
      const v = it.budgets[y] ?? 0;
      if (v > 0) t.counts[k]++;
      t.sums[k] += v;
      t.sums[years.length] += v;
    });
  };
  const NONE = 'ไม่ระบุอำเภอ';
  const perDistrict = new Map<string, { first: number; total: Tally; byGroup: Map<number, Tally> }>();
  const all = tally();
  r.groups.forEach((g, gi) => {
    for (const it of g.items) {
      const d = it.district || NONE;
      let e = perDistrict.get(d);
      if (!e) perDistrict.set(d, (e = { first: it.id, total: tally(), byGroup: new Map() }));
      e.first = Math.min(e.first, it.id);
      let t = e.byGroup.get(gi);
      if (!t) e.byGroup.set(gi, (t = tally()));
      add(t, it);
      add(e.total, it);
      add(all, it);
    }
  });
  const line = (a: string, b: string, t: Tally, style: CellStyle, numStyle: CellStyle, countStyle: CellStyle): OutCell[] => {
    const row: OutCell[] = [c(a, style), c(b, style)];
    t.counts.forEach((n, i) => row.push(c(n, countStyle), c(t.sums[i], numStyle)));
    return row;
  };
  // Districts in the order received; issues in the table's order.
  for (const [d, e] of [...perDistrict.entries()].sort((x, y) => x[1].first - y[1].first)) {
    for (const [gi, t] of [...e.byGroup.entries()].sort((x, y) => x[0] - y[0])) rows.push(line(d, r.groups[gi].label, t, BODY, NUM, COUNT));
    rows.push(line(d, `รวม ${d}`.slice(0, 40), e.total, SUBTOTAL, SUBTOTAL_NUM, { ...SUBTOTAL, align: 'center' }));
  }
  rows.push(line('รวมทั้งสิ้น', '', all, GRAND, GRAND_NUM_FIT, { ...GRAND, align: 'center' }));
  // As the summary by issue: counts' headers wrap, amounts as wide as a district's largest sum.
  let widest = 0;
  for (const e of perDistrict.values()) widest = Math.max(widest, ...e.total.sums);
  const sumWidth = amountWidth(widest, 12);
  const countWidth = 9;
  const rest = Math.max(40, PRINT_WIDTH_MAX - (years.length + 1) * (countWidth + sumWidth));
  const colWidths = [
    Math.floor(rest * 0.4),
    Math.ceil(rest * 0.6),
    ...Array.from({ length: width - 2 }, (_, i) => (i % 2 === 0 ? countWidth : sumWidth)),
  ];
  return summaryOut(DISTRICT_SUMMARY_SHEET, rows, merges, colWidths, width);
}

const present = <T>(x: T | undefined): x is T => x !== undefined;

/** The summaries: by provincial issue, and for a province's table also by district. */
function summarySheets(r: ConsolidateResult, o: NeedsWorkbookOptions, amounts: AmountStats): OutSheet[] {
  return isProvinceTable(o, r) ? [summarySheet(r, o, amounts), districtSummarySheet(r, o)] : [summarySheet(r, o, amounts)];
}

/** The sheets to write (xlsx file or new worksheets in the open workbook): needs, summaries, duplicates, sources; follow-up and vanished ones when there are any. */
export function needsWorkbook(r: ConsolidateResult, options: NeedsWorkbookOptions = {}): OutWorkbook {
  const amounts = amountStats(r);
  const o = decided(options, r);
  return {
    sheets: [
      materialise(needsSheet(r, o, amounts)),
      ...summarySheets(r, o, amounts),
      materialise(duplicatesSheet(r)),
      sourcesSheet(r),
      followUpSheet(r, o),
      vanishedSheet(r),
      unmatchedDecisionsSheet(r),
    ].filter(present),
  };
}

/**
 * The same sheets for the .xlsx writer, the needs and duplicates tables made row by row as they
 * are written (a national table held whole was ~700 MB of cell objects on top of the result).
 */
export function needsFileWorkbook(r: ConsolidateResult, options: NeedsWorkbookOptions = {}): FileWorkbook {
  const amounts = amountStats(r);
  const o = decided(options, r);
  return {
    sheets: [
      needsSheet(r, o, amounts),
      ...summarySheets(r, o, amounts),
      duplicatesSheet(r),
      sourcesSheet(r),
      followUpSheet(r, o),
      vanishedSheet(r),
      unmatchedDecisionsSheet(r),
    ].filter(present),
  };
}
