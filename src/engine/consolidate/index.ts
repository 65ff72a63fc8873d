/**
 * One-click consolidation: received workbooks → the district needs table (แผนความต้องการของอำเภอ).
 * Pure (no fs / Office / React): the adapters read files, compute checksums and write the result.
 *
 *   const result = await consolidate(inputs, { onProgress, signal, strategies });
 *   const wb = needsWorkbook(result);        // OutWorkbook: needs, summary, duplicates, sources
 *   const json = consolidateJson(result, 'needs.xlsx');
 */
import type { SheetModel } from '../model';
import type { PlanSheet } from '../plan';
import { PROJECT_KINDS } from '../plan';
import { readPlanSheet } from '../forms/read';
import { findMatches, mergeGroups, type Match } from './dedupe';
import type { Candidate } from './extract';
import {
  fileStem,
  intern,
  needClass,
  releaseMatchKeys,
  roleOfSheet,
  sharedBudgets,
  sharedPlace,
  sharedTokens,
  sheetOrganisation,
  toCandidate,
  unitOfNeedsSheet,
  isProvinceNeeds,
} from './extract';
import { classWordsOf, type ClassWords } from '../classification';
import { bareDistrictName, bareProvinceName, placeOf, type PlaceCodes } from '../places';
import { rankItems, sortByRank } from './rank';
import { conflictRemark, countingOrder, disagree } from './conflict';
import { comparePlaces } from './place';
import { applyPrevious } from './merge';
import { applyReturned, returnedDecisions } from './returned';
import { sendersOf } from './roster';
import { calendarDue } from './expected';
import { thaiDateOf } from '../calendar/thai';
import { issueKey, issueLabel } from './issue';
import { partsRemark } from './parts';
import { provenanceMention } from './provenance';
import { projectMatcher } from '../strategy/match';
import type { MatchVerdict, ProjectInput } from '../strategy/model';
import type {
  ConsolidateInput,
  ConsolidateOptions,
  ConsolidateResult,
  DuplicateGroup,
  DuplicateMember,
  InputReport,
  IssueGroup,
  NeedsItem,
  PreviousRow,
  ProvincialIssue,
  SheetSummary,
  StrategyMismatch,
} from './types';

export * from './types';
export {
  needsWorkbook,
  needsFileWorkbook,
  NEEDS_SHEET,
  SUMMARY_SHEET,
  DUPLICATES_SHEET,
  SOURCES_SHEET,
  FOLLOWUP_SHEET,
  VANISHED_SHEET,
  UNMATCHED_DECISIONS_SHEET,
  NEEDS_HEAD,
  NEEDS_TAIL,
} from './table';
export { consolidateJson } from './json';
export type { ConsolidateJson } from './json';
export { parseIssue, issueKey, issueLabel } from './issue';
export { readPrevious } from './merge';
export { approvalLine, parseApprovalLine } from '../approval';
export type { PreviousTable, PreviousRow, MergeReport } from './types';
export { readRoster, sendersOf, senderKey } from './roster';
export { expectedSenders, calendarDue, type ExpectedSenders, type SenderLevel } from './expected';
export type { SendersReport } from './types';
export { READABLE_FILE, skipReasonOf, skippedFile, SKIP_REASONS } from './skipped';
export type { SkippedFile, SkipReason } from './skipped';
export { ROUTES, ROUTE_LABEL, DEFAULT_CLASS_WORDS, parseRoute, classify } from '../classification';
export type { Route, ClassWords } from '../classification';

function abortError(): Error {
  const e = new Error('consolidation cancelled');
  e.name = 'AbortError';
  return e;
}

/** Lets the UI repaint and a cancel click land between files. */
const tick = (): Promise<void> => new Promise((resolve) => (typeof setTimeout === 'function' ? setTimeout(resolve, 0) : resolve()));

/** Notes on inputs and sheets, [Thai, English]. */
const NOTES = {
  'local-plan-summary': ['บัญชีสรุปโครงการ (ผ.01) ไม่มีรายการโครงการ', 'Project summary (ผ.01): no project rows'],
  'needs-summary': ['สรุปแผนความต้องการ ไม่มีรายการโครงการ', 'Needs summary: no project rows'],
  strategies: ['ชีตยุทธศาสตร์/ประเด็นการพัฒนา ไม่มีรายการโครงการ', 'Strategies / development issues: no project rows'],
  calendar: ['ปฏิทินการดำเนินงาน ไม่มีรายการโครงการ', 'Operation calendar: no project rows'],
  other: ['ไม่ใช่แบบแผนที่มีรายการโครงการ', 'Not a plan form with project rows'],
  local: [
    'แผนพัฒนาท้องถิ่น (ผ.02): ใช้ตรวจโครงการที่ อปท. ดำเนินการเอง',
    'Local development plan (ผ.02): used to spot projects the local authority does itself',
  ],
  district: [
    'แผนพัฒนาอำเภอ: ใช้ตรวจว่าความต้องการอยู่ในแผนพัฒนาอำเภอแล้ว (ไม่นำเข้าเป็นความต้องการ)',
    'District development plan: used to check that needs are in it (not taken as needs)',
  ],
  noSupport: ['ไม่มีโครงการที่ขอรับการสนับสนุน/เกินศักยภาพ', 'No projects asking for outside support / beyond capacity'],
  noProjects: ['ไม่พบรายการโครงการ', 'No project rows found'],
  noPlanSheet: ['ไม่พบชีตแผนที่มีรายการโครงการ', 'No plan sheet with project rows'],
} as const satisfies Record<string, readonly [string, string]>;
const noteOf = (key: keyof typeof NOTES): { note: string; noteEn: string } => ({ note: NOTES[key][0], noteEn: NOTES[key][1] });

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
/** Yield to the event loop at most this often (a repaint / a cancel click lands; a timer per file costs 1–4 ms). */
const YIELD_MS = 12;

