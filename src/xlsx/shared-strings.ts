/**
 * The shared-string table of a workbook (xl/sharedStrings.xml) → its strings. Pure TypeScript and
 * small: the reader (read.ts) and the CLI's fetching thread (src/cli/fetch.ts, which reads the table of
 * the next file while the main thread parses the one before) both load it, and nothing else of the reader.
 */
import { ownString } from '../engine/own-string';
import { encodeAscii, findBytes, matchesAt, sliceEnd, wordAt, wordOf } from './byte-scan';
import {
  checkProlog,
  decodeBytes,
  decodeText,
  decodeUtf8Text,
  decodeUtf8ToTag,
  isNameEnd,
  TEXT_SCAN,
  XmlError,
  type UnitsToString,
} from './xml';

/**
 * Sheet XML and shared strings are decoded in slices of about this many bytes, each cut just after a
 * closing tag. A string below V8's large-object size (128 KiB) is made and collected in the young
 * generation; a part decoded whole was most of reading (issue 25: a 160 KB sheet cost ~80× more per
 * byte decoded whole than in 64 KiB slices on the bench machine; see docs/benchmark.md).
 */
export const SLICE = 64 * 1024;

/**
 * The strings of a shared-string table's bytes `b` (the part `part`), decoded in slices cut after
 * </si> (see SLICE). A part with a byte-order mark, or whose first <si> is not in its first slice, is
 * decoded whole. Throws XmlError for a table that is no XML the reader takes (DOCTYPE, ENTITY).
 */
export function sharedStringTable(b: Uint8Array, part: string, toString?: UnitsToString, slice = SLICE): string[] {
  if (b.length > slice && b[0] !== 0xef && b[0] !== 0xff && b[0] !== 0xfe) {
    // The first <si> is near the start: found in the first 4 KiB (not a whole slice decoded for it),
    // a table without a prefix is read from its bytes.
    const near = decodeBytes(b.subarray(0, Math.min(4096, slice)));
    const at = near.indexOf('<si>');
    if (at >= 0) {
      checkProlog(near.slice(0, at) + '<', part);
      return sharedStringsOfBytes(b, part, toString);
    }
  }
  const headLen = Math.min(b.length, slice);
  const head = decodeBytes(b.subarray(0, headLen));
  const first = b[0] === 0xef || b[0] === 0xff || b[0] === 0xfe ? undefined : firstSi(head);
  if (b.length <= slice || !first) {
    const s = headLen === b.length ? head : decodeBytes(b);
    checkProlog(s, part);
    return parseSharedStrings(s);
  }
  checkProlog(head.slice(0, first.at) + '<', part);
  if (first.prefix === '') return sharedStringsOfBytes(b, part, toString);
  const close = encodeAscii('</' + first.prefix + 'si>');
  const out: string[] = [];
  // The head's character index is not a byte index (Thai in a comment before it): found again in the bytes.
  const start = findBytes(b, encodeAscii('<' + first.prefix + 'si'), 0);
  for (let p = start, q = p; p < b.length; p = q) {
    q = sliceEnd(b, p, b.length, close, slice);
    const s = decodeBytes(b.subarray(p, q));
    if (s.indexOf('<!ENTITY') >= 0) throw new XmlError(`${part}: ENTITY declaration is not allowed`);
    parseSharedStrings(s, first.prefix, out);
  }
  return out;
}

/**
 * Concatenated text of the <t> elements in [from, to), skipping phonetic runs (<rPh>). Works for
 * plain `<t>x</t>` and rich text `<r><rPr/><t>x</t></r>`.
 */
export function richText(s: string, from: number, to: number): string {
  let out = '';
  let i = s.indexOf('<', from);
  while (i >= 0 && i < to) {
    if (s.charCodeAt(i + 1) === 0x2f) {
      i = s.indexOf('<', i + 2);
      continue;
    }
    let ns = i + 1;
    let ne = ns;
    while (ne < to && !isNameEnd(s.charCodeAt(ne))) ne++;
    // prefix "x:" (searched within the name only: a lastIndexOf over the whole string is quadratic)
    for (let k = ne - 1; k > ns; k--) {
      if (s.charCodeAt(k) === 0x3a) {
        ns = k + 1;
        break;
      }
    }
    const gt = s.indexOf('>', ne);
    if (gt < 0) break;
    const len = ne - ns;
    if (len === 1 && s.charCodeAt(ns) === 0x74 /* t */) {
      if (s.charCodeAt(gt - 1) === 0x2f) {
        i = s.indexOf('<', gt + 1);
        continue;
      }
      const te = s.indexOf('<', gt + 1);
      const end = te < 0 || te > to ? to : te;
      out += s.slice(gt + 1, end);
      i = end;
    } else if (len === 3 && s.startsWith('rPh', ns)) {
      const ce = s.indexOf('rPh>', gt);
      i = ce < 0 ? -1 : s.indexOf('<', ce);
    } else i = s.indexOf('<', gt + 1);
  }
  return out.indexOf('&') >= 0 || out.indexOf('_x') >= 0 ? decodeText(out) : out;
}

