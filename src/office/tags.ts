/**
 * Address helpers and the tag store: how the add-in remembers which worksheets it created.
 *
 * Tag store (default): one workbook-scoped defined name per output sheet, e.g. `OnePlan_1a2b3c4d`,
 * referring to `'<our sheet>'!$A$1`, with the comment `oneplan:<tag>`. Why a defined name:
 *  - it lives in the workbook file and survives save/close/reopen (worksheet ids do not: Excel
 *    re-issues `worksheet.id` every session, office-js-docs#297, office-js#1390);
 *  - Excel keeps its formula pointing at our sheet when the officer renames or moves it, and turns it
 *    into `#REF!` when the sheet is deleted, so a stale tag can never point at someone else's sheet;
 *  - when the officer copies our sheet, the copy gets at most a sheet-scoped duplicate, which is not
 *    in `workbook.names`, so a copy is never mistaken for ours;
 *  - it needs only ExcelApi 1.4 (names.add with a comment; the reference is read as `value` below 1.7)
 *    and is read in the same `sync` as the worksheet list.
 * The `TagStore` interface lets another store (worksheet.customProperties, 1.12) replace it.
 */
import { a1, colIndex, colLetter, type Range } from '../engine/model';

/** Queue-then-read: `load` queues loads on the context and returns a reader to call after `sync`. */
export interface TagStore {
  load(context: Excel.RequestContext): () => TaggedSheet[];
  /** Queue tagging a worksheet (created in this batch) with `tag`. */
  tag(context: Excel.RequestContext, sheet: Excel.Worksheet, tag: string): void;
  /** Queue removing a tag entry (before deleting its sheet, or when stale). */
  untag(context: Excel.RequestContext, entry: TaggedSheet): void;
}

export interface TaggedSheet {
  tag: string;
  /** Current name of the tagged sheet, or null when the sheet no longer exists (stale tag). */
  sheet: string | null;
  /** Store-specific key (the defined name). */
  key: string;
}

export const TAG_NAME_PREFIX = 'OnePlan_';
const TAG_COMMENT_PREFIX = 'oneplan:';

/** FNV-1a 32-bit: a short, stable, name-safe key for a tag of any script (Thai tags too). */
export function hashTag(tag: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < tag.length; i++) {
    h ^= tag.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function hasExcelApi(version: string): boolean {
  return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('ExcelApi', version);
}

export const namedItemTagStore: TagStore = {
  load(context) {
    const names = context.workbook.names;
    // NamedItem.formula needs ExcelApi 1.7; value (1.1) gives the same reference without "=".
    const formula = hasExcelApi('1.7');
    names.load(formula ? 'items/name,items/formula,items/comment' : 'items/name,items/value,items/comment');
    return () => {
      const out: TaggedSheet[] = [];
      for (const item of names.items) {
        if (!item.name.startsWith(TAG_NAME_PREFIX)) continue;
        const comment = String(item.comment ?? '');
        if (!comment.startsWith(TAG_COMMENT_PREFIX)) continue;
        out.push({
          tag: comment.slice(TAG_COMMENT_PREFIX.length),
          sheet: sheetOfFormula(String(formula ? item.formula : item.value)),
          key: item.name,
        });
      }
      return out;
    };
  },
  tag(context, sheet, tag) {
    context.workbook.names.add(TAG_NAME_PREFIX + hashTag(tag), sheet.getRange('A1'), TAG_COMMENT_PREFIX + tag);
  },
  untag(context, entry) {
    context.workbook.names.getItemOrNullObject(entry.key).delete();
  },
};

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

/** Quote a sheet name for a reference: always quoted, `'` doubled (valid for every name). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Split "Sheet!A1" / "'It''s'!A1:B2" into sheet (unquoted) and local address. */
export function splitSheetAddress(address: string): { sheet?: string; local: string } {
  const bang = lastIndexOutsideQuotes(address, '!');
  if (bang < 0) return { local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith('=')) sheet = sheet.slice(1);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

/** Split a comma-separated address list ("'a,b'!A1:B2, Sheet1!C3") respecting quoted sheet names. */
export function splitAddressList(list: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === "'") inQuote = !inQuote;
    if (ch === ',' && !inQuote) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function lastIndexOutsideQuotes(s: string, ch: string): number {
  let inQuote = false;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "'") inQuote = !inQuote;
    else if (s[i] === ch && !inQuote) last = i;
  }
  return last;
}

/** Sheet a defined name's formula refers to ("='รายงาน (2)'!$A$1" → "รายงาน (2)"); null for #REF!. */
export function sheetOfFormula(formula: string): string | null {
  if (/#REF!/i.test(formula)) return null;
  const { sheet } = splitSheetAddress(formula.replace(/^=/, ''));
  return sheet ?? null;
}

/** Parse "B2", "$B$2:D$5" (no sheet) into a 0-based inclusive rectangle. */
export function parseRangeRef(ref: string): Range | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const r1 = parseInt(m[2], 10) - 1;
  const c1 = colIndex(m[1].toUpperCase());
  if (!m[3]) return { r1, c1, r2: r1, c2: c1 };
  const r2 = parseInt(m[4], 10) - 1;
  const c2 = colIndex(m[3].toUpperCase());
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/** 0-based rectangle → "B2:D5" (or "B2" for one cell). */
export function rangeRef(r: Range): string {
  const tl = a1(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${a1(r.r2, r.c2)}`;
}

/** Whole columns c1..c2 (0-based) → "B:D". */
export function columnsRef(c1: number, c2: number): string {
  return `${colLetter(c1)}:${colLetter(c2)}`;
}

export function intersects(a: Range, b: Range): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}
