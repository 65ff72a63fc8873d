/**
 * Duplicate detection with blocking (never all pairs): candidates meet only inside blocks —
 * the same village of the same tambon, the same compact name, one of their rarest word tokens.
 * (Village numbers repeat in every tambon: a block of "หมู่ที่ 3" alone grows with the country and
 * its window then mostly pairs rows of different tambons, which compare() refuses.) Blocks larger
 * than BLOCK_MAX are compared by sorted neighbourhood (a window over the block sorted by name),
 * so the number of comparisons grows linearly with the number of projects.
 *
 * Similarity is the Dice coefficient over distinct word tokens. A high Dice alone does not merge:
 * "อาคาร รพ.สต. บ้านคลองตะเคียน ซอย 21" and "อาคาร รพ.สต. บ้านท่าข้าม ซอย 28" of one village share most
 * words but each has words the other lacks, so they are only "possible" (the officer decides).
 *
 *   exact:    same normalised name, same village (or none on both sides), same place
 *   likely:   Dice ≥ LIKELY with the same village number, one name's words all in the other, same place
 *   possible: Dice ≥ POSSIBLE with the same village, or a village missing on one side and Dice ≥ MISSING;
 *             when words are replaced on both sides, Dice ≥ LIKELY (else every two roads of a village
 *             would be flagged), or every word of one side found with some only cut short ("พัฒน" in a
 *             truncated cell for "พัฒนา")
 * A village or place (place.ts: gazetteer codes, else tambon names) that differs on both sides is never a
 * duplicate (the same road in หมู่ที่ 3 and หมู่ที่ 4 are two projects). A pair whose place is unknown on
 * either side is at most "possible": a name match alone never takes a row out of the totals.
 */
import type { Candidate } from './extract';
import type { Confidence } from './types';
import { comparePlaces, type Placed } from './place';
import { DIFFERENT, UNKNOWN, gateKeys, nameOrder, placeClasses, tokenIds } from './dedupe-keys';

export const LIKELY = 0.8;
export const POSSIBLE = 0.55;
export const MISSING = 0.75;
const BLOCK_MAX = 64;
const WINDOW = 16;
const RARE_TOKENS = 3;

export interface Match {
  a: number;
  b: number;
  confidence: Confidence;
  similarity: number;
}

const RANK: Record<Confidence, number> = { exact: 0, likely: 1, possible: 2 };
export const weaker = (x: Confidence, y: Confidence): Confidence => (RANK[x] >= RANK[y] ? x : y);

type Tokens = Candidate['tokens'];
const sizeOf = (t: Tokens): number => ('size' in t ? t.size : t.length);
const hasToken = (t: Tokens, x: string): boolean => ('has' in t ? t.has(x) : t.includes(x));

/** Shared tokens of two distinct-token lists (sets or arrays). */
function sharedTokens(a: Tokens, b: Tokens): number {
  const [small, big] = sizeOf(a) <= sizeOf(b) ? [a, b] : [b, a];
  let shared = 0;
  for (const t of small) if (hasToken(big, t)) shared++;
  return shared;
}

/** The number of set bits of a 32-bit int. */
function bitCount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) | 0;
}

type Relation = { confidence: Confidence; similarity: number } | null;

/** Words of at least this many characters may be "cut short" of a longer one ("พัฒน" / "พัฒนา"). */
const CUT_MIN = 3;
/** At most this many unmatched words on the closer side are tried as cut short (typos, truncated cells). */
const CUT_MAX = 2;

/**
 * Pairs of unmatched words where one is the other cut short or run on ("พัฒน" in a truncated cell,
 * "พัฒนา" in the other file), each word used once; the shorter list is walked.
 */
function cutShortPairs(xa: readonly string[], xb: readonly string[]): number {
  const [ua, ub] = xa.length <= xb.length ? [xa, xb] : [xb, xa];
  const used = new Set<number>();
  let n = 0;
  for (const u of ua) {
    for (let k = 0; k < ub.length; k++) {
      if (used.has(k)) continue;
      const v = ub[k];
      if ((u.length >= CUT_MIN && v.startsWith(u)) || (v.length >= CUT_MIN && u.startsWith(v))) {
        used.add(k);
        n++;
        break;
      }
    }
  }
  return n;
}

