/**
 * Match projects to provincial development issues and flag the ones that do not fit.
 *
 * Each issue is a document: name + goals + approaches + keywords (name and keywords count twice).
 * Terms are weighted across the list with BM25 (k1 1.2, b 0.75); terms found in every issue of the
 * list say nothing and are dropped (document frequency = N). A project's query is its name
 * (weight 1), objective (0.5) and target (0.3); its score for an issue is Σ weight × idf × tf-part
 * over the distinct terms they share. Deterministic: ties go to the issue listed first.
 */
import { resolveDeclared } from './declared';
import {
  DEFAULT_MATCH_SETTINGS,
  type MatchSettings,
  type MatchVerdict,
  type ProjectInput,
  type StrategyIssue,
  type StrategyList,
} from './model';
import { chunkRunInfos, chunkTerms, pushMatchedPhrases, termCacheEpoch, termCounts, textChunks, type RunInfo } from './text';

const K1 = 1.2;
const B = 0.75;

interface IssueDoc {
  issue: StrategyIssue;
  tf: Map<string, number>;
  len: number;
  /** Terms of the issue's name and keywords: what the province said the issue is about (not its prose). */
  stated: ReadonlySet<string>;
}

export interface StrategyIndex {
  docs: IssueDoc[];
  idf: Map<string, number>;
  avgLen: number;
  unit: number;
  /**
   * Per term with an idf: the idf and its BM25 tf-part in each issue (0 where the issue lacks it), so
   * scoring a project is one lookup per query term instead of two per term and issue.
   */
  terms: Map<string, { idf: number; part: Float64Array }>;
}

const indexCache = new WeakMap<StrategyList, StrategyIndex>();

/**
 * BM25F-style field weights of an issue document: the name and the keywords are what the province
 * chose to say the issue is about; goals and approaches are prose, where a lone shared word
 * ("ท้องถิ่น", "บริการ") is weak evidence.
 */
export const ISSUE_FIELD_WEIGHTS = { name: 2, keywords: 2, goals: 0.5, approaches: 0.5 } as const;

/** Each field of an issue: its text, its weight, and whether it states what the issue is (name, keywords). */
function issueFields(i: StrategyIssue): Array<[string, number, boolean]> {
  return [
    [i.name, ISSUE_FIELD_WEIGHTS.name, true],
    [(i.keywords ?? []).join(' , '), ISSUE_FIELD_WEIGHTS.keywords, true],
    [i.goals ?? '', ISSUE_FIELD_WEIGHTS.goals, false],
    [i.approaches ?? '', ISSUE_FIELD_WEIGHTS.approaches, false],
  ];
}

export function buildIndex(list: StrategyList): StrategyIndex {
  const cached = indexCache.get(list);
  if (cached) return cached;
  const docs: IssueDoc[] = list.issues.map((issue) => {
    const tf = new Map<string, number>();
    const stated = new Set<string>();
    for (const [part, w, states] of issueFields(issue))
      for (const [t, n] of termCounts(part)) {
        tf.set(t, (tf.get(t) ?? 0) + n * w);
        if (states) stated.add(t);
      }
    let len = 0;
    for (const n of tf.values()) len += n;
    return { issue, tf, len, stated };
  });
  const N = docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) {
    if (N > 1 && n === N) continue; // in every issue: generic for this list
    idf.set(t, Math.log(1 + (N - n + 0.5) / (n + 0.5)));
  }
  const avgLen = docs.reduce((s, d) => s + d.len, 0) / Math.max(1, N);
  // Score unit: the most a single term found in only one issue can add (idf of df 1 × (k1 + 1)).
  // Scores are divided by it, so thresholds mean the same for a list of 3 issues or of 8:
  // 1.0 ≈ one strong, issue-specific word.
  const unit = Math.log(1 + (N - 1 + 0.5) / 1.5) * (K1 + 1);
  const terms = new Map<string, { idf: number; part: Float64Array }>();
  for (const [t, v] of idf) {
    const part = new Float64Array(N);
    docs.forEach((d, k) => {
      const tf = d.tf.get(t);
      if (tf) part[k] = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * d.len) / (avgLen || 1)));
    });
    terms.set(t, { idf: v, part });
  }
  const index = { docs, idf, avgLen, unit, terms };
  indexCache.set(list, index);
  return index;
}