const SI = encodeAscii('<si');
const SI_CLOSE = encodeAscii('</si>');
const T_CLOSE = encodeAscii('</t>');
const T_CLOSE_SI = encodeAscii('</t></si>');
const ENTITY = encodeAscii('<!ENTITY');

/** Tags of a plain entry, `<si><t xml:space="preserve">text</t></si>`, as wordAt reads them (wordOf). */
const GT_T = wordOf('><t');
const [PRESERVE_1, PRESERVE_2, PRESERVE_3, PRESERVE_4, PRESERVE_5] = ['xml:', 'spac', 'e="p', 'rese', 'rve"'].map(wordOf);
const T_END = wordOf('</t>');
const SI_END = wordOf('</si');
const SI_START = wordOf('<si');

/** The next "<si" at or after `from` whose name ends there (not "<sis…"), or -1. */
function nextSi(b: Uint8Array, from: number): number {
  let i = findBytes(b, SI, from);
  while (i >= 0 && !isNameEnd(b[i + 3])) i = findBytes(b, SI, i + 1);
  return i;
}

/**
 * Start of the text of `<t>text</t>` or `<t attributes>text</t>` filling b[from, to) (the inside of
 * an <si>), or -1 for anything else (rich text runs, phonetic runs, an empty <t/>, a comment).
 */
function plainSiText(b: Uint8Array, from: number, to: number): number {
  if (b[from] !== 0x3c || b[from + 1] !== 0x74) return -1;
  const c = b[from + 2];
  let gt = from + 2;
  if (c !== 0x3e) {
    if (!isNameEnd(c) || c === 0x2f) return -1;
    gt = b.indexOf(0x3e, from + 3);
    if (gt < 0 || gt >= to || b[gt - 1] === 0x2f) return -1;
  }
  const lt = b.indexOf(0x3c, gt + 1);
  return lt === to - T_CLOSE.length && matchesAt(b, T_CLOSE, lt) ? gt + 1 : -1;
}

/**
 * The strings of a shared-string table without a prefix (parseSharedStrings of the whole part), read
 * from its bytes: the text of each `<si><t>text</t></si>` is decoded on its own, one string straight
 * from its bytes (no decoded slice of the table to cut it from and copy); any other <si> (rich text,
 * phonetic runs) is decoded alone and read as parseSharedStrings reads it. An ENTITY declaration
 * anywhere is refused: looked for in every byte but the plain entries', which hold no "<!" (their text
 * runs to "</t></si>" with no "<" in it), instead of a scan of the whole table.
 */
function sharedStringsOfBytes(b: Uint8Array, part: string, toString?: UnitsToString): string[] {
  const out: string[] = [];
  const n = b.length;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = nextSi(b, 0);
  noEntity(b, 0, i < 0 ? n : i, part);
  while (i >= 0) {
    // The common <si><t>text</t></si> (or <t xml:space="preserve">) in one pass over its bytes; its tags
    // compared four bytes at a time (wordAt).
    const w = wordAt(b, view, i + 3);
    if ((w & 0xffffff) === GT_T) {
      let p = -1;
      const c = w >>> 24;
      if (c === 0x3e) p = i + 7;
      else if (c === 0x20) {
        // The usual attribute, xml:space="preserve", holds neither "<" nor ">": the loop's answer at once.
        if (
          wordAt(b, view, i + 7) === PRESERVE_1 &&
          wordAt(b, view, i + 11) === PRESERVE_2 &&
          wordAt(b, view, i + 15) === PRESERVE_3 &&
          wordAt(b, view, i + 19) === PRESERVE_4 &&
          wordAt(b, view, i + 23) === PRESERVE_5 &&
          b[i + 27] === 0x3e
        )
          p = i + 28;
        else {
          let g = i + 7;
          while (g < n && b[g] !== 0x3e && b[g] !== 0x3c) g++;
          if (b[g] === 0x3e && b[g - 1] !== 0x2f) p = g + 1;
        }
      }
      const str = p < 0 ? undefined : decodeUtf8ToTag(b, p, n, toString, view);
      const q = TEXT_SCAN.end;
      if (str !== undefined && wordAt(b, view, q) === T_END && wordAt(b, view, q + 4) === SI_END && b[q + 8] === 0x3e) {
        out.push(TEXT_SCAN.escapes && (str.indexOf('&') >= 0 || str.indexOf('_x') >= 0) ? decodeText(str) : str);
        const k = q + T_CLOSE_SI.length;
        const x = wordAt(b, view, k);
        if ((x & 0xffffff) === SI_START && isNameEnd(x >>> 24)) i = k;
        else {
          i = nextSi(b, k);
          noEntity(b, k, i < 0 ? n : i, part);
        }
        continue;
      }
    }
    // Any other entry: what the steps below pass over, up to the next <si> (or the end), is looked at.
    const from = i;
    i = otherSi(b, i, out);
    noEntity(b, from, i < 0 ? n : i, part);
  }
  return out;
}