/** The run's place: --district and --province ("เมือง" without a province is no one district: no code). */
function runPlace(opts: Pick<ConsolidateOptions, 'district' | 'province'>): PlaceCodes {
  const district = (opts.district && bareDistrictName(opts.district)) || undefined;
  const province = (opts.province && bareProvinceName(opts.province)) || undefined;
  return district || province ? placeOf({ district, province }) : {};
}

/** Reads one input's sheets and appends its candidates (requests and local-plan rows). */
function collectInput(
  inp: ConsolidateInput,
  recognise: (s: SheetModel) => PlanSheet,
  words: ClassWords,
  cands: Candidate[],
  context: PlaceCodes = {},
): InputReport {
  const rep: InputReport = {
    file: inp.file,
    checksum: inp.checksum,
    status: 'ok',
    sheets: [],
    projects: 0,
    taken: 0,
    findings: inp.findings,
  };
  if (inp.error || !inp.workbook) {
    rep.status = 'failed';
    rep.error = inp.error ?? { code: 'no-workbook', message: `อ่านไฟล์ ${inp.file} ไม่ได้`, messageEn: `Could not read ${inp.file}` };
    return rep;
  }
  let projectSheets = 0;
  for (const sheet of inp.workbook.sheets) {
    let plan: PlanSheet;
    try {
      plan = recognise(sheet);
    } catch (e) {
      const why = (e as Error).message;
      rep.sheets.push({
        name: sheet.name,
        kind: 'other',
        projects: 0,
        taken: 0,
        note: `อ่านชีตไม่ได้: ${why}`,
        noteEn: `Could not read the sheet: ${why}`,
      });
      continue;
    }
    const summary: SheetSummary = { name: sheet.name, kind: plan.kind, formCode: plan.formCode, projects: 0, taken: 0 };
    const org = sheetOrganisation(plan);
    if (org) summary.organisation = intern(org);
    rep.sheets.push(summary);
    const role = PROJECT_KINDS.has(plan.kind) ? roleOfSheet(plan.kind) : null;
    if (!role) {
      Object.assign(summary, noteOf(plan.kind in NOTES ? (plan.kind as keyof typeof NOTES) : 'other'));
      // What the sheet lacks for a plan form (recognise.ts), so the officer sees why it was skipped.
      if (plan.kind === 'other' && plan.kindReason) {
        summary.note += ` (${plan.kindReason.th})`;
        summary.noteEn += ` (${plan.kindReason.en})`;
      }
      continue;
    }
    projectSheets++;
    // A needs table (a district's, read by its province): which district it is, for every row.
    const district = plan.kind === 'district-needs' ? (unitOfNeedsSheet(plan) ?? fileStem(inp.file)) : undefined;
    if (district && !rep.district) rep.district = district;
    // A province's table: at a district its decisions go back onto the district's needs (returned.ts).
    const province = isProvinceNeeds(plan);
    if (province) rep.returned = [...(rep.returned ?? []), ...returnedDecisions(sheet, plan, inp.file)];
    summary.projects = plan.projects.length;
    rep.projects += plan.projects.length;
    for (const p of plan.projects) {
      // A total row read as a project (label longer than the reader expects): never a need.
      if (!p.name.trim() || (p.no === null && /^รวม/.test(p.name.trim()))) continue;
      if (role === 'local' || role === 'district') {
        cands.push(toCandidate(p, plan, inp.file, role, cands.length, null, undefined, context));
        continue;
      }
      const cls = needClass(p, words);
      if (role === 'support' && !cls) continue;
      const cand = toCandidate(p, plan, inp.file, 'need', cands.length, cls, district, context);
      if (province) cand.fromProvince = true;
      cands.push(cand);
      summary.taken++;
    }
    rep.taken += summary.taken;
    if (role === 'local' || role === 'district') Object.assign(summary, noteOf(role));
    else if (role === 'support' && summary.taken === 0 && summary.projects > 0) Object.assign(summary, noteOf('noSupport'));
    else if (summary.projects === 0) Object.assign(summary, noteOf('noProjects'));
  }
  if (projectSheets === 0) {
    rep.status = 'skipped';
    Object.assign(rep, noteOf('noPlanSheet'));
  }
  return rep;
}

