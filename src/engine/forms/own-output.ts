/**
 * OnePlan's own outputs, recognised by what they hold (never by sheet names, which officers rename):
 * the needs summary (counts and budgets per year under a "สรุป…แผนความต้องการ" title), and the sheets
 * that list rows of other workbooks (duplicates, sources, validation and match reports: a header
 * with file, sheet and row or cell columns), which hold no projects of their own.
 */
import type { SheetModel } from '../model';
import type { ContextLine, PlanSheet } from '../plan';
import { flatText } from '../thai';
import type { KindReason, KindRule, SheetSigns } from './kind-rule';

/** Rows searched for a header (title blocks above it are short). */
const HEAD_ROWS = 12;

const cellTexts = (sheet: SheetModel, r: number): string[] =>
  Array.from(sheet.rows[r] ?? [], (c) => (c && c.t === 's' ? flatText(c.w).replace(/\s+/g, '') : ''));

/** A header naming the file, the sheet or the row (or cell) — two of them — of what each line refers to. */
export function listsRowsOfOtherFiles(sheet: SheetModel): boolean {
  for (let r = 0; r < Math.min(sheet.rows.length, HEAD_ROWS); r++) {
    const texts = new Set(cellTexts(sheet, r));
    const file = texts.has('ไฟล์') || texts.has('File');
    const where = texts.has('ชีต') || texts.has('Sheet');
    const row =
      texts.has('แถว') || texts.has('เซลล์') || texts.has('Row') || texts.has('Cell') || [...texts].some((t) => t.startsWith('ชีต('));
    // Two of the three: the match report names sheet and row (its files were given on the command line).
    if (Number(file) + Number(where) + Number(row) >= 2) return true;
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

/**
 * OnePlan's action plan: its title over a header with the one provenance column it writes
 * (action-plan/sheet.ts); an officer's own action plan has no such column and is read as a plan.
 */
export function isActionPlan(sheet: SheetModel, titles: ContextLine[]): boolean {
  if (!titles.slice(0, 4).some((t) => /แผนปฏิบัติการประจำปีของ\s*อำเภอ/.test(t.text))) return false;
  for (let r = 0; r < Math.min(sheet.rows.length, HEAD_ROWS); r++) if (cellTexts(sheet, r).includes('ที่มา(ไฟล์/ชีต/แถว)')) return true;
  return false;
}

/** Evidence for OnePlan's own output sheets (forms/recognise.ts runs these first). */
export const OWN_OUTPUT_RULES: KindRule[] = [
  {
    kind: 'action-plan',
    name: 'action-plan',
    test: (s) =>
      isActionPlan(s.sheet, s.titles)
        ? {
            th: 'แผนปฏิบัติการประจำปีของอำเภอที่ OnePlan ทำ (มีคอลัมน์ที่มาของทุกแถว)',
            en: "OnePlan's district action plan (a provenance column on every row)",
          }
        : undefined,
  },
  {
    kind: 'needs-summary',
    name: 'needs-summary',
    test: (s) =>
      !s.blocks.length && isNeedsSummary(s.sheet, s.titles)
        ? { th: 'บัญชีสรุปแผนความต้องการ: จำนวนโครงการและงบประมาณรายปี', en: 'needs summary: project counts and budgets per year' }
        : undefined,
  },
];

/** Not a plan whatever its title says: a list of rows of other files (recogniseKind asks before any rule). */
export function rowListReason(s: SheetSigns): KindReason | undefined {
  return listsRowsOfOtherFiles(s.sheet) ? ROW_LIST : undefined;
}

/** The reason given to a sheet listing rows of other files (one object: `isKnownDocument` compares it). */
const ROW_LIST = {
  th: 'รายการที่อ้างถึงแถวของไฟล์อื่น (คอลัมน์ ไฟล์ / ชีต / แถว) ไม่ใช่แผนที่มีรายการโครงการ',
  en: 'a list referring to rows of other files (file / sheet / row columns), not a plan with project rows',
} as const;

/**
 * Sheets recognised as documents that are not plans but are known for what they are: a calendar, a
 * list of development issues, a needs summary, a list of rows of other files (OnePlan's reports).
 * A workbook made only of these was looked at and understood: not "nothing checked".
 */
export function isKnownDocument(plan: Pick<PlanSheet, 'kind' | 'kindReason'>): boolean {
  return (
    plan.kind === 'calendar' ||
    plan.kind === 'strategies' ||
    plan.kind === 'needs-summary' ||
    plan.kind === 'action-plan' ||
    plan.kindReason === ROW_LIST
  );
}
