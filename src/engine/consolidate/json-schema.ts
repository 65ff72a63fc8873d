/**
 * The zod contract of `oneplan consolidate --json` (json.ts makes the JSON), published in docs/schemas.
 * Its own module: a consolidation, its JSON included, does not load zod.
 */
import { z } from 'zod/v4';
import { FORM_KINDS } from '../plan';
import { MATCH_STATUSES } from '../strategy/model';
import { UNMATCHED_DECISION_REASONS } from './types';
import { ROUTES } from '../classification';
import { SKIP_REASONS } from './skipped';
import { PlaceCodesSchema } from '../places/schema';
import { DECISION_KINDS } from './decision';
import { FileErrorCodeSchema } from '../file-error-schema';

/** The province's decision (ผลการพิจารณาของจังหวัด): its kind, what it names, the officer's note and the cell as written. */
const DecisionSchema = z.object({
  kind: z.enum(DECISION_KINDS),
  agency: z.string().optional(),
  amount: z.number().optional(),
  year: z.number().int().optional(),
  note: z.string(),
  text: z.string(),
});

/** A file that could not be read (types.ts InputError); the action plan's JSON reports its inputs with it too. */
export const InputErrorSchema = z.object({ code: FileErrorCodeSchema, message: z.string(), messageEn: z.string() });
const SourceSchema = z.object({ file: z.string(), sheet: z.string(), row: z.number().int().positive() });
/** Year → baht. */
const BudgetsSchema = z.record(z.string(), z.number());

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
        objective: z.string(),
        target: z.string(),
        /** The district's rank (ลำดับความสำคัญของอำเภอ; in a province's table, the province's), or null when blank. */
        priority: z.number().nullable(),
        /** The source's own rank as written ('' when none): a tambon's, or a district's read by the province. */
        sourcePriority: z.string(),
        /** pao: beyond the อปท.'s capacity → อบจ.; agency: a government agency's duty; province: to ก.บ.จ. */
        route: z.enum(ROUTES),
        /** "อำเภอเมือง": --district at the district, each need's own district in a province's roll-up. */
        district: z.string().nullable(),
        /** Whether the district's development plan holds the need; null when none was given. */
        inDistrictPlan: z.boolean().nullable(),
        /** The officer's note (บันทึกของอำเภอ), kept across re-runs. */
        officerNote: z.string(),
        /** On a re-run onto an existing table: a need it did not have, or one it had. */
        status: z.enum(['new', 'kept']).optional(),
        sources: z.array(SourceSchema),
        strategy: z.string().nullable(),
        strategyText: z.string().nullable(),
        village: z.number().nullable(),
        tambon: z.string().nullable(),
        /** Where the need is, as the gazetteer's DOPA codes (absent when no place is known). */
        place: PlaceCodesSchema.optional(),
        agency: z.string(),
        /** The proposing อปท. / tambon, when known. */
        proposer: z.string().optional(),
        budgets: z.record(z.string(), z.number()),
        /**
         * Budget lines written under the project's row ("จุดที่ 2"), each with its row in the kept source
         * (sources[0]) and its amounts: already counted in `budgets`. Absent when the project has none.
         */
        parts: z.array(z.object({ name: z.string(), row: z.number().int().positive(), budgets: BudgetsSchema })).optional(),
        inTotals: z.boolean(),
        remarks: z.array(z.string()),
        /**
         * ยอดไม่ตรงกัน: the merged sources ask different amounts or years. `sources` in the counting order
         * (the item's sources), each with what it asks; `counted` (1-based) is the one in the totals, chosen
         * by the rule or named by the officer in the table's แหล่งที่นับยอด column.
         */
        conflict: z
          .object({
            counted: z.number().int().positive(),
            by: z.enum(['rule', 'officer']),
            rule: z.string(),
            sources: z.array(SourceSchema.extend({ proposer: z.string().optional(), budgets: BudgetsSchema })),
          })
          .optional(),
        /** The province's decision, when its officer wrote one (kept across re-runs; carried back into the district's table). */
        decision: DecisionSchema.optional(),
      }),
    ),
  }),
  duplicates: z.array(
    z.object({
      confidence: z.enum(['exact', 'likely', 'possible']),
      merged: z.boolean(),
      localPlan: z.boolean(),
      similarity: z.number(),
      /** A merged group whose sources disagree on amount or year (the need's `conflict`). */
      conflict: z.boolean().optional(),
      items: z.array(SourceSchema.extend({ name: z.string(), localPlan: z.boolean().optional(), budgets: BudgetsSchema.optional() })),
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
  /** "อำเภอเมือง" (--district, or the previous table's title). */
  district: z.string().nullable(),
  /** ก.บ.อ. approval: meeting "3/2568", date as B.E. "2568-05-15"; null when not recorded. */
  approval: z.object({ meeting: z.string(), date: z.string() }).nullable(),
  /** A district development plan among the inputs: its sheets, projects, and how many needs it lacks; else null. */
  districtPlan: z.object({ sheets: z.number().int(), projects: z.number().int(), notIn: z.number().int() }).nullable(),
  /**
   * With --expect: the roster's names by status. `unreadable`: sent, but unusable (ส่งมาแล้วแต่ใช้ไม่ได้): no plan
   * sheet of theirs was read; `entries` say why, per name in roster order.
   */
  senders: z
    .object({
      expected: z.array(z.string()),
      received: z.array(z.string()),
      unreadable: z.array(z.string()),
      missing: z.array(z.string()),
      entries: z.array(
        z.object({
          name: z.string(),
          status: z.enum(['received', 'unreadable', 'missing']),
          files: z.array(z.string()),
          reason: z.string().optional(),
          reasonEn: z.string().optional(),
          /** When the plan is due: B.E. "2569-02-28" (--due, else the calendar's step); null when no date. */
          due: z.string().nullable(),
          /** Days past the due date as of the run, for an entry without a usable plan (0 before it); else null. */
          daysLate: z.number().int().nullable(),
        }),
      ),
    })
    .optional(),
  /** Files a folder scan left out (.xls, Word, sub-folders, other types, temporary files), each with why. */
  skipped: z.array(z.object({ file: z.string(), reason: z.enum(SKIP_REASONS), message: z.string(), messageEn: z.string() })),
  /** When --out was an existing needs table: needs kept (with the officer's rank, route, note), new, and vanished. */
  merge: z
    .object({
      sheet: z.string(),
      kept: z.number().int(),
      new: z.number().int(),
      vanished: z.array(z.object({ name: z.string(), rank: z.number().nullable(), row: z.number().int(), source: z.string() })),
    })
    .optional(),
  /**
   * The province's returned table among a district's inputs: its files, how many needs received a
   * decision, and the decisions that match no need (sheet ผลการพิจารณาที่ไม่พบรายการ).
   */
  returned: z
    .object({
      files: z.array(z.string()),
      applied: z.number().int().nonnegative(),
      unmatched: z.array(
        SourceSchema.extend({
          name: z.string(),
          village: z.number().nullable(),
          tambon: z.string().nullable(),
          district: z.string().nullable(),
          sources: z.array(z.string()),
          decision: DecisionSchema,
          /** Why it was put on no need: none fits, its need already has a decision, several needs fit. */
          reason: z.enum(UNMATCHED_DECISION_REASONS),
          message: z.string(),
          messageEn: z.string(),
        }),
      ),
    })
    .optional(),
  /** The .xlsx written, or null. */
  output: z.string().nullable(),
});
export type ConsolidateJson = z.infer<typeof ConsolidateJsonSchema>;
