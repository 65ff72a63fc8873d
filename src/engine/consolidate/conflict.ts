/**
 * Disagreeing duplicates (ยอดไม่ตรงกัน): rows judged one need that ask different amounts or years.
 * The table counts one of them by a stated rule that does not depend on the order files came in, shows
 * every source's amounts and years in the row, and the officer can name another source in the
 * needs table's แหล่งที่นับยอด column (kept across re-runs by merge.ts).
 *
 * The counting order: the อปท.'s adopted plan (ผ.02/2) first, then a district's needs table (at the
 * province), a tambon plan, a village plan; between sources of one level, the one whose file name sorts
 * first (then sheet, row: the canonical input order, index.ts inputOrder).
 */
import type { FormKind } from '../plan';
import { formatAmount, thaiToArabic } from '../thai';
import type { NeedsItem, SourceRef } from './types';
import { provenanceKey } from './provenance';
import { itemWith } from './item-copy';

/** The marker of a need whose sources disagree: in its remarks, and what validate looks for. */
export const CONFLICT_TH = 'ยอดไม่ตรงกัน';

/** The remark's words when the officer named the source (validate then has nothing to ask, one level up too). */
export const BY_OFFICER_TH = 'ตามที่อำเภอระบุ';

export const COUNTING_RULE_TH =
  'นับยอดตามแผนของ อปท. (ผ.02/2) ก่อนแผนความต้องการอำเภอ แผนพัฒนาตำบล และแผนพัฒนาหมู่บ้าน ระดับเดียวกันนับแหล่งที่ชื่อไฟล์เรียงก่อน';
export const COUNTING_RULE_EN =
  "Counted: the local authority's adopted plan (ผ.02/2) before a district's needs table, a tambon plan and a village plan; between sources of one level, the file whose name sorts first";

const LEVEL: Partial<Record<FormKind, number>> = { 'local-plan-beyond': 0, 'district-needs': 1, 'tambon-plan': 2, 'village-plan': 3 };
const LEVEL_TH: Partial<Record<FormKind, string>> = {
  'local-plan-beyond': 'ผ.02/2',
  'district-needs': 'แผนความต้องการ',
  'tambon-plan': 'แผนพัฒนาตำบล',
  'village-plan': 'แผนพัฒนาหมู่บ้าน',
};

/** The counting order of two rows of one need (`seq`: their place in the canonical input order). */
export function countingOrder(a: { src: SourceRef; seq: number }, b: { src: SourceRef; seq: number }): number {
  return (LEVEL[a.src.kind] ?? 9) - (LEVEL[b.src.kind] ?? 9) || a.seq - b.seq;
}

/** The years with an amount and the amounts, as one comparable string ("2567:2500000;"). */
function askKey(b: Record<number, number>): string {
  let k = '';
  for (const y of Object.keys(b).sort()) if (b[Number(y)]) k += `${y}:${b[Number(y)]};`;
  return k;
}

/** Whether the sources' amounts or years differ (a nil year is no year). */
export function disagree(budgets: ReadonlyArray<Record<number, number>>): boolean {
  const first = askKey(budgets[0]);
  return budgets.some((b) => askKey(b) !== first);
}

/** "ปี 2567 2,500,000 บาท": what one source asks. */
export function askText(b: Record<number, number>): string {
  const parts = Object.keys(b)
    .sort()
    .filter((y) => b[Number(y)])
    .map((y) => `ปี ${y} ${formatAmount(b[Number(y)])} บาท`);
  return parts.length ? parts.join(', ') : 'ไม่ระบุงบประมาณ';
}

/** The row's remark: every source with its amounts and years, which one counts and why. */
export function conflictRemark(it: NeedsItem): string {
  const c = it.conflict!;
  const list = it.sources
    .map((s, k) => `(${k + 1}) ${s.organisation ?? s.file} ${LEVEL_TH[s.kind] ?? s.kind} ${askText(c.budgets[k])} [${provenanceKey(s)}]`)
    .join('; ');
  const why = c.by === 'officer' ? BY_OFFICER_TH : `ตามหลัก: ${COUNTING_RULE_TH}; เลือกแหล่งอื่นได้ในคอลัมน์ "แหล่งที่นับยอด"`;
  return `${CONFLICT_TH}: ${list} — นับยอดแหล่ง (${c.counted}) ${why}`;
}

/** The source number an officer wrote ("2", "๒", "(2)"), or null when none or out of range. */
export function parseCountedSource(text: string | undefined, sources: number): number | null {
  const m = /\d+/.exec(thaiToArabic(text ?? ''));
  const n = m ? Number(m[0]) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= sources ? n : null;
}

/** The need counting the source the officer named: its amounts become the item's, its remark says so (a copy). */
export function countSource(it: NeedsItem, n: number): NeedsItem {
  const old = conflictRemark(it);
  const counted = itemWith(it, { conflict: { ...it.conflict!, counted: n, by: 'officer' }, budgets: it.conflict!.budgets[n - 1] });
  const k = it.remarks.indexOf(old);
  if (k >= 0) counted.remarks = it.remarks.map((r, i) => (i === k ? conflictRemark(counted) : r));
  return counted;
}
