/**
 * Colouring the cells of findings, and restoring the officer's own formats afterwards.
 */
import type { Finding } from '../engine/findings';
import { colLetter } from '../engine/model';
import { detectApi, excelRun, type ExcelRun } from './detect';
import { parseRangeRef, splitSheetAddress } from './tags';

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
      for (const { a, ...format } of (parsed as SavedStoreV2).groups)
        for (const cell of String(a).split(' ')) if (cell) out.push({ ...format, a: cell });
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
        if (!prev || SEVERITY_RANK[c.severity] > SEVERITY_RANK[prev.severity])
          wanted.set(k, { k, sheet: ws!.name, address: a, severity: c.severity });
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
        // eslint-disable-next-line office-addins/no-empty-load -- fillProps names the properties (the rule sees only literals)
        range.format.fill.load(fillProps);
        range.format.font.load('color');
        reads.push({ k: w.k, sheet: w.sheet, address: w.address, range });
      }
      if (pending) fill(pending);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of cells: a request stays under Excel's size limits
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
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of cells, as above
      await context.sync();
      pending = reads;
    }
    if (pending) restore(pending);
    setting.delete();
    await context.sync();
    return { restored, skipped };
  });
}