/**
 * An <si> at `i` that is no plain `<si><t>text</t></si>`: its string appended to `out` (none when the
 * table ends inside it); the next <si>, or -1.
 */
function otherSi(b: Uint8Array, i: number, out: string[]): number {
  const gt = b.indexOf(0x3e, i);
  if (gt < 0) return -1;
  if (b[gt - 1] === 0x2f) {
    out.push('');
    // As parseSharedStrings: the next "<si" after an empty one is taken without looking at its name's end.
    return findBytes(b, SI, gt);
  }
  const end = findBytes(b, SI_CLOSE, gt);
  if (end < 0) return -1;
  const at = plainSiText(b, gt + 1, end);
  if (at >= 0) {
    const raw = decodeUtf8Text(b, at, end - T_CLOSE.length);
    out.push(raw.indexOf('&') >= 0 || raw.indexOf('_x') >= 0 ? decodeText(raw) : raw);
  } else {
    // Rich text or phonetic runs (a plain <t> was taken above): its runs' texts, as parseSharedStrings reads them.
    const inner = decodeUtf8Text(b, gt + 1, end);
    out.push(ownString(richText(inner, 0, inner.length)));
  }
  return nextSi(b, end + SI_CLOSE.length);
}

/** Refuses an ENTITY declaration whose "<!" lies in b[from, to). */
function noEntity(b: Uint8Array, from: number, to: number, part: string): void {
  for (let k = from + 1; k < to; k++)
    if (b[k] === 0x21 && b[k - 1] === 0x3c && matchesAt(b, ENTITY, k - 1)) throw new XmlError(`${part}: ENTITY declaration is not allowed`);
}

/** sharedStringsOfBytes, for tests. */
export const _sharedStringsOfBytes = sharedStringsOfBytes;

/** Where the first <si> of a shared-string table starts, and its prefix ("" or "x:"). */
function firstSi(s: string): { at: number; prefix: string } | undefined {
  const si = s.indexOf('<si>');
  if (si >= 0) return { at: si, prefix: '' };
  const m = /<([A-Za-z_][\w.-]*:)?si[\s>/]/.exec(s);
  return m ? { at: m.index, prefix: m[1] ?? '' } : undefined;
}

/** The strings of a shared-string table (or of a slice of one cut after </si>, given its prefix), appended to `out`. */
export function parseSharedStrings(s: string, prefix?: string, out: string[] = []): string[] {
  let si: number;
  let P: string;
  if (prefix === undefined) {
    const first = firstSi(s);
    if (!first) return out;
    si = first.at;
    P = first.prefix;
  } else {
    P = prefix;
    si = s.indexOf('<' + P + 'si');
    while (si >= 0 && !isNameEnd(s.charCodeAt(si + P.length + 3))) si = s.indexOf('<' + P + 'si', si + 1);
    if (si < 0) return out;
  }
  const open = '<' + P + 'si';
  const close = '</' + P + 'si>';
  const tOpen = '<' + P + 't>';
  const tClose = '</' + P + 't>';
  let i = si;
  while (i >= 0) {
    const gt = s.indexOf('>', i);
    if (gt < 0) break;
    if (s.charCodeAt(gt - 1) === 0x2f) {
      out.push('');
      i = s.indexOf(open, gt);
      continue;
    }
    const end = s.indexOf(close, gt);
    if (end < 0) break;
    // fast path: <si><t>text</t></si>
    if (
      s.startsWith(tOpen, gt + 1) &&
      s.startsWith(tClose, end - tClose.length) &&
      s.indexOf('<', gt + 1 + tOpen.length) === end - tClose.length
    ) {
      const raw = s.slice(gt + 1 + tOpen.length, end - tClose.length);
      out.push(raw.indexOf('&') >= 0 || raw.indexOf('_x') >= 0 ? decodeText(raw) : ownString(raw));
    } else out.push(ownString(richText(s, gt + 1, end)));
    i = s.indexOf(open, end + close.length);
    // guard against "<sis..." style names
    while (i >= 0 && !isNameEnd(s.charCodeAt(i + open.length))) i = s.indexOf(open, i + 1);
  }
  return out;
}
