/**
 * A file's candidates as they cross from a reading thread to this one (parallel.ts): columns of
 * numbers in one Int32Array (transferred, not cloned) and per-file tables of the values rows share
 * (texts, token lists, budgets, places, issues), each distinct value sent once.
 *
 * Why: structured clone of ~300 candidate objects copied every string of every row, and this thread
 * then hashed each copy again to share it (intern, sharedTokens, sharedBudgets: ~0.7 s of its time
 * for 200 files, while the other thread waited on it). Here each distinct value crosses once per
 * file, and only what the sending thread had sent before (a text or token list that repeats across
 * files) is shared again here: most names, objectives and targets occur once, and hashing them
 * bought nothing. decodeCandidates(encodeCandidates(x)) has x's fields, in x's key order (the
 * table's JSON and items follow it).
 */
import type { Extracted } from '../engine/consolidate';
import { intern, sharedBudgets, sharedPlace, sharedTokens, sharedWord, type Candidate } from '../engine/consolidate/extract';
import type { PlaceCodes } from '../engine/places';
import type { ProvincialIssue } from '../engine/consolidate/types';
import type { RowRef } from '../engine/consolidate/provenance';

/** Columns of a row in `cols` (C.* of row i is cols[i * WIDTH + C.*]). */
const C = {
  seq: 0,
  role: 1,
  file: 2,
  sheet: 3,
  row: 4,
  kind: 5,
  srcOrg: 6,
  objective: 7,
  target: 8,
  village: 9,
  tambon: 10,
  organisation: 11,
  budgets: 12,
  issue: 13,
  agency: 14,
  route: 15,
  priority: 16,
  note: 17,
  tokens: 18,
  district: 19,
  place: 20,
  flags: 21,
} as const;
const WIDTH = 22;
/** A key absent, or its value undefined (which of the two the key's place in Candidate says). */
const NONE = -1;
/** flags: village is undefined. */
const NO_VILLAGE = 1;

/** Fields every candidate has (toCandidate); others (keptOut, parts, decision, fromProvince …) go in `extras`. */
const CORE = new Set([
  'seq',
  'role',
  'src',
  'name',
  'objective',
  'target',
  'village',
  'tambon',
  'organisation',
  'budgets',
  'badBudgetYears',
  'issue',
  'agency',
  'route',
  'priority',
  'note',
  'compact',
  'tokens',
  'district',
  'place',
]);

/** One file's candidates on the wire. */
export interface CandidateWire {
  cols: Int32Array;
  /** Texts (file, sheet, organisation, objective, target, agency …). */
  texts: string[];
  /** 1: texts[k] was sent before by this thread (it repeats across files): interned on arrival. */
  textSent: Uint8Array;
  /** Row by row: name and compact (rarely repeated, not interned). */
  names: string[];
  compacts: string[];
  /** Token lists: words[tokenIdx[tokenStart[k]] … tokenIdx[tokenStart[k + 1] - 1]] is list k. */
  words: string[];
  tokenIdx: Int32Array;
  tokenStart: Int32Array;
  /** 1: token list k was sent before by this thread: shared on arrival (sharedTokens). */
  listSent: Uint8Array;
  budgets: Array<Record<number, number>>;
  places: PlaceCodes[];
  issues: ProvincialIssue[];
  /**
   * What the columns do not carry, by row: keys beyond CORE (in the candidate's key order) and core
   * values they cannot (a village that is no int32, a Set of tokens, years of unreadable budgets).
   */
  extras: Array<{ i: number; fields: Record<string, unknown>; origin?: RowRef[] }>;
}

/** An Extracted whose candidates are on the wire. */
export interface WireExtracted extends Omit<Extracted, 'candidates'> {
  wire: CandidateWire;
}

/** Index of each distinct value in a table, by identity (strings by content). */
function indexer<T>(table: T[]): (v: T) => number {
  const at = new Map<T, number>();
  return (v) => {
    let k = at.get(v);
    if (k === undefined) {
      k = table.push(v) - 1;
      at.set(v, k);
    }
    return k;
  };
}

