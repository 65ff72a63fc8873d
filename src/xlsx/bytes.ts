/**
 * UTF-8 bytes written straight into buffers: the writer's sheet XML is almost all ASCII (tags, cell
 * references, style and shared-string indices), so building it as JS strings and encoding them cost
 * more than the XML itself (a rope per row, a 16M-character join, then the encoder; ~40 % of writing
 * a district's needs table was that and the collector cleaning up after it).
 */
const encoder = new TextEncoder();

/** 10^k: a number's digits counted against them (10^k for k > 9 is past V8's small integers: a loop multiplying by 10 was deoptimised for amounts of ten digits). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * An ASCII text made once and written often (a cell's opening, a style's attributes): its bytes four
 * to a 32-bit word, written a word at a time, the last 0–3 a byte at a time. A byte at a time from the
 * string (a character read and a byte stored each) took about three times the instructions and time.
 */
export class AsciiText {
  readonly length: number;
  /** The text's bytes 4k…4k+3 in word k, little-endian. */
  readonly words: Int32Array;
  /** Its last `length` mod 4 bytes. */
  readonly tail: Uint8Array;

  constructor(readonly text: string) {
    const n = (this.length = text.length);
    const w = n >> 2;
    this.words = new Int32Array(w);
    for (let k = 0; k < w; k++) {
      const i = 4 * k;
      this.words[k] = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 8) | (text.charCodeAt(i + 2) << 16) | (text.charCodeAt(i + 3) << 24);
    }
    this.tail = new Uint8Array(n - 4 * w);
    for (let i = 4 * w; i < n; i++) this.tail[i - 4 * w] = text.charCodeAt(i);
  }
}

/** The end of a cell with a value. */
const CELL_END = new AsciiText('</v></c>');

export class ByteSink {
  private buf: Uint8Array;
  /** `buf`, for writing AsciiText's words. */
  private view: DataView;
  private pos = 0;
  private readonly chunks: Uint8Array[] = [];

  /** Buffers start small (most parts are a few KB) and double up to `maxChunk`. */
  constructor(
    firstChunk = 1 << 14,
    private readonly maxChunk = 1 << 20,
  ) {
    this.buf = new Uint8Array(firstChunk);
    this.view = new DataView(this.buf.buffer);
  }

  /** Makes room for `n` more bytes in the current buffer. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Math.max(Math.min(this.maxChunk, this.buf.length * 2), n);
    this.seal();
    this.buf = new Uint8Array(next);
    this.view = new DataView(this.buf.buffer);
  }

  /** An AsciiText at `p` (its room made): the position after it. */
  private put(p: number, a: AsciiText): number {
    const { words, tail } = a;
    const v = this.view;
    for (let k = 0; k < words.length; k++, p += 4) v.setInt32(p, words[k], true);
    const b = this.buf;
    for (let i = 0; i < tail.length; i++) b[p++] = tail[i];
    return p;
  }

  private seal(): void {
    if (this.pos) this.chunks.push(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  /** Text known to be ASCII (tags, attribute names, references, numbers): a byte per character. */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** An ASCII text made once (AsciiText). */
  asciiText(a: AsciiText): void {
    this.room(a.length);
    this.pos = this.put(this.pos, a);
  }

  /** A cell's (or a row's) opening, row number and attributes (`<c r="B`, `12`, `" s="3"/>`): one check for room. */
  ascii3(open: AsciiText, row: string, attrs: AsciiText): void {
    this.room(open.length + row.length + attrs.length);
    let p = this.put(this.pos, open);
    const b = this.buf;
    for (let i = 0; i < row.length; i++) b[p++] = row.charCodeAt(i);
    this.pos = this.put(p, attrs);
  }

  /**
   * A cell holding a value index or a whole amount, with one check for room: `<c r="` and the column
   * (`open`), the row number, the attributes up to `<v>` (`attrs`), `n`'s digits (a non-negative
   * integer below 2^53), `</v></c>`. The needs table's cells are mostly these.
   */
  valueCell(open: AsciiText, row: string, attrs: AsciiText, n: number): void {
    let digits = 1;
    while (digits < 16 && n >= POW10[digits]) digits++;
    this.room(open.length + row.length + attrs.length + digits + 8);
    let p = this.put(this.pos, open);
    const b = this.buf;
    for (let i = 0; i < row.length; i++) b[p++] = row.charCodeAt(i);
    p = this.put(p, attrs) + digits;
    for (let q = p, m = n; q > p - digits; m = Math.floor(m / 10)) b[--q] = 48 + (m % 10);
    this.pos = this.put(p, CELL_END);
  }

  /** Any text, as UTF-8 (lone surrogates become U+FFFD, as TextEncoder.encode does). */
  text(s: string): void {
    // At most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
    this.room(s.length * 3);
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  /**
   * A place to come back to: nothing written after it is kept by `rollback` (the row of a sheet whose
   * cells all turn out empty). Only up to `span` bytes may be written between the two.
   */
  mark(span = 64): number {
    this.room(span);
    return this.pos;
  }

  rollback(at: number): void {
    this.pos = at;
  }

  /** Buffers filled so far and not yet taken. */
  get filled(): number {
    return this.chunks.length;
  }

  /**
   * The filled buffers, handed over (a zipper compresses them while the rest is written); with
   * `end`, the current one too (then the sink is done).
   */
  take(end = false): Uint8Array[] {
    if (end) this.seal();
    return this.chunks.splice(0);
  }
}
