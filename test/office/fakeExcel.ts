/**
 * An in-memory fake of the Excel JavaScript API subset src/office/excel.ts uses, faithful where it
 * matters for correctness:
 *  - proxy objects queue loads and writes; nothing happens until `context.sync()`, which runs the
 *    queue in order (an op that fails rejects the sync and drops the rest, like a batch);
 *  - reading a property that was not loaded and synced throws PropertyNotLoaded;
 *  - `range.values` is parsed like typed input ("=…" formula, "'…" quote-prefixed text, "001" number,
 *    "TRUE" boolean, "#N/A" error; literal in '@'-formatted cells);
 *  - a cell without fill reads back fill.color "#FFFFFF" with pattern "None" (as Office.js does);
 *    multi-cell format reads return null when not uniform;
 *  - API requirement sets: calling a member newer than `apiVersion` throws ApiNotFound;
 *  - defined names follow sheet renames and become #REF! when their sheet is deleted;
 *  - Excel's own limits: a range read (values, text, formulas, …) over 5,000,000 cells fails;
 *    getMergedAreasOrNullObject fails on a range with more than 512 merged areas and, like Excel
 *    (OfficeDev/office-js#3611), returns only merged areas whose top-left cell is in the range;
 *    Range.top/left need ExcelApi 1.10.
 * It counts syncs, requests and estimated request bytes per sync, and records every write.
 */
import type { ExcelRun } from '../../src/office/excel';
import { a1, colIndex, type Range } from '../../src/engine/model';
import { parseRangeRef, rangeRef, splitSheetAddress } from '../../src/office/tags';

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

export class FakeOfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'OfficeExtension.Error';
  }
}

interface Special {
  special: true;
  v: number | string | boolean | null;
  formula?: string;
  text?: string;
  error?: boolean;
  quotePrefix?: boolean;
}
type Slot = number | string | boolean | Special | undefined;

type FormatProps = Record<string, unknown>;
interface Layer {
  rect: Range | null; // null = whole sheet
  props: FormatProps;
}

export interface ShapeState {
  id: string;
  type: string;
  top: number;
  left: number;
  text?: string;
}

export interface TableState {
  name: string;
  rect: Range;
  style?: string;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  deleted: boolean;
  rows: Slot[][];
  numberFormats: Array<Array<string | undefined>>;
  layers: Layer[];
  merges: Range[];
  shapes: ShapeState[];
  tables: TableState[];
  autoFilter?: Range;
  freezeRows?: number;
  pageLayout: Record<string, unknown>;
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Hidden columns (Range.columnHidden; clear() leaves them, as Excel does). */
  hiddenCols: Set<number>;
  selection?: string;
}

interface NameState {
  name: string;
  sheetId?: string;
  address?: string; // local address, e.g. $A$1
  formula?: string; // when not a range reference
  comment: string;
}

export interface WriteRecord {
  sheetId: string | null; // null: workbook-level (names, settings)
  sheet: string; // name at the time of the write ('#workbook' for workbook-level)
  address: string; // local address, '*' whole sheet, key for workbook-level
  what: string;
}

export interface SyncStat {
  requests: number;
  bytes: number;
  /** Estimated response bytes (JSON of every property loaded in this sync). */
  responseBytes: number;
}

export interface CellInfo {
  value: number | string | boolean | null;
  text: string;
  formula?: string;
  quotePrefix: boolean;
  numberFormat: string;
  fill: { color: string; pattern: string; patternColor: string | null };
  font: { color: string; name: string; size: number; bold: boolean; italic: boolean };
  borders: Record<string, string>;
}

/** Excel's limits the fake enforces. */
export const MAX_CELLS_PER_READ = 5_000_000;
export const MAX_MERGED_AREAS = 512;
const DEFAULT_ROW_HEIGHT = 15;
const DEFAULT_COL_WIDTH = 48;

