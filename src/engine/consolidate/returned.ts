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
import { parseTambon, parseVillage } from '../places';
import { parseDecision } from './decision';
import { matchReturned } from './returned-match';
import type { ConsolidateResult, InputReport, NeedsItem, PreviousRow, ReturnedDecision, ReturnedReport } from './types';

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
 * Puts the returned decisions onto the result's needs, in place. `previousRow` is each need's row in the
 * district's previous table (merge.ts), `previousSheet` that table's sheet.
 */
export function applyReturned(
  r: ConsolidateResult,
  returned: readonly InputReport[],
  previousRow: ReadonlyMap<NeedsItem, PreviousRow>,
  previousSheet: string | undefined,
): ReturnedReport {
  // Another district's rows of a whole province's table are not this district's business.
  const bare = (d: string | undefined): string => (d ?? '').replace(/^(อำเภอ|อ\.)/, '').replace(/\s+/g, '');
  const ours = (d: ReturnedDecision): boolean => !r.district || !d.district || bare(d.district) === bare(r.district);
  const all = returned.flatMap((rep) => (rep.returned ?? []).filter(ours));
  const { given, unmatched } = matchReturned(r.items, all, previousRow, previousSheet);
  for (const g of given) g.item.decision = g.decision.decision;
  return { files: returned.map((rep) => rep.file), applied: given.length, unmatched };
}