/**
 * One input's share of a consolidation, computed apart from the others (a worker thread reads a file
 * and sends this back): its report, its candidates (`seq` counted from 0) and, when a strategy list
 * is given, each need's strategy verdict from its own fields (`verdicts[i]` for `candidates[i]`).
 */
export interface Extracted {
  report: InputReport;
  candidates: Candidate[];
  verdicts?: Array<ItemVerdict | null>;
}

/** The part of a strategy verdict consolidation uses (a full verdict carries scores and matched words). */
export type ItemVerdict = Pick<MatchVerdict, 'status' | 'declared' | 'declaredUnknown' | 'suggested' | 'reason' | 'reasonEn'>;

function itemVerdict(v: MatchVerdict): ItemVerdict {
  const out: ItemVerdict = { status: v.status, reason: v.reason, reasonEn: v.reasonEn };
  if (v.declared !== undefined) out.declared = v.declared;
  if (v.declaredUnknown !== undefined) out.declaredUnknown = v.declaredUnknown;
  if (v.suggested !== undefined) out.suggested = v.suggested;
  return out;
}

/** One object per distinct verdict: most needs share a few (consistent with issue 2, …). Bounded. */
const VERDICTS = new Map<string, ItemVerdict>();
function sharedVerdict(v: ItemVerdict): ItemVerdict {
  const key = `${v.status}\u0000${v.declared ?? ''}\u0000${v.declaredUnknown ?? ''}\u0000${v.suggested ?? ''}\u0000${v.reason}\u0000${v.reasonEn}`;
  const hit = VERDICTS.get(key);
  if (hit) return hit;
  if (VERDICTS.size >= 100000) VERDICTS.clear();
  const own: ItemVerdict = { ...v, reason: intern(v.reason), reasonEn: intern(v.reasonEn) };
  VERDICTS.set(key, own);
  return own;
}

/** Recognise, extract and (with `opts.strategies`) score one input: the per-file part of `Consolidation.add`. */
export function extractInput(input: ConsolidateInput, opts: ConsolidateOptions = {}): Extracted {
  const candidates: Candidate[] = [];
  const report = collectInput(
    input,
    opts.recognise ?? ((s) => readPlanSheet(s)),
    classWordsOf(opts.classWords),
    candidates,
    runPlace(opts),
  );
  const list = opts.strategies;
  if (!list?.issues.length) return { report, candidates };
  const match = projectMatcher(list, {}, { lean: true });
  const verdicts = candidates.map((c) =>
    c.role === 'need' ? itemVerdict(match(matchInput(c.name, c.objective, c.target, c.issue))) : null,
  );
  return { report, candidates, verdicts };
}

/** What the strategy matcher is asked about a needs item (or a candidate standing for one). */
function matchInput(name: string, objective: string, target: string, issue: ProvincialIssue | null | undefined): ProjectInput {
  return { id: '', name, objective, target, declared: issue?.text };
}

/**
 * Streaming consolidation for very many files: `add` one input at a time (its workbook can be dropped
 * right after: only the candidates are kept), or `addExtracted` what a worker extracted, then `finish`.
 * Same result as `consolidate`.
 */
export class Consolidation {
  private readonly reports: InputReport[] = [];
  private cands: Candidate[] = [];
  /** Strategy verdicts computed with their files (addExtracted), by candidate index. */
  private verdicts: Array<ItemVerdict | undefined> = [];
  /** The candidates of reports[k] are cands[starts[k]] up to the next start. */
  private readonly starts: number[] = [];
  private readonly recognise: (s: SheetModel) => PlanSheet;
  private readonly words: ClassWords;
  private readonly place: PlaceCodes;

  constructor(private readonly opts: ConsolidateOptions = {}) {
    this.recognise = opts.recognise ?? ((s) => readPlanSheet(s));
    this.words = classWordsOf(opts.classWords);
    this.place = runPlace(opts);
  }

  add(input: ConsolidateInput): InputReport {
    this.starts.push(this.cands.length);
    const rep = collectInput(input, this.recognise, this.words, this.cands, this.place);
    this.reports.push(rep);
    return rep;
  }

