/**
 * Writing the engine's output sheets into the workbook (values in chunks, formats, merges, tables,
 * page setup), text-safe (see excel.ts).
 */
import { DEFAULT_FONT, type CellStyle, type OutCell, type OutSheet } from '../engine/output';
import { mergeLayout, PAGE_MARGINS, rowHeightFor } from '../engine/print';
import type { Range } from '../engine/model';
import { colLetter } from '../engine/model';
import { freeSheetName } from '../engine/sheet-name';
import { detectApi, excelRun, type ExcelRun } from './detect';
import { columnsRef, intersects, namedItemTagStore, rangeRef, type TagStore } from './tags';

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
  /**
   * Name our earlier sheet had when it was rewritten in place (cleared and written again: its
   * contents, including any edits made there, are replaced), or null for a new sheet.
   */
  replaced: string | null;
  filter: 'table' | 'autofilter' | null;
  syncs: number;
  chunks: number;
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
 * Write `sheet` into the workbook. Our own earlier sheet with the same tag (`opts.replaceTag`, default
 * the sheet name) is rewritten in place (cleared, written, renamed back to the wanted name); otherwise a
 * new sheet is added. An officer's sheet with the wanted name is never touched: ours is "name (2)".
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

    // Setup (rides on the first chunk's sync). Written before: our sheet is rewritten in place, never
    // deleted (formulas pointing at it stay valid, its position and anything the officer added that is
    // not cells, such as charts, stay). Else a new sheet under a temporary name. Then our tags for this
    // output, the name, the tag, the default font.
    // A function: a request Excel refuses for its size ran nothing, and the setup goes again with the
    // first half of the rows it carried.
    let ws!: Excel.Worksheet;
    const font = sheet.font ?? DEFAULT_FONT;
    const setup = (): void => {
      if (old) {
        ws = old;
        for (const tb of tables.items) if (tb.worksheet.name === old.name) tb.delete();
        if (api.autoFilter) old.autoFilter.remove();
        if (api.freezePanes) old.freezePanes.unfreeze();
        const everything = old.getRange();
        everything.unmerge();
        everything.clear();
        // clear() leaves hidden columns hidden: the rewritten sheet hides its own.
        everything.columnHidden = false;
      } else ws = sheets.add(freeSheetName('~OnePlan', new Set([...taken, ...byName.keys()])));
      for (const t of mine) tags.untag(context, t);
      // Also drop stale tags of sheets that no longer exist.
      for (const t of all) if (t.tag !== tag && t.sheet === null) tags.untag(context, t);
      ws.name = finalName;
      tags.tag(context, ws, tag);
      const whole = ws.getRange();
      whole.format.font.name = font.name;
      whole.format.font.size = font.size;
    };

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
      const first = r0;
      const queueRows = (a: number, b: number): void => {
        if (b <= a) return;
        const range = ws.getRange(`A${a + 1}:${lastCol}${b}`);
        if (anyNumFmt) range.numberFormat = formats.slice(a - first, b - first);
        range.values = values.slice(a - first, b - first);
      };
      await inHalves(r0, r, queueRows, sync, chunks === 0 ? setup : undefined);
      chunks++;
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
          // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- format is only written to, never read
          const f = rg.format;
          if (style.bold) f.font.bold = true;
          if (style.italic) f.font.italic = true;
          if (style.size) f.font.size = style.size;
          if (style.color) f.font.color = '#' + style.color.replace(/^#/, '');
          if (style.fill) f.fill.color = '#' + style.fill.replace(/^#/, '');
          if (style.align) f.horizontalAlignment = ALIGN_H[style.align];
          if (style.valign) f.verticalAlignment = ALIGN_V[style.valign];
          if (style.wrap) f.wrapText = true;
          if (style.shrink && api.pageLayout) f.shrinkToFit = true; // ExcelApi 1.9, as pageLayout
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
    for (let c = 0; c < widths.length;) {
      let c2 = c;
      while (c2 + 1 < widths.length && widths[c2 + 1] === widths[c]) c2++;
      const w = widths[c];
      const addr = columnsRef(c, c2);
      if (w > 0) ops.push({ bytes: 100, apply: () => (ws.getRange(addr).format.columnWidth = charsToPoints(w)) });
      c = c2 + 1;
    }
    // Hidden columns (a year no need asks for, a whole line printed short): off screen and off paper.
    for (const c of sheet.hiddenCols ?? []) {
      const addr = columnsRef(c, c);
      ops.push({ bytes: 80, apply: () => (ws.getRange(addr).columnHidden = true) });
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
      const header = (sheet.rows[t.headerRow] ?? [])
        .slice(0, t.lastCol + 1)
        .map((c) => (c !== null && typeof c === 'object' ? c.value : c));
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
    // Row heights for wrapped texts, as the .xlsx writer sets them (Excel does not fit merged or
    // written rows by itself): runs of rows of one height in one request each.
    if (sheet.fitRows) {
      const fontSize = (sheet.font ?? DEFAULT_FONT).size;
      const layout = mergeLayout(sheet);
      const hidden = new Set(sheet.hiddenCols);
      const rowStyles = sheet.rowStyles ?? {};
      const heights = sheet.rows.map((row, r) =>
        rowHeightFor(
          row,
          sheet.colWidths ?? [],
          fontSize,
          rowStyles[String(r)],
          layout.spans.get(r),
          layout.tall.get(r),
          sheet.page?.columns,
          hidden,
        ),
      );
      for (let r = 0; r < heights.length;) {
        let r2 = r;
        while (r2 + 1 < heights.length && heights[r2 + 1] === heights[r]) r2++;
        const h = heights[r];
        if (h !== undefined) {
          const addr = `${r + 1}:${r2 + 1}`;
          ops.push({ bytes: 100, apply: () => (ws.getRange(addr).format.rowHeight = h) });
        }
        r = r2 + 1;
      }
    }
    if (api.pageLayout) {
      const page = sheet.page ?? { orientation: 'landscape' as const, fitWidth: true };
      const titles = sheet.printTitleRows;
      const printArea = page.columns ? `A1:${colLetter(page.columns - 1)}${Math.max(1, sheet.rows.length)}` : undefined;
      ops.push({
        bytes: 300,
        apply: () => {
          const pl = ws.pageLayout;
          pl.paperSize = 'A4';
          pl.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
          if (page.fitWidth) pl.zoom = { horizontalFitToPages: 1 };
          if (titles) pl.setPrintTitleRows(`$${titles[0] + 1}:$${titles[1] + 1}`);
          if (page.columns || page.footer) {
            // Points; the same narrow margins as the .xlsx writer.
            pl.leftMargin = PAGE_MARGINS.left * 72;
            pl.rightMargin = PAGE_MARGINS.right * 72;
            pl.topMargin = PAGE_MARGINS.top * 72;
            pl.bottomMargin = PAGE_MARGINS.bottom * 72;
            pl.centerHorizontally = true;
          }
          if (printArea) pl.setPrintArea(printArea);
          if (page.footer) pl.headersFooters.defaultForAllPages.centerFooter = page.footer;
        },
      });
    }
    if (opts.activate !== false) ops.push({ bytes: 60, apply: () => ws.activate() });

    const applyOps = (a: number, b: number): void => {
      for (let i = a; i < b; i++) ops[i].apply();
    };
    for (let i = 0; i < ops.length;) {
      let j = i;
      let pending = 0;
      while (j < ops.length && (j === i || pending + ops[j].bytes <= CHUNK_BYTES)) pending += ops[j++].bytes;
      await inHalves(i, j, applyOps, sync);
      i = j;
    }
    return { name: finalName, replaced: old ? old.name : null, filter, syncs, chunks };
  });
}

/** Excel on the web refuses a request over its size limit (5 MB) as a whole: nothing in it ran. */
export function isPayloadTooLarge(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  return err?.code === 'RequestPayloadSizeLimitExceeded' || /RequestPayloadSizeLimitExceeded/.test(String(err?.message ?? ''));
}

/**
 * Queue items [a, b) (rows of a range write, formatting requests) and sync. A request refused for its
 * size goes again in halves, each halved again until it fits (the estimate of CHUNK_BYTES can be
 * wrong: Excel counts its own encoding). `before` is queued again with the first half (what rode on
 * the refused request). One item that alone does not fit fails as Excel said.
 */
export async function inHalves(
  a: number,
  b: number,
  queue: (a: number, b: number) => void,
  sync: () => Promise<void>,
  before?: () => void,
): Promise<void> {
  before?.();
  queue(a, b);
  try {
    await sync();
  } catch (e) {
    if (!isPayloadTooLarge(e) || b - a < 2) throw e;
    const mid = a + Math.floor((b - a) / 2);
    await inHalves(a, mid, queue, sync, before);
    await inHalves(mid, b, queue, sync);
  }
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
