/**
 * `oneplan calendar --json`: the built calendar as JSON, and its zod contract (published in docs/schemas).
 * Its own module, so that building a calendar does not load zod.
 */
import { z } from 'zod/v4';
import { WARNING_CODES, type BuiltCalendar } from './build';

/** The `--json` shape: `{ steps: [{ no, title, unit, start, end, label, … }], warnings }`. */
export const CalendarJsonSchema = z.object({
  fiscalYear: z.number().int(),
  template: z.string(),
  calendarYear: z.number().int(),
  steps: z.array(
    z.object({
      no: z.number().int(),
      title: z.string(),
      unit: z.string(),
      /** 'YYYY-MM' (B.E.). */
      start: z.string().regex(/^\d{4}-\d{2}$/),
      end: z.string().regex(/^\d{4}-\d{2}$/),
      label: z.string(),
      /** B.E. 'YYYY-MM-DD'. */
      deadline: z.string().optional(),
      deadlineText: z.string().optional(),
      note: z.string().optional(),
      dependsOn: z.array(z.number().int()).optional(),
    }),
  ),
  warnings: z.array(z.object({ code: z.enum(WARNING_CODES), step: z.number().int(), message: z.string(), messageEn: z.string() })),
});
export type CalendarJson = z.infer<typeof CalendarJsonSchema>;

export function calendarJson(cal: BuiltCalendar): CalendarJson {
  return {
    fiscalYear: cal.fiscalYear,
    template: cal.templateId,
    calendarYear: cal.calendarYear,
    steps: cal.steps.map((s) => ({
      no: s.no,
      title: s.title,
      unit: s.unit,
      start: s.start,
      end: s.end,
      label: s.label,
      ...(s.deadline ? { deadline: s.deadline.date, deadlineText: s.deadline.text } : {}),
      ...(s.note ? { note: s.note } : {}),
      ...(s.dependsOn.length ? { dependsOn: s.dependsOn } : {}),
    })),
    warnings: cal.warnings,
  };
}
