/**
 * Validation findings: one typed union of kinds (like frictionless's errors), each on a cell.
 * The zod schema is the contract with the UI, the CLI's --json and the report sheet.
 */
import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_CODES = [
  'required-column-missing',
  'project-name-missing',
  'budget-not-number',
  'budget-negative',
  'budget-as-text',
  'year-outside-period',
  'total-mismatch',
  'count-mismatch',
  'duplicate-project',
  'unit-missing',
  'agency-missing',
  'objective-missing',
  'target-missing',
  'kpi-missing',
  'link-missing',
  'link-unknown',
  'summary-mismatch',
  'formula-error',
  'stray-spaces',
  'rows-after-total',
  'no-projects',
  'sheet-too-large',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** A safe fix, applied only when the officer clicks it: write `value` into the cell. */
export const FixSchema = z.object({
  row: z.number().int().positive(),
  column: z.string(),
  value: z.union([z.number(), z.string()]),
  label: z.string(),
  labelEn: z.string(),
});
export type Fix = z.infer<typeof FixSchema>;

export const FindingSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(SEVERITIES),
  /** Thai message (the default language). */
  message: z.string(),
  messageEn: z.string(),
  sheet: z.string(),
  /** 1-based sheet row, or null for a finding on the whole sheet. */
  row: z.number().int().positive().nullable(),
  /** Column letter, or null. */
  column: z.string().nullable(),
  field: z.string().optional(),
  fix: FixSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const SheetReportSchema = z.object({
  name: z.string(),
  kind: z.string(),
  formCode: z.string().optional(),
  projects: z.number().int().nonnegative(),
  totals: z.record(z.string(), z.number()),
  /** Where the fields were found (field → column letter; budget years as "budget:2567"), first table. */
  columns: z.record(z.string(), z.string()).optional(),
  findings: z.array(FindingSchema),
});
export type SheetReport = z.infer<typeof SheetReportSchema>;

export const WorkbookReportSchema = z.object({
  file: z.string(),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  sheets: z.array(SheetReportSchema),
});
export type WorkbookReport = z.infer<typeof WorkbookReportSchema>;
