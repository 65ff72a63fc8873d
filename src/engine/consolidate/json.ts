/** The machine-readable result (`oneplan consolidate --json`); its contract is json-schema.ts. */
import type { BudgetConflict, ConsolidateResult, NeedsItem } from './types';
import { COUNTING_RULE_EN } from './conflict';
import { isoDateBE } from '../calendar/thai';
import type { ConsolidateJson } from './json-schema';

const yearKeys = (b: Record<number, number>): Record<string, number> => Object.fromEntries(Object.entries(b));

function conflictJson(it: NeedsItem, c: BudgetConflict): NonNullable<ConsolidateJson['needs']['items'][number]['conflict']> {
  return {
    counted: c.counted,
    by: c.by,
    rule: COUNTING_RULE_EN,
    sources: it.sources.map((s, k) => ({
      file: s.file,
      sheet: s.sheet,
      row: s.row,
      ...(s.organisation ? { proposer: s.organisation } : {}),
      budgets: yearKeys(c.budgets[k]),
    })),
  };
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
      sheets: i.sheets.map((s) => ({
        name: s.name,
        kind: s.kind,
        projects: s.projects,
        taken: s.taken,
        ...(s.note ? { note: s.note, noteEn: s.noteEn } : {}),
      })),
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
        ...(it.place ? { place: it.place } : {}),
        agency: it.agency,
        ...(it.organisation ? { proposer: it.organisation } : {}),
        budgets: Object.fromEntries(r.years.map((y) => [String(y), it.budgets[y] ?? 0])),
        ...(it.parts ? { parts: it.parts.map((p) => ({ name: p.name, row: p.row, budgets: yearKeys(p.budgets) })) } : {}),
        inTotals: it.inTotals,
        remarks: it.remarks,
        ...(it.conflict ? { conflict: conflictJson(it, it.conflict) } : {}),
        ...(it.decision ? { decision: it.decision } : {}),
      })),
    },
    duplicates: r.duplicates.map((g) => ({
      confidence: g.confidence,
      merged: g.merged,
      localPlan: g.localPlan,
      similarity: g.similarity,
      ...(g.conflict ? { conflict: true } : {}),
      items: g.items.map((m) => ({
        file: m.file,
        sheet: m.sheet,
        row: m.row,
        name: m.name,
        ...(m.localPlan ? { localPlan: true } : {}),
        ...(m.budgets ? { budgets: yearKeys(m.budgets) } : {}),
      })),
    })),
    strategy: { mismatches: r.strategyMismatches },
    district: r.district ?? null,
    approval: r.approval
      ? {
          meeting: r.approval.meeting,
          date: isoDateBE(r.approval.date),
        }
      : null,
    districtPlan: r.districtPlan ? { ...r.districtPlan, notIn: r.notInDistrictPlan.length } : null,
    ...(r.senders
      ? {
          senders: {
            expected: r.senders.expected,
            received: r.senders.received,
            unreadable: r.senders.unreadable,
            missing: r.senders.missing,
            entries: r.senders.entries.map(({ due, daysLate, ...e }) => ({
              ...e,
              due: due ? isoDateBE(due) : null,
              daysLate: daysLate ?? null,
            })),
          },
        }
      : {}),
    ...(r.merge ? { merge: r.merge } : {}),
    ...(r.returned
      ? {
          returned: {
            files: r.returned.files,
            applied: r.returned.applied,
            unmatched: r.returned.unmatched.map((d) => ({
              file: d.file,
              sheet: d.sheet,
              row: d.row,
              name: d.name,
              village: d.village ?? null,
              tambon: d.tambon ?? null,
              district: d.district ?? null,
              sources: d.sources,
              decision: d.decision,
              reason: d.reason,
              message: d.message,
              messageEn: d.messageEn,
            })),
          },
        }
      : {}),
    skipped: r.skipped ?? [],
    output,
  };
}
