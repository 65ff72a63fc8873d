/**
 * The zod contract of a calendar template (templates.ts): a template edited in the task pane, saved as
 * JSON (localStorage, a file for `oneplan calendar --template FILE`) is read back through it. Its own
 * module: commands that only build from the built-in templates do not load zod (~160 M instructions).
 */
import { z } from 'zod/v4';

export const DeadlineSchema = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  /** Years added to the calendar year (fy + offset). */
  yearShift: z.number().int().default(0),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const CalendarStepSchema = z.object({
  /** Stable id, used by `dependsOn`. */
  id: z.string().min(1),
  /** การดำเนินงาน (headline). */
  title: z.string().min(1),
  /** Bullet lines under the headline ("- …" separated by newlines). */
  detail: z.string().optional(),
  /** หน่วยดำเนินการ. */
  unit: z.string().default(''),
  startMonth: z.number().int().min(1).max(12),
  endMonth: z.number().int().min(1).max(12),
  /** Years added to the calendar year for the start month (default 0). */
  yearShift: z.number().int().default(0),
  /** Years added for the end month; default: the start's, or the next year when endMonth < startMonth. */
  endYearShift: z.number().int().optional(),
  /** An exact date by which the step must be done (e.g. 15 June). */
  deadline: DeadlineSchema.optional(),
  /** หมายเหตุ. */
  note: z.string().default(''),
  /** Ids of earlier steps whose output this step uses. */
  dependsOn: z.array(z.string()).default([]),
});
export type CalendarStep = z.infer<typeof CalendarStepSchema>;
export type CalendarStepInput = z.input<typeof CalendarStepSchema>;

export const CalendarTemplateSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    /** Where the template comes from (letter, date). */
    source: z.string().optional(),
    titleLines: z.array(z.string()).default([]),
    /** Calendar year = fiscal year + yearOffset. */
    yearOffset: z.number().int().min(-10).max(10).default(-2),
    /** First year of some 5-year provincial plan, for {planStart}/{planEnd}. */
    planCycleStart: z.number().int().default(2561),
    planCycleYears: z.number().int().min(1).max(20).default(5),
    steps: z.array(CalendarStepSchema).min(1),
    /** Lines under the table, numbered "หมายเหตุ : ๑. …". */
    notes: z.array(z.string()).default([]),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    t.steps.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['steps', i, 'id'], message: `duplicate step id "${s.id}"` });
      ids.add(s.id);
    });
  });
export type CalendarTemplate = z.infer<typeof CalendarTemplateSchema>;
export type CalendarTemplateInput = z.input<typeof CalendarTemplateSchema>;

/** A readable one-line-per-issue message for a template that does not parse. */
export function templateIssues(e: z.ZodError): string[] {
  return e.issues.map((i) => `${i.path.join('.') || '(template)'}: ${i.message}`);
}

export type TemplateParse = { ok: true; template: CalendarTemplate } | { ok: false; issues: string[] };

/** Parses a template from JSON text or an object (e.g. a file, localStorage). */
export function parseTemplate(input: unknown): TemplateParse {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { ok: false, issues: [`not JSON: ${(e as Error).message}`] };
    }
  }
  const r = CalendarTemplateSchema.safeParse(data);
  return r.success ? { ok: true, template: r.data } : { ok: false, issues: templateIssues(r.error) };
}
