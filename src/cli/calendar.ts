// STUB — replaced by the calendar command's owner.
import type { Io } from './oneplan';

export async function runCalendar(_args: string[], io: Io): Promise<number> {
  io.err('oneplan calendar: not implemented yet\n');
  return 2;
}
