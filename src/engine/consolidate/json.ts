/** The machine-readable result (`oneplan consolidate --json`); its schema is published in docs/schemas. */
import { z } from 'zod/v4';
import { FORM_KINDS } from '../plan';
import { MATCH_STATUSES } from '../strategy/model';
import type { ConsolidateResult } from './types';

const InputErrorSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string().optional() });
const SourceSchema = z.object({ file: z.string(), sheet: z.string(), row: z.number().int().positive() });

export const ConsolidateJsonSchema = z.object({
  inputs: z.array(
    z.object({
      file: z.string(),
      status: z.enum(['ok', 'skipped', 'failed']),
      checksum: z.string(),
      error: InputErrorSchema.optional(),
      note: z.string().optional(),
      noteEn: z.string().optional(),
      /** The district whose needs table the file is (a province's roll-up). */
      district: z.string().optional(),
      sheets: z.array(
        z.object({
          name: z.string(),
          kind: z.enum(FORM_KINDS),
          projects: z.number().int().nonnegative(),
          taken: z.number().int().nonnegative(),
          note: z.string().optional(),
          noteEn: z.string().optional(),
        }),
      ),
    }),
  ),
  needs: z.object({
    projects: z.number().int().nonnegative(),
    counted: z.number().int().nonnegative(),
    /** B.E. budget years, ascending. */
    years: z.array(z.number().int()),
    /** Year → baht, counted items only. */
    totals: z.record(z.string(), z.number()),
    items: z.array(
      z.object({
        name: z.string(),
        sources: z.array(SourceSchema),
        strategy: z.string().nullable(),
        strategyText: z.string().nullable(),
        village: z.number().nullable(),
        tambon: z.string().nullable(),
        agency: z.string(),
        /** The proposing อปท. / tambon, when known. */
        proposer: z.string().optional(),
        /** The district the need came from (a province's roll-up). */
        district: z.string().optional(),
        /** The district's rank of the need (its ลำดับความสำคัญ). */
        sourcePriority: z.string().optional(),
        budgets: z.record(z.string(), z.number()),
        inTotals: z.boolean(),
        remarks: z.array(z.string()),
      }),
    ),
  }),
  duplicates: z.array(
    z.object({
      confidence: z.enum(['exact', 'likely', 'possible']),
      merged: z.boolean(),
      localPlan: z.boolean(),
      similarity: z.number(),
      items: z.array(SourceSchema.extend({ name: z.string(), localPlan: z.boolean().optional() })),
    }),
  ),
  strategy: z.object({
    mismatches: z.array(
      z.object({
        itemId: z.number().int(),
        name: z.string(),
        file: z.string(),
        sheet: z.string(),
        row: z.number().int().positive(),
        declared: z.string(),
        status: z.enum([...MATCH_STATUSES.filter((s) => s !== 'consistent'), 'unknown'] as ['weak', 'undeclared', 'none', 'unknown']),
        suggested: z.string().optional(),
        reason: z.string(),
        reasonEn: z.string(),
      }),
    ),
  }),
  /** The .xlsx written, or null. */
  output: z.string().nullable(),
});
export type ConsolidateJson = z.infer<typeof ConsolidateJsonSchema>;

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
        ...(it.organisation ? { proposer: it.organisation } : {}),
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
