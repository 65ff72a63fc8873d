/**
 * The zod contract of a province's list of development issues (model.ts: its types are these schemas'
 * types), checked where a list is read (read.ts, the task pane). Its own module: matching does not load zod.
 */
import { z } from 'zod/v4';

export const StrategyIssueSchema = z.object({
  /** Issue number as written, Arabic digits: "1", "2" (a province may use "1.1" for sub-issues). */
  code: z.string().min(1),
  name: z.string().min(1),
  /** เป้าประสงค์ */
  goals: z.string().optional(),
  /** แนวทางการพัฒนา / กลยุทธ์ */
  approaches: z.string().optional(),
  /** คำสำคัญ: extra words that signal the issue (official or added by the officer). */
  keywords: z.array(z.string()).optional(),
});

export const StrategyListSchema = z.object({
  province: z.string().optional(),
  /** Plan period as written, e.g. "2566-2570". */
  period: z.string().optional(),
  issues: z.array(StrategyIssueSchema).min(1),
});
