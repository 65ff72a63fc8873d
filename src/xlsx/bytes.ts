/**
 * UTF-8 bytes written straight into buffers: the writer's sheet XML is almost all ASCII (tags, cell
 * references, style and shared-string indices), so building it as JS strings and encoding them cost
 * more than the XML itself (a rope per row, a 16M-character join, then the encoder; ~40 % of writing
 * a district's needs table was that and the collector cleaning up after it).
 */
const encoder = new TextEncoder();

/** 10^k: a number's digits counted against them (10^k for k > 9 is past V8's small integers: a loop multiplying by 10 was deoptimised for amounts of ten digits). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The end of a cell with a value. */
const CELL_END = '</v></c>';

export class ByteSink {
  private buf: Uint8Array;
  private pos = 0;
  private readonly chunks: Uint8Array[] = [];

  /** Buffers start small (most parts are a few KB) and double up to `maxChunk`. */
  constructor(
    firstChunk = 1 << 14,
    private readonly maxChunk = 1 << 20,
  ) {
    this.buf = new Uint8Array(firstChunk);
  }

  /** Makes room for `n` more bytes in the current buffer. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Math.max(Math.min(this.maxChunk, this.buf.length * 2), n);
    this.seal();
    this.buf = new Uint8Array(next);
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

  /** Three ASCII texts one after another (a cell's column, row and style attributes): one check for room. */
  ascii3(a: string, b: string, c: string): void {
    this.room(a.length + b.length + c.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < a.length; i++) buf[p++] = a.charCodeAt(i);
    for (let i = 0; i < b.length; i++) buf[p++] = b.charCodeAt(i);
    for (let i = 0; i < c.length; i++) buf[p++] = c.charCodeAt(i);
    this.pos = p;
  }

  /**
   * A cell holding a value index or a whole amount, with one check for room: `<c r="` and the column
   * (`open`), the row number, the attributes up to `<v>` (`attrs`), `n`'s digits (a non-negative
   * integer below 2^53), `</v></c>`. The needs table's cells are mostly these.
   */
  valueCell(open: string, row: string, attrs: string, n: number): void {
    let digits = 1;
    while (digits < 16 && n >= POW10[digits]) digits++;
    this.room(open.length + row.length + attrs.length + digits + 8);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < open.length; i++) b[p++] = open.charCodeAt(i);
    for (let i = 0; i < row.length; i++) b[p++] = row.charCodeAt(i);
    for (let i = 0; i < attrs.length; i++) b[p++] = attrs.charCodeAt(i);
    p += digits;
    for (let q = p, m = n; q > p - digits; m = Math.floor(m / 10)) b[--q] = 48 + (m % 10);
    for (let i = 0; i < 8; i++) b[p++] = CELL_END.charCodeAt(i);
    this.pos = p;
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
