/**
 * The province's decisions carried back into the district's own table. The province returns its needs
 * table (or the part `split --by district` made of it) with ผลการพิจารณาของจังหวัด filled; consolidated
 * with the district's inputs, each decision goes onto the district's need it is about — by provenance
 * (the province row's ที่มา names the district table's row, or one of the need's own sources), else by
 * name and place — and nothing else of the district's row changes. Decisions that match no need are
 * listed, never dropped. The returned rows are never new needs.
 */
import type { SheetModel } from '../model';
import type { PlanSheet } from '../plan';
import { bareDistrictName, parseTambon, parseVillage, sameDistrict, type PlaceCodes } from '../places';
import { parseDecision } from './decision';
import { matchReturned } from './returned-match';
import { replaceItems, itemsOf } from './order';
import type { Candidate } from './extract';
import type { ItemVerdict } from './verdicts';
import type { Rows } from './rows';
import type { InputReport, IssueGroup, NeedsItem, PreviousRow, ReturnedDecision, ReturnedReport } from './types';

/** The rows of a province's table that carry a decision. */
export function returnedDecisions(sheet: SheetModel, plan: PlanSheet, file: string): ReturnedDecision[] {
  const out: ReturnedDecision[] = [];
  for (const b of plan.blocks) {
    const sourceCol = b.columns.fields.source;
    for (const p of b.projects) {
      const decision = parseDecision(p.decision);
      if (!decision || !p.name.trim()) continue;
      const cell = sourceCol === undefined ? '' : (sheet.rows[p.row]?.[sourceCol]?.w ?? '');
      out.push({
        file,
        sheet: sheet.name,
        row: p.row + 1,
        name: p.name,
        village: parseVillage(p.village),
        tambon: parseTambon(p.tambon),
        ...(p.district?.trim() ? { district: p.district.trim() } : {}),
        sources: cell
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        decision,
      });
    }
  }
  return out;
}

/**
 * At a district: the province's returned rows are no new needs. The candidates without them (numbered
 * again: a renumbered one is a copy), the returned files' reports saying so (copies).
 */
export function setAsideProvinceRows(rows: Rows): Rows {
  const cands: Candidate[] = [];
  const verdicts: Array<ItemVerdict | undefined> = [];
  rows.cands.forEach((c, i) => {
    if (c.fromProvince) return;
    verdicts[cands.length] = rows.verdicts?.[i];
    cands.push(c.seq === cands.length ? c : { ...c, seq: cands.length });
  });
  const reports = rows.reports.map((rep) =>
    rep.returned
      ? {
          ...rep,
          taken: 0,
          note: `ผลการพิจารณาของจังหวัด ${rep.returned.length} รายการ: นำกลับใส่ตารางของอำเภอ (ไม่นับเป็นความต้องการใหม่)`,
          noteEn: `The province's decisions (${rep.returned.length}): carried back into the district's table (not new needs)`,
          sheets: rep.sheets.map((s) => (s.kind === 'district-needs' ? { ...s, taken: 0 } : s)),
        }
      : rep,
  );
  return { reports, cands, verdicts };
}

/** The table with the province's decisions on its needs (a need that received one is a copy). */
export interface ReturnedTable {
  groups: IssueGroup[];
  returned: ReturnedReport;
}

/**
 * Puts the returned decisions onto the table's needs. `district` is the table's, `place` the run's
 * (its province), `previousRow` each need's row in the district's previous table (merge.ts),
 * `previousSheet` that table's sheet.
 */
export function applyReturned(
  groups: readonly IssueGroup[],
  district: string | undefined,
  place: PlaceCodes,
  returned: readonly InputReport[],
  previousRow: ReadonlyMap<NeedsItem, PreviousRow>,
  previousSheet: string | undefined,
): ReturnedTable {
  // Another district's rows of a whole province's table are not this district's business. One district
  // by the gazetteer: the province's "อ.เมือง" is the district's อำเภอเมืองสุราษฎร์ธานี.
  const bare = (d: string): string => bareDistrictName(d).replace(/\s+/g, '');
  const ours = (d: ReturnedDecision): boolean =>
    !district || !d.district || bare(d.district) === bare(district) || sameDistrict(d.district, district, place);
  const all = returned.flatMap((rep) => (rep.returned ?? []).filter(ours));
  const { given, unmatched } = matchReturned(itemsOf(groups), all, previousRow, previousSheet);
  const decided = new Map(given.map((g): [NeedsItem, NeedsItem] => [g.item, { ...g.item, decision: g.decision.decision }]));
  return { groups: replaceItems(groups, decided), returned: { files: returned.map((rep) => rep.file), applied: given.length, unmatched } };
}
