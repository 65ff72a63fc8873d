/**
 * Every Excel (Office.js) call of the add-in lives in this module; the task pane receives these
 * functions as props. Each function takes an optional `run` (default `Excel.run`) so tests pass the
 * in-memory fake's `run` (test/office/fakeExcel.ts).
 *
 * Requirement sets: the manifest declares ExcelApi 1.4 (the minimum for getItemOrNullObject,
 * getUsedRangeOrNullObject, workbook.settings and defined names with comments). Newer sets are
 * detected at run time with Office.context.requirements.isSetSupported and degrade:
 *   1.7  workbook.name, freeze panes                 → 'Workbook', no freeze
 *   1.9  pageLayout, autofilter, fill.pattern, shapes → no page setup, table-only, white = no fill, no text boxes
 *   1.13 getMergedAreasOrNullObject                  → merges not read (engine sees blank cells)
 *
 * Sync budget (each `context.sync` is a round trip; on Excel on the web a request must stay < 5 MB):
 *   readWorkbook / readWorksheet: 2 syncs (+1 only if the sheets hold text-capable shapes), whatever the size;
 *     on Excel on the web, whose responses must also stay < 5 MB, 2 + one sync per block of cells
 *     (blocks sized from the bytes the previous block really took; small sheets share one block sync)
 *   writeSheet: 1 read sync + 1 sync per value chunk (chunks ≤ CHUNK_BYTES estimated) + format syncs (1 unless huge)
 *   highlightCells / clearHighlights: 3 syncs up to 2,000 cells, +1 per further block of 2,000 (web limit);
 *     selectCell: 1; applyFix: 2
 *
 * Text safety (writeSheet, applyFix): Excel parses `range.values` like typed input ("=…", "+…", "-…",
 * "@…" become formulas; "001", "1/2", "TRUE", "#N/A" become numbers, dates, booleans, errors). A string
 * that Excel would parse is written with a leading apostrophe, Excel's own "quote prefix": the cell
 * then holds exactly the string (values/text have no apostrophe), keeps the General format, and later
 * edits by the officer behave normally. (Alternative rejected: numberFormat '@' on those cells makes
 * every later edit of the cell text too.) Cells whose style asks for numFmt '@' are written raw,
 * because in a Text-formatted cell Excel keeps input literally (an apostrophe would stay visible).
 */
import { DEFAULT_FONT, type CellStyle, type OutCell, type OutSheet } from '../engine/output';
import type { Cell, Range, SheetModel, TextBox, WorkbookModel } from '../engine/model';
import type { Finding } from '../engine/validate/findings';
import { colLetter } from '../engine/model';
import {
  columnsRef,
  intersects,
  namedItemTagStore,
  parseRangeRef,
  rangeRef,
  splitAddressList,
  splitSheetAddress,
  type TagStore,
} from './tags';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real thing. Referenced lazily so this module can be imported where `Excel` is not defined. */
export const excelRun: ExcelRun = (batch) => Excel.run(batch);

// ---------------------------------------------------------------------------------------------
// Requirement sets
// ---------------------------------------------------------------------------------------------

export const MIN_EXCEL_API = '1.4';
const PROBE_VERSIONS = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '1.17', '1.18', '1.19', '1.20'];