const ERROR_LITERAL = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i;
const NUMBER_INPUT = /^\s*[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?%?\s*$/;

function versionAtLeast(have: string, need: string): boolean {
  const [a, b] = have.split('.').map(Number);
  const [c, d] = need.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

function normColor(c: unknown): string {
  const s = String(c).replace(/^#/, '').toUpperCase();
  return '#' + s;
}

function byteLength(x: unknown): number {
  return Buffer.byteLength(JSON.stringify(x) ?? '', 'utf8');
}

function quoteIfNeeded(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/\s/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// The fake workbook
// ---------------------------------------------------------------------------------------------

export class FakeExcel {
  apiVersion: string;
  workbookName = 'แผนพัฒนาอำเภอ.xlsx';
  sheets: SheetState[] = [];
  names: NameState[] = [];
  settings = new Map<string, unknown>();
  activeSheetId: string | null = null;
  writes: WriteRecord[] = [];
  syncLog: SyncStat[] = [];
  /** Cells of every range read so far (values, text, … each counted). */
  cellsRead = 0;
  private nextId = 1;

  constructor(opts: { apiVersion?: string } = {}) {
    this.apiVersion = opts.apiVersion ?? '1.13';
  }

  get syncs(): number {
    return this.syncLog.length;
  }

  resetCounters(): void {
    this.syncLog = [];
    this.writes = [];
    this.cellsRead = 0;
  }

  /** Pass to the functions under test. */
  run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  isSetSupported = (name: string, minVersion?: string): boolean =>
    name === 'ExcelApi' && (minVersion === undefined || versionAtLeast(this.apiVersion, minVersion));

  requireApi(version: string, member: string): void {
    if (!versionAtLeast(this.apiVersion, version)) throw new FakeOfficeError('ApiNotFound', `${member} needs ExcelApi ${version}`);
  }

  /** Install `globalThis.Office` with this fake's requirement sets; returns an uninstall function. */
  /** Office.context.platform the fake reports ('OfficeOnline' = Excel on the web). */
  platform = 'PC';
  /** Response size limit per sync (Excel on the web: 5 MB); undefined = none (desktop). */
  responseLimit: number | undefined;
  /** Request size limit per sync (Excel on the web: 5 MB, estimated as the fake counts bytes); undefined = none. */
  requestLimit: number | undefined;
  /** Count response bytes (JSON.stringify of every loaded property; off by default for speed). */
  countResponses = false;

  /** Behave as Excel on the web: its platform name and its 5 MB request and response limits. */
  asExcelOnTheWeb(): this {
    this.platform = 'OfficeOnline';
    this.responseLimit = 5 * 1024 * 1024;
    this.requestLimit = 5 * 1024 * 1024;
    this.countResponses = true;
    return this;
  }

  installOffice(): () => void {
    const g = globalThis as { Office?: unknown };
    const prev = g.Office;
    g.Office = { context: { platform: this.platform, requirements: { isSetSupported: this.isSetSupported } } };
    return () => {
      g.Office = prev;
    };
  }

  // ----- test helpers (not recorded as writes) -----

  addSheet(name: string, opts: { visibility?: SheetState['visibility'] } = {}): SheetState {
    this.checkNewName(name);
    const s: SheetState = {
      id: `{00000000-0001-0000-${String(this.nextId++).padStart(4, '0')}-000000000000}`,
      name,
      visibility: opts.visibility ?? 'Visible',
      deleted: false,
      rows: [],
      numberFormats: [],
      layers: [],
      merges: [],
      shapes: [],
      tables: [],
      pageLayout: {},
      colWidths: new Map(),
      rowHeights: new Map(),
      hiddenCols: new Set(),
    };
    this.sheets.push(s);
    this.activeSheetId ??= s.id;
    return s;
  }

  sheet(name: string): SheetState {
    const s = this.findSheet(name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `sheet ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.live().map((s) => s.name);
  }

  /** Put plain values (or {v, text, formula, numberFormat}) at `topLeft`, bypassing input parsing. */
  setValues(
    sheet: string,
    topLeft: string,
    rows: ReadonlyArray<
      ReadonlyArray<
        | number
        | string
        | boolean
        | null
        | { v: number | string | boolean | null; text?: string; formula?: string; numberFormat?: string; error?: boolean }
      >
    >,
  ): void {
    const s = this.sheet(sheet);
    const o = parseRangeRef(topLeft)!;
    rows.forEach((row, i) =>
      row.forEach((x, j) => {
        const r = o.r1 + i;
        const c = o.c1 + j;
        if (x === null || x === '') return this.putSlot(s, r, c, undefined);
        if (typeof x !== 'object') {
          const err = typeof x === 'string' && ERROR_LITERAL.test(x);
          return this.putSlot(s, r, c, err ? { special: true, v: x, error: true } : x);
        }
        const err = x.error ?? (typeof x.v === 'string' && ERROR_LITERAL.test(x.v));
        this.putSlot(s, r, c, { special: true, v: x.v, text: x.text, formula: x.formula, error: err || undefined });
        if (x.numberFormat) (s.numberFormats[r] ??= [])[c] = x.numberFormat;
      }),
    );
  }

  /** Give a cell a format directly (fill colour/pattern, font colour...), bypassing the recorder. */
  setFormat(
    sheet: string,
    address: string,
    props: { fill?: string; pattern?: string; patternColor?: string; fontColor?: string; bold?: boolean },
  ): void {
    const s = this.sheet(sheet);
    const p: FormatProps = {};
    if (props.fill !== undefined) {
      p['fill.color'] = normColor(props.fill);
      p['fill.pattern'] = props.pattern ?? 'Solid';
    } else if (props.pattern) p['fill.pattern'] = props.pattern;
    if (props.patternColor) p['fill.patternColor'] = normColor(props.patternColor);
    if (props.fontColor) p['font.color'] = normColor(props.fontColor);
    if (props.bold !== undefined) p['font.bold'] = props.bold;
    s.layers.push({ rect: parseRangeRef(address)!, props: p });
  }

  addMerge(sheet: string, address: string): void {
    this.sheet(sheet).merges.push(parseRangeRef(address)!);
  }

  addShape(sheet: string, shape: Omit<ShapeState, 'id'>): void {
    this.sheet(sheet).shapes.push({ id: `shape${this.nextId++}`, ...shape });
  }

  addName(name: string, sheet: string, address: string, comment = ''): void {
    this.names.push({ name, sheetId: this.sheet(sheet).id, address, comment });
  }

  /** What a cell holds, as Excel would report it. */
  cell(sheet: string, address: string): CellInfo {
    const s = this.sheet(sheet);
    const { r1: r, c1: c } = parseRangeRef(address)!;
    const f = this.formatAt(s, r, c);
    const slot = s.rows[r]?.[c];
    return {
      value: this.valueOf(slot),
      text: this.textAt(s, r, c),
      formula: typeof slot === 'object' ? slot.formula : undefined,
      quotePrefix: typeof slot === 'object' && !!slot.quotePrefix,
      numberFormat: s.numberFormats[r]?.[c] ?? 'General',
      fill: {
        color: f['fill.pattern'] === 'None' ? '#FFFFFF' : String(f['fill.color']),
        pattern: String(f['fill.pattern']),
        patternColor: (f['fill.patternColor'] as string) ?? null,
      },
      font: {
        color: String(f['font.color']),
        name: String(f['font.name']),
        size: Number(f['font.size']),
        bold: !!f['font.bold'],
        italic: !!f['font.italic'],
      },
      borders: Object.fromEntries(
        Object.entries(f)
          .filter(([k]) => k.startsWith('border.'))
          .map(([k, v]) => [k.slice(7), String(v)]),
      ),
    };
  }

  /**
   * Throw unless every recorded write touched a sheet in `allowedSheets` (by its current name, or
   * its last name if deleted) or lies inside `allowedCells`. Workbook-level writes are allowed only
   * for the add-in's own metadata (names / settings starting with "OnePlan").
   */
  assertWritesOnlyTo(allowedSheets: string[], allowedCells: Array<{ sheet: string; address: string }> = []): void {
    const sheetsOk = new Set(allowedSheets.map((s) => s.toLowerCase()));
    const cellsOk = new Map<string, Range[]>();
    for (const c of allowedCells) {
      const key = c.sheet.toLowerCase();
      cellsOk.set(key, [...(cellsOk.get(key) ?? []), parseRangeRef(c.address)!]);
    }
    const bad: string[] = [];
    for (const w of this.writes) {
      if (w.sheetId === null) {
        if (!/^OnePlan/i.test(w.address)) bad.push(`workbook ${w.what} ${w.address}`);
        continue;
      }
      const state = this.sheets.find((s) => s.id === w.sheetId);
      const name = (state?.name ?? w.sheet).toLowerCase();
      if (sheetsOk.has(name)) continue;
      const rect = w.address === '*' ? null : parseRangeRef(w.address);
      const allowed = cellsOk.get(name) ?? cellsOk.get(w.sheet.toLowerCase()) ?? [];
      const inside =
        rect !== null &&
        rect !== undefined &&
        allowed.some((a) => rect.r1 >= a.r1 && rect.r2 <= a.r2 && rect.c1 >= a.c1 && rect.c2 <= a.c2);
      if (!inside) bad.push(`${w.sheet}!${w.address} ${w.what}`);
    }
    if (bad.length)
      throw new Error(
        `Writes outside the allowed sheets/cells:\n  ${bad.slice(0, 20).join('\n  ')}${bad.length > 20 ? `\n  … ${bad.length - 20} more` : ''}`,
      );
  }

  // ----- internals used by the proxies -----

  live(): SheetState[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  findSheet(key: string): SheetState | undefined {
    const k = key.toLowerCase();
    return this.live().find((s) => s.name.toLowerCase() === k || s.id === key);
  }

  checkNewName(name: string, except?: SheetState): void {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
      throw new FakeOfficeError('InvalidArgument', `bad sheet name ${name}`);
    if (this.live().some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase()))
      throw new FakeOfficeError('ItemAlreadyExists', `sheet ${name}`);
  }

  record(sheet: SheetState | null, address: string, what: string): void {
    this.writes.push({ sheetId: sheet ? sheet.id : null, sheet: sheet ? sheet.name : '#workbook', address, what });
  }

  createSheet(name: string): SheetState {
    const s = this.addSheet(name);
    this.record(s, '*', 'add');
    return s;
  }

  deleteSheet(s: SheetState): void {
    if (this.live().filter((x) => x.visibility === 'Visible' && x !== s).length === 0)
      throw new FakeOfficeError('InvalidOperation', 'cannot delete the last visible sheet');
    this.record(s, '*', 'delete');
    s.deleted = true;
    if (this.activeSheetId === s.id) this.activeSheetId = this.live()[0]?.id ?? null;
  }

  putSlot(s: SheetState, r: number, c: number, slot: Slot): void {
    const row = (s.rows[r] ??= []);
    row[c] = slot;
  }

  valueOf(slot: Slot): number | string | boolean | null {
    if (slot === undefined) return null;
    if (typeof slot === 'object') return slot.v;
    return slot;
  }

  /** Excel's typed-input parsing of one `values` entry. */
  input(s: SheetState, r: number, c: number, x: unknown): void {
    if (x === null || x === undefined) return; // null leaves the cell unchanged
    if (typeof x === 'number' || typeof x === 'boolean') return this.putSlot(s, r, c, x);
    const str = String(x);
    if (str === '') return this.putSlot(s, r, c, undefined);
    if (s.numberFormats[r]?.[c] === '@') return this.putSlot(s, r, c, str);
    if (str.startsWith("'")) return this.putSlot(s, r, c, { special: true, v: str.slice(1), quotePrefix: true });
    if (str.startsWith('=') && str.length > 1) return this.putSlot(s, r, c, { special: true, v: this.evalFormula(str), formula: str });
    if (NUMBER_INPUT.test(str) && /\d/.test(str)) {
      const pct = str.trim().endsWith('%');
      const n = Number(str.replace(/[,%\s]/g, ''));
      return this.putSlot(s, r, c, pct ? n / 100 : n);
    }
    if (/^[+\-@]/.test(str))
      return this.putSlot(s, r, c, { special: true, v: '#NAME?', formula: '=' + str.replace(/^@/, ''), error: true });
    if (/^(true|false)$/i.test(str.trim())) return this.putSlot(s, r, c, /^true$/i.test(str.trim()));
    if (ERROR_LITERAL.test(str.trim())) return this.putSlot(s, r, c, { special: true, v: str.trim().toUpperCase(), error: true });
    if (/^\s*\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?\s*$/.test(str)) return this.putSlot(s, r, c, 45000);
    return this.putSlot(s, r, c, str);
  }

  private evalFormula(f: string): number | string | boolean | null {
    const lit = /^="(.*)"$/.exec(f);
    if (lit) return lit[1].replace(/""/g, '"');
    return 0;
  }

  textAt(s: SheetState, r: number, c: number): string {
    const slot = s.rows[r]?.[c];
    if (slot === undefined) return '';
    if (typeof slot === 'object' && slot.text !== undefined) return slot.text;
    const v = this.valueOf(slot);
    if (v === null) return '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'number') {
      const z = s.numberFormats[r]?.[c];
      if (z && z.includes('#,##0')) {
        const dec = /#,##0\.(0+)/.exec(z)?.[1].length ?? 0;
        return v.toLocaleString('en-US', { minimumFractionDigits: dec, maximumFractionDigits: dec });
      }
      return String(v);
    }
    return v;
  }

  /**
   * Layers are only ever appended; single-cell layers (one per highlighted cell) are indexed by cell so
   * that reading 30,000 cells after writing 60,000 layers is not 30,000 × 60,000 rectangle tests.
   */
  private layerIndex = new WeakMap<SheetState, { upTo: number; wide: number[]; cell: Map<number, number[]> }>();

  /** A sheet's layers were replaced (clear()): its index describes layers that are gone. */
  layersCleared(s: SheetState): void {
    this.layerIndex.delete(s);
  }

  /** The format layers covering one cell, oldest first. */
  private layersAt(s: SheetState, r: number, c: number): Layer[] {
    let ix = this.layerIndex.get(s);
    if (!ix) this.layerIndex.set(s, (ix = { upTo: 0, wide: [], cell: new Map() }));
    for (; ix.upTo < s.layers.length; ix.upTo++) {
      const rect = s.layers[ix.upTo].rect;
      if (rect && rect.r1 === rect.r2 && rect.c1 === rect.c2) {
        const k = rect.r1 * 20000 + rect.c1;
        const list = ix.cell.get(k);
        if (list) list.push(ix.upTo);
        else ix.cell.set(k, [ix.upTo]);
      } else ix.wide.push(ix.upTo);
    }
    const own = ix.cell.get(r * 20000 + c) ?? [];
    const out: number[] = [];
    let i = 0;
    for (const w of ix.wide) {
      const rect = s.layers[w].rect;
      if (rect && (r < rect.r1 || r > rect.r2 || c < rect.c1 || c > rect.c2)) continue;
      while (i < own.length && own[i] < w) out.push(own[i++]);
      out.push(w);
    }
    while (i < own.length) out.push(own[i++]);
    return out.map((n) => s.layers[n]);
  }

  formatAt(s: SheetState, r: number, c: number): FormatProps {
    const f: FormatProps = {
      'fill.color': null,
      'fill.pattern': 'None',
      'fill.patternColor': null,
      'font.color': '#000000',
      'font.name': 'Calibri',
      'font.size': 11,
      'font.bold': false,
      'font.italic': false,
      horizontalAlignment: 'General',
      verticalAlignment: 'Bottom',
      wrapText: false,
    };
    for (const l of this.layersAt(s, r, c)) {
      for (const [k, v] of Object.entries(l.props)) {
        if (k === 'fill.patternIfNone') {
          if (f['fill.pattern'] === 'None') f['fill.pattern'] = v;
        } else f[k] = v;
      }
    }
    return f;
  }

  /** Bounding box of the cells holding something (within `inside` when given). */
  usedRect(s: SheetState, valuesOnly: boolean, inside?: Range): Range | null {
    let r1 = Infinity,
      c1 = Infinity,
      r2 = -1,
      c2 = -1;
    s.rows.forEach((row, r) => {
      if (!row) return;
      if (inside && (r < inside.r1 || r > inside.r2)) return;
      row.forEach((slot, c) => {
        if (slot === undefined) return;
        if (inside && (c < inside.c1 || c > inside.c2)) return;
        r1 = Math.min(r1, r);
        r2 = Math.max(r2, r);
        c1 = Math.min(c1, c);
        c2 = Math.max(c2, c);
      });
    });
    if (!valuesOnly)
      for (const l of s.layers)
        if (l.rect && !inside) {
          r1 = Math.min(r1, l.rect.r1);
          r2 = Math.max(r2, l.rect.r2);
          c1 = Math.min(c1, l.rect.c1);
          c2 = Math.max(c2, l.rect.c2);
        }
    return r2 < 0 ? null : { r1, c1, r2, c2 };
  }

  nameFormula(n: NameState): string {
    if (n.formula !== undefined) return n.formula;
    const s = this.sheets.find((x) => x.id === n.sheetId);
    if (!s || s.deleted) return `=#REF!${n.address}`;
    return `=${quoteIfNeeded(s.name)}!${n.address}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies
// ---------------------------------------------------------------------------------------------

interface Op {
  run: () => void;
  bytes: number;
}

class FakeContext {
  private queue: Op[] = [];
  workbook: WorkbookProxy;
  constructor(public fake: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(bytes: number, run: () => void): void {
    this.queue.push({ run, bytes: bytes + 40 });
  }

  /** Response bytes of the sync being run. */
  response = 0;

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const stat: SyncStat = { requests: ops.length, bytes: ops.reduce((n, o) => n + o.bytes, 0), responseBytes: 0 };
    this.fake.syncLog.push(stat);
    // Excel on the web refuses an oversized request as a whole (RequestPayloadSizeLimitExceeded): nothing in it runs.
    if (this.fake.requestLimit !== undefined && stat.bytes > this.fake.requestLimit)
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${stat.bytes} bytes exceeds ${this.fake.requestLimit}`);
    this.response = 0;
    for (const op of ops) op.run(); // throws → rejects this sync; remaining ops are dropped
    stat.responseBytes = this.response;
    // Excel on the web answers an oversized response with an error instead of the data.
    if (this.fake.responseLimit !== undefined && this.response > this.fake.responseLimit)
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `response of ${this.response} bytes exceeds ${this.fake.responseLimit}`,
      );
  }

  trackedObjects = { add: () => undefined, remove: () => undefined };
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function loadPaths(spec?: string | string[] | { select?: string }): string[] {
  if (spec === undefined) return [];
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  if (typeof spec === 'object') return loadPaths(spec.select);
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Base proxy: loads are queued; reads need load + sync. */
abstract class FakeProxy {
  protected loaded = new Map<string, unknown>();
  private didLoad = false;
  protected isNull = false;
  constructor(protected ctx: FakeContext) {}

  get fake(): FakeExcel {
    return this.ctx.fake;
  }

  load(spec?: string | string[] | { select?: string }): this {
    const paths = loadPaths(spec);
    this.ctx.enqueue(byteLength(paths), () => this.doLoad(paths));
    return this;
  }

  /** Execution-time load (also called by parents for navigation paths). */
  doLoad(paths: string[]): void {
    this.didLoad = true;
    if (this.isNull) return;
    const groups = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      if (!groups.has(head)) groups.set(head, []);
      if (rest.length) groups.get(head)!.push(rest.join('/'));
    }
    for (const [head, rest] of groups) {
      if (rest.length) {
        const child = this.child(head);
        if (!child) throw new FakeOfficeError('InvalidArgument', `cannot load ${head}/${rest.join(',')}`);
        child.doLoad(rest);
      } else {
        const v = this.read(head);
        this.loaded.set(head, v);
        if (this.ctx.fake.countResponses) this.ctx.response += byteLength(v) + head.length + 4;
      }
    }
  }

  protected child(_name: string): FakeProxy | undefined {
    return undefined;
  }

  protected abstract read(prop: string): unknown;

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (!this.didLoad) throw notLoaded('isNullObject');
    return this.isNull;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

class WorkbookProxy extends FakeProxy {
  worksheets: WorksheetCollectionProxy;
  names: NameCollectionProxy;
  settings: SettingCollectionProxy;
  tables: TableCollectionProxy;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NameCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, null);
  }
  protected override read(prop: string): unknown {
    if (prop === 'name') {
      this.fake.requireApi('1.7', 'Workbook.name');
      return this.fake.workbookName;
    }
    throw new FakeOfficeError('InvalidArgument', `Workbook.${prop}`);
  }
  get name(): string {
    return this.get('name');
  }
}

class WorksheetCollectionProxy extends FakeProxy {
  protected override read(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `WorksheetCollection.${prop}`);
  }
  private doLoadItems(rest: string[]): WorksheetProxy[] {
    return this.fake.live().map((s) => {
      const p = WorksheetProxy.bound(this.ctx, s);
      if (rest.length) p.doLoad(rest);
      return p;
    });
  }
  override doLoad(paths: string[]): void {
    super.doLoad(paths.filter((p) => !p.startsWith('items')));
    const rest = paths
      .filter((p) => p.startsWith('items'))
      .map((p) => p.replace(/^items\/?/, ''))
      .filter(Boolean);
    if (paths.some((p) => p.startsWith('items'))) this.loaded.set('items', this.doLoadItems(rest));
  }
  get items(): WorksheetProxy[] {
    return this.get('items');
  }
  add(name?: string): WorksheetProxy {
    const p = new WorksheetProxy(this.ctx);
    this.ctx.enqueue(byteLength(name), () => {
      const n = name ?? `Sheet${this.fake.sheets.length + 1}`;
      this.fake.checkNewName(n);
      p.bind(this.fake.createSheet(n));
    });
    return p;
  }
  getItem(key: string): WorksheetProxy {
    const p = new WorksheetProxy(this.ctx);
    this.ctx.enqueue(byteLength(key), () => {
      const s = this.fake.findSheet(key);
      if (!s) throw new FakeOfficeError('ItemNotFound', `worksheet ${key}`);
      p.bind(s);
    });
    return p;
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    this.fake.requireApi('1.4', 'getItemOrNullObject');
    const p = new WorksheetProxy(this.ctx);
    this.ctx.enqueue(byteLength(key), () => {
      const s = this.fake.findSheet(key);
      if (s) p.bind(s);
      else p.bindNull();
    });
    return p;
  }
  getActiveWorksheet(): WorksheetProxy {
    const p = new WorksheetProxy(this.ctx);
    this.ctx.enqueue(10, () => p.bind(this.fake.sheets.find((s) => s.id === this.fake.activeSheetId)!));
    return p;
  }
}

class WorksheetProxy extends FakeProxy {
  state?: SheetState;
  static bound(ctx: FakeContext, s: SheetState): WorksheetProxy {
    const p = new WorksheetProxy(ctx);
    p.state = s;
    return p;
  }
  bind(s: SheetState): void {
    this.state = s;
  }
  bindNull(): void {
    this.isNull = true;
  }
  s(): SheetState {
    if (!this.state) throw new FakeOfficeError('InvalidObjectPath', 'worksheet');
    if (this.state.deleted) throw new FakeOfficeError('ItemNotFound', `worksheet ${this.state.name} was deleted`);
    return this.state;
  }
  protected override read(prop: string): unknown {
    const s = this.s();
    switch (prop) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'visibility':
        return s.visibility;
      case 'position':
        return this.fake.live().indexOf(s);
    }
    throw new FakeOfficeError('InvalidArgument', `Worksheet.${prop}`);
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.ctx.enqueue(byteLength(v), () => {
      const s = this.s();
      this.fake.checkNewName(v, s);
      this.fake.record(s, '*', `rename → ${v}`);
      s.name = v;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  get position(): number {
    return this.get('position');
  }
  set position(v: number) {
    this.ctx.enqueue(10, () => {
      const s = this.s();
      this.fake.record(s, '*', 'position');
      const live = this.fake.live().filter((x) => x !== s);
      live.splice(Math.min(v, live.length), 0, s);
      const deleted = this.fake.sheets.filter((x) => x.deleted);
      this.fake.sheets = [...live, ...deleted];
    });
  }
  getRange(address?: string): RangeProxy {
    const p = new RangeProxy(this.ctx);
    this.ctx.enqueue(byteLength(address), () => {
      const s = this.s();
      if (address === undefined) return p.bind(s, null);
      const local = splitSheetAddress(address).local;
      const col = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
      if (col) {
        const c1 = colIndex(col[1].toUpperCase());
        const c2 = colIndex(col[2].toUpperCase());
        return p.bind(s, { r1: 0, c1, r2: 1048575, c2 });
      }
      const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
      if (rows) return p.bind(s, { r1: +rows[1] - 1, c1: 0, r2: +rows[2] - 1, c2: 16383 });
      const rect = parseRangeRef(local);
      if (!rect) throw new FakeOfficeError('InvalidArgument', `address ${address}`);
      p.bind(s, rect);
    });
    return p;
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    const p = new RangeProxy(this.ctx);
    this.ctx.enqueue(10, () => {
      const s = this.s();
      p.bind(s, this.fake.usedRect(s, !!valuesOnly) ?? { r1: 0, c1: 0, r2: 0, c2: 0 });
    });
    return p;
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.fake.requireApi('1.4', 'getUsedRangeOrNullObject');
    const p = new RangeProxy(this.ctx);
    this.ctx.enqueue(10, () => {
      const s = this.s();
      const rect = this.fake.usedRect(s, !!valuesOnly);
      if (rect) p.bind(s, rect);
      else p.bindNull();
    });
    return p;
  }
  activate(): void {
    this.ctx.enqueue(10, () => {
      this.fake.activeSheetId = this.s().id;
    });
  }
  delete(): void {
    this.ctx.enqueue(10, () => this.fake.deleteSheet(this.s()));
  }
  get freezePanes(): { freezeRows(n?: number): void; unfreeze(): void } {
    this.fake.requireApi('1.7', 'Worksheet.freezePanes');
    return {
      freezeRows: (n = 1) =>
        this.ctx.enqueue(10, () => {
          const s = this.s();
          this.fake.record(s, '*', 'freezeRows');
          s.freezeRows = n;
        }),
      unfreeze: () =>
        this.ctx.enqueue(10, () => {
          const s = this.s();
          this.fake.record(s, '*', 'unfreeze');
          s.freezeRows = undefined;
        }),
    };
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, this);
  }
  get autoFilter(): { apply(range: RangeProxy | string): void; remove(): void } {
    this.fake.requireApi('1.9', 'Worksheet.autoFilter');
    return {
      remove: () =>
        this.ctx.enqueue(10, () => {
          const s = this.s();
          this.fake.record(s, '*', 'autoFilter.remove');
          s.autoFilter = undefined;
        }),
      apply: (range) =>
        this.ctx.enqueue(40, () => {
          const s = this.s();
          const rect = typeof range === 'string' ? parseRangeRef(range)! : range.r();
          this.fake.record(s, rangeRef(rect), 'autoFilter');
          s.autoFilter = rect;
        }),
    };
  }
  get pageLayout(): Record<string, unknown> {
    this.fake.requireApi('1.9', 'Worksheet.pageLayout');
    const set = (k: string, v: unknown) =>
      this.ctx.enqueue(byteLength(v), () => {
        const s = this.s();
        this.fake.record(s, '*', `pageLayout.${k}`);
        s.pageLayout[k] = v;
      });
    return {
      set orientation(v: unknown) {
        set('orientation', v);
      },
      set paperSize(v: unknown) {
        set('paperSize', v);
      },
      set zoom(v: unknown) {
        set('zoom', v);
      },
      setPrintTitleRows: (v: string) => set('printTitleRows', v),
      setPrintArea: (v: string) => set('printArea', v),
      set leftMargin(v: unknown) {
        set('leftMargin', v);
      },
      set rightMargin(v: unknown) {
        set('rightMargin', v);
      },
      set topMargin(v: unknown) {
        set('topMargin', v);
      },
      set bottomMargin(v: unknown) {
        set('bottomMargin', v);
      },
      set centerHorizontally(v: unknown) {
        set('centerHorizontally', v);
      },
      headersFooters: {
        defaultForAllPages: {
          set centerFooter(v: unknown) {
            set('centerFooter', v);
          },
        },
      },
    };
  }
  get shapes(): ShapeCollectionProxy {
    this.fake.requireApi('1.9', 'Worksheet.shapes');
    return new ShapeCollectionProxy(this.ctx, this);
  }
}

class RangeProxy extends FakeProxy {
  sheet?: SheetState;
  rect?: Range | null; // null = whole sheet
  format: RangeFormatProxy;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.format = new RangeFormatProxy(ctx, this);
  }
  bind(s: SheetState, rect: Range | null): void {
    this.sheet = s;
    this.rect = rect;
  }
  bindNull(): void {
    this.isNull = true;
  }
  s(): SheetState {
    if (this.isNull || !this.sheet) throw new FakeOfficeError('InvalidObjectPath', 'range');
    if (this.sheet.deleted) throw new FakeOfficeError('ItemNotFound', 'range on deleted sheet');
    return this.sheet;
  }
  r(): Range {
    this.s();
    return this.rect ?? { r1: 0, c1: 0, r2: 1048575, c2: 16383 };
  }
  addr(): string {
    return this.rect === null ? '*' : rangeRef(this.r());
  }
  private grid<T>(f: (r: number, c: number) => T): T[][] {
    const rect = this.r();
    const cells = (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
    if (cells > MAX_CELLS_PER_READ)
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `a read of ${cells} cells (the limit is ${MAX_CELLS_PER_READ})`);
    this.fake.cellsRead += cells;
    const out: T[][] = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: T[] = [];
      for (let c = rect.c1; c <= rect.c2; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }
  protected override child(name: string): FakeProxy | undefined {
    return name === 'format' ? this.format : undefined;
  }
  protected override read(prop: string): unknown {
    const s = this.s();
    const rect = this.r();
    const fk = this.fake;
    switch (prop) {
      case 'address':
        return `${quoteIfNeeded(s.name)}!${rangeRef(rect)}`;
      case 'rowIndex':
        return rect.r1;
      case 'columnIndex':
        return rect.c1;
      case 'rowCount':
        return rect.r2 - rect.r1 + 1;
      case 'columnCount':
        return rect.c2 - rect.c1 + 1;
      case 'values':
        return this.grid((r, c) => fk.valueOf(s.rows[r]?.[c]) ?? '');
      case 'text':
        return this.grid((r, c) => fk.textAt(s, r, c));
      case 'formulas':
        return this.grid((r, c) => {
          const slot = s.rows[r]?.[c];
          if (typeof slot === 'object' && slot.formula) return slot.formula;
          return fk.valueOf(slot) ?? '';
        });
      case 'valueTypes':
        return this.grid((r, c) => {
          const slot = s.rows[r]?.[c];
          if (slot === undefined) return 'Empty';
          if (typeof slot === 'object' && slot.error) return 'Error';
          const v = fk.valueOf(slot);
          if (v === null || v === '') return 'Empty';
          return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
      case 'numberFormat':
        return this.grid((r, c) => s.numberFormats[r]?.[c] ?? 'General');
      case 'top': {
        this.fake.requireApi('1.10', 'Range.top');
        let t = 0;
        for (let r = 0; r < rect.r1; r++) t += s.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
        return t;
      }
      case 'left': {
        this.fake.requireApi('1.10', 'Range.left');
        let l = 0;
        for (let c = 0; c < rect.c1; c++) l += s.colWidths.get(c) ?? DEFAULT_COL_WIDTH;
        return l;
      }
    }
    throw new FakeOfficeError('InvalidArgument', `Range.${prop}`);
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.ctx.enqueue(byteLength(v), () => {
      const s = this.s();
      const rect = this.checkDims(v, 'values');
      this.fake.record(s, rangeRef(rect), 'values');
      v.forEach((row, i) => row.forEach((x, j) => this.fake.input(s, rect.r1 + i, rect.c1 + j, x)));
    });
  }
  get text(): string[][] {
    return this.get('text');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.values = v;
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.ctx.enqueue(byteLength(v), () => {
      const s = this.s();
      const rect = this.checkDims(v, 'numberFormat');
      this.fake.record(s, rangeRef(rect), 'numberFormat');
      v.forEach((row, i) => row.forEach((x, j) => ((s.numberFormats[rect.r1 + i] ??= [])[rect.c1 + j] = x === 'General' ? undefined : x)));
    });
  }
  get top(): number {
    return this.get('top');
  }
  get left(): number {
    return this.get('left');
  }
  /** Range.columnHidden (ExcelApi 1.2): the range's whole columns. */
  set columnHidden(v: boolean) {
    this.fake.requireApi('1.2', 'Range.columnHidden');
    this.ctx.enqueue(20, () => {
      const s = this.s();
      const rect = this.r();
      this.fake.record(s, this.addr(), v ? 'hide columns' : 'show columns');
      for (let c = rect.c1; c <= rect.c2; c++) {
        if (v) s.hiddenCols.add(c);
        else s.hiddenCols.delete(c);
      }
    });
  }
  private checkDims(v: unknown[][], what: string): Range {
    const rect = this.r();
    if (v.length !== rect.r2 - rect.r1 + 1 || v.some((row) => row.length !== rect.c2 - rect.c1 + 1))
      throw new FakeOfficeError(
        'InvalidArgument',
        `${what}: the number of rows or columns in the input array doesn't match the size of the range`,
      );
    return rect;
  }
  /** Range.clear() (ExcelApi 1.1): contents and formats. The fake supports the whole sheet only. */
  clear(applyTo?: string): void {
    this.ctx.enqueue(20, () => {
      const s = this.s();
      if (this.rect !== null || (applyTo && applyTo !== 'All'))
        throw new FakeOfficeError('InvalidArgument', 'fake: clear() of the whole sheet, All, only');
      this.fake.record(s, '*', 'clear');
      s.rows = [];
      s.numberFormats = [];
      s.layers = [];
      this.fake.layersCleared(s);
      s.colWidths.clear();
      s.rowHeights.clear();
    });
  }
  /** Range.unmerge() (ExcelApi 1.2): every merged area touching the range. */
  unmerge(): void {
    this.ctx.enqueue(20, () => {
      const s = this.s();
      const rect = this.r();
      this.fake.record(s, this.addr(), 'unmerge');
      s.merges = s.merges.filter((m) => !(m.r1 <= rect.r2 && rect.r1 <= m.r2 && m.c1 <= rect.c2 && rect.c1 <= m.c2));
    });
  }
  merge(across = false): void {
    this.ctx.enqueue(20, () => {
      const s = this.s();
      const rect = this.r();
      this.fake.record(s, rangeRef(rect), 'merge');
      if (across) for (let r = rect.r1; r <= rect.r2; r++) s.merges.push({ r1: r, c1: rect.c1, r2: r, c2: rect.c2 });
      else s.merges.push({ ...rect });
    });
  }
  select(): void {
    this.ctx.enqueue(10, () => {
      const s = this.s();
      if (s.id !== this.fake.activeSheetId) throw new FakeOfficeError('InvalidSelection', 'select() needs the sheet to be active');
      s.selection = this.addr();
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.fake.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    const p = new RangeAreasProxy(this.ctx);
    this.ctx.enqueue(10, () => {
      const s = this.s();
      const rect = this.r();
      // Excel reports a merged area only where its top-left cell is in the range (office-js#3611).
      const hits = s.merges.filter((m) => m.r1 >= rect.r1 && m.r1 <= rect.r2 && m.c1 >= rect.c1 && m.c1 <= rect.c2);
      if (hits.length > MAX_MERGED_AREAS)
        throw new FakeOfficeError(
          'GeneralException',
          `getMergedAreasOrNullObject: ${hits.length} merged areas, the limit is ${MAX_MERGED_AREAS}`,
        );
      if (hits.length === 0) p.isNullSet();
      else p.addresses = hits.map((m) => `${quoteIfNeeded(s.name)}!${rangeRef(m)}`);
    });
    return p;
  }
  /** The used part of this range (ExcelApi 1.4); a null object when it holds nothing. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.fake.requireApi('1.4', 'Range.getUsedRangeOrNullObject');
    const p = new RangeProxy(this.ctx);
    this.ctx.enqueue(10, () => {
      const s = this.s();
      const rect = this.fake.usedRect(s, !!valuesOnly, this.r());
      if (rect) p.bind(s, rect);
      else p.bindNull();
    });
    return p;
  }
  /** Apply format props to this range (recorded). */
  setFormat(props: FormatProps, what: string): void {
    this.ctx.enqueue(byteLength(props), () => {
      const s = this.s();
      this.fake.record(s, this.addr(), what);
      s.layers.push({ rect: this.rect === null ? null : { ...this.r() }, props });
    });
  }
  /** Uniform format value over the range, or null. */
  formatValue(key: string): unknown {
    const s = this.s();
    const rect = this.r();
    if ((rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1) > 100_000)
      throw new FakeOfficeError('InvalidArgument', 'fake: format read of a huge range');
    let first: unknown;
    let init = false;
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++) {
        const f = this.fake.formatAt(s, r, c);
        let v = f[key];
        if (key === 'fill.color' && f['fill.pattern'] === 'None') v = '#FFFFFF';
        if (!init) {
          first = v;
          init = true;
        } else if (first !== v) return null;
      }
    return first;
  }
}

class RangeAreasProxy extends FakeProxy {
  addresses: string[] = [];
  isNullSet(): void {
    this.isNull = true;
  }
  protected override read(prop: string): unknown {
    if (prop === 'address') return this.addresses.join(', ');
    throw new FakeOfficeError('InvalidArgument', `RangeAreas.${prop}`);
  }
  get address(): string {
    return this.get('address');
  }
}

class RangeFormatProxy extends FakeProxy {
  fill: FillProxy;
  font: FontProxy;
  borders: { getItem(index: string): { style: string } };
  constructor(
    ctx: FakeContext,
    private range: RangeProxy,
  ) {
    super(ctx);
    this.fill = new FillProxy(ctx, range);
    this.font = new FontProxy(ctx, range);
    this.borders = {
      getItem: (index: string) => {
        const rg = this.range;
        return {
          set style(v: string) {
            rg.setFormat({ [`border.${index}`]: v }, `border.${index}`);
          },
          get style(): string {
            throw notLoaded('style');
          },
        };
      },
    };
  }
  protected override child(name: string): FakeProxy | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  protected override read(prop: string): unknown {
    if (prop === 'columnWidth') return this.range.s().colWidths.get(this.range.r().c1) ?? DEFAULT_COL_WIDTH;
    if (prop === 'rowHeight') return this.range.s().rowHeights.get(this.range.r().r1) ?? DEFAULT_ROW_HEIGHT;
    return this.range.formatValue(prop);
  }
  set columnWidth(v: number) {
    this.ctx.enqueue(20, () => {
      const s = this.range.s();
      const rect = this.range.r();
      this.fake.record(s, this.range.addr(), 'columnWidth');
      for (let c = rect.c1; c <= rect.c2; c++) s.colWidths.set(c, v);
    });
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set horizontalAlignment(v: string) {
    this.range.setFormat({ horizontalAlignment: v }, 'horizontalAlignment');
  }
  set verticalAlignment(v: string) {
    this.range.setFormat({ verticalAlignment: v }, 'verticalAlignment');
  }
  set wrapText(v: boolean) {
    this.range.setFormat({ wrapText: v }, 'wrapText');
  }
  set shrinkToFit(v: boolean) {
    this.fake.requireApi('1.9', 'RangeFormat.shrinkToFit');
    this.range.setFormat({ shrinkToFit: v }, 'shrinkToFit');
  }
  set rowHeight(v: number) {
    this.ctx.enqueue(20, () => {
      const s = this.range.s();
      const rect = this.range.r();
      this.fake.record(s, this.range.addr(), 'rowHeight');
      for (let r = rect.r1; r <= rect.r2; r++) s.rowHeights.set(r, v);
    });
  }
  get rowHeight(): number {
    return this.get('rowHeight');
  }
}

class FillProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private range: RangeProxy,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    if (prop === 'pattern' || prop === 'patternColor') this.fake.requireApi('1.9', `RangeFill.${prop}`);
    return this.range.formatValue(`fill.${prop}`);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.range.setFormat({ 'fill.color': normColor(v), 'fill.patternIfNone': 'Solid' }, 'fill.color');
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set pattern(v: string) {
    this.fake.requireApi('1.9', 'RangeFill.pattern');
    this.range.setFormat({ 'fill.pattern': v }, 'fill.pattern');
  }
  get patternColor(): string {
    return this.get('patternColor');
  }
  set patternColor(v: string) {
    this.fake.requireApi('1.9', 'RangeFill.patternColor');
    this.range.setFormat({ 'fill.patternColor': normColor(v) }, 'fill.patternColor');
  }
  clear(): void {
    this.range.setFormat({ 'fill.color': null, 'fill.pattern': 'None', 'fill.patternColor': null }, 'fill.clear');
  }
}

class FontProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private range: RangeProxy,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    return this.range.formatValue(`font.${prop}`);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.range.setFormat({ 'font.color': normColor(v) }, 'font.color');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.range.setFormat({ 'font.name': v }, 'font.name');
  }
  get size(): number {
    return this.get('size');
  }
  set size(v: number) {
    this.range.setFormat({ 'font.size': v }, 'font.size');
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.range.setFormat({ 'font.bold': v }, 'font.bold');
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.range.setFormat({ 'font.italic': v }, 'font.italic');
  }
}

class TableCollectionProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private ws: WorksheetProxy | null,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `TableCollection.${prop}`);
  }
  override doLoad(paths: string[]): void {
    super.doLoad([]);
    const rest = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    const sheets = this.ws ? [this.ws.s()] : this.fake.live();
    const items = sheets.flatMap((s) =>
      s.tables.map((t) => {
        const p = new TableProxy(this.ctx, s, t);
        p.doLoad(rest);
        return p;
      }),
    );
    this.loaded.set('items', items);
  }
  get items(): TableProxy[] {
    return this.get('items');
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const p = new TableProxy(this.ctx);
    this.ctx.enqueue(byteLength(typeof address === 'string' ? address : 'range'), () => {
      const s = this.ws!.s();
      const rect = typeof address === 'string' ? parseRangeRef(splitSheetAddress(address).local)! : address.r();
      if (s.merges.some((m) => m.r1 <= rect.r2 && rect.r1 <= m.r2 && m.c1 <= rect.c2 && rect.c1 <= m.c2))
        throw new FakeOfficeError('InvalidOperation', 'table over merged cells');
      if (!hasHeaders) throw new FakeOfficeError('InvalidArgument', 'fake supports hasHeaders=true only');
      const t: TableState = { name: `Table${this.fake.sheets.reduce((n, x) => n + x.tables.length, 1)}`, rect };
      this.fake.record(s, rangeRef(rect), 'table');
      s.tables.push(t);
      p.bindTable(s, t);
    });
    return p;
  }
}

class TableProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private sheet?: SheetState,
    private table?: TableState,
  ) {
    super(ctx);
  }
  bindTable(s: SheetState, t: TableState): void {
    this.sheet = s;
    this.table = t;
  }
  protected override child(name: string): FakeProxy | undefined {
    return name === 'worksheet' ? WorksheetProxy.bound(this.ctx, this.sheet!) : undefined;
  }
  override doLoad(paths: string[]): void {
    const ws = paths.filter((p) => p.startsWith('worksheet/'));
    if (ws.length) {
      const p = WorksheetProxy.bound(this.ctx, this.sheet!);
      p.doLoad(ws.map((x) => x.slice(10)));
      this.loaded.set('worksheet', p);
    }
    super.doLoad(paths.filter((p) => !p.startsWith('worksheet/')));
  }
  protected override read(prop: string): unknown {
    if (prop === 'name') return this.table!.name;
    if (prop === 'style') return this.table!.style;
    throw new FakeOfficeError('InvalidArgument', `Table.${prop}`);
  }
  get worksheet(): WorksheetProxy {
    return this.get('worksheet');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.ctx.enqueue(byteLength(v), () => {
      const all = this.fake.live().flatMap((s) => s.tables);
      if (
        all.some((t) => t !== this.table && t.name.toLowerCase() === v.toLowerCase()) ||
        this.fake.names.some((n) => n.name.toLowerCase() === v.toLowerCase())
      )
        throw new FakeOfficeError('InvalidArgument', `table name ${v} is taken`);
      this.fake.record(this.sheet!, rangeRef(this.table!.rect), 'table.name');
      this.table!.name = v;
    });
  }
  /** Table.delete(): the table and its cells' contents go. */
  delete(): void {
    this.ctx.enqueue(10, () => {
      const s = this.sheet!;
      const t = this.table!;
      this.fake.record(s, rangeRef(t.rect), 'table.delete');
      s.tables = s.tables.filter((x) => x !== t);
      for (let r = t.rect.r1; r <= t.rect.r2; r++) for (let c = t.rect.c1; c <= t.rect.c2; c++) if (s.rows[r]) s.rows[r]![c] = undefined;
    });
  }
  set style(v: string) {
    this.ctx.enqueue(byteLength(v), () => {
      this.fake.record(this.sheet!, rangeRef(this.table!.rect), 'table.style');
      this.table!.style = v;
    });
  }
}

class ShapeCollectionProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private ws: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `ShapeCollection.${prop}`);
  }
  override doLoad(paths: string[]): void {
    super.doLoad([]);
    const rest = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    const items = this.ws.s().shapes.map((sh) => {
      const p = new ShapeProxy(this.ctx, sh);
      p.doLoad(rest);
      return p;
    });
    this.loaded.set('items', items);
  }
  get items(): ShapeProxy[] {
    return this.get('items');
  }
}

class ShapeProxy extends FakeProxy {
  textFrame: { textRange: TextRangeProxy; hasText: boolean };
  constructor(
    ctx: FakeContext,
    private shape: ShapeState,
  ) {
    super(ctx);
    const textRange = new TextRangeProxy(ctx, shape);
    this.textFrame = { textRange, hasText: shape.text !== undefined && shape.text !== '' };
  }
  protected override read(prop: string): unknown {
    if (prop in this.shape) return (this.shape as unknown as Record<string, unknown>)[prop];
    throw new FakeOfficeError('InvalidArgument', `Shape.${prop}`);
  }
  get type(): string {
    return this.get('type');
  }
  get top(): number {
    return this.get('top');
  }
  get left(): number {
    return this.get('left');
  }
}

class TextRangeProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private shape: ShapeState,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    if (prop !== 'text') throw new FakeOfficeError('InvalidArgument', `TextRange.${prop}`);
    if (this.shape.type !== 'TextBox' && this.shape.type !== 'GeometricShape')
      throw new FakeOfficeError('GeneralException', 'shape has no text frame');
    return this.shape.text ?? '';
  }
  get text(): string {
    return this.get('text');
  }
}

