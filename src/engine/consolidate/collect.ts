/**
 * Reading the received workbooks: each input's sheets recognised, reported on (InputReport) and turned
 * into candidates (requests, local-plan and district-plan rows), in the canonical input order.
 */
import type { SheetModel } from '../model';
import type { PlanSheet } from '../plan';
import { PROJECT_KINDS } from '../plan';
import { readPlanSheet } from '../forms/read';
import type { Candidate } from './extract';
import { fileStem, intern, needClass, roleOfSheet, sheetOrganisation, toCandidate, unitOfNeedsSheet, isProvinceNeeds } from './extract';
import { classWordsOf, type ClassWords } from '../classification';
import { bareDistrictName, bareProvinceName, placeOf, type PlaceCodes } from '../places';
import { returnedDecisions } from './returned';
import { projectMatcher } from '../strategy/match';
import { itemVerdict, matchInput, type ItemVerdict } from './verdicts';
import type { ConsolidateInput, ConsolidateOptions, InputReport, SheetSummary } from './types';

export function abortError(): Error {
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
export function runPlace(opts: Pick<ConsolidateOptions, 'district' | 'province'>): PlaceCodes {
  const district = (opts.district && bareDistrictName(opts.district)) || undefined;
  const province = (opts.province && bareProvinceName(opts.province)) || undefined;
  return district || province ? placeOf({ district, province }) : {};
}

/** Reads one input's sheets and appends its candidates (requests and local-plan rows). */
export function collectInput(
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

/** Reads every sheet of every input and collects the candidates (requests and local-plan rows). */
export async function collect(
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