/** Village, place and name checks that need no tokens: null = never related, else "same name?". */
function gate(a: Candidate, b: Candidate): boolean | null {
  if (a.village !== undefined && b.village !== undefined && a.village !== b.village) return null;
  if (comparePlaces(a, b) === 'different') return null;
  if (!a.compact || !b.compact) return null;
  return a.compact === b.compact;
}

/** How a pair's villages stand (two different villages never reach relateByWords()). */
const SAME_VILLAGE = 0;
const NO_VILLAGES = 1;
const ONE_MISSING = 2;
type Villages = typeof SAME_VILLAGE | typeof NO_VILLAGES | typeof ONE_MISSING;

function villagesOf(a: Candidate, b: Candidate): Villages {
  if (a.village !== undefined && a.village === b.village) return SAME_VILLAGE;
  return a.village === undefined && b.village === undefined ? NO_VILLAGES : ONE_MISSING;
}

/** A name match alone never takes a row out of the totals when the place of either is unknown. */
function capUnknownPlace(r: Relation, placeUnknown: boolean): Relation {
  return r && r.confidence !== 'possible' && placeUnknown ? { confidence: 'possible', similarity: r.similarity } : r;
}

/**
 * The verdict from the Dice coefficient over distinct tokens and whether each side has words the
 * other lacks ("ซอย 7" against "ซอย 23", "บ้านโพนทอง" against "บ้านวังน้ำเย็น"), by the names and villages
 * alone (the places were found not different; capUnknownPlace() then).
 */
function relateByWords(villages: Villages, sameName: boolean, shared: number, na: number, nb: number, cut: number): Relation {
  const sim = sameName || (na === 0 && nb === 0) ? 1 : (2 * shared) / (na + nb);
  const replaced = !sameName && shared < na && shared < nb;
  const sameVillage = villages === SAME_VILLAGE;
  const noVillage = villages === NO_VILLAGES;
  const oneMissing = villages === ONE_MISSING;
  if (sameName && (sameVillage || noVillage)) return { confidence: 'exact', similarity: 1 };
  // Merged (counted once) only when one name adds words to the other; words replaced on both sides
  // may be another road or another phase, so the officer decides.
  if (sameVillage && sim >= LIKELY && !replaced) return { confidence: 'likely', similarity: sim };
  if (replaced && sim < LIKELY) {
    // Every word on one side found, some only cut short or run on: flagged, never merged.
    const s2 = shared + cut;
    if (cut && (s2 >= na || s2 >= nb)) {
      const simCut = (2 * s2) / (na + nb);
      if ((sameVillage && simCut >= POSSIBLE) || ((oneMissing || noVillage) && simCut >= MISSING))
        return { confidence: 'possible', similarity: simCut };
    }
    return null;
  }
  if (sameVillage && sim >= POSSIBLE) return { confidence: 'possible', similarity: sim };
  if ((oneMissing || noVillage) && sim >= MISSING) return { confidence: 'possible', similarity: sim };
  return null;
}

/** Pairs of names of fewer tokens each than this have their least shared count kept in LEAST. */
const LEAST_MAX = 64;
/** leastShared() by villages and both token counts, 255 = not yet worked out. */
const LEAST = new Uint8Array(3 * LEAST_MAX * LEAST_MAX).fill(255);

/**
 * The fewest shared tokens with which two different names of na and nb tokens may relate (any cut-short
 * count), by relateByWords itself: a pair that cannot share that many is no match, whatever it shares.
 */
function leastShared(villages: Villages, na: number, nb: number): number {
  const cached = na < LEAST_MAX && nb < LEAST_MAX;
  const k = (villages * LEAST_MAX + na) * LEAST_MAX + nb;
  if (cached && LEAST[k] !== 255) return LEAST[k];
  const m = Math.min(na, nb);
  let least = m + 1;
  for (let s = 0; s <= m && least > m; s++)
    for (let cut = 0; cut <= Math.min(CUT_MAX, m - s); cut++)
      if (relateByWords(villages, false, s, na, nb, cut)) {
        least = s;
        break;
      }
  if (cached) LEAST[k] = least;
  return least;
}

