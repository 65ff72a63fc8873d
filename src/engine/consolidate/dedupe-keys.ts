/**
 * What duplicate detection (dedupe.ts) reads of each candidate, as typed arrays by candidate index:
 * token ids, the village and place gates, the order by name. The windows of big blocks pair millions
 * of rows at a million candidates, and most pairs are refused by village or place: read from flat
 * arrays, without touching the candidate objects.
 */
import type { Candidate } from './extract';
import { comparePlaces, type Placed } from './place';
import { comparePacked, packNames } from './packed-names';

type Tokens = Candidate['tokens'];
const sizeOf = (t: Tokens): number => ('size' in t ? t.size : t.length);

/** Each candidate's distinct tokens as int ids (in its list's order): ids[start[i]] up to ids[start[i + 1]]. */
export interface TokenIds {
  start: Int32Array;
  ids: Int32Array;
  /** How many candidates have each id. */
  df: Int32Array;
  /** The token of each id. */
  tokenOf: string[];
  /**
   * 64 bits per candidate (sig[2i], sig[2i + 1]): bit id % 64 set for each of its ids. A token of one
   * candidate whose bit the other's lacks is not shared: findMatches bounds the shared count with them.
   */
  sig: Int32Array;
}

/**
 * Tokens as ints (compare() on strings was most of the time), in one flat array with offsets (a typed array per candidate costs ~150 bytes of headers).
 * Each loop in a function of its own: this runs once a run, so each loop is compiled where it runs (on-stack
 * replacement) before the code after it ever ran, and in one function each compiled loop was deoptimised
 * at the next statement (three deoptimisations and compiles a run).
 */
export function tokenIds(cands: readonly Candidate[]): TokenIds {
  const idOf = new Map<string, number>();
  const start = tokenStarts(cands);
  const ids = new Int32Array(start[cands.length]);
  const sig = new Int32Array(2 * cands.length);
  fillTokenIds(cands, start, ids, sig, idOf);
  const tokenOf = tokensById(idOf);
  idOf.clear();
  return { start, ids, df: tokenCounts(ids, tokenOf.length), tokenOf, sig };
}

/** Where each candidate's ids start in the flat array (and, last, its length). */
function tokenStarts(cands: readonly Candidate[]): Int32Array {
  const start = new Int32Array(cands.length + 1);
  for (let i = 0; i < cands.length; i++) start[i + 1] = start[i] + sizeOf(cands[i].tokens);
  return start;
}

/**
 * Each candidate's token ids, in its list's order, into ids from start[i], and its bits; a new token gets
 * the next id. Not sorted: findMatches counts shared ids by marking one side's, and sorts only the few
 * unmatched ids of pairs tried for words cut short.
 */
function fillTokenIds(cands: readonly Candidate[], start: Int32Array, ids: Int32Array, sig: Int32Array, idOf: Map<string, number>): void {
  for (let i = 0; i < cands.length; i++) {
    const tokens = cands[i].tokens;
    // By index (a Set, which tests may give, spread first): for…of over each list cost ~49 M instructions
    // of a 60-file finish (instructions.sh), its iterator code compiled and run per list.
    const list = 'size' in tokens ? [...tokens] : tokens;
    let k = start[i];
    for (let x = 0; x < list.length; x++) {
      const t = list[x];
      let id = idOf.get(t);
      if (id === undefined) idOf.set(t, (id = idOf.size));
      sig[2 * i + ((id >> 5) & 1)] |= 1 << (id & 31);
      ids[k++] = id;
    }
  }
}

function tokensById(idOf: ReadonlyMap<string, number>): string[] {
  const tokenOf: string[] = new Array<string>(idOf.size);
  for (const [t, id] of idOf) tokenOf[id] = t;
  return tokenOf;
}

/** How many candidates have each id (ids are distinct within a candidate). */
function tokenCounts(ids: Int32Array, n: number): Int32Array {
  const df = new Int32Array(n);
  for (let k = 0; k < ids.length; k++) df[ids[k]]++;
  return df;
}