class NameCollectionProxy extends FakeProxy {
  protected override read(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `NamedItemCollection.${prop}`);
  }
  override doLoad(paths: string[]): void {
    super.doLoad([]);
    const rest = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    const items = this.fake.names.map((n) => {
      const p = new NamedItemProxy(this.ctx, n);
      p.doLoad(rest);
      return p;
    });
    this.loaded.set('items', items);
  }
  get items(): NamedItemProxy[] {
    return this.get('items');
  }
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    this.fake.requireApi('1.4', 'NamedItemCollection.add');
    const p = new NamedItemProxy(this.ctx);
    this.ctx.enqueue(byteLength([name, comment]), () => {
      if (this.fake.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new FakeOfficeError('ItemAlreadyExists', `name ${name}`);
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) throw new FakeOfficeError('InvalidArgument', `name ${name}`);
      let state: NameState;
      if (typeof reference === 'string') state = { name, formula: reference, comment: comment ?? '' };
      else {
        const rect = reference.r();
        state = { name, sheetId: reference.s().id, address: `$${a1(rect.r1, rect.c1).replace(/(\d+)$/, '$$$1')}`, comment: comment ?? '' };
      }
      this.fake.names.push(state);
      this.fake.record(null, name, 'name.add');
      p.bindName(state);
    });
    return p;
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    this.fake.requireApi('1.4', 'NamedItemCollection.getItemOrNullObject');
    const p = new NamedItemProxy(this.ctx);
    this.ctx.enqueue(byteLength(name), () => {
      const n = this.fake.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (n) p.bindName(n);
      else p.bindNullName();
    });
    return p;
  }
}

class NamedItemProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private state?: NameState,
  ) {
    super(ctx);
  }
  bindName(n: NameState): void {
    this.state = n;
  }
  bindNullName(): void {
    this.isNull = true;
  }
  protected override read(prop: string): unknown {
    const n = this.state!;
    if (prop === 'name') return n.name;
    if (prop === 'comment') return n.comment;
    if (prop === 'formula') {
      this.fake.requireApi('1.7', 'NamedItem.formula');
      return this.fake.nameFormula(n);
    }
    // NamedItem.value (1.1): the reference without "=", as Excel gives it for a range name.
    if (prop === 'value') return this.fake.nameFormula(n).replace(/^=/, '');
    throw new FakeOfficeError('InvalidArgument', `NamedItem.${prop}`);
  }
  get name(): string {
    return this.get('name');
  }
  get comment(): string {
    return this.get('comment');
  }
  get value(): string {
    return this.get('value');
  }
  get formula(): string {
    return this.get('formula');
  }
  /** Deleting a null object is a no-op in the fake (Office.js ignores calls on null objects). */
  delete(): void {
    this.ctx.enqueue(10, () => {
      if (this.isNull || !this.state) return;
      this.fake.names = this.fake.names.filter((n) => n !== this.state);
      this.fake.record(null, this.state.name, 'name.delete');
    });
  }
}

