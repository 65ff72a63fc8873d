/**
 * Reading worksheets into the engine's model (values, text, formulas, formats, merges, text boxes).
 */
import type { Cell, Range, SheetModel, TextBox, WorkbookModel } from '../engine/model';
import { colLetter } from '../engine/model';
import { detectApi, excelRun, onTheWeb, type ExcelRun } from './detect';
import { namedItemTagStore, parseRangeRef, splitAddressList, splitSheetAddress, type TagStore } from './tags';

export interface ReadOptions {
  /**
   * Response budget per sync for cell blocks, in estimated bytes; 0 = no byte budget (blocks are then
   * bounded by cells only). Default: READ_BLOCK_BYTES on Excel on the web, 0 elsewhere.
   */
  blockBytes?: number;
  /** Load number formats into Cell.z (default true). */
  numberFormat?: boolean;
  /** readWorkbook: also read sheets the add-in wrote (reports, calendars). Default false. */
  includeOurSheets?: boolean;
  /** Cells read per sheet at most (default SHEET_CELL_LIMIT); beyond it the model says `tooLarge`. */
  maxCells?: number;
  /** Tag store (tests may substitute). */
  tags?: TagStore;
}

/** Read every worksheet (except the add-in's own output sheets). */
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
/**
 * Every host refuses a range read over 5,000,000 cells. One block reads at most this many cells, and
 * one sync at most SYNC_CELLS (memory of the response on the desktop).
 */
const BLOCK_CELLS = 1_000_000;
const SYNC_CELLS = 2_000_000;
/**
 * A used range is a bounding box: one stray value at AZ200000 or XFD1048576 makes it millions of empty
 * cells. Parts of a used range larger than this are split (rows or columns, whichever is longer) and
 * each part asked for its own used range, all parts of a round in one sync, until every part holding
 * data is at most this size; parts holding nothing drop out.
 */
const LOCATE_CELLS = 200_000;
/** Parts per split, and rounds of splitting at most (a sheet needing more is read up to maxCells). */
const LOCATE_FANOUT = 16;
const LOCATE_ROUNDS = 8;
/** Cells read per sheet at most: a plan is thousands of rows; beyond this the sheet is not a plan form. */
export const SHEET_CELL_LIMIT = 3_000_000;
/** Rows per merged-area query (Excel fails a query over 512 merged areas: a failed block is halved). */
const MERGE_BLOCK_ROWS = 2_000;

const TEXT_SHAPE_TYPES = new Set(['TextBox', 'GeometricShape']);
/** Text boxes are located by loading row tops / column lefts of the first rows and columns. */
const SHAPE_GRID_ROWS = 200;
const SHAPE_GRID_COLS = 60;
/** Excel's default row height and column width in points, for placing text boxes without ExcelApi 1.10. */
const DEFAULT_ROW_POINTS = 15;
const DEFAULT_COL_POINTS = 48;