/**
 * What this thread sent in earlier files (a reading thread's own; texts already hashed here, so a
 * lookup is cheap): what repeats across files is worth sharing on arrival. Bounded.
 */
const SENT_TEXTS = new Set<string>();
const SENT_LISTS = new WeakSet<readonly string[]>();
function sentBefore(t: string): number {
  if (SENT_TEXTS.has(t)) return 1;
  if (SENT_TEXTS.size >= 100000) SENT_TEXTS.clear();
  SENT_TEXTS.add(t);
  return 0;
}

const NO_BAD = Object.freeze([]) as readonly number[] as number[];
const NO_TOKENS: readonly string[] = Object.freeze([]);

/** A file's candidates as columns and tables (this thread's objects are not touched). */
export function encodeCandidates(cands: readonly Candidate[]): CandidateWire {
  const n = cands.length;
  const cols = new Int32Array(n * WIDTH);
  const w: CandidateWire = {
    cols,
    texts: [],
    names: new Array<string>(n),
    compacts: new Array<string>(n),
    words: [],
    tokenIdx: new Int32Array(0),
    tokenStart: new Int32Array(0),
    textSent: new Uint8Array(0),
    listSent: new Uint8Array(0),
    budgets: [],
    places: [],
    issues: [],
    extras: [],
  };
  const text = indexer(w.texts);
  const opt = (s: string | undefined) => (s === undefined ? NONE : text(s));
  const word = indexer(w.words);
  const budget = indexer(w.budgets);
  const place = indexer(w.places);
  const issue = indexer(w.issues);
  const lists: Array<readonly string[]> = [];
  const list = indexer(lists);
  for (let i = 0; i < n; i++) {
    const c = cands[i];
    const o = i * WIDTH;
    let fields: Record<string, unknown> | undefined;
    const extra = (k: string, v: unknown) => ((fields ??= {})[k] = v);
    cols[o + C.seq] = c.seq;
    cols[o + C.role] = text(c.role);
    cols[o + C.file] = text(c.src.file);
    cols[o + C.sheet] = text(c.src.sheet);
    cols[o + C.row] = c.src.row;
    cols[o + C.kind] = text(c.src.kind);
    cols[o + C.srcOrg] = opt(c.src.organisation);
    cols[o + C.objective] = text(c.objective);
    cols[o + C.target] = text(c.target);
    if (c.village === undefined) cols[o + C.flags] |= NO_VILLAGE;
    else if ((c.village | 0) === c.village) cols[o + C.village] = c.village;
    else extra('village', c.village);
    cols[o + C.tambon] = opt(c.tambon);
    cols[o + C.organisation] = opt(c.organisation);
    cols[o + C.budgets] = budget(c.budgets);
    if (c.badBudgetYears.length) extra('badBudgetYears', c.badBudgetYears);
    cols[o + C.issue] = c.issue === null ? NONE : issue(c.issue);
    cols[o + C.agency] = text(c.agency);
    cols[o + C.route] = text(c.route);
    cols[o + C.priority] = text(c.priority);
    cols[o + C.note] = text(c.note);
    w.names[i] = c.name;
    w.compacts[i] = c.compact;
    if (Array.isArray(c.tokens)) cols[o + C.tokens] = list(c.tokens as readonly string[]);
    else {
      cols[o + C.tokens] = NONE;
      extra('tokens', c.tokens);
    }
    cols[o + C.district] = 'district' in c ? opt(c.district) : NONE;
    if ('district' in c && c.district === undefined) extra('district', undefined);
    cols[o + C.place] = c.place === undefined ? NONE : place(c.place);
    if ('place' in c && c.place === undefined) extra('place', undefined);
    for (const k in c) if (!CORE.has(k)) extra(k, (c as unknown as Record<string, unknown>)[k]);
    const origin = c.src.origin;
    if (fields || origin) w.extras.push({ i, fields: fields ?? {}, ...(origin ? { origin } : {}) });
  }
  let total = 0;
  for (const l of lists) total += l.length;
  w.tokenIdx = new Int32Array(total);
  w.tokenStart = new Int32Array(lists.length + 1);
  let at = 0;
  lists.forEach((l, k) => {
    w.tokenStart[k] = at;
    for (const t of l) w.tokenIdx[at++] = word(t);
  });
  w.tokenStart[lists.length] = at;
  w.textSent = Uint8Array.from(w.texts, sentBefore);
  w.listSent = new Uint8Array(lists.length);
  lists.forEach((l, k) => {
    if (SENT_LISTS.has(l)) w.listSent[k] = 1;
    else SENT_LISTS.add(l);
  });
  return w;
}

