/**
 * OnePlan's own outputs, recognised by what they hold (never by sheet names, which officers rename):
 * the needs summary (counts and budgets per year under a "สรุป…แผนความต้องการ" title), and the sheets
 * that list rows of other workbooks (duplicates, sources, validation and match reports: a header
 * with file, sheet and row or cell columns), which hold no projects of their own.
 */
import type { SheetModel } from '../model';
import type { ContextLine } from '../plan';
import { flatText } from '../thai';

/** Rows searched for a header (title blocks above it are short). */
const HEAD_ROWS = 12;

const cellTexts = (sheet: SheetModel, r: number): string[] =>
  Array.from(sheet.rows[r] ?? [], (c) => (c && c.t === 's' ? flatText(c.w).replace(/\s+/g, '') : ''));

/** A header naming the file, the sheet and the row (or cell) of what each line refers to. */
export function listsRowsOfOtherFiles(sheet: SheetModel): boolean {
  for (let r = 0; r < Math.min(sheet.rows.length, HEAD_ROWS); r++) {
    const texts = new Set(cellTexts(sheet, r));
    const file = texts.has('ไฟล์') || texts.has('File');
    const where = texts.has('ชีต') || texts.has('Sheet');
    const row = texts.has('แถว') || texts.has('เซลล์') || texts.has('Row') || texts.has('Cell') || [...texts].some((t) => t.startsWith('ชีต('));
    if (file && (where || row)) return true;
  }
  return false;
}

/** A summary of needs: a "สรุป … แผนความต้องการ" title over a header of project counts and budgets. */
export function isNeedsSummary(sheet: SheetModel, titles: ContextLine[]): boolean {
  if (!titles.slice(0, 4).some((t) => /สรุป.*แผนความต้องการ/.test(t.text))) return false;
  for (let r = 0; r < Math.min(sheet.rows.length, HEAD_ROWS); r++) {
    const texts = cellTexts(sheet, r);
    if (texts.includes('จำนวนโครงการ') && texts.some((t) => t.startsWith('งบประมาณ'))) return true;
  }
  return false;
}