export interface ApiSupport {
  /** Supported ExcelApi versions, e.g. ['1.1', …, '1.13']. */
  sets: string[];
  /** 1.7: workbook.name. */
  workbookName: boolean;
  /** 1.7: worksheet.freezePanes. */
  freezePanes: boolean;
  /** 1.9: worksheet.pageLayout (A4, orientation, fit to width, print titles). */
  pageLayout: boolean;
  /** 1.9: worksheet.autoFilter. */
  autoFilter: boolean;
  /** 1.9: fill.pattern / patternColor (tells "no fill" from a white fill). */
  fillPattern: boolean;
  /** 1.9: worksheet.shapes (text boxes). */
  shapes: boolean;
  /** 1.12: worksheet.customProperties (not used by the default tag store). */
  customProperties: boolean;
  /** 1.13: range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
}

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Feature detection; without Office (node, tests without the fake's global) only the minimum set. */
export function detectApi(requirements?: Requirements): ApiSupport {
  const req = requirements ?? officeRequirements();
  const sets = req
    ? PROBE_VERSIONS.filter((v) => safe(() => req.isSetSupported('ExcelApi', v)))
    : PROBE_VERSIONS.slice(0, PROBE_VERSIONS.indexOf(MIN_EXCEL_API) + 1);
  const has = (v: string) => sets.includes(v);
  return {
    sets,
    workbookName: has('1.7'),
    freezePanes: has('1.7'),
    pageLayout: has('1.9'),
    autoFilter: has('1.9'),
    fillPattern: has('1.9'),
    shapes: has('1.9'),
    customProperties: has('1.12'),
    mergedAreas: has('1.13'),
  };
}

function officeRequirements(): Requirements | undefined {
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  return office?.context?.requirements;
}

function safe(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export interface ReadOptions {
  /**
   * Response budget per sync for cell blocks, in estimated bytes; 0 = load every used range at once.
   * Default: READ_BLOCK_BYTES on Excel on the web, 0 elsewhere.
   */
  blockBytes?: number;
  /** Load number formats into Cell.z (default true). */
  numberFormat?: boolean;
  /** readWorkbook: also read sheets the add-in wrote (reports, calendars). Default false. */
  includeOurSheets?: boolean;
  /** Tag store (tests may substitute). */
  tags?: TagStore;
}

/** Read every worksheet (except the add-in's own output sheets) in a fixed number of syncs. */
export async function readWorkbook(run: ExcelRun = excelRun, opts: ReadOptions = {}): Promise<WorkbookModel> {
  return readSheets(run, { all: true }, opts);
}

/** Read one worksheet (the active one when `name` is omitted). */
export async function readWorksheet(name?: string, run: ExcelRun = excelRun, opts: ReadOptions = {}): Promise<SheetModel> {
  const wb = await readSheets(run, { all: false, name }, { ...opts, includeOurSheets: true });
  return wb.sheets[0];
}

/**
 * Excel on the web rejects a response over 5 MB. Blocks are sized to 2 MB by our estimate (UTF-8
 * lengths), leaving room for JSON escaping and the properties' own overhead.
 */
export const READ_BLOCK_BYTES = 2_000_000;
/** Assumed bytes per cell before the first block has been measured (5 properties, Thai text). */
const FIRST_GUESS_CELL_BYTES = 400;

/** Is the host Excel on the web? (Office.context.platform; older hosts: diagnostics.platform) */
export function onTheWeb(): boolean {
  const ctx = (globalThis as { Office?: { context?: { platform?: unknown; diagnostics?: { platform?: unknown } } } }).Office?.context;
  const p = ctx?.platform ?? ctx?.diagnostics?.platform;
  return p === 'OfficeOnline';
}

const TEXT_SHAPE_TYPES = new Set(['TextBox', 'GeometricShape']);
/** Text boxes are located by loading row tops / column lefts of the first rows and columns. */
const SHAPE_GRID_ROWS = 200;
const SHAPE_GRID_COLS = 60;

async function readSheets(run: ExcelRun, which: { all: true } | { all: false; name?: string }, opts: ReadOptions): Promise<WorkbookModel> {
  const api = detectApi();
  const tags = opts.tags ?? namedItemTagStore;
  const withFormat = opts.numberFormat !== false;
  return run(async (context) => {
    const wb = context.workbook;
    // Sync 1: the worksheet list (+ workbook name, our tags, the active sheet).
    const sheets = wb.worksheets;
    sheets.load('items/name,items/visibility');
    if (api.workbookName) wb.load('name');
    const readTags = which.all && !opts.includeOurSheets ? tags.load(context) : undefined;
    const active = !which.all && which.name === undefined ? sheets.getActiveWorksheet().load('name') : undefined;
    await context.sync();

    const ours = new Set((readTags?.() ?? []).map((t) => t.sheet?.toLowerCase()).filter(Boolean));
    let targets: Excel.Worksheet[];
    if (which.all) targets = sheets.items.filter((s) => !ours.has(s.name.toLowerCase()));
    else {
      const want = (which.name ?? active!.name).toLowerCase();
      targets = sheets.items.filter((s) => s.name.toLowerCase() === want);
      if (targets.length === 0) throw new Error(`Worksheet not found: ${which.name}`);
    }

    // Sync 2: used ranges (values, text, formulas, types, formats; on the web only their size),
    // merged areas, shapes.
    const blockBytes = opts.blockBytes ?? (onTheWeb() ? READ_BLOCK_BYTES : 0);
    const cellProps = ['values', 'text', 'formulas', 'valueTypes'];
    if (withFormat) cellProps.push('numberFormat');
    const props = ['rowIndex', 'columnIndex', 'rowCount', 'columnCount', ...(blockBytes ? [] : cellProps)];
    const loads = targets.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(props.join(','));
      const merged = api.mergedAreas ? ws.getRange().getMergedAreasOrNullObject() : undefined;
      merged?.load('address');
      const shapes = api.shapes ? ws.shapes : undefined;
      shapes?.load('items/type,items/top,items/left');
      return { ws, used, merged, shapes };
    });
    await context.sync();

    // Sync 3 (only when some sheet has text-capable shapes): shape text and the grid to place it.
    const shapeLoads = loads.map(({ ws, shapes }) => {
      const textShapes = shapes ? shapes.items.filter((s) => TEXT_SHAPE_TYPES.has(s.type)) : [];
      if (textShapes.length === 0) return undefined;
      const ranges = textShapes.map((s) => s.textFrame.textRange.load('text'));
      const rowTops = Array.from({ length: SHAPE_GRID_ROWS }, (_, r) => ws.getRange(`A${r + 1}`).load('top'));
      const colLefts = Array.from({ length: SHAPE_GRID_COLS }, (_, c) => ws.getRange(`${colLetter(c)}1`).load('left'));
      return { textShapes, ranges, rowTops, colLefts };
    });
    if (shapeLoads.some(Boolean)) await context.sync();

    const cells = blockBytes ? await readInBlocks(context, loads, cellProps.join(','), blockBytes) : undefined;

    const out: SheetModel[] = loads.map(({ ws, used, merged }, i) => {
      const merges: Range[] = [];
      if (merged && !merged.isNullObject) {
        for (const part of splitAddressList(merged.address)) {
          const r = parseRangeRef(splitSheetAddress(part).local);
          if (r) merges.push(r);
        }
      }
      const textBoxes: TextBox[] = [];
      const sl = shapeLoads[i];
      if (sl) {
        const tops = sl.rowTops.map((r) => r.top);
        const lefts = sl.colLefts.map((r) => r.left);
        sl.textShapes.forEach((shape, k) => {
          const text = sl.ranges[k].text;
          if (text && text.trim()) textBoxes.push({ text, row: gridIndex(tops, shape.top), col: gridIndex(lefts, shape.left) });
        });
      }
      const model: SheetModel = { name: ws.name, rows: cells ? cells[i] : usedRows(used, withFormat), merges, textBoxes };
      if (ws.visibility !== 'Visible') model.hidden = true;
      return model;
    });
    return { name: api.workbookName ? wb.name : 'Workbook', sheets: out };
  });
}

