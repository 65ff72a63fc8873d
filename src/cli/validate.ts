// STUB — replaced by the validate command's owner.
import type { Io } from './oneplan';

export async function runValidate(_args: string[], io: Io): Promise<number> {
  io.err('oneplan validate: not implemented yet\n');
  return 2;
}
