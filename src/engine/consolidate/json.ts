/** The machine-readable result (`oneplan consolidate --json`). */
import type { ConsolidateResult, Confidence, InputError, InputStatus, StrategyMismatch } from './types';

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
      sources: Array<{ file: string; sheet: string; row: number }>;
      strategy: string | null;
      strategyText: string | null;
      village: number | null;
      tambon: string | null;
      agency: string;
      /** The district the need came from (a province's roll-up). */
      district?: string;
      /** The district's rank of the need. */
      sourcePriority?: string;
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
        sources: it.sources.map((s) => ({ file: s.file, sheet: s.sheet, row: s.row })),
        strategy: it.issue?.code ?? null,
        strategyText: it.issue?.text ?? null,
        village: it.village ?? null,
        tambon: it.tambon ?? null,
        agency: it.agency,
        ...(it.district !== undefined ? { district: it.district } : {}),
        ...(it.sourcePriority !== undefined ? { sourcePriority: it.sourcePriority } : {}),
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
    output,
  };
}
