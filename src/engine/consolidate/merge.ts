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
import { textAt, type WorkbookModel } from '../model';
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

/** The first line of a cell's text, trimmed. */
function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return (end < 0 ? text : text.slice(0, end)).trim();
}

/** `parse` of each distinct text once: a table's villages, tambons and routes are a few hundred texts over its rows. */
function perText<T>(parse: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const v = parse(text);
    seen.set(text, v);
    return v;
  };
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
    const villageOf = perText(parseVillage);
    const tambonOf = perText(parseTambon);
    const routeOf = perText(parseRoute);
    const rows: PreviousRow[] = plan.projects.map((p) => {
      const rank = parseFloat(thaiToArabic(p.sourcePriority ?? ''));
      return {
        row: p.row + 1,
        name: p.name,
        village: villageOf(p.village),
        tambon: tambonOf(p.tambon),
        source: firstLine(textAt(sheet, p.row, f.source)),
        rank: Number.isFinite(rank) ? rank : null,
        route: routeOf(p.route ?? ''),
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

/**
 * The previous row a need takes by its name and first source (its index in `rows`): of the rows keyed
 * as the need is (its name, normalised, and its ที่มา line), the last (a later row took the key). Rows
 * are looked up by their ที่มา line and names compared as written first: a need's name is the one the
 * table was written with, so a re-run normalises only a name the officer changed (normalising 40k
 * names twice over was most of a re-run's merge). -1 when no row has the need's key.
 *
 * Equal to keying every row by `compactThai(name) + "\0" + source` as long as no name holds U+0000 (an
 * `_x0000_` escape): then a name's key could also run into the source, and the rows are keyed so.
 */
function bySourceOf(rows: readonly PreviousRow[], items: readonly NeedsItem[]): (it: NeedsItem) => number {
  const nul = (name: string) => name.includes('\u0000');
  if (rows.some((p) => nul(p.name)) || items.some((it) => nul(it.name))) {
    const byKey = new Map<string, number>();
    rows.forEach((p, i) => byKey.set(`${compactThai(p.name)}\u0000${p.source}`, i));
    return (it) => byKey.get(`${compactThai(it.name)}\u0000${provenanceKey(it.sources[0])}`) ?? -1;
  }
  // Most ที่มา lines are one row's: its index; a line on several rows (copied by hand), their indices.
  const bySource = new Map<string, number | number[]>();
  for (let i = 0; i < rows.length; i++) {
    const had = bySource.get(rows[i].source);
    if (had === undefined) bySource.set(rows[i].source, i);
    else if (typeof had === 'number') bySource.set(rows[i].source, [had, i]);
    else had.push(i);
  }
  const same = (p: PreviousRow, it: NeedsItem): boolean => p.name === it.name || compactThai(p.name) === compactThai(it.name);
  return (it) => {
    const had = bySource.get(provenanceKey(it.sources[0]));
    if (had === undefined) return -1;
    if (typeof had === 'number') return same(rows[had], it) ? had : -1;
    for (let k = had.length - 1; k >= 0; k--) if (same(rows[had[k]], it)) return had[k];
    return -1;
  };
}

/** Each need's previous row (by position in both lists: -1 for none), taken by source first, else by place. */
function matchRows(items: readonly NeedsItem[], rows: readonly PreviousRow[]): { match: Int32Array; used: Uint8Array } {
  const bySource = bySourceOf(rows, items);
  const used = new Uint8Array(rows.length);
  const match = new Int32Array(items.length).fill(-1);
  let left = items.length;
  // Two passes: exact source first, so a place match never takes a row another need owns by source.
  for (let i = 0; i < items.length; i++) {
    const p = bySource(items[i]);
    if (p >= 0 && !used[p]) {
      used[p] = 1;
      match[i] = p;
      left--;
    }
  }
  if (!left) return { match, used };
  // A place match takes only a row no need took by source: those rows alone are keyed (most rows of a
  // re-run are taken by source), and a need's place only when some row is left.
  const byPlace = new Map<string, number[]>();
  for (let j = 0; j < rows.length; j++) {
    if (used[j]) continue;
    const p = rows[j];
    const k = placeKey(p.name, p.village, p.tambon);
    const list = byPlace.get(k);
    if (list) list.push(j);
    else byPlace.set(k, [j]);
  }
  if (!byPlace.size) return { match, used };
  for (let i = 0; i < items.length; i++) {
    if (match[i] >= 0) continue;
    const it = items[i];
    const p = byPlace.get(placeKey(it.name, it.village, it.tambon))?.find((j) => !used[j]);
    if (p !== undefined) {
      used[p] = 1;
      match[i] = p;
    }
  }
  return { match, used };
}

/** Applies the officer's previous table to a fresh table (ranks, routes, notes, the province's decisions, status). */
export function applyPrevious(groups: readonly IssueGroup[], prev: PreviousTable): MergedTable {
  const items = itemsOf(groups);
  const { match, used } = matchRows(items, prev.rows);
  let maxRank = 0;
  for (const p of prev.rows) if (p.rank !== null && p.rank > maxRank) maxRank = p.rank;
  let kept = 0;
  let fresh = 0;
  const previousRow = new Map<NeedsItem, PreviousRow>();
  // The items are in the default order: new needs are numbered after the officer's last rank in that order.
  // Each item's copy, at its position in `items` (the groups' items in turn).
  const merged: NeedsItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const p = match[i] >= 0 ? prev.rows[match[i]] : undefined;
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
      merged.push(copy);
      previousRow.set(copy, p);
    } else {
      fresh++;
      merged.push(
        itemWith(it, {
          status: 'new',
          rank: ++maxRank,
          remarks: [...it.remarks, 'ใหม่: ไม่มีในตารางที่จัดลำดับไว้ครั้งก่อน (ลำดับต่อท้าย ให้ตรวจสอบ)'],
        }),
      );
    }
  }
  let at = 0;
  const ranked = groups.map((g) => ({ ...g, items: g.items.map(() => merged[at++]).sort(byRank) }));
  const vanished = prev.rows.filter((_, j) => !used[j]).map((p) => ({ name: p.name, rank: p.rank, row: p.row, source: p.source }));
  return { groups: ranked, merge: { sheet: prev.sheet, kept, new: fresh, vanished }, previousRow };
}
