/**
 * Which recognised rows go into the needs table, and the comparable form of each row.
 *   ผ.02/2 (local-plan-beyond) and district-needs: every project.
 *   tambon / village plans: projects classed as needing outside support (classification column,
 *   else the section row "3. โครงการที่ขอรับการสนับสนุน…").
 *   ผ.02 (local-plan): not taken, but kept as the reference "already planned by the อปท.".
 */
import type { PlanSheet, ProjectRow } from '../plan';
import { coreKeys, coreSpaced, normaliseOnce, normaliseThai, onceTrimsOnly } from '../normalise';
import { parseIssue } from './issue';
import { classify, defaultRoute, parseRoute, type ClassKind, type ClassWords } from '../classification';
import { tidySpaces } from '../thai';
import {
  extractLocation,
  fullDistrictName,
  locationOfNormalised,
  namesInLines,
  parseTambon,
  parseVillage,
  placeOf,
  type Location,
  type PlaceCodes,
  type PlaceNames,
} from '../places';
import type { ProjectFields, ProvincialIssue, SourceRef } from './types';
import { partsOf } from './parts';
import { parseDecision, type ProvinceDecision } from './decision';
import { parseProvenanceLines } from './provenance';

/** need: a row of the needs table; local: an อปท.'s own plan (ผ.02); district: the district's development plan. */
export type Role = 'need' | 'local' | 'district';

/** One project row ready for matching. */
export interface Candidate extends ProjectFields {
  /** Position in input order (file, sheet, row). */
  seq: number;
  role: Role;
  src: SourceRef;
  /** Normalised name without location, spaces removed. */
  compact: string;
  /**
   * Distinct word tokens of the core name. Built as a read-only array (often shared by candidates
   * with the same core name; ~100 bytes instead of a Set's ~600 at a million rows); a Set is accepted.
   */
  tokens: ReadonlySet<string> | readonly string[];
  /** The sending level left it out of its totals (a needs table's ไม่นับ): it stays out. */
  keptOut?: boolean;
  /** A needs table's ผลการพิจารณาของจังหวัด, read. */
  decision?: ProvinceDecision;
  /** A row of a province's table: at the district its decision goes back, the row is no new need. */
  fromProvince?: boolean;
}

const NO_TOKENS: readonly string[] = Object.freeze([]);
/** Drops what only duplicate detection reads (consolidateCandidates, after findMatches). */
export function releaseMatchKeys(c: Candidate): void {
  c.compact = '';
  c.tokens = NO_TOKENS;
}

/**
 * What a tambon/village project's classification says (its column, else its section row: one rule,
 * ../classification), or null when it is not a need for outside support.
 */
export function needClass(p: ProjectRow, words: ClassWords): ClassKind | null {
  if (p.classification.trim()) return classify(p.classification, words);
  return p.context.section ? classify(p.context.section.text, words) : null;
}

/** The role of a sheet's projects in consolidation, or null when the sheet gives none. */
export function roleOfSheet(kind: PlanSheet['kind']): 'all' | 'support' | 'local' | 'district' | null {
  switch (kind) {
    case 'local-plan-beyond':
    case 'district-needs':
      return 'all';
    case 'tambon-plan':
    case 'village-plan':
      return 'support';
    case 'local-plan':
      return 'local';
    case 'district-plan':
      return 'district';
    default:
      return null;
  }
}

/**
 * Organisation of a sheet: its organisation line when it names an อปท. or a tambon, else a title
 * naming a tambon ("แผนชุมชนระดับตำบล ตำบลหนองบัว"), else the organisation line as read.
 */
export function sheetOrganisation(sheet: PlanSheet): string | undefined {
  return orgOfSheet(sheet).organisation;
}

/** Organisation, its location and the place names of the sheet, once per sheet (every project of the sheet asks). */
interface SheetOrg {
  organisation: string | undefined;
  loc: Location;
  /** The first of each level the organisation, then the title lines, name. */
  names: PlaceNames;
  /** The codes of `names` in the run's context, and that context's key. */
  place?: { context: string; codes: PlaceCodes };
}
const ORG_CACHE = new WeakMap<PlanSheet, SheetOrg>();
function orgOfSheet(sheet: PlanSheet): SheetOrg {
  let o = ORG_CACHE.get(sheet);
  if (!o) {
    const organisation = sheetOrganisationUncached(sheet);
    const loc = organisation ? extractLocation(organisation) : {};
    const names = namesInLines([organisation ?? '', ...sheet.titles.map((t) => t.text)]);
    o = { organisation, loc, names };
    ORG_CACHE.set(sheet, o);
  }
  return o;
}

