// STUB — replaced by Validate (main developer). Signature is the contract.
import type { WorkbookModel } from '../model';
import type { WorkbookReport } from './findings';

export interface ValidateOptions {
  /** Provincial development issues, when the officer gave a strategy list. */
  strategies?: Array<{ code: string; name: string }>;
}

export function validateWorkbook(wb: WorkbookModel, _opts: ValidateOptions = {}): WorkbookReport {
  return { file: wb.name, ok: true, sheets: [] };
}