/** How two candidates relate, or null when they are different projects. */
export function compare(a: Candidate, b: Candidate): Relation {
  const sameName = gate(a, b);
  if (sameName === null) return null;
  const na = sizeOf(a.tokens);
  const nb = sizeOf(b.tokens);
  const shared = sameName ? 0 : sharedTokens(a.tokens, b.tokens);
  let cut = 0;
  if (!sameName && Math.min(na, nb) - shared > 0 && Math.min(na - shared, nb - shared) <= CUT_MAX) {
    const ua = [...a.tokens].filter((t) => !hasToken(b.tokens, t));
    const ub = [...b.tokens].filter((t) => !hasToken(a.tokens, t));
    cut = cutShortPairs(ua, ub);
  }
  return capUnknownPlace(relateByWords(villagesOf(a, b), sameName, shared, na, nb, cut), comparePlaces(a, b) === 'unknown');
}

/** The ids of run [i, iEnd) that are not in run [j, jEnd), ascending (a few: only for words cut short). */
function unmatched(ids: Int32Array, i: number, iEnd: number, j: number, jEnd: number): number[] {
  const out: number[] = [];
  for (let x = i; x < iEnd; x++) {
    let found = false;
    for (let y = j; y < jEnd && !found; y++) found = ids[y] === ids[x];
    if (!found) out.push(ids[x]);
  }
  return out.sort((x, y) => x - y);
}