/** The codes of the place a sheet names (its organisation and titles), in the run's context (--district). */
function placeOfSheet(o: SheetOrg, context: PlaceCodes): PlaceCodes {
  const key = `${context.province ?? ''}/${context.district ?? ''}`;
  if (o.place?.context !== key) o.place = { context: key, codes: sharedPlace(placeOf(o.names, context)) };
  return o.place.codes;
}

/**
 * One object per distinct place (needs of one tambon share it; a million rows). Bounded. A place shared
 * before is found again by its key (no weak set of every shared object: a run only shares each place
 * once, addExtracted(…, true) takes extracted rows as they are).
 */
const PLACES = new Map<string, PlaceCodes>();
export function sharedPlace(place: PlaceCodes): PlaceCodes {
  const key = `${place.province ?? ''}/${place.district ?? ''}/${place.tambon ?? ''}`;
  const hit = PLACES.get(key);
  if (hit) return hit;
  if (PLACES.size >= 100000) PLACES.clear();
  PLACES.set(key, Object.freeze(place));
  return place;
}

function sheetOrganisationUncached(sheet: PlanSheet): string | undefined {
  const local = /(องค์การบริหารส่วน|เทศบาล|ตำบล|อบต\.|ทต\.)/;
  if (sheet.organisation && local.test(sheet.organisation)) return sheet.organisation.trim();
  const t = sheet.titles.find((l) => local.test(l.text) && extractLocation(l.text).tambon);
  return (t?.text ?? sheet.organisation)?.trim() || undefined;
}

/**
 * One string object per distinct text: objectives, targets, agencies and sheet names repeat across
 * thousands of rows and files, and each file's shared-string table makes its own copy. Candidates are
 * kept until the end of a run (a million rows), so equal texts share one copy. Bounded.
 */
const INTERN = new Map<string, string>();
let interning = true;
export function intern(s: string): string {
  if (s === '' || !interning) return s;
  const hit = INTERN.get(s);
  if (hit !== undefined) return hit;
  if (INTERN.size >= 100000) INTERN.clear();
  INTERN.set(s, s);
  return s;
}

/**
 * Whether `intern` shares texts (default). A reading thread turns it off: its candidates only cross to
 * the main thread as per-file tables of texts (candidate-wire.ts) and are dropped, so a run-long table of
 * every objective and target it read was hashing work for nothing there (~5 % of its time).
 */
export function shareTexts(on: boolean): void {
  interning = on;
  if (!on) INTERN.clear();
}

/** Texts the shared table holds (tests). */
export const internedTexts = (): number => INTERN.size;

/**
 * One copy of a token list and of its words: a candidate that crossed a thread boundary carries its
 * own copies (structured clone copies every string), where extraction here shares the cached lists.
 * Bounded.
 */
const TOKEN_LISTS = new Map<string, readonly string[]>();
const TOKEN_WORDS = new Map<string, string>();
/** The shared copy of a list already asked about (by identity: no join, no hashing of the words). */
const TOKENS_OF = new WeakMap<readonly string[], readonly string[]>();
export function sharedTokens(list: readonly string[]): readonly string[] {
  const known = TOKENS_OF.get(list);
  if (known) return known;
  const key = list.join(' ');
  const hit = TOKEN_LISTS.get(key);
  if (hit) {
    TOKENS_OF.set(list, hit);
    return hit;
  }
  if (TOKEN_LISTS.size >= 100000) TOKEN_LISTS.clear();
  const own = Object.freeze(list.map(sharedWord));
  TOKEN_LISTS.set(key, own);
  TOKENS_OF.set(list, own);
  TOKENS_OF.set(own, own);
  return own;
}

/** One copy of a token word (a thread boundary copies them). */
export function sharedWord(w: string): string {
  const h = TOKEN_WORDS.get(w);
  if (h !== undefined) return h;
  if (TOKEN_WORDS.size >= 100000) TOKEN_WORDS.clear();
  TOKEN_WORDS.set(w, w);
  return w;
}