const cellsOf = (r: Range) => (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
const addressOf = (r: Range) => `${colLetter(r.c1)}${r.r1 + 1}:${colLetter(r.c2)}${r.r2 + 1}`;
const rectOf = (used: Excel.Range): Range => ({
  r1: used.rowIndex,
  c1: used.columnIndex,
  r2: used.rowIndex + used.rowCount - 1,
  c2: used.columnIndex + used.columnCount - 1,
});

async function readSheets(run: ExcelRun, which: { all: true } | { all: false; name?: string }, opts: ReadOptions): Promise<WorkbookModel> {
  const api = detectApi();
  const tags = opts.tags ?? namedItemTagStore;
  const withFormat = opts.numberFormat !== false;
  const maxCells = opts.maxCells ?? SHEET_CELL_LIMIT;
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

    // Sync 2: the used ranges' bounds (values only), the shapes, and every merged area of each sheet.
    // Excel fails the merged areas of a range holding more than 512: then this sync is made again
    // without them and they are read per block of rows below.
    const askSizes = (withMerges: boolean) =>
      targets.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
        const shapes = api.shapes ? ws.shapes : undefined;
        shapes?.load('items/type,items/top,items/left');
        const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject().load('address') : undefined;
        return { ws, used, shapes, merged };
      });
    let loads = askSizes(api.mergedAreas);
    try {
      await context.sync();
    } catch (e) {
      if (!api.mergedAreas) throw e;
      loads = askSizes(false);
      await context.sync();
    }

    // Where the data is: the used range, split until every part with data is small (0 syncs for a plan).
    const located = await locateData(
      context,
      loads.map(({ ws, used }) => ({ ws, rect: used.isNullObject ? undefined : rectOf(used) })),
    );
    const tooLarge: Array<SheetModel['tooLarge']> = located.map(() => undefined);
    const pieces: Piece[] = [];
    located.forEach(({ parts, unsure }, i) => {
      const total = parts.reduce((n, r) => n + cellsOf(r), 0);
      let left = maxCells;
      for (const rect of parts.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1)) {
        if (left <= 0) break;
        const cols = rect.c2 - rect.c1 + 1;
        // The top of a part that does not fit, whole rows of it.
        const rows = Math.min(rect.r2 - rect.r1 + 1, Math.floor(left / cols));
        if (rows <= 0) break;
        pieces.push({ i, ws: loads[i].ws, rect: { ...rect, r2: rect.r1 + rows - 1 } });
        left -= rows * cols;
      }
      if (total > maxCells || unsure) tooLarge[i] = { cells: total, limit: maxCells };
    });

    // Text (only when some sheet has text-capable shapes) and where to place it: row tops and column
    // lefts need ExcelApi 1.10; before that, Excel's default sizes.
    const shapeLoads = loads.map(({ ws, shapes }) => {
      const textShapes = shapes ? shapes.items.filter((s) => TEXT_SHAPE_TYPES.has(s.type)) : [];
      if (textShapes.length === 0) return undefined;
      const ranges = textShapes.map((s) => s.textFrame.textRange.load('text'));
      const rowTops = api.rangePosition
        ? Array.from({ length: SHAPE_GRID_ROWS }, (_, r) => ws.getRange(`A${r + 1}`).load('top'))
        : undefined;
      const colLefts = api.rangePosition
        ? Array.from({ length: SHAPE_GRID_COLS }, (_, c) => ws.getRange(`${colLetter(c)}1`).load('left'))
        : undefined;
      return { textShapes, ranges, rowTops, colLefts };
    });

    // Cells in blocks (the shapes' text rides on the first block's sync).
    const blockBytes = opts.blockBytes ?? (onTheWeb() ? READ_BLOCK_BYTES : 0);
    const cellProps = ['values', 'text', 'formulas', 'valueTypes'];
    if (withFormat) cellProps.push('numberFormat');
    const cells = await readInBlocks(context, pieces, loads.length, cellProps.join(','), blockBytes);
    if (shapeLoads.some(Boolean) && pieces.length === 0) await context.sync();

    const merges = loads.some((l) => l.merged)
      ? loads.map(({ merged }) => mergedAreas(merged))
      : api.mergedAreas
        ? await readMerges(
            context,
            loads.map(({ ws }) => ws),
            located.map(({ parts }) => parts),
          )
        : loads.map(() => []);

    const out: SheetModel[] = loads.map(({ ws }, i) => {
      const textBoxes: TextBox[] = [];
      const sl = shapeLoads[i];
      if (sl) {
        const tops = sl.rowTops ? sl.rowTops.map((r) => r.top) : Array.from({ length: SHAPE_GRID_ROWS }, (_, r) => r * DEFAULT_ROW_POINTS);
        const lefts = sl.colLefts
          ? sl.colLefts.map((r) => r.left)
          : Array.from({ length: SHAPE_GRID_COLS }, (_, c) => c * DEFAULT_COL_POINTS);
        sl.textShapes.forEach((shape, k) => {
          const text = sl.ranges[k].text;
          if (text && text.trim()) textBoxes.push({ text, row: gridIndex(tops, shape.top), col: gridIndex(lefts, shape.left) });
        });
      }
      const model: SheetModel = { name: ws.name, rows: cells[i], merges: merges[i], textBoxes };
      if (ws.visibility !== 'Visible') model.hidden = true;
      if (tooLarge[i]) model.tooLarge = tooLarge[i];
      return model;
    });
    return { name: api.workbookName ? wb.name : 'Workbook', sheets: out };
  });
}

interface Piece {
  /** Index of the sheet in the read. */
  i: number;
  ws: Excel.Worksheet;
  rect: Range;
}

/**
 * The parts of each sheet's used range that hold data, each at most LOCATE_CELLS unless it is dense.
 * One sync per round of splitting, shared by all sheets; a plan-sized sheet needs none. `unsure`:
 * the rounds ran out with parts still large (they are kept whole; the caller's cell limit applies).
 */
