/**
 * Hand-written XML scanning for OOXML parts: indexOf-based, no DOM, never expands DTD entities
 * (a DOCTYPE is refused by `checkProlog`).
 */

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function fromCode(n: number): string {
  if (!(n >= 0 && n <= 0x10ffff)) return '\uFFFD';
  return String.fromCodePoint(n);
}

/** Decode the five named entities and numeric character references. Unknown entities are kept. */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') return fromCode(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    const r = NAMED[e];
    return r === undefined ? m : r;
  });
}

/** OOXML `_xHHHH_` escapes in text (`_x000D_` = CR, `_x005F_` = "_"). */
export function unescapeOoxml(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text content of a <t>/<v> element: entities then `_xHHHH_` escapes. */
export function decodeText(s: string): string {
  return unescapeOoxml(unescapeXml(s));
}

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/**
 * Refuse a DOCTYPE (entity expansion attacks, external entities): OOXML never has one. Scans the
 * prolog only (XML declaration, comments, processing instructions, whitespace).
 */
export function checkProlog(s: string, part: string): void {
  let i = 0;
  const n = s.length;
  for (;;) {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) i++;
      else break;
    }
    if (s.startsWith('<?', i)) {
      const j = s.indexOf('?>', i + 2);
      if (j < 0) throw new XmlError(`${part}: unterminated processing instruction`);
      i = j + 2;
    } else if (s.startsWith('<!--', i)) {
      const j = s.indexOf('-->', i + 4);
      if (j < 0) throw new XmlError(`${part}: unterminated comment`);
      i = j + 3;
    } else break;
  }
  if (s.charCodeAt(i) === 0x3c && s.charCodeAt(i + 1) === 0x21) throw new XmlError(`${part}: DOCTYPE / DTD is not allowed`);
  // An ENTITY declaration anywhere is also refused (never valid in OOXML).
  if (s.indexOf('<!ENTITY') >= 0) throw new XmlError(`${part}: ENTITY declaration is not allowed`);
}

const UTF8 = new TextDecoder('utf-8');
const UTF16LE = new TextDecoder('utf-16le');

/**
 * UTF-8 bytes b[i, n) → UTF-16 code units in `out` (its length at least n - i); the number of units,
 * or -1 on any invalid sequence.
 */