/**
 * Empties the run's shared tables (texts, token lists and words, places, budgets, parsed issues) once
 * the items are made: at a million rows they hold ~100k entries each (token lists keyed by their joined
 * words, texts of rows the table does not keep) while the output is written. What the result uses stays
 * with it; a later run only shares afresh.
 */
export function clearSharedTables(): void {
  INTERN.clear();
  TOKEN_LISTS.clear();
  TOKEN_WORDS.clear();
  PLACES.clear();
  BUDGETS.clear();
  budgetsKept = 0;
  ISSUE_MEMO.clear();
}

/** Entries held by the shared tables (a test checks `finish` empties them). */
export function sharedTableSizes(): number {
  return INTERN.size + TOKEN_LISTS.size + TOKEN_WORDS.size + PLACES.size + BUDGETS.size + ISSUE_MEMO.size;
}

/** The tokens once each, in first-seen order: the (cached, shared) list itself when it has no repeats. */
function distinctTokens(list: readonly string[]): readonly string[] {
  const n = list.length;
  if (n > TOKEN_KEYS.length) return firstOfEach(list);
  // A plain loop (a dozen tokens): lastIndexOf per token cost more in its calls than in comparing. Each
  // token's length and first unit are compared first: equal tokens have equal keys, and most pairs of
  // different tokens (distinct string objects) differ there, where comparing the strings was a call each.
  const keys = TOKEN_KEYS;
  for (let i = 0; i < n; i++) {
    const t = list[i];
    const key = t.length * 0x10000 + (t.charCodeAt(0) | 0);
    keys[i] = key;
    // The first of each, in order (as a Set keeps them), without building a Set.
    for (let j = 0; j < i; j++) if (keys[j] === key && list[j] === t) return withoutRepeats(list, i);
  }
  return list;
}

/**
 * The list without its repeats, the first of them at `from` (the tokens before it distinct, their keys in
 * TOKEN_KEYS): each later token compared by key with every one before it (a third of names repeat a
 * word, where filtering with indexOf compared the strings of every pair).
 */
function withoutRepeats(list: readonly string[], from: number): string[] {
  const keys = TOKEN_KEYS;
  const out = list.slice(0, from);
  for (let i = from; i < list.length; i++) {
    const t = list[i];
    const key = t.length * 0x10000 + (t.charCodeAt(0) | 0);
    keys[i] = key;
    let seen = false;
    for (let j = 0; j < i; j++)
      if (keys[j] === key && list[j] === t) {
        seen = true;
        break;
      }
    if (!seen) out.push(t);
  }
  return out;
}
/** Per token of a list, its length and first unit (distinctTokens); a longer list is compared whole. */
const TOKEN_KEYS = new Float64Array(256);

/** distinctTokens and its reference, for tests. */
export const _distinct = { distinctTokens, firstOfEach };

/** The first of each token, in order. */
function firstOfEach(list: readonly string[]): readonly string[] {
  for (let i = 1; i < list.length; i++) {
    const t = list[i];
    for (let j = 0; j < i; j++) if (list[j] === t) return list.filter((u, k) => list.indexOf(u) === k);
  }
  return list;
}

/** Parsed issues per distinct link text: shared by the rows of a sheet that sit under one provincial line. */
const ISSUE_MEMO = new Map<string, ProvincialIssue | null>();
function issueOf(raw: string | undefined): ProvincialIssue | null {
  if (raw === undefined) return null;
  let v = ISSUE_MEMO.get(raw);
  if (v === undefined) {
    v = parseIssue(raw);
    if (ISSUE_MEMO.size >= 10000) ISSUE_MEMO.clear();
    ISSUE_MEMO.set(raw, v);
  }
  return v;
}

/**
 * One object per distinct set of amounts: a budgets record keyed by B.E. year is a dictionary of
 * ~300 bytes in V8, and amounts repeat (500,000 in 2568 …), so candidates and needs items share them.
 * Never mutated after this point. Bounded.
 */
type Budgets = Record<number, number>;
/** A hash's records, each followed by its number of keys (compared before the amounts, with no for…in per row). */
type Bucket = Array<Budgets | number>;
const BUDGETS = new Map<number, Bucket>();
let budgetsKept = 0;
const NO_BAD = Object.freeze([]) as readonly number[] as number[];
export function sharedBudgets(budgets: Record<number, number>): Record<number, number> {
  // Keyed by a number hashed from the years and amounts, not a string built per row (one per candidate).
  const h = budgetsHash(budgets);
  const bucket = BUDGETS.get(h);
  if (bucket) for (let k = 0; k < bucket.length; k += 2) if (sameBudgets(bucket[k] as Budgets, budgets)) return bucket[k] as Budgets;
  let keys = 0;
  for (const y in budgets) if (y !== undefined) keys++;
  return keepBudgets(h, bucket, budgets, keys);
}