async function locateData(
  context: Excel.RequestContext,
  sheets: Array<{ ws: Excel.Worksheet; rect: Range | undefined }>,
): Promise<Array<{ parts: Range[]; unsure: boolean }>> {
  const out = sheets.map(() => ({ parts: [] as Range[], unsure: false }));
  let todo: Array<{ i: number; rect: Range; dense: boolean }> = [];
  sheets.forEach(({ rect }, i) => rect && todo.push({ i, rect, dense: false }));
  for (let round = 0; todo.length; round++) {
    const split: Array<{ i: number; used: Excel.Range; whole: Range }> = [];
    for (const t of todo) {
      if (cellsOf(t.rect) <= LOCATE_CELLS || t.dense) out[t.i].parts.push(t.rect);
      else if (round >= LOCATE_ROUNDS) {
        out[t.i].parts.push(t.rect);
        out[t.i].unsure = true;
      } else {
        for (const part of splitRect(t.rect)) {
          const used = sheets[t.i].ws.getRange(addressOf(part)).getUsedRangeOrNullObject(true);
          split.push({ i: t.i, used: used.load('rowIndex,columnIndex,rowCount,columnCount'), whole: part });
        }
      }
    }
    if (split.length === 0) break;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per round of splitting the used range
    await context.sync();
    todo = split
      .filter(({ used }) => !used.isNullObject)
      .map(({ i, used, whole }) => {
        const rect = rectOf(used);
        // A part whose data fills it (it did not shrink) is dense: splitting it further finds nothing.
        return { i, rect, dense: cellsOf(rect) === cellsOf(whole) };
      });
  }
  return out;
}

/** A rectangle cut in up to LOCATE_FANOUT strips across its longer side. */
function splitRect(r: Range): Range[] {
  const rows = r.r2 - r.r1 + 1;
  const cols = r.c2 - r.c1 + 1;
  const byRows = rows >= cols;
  const len = byRows ? rows : cols;
  const n = Math.min(LOCATE_FANOUT, len);
  const step = Math.ceil(len / n);
  const out: Range[] = [];
  for (let k = 0; k * step < len; k++) {
    const a = k * step;
    const b = Math.min(len, a + step) - 1;
    out.push(byRows ? { r1: r.r1 + a, c1: r.c1, r2: r.r1 + b, c2: r.c2 } : { r1: r.r1, c1: r.c1 + a, r2: r.r2, c2: r.c1 + b });
  }
  return out;
}

/**
 * Merged areas of each sheet, per block of whole rows over the rows that hold data and those above
 * them (a merged banner may sit above the table). Excel reports an area in the block holding its
 * top-left cell and fails a block with more than 512 areas: the blocks of a failed sync are halved and
 * asked again (a failed sync loses nothing else: merges have syncs of their own).
 */
async function readMerges(context: Excel.RequestContext, sheets: Excel.Worksheet[], parts: Range[][]): Promise<Range[][]> {
  const out: Range[][] = sheets.map(() => []);
  let blocks: Array<{ i: number; r1: number; r2: number }> = [];
  parts.forEach((list, i) => {
    // Row spans holding data, joined, from row 1.
    const spans = list.map((r) => [r.r1, r.r2]).sort((a, b) => a[0] - b[0]);
    let cur: number[] | undefined;
    const joined: number[][] = [];
    for (const [a, b] of spans) {
      if (!cur) cur = [0, b];
      else if (a <= cur[1] + MERGE_BLOCK_ROWS) cur[1] = Math.max(cur[1], b);
      else {
        joined.push(cur);
        cur = [a, b];
      }
    }
    if (cur) joined.push(cur);
    for (const [a, b] of joined)
      for (let r = a; r <= b; r += MERGE_BLOCK_ROWS) blocks.push({ i, r1: r, r2: Math.min(b, r + MERGE_BLOCK_ROWS - 1) });
  });
  while (blocks.length) {
    const asked = blocks.map((b) => ({
      ...b,
      areas: sheets[b.i]
        .getRange(`${b.r1 + 1}:${b.r2 + 1}`)
        .getMergedAreasOrNullObject()
        .load('address'),
    }));
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of rows (512 merged areas per request)
      await context.sync();
    } catch {
      // Some block holds more than 512 areas: halve every block of this round (one-row blocks that
      // still fail are left out: their merges are not read).
      blocks = blocks.flatMap((b) => {
        if (b.r1 === b.r2) return [];
        const mid = Math.floor((b.r1 + b.r2) / 2);
        return [
          { i: b.i, r1: b.r1, r2: mid },
          { i: b.i, r1: mid + 1, r2: b.r2 },
        ];
      });
      continue;
    }
    for (const { i, areas } of asked) out[i].push(...mergedAreas(areas));
    blocks = [];
  }
  return out;
}

