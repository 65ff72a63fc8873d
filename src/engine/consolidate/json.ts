/** The machine-readable result (`oneplan consolidate --json`). */
import type { ConsolidateResult, Confidence, InputError, InputStatus, StrategyMismatch } from './types';
import type { Route } from '../classification';
import type { MergeReport } from './merge';

export interface ConsolidateJson {
  inputs: Array<{
    file: string;
    status: InputStatus;
    checksum: string;
    error?: InputError;
    note?: string;
    noteEn?: string;
    /** The district whose needs table the file is (a province's roll-up). */
    district?: string;
    sheets: Array<{ name: string; kind: string; projects: number; taken: number; note?: string; noteEn?: string }>;
  }>;
  needs: {
    projects: number;
    counted: number;
    years: number[];
    totals: Record<string, number>;
    items: Array<{
      name: string;
      objective: string;
      target: string;
      /** The district's rank (ลำดับความสำคัญของอำเภอ; a province's table: the province's), or null when blank. */
      priority: number | null;
      /** The source's own rank as written ('' when none): a tambon's, or a district's read by the province. */
      sourcePriority: string;
      route: Route;
      /** "อำเภอเมือง": --district at the district, each need's own district in a province's roll-up. */
      district: string | null;
      /** In the district's development plan; null when no district plan was given. */
      inDistrictPlan: boolean | null;
      officerNote: string;
      /** On a re-run onto an existing table: 'new' or 'kept'. */
      status?: 'new' | 'kept';
      sources: Array<{ file: string; sheet: string; row: number }>;
      strategy: string | null;
      strategyText: string | null;
      village: number | null;
      tambon: string | null;
      agency: string;
      budgets: Record<string, number>;
      inTotals: boolean;
      remarks: string[];
    }>;
  };
  duplicates: Array<{
    confidence: Confidence;
    merged: boolean;
    localPlan: boolean;
    similarity: number;
    items: Array<{ file: string; sheet: string; row: number; name: string; localPlan?: boolean }>;
  }>;
  strategy: { mismatches: StrategyMismatch[] };
  district: string | null;
  /** ก.บ.อ. approval: meeting "3/2568", date as B.E. "2568-05-15"; null when not recorded. */
  approval: { meeting: string; date: string } | null;
  districtPlan: { sheets: number; projects: number; notIn: number } | null;
  /** With --expect: roster names by status. */
  senders?: { expected: string[]; received: string[]; unreadable: string[]; missing: string[] };
  /** When --out was an existing needs table: what was kept, what is new, what vanished. */
  merge?: MergeReport;
  output: string | null;
}

export function consolidateJson(r: ConsolidateResult, output: string | null): ConsolidateJson {
  const totals: Record<string, number> = {};
  for (const y of r.years) totals[String(y)] = r.totals[y] ?? 0;
  return {
    inputs: r.inputs.map((i) => ({
      file: i.file,
      status: i.status,
      checksum: i.checksum,
      ...(i.error ? { error: i.error } : {}),
      ...(i.note ? { note: i.note, noteEn: i.noteEn } : {}),
      ...(i.district ? { district: i.district } : {}),
      sheets: i.sheets.map((s) => ({ name: s.name, kind: s.kind, projects: s.projects, taken: s.taken, ...(s.note ? { note: s.note, noteEn: s.noteEn } : {}) })),
    })),
    needs: {
      projects: r.items.length,
      counted: r.items.filter((i) => i.inTotals).length,
      years: r.years,
      totals,
      items: r.items.map((it) => ({
        name: it.name,
        objective: it.objective,
        target: it.target,
        priority: it.rank,
        sourcePriority: it.priority,
        route: it.route,
        district: it.district ?? null,
        inDistrictPlan: it.inDistrictPlan,
        officerNote: it.officerNote,
        ...(it.status ? { status: it.status } : {}),
        sources: it.sources.map((s) => ({ file: s.file, sheet: s.sheet, row: s.row })),
        strategy: it.issue?.code ?? null,
        strategyText: it.issue?.text ?? null,
        village: it.village ?? null,
        tambon: it.tambon ?? null,
        agency: it.agency,
        budgets: Object.fromEntries(r.years.map((y) => [String(y), it.budgets[y] ?? 0])),
        inTotals: it.inTotals,
        remarks: it.remarks,
      })),
    },
    duplicates: r.duplicates.map((g) => ({
      confidence: g.confidence,
      merged: g.merged,
      localPlan: g.localPlan,
      similarity: g.similarity,
      items: g.items.map((m) => ({ file: m.file, sheet: m.sheet, row: m.row, name: m.name, ...(m.localPlan ? { localPlan: true } : {}) })),
    })),
    strategy: { mismatches: r.strategyMismatches },
    district: r.district ?? null,
    approval: r.approval
      ? { meeting: r.approval.meeting, date: `${r.approval.date.year}-${String(r.approval.date.month).padStart(2, '0')}-${String(r.approval.date.day).padStart(2, '0')}` }
      : null,
    districtPlan: r.districtPlan ? { ...r.districtPlan, notIn: r.notInDistrictPlan.length } : null,
    ...(r.senders
      ? { senders: { expected: r.senders.expected, received: r.senders.received, unreadable: r.senders.unreadable, missing: r.senders.missing } }
      : {}),
    ...(r.merge ? { merge: r.merge } : {}),
    output,
  };
}