interface QueryTerm {
  term: string;
  weight: number;
  inName: boolean;
  /** The term's idf and tf-parts (index.terms), looked up once. */
  entry: { idf: number; part: Float64Array } | undefined;
}

/**
 * What matching uses of one space-free chunk: its terms the index knows (have an idf), in text order,
 * possibly repeated (the query map merges repeats) — a term no issue uses adds nothing to any score,
 * and most terms are such — and its word runs that hold such a term as a content word or a pair, the
 * only runs a reason's phrase can come from (a reason's words are matched terms, all known to the
 * index). Most chunks hold none ("หมู่ที่", "ตำบลนาดี"): the project keeps only the others.
 * Cached per index and chunk (chunks repeat across many distinct texts).
 */
interface ChunkInfo {
  terms: readonly string[];
  runs: readonly RunInfo[];
}
const NO_INFO: ChunkInfo = { terms: [], runs: [] };
const INFO_MAX = 200000;
const infoCache = new WeakMap<StrategyIndex, { epoch: number; chunks: Map<string, ChunkInfo> }>();
function chunkInfos(index: StrategyIndex, chunks: readonly string[]): readonly ChunkInfo[] {
  let m = infoCache.get(index);
  if (!m || m.epoch !== termCacheEpoch()) infoCache.set(index, (m = { epoch: termCacheEpoch(), chunks: new Map() }));
  const out: ChunkInfo[] = [];
  for (const c of chunks) {
    let info = m.chunks.get(c);
    if (!info) {
      const terms = chunkTerms(c).filter((t) => index.idf.has(t));
      const known = (t: string | undefined) => t !== undefined && index.idf.has(t);
      // A run's pair is read whatever its halves are (a pair of a stop word can be a term of another chunk).
      const runs = chunkRunInfos(c).filter((r) => r.words.some((w, i) => (r.content[i] && known(w)) || known(r.pairs[i])));
      info = terms.length || runs.length ? { terms, runs } : NO_INFO;
      if (m.chunks.size >= INFO_MAX) m.chunks.clear();
      m.chunks.set(c, info);
    }
    if (info !== NO_INFO) out.push(info);
  }
  return out;
}

/** A project's three fields, each as the infos of its textChunks that hold a known term (made once per field and project). */
interface Fields {
  name: readonly ChunkInfo[];
  objective: readonly ChunkInfo[];
  target: readonly ChunkInfo[];
}
const NO_INFOS: readonly ChunkInfo[] = [];
function fieldsOf(p: ProjectInput, index: StrategyIndex): Fields {
  return {
    // Names are mostly unique (objectives and targets repeat): not offered to the cache.
    name: p.name ? chunkInfos(index, textChunks(p.name, false)) : NO_INFOS,
    objective: p.objective ? chunkInfos(index, textChunks(p.objective)) : NO_INFOS,
    target: p.target ? chunkInfos(index, textChunks(p.target)) : NO_INFOS,
  };
}

function queryOf(f: Fields, s: MatchSettings, index: StrategyIndex): QueryTerm[] {
  const q = new Map<string, QueryTerm>();
  const addField = (infos: readonly ChunkInfo[], weight: number, inName: boolean) => {
    if (weight <= 0) return;
    for (const info of infos)
      for (const t of info.terms) {
        const prev = q.get(t);
        if (!prev) q.set(t, { term: t, weight, inName, entry: index.terms.get(t) });
        else {
          prev.weight = Math.max(prev.weight, weight);
          prev.inName ||= inName;
        }
      }
  };
  addField(f.name, s.nameWeight, true);
  addField(f.objective, s.objectiveWeight, false);
  addField(f.target, s.targetWeight, false);
  return [...q.values()];
}

interface IssueScore {
  readonly code: string;
  readonly score: number;
  /** Matched terms with their contribution, best first (made when a reason needs them). */
  readonly hits: Array<{ term: string; value: number; inName: boolean }>;
}

function scoreAll(index: StrategyIndex, query: QueryTerm[]): IssueScore[] {
  const n = index.docs.length;
  const sums = new Float64Array(n);
  const entries = query.map((q) => q.entry);
  // Summed per issue in query order, each value computed as (weight × idf × part) / unit: the same
  // floating-point steps as term-by-term scoring, so thresholds decide exactly as before.
  for (let j = 0; j < query.length; j++) {
    const e = entries[j];
    if (!e) continue;
    const w = query[j].weight;
    for (let k = 0; k < n; k++) {
      const part = e.part[k];
      if (part) sums[k] += (w * e.idf * part) / index.unit;
    }
  }
  const scored: IssueScore[] = [];
  for (let k = 0; k < n; k++) scored.push(new Scored(index.docs[k].issue.code, sums[k], k, query, entries, index.unit));
  return scored;
}