/** Adds `budgets` (hash `h`, its bucket if any, its number of keys) to the shared table. */
function keepBudgets(h: number, bucket: Bucket | undefined, budgets: Budgets, keys: number): Budgets {
  if (budgetsKept >= 100000) {
    BUDGETS.clear();
    budgetsKept = 0;
  }
  Object.freeze(budgets);
  if (bucket && BUDGETS.has(h)) bucket.push(budgets, keys);
  else BUDGETS.set(h, [budgets, keys]);
  budgetsKept++;
  return budgets;
}

/** FNV-1a over the years and amounts (an amount's whole baht and its multiples of 2^32; fractions only in the comparison). */
function budgetsHash(b: Record<number, number>): number {
  let h = HASH_START;
  for (const y in b) h = mixAmount(h, Number(y), b[y]);
  return h;
}

/** FNV-1a over a record's years and amounts, in ascending years: one year's step (both halves of its amount). */
const HASH_START = 0x811c9dc5;
function mixAmount(h: number, year: number, v: number): number {
  h = Math.imul(h ^ year, 0x01000193);
  h = Math.imul(h ^ (v | 0), 0x01000193);
  return Math.imul(h ^ ((v / 4294967296) | 0), 0x01000193);
}

/** The same years with the same amounts (0 and -0 alike, as their text was; NaN as NaN). */
function sameBudgets(a: Record<number, number>, b: Record<number, number>): boolean {
  let n = 0;
  for (const y in a) {
    const x = a[y];
    const v = b[y as unknown as number];
    if (x !== v && (x === x || v === v)) return false;
    n++;
  }
  for (const y in b) if (--n < 0 || !(y in a)) return false;
  return n === 0;
}

/**
 * A row's years and summed amounts before any object is made (amountsOf): in the order first seen,
 * and the same pairs by year. Most rows' amounts repeat another row's, so the shared object is
 * found from these (the hash and comparison sharedBudgets makes of an object, here on the pairs)
 * and a record is only built for amounts not seen yet.
 */
const SEEN_YEARS: number[] = [];
const SEEN_SUMS: number[] = [];
const BY_YEAR: number[] = [];

/** Is `y` an array index (a record's integer key, listed in ascending order by `for…in`)? */
const isIndex = (y: number): boolean => y >= 0 && y <= 0xfffffffe && Math.floor(y) === y;

/** The shared record of the pairs SEEN_YEARS / SEEN_SUMS [0, n), or undefined when a year is no array index. */
function sharedBudgetsOfPairs(n: number): Record<number, number> | undefined {
  // Ascending years, as for…in lists an object's index keys (insertion sort: a handful of years).
  for (let i = 0; i < n; i++) {
    if (!isIndex(SEEN_YEARS[i])) return undefined;
    let k = i;
    while (k > 0 && SEEN_YEARS[BY_YEAR[k - 1]] > SEEN_YEARS[i]) {
      BY_YEAR[k] = BY_YEAR[k - 1];
      k--;
    }
    BY_YEAR[k] = i;
  }
  // budgetsHash of the record these pairs make (the same steps, in the same ascending years).
  let h = HASH_START;
  for (let k = 0; k < n; k++) h = mixAmount(h, SEEN_YEARS[BY_YEAR[k]], SEEN_SUMS[BY_YEAR[k]]);
  const bucket = BUDGETS.get(h);
  if (bucket)
    for (let k = 0; k < bucket.length; k += 2) if (bucket[k + 1] === n && samePairs(bucket[k] as Budgets, n)) return bucket[k] as Budgets;
  const budgets: Budgets = {};
  for (let i = 0; i < n; i++) budgets[SEEN_YEARS[i]] = SEEN_SUMS[i];
  return keepBudgets(h, bucket, budgets, n);
}

/**
 * sameBudgets of a shared record with n keys (its bucket says) and the pairs: each year's amount equal
 * (a year the record lacks reads undefined, never an amount). No for…in per row (it lists a record's
 * keys anew each time).
 */