function utf8Units(b: Uint8Array, i: number, n: number, out: Uint16Array): number {
  let o = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      out[o++] = c;
      i++;
    } else if (c < 0xe0) {
      const c1 = b[i + 1];
      if (c < 0xc2 || i + 1 >= n || (c1 & 0xc0) !== 0x80) return -1;
      out[o++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      const c1 = b[i + 1];
      const c2 = b[i + 2];
      if (i + 2 >= n || (c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return -1;
      const cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
      out[o++] = cp;
      i += 3;
    } else {
      const c1 = b[i + 1];
      const c2 = b[i + 2];
      const c3 = b[i + 3];
      if (c > 0xf4 || i + 3 >= n || (c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return -1;
      const cp = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      if (cp < 0x10000 || cp > 0x10ffff) return -1;
      const u = cp - 0x10000;
      out[o++] = 0xd800 + (u >> 10);
      out[o++] = 0xdc00 + (u & 0x3ff);
      i += 4;
    }
  }
  return o;
}

/**
 * UTF-8 → UTF-16 code units in JS, then the native UTF-16LE decoder (a copy). On Thai text (3 bytes
 * per character) this is about 1.4–1.6× faster than TextDecoder('utf-8'). Returns undefined on any
 * invalid sequence so that the caller falls back to TextDecoder (U+FFFD replacement semantics).
 */
function decodeUtf8ViaUtf16(b: Uint8Array): string | undefined {
  const n = b.length;
  const out = n <= SCRATCH_UNITS ? scratch16 : new Uint16Array(n);
  // skip a UTF-8 BOM like TextDecoder does
  const o = utf8Units(b, n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0, n, out);
  if (o < 0) return undefined;
  // TextDecoder fails on very long input (a 180M-unit shared-string table of a national needs table):
  // decode in slices, never splitting a surrogate pair.
  if (o <= UTF16_SLICE) return UTF16LE.decode(out.subarray(0, o));
  let str = '';
  for (let at = 0; at < o;) {
    let end = Math.min(o, at + UTF16_SLICE);
    if (end < o && out[end - 1] >= 0xd800 && out[end - 1] <= 0xdbff) end--;
    str += UTF16LE.decode(out.subarray(at, end));
    at = end;
  }
  return str;
}

/**
 * The first `n` UTF-16 code units of `units` as a string (`units` holds no lone surrogate). The default
 * is TextDecoder's; a host may pass a cheaper one (ReadOptions.unitsToString: Node's Buffer makes a
 * shared string's text at about half TextDecoder's cost per call, most of which is fixed).
 */
export type UnitsToString = (units: Uint16Array, n: number) => string;

/** Where decodeUtf8ToTag stopped (the "<" after the text, or its `to`), and whether the text holds "&" or "_". */
export const TEXT_SCAN = { end: 0, escapes: false };

/**
 * UTF-8 text from b[from] up to the next "<" (before `to`) → string; undefined on an invalid sequence
 * or text longer than the scratch buffer (the caller then reads it the general way). Decoding and
 * finding the text's end are one pass. `view`: a DataView of exactly b's bytes (a caller decoding many
 * texts of one part makes it once).
 */
export function decodeUtf8ToTag(
  b: Uint8Array,
  from: number,
  to: number,
  toString?: UnitsToString,
  view: DataView = new DataView(b.buffer, b.byteOffset, b.byteLength),
): string | undefined {
  const out = scratch16;
  const max = Math.min(to, from + SCRATCH_UNITS);
  let escapes = false;
  let o = 0;
  let i = from;
  while (i < max) {
    const c = b[i];
    if (c < 0x80) {
      if (c === 0x3c) break;
      if (c === 0x26 || c === 0x5f) escapes = true;
      out[o++] = c;
      i++;
    } else if (c >= 0xe0 && c < 0xf0) {
      const c1 = b[i + 1];
      const c2 = b[i + 2];
      if (i + 2 >= to || (c2 & 0xc0) !== 0x80) return undefined;
      // The Thai block (E0 B8 xx, E0 B9 xx): no range to check beyond the continuation bytes; a run of
      // it (most of a Thai text) in a loop of its own.
      if (c === 0xe0 && (c1 === 0xb8 || c1 === 0xb9)) {
        out[o++] = 0x0e00 | ((c1 & 1) << 6) | (c2 & 0x3f);
        i += 3;
        // A character's three bytes (and the next one's first) in one little-endian read: each typed-array
        // read costs a bounds check and its base again (V8 hoists neither out of the loop), a third of the
        // loop's instructions. E0, then B8 or B9, then a continuation byte; the last character of b is
        // left to the loop above (no fourth byte to read).
        const last = Math.min(max - 2, b.length - 3);
        while (i < last) {
          const w = view.getUint32(i, true);
          if ((w & 0xc0feff) !== 0x80b8e0) break;
          out[o++] = 0x0e00 | ((w >>> 2) & 0x40) | ((w >>> 16) & 0x3f);
          i += 3;
        }
        continue;
      } else {
        if ((c1 & 0xc0) !== 0x80) return undefined;
        const cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
        if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
        out[o++] = cp;
      }
      i += 3;
    } else if (c >= 0xc2 && c < 0xe0) {
      const c1 = b[i + 1];
      if (i + 1 >= to || (c1 & 0xc0) !== 0x80) return undefined;
      out[o++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else return undefined; // 4-byte sequences and invalid bytes: the general way
  }
  if (i >= max && max < to) return undefined;
  TEXT_SCAN.end = i;
  TEXT_SCAN.escapes = escapes;
  return toString === undefined ? UTF16LE_KEEP_BOM.decode(scratchView(o)) : toString(out, o);
}

/** Decoders that keep a leading U+FEFF: text cut from inside a part is no stream with a byte-order mark. */
const UTF8_KEEP_BOM = new TextDecoder('utf-8', { ignoreBOM: true });
const UTF16LE_KEEP_BOM = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * The text of UTF-8 bytes b[from, to) cut from inside a part (between two tags): as decoding the
 * part and cutting the text from it gives (invalid bytes → U+FFFD; a U+FEFF kept). One string made
 * straight from the bytes, with no larger string behind it.
 */
export function decodeUtf8Text(b: Uint8Array, from: number, to: number): string {
  const n = to - from;
  if (n <= 0) return '';
  const out = n <= SCRATCH_UNITS ? scratch16 : new Uint16Array(n);
  const o = utf8Units(b, from, to, out);
  if (o < 0 || o > UTF16_SLICE) return UTF8_KEEP_BOM.decode(b.subarray(from, to));
  return UTF16LE_KEEP_BOM.decode(out === scratch16 ? scratchView(o) : out.subarray(0, o));
}
const UTF16_SLICE = 1 << 24;
/**
 * Parts are decoded in slices (see read.ts `sliceEnd`): one buffer for their UTF-16 units is reused
 * instead of a fresh one per slice (a large allocation was most of the cost, see docs/benchmark.md).
 */
const SCRATCH_UNITS = 1 << 17;
const scratch16 = new Uint16Array(SCRATCH_UNITS);

/**
 * The first `n` units of the scratch buffer as a view, one view per length up to VIEWS (a string of a
 * shared-string table is decoded through one: a fresh subarray per string was a twentieth of reading's
 * allocations).
 */
const VIEWS = 4096;
const views: Uint16Array[] = [];
function scratchView(n: number): Uint16Array {
  if (n > VIEWS) return scratch16.subarray(0, n);
  return (views[n] ??= scratch16.subarray(0, n));
}

/** Mostly non-ASCII (Thai shared strings, inline-string sheets)? Sampled on the first 4 KiB. */
function mostlyMultibyte(b: Uint8Array): boolean {
  const m = Math.min(b.length, 4096);
  return highBytes(b, m) * 3 > m;
}

/**
 * Bytes of 0x80 or more among b's first m. A loop of its own: its first call is compiled in the loop
 * (on-stack replacement) before the comparison after the loop ever ran, and that compiled loop was
 * then deoptimised at the comparison ("insufficient type feedback") on every later call (15–54 times a run).
 */
function highBytes(b: Uint8Array, m: number): number {
  let hi = 0;
  for (let i = 0; i < m; i++) if (b[i] >= 0x80) hi++;
  return hi;
}

/** Bytes of a part → string (UTF-8, or UTF-16 with a BOM). */
export function decodeBytes(b: Uint8Array): string {
  if (b.length >= 2) {
    if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
    if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  }
  if (b.length >= 4096 && mostlyMultibyte(b)) {
    const s = decodeUtf8ViaUtf16(b);
    if (s !== undefined) return s;
  }
  return UTF8.decode(b);
}

/** Exposed for tests. */
export const _decodeUtf8ViaUtf16 = decodeUtf8ViaUtf16;

/** One tag found by `nextTag`. */
export interface Tag {
  /** index of '<' */
  start: number;
  /** index of '>' */
  end: number;
  /** local name (prefix stripped) */
  name: string;
  /** qualified name as written */
  qname: string;
  close: boolean;
  selfClose: boolean;
}

/** Does a tag's name end at a character (code) `c`: white space, ">" or "/"? */
export function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Next start / end tag at or after `from` (before `to`), skipping comments, PIs and CDATA. */
export function nextTag(s: string, from: number, to = s.length): Tag | undefined {
  let i = s.indexOf('<', from);
  while (i >= 0 && i < to) {
    const c1 = s.charCodeAt(i + 1);
    if (c1 === 0x21 /* ! */) {
      if (s.startsWith('<!--', i)) {
        const j = s.indexOf('-->', i + 4);
        if (j < 0) return undefined;
        i = s.indexOf('<', j + 3);
      } else if (s.startsWith('<![CDATA[', i)) {
        const j = s.indexOf(']]>', i + 9);
        if (j < 0) return undefined;
        i = s.indexOf('<', j + 3);
      } else {
        const j = s.indexOf('>', i);
        if (j < 0) return undefined;
        i = s.indexOf('<', j + 1);
      }
      continue;
    }
    if (c1 === 0x3f /* ? */) {
      const j = s.indexOf('?>', i + 2);
      if (j < 0) return undefined;
      i = s.indexOf('<', j + 2);
      continue;
    }
    const close = c1 === 0x2f;
    const ns = close ? i + 2 : i + 1;
    let ne = ns;
    while (ne < s.length && !isNameEnd(s.charCodeAt(ne))) ne++;
    const end = s.indexOf('>', ne);
    if (end < 0) return undefined;
    const qname = s.slice(ns, ne);
    const colon = qname.indexOf(':');
    return {
      start: i,
      end,
      name: colon >= 0 ? qname.slice(colon + 1) : qname,
      qname,
      close,
      selfClose: !close && s.charCodeAt(end - 1) === 0x2f,
    };
  }
  return undefined;
}

/** Attributes of a tag (names as written, values unescaped). */
export function attrs(s: string, tag: Tag): Record<string, string> {
  const out: Record<string, string> = {};
  let i = tag.start + 1 + tag.qname.length;
  const end = tag.end;
  while (i < end) {
    const eq = s.indexOf('=', i);
    if (eq < 0 || eq >= end) break;
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < end && s.charCodeAt(q) !== 0x22 && s.charCodeAt(q) !== 0x27) q++;
    if (q >= end) break;
    const qc = s[q];
    const ve = s.indexOf(qc, q + 1);
    if (ve < 0) break;
    out[name] = unescapeXml(s.slice(q + 1, ve));
    i = ve + 1;
  }
  return out;
}

/** Attribute by local name (any prefix), e.g. `id` matches `r:id`. */
export function attrLocal(a: Record<string, string>, local: string): string | undefined {
  if (a[local] !== undefined) return a[local];
  for (const k in a) {
    const c = k.indexOf(':');
    if (c >= 0 && k.slice(c + 1) === local && k.slice(0, c) !== 'xmlns') return a[k];
  }
  return undefined;
}

/** Index of the matching close tag of `tag` (nesting of the same name counted), or `to`. */
export function closeOf(s: string, tag: Tag, to = s.length): number {
  if (tag.selfClose) return tag.end + 1;
  const open = '<' + tag.qname;
  const close = '</' + tag.qname;
  let depth = 1;
  let i = tag.end + 1;
  // Next open tag at or after i (-1: none left). Kept across closes so that deeply nested input
  // (hostile files) is scanned once, not once per close.
  let o = s.indexOf(open, i);
  for (;;) {
    const c = s.indexOf(close, i);
    if (c < 0 || c >= to) return to;
    // count nested opens before this close
    while (o >= 0 && o < c) {
      const ch = s.charCodeAt(o + open.length);
      if (isNameEnd(ch)) {
        const gt = s.indexOf('>', o);
        if (s.charCodeAt(gt - 1) !== 0x2f) depth++;
      }
      o = s.indexOf(open, o + open.length);
    }
    depth--;
    if (depth === 0) return c;
    i = c + close.length;
  }
}

/** Text content between the end of `tag` and its close tag (raw, not unescaped). */
export function innerRaw(s: string, tag: Tag, to = s.length): string {
  if (tag.selfClose) return '';
  const c = closeOf(s, tag, to);
  return s.slice(tag.end + 1, c);
}

/** Resolve a relationship target against the part that owns the .rels. */
export function resolvePath(basePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const dir = basePart.lastIndexOf('/') >= 0 ? basePart.slice(0, basePart.lastIndexOf('/')).split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') dir.pop();
    else if (seg !== '.' && seg !== '') dir.push(seg);
  }
  return dir.join('/');
}

/** The .rels part for a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const k = part.lastIndexOf('/');
  return k < 0 ? `_rels/${part}.rels` : `${part.slice(0, k)}/_rels/${part.slice(k + 1)}.rels`;
}
