/**
 * Names packed into numbers that sort as the names do (by UTF-16 code unit, as `<` on strings): several
 * characters per float64 chunk, each as its rank in a small alphabet, 0 past the end. Sorting 40,000
 * names with long shared prefixes by `<` was a runtime call per comparison walking ~60 equal characters;
 * comparing chunks walks ~9 numbers in compiled code.
 */

/** Each name's chunks: keys[start[i]] up to keys[start[i + 1]]. */
export interface PackedNames {
  start: Int32Array;
  keys: Float64Array;
}

/** Ranks of Thai and printable ASCII (compact names are nearly always only these), 0 for any other character. */
const THAI_AND_ASCII = ((): Uint8Array => {
  const rank = new Uint8Array(0x10000);
  let r = 0;
  for (let c = 0x20; c < 0x7f; c++) rank[c] = ++r;
  for (let c = 0x0e00; c < 0x0e80; c++) rank[c] = ++r;
  return rank;
})();

export function packNames(names: readonly string[]): PackedNames {
  // Ranks 1–223 fit 8 bits; another character: the names' own alphabet.
  return packWith(names, THAI_AND_ASCII, 8) ?? packWithAlphabet(names);
}

/** The names' own alphabet: each code unit used, ranked from 1 in code order. */
function packWithAlphabet(names: readonly string[]): PackedNames {
  const used = new Uint8Array(0x10000);
  for (const s of names) for (let k = 0; k < s.length; k++) used[s.charCodeAt(k)] = 1;
  const rank = new Uint16Array(0x10000);
  let r = 0;
  for (let c = 0; c < 0x10000; c++) if (used[c]) rank[c] = ++r;
  let bits = 1;
  while (2 ** bits <= r) bits++;
  return packWith(names, rank, bits)!;
}

/**
 * The names as chunks of floor(53 / bits) characters, or null when a character has no rank. Each loop in a
 * function of its own (as tokenIds'): run once, each was compiled on the stack before the code after it ran
 * and deoptimised at the next statement.
 */
function packWith(names: readonly string[], rank: Uint8Array | Uint16Array, bits: number): PackedNames | null {
  const per = Math.floor(53 / bits);
  const start = chunkStarts(names, per);
  const keys = new Float64Array(start[names.length]);
  return fillKeys(names, rank, per, 2 ** bits, start, keys) ? { start, keys } : null;
}

/** Where each name's chunks start (and, last, how many there are). */
function chunkStarts(names: readonly string[], per: number): Int32Array {
  const n = names.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + Math.ceil(names[i].length / per);
  return start;
}

/** Each name's chunks as numbers into keys from start[i]; false when a character has no rank. */
function fillKeys(
  names: readonly string[],
  rank: Uint8Array | Uint16Array,
  per: number,
  base: number,
  start: Int32Array,
  keys: Float64Array,
): boolean {
  for (let i = 0; i < names.length; i++) {
    const s = names[i];
    let k = start[i];
    for (let from = 0; from < s.length; from += per) {
      let v = 0;
      for (let j = from; j < from + per; j++) {
        const x = j < s.length ? rank[s.charCodeAt(j)] : 0;
        if (x === 0 && j < s.length) return false;
        v = v * base + x;
      }
      keys[k++] = v;
    }
  }
  return true;
}

/** Names x and y compared: < 0, 0 or > 0 as x < y, x === y or x > y. */
export function comparePacked({ start, keys }: PackedNames, x: number, y: number): number {
  let a = start[x];
  let b = start[y];
  const aEnd = start[x + 1];
  const bEnd = start[y + 1];
  for (; a < aEnd && b < bEnd; a++, b++) if (keys[a] !== keys[b]) return keys[a] < keys[b] ? -1 : 1;
  // One is a prefix of the other: its last chunk had no room left for the 0 that ends it.
  return aEnd - a - (bEnd - b);
}