  /**
   * Takes an input extracted elsewhere (`extractInput`, e.g. in a worker thread), in input order:
   * the result is the same as `add` of that input. Texts are interned again (a worker's copies are
   * its own), precomputed verdicts are kept for `finish`.
   */
  addExtracted(ex: Extracted): InputReport {
    const base = this.cands.length;
    this.starts.push(base);
    // The file name, sheet, organisation, budgets and tokens were shared by the rows of a file (and
    // across files) before the thread boundary copied them: share them again (a million rows).
    ex.candidates.forEach((c, i) => {
      c.seq = base + i;
      c.src.file = intern(c.src.file);
      c.src.sheet = intern(c.src.sheet);
      c.src.kind = intern(c.src.kind) as typeof c.src.kind;
      if (c.organisation !== undefined) c.src.organisation = c.organisation = intern(c.organisation);
      c.budgets = sharedBudgets(c.budgets);
      if (Array.isArray(c.tokens)) c.tokens = sharedTokens(c.tokens as readonly string[]);
      c.objective = intern(c.objective);
      c.target = intern(c.target);
      c.agency = intern(c.agency);
      c.priority = intern(c.priority);
      c.note = intern(c.note);
      if (c.tambon !== undefined) c.tambon = intern(c.tambon);
      if (c.district !== undefined) c.district = intern(c.district);
      if (c.place !== undefined) c.place = sharedPlace(c.place);
      this.cands.push(c);
      const v = ex.verdicts?.[i];
      if (v) this.verdicts[base + i] = sharedVerdict(v);
    });
    this.reports.push(ex.report);
    return ex.report;
  }

  /** Candidates collected so far (for benchmarks). */
  get candidates(): readonly Candidate[] {
    return this.cands;
  }

  /** The needs table. Once only: the candidates' match keys are released on the way. */
  finish(): ConsolidateResult {
    if (this.finished) throw new Error('Consolidation.finish() was already called');
    this.finished = true;
    this.putInCanonicalOrder();
    return consolidateCandidates(this.reports, this.cands, this.opts, { release: true, verdicts: this.verdicts });
  }

  /** The inputs in canonical order (inputOrder), their candidates and verdicts with them, numbered again. */
  private putInCanonicalOrder(): void {
    const n = this.reports.length;
    const order = Array.from(this.reports.keys()).sort((x, y) => inputOrder(this.reports[x], this.reports[y]) || x - y);
    if (order.every((k, i) => k === i)) return;
    const cands: Candidate[] = [];
    const verdicts: Array<ItemVerdict | undefined> = [];
    for (const k of order) {
      const end = k + 1 < n ? this.starts[k + 1] : this.cands.length;
      for (let i = this.starts[k]; i < end; i++) {
        const c = this.cands[i];
        verdicts[cands.length] = this.verdicts[i];
        c.seq = cands.length;
        cands.push(c);
      }
    }
    this.reports.splice(0, n, ...order.map((k) => this.reports[k]));
    this.cands = cands;
    this.verdicts = verdicts;
  }
  private finished = false;
}

/** Reads every sheet of every input and collects the candidates (requests and local-plan rows). */
async function collect(
  inputs: readonly ConsolidateInput[],
  opts: ConsolidateOptions,
): Promise<{ reports: InputReport[]; cands: Candidate[] }> {
  const recognise = opts.recognise ?? ((s) => readPlanSheet(s));
  const words = classWordsOf(opts.classWords);
  // The run's district or province places each row, as in Consolidation (the pane's and the CLI's tables agree).
  const place = runPlace(opts);
  const reports: InputReport[] = [];
  const cands: Candidate[] = [];
  const total = inputs.length;
  opts.onProgress?.(0, total);
  let lastYield = now();
  for (let i = 0; i < inputs.length; i++) {
    if (opts.signal?.aborted) throw abortError();
    reports.push(collectInput(inputs[i], recognise, words, cands, place));
    opts.onProgress?.(i + 1, total);
    if (now() - lastYield >= YIELD_MS) {
      await tick();
      lastYield = now();
    }
  }
  return { reports, cands };
}

const orgOf = (c: Candidate): string => c.organisation ?? c.src.file;

/**
 * The order inputs are read in, whatever order they were given in (dropped, typed, listed by a folder,
 * finished by a worker): by file name, then checksum. Every "first" of a consolidation (item ids, the
 * default ranks, which of equal rows is listed first) follows it, so the same files give the same table.
 * Code-unit order, not the locale's: the same on every machine.
 */
export function inputOrder(a: { file: string; checksum: string }, b: { file: string; checksum: string }): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.checksum < b.checksum ? -1 : a.checksum > b.checksum ? 1 : 0;
}

/** Consolidates received workbooks into the needs table. Throws an AbortError when cancelled. */
export async function consolidate(inputs: readonly ConsolidateInput[], opts: ConsolidateOptions = {}): Promise<ConsolidateResult> {
  const { reports, cands } = await collect([...inputs].sort(inputOrder), opts);
  if (opts.signal?.aborted) throw abortError();
  return consolidateCandidates(reports, cands, opts, { release: true });
}

