/**
 * Re-running keeps the officer's work. A late file arrives after the officer ranked, routed and annotated
 * the needs table, and the table is built again: for every need still present the officer's rank,
 * route and note are kept, new needs are marked new (ranked after the officer's last rank, in the
 * default order), and needs that are gone are listed. The ก.บ.อ. approval and the district name in the
 * title block are kept too.
 *
 * When a need's sources disagree (ยอดไม่ตรงกัน), the source the officer named in แหล่งที่นับยอด is counted.
 *
 * A need is the same need when its name and first source (file / sheet / row) are the same, else when its
 * name, village and tambon are (a file sent again with a row inserted above it).
 */
import type { SheetModel, WorkbookModel } from '../model';
import { readPlanSheet } from '../forms/read';
import { parseRoute } from '../classification';
import { parseApprovalLine } from '../approval';
import { compactThai } from '../normalise';
import { parseTambon, parseVillage } from '../places';
import { thaiToArabic } from '../thai';
import type { IssueGroup, MergeReport, NeedsItem, PreviousRow, PreviousTable } from './types';
import { byRank, itemsOf } from './order';
import { unitOfNeedsSheet } from './extract';
import { countSource, parseCountedSource } from './conflict';
import { parseDecision } from './decision';
import { provenanceKey } from './provenance';
import { itemWith } from './item-copy';

function cellText(sheet: SheetModel, r: number, c: number | undefined): string {
  return c === undefined ? '' : (sheet.rows[r]?.[c]?.w ?? '').trim();
}

/**
 * The needs table of a workbook written by consolidation (or kept by hand in its layout): the sheet read
 * as a district needs table that has a district rank column. Undefined when the workbook has none.
 */
export function readPrevious(wb: WorkbookModel): PreviousTable | undefined {
  for (const sheet of wb.sheets) {
    const plan = readPlanSheet(sheet);
    if (plan.kind !== 'district-needs' || !plan.blocks.length) continue;
    const f = plan.blocks[0].columns.fields;
    if (f.sourcePriority === undefined) continue;
    const rows: PreviousRow[] = plan.projects.map((p) => {
      const rank = parseFloat(thaiToArabic(p.sourcePriority ?? ''));
      return {
        row: p.row + 1,
        name: p.name,
        village: parseVillage(p.village),
        tambon: parseTambon(p.tambon),
        source: cellText(sheet, p.row, f.source).split('\n')[0].trim(),
        rank: Number.isFinite(rank) ? rank : null,
        route: parseRoute(p.route),
        officerNote: p.officerNote ?? '',
        countedSource: p.countedSource ?? '',
        decision: p.decision ?? '',
      };
    });
    const approval = plan.titles.map((t) => parseApprovalLine(t.text)).find((a) => a);
    const district = unitOfNeedsSheet(plan);
    return { sheet: sheet.name, rows, approval, district };
  }
  return undefined;
}

export const placeKey = (name: string, village: number | undefined, tambon: string | undefined): string =>
  `${compactThai(name)}\u0000${village ?? ''}\u0000${tambon ?? ''}`;

/** The table after the merge: the needs (each a copy, in rank order), what the merge kept, each kept need's previous row. */
export interface MergedTable {
  groups: IssueGroup[];
  merge: MergeReport;
  /** Keyed by the needs of `groups`. */
  previousRow: ReadonlyMap<NeedsItem, PreviousRow>;
}

/** Applies the officer's previous table to a fresh table (ranks, routes, notes, the province's decisions, status). */
export function applyPrevious(groups: readonly IssueGroup[], prev: PreviousTable): MergedTable {
  const bySource = new Map<string, PreviousRow>();
  const byPlace = new Map<string, PreviousRow[]>();
  for (const p of prev.rows) {
    bySource.set(`${compactThai(p.name)}\u0000${p.source}`, p);
    const k = placeKey(p.name, p.village, p.tambon);
    const list = byPlace.get(k);
    if (list) list.push(p);
    else byPlace.set(k, [p]);
  }
  const items = itemsOf(groups);
  const used = new Set<PreviousRow>();
  const matchOf = new Map<NeedsItem, PreviousRow>();
  // Two passes: exact source first, so a place match never takes a row another need owns by source.
  for (const it of items) {
    const p = bySource.get(`${compactThai(it.name)}\u0000${provenanceKey(it.sources[0])}`);
    if (p && !used.has(p)) {
      used.add(p);
      matchOf.set(it, p);
    }
  }
  for (const it of items) {
    if (matchOf.has(it)) continue;
    const p = byPlace.get(placeKey(it.name, it.village, it.tambon))?.find((x) => !used.has(x));
    if (p) {
      used.add(p);
      matchOf.set(it, p);
    }
  }
  let maxRank = 0;
  for (const p of prev.rows) if (p.rank !== null && p.rank > maxRank) maxRank = p.rank;
  let kept = 0;
  let fresh = 0;
  const previousRow = new Map<NeedsItem, PreviousRow>();
  // The items are in the default order: new needs are numbered after the officer's last rank in that order.
  const merged = new Map<NeedsItem, NeedsItem>();
  for (const it of items) {
    const p = matchOf.get(it);
    if (p) {
      kept++;
      const n = it.conflict ? parseCountedSource(p.countedSource, it.sources.length) : null;
      const own = itemWith(it, {
        status: 'kept',
        rank: p.rank,
        route: p.route ?? it.route,
        officerNote: p.officerNote,
        // The province's officer's decision as the table holds it (blank: none, whatever a source said).
        decision: parseDecision(p.decision),
      });
      const copy = n !== null ? countSource(own, n) : own;
      merged.set(it, copy);
      previousRow.set(copy, p);
    } else {
      fresh++;
      merged.set(
        it,
        itemWith(it, {
          status: 'new',
          rank: ++maxRank,
          remarks: [...it.remarks, 'ใหม่: ไม่มีในตารางที่จัดลำดับไว้ครั้งก่อน (ลำดับต่อท้าย ให้ตรวจสอบ)'],
        }),
      );
    }
  }
  const ranked = groups.map((g) => ({ ...g, items: g.items.map((it) => merged.get(it)!).sort(byRank) }));
  const vanished = prev.rows.filter((p) => !used.has(p)).map((p) => ({ name: p.name, rank: p.rank, row: p.row, source: p.source }));
  return { groups: ranked, merge: { sheet: prev.sheet, kept, new: fresh, vanished }, previousRow };
}
