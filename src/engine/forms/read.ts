// STUB — replaced by form recognition (main developer). Signature is the contract.
import type { SheetModel } from '../model';
import type { PlanSheet } from '../plan';

export interface ReadPlanOptions {
  /** Officer's manual column mapping for this sheet (field → column letter). */
  columnMapping?: Record<string, string>;
}

export function readPlanSheet(sheet: SheetModel, _opts: ReadPlanOptions = {}): PlanSheet {
  return { name: sheet.name, kind: 'other', titles: [], blocks: [], projects: [] };
}