/** Last grid line at or before `pos` (points), 0-based. */
function gridIndex(starts: number[], pos: number): number {
  let idx = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i] <= pos + 0.5) idx = i;
  return idx;
}

function usedRows(used: Excel.Range, withFormat: boolean): SheetModel['rows'] {
  const rows: SheetModel['rows'] = [];
  if (!used.isNullObject) addCells(rows, used.rowIndex, used.columnIndex, used, withFormat ? used.numberFormat : undefined);
  return rows;
}

type CellArrays = Pick<Excel.Range, 'values' | 'text' | 'formulas' | 'valueTypes'>;

/** Loaded cell arrays of a range whose top-left cell is (rowIndex, columnIndex) → model rows. */
function addCells(rows: SheetModel['rows'], rowIndex: number, columnIndex: number, r: CellArrays, formats: unknown[][] | undefined): void {
  const { values, text, formulas, valueTypes } = r;
  for (let i = 0; i < values.length; i++) {
    let row: Array<Cell | undefined> | undefined;
    for (let j = 0; j < values[i].length; j++) {
      const cell = toCell(values[i][j], text[i]?.[j], formulas[i]?.[j], valueTypes[i]?.[j], formats?.[i]?.[j]);
      if (!cell) continue;
      row ??= [];
      row[columnIndex + j] = cell;
    }
    if (row) rows[rowIndex + i] = row;
  }
}

/** UTF-8 bytes of a loaded cell array, roughly as JSON (Thai: 3 bytes a character). */
function approxBytes(grid: unknown[][] | undefined): number {
  let n = 0;
  if (!grid) return n;
  for (const row of grid) for (const v of row) n += (typeof v === 'string' ? v.length * 3 : 12) + 3;
  return n;
}

/**
 * Cell blocks of every used range, each sync's estimated response under `budget`: the first guess
 * is FIRST_GUESS_CELL_BYTES a cell, then the largest bytes per cell measured so far (×1.25).
 */
async function readInBlocks(
  context: Excel.RequestContext,
  loads: Array<{ ws: Excel.Worksheet; used: Excel.Range }>,
  props: string,
  budget: number,
): Promise<Array<SheetModel['rows']>> {
  const out: Array<SheetModel['rows']> = loads.map(() => []);
  const todo = loads
    .map(({ used }, i) => (used.isNullObject ? undefined : { i, next: 0, rows: used.rowCount, cols: used.columnCount, r0: used.rowIndex, c0: used.columnIndex }))
    .filter((t): t is NonNullable<typeof t> => !!t);
  let perCell = FIRST_GUESS_CELL_BYTES;
  let maxSeen = 0;
  while (todo.length) {
    let left = budget;
    const batch: Array<{ i: number; r0: number; c0: number; cells: number; range: Excel.Range }> = [];
    while (todo.length) {
      const t = todo[0];
      const fit = Math.floor(left / (t.cols * perCell));
      if (fit < 1 && batch.length) break;
      const n = Math.max(1, Math.min(t.rows - t.next, fit));
      const r0 = t.r0 + t.next;
      const addr = `${colLetter(t.c0)}${r0 + 1}:${colLetter(t.c0 + t.cols - 1)}${r0 + n}`;
      const range = loads[t.i].ws.getRange(addr).load(props);
      batch.push({ i: t.i, r0, c0: t.c0, cells: n * t.cols, range });
      left -= n * t.cols * perCell;
      t.next += n;
      if (t.next >= t.rows) todo.shift();
    }
    await context.sync();
    let bytes = 0;
    let cells = 0;
    for (const b of batch) {
      const formats = props.includes('numberFormat') ? b.range.numberFormat : undefined;
      addCells(out[b.i], b.r0, b.c0, b.range, formats);
      bytes += approxBytes(b.range.values) + approxBytes(b.range.text) + approxBytes(b.range.formulas) + approxBytes(b.range.valueTypes) + approxBytes(formats);
      cells += b.cells;
    }
    if (cells) {
      maxSeen = Math.max(maxSeen, bytes / cells);
      perCell = Math.max(16, maxSeen * 1.25);
    }
  }
  return out;
}

