/**
 * The district's annual action plan (แผนปฏิบัติการประจำปีของอำเภอ): received workbooks → funded rows
 * of the fiscal year (sources.ts) → groups by agency and tambon with totals, and the rows of different
 * files that may be one project (the consolidation's duplicate comparison, consolidate/dedupe.ts).
 */
import type { ConsolidateInput } from '../consolidate/types';
import { toCandidate } from '../consolidate/extract';
import { findMatches } from '../consolidate/dedupe';
import { readPlanSheet } from '../forms/read';
import type { PlanSheet } from '../plan';
import { thaiOrder } from '../thai';
import type { SheetModel } from '../model';
import { readActionSheet, type ReadSheet } from './sources';
import { mergePreviousPlan } from './rerun';
import type { ActionGroup, ActionInputReport, ActionPlan, ActionRow, ActionTambon, PreviousActionPlan } from './types';

export * from './types';
export { actionPlanWorkbook, ACTION_PLAN_SHEET, ACTION_PLAN_TITLE, ACTION_VANISHED_SHEET } from './sheet';
export { actionPlanJson, ActionPlanJsonSchema } from './json';
export { readPreviousActionPlan } from './previous';

export interface ActionPlanOptions {
  /** B.E. fiscal year, e.g. 2569. */
  fiscalYear: number;
  /** The district ("อำเภอเมืองนครสวรรค์"): the title, and the agency of its own list without an agency column. */
  district?: string;
  /** Plans already read (e.g. by validate on the same models). */
  recognise?: (sheet: SheetModel) => PlanSheet;
  /** The plan already in the output: a re-run keeps the officer's columns and rows (rerun.ts). */
  previous?: PreviousActionPlan;
}

export function buildActionPlan(inputs: ConsolidateInput[], opts: ActionPlanOptions): ActionPlan {
  const fy = opts.fiscalYear;
  const recognise = opts.recognise ?? ((s: SheetModel) => readPlanSheet(s));
  const reports: ActionInputReport[] = [];
  const read: Array<{ file: string; sheet: ReadSheet; plan: PlanSheet }> = [];
  for (const inp of inputs) {
    if (inp.error || !inp.workbook) {
      reports.push({ file: inp.file, status: 'failed', ...(inp.error ? { error: inp.error } : {}), sheets: [] });
      continue;
    }
    const rep: ActionInputReport = { file: inp.file, status: 'skipped', sheets: [] };
    for (const s of inp.workbook.sheets) {
      if (s.hidden) continue;
      const plan = recognise(s);
      const r = readActionSheet(s, plan, inp.file, fy, opts.district);
      rep.sheets.push(r.report);
      read.push({ file: inp.file, sheet: r, plan });
    }
    if (rep.sheets.some((s) => s.taken > 0)) rep.status = 'ok';
    reports.push(rep);
  }

  // An อปท.'s budget ordinance is what it funds: its ผ.02 year column is the fallback where none was given.
  const withOrdinance = new Set(
    read.filter((x) => x.sheet.report.source === 'ordinance' && x.sheet.rows.length).map((x) => x.sheet.localKey),
  );
  for (const x of read) {
    if (x.sheet.report.source !== 'local-plan' || !withOrdinance.has(x.sheet.localKey) || !x.sheet.rows.length) continue;
    x.sheet.rows = [];
    x.sheet.report.taken = 0;
    x.sheet.report.note = 'มีข้อบัญญัติ/เทศบัญญัติงบประมาณของ อปท. นี้แล้ว จึงใช้ข้อบัญญัติแทนปีงบประมาณในแผนพัฒนาท้องถิ่น';
    x.sheet.report.noteEn = "This อปท.'s budget ordinance was given: it is used instead of the plan's year column";
  }
  for (const rep of reports) if (rep.status === 'ok' && !rep.sheets.some((s) => s.taken > 0)) rep.status = 'skipped';

  // Rows with their place (village, tambon) as consolidation reads them, and candidates to compare.
  const rows: ActionRow[] = [];
  const cands = [];
  for (const x of read) {
    for (const t of x.sheet.rows) {
      const c = toCandidate(t.project, x.plan, x.file, 'need', cands.length);
      cands.push(c);
      rows.push({
        name: c.name,
        ...(c.village !== undefined ? { village: c.village } : {}),
        ...(c.tambon ? { tambon: c.tambon } : {}),
        agency: t.agency,
        side: t.side,
        amount: t.amount,
        source: t.source,
        src: { file: x.file, sheet: x.plan.name, row: t.project.row + 1 },
        note: t.project.note,
      });
    }
  }

  // The merged rows keep the fresh rows' indices (the candidates'); the officer's added rows follow.
  const merged = opts.previous ? mergePreviousPlan(rows, opts.previous) : undefined;
  const planRows = merged?.rows ?? rows;
  const groups = groupRows(planRows);
  const ordered = groups.flatMap((g) => g.tambons.flatMap((t) => t.rows));
  const at = new Map(ordered.map((r, i) => [r, i]));
  // Rows of different files, an agency's against an อปท.'s or another agency list's: a file's own
  // repeats are validate's to report, and two อปท. each budget their own money.
  const duplicates = findMatches(cands)
    .filter((m) => rows[m.a].src.file !== rows[m.b].src.file && (rows[m.a].side === 'agency' || rows[m.b].side === 'agency'))
    .map((m) => {
      const [a, b] = [at.get(planRows[m.a])!, at.get(planRows[m.b])!].sort((x, y) => x - y);
      return { a, b, confidence: m.confidence, similarity: m.similarity, acrossSides: rows[m.a].side !== rows[m.b].side };
    })
    .sort((x, y) => x.a - y.a || x.b - y.b);
  return {
    fiscalYear: fy,
    ...(opts.district ? { district: opts.district } : {}),
    inputs: reports,
    groups,
    rows: ordered,
    total: groups.reduce((s, g) => s + g.total, 0),
    duplicates,
    problems: read.flatMap((x) => x.sheet.problems),
    ...(merged ? { merge: merged.report } : {}),
  };
}

/** Agencies first, then อปท., each in the order first met; tambons by name, rows naming none last. */
function groupRows(rows: ActionRow[]): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  for (const r of rows) {
    const key = `${r.side}|${r.agency}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { agency: r.agency, side: r.side, tambons: [], count: 0, total: 0 }));
    const tambon = r.tambon ?? null;
    let t = g.tambons.find((x) => x.tambon === tambon);
    if (!t) g.tambons.push((t = { tambon, rows: [], total: 0 } satisfies ActionTambon));
    t.rows.push(r);
    t.total += r.amount;
    g.count++;
    g.total += r.amount;
  }
  const list = [...groups.values()];
  for (const g of list) g.tambons.sort((a, b) => (a.tambon === null ? 1 : b.tambon === null ? -1 : thaiOrder(a.tambon, b.tambon)));
  return [...list.filter((g) => g.side === 'agency'), ...list.filter((g) => g.side === 'local')];
}
