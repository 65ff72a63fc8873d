// STUB — replaced by the consolidate command's owner.
import type { Io } from './oneplan';

export async function runConsolidate(_args: string[], io: Io): Promise<number> {
  io.err('oneplan consolidate: not implemented yet\n');
  return 2;
}
