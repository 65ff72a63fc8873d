// STUB — replaced by the xlsx writer (helper A). Signature is the contract.
import type { OutWorkbook } from '../engine/output';

export function writeXlsx(_wb: OutWorkbook): Uint8Array {
  throw new Error('writeXlsx not implemented yet');
}
