/**
 * .xlsx writer: an OutWorkbook (data) → file bytes that Excel and LibreOffice open. Shared strings,
 * deduplicated cell styles, merges, column widths, frozen header rows, autofilter, A4 page setup with
 * fit-to-width and print titles. Strings are always text (never formulas); only `{formula}` cells get <f>.
 * Written straight to UTF-8 bytes (bytes.ts), a sheet at a time; a sheet's rows may be made as they
 * are written (StreamedSheet), so a national needs table is never held whole.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { CellStyle, FileWorkbook, OutCell, OutSheet, OutWorkbook, StreamedSheet } from '../engine/output';
import { isStreamed } from '../engine/output';
import { DEFAULT_FONT } from '../engine/output';
import { PAGE_MARGINS, RowHeights } from '../engine/print';
import { AsciiText, ByteSink } from './bytes';
import { freeSheetName } from '../engine/sheet-name';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel's limit for one cell's text. */
const MAX_CELL_TEXT = 32767;

// ---------------------------------------------------------------------------------------------
// Escaping

// XML 1.0 forbids these control characters: the patterns exist to find and drop them.
/* eslint-disable no-control-regex */
const NEEDS_ESCAPE = /[&<>"\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
/**
 * NEEDS_ESCAPE's characters and "_" in one class: a text without any (nearly every text) is plain
 * after one class scan, about a quarter faster than NEEDS_ESCAPE's, which tries its second branch at
 * every character.
 */
const MAY_ESCAPE = /[&<>"\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF_]/;
const ILLEGAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const HAS_ILLEGAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */

/** Whether a text has anything to clean or escape (NEEDS_ESCAPE, most texts told apart by MAY_ESCAPE). */
const needsEscape = (s: string): boolean => MAY_ESCAPE.test(s) && NEEDS_ESCAPE.test(s);

/** Remove characters that XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/FFFF). */
export function stripIllegalXml(s: string): string {
  return HAS_ILLEGAL.test(s) ? s.replace(ILLEGAL, '') : s;
}

/** Escape text for element content or attribute values (double-quoted). */
export function escapeXml(s: string): string {
  if (!needsEscape(s)) return s;
  return stripIllegalXml(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_'); // keep a literal "_x0041_" literal
}

function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const COLS: string[] = [];
function col(c: number): string {
  let s = COLS[c];
  if (s === undefined) {
    for (let i = COLS.length; i <= c; i++) COLS[i] = colLetters(i);
    s = COLS[c];
  }
  return s;
}

/**
 * Entry `x` of a list of texts made once each (by index: a column, a style), made with the ones before
 * it when first asked: the list has no holes and is never read past its end (the row writer's optimised
 * code was thrown away each time a new style's entry was read past the end).
 */
function made<T>(list: T[], x: number, make: (x: number) => T): T {
  for (let i = list.length; i <= x; i++) list.push(make(i));
  return list[x];
}

/** `<c r="B` for column 1: a cell's opening up to its row number. */
const CELL_OPEN: AsciiText[] = [];
const makeOpen = (c: number): AsciiText => new AsciiText('<c r="' + col(c));
const cellOpen = (c: number): AsciiText => (c < CELL_OPEN.length ? CELL_OPEN[c] : made(CELL_OPEN, c, makeOpen));

/** `" s="3"` for style 3, `"` for the default style: a cell's attributes after its row number. */
const styleText = (x: number): string => (x ? `" s="${x}"` : '"');
const STYLE_ATTR: AsciiText[] = [];
const makeStyle = (x: number): AsciiText => new AsciiText(styleText(x));
const styleAttr = (x: number): AsciiText => (x < STYLE_ATTR.length ? STYLE_ATTR[x] : made(STYLE_ATTR, x, makeStyle));

/** `" s="3"/>`: an empty styled cell's attributes after its row number, and its end. */
const EMPTY_ATTRS: AsciiText[] = [];
const makeEmpty = (x: number): AsciiText => new AsciiText(styleText(x) + '/>');
const emptyAttrs = (x: number): AsciiText => (x < EMPTY_ATTRS.length ? EMPTY_ATTRS[x] : made(EMPTY_ATTRS, x, makeEmpty));

/** `" s="3"><v>`: a number cell's attributes after its row number, up to its value. */
const NUMBER_ATTRS: AsciiText[] = [];
const makeNumber = (x: number): AsciiText => new AsciiText(styleText(x) + '><v>');
const numberAttrs = (x: number): AsciiText => (x < NUMBER_ATTRS.length ? NUMBER_ATTRS[x] : made(NUMBER_ATTRS, x, makeNumber));

/** `" s="3" t="s"><v>`: a shared-string cell's, up to the string's index. */
const SHARED_ATTRS: AsciiText[] = [];
const makeShared = (x: number): AsciiText => new AsciiText(styleText(x) + ' t="s"><v>');
const sharedAttrs = (x: number): AsciiText => (x < SHARED_ATTRS.length ? SHARED_ATTRS[x] : made(SHARED_ATTRS, x, makeShared));

/** Style x's attribute texts, made with the ones before them (SheetXfs, as it gives out x). */
function attrsFor(x: number): void {
  if (x < SHARED_ATTRS.length) return;
  made(STYLE_ATTR, x, makeStyle);
  made(EMPTY_ATTRS, x, makeEmpty);
  made(NUMBER_ATTRS, x, makeNumber);
  made(SHARED_ATTRS, x, makeShared);
}

/** `" ht="26.75" customHeight="1">`: a row's height attributes, made once per height (a sheet has a few dozen). */
const HT_ATTRS = new Map<number, AsciiText>();
function htAttrs(ht: number): AsciiText {
  let a = HT_ATTRS.get(ht);
  if (a === undefined) {
    a = new AsciiText(`" ht="${num(ht)}" customHeight="1">`);
    if (HT_ATTRS.size >= 1000) HT_ATTRS.clear();
    HT_ATTRS.set(ht, a);
  }
  return a;
}

/** A row's opening up to its number, the end of a row of the default height, a row's end. */
const ROW_OPEN = new AsciiText('<row r="');
const ROW_ATTRS = new AsciiText('">');
const ROW_END = new AsciiText('</row>');
/** An inline string cell's text between its attributes and its end (xml:space="preserve": edge spaces kept). */
const INLINE_OPEN = new AsciiText(' t="inlineStr"><is><t>');
const INLINE_OPEN_SPACES = new AsciiText(' t="inlineStr"><is><t xml:space="preserve">');
const INLINE_END = new AsciiText('</t></is></c>');

function num(n: number): string {
  // Excel reads up to 17 significant digits; JS's shortest round-trip form is exact.
  return String(n);
}

/** Valid, unique sheet names, by the rule the Office.js writer uses too (engine/sheet-name.ts). */
function sheetNames(sheets: ReadonlyArray<{ name: string }>): string[] {
  const used = new Set<string>();
  return sheets.map((s) => {
    const name = freeSheetName(s.name, used);
    used.add(name.toLowerCase());
    return name;
  });
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// Styles

const BUILTIN_NUMFMT: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

interface FontKey {
  name: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

function normColor(c: string | undefined): string | undefined {
  if (!c) return undefined;
  const h = c.replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{6}$/.test(h)) return 'FF' + h;
  if (/^[0-9A-F]{8}$/.test(h)) return h;
  return undefined;
}

class StyleTable {
  private fonts: string[] = [];
  private fontIdx = new Map<string, number>();
  private fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private fillIdx = new Map<string, number>();
  private numFmts: string[] = [];
  private numFmtIdx = new Map<string, number>();
  private xfs: string[] = [];
  private xfIdx = new Map<string, number>();

  constructor(readonly defaultFont: { name: string; size: number }) {
    this.font({ name: defaultFont.name, size: defaultFont.size });
    this.xf({}, defaultFont); // xf 0: the default
  }

  private font(k: FontKey): number {
    const color = normColor(k.color);
    const key = `${k.name}|${k.size}|${k.bold ? 1 : 0}|${k.italic ? 1 : 0}|${color ?? ''}`;
    let i = this.fontIdx.get(key);
    if (i === undefined) {
      i = this.fonts.length;
      this.fontIdx.set(key, i);
      this.fonts.push(
        '<font>' +
          (k.bold ? '<b/>' : '') +
          (k.italic ? '<i/>' : '') +
          `<sz val="${num(k.size)}"/>` +
          (color ? `<color rgb="${color}"/>` : '') +
          `<name val="${escapeXml(k.name)}"/><family val="2"/><charset val="222"/>` +
          '</font>',
      );
    }
    return i;
  }

  private fill(color: string | undefined): number {
    const c = normColor(color);
    if (!c) return 0;
    let i = this.fillIdx.get(c);
    if (i === undefined) {
      i = this.fills.length;
      this.fillIdx.set(c, i);
      this.fills.push(`<fill><patternFill patternType="solid"><fgColor rgb="${c}"/><bgColor indexed="64"/></patternFill></fill>`);
    }
    return i;
  }

  private numFmt(code: string | undefined): number {
    if (!code) return 0;
    const b = BUILTIN_NUMFMT[code];
    if (b !== undefined) return b;
    let i = this.numFmtIdx.get(code);
    if (i === undefined) {
      i = 164 + this.numFmts.length;
      this.numFmtIdx.set(code, i);
      this.numFmts.push(`<numFmt numFmtId="${i}" formatCode="${escapeXml(code)}"/>`);
    }
    return i;
  }

  /** Index in cellXfs of a style (with the sheet's font as the base). */
  xf(st: CellStyle, font: { name: string; size: number }): number {
    const key =
      `${font.name}|${font.size}|${st.bold ? 1 : 0}${st.italic ? 1 : 0}|${st.size ?? ''}|${st.color ?? ''}|${st.fill ?? ''}|` +
      `${st.align ?? ''}|${st.valign ?? ''}|${st.wrap ? 1 : 0}|${st.border ? 1 : 0}|${st.numFmt ?? ''}${st.shrink ? '|s' : ''}`;
    let i = this.xfIdx.get(key);
    if (i !== undefined) return i;
    const fontId = this.font({ name: font.name, size: st.size ?? font.size, bold: st.bold, italic: st.italic, color: st.color });
    const fillId = this.fill(st.fill);
    const borderId = st.border ? 1 : 0;
    const numFmtId = this.numFmt(st.numFmt);
    const align = st.align || st.valign || st.wrap || st.shrink;
    let x =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '');
    if (align) {
      x +=
        ' applyAlignment="1"><alignment' +
        (st.align ? ` horizontal="${st.align}"` : '') +
        (st.valign ? ` vertical="${st.valign}"` : '') +
        (st.wrap ? ' wrapText="1"' : '') +
        (st.shrink ? ' shrinkToFit="1"' : '') +
        '/></xf>';
    } else x += '/>';
    i = this.xfs.length;
    this.xfs.push(x);
    this.xfIdx.set(key, i);
    return i;
  }

  xml(): string {
    return (
      XML_DECL +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (this.numFmts.length ? `<numFmts count="${this.numFmts.length}">${this.numFmts.join('')}</numFmts>` : '') +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
      '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      `</styleSheet>`
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Shared strings

const SPACE = /\s/;
/** Whether a character code is white space as the regex \s has it (printable ASCII and Thai, at a glance). */
const isSpace = (u: number): boolean => ((u > 32 && u < 160) || (u >= 0x0e00 && u <= 0x0e7f) ? false : SPACE.test(String.fromCharCode(u)));
/** Whether a text begins or ends with white space (kept only under xml:space="preserve"). */
export const edgeSpace = (s: string): boolean => s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1)));

/** A cell's text as written: cut to Excel's limit and cleaned of characters XML cannot carry. */
const cellText = (s: string): string => stripIllegalXml(s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s);

/** Characters of the shared-string table's XML encoded at a time. */
const SST_BATCH = 4096;

class SharedStrings {
  private idx = new Map<string, number>();
  private list: string[] = [];
  /** Per text in `list`, 1 when it needed neither cleaning nor escaping (most texts): written as it is. */
  private plain: number[] = [];
  count = 0;

  /**
   * Index of a cell's text, cut to Excel's limit and cleaned of characters XML cannot carry. A text
   * already in the table is clean (only clean texts go in), so the cleaning runs once per distinct text.
   */
  add(s: string): number {
    this.count++;
    let i = this.idx.get(s);
    if (i !== undefined) return i;
    // One scan finds a text with nothing to clean or escape (NEEDS_ESCAPE holds every character
    // stripIllegalXml drops); the others are cleaned, and escaped when the table is written.
    const plain = s.length <= MAX_CELL_TEXT && !needsEscape(s);
    const clean = plain ? s : cellText(s);
    if (clean !== s) {
      i = this.idx.get(clean);
      if (i !== undefined) return i;
    }
    i = this.list.length;
    this.idx.set(clean, i);
    this.list.push(clean);
    this.plain.push(plain ? 1 : 0);
    return i;
  }

  /** Per column, the text last added from it and its index: `addIn`'s answer without hashing. */
  private colText: Array<string | undefined> = [];
  private colIndex: number[] = [];

  /**
   * `add` for a cell in column `c`. A table repeats a column's text down its rows (a file's tambon and
   * proposer, a group's issue, the route and counted labels), mostly as the same string: that one is
   * answered before the text is hashed and looked up in a table of ~100,000.
   */
  addIn(c: number, s: string): number {
    if (s === this.colText[c]) {
      this.count++;
      return this.colIndex[c];
    }
    const i = this.add(s);
    this.colText[c] = s;
    this.colIndex[c] = i;
    return i;
  }

  get size(): number {
    return this.list.length;
  }

  /** The table's XML as UTF-8 chunks, yielded as they fill (a national table's is ~500 MB). */
  *xml(): Generator<Uint8Array> {
    const out = new ByteSink();
    out.ascii(XML_DECL + `<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">`);
    const { list, plain } = this;
    // The entries go to the sink a few thousand characters at a time: encoding a text costs about as
    // much to start (a view of the buffer, a call into the encoder) as a short text's characters.
    let batch = '';
    for (let k = 0; k < list.length; k++) {
      const s = list[k];
      batch += (edgeSpace(s) ? '<si><t xml:space="preserve">' : '<si><t>') + (plain[k] ? s : escapeXml(s)) + '</t></si>';
      if (batch.length < SST_BATCH) continue;
      out.text(batch);
      batch = '';
      if (out.filled) yield* out.take();
    }
    out.text(batch);
    out.ascii('</sst>');
    yield* out.take(true);
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets

function mergeStyles(a: CellStyle | undefined, b: CellStyle | undefined): CellStyle | undefined {
  if (!a) return b;
  if (!b) return a;
  return { ...a, ...b };
}

function hasStyle(st: CellStyle | undefined): st is CellStyle {
  if (!st) return false;
  for (const k in st) if ((st as Record<string, unknown>)[k] !== undefined) return true;
  return false;
}

/**
 * A sheet's cell styles' indices from a row's style and a cell's own. Style objects are usually shared
 * constants: their indices are kept by identity (and per row style). A class, not a closure per sheet:
 * the row writer calls one function for every sheet (a new closure's call deoptimised it).
 */
class SheetXfs {
  private readonly byStyle = new Map<CellStyle, number>();
  private readonly byPair = new Map<CellStyle, Map<CellStyle | undefined, number>>();

  constructor(
    private readonly styles: StyleTable,
    private readonly font: { name: string; size: number },
    /** The index of a cell with no style of its own (the sheet's font). */
    readonly base: number,
  ) {
    attrsFor(base);
  }

  of(rowSt: CellStyle | undefined, st: CellStyle | undefined): number {
    if (!rowSt && !st) return this.base;
    if (!rowSt && st) {
      let x = this.byStyle.get(st);
      if (x === undefined) {
        x = this.index(st);
        if (this.byStyle.size > 10000) this.byStyle.clear();
        this.byStyle.set(st, x);
      }
      return x;
    }
    let byCell = this.byPair.get(rowSt as CellStyle);
    if (!byCell) this.byPair.set(rowSt as CellStyle, (byCell = new Map()));
    let x = byCell.get(st);
    if (x === undefined) {
      x = this.index(mergeStyles(rowSt, st) as CellStyle);
      if (byCell.size > 10000) byCell.clear();
      byCell.set(st, x);
    }
    return x;
  }

  /** A style's index, its cells' attribute texts made with it (the row writer finds them made). */
  private index(st: CellStyle): number {
    const x = hasStyle(st) ? this.styles.xf(st, this.font) : this.base;
    attrsFor(x);
    return x;
  }
}

/**
 * Writes a sheet's rows, one call per row: a plain method, compiled once and small, not the body of
 * sheetXml's generator (recompiled whole, with everything around the rows, each time it was optimised).
 */
class RowWriter {
  // A column's cells mostly share one style object: each column's last style is kept with its index,
  // and a cell styled like the one above it (the same object, no row style) skips the style lookups.
  // As wide as the sheet from the start (filled: their kind of array never changes as columns come).
  private readonly colStyle: Array<CellStyle | undefined>;
  private readonly colXf: number[];

  constructor(
    width: number,
    private readonly out: ByteSink,
    private readonly sst: SharedStrings,
    private readonly xfs: SheetXfs,
    /** The rows' heights when they are fitted to their wrapped texts (else the default). */
    private readonly heights: RowHeights | undefined,
  ) {
    this.colStyle = new Array<CellStyle | undefined>(width).fill(undefined);
    this.colXf = new Array<number>(width).fill(0);
  }

  /**
   * Row `r` (0-based): its cells, its row style with that style's index `rowX`, and the styles of the
   * cells a merge covers that the row lacks (`ex`). Rows go straight into bytes: everything here is
   * ASCII but texts and formulas.
   */
  write(
    r: number,
    row: readonly OutCell[] | undefined,
    rowSt: CellStyle | undefined,
    rowX: number,
    ex: Map<number, number> | undefined,
  ): void {
    const { out, sst, colStyle, colXf } = this;
    const baseXf = this.xfs.base;
    // The row's number once, for its cells' references too.
    const rn = String(r + 1);
    const rowStart = out.mark();
    const ht = this.heights?.of(r, row, rowSt);
    out.ascii3(ROW_OPEN, rn, ht !== undefined ? htAttrs(ht) : ROW_ATTRS);
    let any = false;
    let n = row ? row.length : 0;
    if (ex) for (const c of ex.keys()) if (c + 1 > n) n = c + 1;
    const cells = row ? row.length : 0;
    for (let c = 0; c < n; c++) {
      // (Not read past its end: a merge's covered cells may lie after a row's last.)
      const cell = c < cells ? row![c] : undefined;
      if (cell === null || cell === undefined) {
        const x = ex?.get(c) ?? (rowSt ? rowX : baseXf);
        if (x !== baseXf) {
          out.ascii3(cellOpen(c), rn, emptyAttrs(x));
          any = true;
        }
        continue;
      }
      let value: string | number | boolean | null;
      let formula: string | undefined;
      let st: CellStyle | undefined;
      let once = false;
      if (typeof cell === 'object') {
        value = cell.value;
        formula = cell.formula;
        st = cell.style;
        once = cell.once === true;
      } else value = cell;
      let x: number;
      if (!rowSt && st !== undefined && st === colStyle[c]) x = colXf[c];
      else {
        x = this.xfs.of(rowSt, st);
        if (!rowSt) {
          colStyle[c] = st;
          colXf[c] = x;
        }
      }
      any = true;
      if (formula !== undefined && formula !== '') {
        this.formulaCell(c, rn, x, formula, value);
        continue;
      }
      if (typeof value === 'number') {
        // Whole amounts (most of a table's numbers): the cell in one call, without a string each.
        if (Number.isSafeInteger(value) && value >= 0) {
          out.valueCell(cellOpen(c), rn, numberAttrs(x), value);
          continue;
        }
        out.ascii3(cellOpen(c), rn, styleAttr(x));
        if (Number.isFinite(value)) {
          out.ascii('><v>');
          out.ascii(num(value));
          out.ascii('</v></c>');
        } else out.ascii(' t="e"><v>#NUM!</v></c>');
      } else if (typeof value === 'string') {
        if (value === '') {
          if (x) out.ascii3(cellOpen(c), rn, emptyAttrs(x));
          continue;
        }
        if (once) {
          this.inlineCell(c, rn, x, value);
          continue;
        }
        out.valueCell(cellOpen(c), rn, sharedAttrs(x), sst.addIn(c, value));
      } else if (typeof value === 'boolean') {
        out.ascii3(cellOpen(c), rn, styleAttr(x));
        out.ascii(value ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
      } else if (x) {
        out.ascii3(cellOpen(c), rn, emptyAttrs(x));
      }
    }
    if (any) out.asciiText(ROW_END);
    else out.rollback(rowStart);
  }

  /** A formula cell, with its last value when it has one. */
  private formulaCell(c: number, rn: string, x: number, formula: string, value: string | number | boolean | null): void {
    const out = this.out;
    const f = escapeXml(formula.replace(/^=/, ''));
    out.ascii3(cellOpen(c), rn, styleAttr(x));
    if (typeof value === 'number' && Number.isFinite(value)) {
      out.ascii('><f>');
      out.text(f);
      out.ascii(`</f><v>${num(value)}</v></c>`);
    } else if (typeof value === 'string') {
      out.ascii(' t="str"><f>');
      out.text(f);
      out.ascii('</f><v>');
      out.text(escapeXml(value.slice(0, MAX_CELL_TEXT)));
      out.ascii('</v></c>');
    } else if (typeof value === 'boolean') {
      out.ascii(' t="b"><f>');
      out.text(f);
      out.ascii(`</f><v>${value ? 1 : 0}</v></c>`);
    } else {
      out.ascii('><f>');
      out.text(f);
      out.ascii('</f></c>');
    }
  }

  /**
   * An inline string: the same text, cut and cleaned as the shared-string table does it (one scan
   * finds most texts plain, as there).
   */
  private inlineCell(c: number, rn: string, x: number, value: string): void {
    const out = this.out;
    const plain = value.length <= MAX_CELL_TEXT && !needsEscape(value);
    const clean = plain ? value : cellText(value);
    out.ascii3(cellOpen(c), rn, styleAttr(x));
    out.asciiText(edgeSpace(clean) ? INLINE_OPEN_SPACES : INLINE_OPEN);
    out.text(plain ? clean : escapeXml(clean));
    out.asciiText(INLINE_END);
  }
}

/**
 * A sheet's XML as UTF-8 chunks, yielded as they fill (about 1 MB each), so the zipper compresses a
 * big sheet while its rows are still being made; its defined names go to `definedNames` at the end.
 */
function* sheetXml(
  sh: OutSheet | StreamedSheet,
  name: string,
  index: number,
  styles: StyleTable,
  sst: SharedStrings,
  definedNames: string[],
): Generator<Uint8Array> {
  const font = sh.font ?? styles.defaultFont;
  const sameFont = font.name === styles.defaultFont.name && font.size === styles.defaultFont.size;
  const baseXf = sameFont ? 0 : styles.xf({}, font);
  const rowStyles = sh.rowStyles ?? {};
  // Most sheets style no whole row: no row number made a string to look one up.
  const anyRowStyle = Object.keys(rowStyles).length > 0;
  // Rows as the sheet has them, or made one at a time (StreamedSheet): only the merges' top-left
  // rows are asked for out of order.
  const streamed = isStreamed(sh) ? sh : null;
  const rowCount = streamed ? streamed.rowCount : (sh as OutSheet).rows.length;
  const rowAt: (i: number) => OutCell[] | undefined = streamed
    ? (i) => (i >= 0 && i < streamed.rowCount ? streamed.rowAt(i) : undefined)
    : (i) => (sh as OutSheet).rows[i];
  // Excel repairs a file with a one-cell merge or a reversed range: normalise, and drop single cells.
  const merges = (sh.merges ?? [])
    .map((m) => ({ r1: Math.min(m.r1, m.r2), c1: Math.min(m.c1, m.c2), r2: Math.max(m.r1, m.r2), c2: Math.max(m.c1, m.c2) }))
    .filter((m) => m.r1 !== m.r2 || m.c1 !== m.c2);

  // Cells covered by a merge but absent from `rows` take the top-left cell's style (borders).
  const extra = new Map<number, Map<number, number>>();
  let maxRow = rowCount - 1;
  let maxCol = 0;
  if (streamed) maxCol = Math.max(0, streamed.width - 1);
  else for (const r of (sh as OutSheet).rows) if (r && r.length - 1 > maxCol) maxCol = r.length - 1; // (rows may have holes)

  const xfs = new SheetXfs(styles, font, baseXf);
  const cellStyleOf = (cell: OutCell | undefined): CellStyle | undefined =>
    cell !== null && cell !== undefined && typeof cell === 'object' ? cell.style : undefined;

  for (const m of merges) {
    if (m.r2 > maxRow) maxRow = m.r2;
    if (m.c2 > maxCol) maxCol = m.c2;
    const tl = rowAt(m.r1)?.[m.c1];
    const st = mergeStyles(rowStyles[String(m.r1)], cellStyleOf(tl));
    if (!hasStyle(st)) continue;
    const x = xfs.of(undefined, st);
    for (let r = m.r1; r <= m.r2; r++) {
      const cells = rowAt(r); // made once per row (a streamed sheet makes it anew)
      for (let c = m.c1; c <= m.c2; c++) {
        if (r === m.r1 && c === m.c1) continue;
        const v = cells?.[c];
        if (v !== null && v !== undefined) continue;
        let e = extra.get(r);
        if (!e) extra.set(r, (e = new Map()));
        e.set(c, x);
      }
    }
  }
  if (sh.table) {
    if (sh.table.lastRow > maxRow) maxRow = sh.table.lastRow;
    if (sh.table.lastCol > maxCol) maxCol = sh.table.lastCol;
  }

  // Row heights for wrapped texts (fitRows): merged cells count with their merged width.
  const widths = sh.colWidths ?? [];
  const heights = sh.fitRows ? new RowHeights(sh, font.size) : undefined;
  const hidden = new Set(sh.hiddenCols);

  const out = new ByteSink();
  const push = (...xs: string[]): void => {
    for (const x of xs) out.text(x);
  };
  push(XML_DECL, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  const fit = sh.page?.fitWidth;
  push(fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '<sheetPr/>');
  push(`<dimension ref="A1${maxRow > 0 || maxCol > 0 ? ':' + col(Math.max(0, maxCol)) + (Math.max(0, maxRow) + 1) : ''}"/>`);
  push(`<sheetViews><sheetView workbookViewId="0"${index === 0 ? ' tabSelected="1"' : ''}>`);
  const fr = sh.freezeRows ?? 0;
  if (fr > 0) {
    push(
      `<pane ySplit="${fr}" topLeftCell="A${fr + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${fr + 1}" sqref="A${fr + 1}"/>`,
    );
  }
  push('</sheetView></sheetViews>');
  push(`<sheetFormatPr defaultRowHeight="${num(Math.round(font.size * 1.5 * 4) / 4)}"/>`);
  if (widths.some((w) => typeof w === 'number' && w > 0) || hidden.size) {
    push('<cols>');
    const n = Math.max(widths.length, ...[...hidden].map((c) => c + 1));
    for (let i = 0; i < n; i++) {
      const w = widths[i];
      const width = typeof w === 'number' && w > 0 ? ` width="${num(w)}" customWidth="1"` : '';
      // A hidden column keeps its width: the officer who shows it again gets it as made.
      if (width || hidden.has(i)) push(`<col min="${i + 1}" max="${i + 1}"${width}${hidden.has(i) ? ' hidden="1"' : ''}/>`);
    }
    push('</cols>');
  }
  push('<sheetData>');
  let lastRow = rowCount - 1;
  for (const r of extra.keys()) if (r > lastRow) lastRow = r;
  const rows = new RowWriter(maxCol + 1, out, sst, xfs, heights);
  for (let r = 0; r <= lastRow; r++) {
    const row = r < rowCount ? rowAt(r) : undefined;
    const rowSt = anyRowStyle ? rowStyles[String(r)] : undefined;
    const ex = extra.size ? extra.get(r) : undefined;
    if ((!row || row.length === 0) && !ex && !rowSt) continue;
    rows.write(r, row, rowSt, rowSt ? xfs.of(rowSt, undefined) : baseXf, ex);
    if (out.filled) yield* out.take();
  }
  push('</sheetData>');

  const qn = quoteSheet(name);
  if (sh.table) {
    const t = sh.table;
    const ref = `A${t.headerRow + 1}:${col(t.lastCol)}${Math.max(t.lastRow, t.headerRow) + 1}`;
    push(`<autoFilter ref="${ref}"/>`);
    definedNames.push(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(
        `${qn}!$A$${t.headerRow + 1}:$${col(t.lastCol)}$${Math.max(t.lastRow, t.headerRow) + 1}`,
      )}</definedName>`,
    );
  }
  if (merges.length) {
    push(`<mergeCells count="${merges.length}">`);
    for (const m of merges) push(`<mergeCell ref="${col(m.c1)}${m.r1 + 1}:${col(m.c2)}${m.r2 + 1}"/>`);
    push('</mergeCells>');
  }
  const page = sh.page;
  if (page?.columns || page?.footer) push('<printOptions horizontalCentered="1"/>');
  push(
    page?.columns || page?.footer
      ? // Narrow margins: the width goes to the text (a 16 pt table prints at a larger scale).
        `<pageMargins left="${PAGE_MARGINS.left}" right="${PAGE_MARGINS.right}" top="${PAGE_MARGINS.top}" bottom="${PAGE_MARGINS.bottom}" header="${PAGE_MARGINS.header}" footer="${PAGE_MARGINS.footer}"/>`
      : '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  );
  const orient = page?.orientation;
  push('<pageSetup paperSize="9"' + (orient ? ` orientation="${orient}"` : '') + (fit ? ' fitToWidth="1" fitToHeight="0"' : '') + '/>');
  if (page?.footer) {
    const f = `&C&"${font.name},Regular"&${Math.max(8, font.size - 2)}${page.footer}`;
    push('<headerFooter><oddFooter>');
    out.text(escapeXml(f));
    push('</oddFooter></headerFooter>');
  }
  push('</worksheet>');
  if (page?.columns) {
    definedNames.push(
      `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(
        `${qn}!$A$1:$${col(page.columns - 1)}$${Math.max(0, maxRow, lastRow) + 1}`,
      )}</definedName>`,
    );
  }
  if (sh.printTitleRows) {
    const [a, b] = sh.printTitleRows;
    definedNames.push(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${qn}!$${Math.min(a, b) + 1}:$${Math.max(a, b) + 1}`)}</definedName>`,
    );
  }
  yield* out.take(true);
}

// ---------------------------------------------------------------------------------------------
// Package

/**
 * Zips the parts (name → bytes, in order) with raw deflate at `level`: Node passes one built on node:zlib.
 * Parts may be produced as they are asked for (writeXlsx makes each sheet then): a zipper that compresses
 * one part before taking the next holds one part's raw bytes at a time.
 */
export type ZipParts = (files: Iterable<[string, PartData]>, level: number) => Uint8Array;

/**
 * A part's bytes: whole, or chunks made as the zipper takes them (a sheet). A zipper takes every chunk
 * of a part before asking for the next part.
 */
export type PartData = Uint8Array | Iterable<Uint8Array>;

/** A part's bytes as one array (for zippers that need them whole). */
export function partBytes(data: PartData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  const chunks = [...data];
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** fflate's zipSync: pure JS, for the browser. */
export const fflateZip: ZipParts = (files, level) => {
  const z: Zippable = {};
  for (const [name, data] of files) z[name] = partBytes(data);
  return zipSync(z, { level: level as WriteOptions['level'] });
};

/** The default deflate level (see WriteOptions.level). */
export const XLSX_LEVEL = 3;

export interface WriteOptions {
  /** Deflate level 0–9 (default 3: about half the time of 6, files ~7 % larger). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Zip writer; default fflate (browser and Node). Node passes `nodeZip` (node:zlib, about 3× faster). */
  zip?: ZipParts;
  /** Creation time written in docProps/core.xml (default now). */
  created?: Date;
}

/** The .xlsx bytes of a workbook; its sheets may be made row by row (StreamedSheet). */
export function writeXlsx(wb: OutWorkbook | FileWorkbook, opts: WriteOptions = {}): Uint8Array {
  return (opts.zip ?? fflateZip)(xlsxParts(wb, opts), opts.level ?? XLSX_LEVEL);
}

/**
 * The parts of a workbook's .xlsx, in zip order, made as a zipper asks for them (writeXlsx; Node's
 * nodeZipAsync deflates on other threads while the next chunk is made).
 */
export function xlsxParts(wb: OutWorkbook | FileWorkbook, opts: Pick<WriteOptions, 'created'> = {}): Iterable<[string, PartData]> {
  const sheets: Array<OutSheet | StreamedSheet> = wb.sheets.length ? wb.sheets : [{ name: 'Sheet1', rows: [] }];
  const names = sheetNames(sheets);
  const defaultFont = sheets[0].font ?? DEFAULT_FONT;
  const styles = new StyleTable({ name: defaultFont.name, size: defaultFont.size });
  const sst = new SharedStrings();

  const n = sheets.length;
  const definedNames: string[] = [];

  const ct: string[] = [
    XML_DECL,
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
  ];
  for (let i = 0; i < n; i++)
    ct.push(
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
  ct.push(
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
    '</Types>',
  );

  const rootRels =
    XML_DECL +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>';

  const wbRels: string[] = [XML_DECL, `<Relationships xmlns="${NS_PKG_REL}">`];
  for (let i = 0; i < n; i++) wbRels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  wbRels.push(
    `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
    '</Relationships>',
  );

  /** workbook.xml: after the sheets (their defined names). */
  const workbookXml = (): string => {
    const wbXml: string[] = [
      XML_DECL,
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
      '<workbookPr defaultThemeVersion="124226"/>',
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>',
      '<sheets>',
    ];
    names.forEach((nm, i) => wbXml.push(`<sheet name="${escapeXml(nm)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`));
    wbXml.push('</sheets>');
    if (definedNames.length) wbXml.push('<definedNames>', ...definedNames, '</definedNames>');
    wbXml.push('<calcPr calcId="191029" fullCalcOnLoad="1"/>', '</workbook>');
    return wbXml.join('');
  };

  const created = (opts.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core =
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    '<dc:creator>OnePlan</dc:creator>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
    '</cp:coreProperties>';
  const app =
    XML_DECL +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>OnePlan</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${names.map((x) => `<vt:lpstr>${escapeXml(x)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '</Properties>';

  // Parts are made as the zipper asks for them: each sheet's XML is encoded and compressed before the
  // next sheet is made, so a national-size workbook never holds every sheet's XML at once. Styles,
  // shared strings and defined names are complete only after the last sheet: they come last.
  function* parts(): Generator<[string, PartData]> {
    yield ['[Content_Types].xml', strToU8(ct.join(''))];
    yield ['_rels/.rels', strToU8(rootRels)];
    yield ['docProps/core.xml', strToU8(core)];
    yield ['docProps/app.xml', strToU8(app)];
    for (let i = 0; i < n; i++) yield [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheets[i], names[i], i, styles, sst, definedNames)];
    yield ['xl/workbook.xml', strToU8(workbookXml())];
    yield ['xl/_rels/workbook.xml.rels', strToU8(wbRels.join(''))];
    yield ['xl/styles.xml', strToU8(styles.xml())];
    yield ['xl/sharedStrings.xml', sst.xml()];
  }
  return parts();
}
