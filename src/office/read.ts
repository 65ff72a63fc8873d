/**
 * Reading worksheets into the engine's model (values, text, formulas, formats, merges, text boxes).
 */
import type { Cell, Range, SheetModel, TextBox, WorkbookModel } from '../engine/model';
import { colLetter } from '../engine/model';
import { detectApi, excelRun, onTheWeb, type ExcelRun } from './detect';
import { namedItemTagStore, parseRangeRef, splitAddressList, splitSheetAddress, type TagStore } from './tags';

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
      // eslint-disable-next-line office-addins/no-empty-load -- props names the properties (the rule sees only literals)
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
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch of rows under the 5 MB request limit
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
