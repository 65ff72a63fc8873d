/**
 * How many lines a wrapped cell text takes on paper, estimated word by word as LibreOffice and Excel
 * break it: at spaces, and inside Thai (no spaces) at word boundaries (ICU's dictionary, which
 * Intl.Segmenter uses too). Counting characters against a shortened line instead made every long
 * row a line taller than printed, and the needs table a third longer on paper.
 */
import { wordSegmenter } from './normalise';

/** Thai marks that take no width of their own (above/below vowels, tone marks) and zero-width characters. */
const ZERO_WIDTH = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * Printed width of one line of text in column units. Thai consonants and digits of TH Sarabun New are
 * about one unit each (measured: 1.01 for Laksaman); a little extra for bold and wide Latin capitals.
 */
export function textUnits(line: string, bold = false): number {
  const n = line.replace(ZERO_WIDTH, '').length;
  return bold ? n * 1.1 : n;
}

/**
 * A line holds this share of the column's width (less its padding): Thai letters print a little
 * wider than a digit, and LibreOffice's dictionary may break a word later than Node's ICU.
 */
const FILL = 1;
/** A space between words, in units (a space of TH Sarabun New is narrower: counted whole, errs tall). */
const SPACE = 1;

/** Thai letters and marks, not Thai digits: a break between two words needs Thai on both sides. */
const THAI_END = /[\u0e01-\u0e3a\u0e40-\u0e4e]$/;
const THAI_START = /^[\u0e01-\u0e3a\u0e40-\u0e4e]/;
const HAS_THAI = /[\u0e01-\u0e3a\u0e40-\u0e4e]/;

/** Widths (units, not bold) of a space-free chunk's unbreakable pieces, per distinct chunk: chunks repeat across names. */
const PIECES = new Map<string, readonly number[]>();

function pieces(chunk: string, seg: Intl.Segmenter): readonly number[] {
  const hit = PIECES.get(chunk);
  if (hit) return hit;
  const out: number[] = [];
  if (!HAS_THAI.test(chunk)) out.push(textUnits(chunk));
  else {
    // Word boundaries inside Thai only: digits, Latin and punctuation stay with their neighbours
    // ("ถนนสวรรค์วิถี22", "(สถานี", "ค.ส.ล."), as line breaking (UAX #14) keeps them.
    let piece = '';
    for (const { segment } of seg.segment(chunk)) {
      if (piece && THAI_END.test(piece) && THAI_START.test(segment)) {
        out.push(textUnits(piece));
        piece = '';
      }
      piece += segment;
    }
    if (piece) out.push(textUnits(piece));
  }
  if (PIECES.size >= 50000) PIECES.clear();
  PIECES.set(chunk, out);
  return out;
}

/** Lines of one paragraph, filled word by word. */
function paragraphLines(para: string, perLine: number, k: number, seg: Intl.Segmenter): number {
  let lines = 1;
  let used = 0;
  // Space-separated chunks, found in place (no array of them per paragraph: every name of a table is laid out).
  for (let from = 0; from <= para.length;) {
    let to = para.indexOf(' ', from);
    if (to < 0) to = para.length;
    if (to === from) {
      from = to + 1;
      continue;
    }
    const ws = pieces(from === 0 && to === para.length ? para : para.slice(from, to), seg);
    from = to + 1;
    for (let j = 0; j < ws.length; j++) {
      const w = ws[j] * k;
      const gap = j === 0 && used > 0 ? SPACE * k : 0;
      if (used + gap + w <= perLine) {
        used += gap + w;
        continue;
      }
      if (used > 0) lines++;
      // A word longer than a line is broken between characters.
      const extra = Math.max(0, Math.ceil(w / perLine) - 1);
      lines += extra;
      used = w - extra * perLine;
    }
  }
  return lines;
}

/**
 * Lines a wrapped text needs in a column `width` units wide (font `scale` × the sheet's size). Each
 * paragraph is filled word by word; a text that fits on one line is not segmented. Without
 * Intl.Segmenter (old browsers) lines are counted by characters against 0.8 of the width, which errs
 * tall: a row may be a little tall, never cut off.
 */
export function wrappedLines(text: string, width: number, scale = 1, bold = false): number {
  const room = Math.max(1, (width - 1) / scale);
  const k = bold ? 1.1 : 1;
  // Fast path: one short line fits however it breaks (most cells of a table).
  if (text.length * k <= room * FILL && text.indexOf('\n') < 0) return 1;
  return linesIn(width, scale, bold).of(text);
}

/**
 * wrappedLines for one column width, scale and weight: a sheet's row heights (print.ts RowHeights) keep
 * one per column and ask it for every row's text, without looking the column up again.
 */
export class ColumnLines {
  /** Lines of the texts laid out in this column: bounded, emptied when full. */
  private readonly known = new Map<string, number>();

  constructor(
    /** Units a line holds. */
    private readonly room: number,
    /** Width of a character (1.1 bold). */
    private readonly k: number,
  ) {}

  /** wrappedLines(text, …) for this column's width, scale and weight. */
  of(text: string): number {
    const { room, k } = this;
    if (text.length * k <= room * FILL && text.indexOf('\n') < 0) return 1;
    // A project name (long, never repeated) is laid out each time: kept, it would only churn through
    // the cache (and looking it up there costs a miss in a table of thousands).
    if (text.length > CACHED_LENGTH) return layOut(text, room, k);
    // A table repeats its agencies, routes, places and issues on every row: each text is laid out
    // once per column width. Small: the few hundred repeated texts come back at once.
    let lines = this.known.get(text);
    if (lines === undefined) {
      lines = layOut(text, room, k);
      if (this.known.size >= 4096) this.known.clear();
      this.known.set(text, lines);
    }
    return lines;
  }
}

/** The lines of texts `width` units wide at `scale` (bold or not), each laid-out text kept per room and weight. */
export function linesIn(width: number, scale = 1, bold = false): ColumnLines {
  const room = Math.max(1, (width - 1) / scale);
  const key = bold ? -room : room;
  let lines = LINES.get(key);
  if (!lines) LINES.set(key, (lines = new ColumnLines(room, bold ? 1.1 : 1)));
  return lines;
}

/** Texts up to this long are kept once laid out: agencies, routes, places, issues (names are longer). */
const CACHED_LENGTH = 64;

/** The columns' lines, per room (units a line holds; negative: bold). */
const LINES = new Map<number, ColumnLines>();

function layOut(text: string, room: number, k: number): number {
  const seg = wordSegmenter();
  // One paragraph (a name): no array of paragraphs made.
  if (text.indexOf('\n') < 0) return paragraph(text, room, k, seg);
  let lines = 0;
  for (const para of text.split('\n')) lines += paragraph(para, room, k, seg);
  return lines;
}

/** Lines of one paragraph (no line break in it). */
function paragraph(para: string, room: number, k: number, seg: Intl.Segmenter | null): number {
  // Fast path: a short line fits however it breaks.
  if (para.length * k <= room * FILL) return 1;
  if (seg) return paragraphLines(para, room * FILL, k, seg);
  return Math.max(1, Math.ceil(textUnits(para, k !== 1) / Math.max(1, room * 0.8)));
}
