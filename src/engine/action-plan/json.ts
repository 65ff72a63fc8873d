/** The machine-readable action plan (`oneplan action-plan --json`); its schema is published in docs/schemas. */
import { z } from 'zod/v4';
import { ACTION_SOURCES, ROW_SOURCES, type ActionPlan, type ActionRow, type OfficerCells } from './types';
import { InputErrorSchema } from '../consolidate/json-schema';

const RefSchema = z.object({ file: z.string(), sheet: z.string(), row: z.number().int().positive() });
const SideSchema = z.enum(['agency', 'local']);
/** The officer's columns (ผู้รับผิดชอบ, ผลการดำเนินงาน), as written. */
const OfficerSchema = z.object({ responsible: z.string(), progress: z.string() });
const NO_OFFICER: OfficerCells = { responsible: '', progress: '' };

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
      /** 'officer': a row the district officer added to the plan by hand (kept by re-runs). */
      source: z.enum(ROW_SOURCES),
      src: RefSchema,
      officer: OfficerSchema,
      /** On a re-run onto a previous plan: found again, new, or added by the officer; null on a first run. */
      status: z.enum(['kept', 'new', 'added']).nullable(),
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
  /**
   * The re-run onto the plan already in --out (null on a first run): rows kept with the officer's columns,
   * new rows, rows the officer added, and rows no input gives any more (sheet ไม่มีในรอบนี้).
   */
  merge: z
    .object({
      sheet: z.string(),
      kept: z.number().int().nonnegative(),
      new: z.number().int().nonnegative(),
      added: z.number().int().nonnegative(),
      vanished: z.array(
        z.object({
          /** The sheet and row that listed it: the previous plan's, or the gone list of an earlier run. */
          sheet: z.string(),
          row: z.number().int().positive(),
          name: z.string(),
          village: z.number().int().nullable(),
          tambon: z.string().nullable(),
          agency: z.string(),
          amount: z.number(),
          source: z.string(),
          remark: z.string(),
          officer: OfficerSchema,
        }),
      ),
    })
    .nullable(),
  /** The copy of the previous --out kept before it was replaced, or null. */
  backup: z.string().nullable(),
});
export type ActionPlanJson = z.infer<typeof ActionPlanJsonSchema>;

/** A row's project, place, agency and amount (null where the row names no village or tambon). */
const project = (r: Pick<ActionRow, 'name' | 'village' | 'tambon' | 'agency' | 'amount'>) => ({
  name: r.name,
  village: r.village ?? null,
  tambon: r.tambon ?? null,
  agency: r.agency,
  amount: r.amount,
});

export function actionPlanJson(plan: ActionPlan, out: string | null = null, backup: string | null = null): ActionPlanJson {
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
      ...project(r),
      side: r.side,
      source: r.source,
      src: r.src,
      officer: r.officer ?? NO_OFFICER,
      status: r.status ?? null,
    })),
    duplicates: plan.duplicates,
    problems: plan.problems,
    merge: plan.merge
      ? {
          ...plan.merge,
          vanished: plan.merge.vanished.map((v) => ({
            sheet: v.sheet ?? plan.merge!.sheet,
            row: v.row,
            ...project(v),
            source: v.source,
            remark: v.remark,
            officer: v.officer,
          })),
        }
      : null,
    backup,
  };
}