/** The matching and table part (synchronous; exported for tests and benchmarks). */
export function consolidateCandidates(
  reports: InputReport[],
  cands: Candidate[],
  opts: ConsolidateOptions = {},
  own: { release?: boolean; verdicts?: ReadonlyArray<ItemVerdict | undefined> } = {},
): ConsolidateResult {
  const prev = opts.previous;
  // At a district (its name, its own previous table, or tambon and อปท. files among the inputs) a
  // province's table brings decisions back: its rows are no new needs. Elsewhere (split, the province's
  // re-run) the table is read as needs, each with its decision.
  const returned = reports.filter((rep) => rep.returned);
  const atDistrict =
    !!opts.district?.trim() ||
    !!prev?.district?.startsWith('อำเภอ') ||
    cands.some((c) => c.role === 'need' && c.src.kind !== 'district-needs');
  if (returned.length && atDistrict) ({ cands, own } = withoutProvinceRows(returned, cands, own));
  const matches = findMatches(cands);
  // The compact name and tokens (a third of a candidate) serve only duplicate detection: when the
  // caller's candidates are ours, drop them before the strategy and table steps (the peak at 1M rows).
  if (own.release) for (const c of cands) releaseMatchKeys(c);
  const { root, confidence, similarity, refused } = mergeGroups(cands, matches);

  // Items: one per group of requests, the earliest source kept.
  // Roots are the smallest index of their group and a request. Only groups of two or more get a
  // member list (a map and an array per item cost ~60 MB at a million rows).
  const itemAt: Array<NeedsItem | undefined> = [];
  const items: NeedsItem[] = [];
  const membersOfRoot = new Map<number, number[]>();
  cands.forEach((c, i) => {
    if (c.role !== 'need' || root[i] === i) return;
    const list = membersOfRoot.get(root[i]);
    if (list) list.push(i);
    else membersOfRoot.set(root[i], [root[i], i]);
  });
  for (let r = 0; r < cands.length; r++) {
    if (cands[r].role !== 'need' || root[r] !== r) continue;
    let members = membersOfRoot.get(r) ?? [r];
    // The kept source (whose fields and amounts the need has) is the first in the counting order.
    if (members.length > 1) {
      members = members.sort((x, y) => countingOrder(cands[x], cands[y]));
      membersOfRoot.set(r, members);
    }
    const keep = cands[members[0]];
    const others = members.length > 1 ? members.slice(1).map((m) => cands[m]) : [];
    const pick = <K extends 'objective' | 'target' | 'agency' | 'priority'>(k: K): string => keep[k] || others.find((o) => o[k])?.[k] || '';
    const item: NeedsItem = {
      id: members[0],
      name: keep.name,
      objective: pick('objective'),
      target: pick('target'),
      village: keep.village ?? others.find((o) => o.village !== undefined)?.village,
      tambon: keep.tambon ?? others.find((o) => o.tambon)?.tambon,
      organisation: keep.organisation,
      // Shared with the candidate (extract.ts shares equal amounts; nothing mutates them).
      budgets: keep.budgets,
      badBudgetYears: keep.badBudgetYears,
      issue: keep.issue ?? others.find((o) => o.issue)?.issue ?? null,
      agency: pick('agency'),
      priority: pick('priority'),
      note: keep.note,
      sources: [keep.src, ...others.map((o) => o.src)],
      // A need the sending level left out of its totals stays out (its note says why).
      inTotals: !keep.keptOut,
      remarks: [],
      route: keep.route,
      rank: null,
      inDistrictPlan: null,
      officerNote: '',
    };
    if (keep.district !== undefined) item.district = keep.district;
    if (keep.decision) item.decision = keep.decision;
    const place = keep.place ?? others.find((o) => o.place)?.place;
    if (place) item.place = place;
    if (keep.parts) {
      item.parts = keep.parts;
      item.remarks.push(partsRemark(item, keep.src));
    }
    if (keep.keptOut && !/ไม่นับยอด/.test(keep.note)) item.remarks.push(KEPT_OUT_REMARK);
    if (others.length) {
      item.remarks.push(
        intern(`รวมรายการซ้ำ ${members.length} แหล่ง (${confidence.get(r) === 'exact' ? 'ซ้ำตรงกัน' : 'น่าจะซ้ำ'}) นับยอดครั้งเดียว`),
      );
      const asked = [keep.budgets, ...others.map((o) => o.budgets)];
      if (disagree(asked)) {
        item.conflict = { budgets: asked, counted: 1, by: 'rule' };
        item.remarks.push(conflictRemark(item));
      }
    }
    itemAt[r] = item;
    items.push(item);
  }

  // Strategy list: link items to its codes (declared link, resolved by the strategy module) and
  // report the ones that declare an unknown issue, none, or one their text does not fit.
  const mismatches: StrategyMismatch[] = [];
  const list = opts.strategies;
  if (list?.issues.length) {
    // One verdict at a time, consistent ones without their (unused) reason words.
    const match = projectMatcher(list, {}, { lean: true });
    items.forEach((it) => {
      // A verdict computed with the file (extractInput) holds when the item asks what its first
      // source asked: always for a single row, and for a group whose first row has every field.
      const keep = cands[it.id];
      const pre = own.verdicts?.[it.id];
      const v =
        pre && it.objective === keep.objective && it.target === keep.target && it.issue === (keep.issue ?? null)
          ? pre
          : match(matchInput(it.name, it.objective, it.target, it.issue));
      const src = it.sources[0];
      if (v.declared) {
        const issue = list.issues.find((x) => x.code === v.declared)!;
        it.issue = { code: issue.code, name: issue.name, text: it.issue?.text ?? issue.name };
      }
      const status = v.declaredUnknown !== undefined ? 'unknown' : v.status;
      if (status === 'consistent') return;
      // Reasons and remarks repeat (same words, same suggestion): one copy each at a million rows.
      mismatches.push({
        itemId: it.id,
        name: it.name,
        file: src.file,
        sheet: src.sheet,
        row: src.row,
        declared: it.issue?.text ?? '',
        status,
        suggested: v.suggested,
        reason: intern(v.reason),
        reasonEn: intern(v.reasonEn),
      });
      it.remarks.push(
        intern(
          status === 'unknown'
            ? `ประเด็นการพัฒนา "${it.issue?.text ?? ''}" ไม่มีในแผนพัฒนาจังหวัด${v.suggested ? ` (เสนอประเด็นที่ ${v.suggested})` : ''}`
            : status === 'undeclared' || status === 'none'
              ? `ไม่ระบุประเด็นการพัฒนาจังหวัด${v.suggested ? ` (เสนอประเด็นที่ ${v.suggested})` : ''}`
              : `ประเด็นการพัฒนาอาจไม่สอดคล้อง${v.suggested ? ` (เสนอประเด็นที่ ${v.suggested})` : ''}`,
        ),
      );
    });
  }

  // Duplicate groups.
  const member = (i: number): DuplicateMember => {
    const c = cands[i];
    return {
      file: c.src.file,
      sheet: c.src.sheet,
      row: c.src.row,
      name: c.name,
      village: c.village,
      tambon: c.tambon,
      itemId: c.role === 'need' ? itemAt[root[i]]?.id : undefined,
      localPlan: c.role === 'local' ? true : undefined,
    };
  };
  const duplicates: DuplicateGroup[] = [];
  for (const [r, members] of membersOfRoot) {
    const conflict = itemAt[r]?.conflict;
    duplicates.push({
      confidence: confidence.get(r) ?? 'exact',
      merged: true,
      localPlan: false,
      similarity: round2(similarity.get(r) ?? 1),
      ...(conflict ? { conflict: true } : {}),
      // Members in the item's source order: member k asks conflict.budgets[k].
      items: members.map((m, k) => (conflict ? { ...member(m), budgets: conflict.budgets[k] } : member(m))),
    });
  }
  const possibleSeen = new Set<string>();
  const possible: Array<{ ra: number; rb: number; m: Match }> = [];
  type RefMatches = Map<number, Map<number, { confidence: DuplicateGroup['confidence']; similarity: number; need: number }>>;
  const localByRoot: RefMatches = new Map();
  const districtByRoot: RefMatches = new Map();
  for (const m of [...matches, ...refused]) {
    const ca = cands[m.a];
    const cb = cands[m.b];
    if (ca.role !== 'need' || cb.role !== 'need') {
      if (ca.role !== 'need' && cb.role !== 'need') continue;
      const [needIdx, localIdx] = ca.role !== 'need' ? [m.b, m.a] : [m.a, m.b];
      const r = root[needIdx];
      const byRoot = cands[localIdx].role === 'local' ? localByRoot : districtByRoot;
      const map = byRoot.get(r) ?? new Map();
      const prev = map.get(localIdx);
      if (!prev || rank(m.confidence) < rank(prev.confidence) || (m.confidence === prev.confidence && needIdx < prev.need))
        map.set(localIdx, { confidence: m.confidence, similarity: m.similarity, need: needIdx });
      byRoot.set(r, map);
      continue;
    }
    const ra = root[m.a];
    const rb = root[m.b];
    if (ra === rb) continue;
    const key = ra < rb ? `${ra}:${rb}` : `${rb}:${ra}`;
    if (possibleSeen.has(key)) continue;
    possibleSeen.add(key);
    possible.push({ ra, rb, m });
  }
  // Possible duplicates: at most MAX_POSSIBLE per item, the most similar ones (a generic name in a
  // big village otherwise lists dozens); the rest are counted in a remark. Listed in match order.
  const shown = new Set<(typeof possible)[number]>();
  const count = new Map<number, number>();
  const hidden = new Map<number, number>();
  for (const p of [...possible].sort((x, y) => y.m.similarity - x.m.similarity || x.m.a - y.m.a || x.m.b - y.m.b)) {
    const na = count.get(p.ra) ?? 0;
    const nb = count.get(p.rb) ?? 0;
    if (na >= MAX_POSSIBLE || nb >= MAX_POSSIBLE) {
      hidden.set(p.ra, (hidden.get(p.ra) ?? 0) + 1);
      hidden.set(p.rb, (hidden.get(p.rb) ?? 0) + 1);
      continue;
    }
    count.set(p.ra, na + 1);
    count.set(p.rb, nb + 1);
    shown.add(p);
  }
  for (const p of possible) {
    if (!shown.has(p)) continue;
    const { m, ra, rb } = p;
    duplicates.push({
      confidence: 'possible',
      merged: false,
      localPlan: false,
      similarity: round2(m.similarity),
      items: [member(m.a), member(m.b)],
    });
    const ia = itemAt[ra];
    const ib = itemAt[rb];
    if (ia && ib) {
      ia.remarks.push(`อาจซ้ำกับ "${ib.name}" (${provenanceMention(ib.sources[0])}) โปรดตรวจสอบ`);
      ib.remarks.push(`อาจซ้ำกับ "${ia.name}" (${provenanceMention(ia.sources[0])}) โปรดตรวจสอบ`);
    }
  }
  for (const [r, n] of hidden) itemAt[r]?.remarks.push(intern(`และอาจซ้ำกับโครงการอื่นอีก ${n} รายการที่คล้ายน้อยกว่า (ไม่ได้แสดงในชีตโครงการซ้ำ)`));
  for (const [r, locals] of localByRoot) {
    const item = itemAt[r];
    if (!item) continue;
    for (const [localIdx, m] of [...locals.entries()].sort((x, y) => x[0] - y[0])) {
      const lc = cands[localIdx];
      // Out of the totals only when the local plan's row is known to be in the need's own place.
      const firm = m.confidence !== 'possible' && comparePlaces(cands[m.need], lc) === 'same';
      if (firm) {
        item.inTotals = false;
        item.remarks.push(`มีในแผนพัฒนาท้องถิ่นของ ${orgOf(lc)} (${provenanceMention(lc.src)}) ไม่นับยอด`);
      } else {
        item.remarks.push(`อาจมีในแผนพัฒนาท้องถิ่นของ ${orgOf(lc)} (${provenanceMention(lc.src)}) โปรดตรวจสอบ`);
      }
      duplicates.push({
        confidence: firm ? m.confidence : 'possible',
        merged: false,
        localPlan: true,
        similarity: round2(m.similarity),
        items: [member(r), member(localIdx)],
      });
    }
  }
  // The district's development plan: every need must be in it before the list goes to the province
  // (rayong-2564, samutsongkhram-2562). A need it lacks is flagged, never dropped or left out of the totals.
  const planSheets = reports.flatMap((rep) => rep.sheets.filter((s) => s.kind === 'district-plan'));
  const districtPlan = planSheets.length ? { sheets: planSheets.length, projects: planSheets.reduce((n, s) => n + s.projects, 0) } : null;
  if (districtPlan) {
    for (const it of items) it.inDistrictPlan = false;
    const maybe = new Set<NeedsItem>();
    for (const [r, refs] of districtByRoot) {
      const item = itemAt[r];
      if (!item) continue;
      const firm = [...refs.entries()].sort((x, y) => x[0] - y[0]).find(([, m]) => m.confidence !== 'possible');
      if (firm) {
        item.inDistrictPlan = true;
        continue;
      }
      const [idx] = [...refs.keys()].sort((x, y) => x - y);
      const dc = cands[idx];
      item.remarks.push(`อาจมีในแผนพัฒนาอำเภอ (${provenanceMention(dc.src)}) โปรดตรวจสอบ`);
      maybe.add(item);
    }
    // A possible match says so instead (still not counted as in the plan until the officer checks).
    for (const it of items)
      if (!it.inDistrictPlan && !maybe.has(it)) it.remarks.push(intern('ไม่มีในแผนพัฒนาอำเภอ: ต้องบรรจุในแผนพัฒนาอำเภอก่อนส่งจังหวัด'));
  }

  duplicates.sort((x, y) => rank(x.confidence) - rank(y.confidence) || Number(x.localPlan) - Number(y.localPlan) || seqOf(x) - seqOf(y));
  function seqOf(g: DuplicateGroup): number {
    const m = g.items[0];
    return m.itemId ?? 0;
  }

  const { years, groups, totals } = groupByIssue(items);
  rankItems(groups);
  for (const it of items) if (it.badBudgetYears.length) it.remarks.push(`งบประมาณปี ${it.badBudgetYears.join(', ')} ไม่ใช่ตัวเลข (นับเป็น 0)`);

  const result: ConsolidateResult = {
    inputs: reports,
    years,
    items: groups.flatMap((g) => g.items),
    groups,
    totals,
    duplicates,
    strategyMismatches: mismatches,
    districtPlan,
    notInDistrictPlan: districtPlan ? items.filter((it) => !it.inDistrictPlan).map((it) => it.id) : [],
  };
  const previousRow = new Map<NeedsItem, PreviousRow>();
  if (prev) {
    result.merge = applyPrevious(result, prev, previousRow);
    // A source the officer counts instead (ยอดไม่ตรงกัน) changes the amounts: the totals and years again.
    if (items.some((it) => it.conflict?.by === 'officer')) {
      Object.assign(result, groupByIssue(items));
      result.items = result.groups.flatMap((g) => g.items);
    }
  }
  // "เมือง", "อ.เมือง" and "อำเภอเมือง" are one district, written "อำเภอเมือง" (as a province reads it).
  const bare = opts.district && bareDistrictName(opts.district);
  const district = (bare ? `อำเภอ${bare}` : undefined) ?? (prev?.district?.startsWith('อำเภอ') ? prev.district : undefined);
  if (district) {
    result.district = district;
    for (const it of items) it.district = district;
  }
  if (returned.length && atDistrict) result.returned = applyReturned(result, returned, previousRow, prev?.sheet);
  const approval = opts.approval ?? prev?.approval;
  if (approval) result.approval = approval;
  if (opts.skipped?.length) result.skipped = opts.skipped;
  if (opts.expected) {
    // A province alone reads its districts' tables: they send by the calendar's step for districts.
    const today = opts.today ?? thaiDateOf(new Date());
    const due = opts.due ?? calendarDue(opts.province && !opts.district ? 'district' : 'tambon', today);
    result.senders = sendersOf(opts.expected, reports, opts.skipped, { due, today });
  }
  return result;
}