/** Every related pair (a < b by index), found through blocks. */
export function findMatches(cands: readonly Candidate[]): Match[] {
  // Position of each candidate sorted by name, then place (one name in many tambons keeps each
  // tambon's rows side by side), so big blocks sort by int; and an id per compact name, so the pair
  // loop compares ints and the name blocks are runs of that order (no map of name strings). First:
  // its packed names (~110 MB at a million rows, while it sorts) then meet none of the arrays below.
  const { rank, byRank, nameId } = nameOrder(cands);
  const { start, ids, df, tokenOf, sig } = tokenIds(cands);
  const { need, hasVillage, village } = gateKeys(cands);
  const places = placeClasses(cands);

  // Blocks by kind (no prefixed key strings: at a million rows they cost more than the members).
  // A block of one member is just its index; a second member makes it an array.
  const byCompact: Block[] = [];
  const byVillage = new Map<string, Map<number, Block>>(); // by tambon, then village
  const byToken: Array<Block | undefined> = new Array<Block | undefined>(tokenOf.length);
  const rare = new Int32Array(RARE_TOKENS);
  for (let k = 0; k < byRank.length; k++) {
    const i = byRank[k];
    if (cands[i].compact) byCompact[nameId[i]] = addTo(byCompact[nameId[i]], i);
  }
  cands.forEach((c, i) => {
    if (!c.compact) return;
    // A row without a tambon meets the tambon's rows through its name and token blocks.
    if (c.village !== undefined) {
      const tambon = c.tambon ?? '';
      let villages = byVillage.get(tambon);
      if (!villages) byVillage.set(tambon, (villages = new Map()));
      add(villages, c.village, i);
    }
    const k = rarest(ids, start[i], start[i + 1], df, rare);
    for (let x = 0; x < k; x++) byToken[rare[x]] = addTo(byToken[rare[x]], i);
  });

  // No set of seen pairs: at a million rows it outgrows V8's Set limit (2^24 entries) and the heap.
  // A pair met in several blocks is compared again (cheap, deterministic) and its duplicates are
  // dropped after sorting.
  const out: Match[] = [];
  // mark[id] === stamp: the id is one of the first candidate's of the pair being compared.
  const mark = new Int32Array(tokenOf.length);
  let stamp = 0;
  const consider = (i: number, j: number): void => {
    if (i === j) return;
    const a = i < j ? i : j;
    const b = i < j ? j : i;
    if (!need[a] && !need[b]) return; // two reference rows (ผ.02, district plan)
    // gate() and relate() from the typed keys (a block's members all have a compact name; the loops
    // below refused pairs of two villages already), without touching the candidates.
    if (places(a, b) === DIFFERENT) return;
    const sameName = nameId[a] === nameId[b];
    const a0 = start[a];
    const a1 = start[a + 1];
    const b0 = start[b];
    const b1 = start[b + 1];
    const na = a1 - a0;
    const nb = b1 - b0;
    // Two villages on both sides are one village here (the loops refused two).
    const inVillages = hasVillage[a] + hasVillage[b];
    const villages = inVillages === 2 ? SAME_VILLAGE : inVillages === 0 ? NO_VILLAGES : ONE_MISSING;
    let shared = 0;
    if (!sameName) {
      // Nearly every pair a block meets shares too few words to relate (99.5 % at 200 files): refused
      // by the words each side has whose bit the other lacks, else once the merge cannot reach the least.
      const least = leastShared(villages, na, nb);
      const sa0 = sig[2 * a];
      const sa1 = sig[2 * a + 1];
      const sb0 = sig[2 * b];
      const sb1 = sig[2 * b + 1];
      if (na - bitCount(sa0 & ~sb0) - bitCount(sa1 & ~sb1) < least) return;
      if (nb - bitCount(sb0 & ~sa0) - bitCount(sb1 & ~sa1) < least) return;
      // Shared ids: a's marked, b's looked up; given up once too many of b's are not a's.
      const mine = ++stamp;
      for (let k = a0; k < a1; k++) mark[ids[k]] = mine;
      let missed = nb - least;
      for (let k = b0; k < b1; k++)
        if (mark[ids[k]] === mine) shared++;
        else if (--missed < 0) return;
      if (shared < least) return;
    }
    // Only a pair with words replaced on both sides, few on one side, and not similar enough anyway.
    let cut = 0;
    if (!sameName && shared < na && shared < nb && Math.min(na - shared, nb - shared) <= CUT_MAX && 2 * shared < LIKELY * (na + nb)) {
      const ua = unmatched(ids, a0, a1, b0, b1).map((x) => tokenOf[x]);
      const ub = unmatched(ids, b0, b1, a0, a1).map((x) => tokenOf[x]);
      cut = cutShortPairs(ua, ub);
    }
    const r = relateByWords(villages, sameName, shared, na, nb, cut);
    if (r) out.push({ a, b, ...capUnknownPlace(r, places(a, b) === UNKNOWN)! });
  };
  // consider()'s first refusal, in the loops: most pairs of a big block's window end here, without a call.
  const villagesDiffer = (i: number, j: number): boolean => hasVillage[i] === 1 && hasVillage[j] === 1 && village[i] !== village[j];
  const each = (b: Block | undefined): void => {
    if (b === undefined || typeof b === 'number') return;
    if (b.length <= BLOCK_MAX) {
      for (let x = 0; x < b.length; x++) {
        const i = b[x];
        for (let y = x + 1; y < b.length; y++) if (!villagesDiffer(i, b[y])) consider(i, b[y]);
      }
      return;
    }
    // Filled by index: TypedArray.from iterates its source, an iterator result object per member.
    const sorted = new Int32Array(b.length);
    for (let x = 0; x < b.length; x++) sorted[x] = rank[b[x]];
    sorted.sort();
    for (let x = 0; x < sorted.length; x++) sorted[x] = byRank[sorted[x]];
    for (let x = 0; x < sorted.length; x++) {
      const i = sorted[x];
      const end = Math.min(sorted.length, x + 1 + WINDOW);
      for (let y = x + 1; y < end; y++) if (!villagesDiffer(i, sorted[y])) consider(i, sorted[y]);
    }
  };
  // By index: these loops run once, and until compiled a for…of makes an iterator result per block.
  for (let x = 0; x < byCompact.length; x++) each(byCompact[x]);
  for (const villages of byVillage.values()) for (const b of villages.values()) each(b);
  for (let x = 0; x < byToken.length; x++) each(byToken[x]);
  out.sort((p, q) => p.a - q.a || p.b - q.b);
  let k = 0;
  for (let x = 0; x < out.length; x++) if (k === 0 || out[x].a !== out[k - 1].a || out[x].b !== out[k - 1].b) out[k++] = out[x];
  out.length = k;
  return out;
}