type Hit = { term: string; value: number; inName: boolean };

/** One issue's score for a project; its hits are made when a reason needs them (one class: no closure per issue and project). */
class Scored implements IssueScore {
  private made: Hit[] | undefined;
  constructor(
    readonly code: string,
    readonly score: number,
    private readonly k: number,
    private readonly query: readonly QueryTerm[],
    private readonly entries: ReadonlyArray<{ idf: number; part: Float64Array } | undefined>,
    private readonly unit: number,
  ) {}
  get hits(): Hit[] {
    if (!this.made) {
      const { k, query, entries, unit } = this;
      const hits: Hit[] = [];
      for (let j = 0; j < query.length; j++) {
        const e = entries[j];
        const part = e?.part[k];
        if (!e || !part) continue;
        hits.push({ term: query[j].term, value: (query[j].weight * e.idf * part) / unit, inName: query[j].inName });
      }
      hits.sort((a, b) => b.value - a.value || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
      this.made = hits;
    }
    return this.made;
  }
}

/**
 * Readable matched words, most telling first: the project's own phrases made of matched terms
 * ("โซลาร์เซลล์", not "ลาร์เซลล์"; a pair "ท่องเที่ยว" hides its halves), ranked by their terms' contribution.
 */
function words(hits: IssueScore['hits'], max: number, f?: Fields): string[] {
  if (!hits.length) return [];
  // The hits' terms are distinct (they come from the query's map).
  const set = new Set<string>();
  for (const h of hits) set.add(h.term);
  const phrases: string[] = [];
  // In text order across the fields, each phrase once (as matchedPhrases of each field, then merged).
  if (f)
    for (const infos of [f.name, f.objective, f.target])
      for (const info of infos) for (const run of info.runs) pushMatchedPhrases(run, set, phrases);
  // One phrase or none: nothing to rank (the loop below would give the same).
  if (phrases.length < 2) return phrases;
  const scored = phrases.map((ph, i) => {
    let v = 0;
    for (const h of hits) if (ph.includes(h.term)) v += h.value;
    return { ph, v, i };
  });
  // A term found in no phrase is a piece of a longer word of the project ("ยา" of ยาเสพติด): never cited.
  scored.sort((a, b) => b.v - a.v || a.i - b.i);
  const out: string[] = [];
  for (const { ph } of scored) {
    if (out.some((o) => o.includes(ph))) continue;
    out.push(ph);
    if (out.length >= max) break;
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

function best(scores: IssueScore[], exclude?: string): IssueScore | undefined {
  let b: IssueScore | undefined;
  for (const s of scores) if (s.code !== exclude && (!b || s.score > b.score)) b = s;
  return b;
}

function fieldTh(h: IssueScore['hits']): string {
  return h.some((x) => x.inName) ? 'ชื่อโครงการ' : 'วัตถุประสงค์/เป้าหมายของโครงการ';
}
function fieldEn(h: IssueScore['hits']): string {
  return h.some((x) => x.inName) ? 'The project name' : "The project's objective/target";
}

/**
 * The words that can decide a challenge, and their weight: the project's whole words that the other
 * issue states (its name or keywords) and the declared issue does not count 1 each; words found only
 * in the other issue's prose (goals, approaches) and nowhere in the declared issue count ½ ("ระบบ" of
 * "ระบบประปา" is no issue's word on its own). Pieces of longer words never count; a phrase
 * ("เศรษฐกิจพอเพียง") is one word.
 */
function decidingWords(other: IssueScore, otherDoc: IssueDoc, declaredDoc: IssueDoc, f: Fields): { words: string[]; weight: number } {
  const stated = other.hits.filter((h) => otherDoc.stated.has(h.term) && !declaredDoc.stated.has(h.term)).map((h) => h.term);
  const hits = other.hits.filter((h) => stated.includes(h.term) || (!otherDoc.stated.has(h.term) && !declaredDoc.tf.has(h.term)));
  const out = words(hits, Infinity, f);
  let weight = 0;
  for (const x of out) weight += stated.some((t) => x.includes(t)) ? 1 : 0.5;
  return { words: out, weight };
}

/** Match each project against the list. One verdict per project, in input order. */
export function matchProjects(
  projects: ReadonlyArray<ProjectInput>,
  list: StrategyList,
  settings: Partial<MatchSettings> = {},
): MatchVerdict[] {
  const m = projectMatcher(list, settings);
  return projects.map((p) => m(p));
}

/**
 * One project at a time (callers that keep only part of each verdict need not hold them all).
 * `lean`: a consistent verdict gets no matched words and an empty reason (the words are the costly
 * part and consolidation drops consistent verdicts); every other verdict is the same as without it.
 */
export function projectMatcher(
  list: StrategyList,
  settings: Partial<MatchSettings> = {},
  opts: { lean?: boolean } = {},
): (p: ProjectInput) => MatchVerdict {
  const s: MatchSettings = { ...DEFAULT_MATCH_SETTINGS, ...settings };
  const index = buildIndex(list);
  const codes = new Set(list.issues.map((i) => i.code));
  const lean = !!opts.lean;
  const docs = new Map(index.docs.map((d) => [d.issue.code, d]));
  const docOf = (code: string) => docs.get(code)!;
  // A file's rows share a few link lines: resolve each distinct one once.
  const declaredSeen = new Map<string, ReturnType<typeof resolveDeclared>>();
  const declaredOf = (text: string): ReturnType<typeof resolveDeclared> => {
    if (declaredSeen.has(text)) return declaredSeen.get(text);
    const r = resolveDeclared(text, list);
    if (declaredSeen.size >= 10000) declaredSeen.clear();
    declaredSeen.set(text, r);
    return r;
  };
  return (p: ProjectInput): MatchVerdict => {
    const f = fieldsOf(p, index);
    const scored = scoreAll(index, queryOf(f, s, index));
    const scores: Record<string, number> = {};
    for (const x of scored) scores[x.code] = round(x.score);
    const top = best(scored)!;
    const resolved = p.declared ? declaredOf(p.declared) : undefined;
    const declared = resolved && 'code' in resolved && codes.has(resolved.code) ? resolved.code : undefined;
    const declaredUnknown = resolved && 'unknown' in resolved ? String(resolved.unknown) : undefined;
    const base = { id: p.id, scores, ...(declared ? { declared } : {}), ...(declaredUnknown ? { declaredUnknown } : {}) };

    if (declared) {
      const d = scored.find((x) => x.code === declared)!;
      const other = best(scored, declared);
      // A hint: another issue scores clearly higher. It becomes a challenge only on enough deciding words.
      let hint: { other: IssueScore; need: number } | undefined;
      if (other && other.score >= s.threshold && other.score - d.score >= s.margin && other.score >= d.score * s.ratio) {
        const otherDoc = docOf(other.code);
        const { words: deciding, weight } = decidingWords(other, otherDoc, docOf(declared), f);
        const need = Math.min(s.minWords, otherDoc.stated.size);
        if (weight >= need) {
          // The deciding words first, then the other matched words that are not part of one of them.
          const more = words(other.hits, s.maxWords, f).filter((x) => !deciding.some((y) => x.includes(y) || y.includes(x)));
          const w = [...deciding, ...more].slice(0, Math.max(s.maxWords, deciding.length));
          const dw = words(d.hits, s.maxWords, f);
          const where = other.hits.filter((h) => deciding.some((x) => x.includes(h.term)));
          return {
            ...base,
            status: 'weak',
            suggested: other.code,
            score: round(other.score),
            matched: w,
            reason:
              `${fieldTh(where)}ตรงกับประเด็นที่ ${other.code} (คำที่ตรง: ${deciding.join(', ')}) มากกว่าประเด็นที่ประกาศ (ประเด็นที่ ${declared}` +
              (dw.length ? `, คำที่ตรง: ${dw.join(', ')})` : ', ไม่มีคำที่ตรง)'),
            reasonEn:
              `${fieldEn(where)} fits issue ${other.code} (matched: ${deciding.join(', ')}) better than the declared issue ${declared}` +
              (dw.length ? ` (matched: ${dw.join(', ')})` : ' (no words matched)'),
          };
        }
        hint = { other, need };
      }
      if (top.score < s.threshold && s.flagUnmatchedDeclared) {
        return {
          ...base,
          status: 'none',
          score: round(d.score),
          matched: words(d.hits, s.maxWords, f),
          reason: `ไม่พบคำที่ตรงกับประเด็นการพัฒนาใด รวมทั้งประเด็นที่ประกาศ (ประเด็นที่ ${declared}) ควรตรวจสอบ`,
          reasonEn: `No words match any development issue, including the declared issue ${declared}: please check`,
        };
      }
      if (lean) return { ...base, status: 'consistent', score: round(d.score), matched: [], reason: '', reasonEn: '' };
      const w = words(d.hits, s.maxWords, f);
      if (hint) {
        // Said, not hidden: another issue scored higher, on too few of its own words to challenge.
        const hw = words(hint.other.hits, s.maxWords, f);
        const o = hint.other.code;
        return {
          ...base,
          status: 'consistent',
          score: round(d.score),
          matched: w,
          reason:
            `ยึดตามประเด็นที่ประกาศ (ประเด็นที่ ${declared}${w.length ? `, คำที่ตรง: ${w.join(', ')}` : ''}) ` +
            `คำที่ชี้ไปทางประเด็นที่ ${o} (${hw.join(', ')}) ยังไม่พอจะแย้ง ต้องมีคำสำคัญของประเด็นที่ ${o} อย่างน้อย ${hint.need} คำ`,
          reasonEn:
            `Kept as declared (issue ${declared}${w.length ? `; matched: ${w.join(', ')}` : ''}): ` +
            `the words pointing to issue ${o} (${hw.join(', ')}) are too few to challenge it; that takes at least ${hint.need} of issue ${o}'s own words`,
        };
      }
      return {
        ...base,
        status: 'consistent',
        score: round(d.score),
        matched: w,
        reason: w.length
          ? `สอดคล้องกับประเด็นที่ประกาศ (ประเด็นที่ ${declared}, คำที่ตรง: ${w.join(', ')})`
          : `ไม่พบคำที่ยืนยันได้ชัดเจน และไม่มีประเด็นอื่นที่ตรงกว่า จึงยึดตามประเด็นที่ประกาศ (ประเด็นที่ ${declared})`,
        reasonEn: w.length
          ? `Consistent with the declared issue ${declared} (matched: ${w.join(', ')})`
          : `No words confirm it and no other issue fits better: kept as declared (issue ${declared})`,
      };
    }

    const unknownTh = declaredUnknown ? `ระบุประเด็น "${declaredUnknown}" ซึ่งไม่มีในรายการประเด็นการพัฒนา` : 'ไม่ได้ระบุประเด็นการพัฒนา';
    const unknownEn = declaredUnknown
      ? `Declares "${declaredUnknown}", which is not in the list of issues`
      : 'No development issue declared';
    if (top.score >= s.threshold) {
      const w = words(top.hits, s.maxWords, f);
      return {
        ...base,
        status: 'undeclared',
        suggested: top.code,
        score: round(top.score),
        matched: w,
        reason: `${unknownTh} แนะนำประเด็นที่ ${top.code} (คำที่ตรง: ${w.join(', ')})`,
        reasonEn: `${unknownEn}; suggested issue ${top.code} (matched: ${w.join(', ')})`,
      };
    }
    const w = words(top.hits, s.maxWords, f);
    return {
      ...base,
      status: 'none',
      score: round(top.score),
      matched: w,
      reason:
        `${unknownTh} และไม่ตรงกับประเด็นการพัฒนาใดของจังหวัด (คะแนนสูงสุด ${round(top.score)} ต่ำกว่าเกณฑ์ ${s.threshold}` +
        (w.length ? `, คำที่ตรง: ${w.join(', ')}` : '') +
        ') ควรตรวจสอบ',
      reasonEn:
        `${unknownEn}, and it fits no development issue (best score ${round(top.score)} is below the threshold ${s.threshold}` +
        (w.length ? `; matched: ${w.join(', ')}` : '') +
        '): please check',
    };
  };
}

/** The best issue for a text regardless of declarations (top-1 suggestion), or undefined below the threshold. */
export function bestIssue(
  project: ProjectInput,
  list: StrategyList,
  settings: Partial<MatchSettings> = {},
): { code: string; score: number } | undefined {
  const s: MatchSettings = { ...DEFAULT_MATCH_SETTINGS, ...settings };
  const index = buildIndex(list);
  const top = best(scoreAll(index, queryOf(fieldsOf(project, index), s, index)));
  return top && top.score >= s.threshold ? { code: top.code, score: round(top.score) } : undefined;
}