/** The candidates without the province's returned rows (numbered again), their reports saying so. */
function withoutProvinceRows(
  returned: InputReport[],
  cands: Candidate[],
  own: { release?: boolean; verdicts?: ReadonlyArray<ItemVerdict | undefined> },
): { cands: Candidate[]; own: typeof own } {
  const kept: Candidate[] = [];
  const verdicts: Array<ItemVerdict | undefined> = [];
  cands.forEach((c, i) => {
    if (c.fromProvince) return;
    verdicts[kept.length] = own.verdicts?.[i];
    c.seq = kept.length;
    kept.push(c);
  });
  for (const rep of returned) {
    rep.taken = 0;
    rep.note = `ผลการพิจารณาของจังหวัด ${rep.returned!.length} รายการ: นำกลับใส่ตารางของอำเภอ (ไม่นับเป็นความต้องการใหม่)`;
    rep.noteEn = `The province's decisions (${rep.returned!.length}): carried back into the district's table (not new needs)`;
    for (const s of rep.sheets) if (s.kind === 'district-needs') s.taken = 0;
  }
  return { cands: kept, own: { ...own, verdicts } };
}

/**
 * Needs items in the table's order: grouped by provincial development issue ("ไม่ระบุ" last), by
 * district rank within a group (a consolidation then sets the default order: rank.ts), with the years and the totals of the counted items per group and overall.
 */