/** One Office.js cell → model Cell (undefined for empty). Exported for tests. */
export function toCell(value: unknown, text: string | undefined, formula: unknown, type: string | undefined, numberFormat?: unknown): Cell | undefined {
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && !(typeof value === 'string' && value === formula);
  const f = isFormula ? (formula as string).slice(1) : undefined;
  const z = typeof numberFormat === 'string' && numberFormat !== 'General' && numberFormat !== '' ? numberFormat : undefined;
  const w = text ?? (value === null || value === undefined ? '' : String(value));
  const extra = (c: Cell): Cell => {
    if (f !== undefined) c.f = f;
    if (z !== undefined) c.z = z;
    return c;
  };
  if (type === 'Empty' || value === '' || value === null || value === undefined) {
    return f !== undefined ? extra({ v: null, t: 'z', w: '' }) : undefined;
  }
  if (type === 'Error') return extra({ v: String(value), t: 'e', w: w || String(value) });
  if (typeof value === 'number') return extra({ v: value, t: 'n', w: /^#+$/.test(w) ? formatNumberFallback(value, z) : w });
  if (typeof value === 'boolean') return extra({ v: value, t: 'b', w });
  const s = String(value);
  if (type === undefined && /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(s)) return extra({ v: s, t: 'e', w: s });
  return extra({ v: s, t: 's', w });
}

/** `range.text` shows "####" when a column is too narrow: rebuild a plausible display text. */
function formatNumberFallback(v: number, z: string | undefined): string {
  if (z && z.includes('#,##0')) {
    const dec = /#,##0\.(0+)/.exec(z)?.[1].length ?? 0;
    return v.toLocaleString('en-US', { minimumFractionDigits: dec, maximumFractionDigits: dec });
  }
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** Estimated request budget per sync (Excel on the web rejects requests over 5 MB; we keep < 4 MB). */
export const CHUNK_BYTES = 3_000_000;

/** True when Excel would not keep `s` as typed text (formula, number, date, boolean, error...). */
export function needsQuotePrefix(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@'\t\r\n]/.test(s)) return true;
  const t = s.trim();
  if (t === '') return false;
  if (t !== s && needsQuotePrefix(t)) return true;
  if (/^[\d.,(%$€£¥฿]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (t.startsWith('#')) return true;
  if (/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i.test(t)) return true;
  return false;
}

/** A value as Excel input: strings quote-prefixed when needed, unless the cell is Text-formatted. */
export function toExcelInput(v: string | number | boolean | null | undefined, textFormatted = false): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (textFormatted) return v;
  return needsQuotePrefix(v) ? `'${v}` : v;
}

export interface WriteOptions {
  /** Which earlier output this replaces (default: the sheet name). Only sheets we tagged are replaced. */
  replaceTag?: string;
  /** Activate the new sheet at the end (default true). */
  activate?: boolean;
  tags?: TagStore;
}

export interface WriteResult {
  /** Name the sheet got (the wanted name, or "name (2)" when an officer's sheet holds it). */
  name: string;
  /** Name of our earlier sheet that was replaced, if any. */
  replaced: string | null;
  filter: 'table' | 'autofilter' | null;
  syncs: number;
  chunks: number;
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/** Free sheet name: `base`, else "base (2)", "base (3)"… within 31 characters. */
export function freeSheetName(base: string, taken: Set<string>): string {
  let clean = base.replace(INVALID_SHEET_CHARS, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'OnePlan';
  if (clean.toLowerCase() === 'history') clean = 'History (OnePlan)';
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = clean.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function effectiveStyle(sheet: OutSheet, r: number, cell: OutCell | undefined): CellStyle | undefined {
  const rowStyle = sheet.rowStyles?.[String(r)];
  const cellStyle = cell !== null && typeof cell === 'object' ? cell.style : undefined;
  if (!rowStyle) return cellStyle;
  if (!cellStyle) return rowStyle;
  return { ...rowStyle, ...cellStyle };
}

function cellInput(cell: OutCell | undefined, style: CellStyle | undefined): string | number | boolean {
  if (cell === undefined || cell === null) return '';
  if (typeof cell !== 'object') return toExcelInput(cell, style?.numFmt === '@');
  if (cell.formula) return '=' + cell.formula.replace(/^=/, '');
  return toExcelInput(cell.value, style?.numFmt === '@');
}

/** Conservative JSON size of a value: non-ASCII counted as a 6-byte \\uXXXX escape. */
function jsonBytes(v: string | number | boolean): number {
  if (typeof v !== 'string') return String(v).length + 1;
  let n = 3;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    n += c < 0x80 ? (c === 0x22 || c === 0x5c || c < 0x20 ? 2 : 1) : 6;
  }
  return n;
}

type StyleKey = string;
const FORMAT_KEYS = ['bold', 'italic', 'size', 'color', 'fill', 'align', 'valign', 'wrap', 'shrink', 'border'] as const;

function formatKey(style: CellStyle | undefined): StyleKey {
  if (!style) return '';
  const parts: string[] = [];
  for (const k of FORMAT_KEYS) if (style[k] !== undefined && style[k] !== false) parts.push(`${k}=${String(style[k])}`);
  return parts.join(';');
}

/** Group cells of equal formatting into rectangles: runs per row, then runs merged down. */
export function styleRects(sheet: OutSheet, nCols: number): Array<{ range: Range; style: CellStyle }> {
  const out: Array<{ range: Range; style: CellStyle }> = [];
  let open = new Map<string, { range: Range; style: CellStyle }>();
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const width = sheet.rowStyles?.[String(r)] ? nCols : row.length;
    const next = new Map<string, { range: Range; style: CellStyle }>();
    let c = 0;
    while (c < width) {
      const style = effectiveStyle(sheet, r, row[c]);
      const key = formatKey(style);
      let c2 = c;
      while (c2 + 1 < width && formatKey(effectiveStyle(sheet, r, row[c2 + 1])) === key) c2++;
      if (key) {
        const id = `${c},${c2},${key}`;
        const prev = open.get(id);
        if (prev && prev.range.r2 === r - 1) {
          prev.range.r2 = r;
          next.set(id, prev);
          open.delete(id);
        } else {
          const rect = { range: { r1: r, c1: c, r2: r, c2 }, style: style! };
          out.push(rect);
          next.set(id, rect);
        }
      }
      c = c2 + 1;
    }
    open = next;
  }
  return out;
}

/** Column width in characters → Office.js points (Excel's max-digit-width 7 px of the Normal font). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const ALIGN_H = { left: 'Left', center: 'Center', right: 'Right' } as const;
const ALIGN_V = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;

/**
 * Create a new worksheet from `sheet`. Replaces only our own earlier sheet with the same tag
 * (`opts.replaceTag`, default the sheet name); an officer's sheet with the wanted name is never
 * touched — the new sheet is named "name (2)".
 */
export async function writeSheet(sheet: OutSheet, opts: WriteOptions = {}, run: ExcelRun = excelRun): Promise<WriteResult> {
  const api = detectApi();
  const tags = opts.tags ?? namedItemTagStore;
  const tag = opts.replaceTag ?? sheet.name;
  return run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const wb = context.workbook;

    // Sync 1: worksheet names/positions, our tags, table and defined names.
    const sheets = wb.worksheets;
    sheets.load('items/name,items/position');
    // A collection's items are rebuilt by every load, so load names before the tag store (which
    // loads a superset of properties on the same collection), never after it.
    const names = wb.names;
    names.load('items/name');
    const readTags = tags.load(context);
    const tables = wb.tables;
    tables.load('items/name,items/worksheet/name');
    await sync();

    const all = readTags();
    const mine = all.filter((t) => t.tag === tag);
    const byName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
    const oldEntry = mine.find((t) => t.sheet !== null && byName.has(t.sheet.toLowerCase()));
    const old = oldEntry ? byName.get(oldEntry.sheet!.toLowerCase())! : undefined;
    const taken = new Set(sheets.items.filter((s) => s !== old).map((s) => s.name.toLowerCase()));
    const finalName = freeSheetName(sheet.name, taken);
    taken.add(finalName.toLowerCase());

    // Setup (rides on the first chunk's sync): create under a temporary name, drop our old sheet
    // and our tags for this output, rename, tag, default font.
    const tmpName = freeSheetName('~OnePlan', new Set([...taken, ...byName.keys()]));
    const ws = sheets.add(tmpName);
    for (const t of mine) tags.untag(context, t);
    // Also drop stale tags of sheets that no longer exist.
    for (const t of all) if (t.tag !== tag && t.sheet === null) tags.untag(context, t);
    if (old) {
      const position = old.position;
      old.delete();
      ws.position = position;
    }
    ws.name = finalName;
    tags.tag(context, ws, tag);
    const font = sheet.font ?? DEFAULT_FONT;
    const whole = ws.getRange();
    whole.format.font.name = font.name;
    whole.format.font.size = font.size;

    // Values (and number formats) in row chunks under CHUNK_BYTES each, one sync per chunk.
    const nCols = sheet.rows.reduce((n, r) => Math.max(n, r.length), 1);
    const anyNumFmt =
      Object.values(sheet.rowStyles ?? {}).some((s) => s.numFmt) ||
      sheet.rows.some((row) => row.some((c) => c !== null && typeof c === 'object' && c.style?.numFmt));
    let chunks = 0;
    let r0 = 0;
    const lastCol = colLetter(nCols - 1);
    while (r0 < sheet.rows.length || chunks === 0) {
      const values: Array<Array<string | number | boolean>> = [];
      const formats: string[][] = [];
      let bytes = 200;
      let r = r0;
      while (r < sheet.rows.length) {
        const row = sheet.rows[r];
        const vals: Array<string | number | boolean> = new Array(nCols);
        const fmts: string[] = anyNumFmt ? new Array(nCols) : [];
        let rowBytes = 4;
        for (let c = 0; c < nCols; c++) {
          const style = effectiveStyle(sheet, r, row[c]);
          const v = cellInput(row[c], style);
          vals[c] = v;
          rowBytes += jsonBytes(v);
          if (anyNumFmt) {
            fmts[c] = style?.numFmt ?? 'General';
            rowBytes += jsonBytes(fmts[c]);
          }
        }
        if (values.length > 0 && bytes + rowBytes > CHUNK_BYTES) break;
        values.push(vals);
        if (anyNumFmt) formats.push(fmts);
        bytes += rowBytes;
        r++;
      }
      if (values.length > 0) {
        const range = ws.getRange(`A${r0 + 1}:${lastCol}${r}`);
        if (anyNumFmt) range.numberFormat = formats;
        range.values = values;
      }
      chunks++;
      await sync();
      r0 = r;
      if (sheet.rows.length === 0) break;
    }

    // Formatting: grouped style rectangles, merges, widths, freeze, table/filter, page setup.
    const ops: Array<{ bytes: number; apply: () => void }> = [];
    for (const { range, style } of styleRects(sheet, nCols)) {
      const addr = rangeRef(range);
      ops.push({
        bytes: 120 + addr.length + 80 * Object.keys(style).length,
        apply: () => {
          const rg = ws.getRange(addr);
          const f = rg.format;
          if (style.bold) f.font.bold = true;
          if (style.italic) f.font.italic = true;
          if (style.size) f.font.size = style.size;
          if (style.color) f.font.color = '#' + style.color.replace(/^#/, '');
          if (style.fill) f.fill.color = '#' + style.fill.replace(/^#/, '');
          if (style.align) f.horizontalAlignment = ALIGN_H[style.align];
          if (style.valign) f.verticalAlignment = ALIGN_V[style.valign];
          if (style.wrap) f.wrapText = true;
          if (style.shrink) f.shrinkToFit = true;
          if (style.border) {
            const edges: Excel.BorderIndex[] = [BORDER.top, BORDER.bottom, BORDER.left, BORDER.right];
            if (range.r2 > range.r1) edges.push(BORDER.insideH);
            if (range.c2 > range.c1) edges.push(BORDER.insideV);
            for (const e of edges) f.borders.getItem(e).style = 'Continuous';
          }
        },
      });
    }
    for (const m of sheet.merges ?? []) {
      const addr = rangeRef(m);
      ops.push({ bytes: 80 + addr.length, apply: () => ws.getRange(addr).merge(false) });
    }
    const widths = sheet.colWidths ?? [];
    for (let c = 0; c < widths.length; ) {
      let c2 = c;
      while (c2 + 1 < widths.length && widths[c2 + 1] === widths[c]) c2++;
      const w = widths[c];
      const addr = columnsRef(c, c2);
      if (w > 0) ops.push({ bytes: 100, apply: () => (ws.getRange(addr).format.columnWidth = charsToPoints(w)) });
      c = c2 + 1;
    }
    if (sheet.freezeRows && api.freezePanes) {
      const n = sheet.freezeRows;
      ops.push({ bytes: 80, apply: () => ws.freezePanes.freezeRows(n) });
    }
    let filter: WriteResult['filter'] = null;
    if (sheet.table && sheet.table.lastRow >= sheet.table.headerRow) {
      const t = sheet.table;
      const tRange: Range = { r1: t.headerRow, c1: 0, r2: t.lastRow, c2: t.lastCol };
      const addr = rangeRef(tRange);
      const header = (sheet.rows[t.headerRow] ?? []).slice(0, t.lastCol + 1).map((c) => (c !== null && typeof c === 'object' ? c.value : c));
      const headerOk =
        header.length === t.lastCol + 1 &&
        header.every((h) => typeof h === 'string' && h.trim() !== '') &&
        new Set(header.map((h) => String(h).trim().toLowerCase())).size === header.length;
      const mergeFree = !(sheet.merges ?? []).some((m) => intersects(m, tRange));
      if (headerOk && mergeFree && t.lastRow > t.headerRow) {
        // Excel tables rewrite blank/duplicate headers ("Column1"), so only for clean headers.
        const usedTableNames = new Set<string>();
        for (const tb of tables.items) if (!old || tb.worksheet.name !== old.name) usedTableNames.add(tb.name.toLowerCase());
        for (const n of names.items) usedTableNames.add(n.name.toLowerCase());
        const tName = freeIdentifier(t.name, usedTableNames);
        filter = 'table';
        ops.push({
          bytes: 200,
          apply: () => {
            const table = ws.tables.add(addr, true);
            table.name = tName;
            table.style = 'TableStyleLight1';
          },
        });
      } else if (api.autoFilter) {
        filter = 'autofilter';
        ops.push({ bytes: 120, apply: () => ws.autoFilter.apply(ws.getRange(addr)) });
      }
    }
    if (api.pageLayout) {
      const page = sheet.page ?? { orientation: 'landscape' as const, fitWidth: true };
      const titles = sheet.printTitleRows;
      ops.push({
        bytes: 300,
        apply: () => {
          const pl = ws.pageLayout;
          pl.paperSize = 'A4';
          pl.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
          if (page.fitWidth) pl.zoom = { horizontalFitToPages: 1 };
          if (titles) pl.setPrintTitleRows(`$${titles[0] + 1}:$${titles[1] + 1}`);
        },
      });
    }
    if (opts.activate !== false) ops.push({ bytes: 60, apply: () => ws.activate() });

    let pending = 0;
    for (const op of ops) {
      if (pending > 0 && pending + op.bytes > CHUNK_BYTES) {
        await sync();
        pending = 0;
      }
      op.apply();
      pending += op.bytes;
    }
    if (pending > 0) await sync();
    return { name: finalName, replaced: old ? old.name : null, filter, syncs, chunks };
  });
}

/** Border indices as string literals (the `Excel` enum object does not exist outside Office). */
const BORDER = {
  top: 'EdgeTop',
  bottom: 'EdgeBottom',
  left: 'EdgeLeft',
  right: 'EdgeRight',
  insideH: 'InsideHorizontal',
  insideV: 'InsideVertical',
} as unknown as Record<'top' | 'bottom' | 'left' | 'right' | 'insideH' | 'insideV', Excel.BorderIndex>;

/** A valid, unused Excel table name derived from `base`. */
function freeIdentifier(base: string, taken: Set<string>): string {
  let id = base.replace(/[^\p{L}\p{M}\p{N}_.]/gu, '_');
  if (!/^[\p{L}_]/u.test(id)) id = 'T_' + id;
  if (/^[A-Za-z]{1,3}\d+$/.test(id) || /^[rc]$/i.test(id)) id = 'T_' + id;
  id = id.slice(0, 250);
  if (!taken.has(id.toLowerCase())) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}_${n}`.toLowerCase())) return `${id}_${n}`;
}

// ---------------------------------------------------------------------------------------------
// Highlights
// ---------------------------------------------------------------------------------------------

export type HighlightSeverity = 'error' | 'warning' | 'info';
export interface HighlightCell {
  sheet: string;
  address: string;
  severity: HighlightSeverity;
}

/** Excel's built-in Bad / Neutral styles and a light blue for info. */
export const HIGHLIGHT = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  info: { fill: '#DDEBF7', font: '#1F4E78' },
} as const;

/** Workbook setting (ExcelApi 1.4, saved in the file) holding the formats to restore. */
export const HIGHLIGHT_SETTING = 'OnePlan.highlights';
/** Ranges in one request are expanded to cells; larger ranges are cut at this many cells. */
const MAX_CELLS_PER_ADDRESS = 5000;
/**
 * Cells per sync when highlighting or clearing: each cell is a getRange and two format reads or
 * writes (~200 bytes of request or response), so 2,000 cells stay far below Excel on the web's 5 MB.
 */
export const HIGHLIGHT_BLOCK = 2000;

/** Cells of findings that point at one cell (sheet-wide or column-wide findings have nothing to colour). */
export function highlightsFromFindings(findings: ReadonlyArray<Pick<Finding, 'sheet' | 'row' | 'column' | 'severity'>>): HighlightCell[] {
  return findings
    .filter((f) => f.row !== null && f.column !== null && /^[A-Za-z]{1,3}$/.test(f.column))
    .map((f) => ({ sheet: f.sheet, address: `${f.column!.toUpperCase()}${f.row}`, severity: f.severity }));
}

/** Saved original format of one highlighted cell. */
export interface SavedFormat {
  s: string;
  a: string;
  /** Original fill colour, or null when the cell had no fill. */
  fill: string | null;
  pattern?: string;
  patternColor?: string;
  font: string;
  /** The colour we filled with (clear only restores cells still showing it). */
  hl: string;
}

/** Version 1 (until 2026-11): one record per cell (~100 bytes each). Still read. */
interface SavedStoreV1 {
  v: 1;
  cells: SavedFormat[];
}
/**
 * Version 2: cells grouped by sheet and formats, addresses space-separated (~5 bytes a cell). Most
 * highlighted cells share one original format, so the setting stays small for tens of thousands of
 * findings (document settings have a size limit, and the whole value is sent in one request).
 */
type SavedGroup = Omit<SavedFormat, 'a'> & { a: string };
interface SavedStoreV2 {
  v: 2;
  groups: SavedGroup[];
}

const SEVERITY_RANK: Record<HighlightSeverity, number> = { error: 3, warning: 2, info: 1 };

function expandCells(address: string): string[] {
  const r = parseRangeRef(splitSheetAddress(address).local);
  if (!r) return [];
  const out: string[] = [];
  for (let row = r.r1; row <= r.r2; row++)
    for (let c = r.c1; c <= r.c2; c++) {
      if (out.length >= MAX_CELLS_PER_ADDRESS) return out;
      out.push(`${colLetter(c)}${row + 1}`);
    }
  return out;
}

/** The saved cells of a setting value (either version); anything unreadable counts as none. */
export function parseStore(value: unknown): SavedFormat[] {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    if (parsed?.v === 1 && Array.isArray(parsed.cells)) return (parsed as SavedStoreV1).cells;
    if (parsed?.v === 2 && Array.isArray(parsed.groups)) {
      const out: SavedFormat[] = [];
      for (const { a, ...format } of (parsed as SavedStoreV2).groups) for (const cell of String(a).split(' ')) if (cell) out.push({ ...format, a: cell });
      return out;
    }
  } catch {
    /* fall through */
  }
  return [];
}

/** The setting value for these cells (version 2). */
export function storeValue(cells: Iterable<SavedFormat>): string {
  const groups = new Map<string, SavedGroup>();
  for (const { a, ...format } of cells) {
    const k = JSON.stringify([format.s, format.fill, format.pattern, format.patternColor, format.font, format.hl]);
    const g = groups.get(k);
    if (g) g.a += ' ' + a;
    else groups.set(k, { ...format, a });
  }
  return JSON.stringify({ v: 2, groups: [...groups.values()] } satisfies SavedStoreV2);
}

const normColor = (c: string | null | undefined) => (c ?? '').replace(/^#/, '').toUpperCase();

/** The saved original formats and the worksheets by lower-case name. 1 sync. */
async function loadHighlightStore(context: Excel.RequestContext) {
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
  setting.load('value');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  return { setting, existing: new Map(sheets.items.map((s) => [s.name.toLowerCase(), s])) };
}

function blocksOf<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += HIGHLIGHT_BLOCK) out.push(list.slice(i, i + HIGHLIGHT_BLOCK));
  return out;
}

/**
 * Fill cells by severity, saving each cell's original fill (colour, pattern with 1.9) and font colour
 * in a workbook setting first, so clearHighlights restores them, also after a reload.
 * Syncs: 1 (saved formats) + 1 per block of HIGHLIGHT_BLOCK cells (reads its originals; carries the
 * previous block's fills) + 1 (the last fills): 3 for up to 2,000 cells. Every sync that fills also
 * saves the originals read so far, so a failure half-way leaves nothing that clearHighlights cannot undo.
 */
export async function highlightCells(cells: HighlightCell[], run: ExcelRun = excelRun): Promise<{ highlighted: number; skipped: number }> {
  const api = detectApi();
  return run(async (context) => {
    const wb = context.workbook;
    // Sync 1: saved formats and the worksheet list.
    const { setting, existing } = await loadHighlightStore(context);
    const key = (s: string, a: string) => `${s.toLowerCase()}!${a}`;
    const saved = new Map((setting.isNullObject ? [] : parseStore(setting.value)).map((c) => [key(c.s, c.a), c]));

    // Dedupe to one entry per cell, most severe wins.
    const wanted = new Map<string, { k: string; sheet: string; address: string; severity: HighlightSeverity }>();
    let skipped = 0;
    for (const c of cells) {
      const ws = existing.get(c.sheet.toLowerCase());
      const list = ws ? expandCells(c.address) : [];
      if (list.length === 0) skipped++;
      for (const a of list) {
        const k = key(ws!.name, a);
        const prev = wanted.get(k);
        if (!prev || SEVERITY_RANK[c.severity] > SEVERITY_RANK[prev.severity]) wanted.set(k, { k, sheet: ws!.name, address: a, severity: c.severity });
      }
    }

    const fillProps = api.fillPattern ? 'color,pattern,patternColor' : 'color';
    const fill = (block: Array<{ k: string; sheet: string; address: string; severity: HighlightSeverity }>) => {
      // The originals are queued before the fills: a request that fails part-way has saved them first.
      for (const w of block) saved.get(w.k)!.hl = HIGHLIGHT[w.severity].fill;
      wb.settings.add(HIGHLIGHT_SETTING, storeValue(saved.values()));
      for (const w of block) {
        const range = existing.get(w.sheet.toLowerCase())!.getRange(w.address);
        range.format.fill.color = HIGHLIGHT[w.severity].fill;
        range.format.font.color = HIGHLIGHT[w.severity].font;
      }
    };
    let pending: Parameters<typeof fill>[0] | undefined;
    for (const block of blocksOf([...wanted.values()])) {
      // Originals of cells not already saved (a cell highlighted twice keeps its original), sent
      // with the previous block's fills.
      const reads: Array<{ k: string; sheet: string; address: string; range: Excel.Range }> = [];
      for (const w of block) {
        if (saved.has(w.k)) continue;
        const range = existing.get(w.sheet.toLowerCase())!.getRange(w.address);
        range.format.fill.load(fillProps);
        range.format.font.load('color');
        reads.push({ k: w.k, sheet: w.sheet, address: w.address, range });
      }
      if (pending) fill(pending);
      await context.sync();
      for (const { k, sheet, address, range } of reads) {
        const f = range.format.fill;
        const none = api.fillPattern ? f.pattern === 'None' : normColor(f.color) === 'FFFFFF';
        const entry: SavedFormat = { s: sheet, a: address, fill: none ? null : f.color, font: range.format.font.color, hl: '' };
        if (api.fillPattern && !none) {
          entry.pattern = f.pattern;
          entry.patternColor = f.patternColor;
        }
        saved.set(k, entry);
      }
      pending = block;
    }
    if (pending) {
      fill(pending);
      await context.sync();
    }
    return { highlighted: wanted.size, skipped };
  });
}

/**
 * Restore every highlighted cell's saved fill and font colour (fill.clear() where there was none).
 * Cells whose fill the officer changed since are left alone. Syncs: 1 + 1 per block of
 * HIGHLIGHT_BLOCK cells + 1 (3 for up to 2,000 cells); the setting goes with the last sync, so a
 * failure half-way leaves it for another try.
 */
export async function clearHighlights(run: ExcelRun = excelRun): Promise<{ restored: number; skipped: number }> {
  return run(async (context) => {
    const { setting, existing } = await loadHighlightStore(context);
    if (setting.isNullObject) return { restored: 0, skipped: 0 };
    const patterns = detectApi().fillPattern;
    let skipped = 0;
    let restored = 0;
    const present: SavedFormat[] = [];
    for (const saved of parseStore(setting.value)) {
      if (existing.has(saved.s.toLowerCase())) present.push(saved);
      else skipped++;
    }
    const restore = (reads: Array<{ saved: SavedFormat; range: Excel.Range }>) => {
      for (const { saved, range } of reads) {
        if (normColor(range.format.fill.color) !== normColor(saved.hl)) {
          skipped++;
          continue;
        }
        const fill = range.format.fill;
        if (saved.fill === null) fill.clear();
        else {
          fill.color = saved.fill;
          // Highlights travel with the file: one saved on a 1.9 host may be cleared on an older one.
          if (patterns && saved.pattern && saved.pattern !== 'Solid') fill.pattern = saved.pattern as Excel.FillPattern;
          if (patterns && saved.patternColor && saved.pattern && saved.pattern !== 'Solid') fill.patternColor = saved.patternColor;
        }
        range.format.font.color = saved.font;
        restored++;
      }
    };
    let pending: Parameters<typeof restore>[0] | undefined;
    for (const block of blocksOf(present)) {
      const reads = block.map((saved) => {
        const range = existing.get(saved.s.toLowerCase())!.getRange(saved.a);
        range.format.fill.load('color');
        return { saved, range };
      });
      if (pending) restore(pending);
      await context.sync();
      pending = reads;
    }
    if (pending) restore(pending);
    setting.delete();
    await context.sync();
    return { restored, skipped };
  });
}

// ---------------------------------------------------------------------------------------------
// Navigation and fixes
// ---------------------------------------------------------------------------------------------

/**
 * The add-in's remembered choices for this workbook (column mapping, strategy list, calendar
 * template): workbook settings travel with the file, so another officer opening it gets them too.
 * Keys are prefixed "OnePlan." like the add-in's other metadata. 1 sync each.
 */
export async function readSetting(key: string, run: ExcelRun = excelRun): Promise<string | undefined> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(`OnePlan.${key}`);
    item.load('value');
    await context.sync();
    return item.isNullObject ? undefined : String(item.value);
  });
}

export async function writeSetting(key: string, value: string, run: ExcelRun = excelRun): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.add(`OnePlan.${key}`, value);
    await context.sync();
  });
}

/** Activate `sheet` and select `address`. 1 sync. */
export async function selectCell(sheet: string, address: string, run: ExcelRun = excelRun): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/**
 * Write one value into one cell (the officer clicked a fix). Text-safe like writeSheet; returns the
 * previous value for undo. 2 syncs.
 */
export async function applyFix(
  sheet: string,
  address: string,
  value: string | number,
  run: ExcelRun = excelRun,
): Promise<{ previous: unknown }> {
  const r = parseRangeRef(address);
  if (!r || r.r1 !== r.r2 || r.c1 !== r.c2) throw new Error(`applyFix needs one cell, got ${address}`);
  return run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.load('values,numberFormat,formulas');
    await context.sync();
    const previous = range.values[0][0];
    // A fix replaces a value the officer typed; never a formula (it would become a constant).
    const formula = range.formulas[0][0];
    if (typeof formula === 'string' && formula.startsWith('=')) {
      throw Object.assign(new Error(`เซลล์ ${sheet}!${address} เป็นสูตร จึงไม่แก้ให้อัตโนมัติ`), {
        messageEn: `${sheet}!${address} holds a formula, so it is not fixed automatically`,
      });
    }
    range.values = [[toExcelInput(value, range.numberFormat[0][0] === '@')]];
    await context.sync();
    return { previous };
  });
}