/** A block's members: one index, or two and more. */
type Block = number | number[];

/** The block with i added (a new array at the second member). */
function addTo(b: Block | undefined, i: number): Block {
  if (b === undefined) return i;
  if (typeof b === 'number') return [b, i];
  b.push(i);
  return b;
}

function add<K>(blocks: Map<K, Block>, key: K, i: number): void {
  const b = blocks.get(key);
  const c = addTo(b, i);
  if (c !== b) blocks.set(key, c);
}

/**
 * The (at most RARE_TOKENS) rarest ids of run [from, to) that more than one candidate has, into
 * `out`, rarest first, ties by id; returns how many.
 */
function rarest(ids: Int32Array, from: number, to: number, df: Int32Array, out: Int32Array): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const t = ids[k];
    if (df[t] <= 1) continue;
    // Insertion into the short sorted list (a sort per candidate was most of building the blocks).
    let p = n < out.length ? n++ : out.length;
    while (p > 0 && (df[t] < df[out[p - 1]] || (df[t] === df[out[p - 1]] && t < out[p - 1]))) {
      if (p < out.length) out[p] = out[p - 1];
      p--;
    }
    if (p < out.length) out[p] = t;
  }
  return n;
}

/** What two rows of one group say of its place together (each part from whichever names it). */
function mergedPlace(a: Placed, b: Placed): Placed {
  const place = a.place || b.place ? { ...b.place, ...a.place } : undefined;
  return { tambon: a.tambon || b.tambon, ...(place ? { place } : {}) };
}

/**
 * Union-find over exact/likely matches between requests, refusing a union that would put two
 * villages or two tambons in one group (chains through a row without a location). Returns the
 * root of each candidate and the weakest confidence and similarity used in each group.
 */
export function mergeGroups(
  cands: readonly Candidate[],
  matches: readonly Match[],
): { root: number[]; confidence: Map<number, Confidence>; similarity: Map<number, number>; refused: Match[] } {
  const parent = new Int32Array(cands.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  // The village and tambon of each group: a group never holds two (such unions are refused), so one
  // value per root, undefined when none of its rows names one.
  const villages: Array<number | undefined> = cands.map((c) => c.village);
  const places: Placed[] = cands.map((c) => c);
  const conf = new Map<number, Confidence>();
  const sim = new Map<number, number>();
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const refused: Match[] = [];
  for (const m of matches) {
    if (m.confidence === 'possible') continue;
    if (cands[m.a].role !== 'need' || cands[m.b].role !== 'need') continue;
    // Rows of needs tables (districts' tables at the province) were made one need each by their
    // level: two districts asking for the same bridge are reported, never merged.
    if (cands[m.a].src.kind === 'district-needs' || cands[m.b].src.kind === 'district-needs') {
      refused.push(m);
      continue;
    }
    let ra = find(m.a);
    let rb = find(m.b);
    if (ra === rb) continue;
    const va = villages[ra];
    const vb = villages[rb];
    const pa = places[ra];
    const pb = places[rb];
    if ((va !== undefined && vb !== undefined && va !== vb) || comparePlaces(pa, pb) === 'different') {
      refused.push({ ...m, confidence: 'possible' });
      continue;
    }
    // The earlier candidate stays the root (the kept source).
    if (rb < ra) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    villages[ra] = va ?? vb;
    if (pa !== pb) places[ra] = mergedPlace(pa, pb);
    const c = weaker(weaker(conf.get(ra) ?? 'exact', conf.get(rb) ?? 'exact'), m.confidence);
    conf.set(ra, c);
    sim.set(ra, Math.min(sim.get(ra) ?? 1, sim.get(rb) ?? 1, m.similarity));
  }
  return { root: cands.map((_, i) => find(i)), confidence: conf, similarity: sim, refused };
}