function samePairs(a: Budgets, n: number): boolean {
  for (let k = 0; k < n; k++) {
    const x = a[SEEN_YEARS[k]];
    const v = SEEN_SUMS[k];
    if (x !== v && (x === x || v === v)) return false;
  }
  return true;
}

/** A row's amounts by B.E. year (its parts' too), shared; `bad`: the years whose amount is unreadable. */
export function amountsOf(p: ProjectRow): { budgets: Record<number, number>; bad: number[] } {
  let bad = NO_BAD;
  let n = 0;
  // The project's own row and its budget lines below it ("จุดที่ 2").
  const lines = p.parts ? [...p.budgets, ...p.parts.flatMap((x) => x.budgets)] : p.budgets;
  for (const b of lines) {
    // One-amount layouts with a blank or unreadable year: no year column to put it in (validate reports it).
    if (!b.year) continue;
    let amt = b.amount;
    if (amt === null) {
      if (bad === NO_BAD) bad = [];
      bad.push(b.year);
      amt = 0;
    }
    let k = 0;
    while (k < n && SEEN_YEARS[k] !== b.year) k++;
    // (budgets[year] ?? 0) + amt, as the record was summed: a first -0 becomes 0.
    if (k === n) {
      SEEN_YEARS[n] = b.year;
      SEEN_SUMS[n++] = 0 + amt;
    } else SEEN_SUMS[k] += amt;
  }
  const shared = sharedBudgetsOfPairs(n);
  if (shared) return { budgets: shared, bad };
  const budgets: Record<number, number> = {};
  for (let i = 0; i < n; i++) budgets[SEEN_YEARS[i]] = SEEN_SUMS[i];
  return { budgets: sharedBudgets(budgets), bad };
}

