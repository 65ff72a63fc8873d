/**
 * Byte scanning for parts read from their UTF-8 bytes (the sheet scanner in read.ts, the shared-string
 * table in shared-strings.ts): one copy of each helper. A module of its own, with no re-exports: V8
 * keeps such a module's exports as constant fields, so the calls into it are inlined in the hot loops
 * (a module that re-exports is a dictionary, and a call through it is a lookup).
 */
/**
 * b[k, k + 4) as a little-endian number, from `view` (a DataView of exactly b): one read with one bounds
 * check where four byte reads cost four (V8 hoists neither the check nor the base out of a loop). Bytes
 * past b's end read as 0, as none of the bytes compared with (a byte read there is undefined, equal to none).
 */
export function wordAt(b: Uint8Array, view: DataView, k: number): number {
  if (k + 4 <= b.length) return view.getUint32(k, true);
  let w = 0;
  for (let j = Math.min(b.length - k, 4) - 1; j >= 0; j--) w = (w << 8) | b[k + j];
  return w >>> 0;
}

/**
 * The word wordAt reads where the ASCII text `s` (1 to 4 characters) stands; with fewer than 4, compare
 * it with wordAt's low bytes. Made from the text, as the writer's AsciiText.words (bytes.ts), so that
 * a tag compared a word at a time cannot be mistyped as a hand-written number.
 */
export function wordOf(s: string): number {
  let w = 0;
  for (let i = Math.min(s.length, 4) - 1; i >= 0; i--) w = (w << 8) | s.charCodeAt(i);
  return w >>> 0;
}

/**
 * The first `c` in b at or after `from`, or -1: b.indexOf(c, from) as a loop the compiler inlines (the
 * builtin is a call into the runtime, several per cell; the distances here are a few bytes).
 */
export function byteAt(b: Uint8Array, c: number | undefined, from: number): number {
  for (let i = from < 0 ? 0 : from; i < b.length; i++) if (b[i] === c) return i;
  return -1;
}

export function encodeAscii(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** Does `pat` stand in `b` at `i`? */
export function matchesAt(b: Uint8Array, pat: Uint8Array, i: number): boolean {
  for (let k = 1; k < pat.length; k++) if (b[i + k] !== pat[k]) return false;
  return true;
}

/** The first `pat` in b at or after `from`, or -1 (its first byte found by byteAt). */
export function findBytes(b: Uint8Array, pat: Uint8Array, from: number): number {
  const first = pat[0];
  for (let i = byteAt(b, first, from); i >= 0 && i + pat.length <= b.length; i = byteAt(b, first, i + 1))
    if (matchesAt(b, pat, i)) return i;
  return -1;
}

/** Last `pat` in `b` starting at or before `from` and at or after `stop`, or -1. */
export function lastIndexOfBytes(b: Uint8Array, pat: Uint8Array, from: number, stop = 0): number {
  const first = pat[0];
  for (let i = b.lastIndexOf(first, Math.min(from, b.length - pat.length)); i >= stop; i = i > 0 ? b.lastIndexOf(first, i - 1) : -1) {
    if (matchesAt(b, pat, i)) return i;
  }
  return -1;
}

/**
 * End of the slice of b[p, to) that starts at p: just after the last `close` within `size` bytes,
 * else just after the first one beyond (one element longer than a slice), else `to`.
 */
export function sliceEnd(b: Uint8Array, p: number, to: number, close: Uint8Array, size: number): number {
  if (to - p <= size) return to;
  const back = lastIndexOfBytes(b, close, p + size - close.length, p);
  if (back >= 0) return back + close.length;
  const next = findBytes(b, close, p + size - close.length);
  return next < 0 || next + close.length > to ? to : next + close.length;
}
