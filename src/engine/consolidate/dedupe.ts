/**
 * Duplicate detection with blocking (never all pairs): candidates meet only inside blocks —
 * the same village number, the same compact name, one of their rarest word tokens. Blocks larger
 * than BLOCK_MAX are compared by sorted neighbourhood (a window over the block sorted by name),
 * so the number of comparisons grows linearly with the number of projects.
 *
 *   exact:    same normalised name, same village (or none on both sides), same tambon
 *   likely:   token Dice ≥ LIKELY with the same village number
 *   possible: Dice ≥ POSSIBLE with the same village, or a village missing on one side and Dice ≥ MISSING
 * A village or tambon that differs on both sides is never a duplicate (the same road in หมู่ที่ 3 and
 * หมู่ที่ 4 are two projects).
 */
import type { Candidate } from './extract';
import type { Confidence } from './types';

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

/** Dice coefficient over distinct tokens (diceSimilarity of ../thai-text, for sets or distinct arrays). */
function tokenDice(a: Tokens, b: Tokens): number {
  const na = sizeOf(a);
  const nb = sizeOf(b);
  if (na === 0 && nb === 0) return 1;
  let inter = 0;
  const [small, big] = na <= nb ? [a, b] : [b, a];
  for (const t of small) if (hasToken(big, t)) inter++;
  return (2 * inter) / (na + nb);
}

/** How two candidates relate, or null when they are different projects. */
export function compare(a: Candidate, b: Candidate): { confidence: Confidence; similarity: number } | null {
  if (a.village !== undefined && b.village !== undefined && a.village !== b.village) return null;
  if (a.tambon && b.tambon && a.tambon !== b.tambon) return null;
  if (!a.compact || !b.compact) return null;
  const sameName = a.compact === b.compact;
  const sim = sameName ? 1 : tokenDice(a.tokens, b.tokens);
  const sameVillage = a.village !== undefined && a.village === b.village;
  const noVillage = a.village === undefined && b.village === undefined;
  const oneMissing = !sameVillage && !noVillage;
  const sameTambon = !!a.tambon && a.tambon === b.tambon;
  if (sameName && (sameVillage || noVillage)) return { confidence: sameTambon ? 'exact' : 'likely', similarity: 1 };
  if (sameVillage && sim >= LIKELY) return { confidence: 'likely', similarity: sim };
  if (sameVillage && sim >= POSSIBLE) return { confidence: 'possible', similarity: sim };
  if ((oneMissing || noVillage) && sim >= MISSING) return { confidence: 'possible', similarity: sim };
  return null;
}

/** Every related pair (a < b by index), found through blocks. */
export function findMatches(cands: readonly Candidate[]): Match[] {
  // Document frequency of each token.
  const df = new Map<string, number>();
  for (const c of cands) for (const t of c.tokens) df.set(t, (df.get(t) ?? 0) + 1);

  // Blocks by kind (no prefixed key strings: at a million rows they cost more than the members).
  // A block of one member is just its index; a second member makes it an array.
  const byCompact = new Map<string, number | number[]>();
  const byVillage = new Map<number, number | number[]>();
  const byToken = new Map<string, number | number[]>();
  const add = <K>(blocks: Map<K, number | number[]>, key: K, i: number): void => {
    const b = blocks.get(key);
    if (b === undefined) blocks.set(key, i);
    else if (typeof b === 'number') blocks.set(key, [b, i]);
    else b.push(i);
  };
  const rare: string[] = [];
  cands.forEach((c, i) => {
    if (!c.compact) return;
    add(byCompact, c.compact, i);
    if (c.village !== undefined) add(byVillage, c.village, i);
    rare.length = 0;
    for (const t of c.tokens) if ((df.get(t) ?? 0) > 1) rare.push(t);
    rare.sort((x, y) => (df.get(x)! - df.get(y)!) || (x < y ? -1 : x > y ? 1 : 0));
    for (let k = 0; k < rare.length && k < RARE_TOKENS; k++) add(byToken, rare[k], i);
  });

  // No set of seen pairs: at a million rows it outgrows V8's Set limit (2^24 entries) and the heap.
  // A pair met in several blocks is compared again (cheap, deterministic) and its duplicates are
  // dropped after sorting.
  const out: Match[] = [];
  const consider = (i: number, j: number): void => {
    if (i === j) return;
    const a = i < j ? i : j;
    const b = i < j ? j : i;
    const ca = cands[a];
    const cb = cands[b];
    if (ca.role === 'local' && cb.role === 'local') return;
    const r = compare(ca, cb);
    if (r) out.push({ a, b, ...r });
  };
  const eachBlock = function* (): Generator<number[]> {
    for (const m of [byCompact, byVillage, byToken] as Array<Map<unknown, number | number[]>>) for (const b of m.values()) if (typeof b !== 'number') yield b;
  };
  for (const members of eachBlock()) {
    if (members.length < 2) continue;
    if (members.length <= BLOCK_MAX) {
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) consider(members[x], members[y]);
    } else {
      const sorted = [...members].sort((x, y) => (cands[x].compact < cands[y].compact ? -1 : cands[x].compact > cands[y].compact ? 1 : x - y));
      for (let x = 0; x < sorted.length; x++)
        for (let y = x + 1; y < Math.min(sorted.length, x + 1 + WINDOW); y++) consider(sorted[x], sorted[y]);
    }
  }
  out.sort((p, q) => p.a - q.a || p.b - q.b);
  let k = 0;
  for (let x = 0; x < out.length; x++) if (k === 0 || out[x].a !== out[k - 1].a || out[x].b !== out[k - 1].b) out[k++] = out[x];
  out.length = k;
  return out;
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
  const tambons: Array<string | undefined> = cands.map((c) => c.tambon || undefined);
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
    let ra = find(m.a);
    let rb = find(m.b);
    if (ra === rb) continue;
    const va = villages[ra];
    const vb = villages[rb];
    const ta = tambons[ra];
    const tb = tambons[rb];
    if ((va !== undefined && vb !== undefined && va !== vb) || (ta !== undefined && tb !== undefined && ta !== tb)) {
      refused.push({ ...m, confidence: 'possible' });
      continue;
    }
    // The earlier candidate stays the root (the kept source).
    if (rb < ra) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    villages[ra] = va ?? vb;
    tambons[ra] = ta ?? tb;
    const c = weaker(weaker(conf.get(ra) ?? 'exact', conf.get(rb) ?? 'exact'), m.confidence);
    conf.set(ra, c);
    sim.set(ra, Math.min(sim.get(ra) ?? 1, sim.get(rb) ?? 1, m.similarity));
  }
  return { root: cands.map((_, i) => find(i)), confidence: conf, similarity: sim, refused };
}
