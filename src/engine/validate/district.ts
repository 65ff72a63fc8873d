/**
 * A district needs table before it goes to the province: every need ranked once (ลำดับความสำคัญของอำเภอ),
 * and the ก.บ.อ. meeting that passed it recorded in its title block (one-plan-process.md, the seeds' rules).
 */
import type { PlanSheet } from '../plan';
import { thaiToArabic } from '../thai';
import { isApprovalLine, parseApprovalLine } from '../approval';
import type { FindingCode, FindingDetails } from '../findings';

type Add = <C extends FindingCode>(code: C, details: FindingDetails<C>, row: number | null, col: number | null, field?: string) => void;

/** A province's table (แผนความต้องการของจังหวัด…) answers to ก.บ.จ., not ก.บ.อ. */
const isProvinceTable = (plan: PlanSheet): boolean => plan.titles.slice(0, 6).some((t) => /แผนความต้องการ(ของ)?\s*(จังหวัด|จ\.)/.test(t.text));

export function checkDistrictNeeds(plan: PlanSheet, add: Add): void {
  if (plan.kind !== 'district-needs' || !plan.blocks.length) return;
  if (!isProvinceTable(plan) && !plan.titles.some((t) => parseApprovalLine(t.text))) {
    const line = plan.titles.find((t) => isApprovalLine(t.text));
    add('approval-missing', {}, line?.row ?? 0, line?.col ?? 0);
  }
  for (const block of plan.blocks) {
    const f = block.columns.fields;
    // The table's own rank column; a hand-made table may have only ลำดับความสำคัญ.
    const col = f.sourcePriority ?? f.priority;
    if (col === undefined) {
      add('priority-missing', { noColumn: true }, block.headerRows[0], null, 'priority');
      continue;
    }
    const seen = new Map<number, number>();
    for (const p of block.projects) {
      if (p.afterTotal || !p.name) continue;
      const written = (f.sourcePriority !== undefined ? (p.sourcePriority ?? '') : p.priority).trim();
      const n = /^\d+(\.\d+)?$/.test(thaiToArabic(written)) ? parseFloat(thaiToArabic(written)) : NaN;
      if (!Number.isFinite(n)) {
        add('priority-missing', written ? { written } : {}, p.row, col, 'priority');
        continue;
      }
      const other = seen.get(n);
      if (other !== undefined) add('priority-duplicate', { rank: n, otherRow: other + 1 }, p.row, col, 'priority');
      else seen.set(n, p.row);
    }
  }
}
