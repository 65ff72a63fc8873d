/** Who was expected to send and who did (roster.ts), by the calendar's due date for the run's level (expected.ts). */
import { thaiDateOf } from '../calendar/thai';
import { calendarDue } from './expected';
import { sendersOf } from './roster';
import type { ConsolidateOptions, InputReport, SendersReport } from './types';

export function sendersReport(opts: ConsolidateOptions, reports: readonly InputReport[]): SendersReport | undefined {
  if (!opts.expected) return undefined;
  // A province alone reads its districts' tables: they send by the calendar's step for districts.
  const today = opts.today ?? thaiDateOf(new Date());
  const due = opts.due ?? calendarDue(opts.province && !opts.district ? 'district' : 'tambon', today);
  return sendersOf(opts.expected, reports, opts.skipped, { due, today });
}