/** Whether each candidate is a need (else a reference row) and its village number. */
export function gateKeys(cands: readonly Candidate[]): { need: Uint8Array; hasVillage: Uint8Array; village: Float64Array } {
  const n = cands.length;
  const need = new Uint8Array(n);
  const hasVillage = new Uint8Array(n);
  const village = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cands[i];
    if (c.role === 'need') need[i] = 1;
    if (c.village !== undefined) {
      hasVillage[i] = 1;
      village[i] = c.village;
    }
  }
  return { need, hasVillage, village };
}

/** Classes of places beyond this many are compared directly (the table of their pairs would grow as the square). */
const CACHED_CLASSES = 2048;

/** comparePlaces() as a small int (placeClasses). */
export const DIFFERENT = 1;
export const SAME = 2;
export const UNKNOWN = 3;
const CODE = { different: DIFFERENT, same: SAME, unknown: UNKNOWN } as const;

/**
 * comparePlaces() of two candidates (by index), as DIFFERENT, SAME or UNKNOWN, cached per pair of place
 * classes: rows with one place object (shared: extract.ts sharedPlace) and one tambon name relate
 * alike to every other row, and a district has a few dozen such classes.
 */
export function placeClasses(cands: readonly Candidate[]): (a: number, b: number) => number {
  const classOf = new Int32Array(cands.length);
  const reps: Placed[] = [];
  const byPlace = new Map<Placed['place'], Map<string | undefined, number>>();
  cands.forEach((c, i) => {
    let byTambon = byPlace.get(c.place);
    if (!byTambon) byPlace.set(c.place, (byTambon = new Map()));
    let k = byTambon.get(c.tambon);
    if (k === undefined) {
      byTambon.set(c.tambon, (k = reps.length));
      reps.push(c);
    }
    classOf[i] = k;
  });
  const p = reps.length;
  if (p > CACHED_CLASSES) return (a, b) => CODE[comparePlaces(reps[classOf[a]], reps[classOf[b]])];
  // Per ordered pair of classes: 0 not yet compared, else the relation's code.
  const known = new Uint8Array(p * p);
  return (a, b) => {
    const x = classOf[a];
    const y = classOf[b];
    const k = x * p + y;
    let v = known[k];
    if (v === 0) known[k] = v = CODE[comparePlaces(reps[x], reps[y])];
    return v;
  };
}

/**
 * The candidates sorted by compact name, then tambon, village and index: `rank` of each, the candidate
 * at each rank, and an id per distinct compact name (ids ascending with the name).
 */
export interface NameOrder {
  rank: Int32Array;
  byRank: Int32Array;
  nameId: Int32Array;
}

export function nameOrder(cands: readonly Candidate[]): NameOrder {
  const n = cands.length;
  // From flat arrays: the comparator reads no candidate object (most of a sort's time was loading them).
  const names = packNames(cands.map((c) => c.compact));
  const tambon = cands.map((c) => c.tambon ?? '');
  // Filled by index: TypedArray.from iterates its source, an iterator result object per candidate.
  const village = new Float64Array(n);
  const byRank = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    village[i] = cands[i].village ?? -1;
    byRank[i] = i;
  }
  byRank.sort((x, y) => {
    const d = comparePacked(names, x, y);
    if (d !== 0) return d;
    const ta = tambon[x];
    const tb = tambon[y];
    if (ta !== tb) return ta < tb ? -1 : 1;
    return village[x] - village[y] || x - y;
  });
  const rank = new Int32Array(n);
  const nameId = new Int32Array(n);
  let id = -1;
  for (let k = 0; k < n; k++) {
    const i = byRank[k];
    rank[i] = k;
    if (k === 0 || comparePacked(names, byRank[k - 1], i) !== 0) id++;
    nameId[i] = id;
  }
  return { rank, byRank, nameId };
}
