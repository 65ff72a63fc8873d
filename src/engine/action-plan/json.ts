/** The machine-readable action plan (`oneplan action-plan --json`); its schema is published in docs/schemas. */
import { z } from 'zod/v4';
import { ACTION_SOURCES, type ActionPlan } from './types';
import { InputErrorSchema } from '../consolidate/json';

const RefSchema = z.object({ file: z.string(), sheet: z.string(), row: z.number().int().positive() });
const SideSchema = z.enum(['agency', 'local']);

export const ActionPlanJsonSchema = z.object({
  /** B.E. fiscal year. */
  fiscalYear: z.number().int(),
  district: z.string().nullable(),
  /** The .xlsx written, or null when none was asked for or it could not be written. */
  out: z.string().nullable(),
  inputs: z.array(
    z.object({
      file: z.string(),
      status: z.enum(['ok', 'skipped', 'failed']),
      error: InputErrorSchema.optional(),
      sheets: z.array(
        z.object({
          name: z.string(),
          /** How the sheet was read; null when it was left out (note says why). */
          source: z.enum(ACTION_SOURCES).nullable(),
          organisation: z.string().optional(),
          projects: z.number().int().nonnegative(),
          taken: z.number().int().nonnegative(),
          note: z.string().optional(),
          noteEn: z.string().optional(),
        }),
      ),
    }),
  ),
  /** Baht in the fiscal year, all rows. */
  total: z.number(),
  groups: z.array(
    z.object({
      agency: z.string(),
      side: SideSchema,
      count: z.number().int().nonnegative(),
      total: z.number(),
      tambons: z.array(z.object({ tambon: z.string().nullable(), count: z.number().int().nonnegative(), total: z.number() })),
    }),
  ),
  /** Rows in table order (row k is numbered k + 1 in the sheet). */
  rows: z.array(
    z.object({
      name: z.string(),
      village: z.number().int().nullable(),
      tambon: z.string().nullable(),
      agency: z.string(),
      side: SideSchema,
      amount: z.number(),
      source: z.enum(ACTION_SOURCES),
      src: RefSchema,
    }),
  ),
  /** Pairs of rows (0-based indices into rows) of different files that may be one project. */
  duplicates: z.array(
    z.object({
      a: z.number().int().nonnegative(),
      b: z.number().int().nonnegative(),
      confidence: z.enum(['exact', 'likely', 'possible']),
      similarity: z.number(),
      acrossSides: z.boolean(),
    }),
  ),
  problems: z.array(z.object({ file: z.string(), sheet: z.string(), cell: z.string(), message: z.string(), messageEn: z.string() })),
});
export type ActionPlanJson = z.infer<typeof ActionPlanJsonSchema>;

export function actionPlanJson(plan: ActionPlan, out: string | null = null): ActionPlanJson {
  return {
    fiscalYear: plan.fiscalYear,
    district: plan.district ?? null,
    out,
    inputs: plan.inputs,
    total: plan.total,
    groups: plan.groups.map((g) => ({
      agency: g.agency,
      side: g.side,
      count: g.count,
      total: g.total,
      tambons: g.tambons.map((t) => ({ tambon: t.tambon, count: t.rows.length, total: t.total })),
    })),
    rows: plan.rows.map((r) => ({
      name: r.name,
      village: r.village ?? null,
      tambon: r.tambon ?? null,
      agency: r.agency,
      side: r.side,
      amount: r.amount,
      source: r.source,
      src: r.src,
    })),
    duplicates: plan.duplicates,
    problems: plan.problems,
  };
}
