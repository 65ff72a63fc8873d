/**
 * The district's development plan (แผนพัฒนาอำเภอ): every need must be in it before the list goes to the
 * province (rayong-2564, samutsongkhram-2562). A need it lacks is flagged, never dropped or left out
 * of the totals; a possible match says so instead (still not counted as in the plan until the officer checks).
 */
import { intern, type Candidate } from './extract';
import { provenanceMention } from './provenance';
import type { References } from './duplicates';
import type { ConsolidateResult, InputReport, NeedsItem } from './types';
import { itemWith } from './item-copy';

export interface DistrictPlanCheck extends Pick<ConsolidateResult, 'districtPlan' | 'notInDistrictPlan'> {
  /** The needs, in the same order; with a plan, each a copy that says whether the plan holds it. */
  items: readonly NeedsItem[];
}

/** `at`: the index in `items` of each group root's need; `refs`: the plan's rows alike to each need (duplicates.ts). */
export function checkDistrictPlan(
  reports: readonly InputReport[],
  cands: readonly Candidate[],
  items: readonly NeedsItem[],
  at: ReadonlyArray<number | undefined>,
  refs: References,
): DistrictPlanCheck {
  const planSheets = reports.flatMap((rep) => rep.sheets.filter((s) => s.kind === 'district-plan'));
  if (!planSheets.length) return { items, districtPlan: null, notInDistrictPlan: [] };
  const districtPlan = { sheets: planSheets.length, projects: planSheets.reduce((n, s) => n + s.projects, 0) };
  const inPlan = new Set<number>();
  const maybe = new Map<number, string>();
  for (const [r, rows] of refs) {
    const k = at[r];
    if (k === undefined) continue;
    const sorted = [...rows.entries()].sort((x, y) => x[0] - y[0]);
    if (sorted.some(([, m]) => m.confidence !== 'possible')) inPlan.add(k);
    else maybe.set(k, `อาจมีในแผนพัฒนาอำเภอ (${provenanceMention(cands[sorted[0][0]].src)}) โปรดตรวจสอบ`);
  }
  const lacking = intern('ไม่มีในแผนพัฒนาอำเภอ: ต้องบรรจุในแผนพัฒนาอำเภอก่อนส่งจังหวัด');
  const checked = items.map((it, k) =>
    inPlan.has(k)
      ? itemWith(it, { inDistrictPlan: true })
      : itemWith(it, { inDistrictPlan: false, remarks: [...it.remarks, maybe.get(k) ?? lacking] }),
  );
  return { items: checked, districtPlan, notInDistrictPlan: checked.filter((it) => !it.inDistrictPlan).map((it) => it.id) };
}