class SettingCollectionProxy extends FakeProxy {
  protected override read(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `SettingCollection.${prop}`);
  }
  add(key: string, value: unknown): SettingProxy {
    this.fake.requireApi('1.4', 'SettingCollection.add');
    const p = new SettingProxy(this.ctx, key);
    this.ctx.enqueue(byteLength([key, value]), () => {
      this.fake.settings.set(key, JSON.parse(JSON.stringify(value)));
      this.fake.record(null, key, 'setting.add');
    });
    return p;
  }
  getItemOrNullObject(key: string): SettingProxy {
    this.fake.requireApi('1.4', 'SettingCollection.getItemOrNullObject');
    return new SettingProxy(this.ctx, key, true);
  }
}

class SettingProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private key: string,
    private nullable = false,
  ) {
    super(ctx);
  }
  override doLoad(paths: string[]): void {
    this.isNull = this.nullable && !this.fake.settings.has(this.key);
    super.doLoad(paths);
  }
  protected override read(prop: string): unknown {
    if (prop === 'key') return this.key;
    if (prop === 'value') return this.fake.settings.get(this.key);
    throw new FakeOfficeError('InvalidArgument', `Setting.${prop}`);
  }
  get value(): unknown {
    return this.get('value');
  }
  delete(): void {
    this.ctx.enqueue(10, () => {
      if (!this.fake.settings.has(this.key)) return;
      this.fake.settings.delete(this.key);
      this.fake.record(null, this.key, 'setting.delete');
    });
  }
}