export function groupByIssue(items: readonly NeedsItem[]): Pick<ConsolidateResult, 'years' | 'groups' | 'totals'> {
  const yearSet = new Set<number>();
  for (const it of items) for (const y of Object.keys(it.budgets)) yearSet.add(Number(y));
  const years = [...yearSet].sort((a, b) => a - b);
  const groupMap = new Map<string, IssueGroup>();
  for (const it of items) {
    const key = issueKey(it.issue);
    let g = groupMap.get(key);
    if (!g) {
      g = { key, code: it.issue?.code ?? null, label: issueLabel(key ? it.issue : null), items: [], totals: {}, counted: 0 };
      groupMap.set(key, g);
    }
    g.items.push(it);
  }
  const groups = [...groupMap.values()].sort(compareGroups);
  const totals: Record<number, number> = {};
  for (const y of years) totals[y] = 0;
  sortByRank(groups);
  for (const g of groups) {
    for (const y of years) g.totals[y] = 0;
    for (const it of g.items) {
      if (!it.inTotals) continue;
      g.counted++;
      for (const y of years) {
        g.totals[y] += it.budgets[y] ?? 0;
        totals[y] += it.budgets[y] ?? 0;
      }
    }
  }
  return { years, groups, totals };
}

const KEPT_OUT_REMARK = 'ไม่นับยอดตามตารางที่ส่งมา';

/** Possible duplicates listed per needs item (the most similar first). */
export const MAX_POSSIBLE = 3;

const rank = (c: DuplicateGroup['confidence']): number => (c === 'exact' ? 0 : c === 'likely' ? 1 : 2);
const round2 = (x: number): number => Math.round(x * 100) / 100;

function compareGroups(a: IssueGroup, b: IssueGroup): number {
  if (!a.key !== !b.key) return a.key ? -1 : 1; // ไม่ระบุ last
  if (a.code && b.code) {
    const d = parseFloat(a.code) - parseFloat(b.code);
    if (d) return d;
  }
  if (!!a.code !== !!b.code) return a.code ? -1 : 1;
  return a.items[0].id - b.items[0].id;
}