/** "แผนความต้องการของอำเภอเมืองเชียงใหม่" → "อำเภอเมืองเชียงใหม่"; also "… ของจังหวัด…" one level up. */
const NEEDS_TITLE_UNIT = /แผนความต้องการ(?:ของ)?\s*((?:อำเภอ|อ\.|จังหวัด|จ\.)\s*[^\s(]+)/;

/** The district (or, one level up, the province) whose needs table a sheet is, from its title lines. */
export function unitOfNeedsSheet(sheet: PlanSheet): string | undefined {
  for (const t of sheet.titles.slice(0, 6)) {
    const m = NEEDS_TITLE_UNIT.exec(t.text);
    if (m)
      return m[1]
        .replace(/^อ\.\s*/, 'อำเภอ')
        .replace(/^จ\.\s*/, 'จังหวัด')
        .replace(/\s+/g, '');
  }
  const org = sheet.organisation && /^อำเภอ\s*\S/.test(sheet.organisation) ? sheet.organisation.split(/\s+(?=จังหวัด)/)[0] : undefined;
  return org?.replace(/\s+/g, '');
}

/** A province's needs table (or a part `split` made of one): its title says แผนความต้องการของจังหวัด. */
export function isProvinceNeeds(sheet: PlanSheet): boolean {
  return sheet.kind === 'district-needs' && sheet.titles.slice(0, 6).some((t) => /แผนความต้องการ(?:ของ)?\s*(?:จังหวัด|จ\.)/.test(t.text));
}

const provinceSheets = new WeakMap<PlanSheet, boolean>();
/** isProvinceNeeds once per sheet (toCandidate runs per row). */
function provinceSheet(sheet: PlanSheet): boolean {
  let v = provinceSheets.get(sheet);
  if (v === undefined) provinceSheets.set(sheet, (v = isProvinceNeeds(sheet)));
  return v;
}

/** A file name without its folder and extension: the district's name when its table does not say it. */
export function fileStem(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** "อำเภอชุมแสง", "อ.ชุมแสง", "ชุมแสง" → "ชุมแสง" (a needs table's district column or title); a province's title is none. */
function districtName(text: string | undefined): string | undefined {
  const s = text ? normaliseThai(text) : '';
  if (!s || s.startsWith('จังหวัด')) return undefined;
  return s.replace(/^อำเภอ ?/, '').replace(/ /g, '') || undefined;
}

/**
 * A row's place: the sheet's when the row names no other tambon; else its own tambon (and district)
 * inside the sheet's district or province. Empty when nothing is known.
 */
function placeOfRow(tambon: string | undefined, district: string | undefined, sheetPlace: PlaceCodes, sheetsTambon: boolean): PlaceCodes {
  if (sheetsTambon && !district) return sheetPlace;
  const { province, district: d } = sheetPlace;
  return sharedPlace(placeOf({ tambon, district }, { province, district: d }));
}

export function toCandidate(
  p: ProjectRow,
  sheet: PlanSheet,
  file: string,
  role: Role,
  seq: number,
  cls: ClassKind | null = null,
  district?: string,
  context: PlaceCodes = {},
): Candidate {
  const org = orgOfSheet(sheet);
  const { organisation: sheetOrg, loc: orgLoc } = org;
  const sheetPlace = placeOfSheet(org, context);
  // A needs table names each row's proposer (อปท./ผู้เสนอ); other forms have one organisation line.
  const organisation = p.proposer ? intern(p.proposer) : sheetOrg;
  const locLoc = p.location ? extractLocation(p.location) : {};
  // Names are mostly unique: normalised without the text cache.
  const normName = normaliseOnce(p.name);
  // The table is a new document: a name's stray spaces (a finding on the source) are not carried.
  const name = onceTrimsOnly() ? p.name.trim() : tidySpaces(p.name);
  const nameLoc = locationOfNormalised(normName);
  const village = parseVillage(p.village) ?? locLoc.village ?? nameLoc.village;
  const tambon = parseTambon(p.tambon) ?? locLoc.tambon ?? nameLoc.tambon ?? orgLoc.tambon;
  const { budgets, bad } = amountsOf(p);
  const issue = issueOf(p.link) ?? issueOf(p.context.provincial?.text);
  // The core name (location and โครงการ dropped) as its keys need it: spaces not yet made single or trimmed.
  const keys = coreKeys(coreSpaced(normName));
  const compact = keys.compact;
  const tokens = distinctTokens(keys.tokens);
  // A row of a needs table (a district's, read by the province): its district, the district's rank
  // of it, and whether the district counted it.
  const fromNeeds = sheet.kind === 'district-needs';
  const rowDistrict = p.district?.trim() || district;
  const place = placeOfRow(
    tambon,
    locLoc.amphoe ?? nameLoc.amphoe ?? (fromNeeds ? districtName(rowDistrict) : undefined),
    sheetPlace,
    tambon === orgLoc.tambon,
  );
  // A province's table's ที่มา: the district table rows the need came from, kept for a part split by
  // district (split.ts). A district's table read by its province keeps none (its rows are the provenance).
  const origin = fromNeeds && p.provenance && provinceSheet(sheet) ? parseProvenanceLines(p.provenance) : undefined;
  // Optional fields are set after the literal, each only when present (the same keys in the same order
  // as spreads of { field } or of an empty object gave): a spread in a literal is a runtime call per row.
  const src: SourceRef = { file, sheet: intern(sheet.name), row: p.row + 1, kind: sheet.kind, organisation };
  if (origin?.length) src.origin = origin;
  const c: Candidate = {
    seq,
    role,
    src,
    name,
    objective: intern(p.objective.trim()),
    target: intern(p.target.trim()),
    village,
    tambon: tambon === undefined ? undefined : intern(tambon),
    organisation,
    budgets,
    badBudgetYears: bad,
    issue,
    agency: intern((p.agency || p.unit).trim()),
    // A row of a needs table keeps its route (the sending officer's) and the table's rank of it as the
    // source's own rank, so the province's default order takes each district's first choice in turn.
    route: (fromNeeds && parseRoute(p.route)) || defaultRoute(cls, p.agency || p.unit, sheet.kind === 'local-plan-beyond'),
    priority: intern((fromNeeds ? p.sourcePriority || p.priority : p.priority).trim()),
    note: intern(p.note.trim()),
    compact,
    tokens,
  };
  // The gazetteer's whole name ("อ.เมือง" → อำเภอเมืองสุราษฎร์ธานี): a province's table names each district once.
  if (fromNeeds && rowDistrict) c.district = intern(fullDistrictName(rowDistrict, place.province ? place : context));
  // Every code lies in a province: none means the place is unknown.
  if (place.province) c.place = place;
  if (fromNeeds && p.outOfTotals) c.keptOut = true;
  if (p.parts?.length) c.parts = partsOf(p);
  if (fromNeeds && p.decision) c.decision = parseDecision(p.decision);
  return c;
}