/** The buffers to transfer with a wire (postMessage's transfer list). */
export function wireBuffers(w: CandidateWire): ArrayBuffer[] {
  return [w.cols, w.tokenIdx, w.tokenStart, w.textSent, w.listSent].map((a) => a.buffer as ArrayBuffer);
}

/**
 * The candidates again, their values shared with this thread's as addExtracted would (intern,
 * sharedTokens, sharedBudgets, sharedPlace) where the sender had sent them before, each distinct value
 * once per file: Consolidation.addExtracted(…, true) takes them as they are.
 */
export function decodeCandidates(w: CandidateWire): Candidate[] {
  const texts = w.texts.map((s, k) => (w.textSent[k] ? intern(s) : s));
  const words = w.words.map(sharedWord);
  const t = (k: number) => (k === NONE ? undefined : texts[k]);
  const budgets = w.budgets.map((b) => sharedBudgets(b));
  const places = w.places.map((p) => sharedPlace(p));
  const lists: Array<readonly string[]> = [];
  for (let k = 0; k + 1 < w.tokenStart.length; k++) {
    const l: string[] = [];
    for (let j = w.tokenStart[k]; j < w.tokenStart[k + 1]; j++) l.push(words[w.tokenIdx[j]]);
    lists.push(w.listSent[k] ? sharedTokens(l) : l);
  }
  const { cols } = w;
  const n = w.names.length;
  const out = new Array<Candidate>(n);
  for (let i = 0; i < n; i++) {
    const o = i * WIDTH;
    const organisation = t(cols[o + C.organisation]);
    const c: Candidate = {
      seq: cols[o + C.seq],
      role: texts[cols[o + C.role]] as Candidate['role'],
      src: {
        file: texts[cols[o + C.file]],
        sheet: texts[cols[o + C.sheet]],
        row: cols[o + C.row],
        kind: texts[cols[o + C.kind]] as Candidate['src']['kind'],
        organisation: t(cols[o + C.srcOrg]),
      },
      name: w.names[i],
      objective: texts[cols[o + C.objective]],
      target: texts[cols[o + C.target]],
      village: cols[o + C.flags] & NO_VILLAGE ? undefined : cols[o + C.village],
      tambon: t(cols[o + C.tambon]),
      organisation,
      budgets: budgets[cols[o + C.budgets]],
      badBudgetYears: NO_BAD,
      issue: cols[o + C.issue] === NONE ? null : w.issues[cols[o + C.issue]],
      agency: texts[cols[o + C.agency]],
      route: texts[cols[o + C.route]] as Candidate['route'],
      priority: texts[cols[o + C.priority]],
      note: texts[cols[o + C.note]],
      compact: w.compacts[i],
      tokens: cols[o + C.tokens] === NONE ? NO_TOKENS : lists[cols[o + C.tokens]],
    };
    if (cols[o + C.district] !== NONE) c.district = texts[cols[o + C.district]];
    if (cols[o + C.place] !== NONE) c.place = places[cols[o + C.place]];
    out[i] = c;
  }
  for (const { i, fields, origin } of w.extras) {
    if (origin) out[i].src.origin = origin;
    Object.assign(out[i], fields);
  }
  return out;
}

/** What a reading thread sends back for a file. */
export function toWire({ candidates, ...rest }: Extracted): { ex: WireExtracted; transfer: ArrayBuffer[] } {
  const wire = encodeCandidates(candidates);
  return { ex: { ...rest, wire }, transfer: wireBuffers(wire) };
}

/** A reading thread's file as this thread's Extracted. */
export function fromWire({ wire, ...rest }: WireExtracted): Extracted {
  return { ...rest, candidates: decodeCandidates(wire) };
}
