// STUB — replaced by Validate (main developer). Builds the report workbook/sheet the add-in writes.
import type { OutWorkbook } from '../output';
import type { WorkbookReport } from './findings';

export function reportWorkbook(_reports: WorkbookReport[], _lang: 'th' | 'en' = 'th'): OutWorkbook {
  return { sheets: [] };
}