/** A loaded RangeAreas of merged areas → model ranges. */
function mergedAreas(areas: Excel.RangeAreas | undefined): Range[] {
  const out: Range[] = [];
  if (!areas || areas.isNullObject) return out;
  for (const part of splitAddressList(areas.address)) {
    const r = parseRangeRef(splitSheetAddress(part).local);
    if (r) out.push(r);
  }
  return out;
}

/** Last grid line at or before `pos` (points), 0-based. */
function gridIndex(starts: number[], pos: number): number {
  let idx = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i] <= pos + 0.5) idx = i;
  return idx;
}

type CellArrays = Pick<Excel.Range, 'values' | 'text' | 'formulas' | 'valueTypes'>;

/** Loaded cell arrays of a range whose top-left cell is (rowIndex, columnIndex) → model rows. */
function addCells(rows: SheetModel['rows'], rowIndex: number, columnIndex: number, r: CellArrays, formats: unknown[][] | undefined): void {
  const { values, text, formulas, valueTypes } = r;
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values[i].length; j++) {
      const cell = toCell(values[i][j], text[i]?.[j], formulas[i]?.[j], valueTypes[i]?.[j], formats?.[i]?.[j]);
      if (!cell) continue;
      // Parts of one sheet may sit side by side: a row is shared, not replaced.
      (rows[rowIndex + i] ??= [])[columnIndex + j] = cell;
    }
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
 * Cell blocks of every piece, whole rows each, every block ≤ BLOCK_CELLS and every sync ≤ SYNC_CELLS;
 * with a byte budget (Excel on the web) each sync's estimated response also stays under it: the first
 * guess is FIRST_GUESS_CELL_BYTES a cell, then the largest bytes per cell measured so far (×1.25).
 */
async function readInBlocks(
  context: Excel.RequestContext,
  pieces: Piece[],
  sheetCount: number,
  props: string,
  budget: number,
): Promise<Array<SheetModel['rows']>> {
  const out: Array<SheetModel['rows']> = Array.from({ length: sheetCount }, () => []);
  const todo = pieces.map((p) => ({ ...p, next: 0, rows: p.rect.r2 - p.rect.r1 + 1, cols: p.rect.c2 - p.rect.c1 + 1 }));
  let perCell = FIRST_GUESS_CELL_BYTES;
  let maxSeen = 0;
  while (todo.length) {
    let left = budget || Infinity;
    let cellsLeft = SYNC_CELLS;
    const batch: Array<{ i: number; r0: number; c0: number; cells: number; range: Excel.Range }> = [];
    while (todo.length) {
      const t = todo[0];
      const fit = Math.min(Math.floor(left / (t.cols * perCell)), Math.floor(cellsLeft / t.cols), Math.floor(BLOCK_CELLS / t.cols));
      if (fit < 1 && batch.length) break;
      const n = Math.max(1, Math.min(t.rows - t.next, fit));
      const r0 = t.rect.r1 + t.next;
      const range = t.ws.getRange(addressOf({ r1: r0, c1: t.rect.c1, r2: r0 + n - 1, c2: t.rect.c2 })).load(props);
      batch.push({ i: t.i, r0, c0: t.rect.c1, cells: n * t.cols, range });
      left -= n * t.cols * perCell;
      cellsLeft -= n * t.cols;
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
      if (budget)
        bytes +=
          approxBytes(b.range.values) +
          approxBytes(b.range.text) +
          approxBytes(b.range.formulas) +
          approxBytes(b.range.valueTypes) +
          approxBytes(formats);
      cells += b.cells;
    }
    if (budget && cells) {
      maxSeen = Math.max(maxSeen, bytes / cells);
      perCell = Math.max(16, maxSeen * 1.25);
    }
  }
  return out;
}

/** One Office.js cell → model Cell (undefined for empty). Exported for tests. */
export function toCell(
  value: unknown,
  text: string | undefined,
  formula: unknown,
  type: string | undefined,
  numberFormat?: unknown,
): Cell | undefined {
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
