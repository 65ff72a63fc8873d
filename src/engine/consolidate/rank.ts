/**
 * The district's default priority order (ลำดับความสำคัญของอำเภอ), which the officer then edits. The
 * seeds only say "โดยจัดลำดับความสำคัญ": the district decides. The default is meant to be explained in
 * one sentence: by provincial development issue, then the sources' own ranks taken in turn across
 * sources — every source's first choice before anyone's second. A source's rows without a rank follow
 * its ranked ones in sheet order (a ผ.02/2 lists its projects in the order it wants them).
 */
import { thaiToArabic } from '../thai';
import { issueGroupsAt } from './order';
import type { IssueGroup, NeedsItem } from './types';
import { itemWith } from './item-copy';

export const DEFAULT_ORDER_TH =
  'ลำดับความสำคัญของอำเภอเริ่มต้น: เรียงตามประเด็นการพัฒนาจังหวัด แล้วสลับทีละแหล่ง ตามลำดับความสำคัญที่แต่ละแหล่งให้ไว้ (อันดับ 1 ของทุกแหล่งก่อนอันดับ 2) แถวที่ไม่มีลำดับตามลำดับแถว — แก้ไขได้ในคอลัมน์ลำดับความสำคัญของอำเภอ';
export const DEFAULT_ORDER_EN =
  "Default district order: by provincial development issue, then each source's own ranks taken in turn across sources (every source's 1 before anyone's 2), unranked rows in sheet order — edit the district rank column";

/** A source rank as a number (Thai digits, "1.", "อันดับ 2"), or NaN. */
export function sourceRank(priority: string): number {
  const m = /\d+(\.\d+)?/.exec(thaiToArabic(priority));
  return m ? parseFloat(m[0]) : NaN;
}

/** What the default order reads of a need (an item, or what stands for it before items are made). */
type Ranked = Pick<NeedsItem, 'id' | 'priority' | 'sources'>;

/** New groups, each one's items in the default order and numbered 1…N across the table (copies). */
export function rankItems(groups: readonly IssueGroup[]): IssueGroup[] {
  let next = 1;
  return groups.map((g) => ({ ...g, items: inTurn(g.items).map((it) => itemWith(it, { rank: next++ })) }));
}

/** The default order of needs not yet made (defaultOrder). */
export interface DefaultOrder {
  /** Each need's rank, by position in the needs. */
  ranks: number[];
  /**
   * The issue groups in the table's order (as grouping.ts groups the made needs): each one's key, the
   * position of its first need (whose issue names the group) and its needs' positions in rank order.
   */
  groups: Array<{ key: string; first: number; at: number[] }>;
}

/**
 * The default ranks of needs not yet made, as rankItems would number them once grouped (grouping.ts),
 * by position in `needs` (in item order): the pipeline makes each item with its rank, so no second
 * generation of a million items is copied only to number them. With the groups so found, the made
 * needs need not be grouped and sorted again (grouping.ts groupInOrder).
 */
export function defaultOrder(needs: ReadonlyArray<Ranked & Pick<NeedsItem, 'issue'>>): DefaultOrder {
  const ranks: number[] = new Array<number>(needs.length);
  const groups: DefaultOrder['groups'] = [];
  let next = 1;
  for (const { key, at } of issueGroupsAt(needs)) {
    const first = at[0];
    // Positions follow the groups' roots, and a need's id is its root but for a merged need whose kept
    // source is a later row: mostly in id order already, then not sorted again.
    if (!ascendingIds(needs, at)) at.sort((a, b) => needs[a].id - needs[b].id);
    const order = turnOrder(needs, at);
    for (let j = 0; j < order.length; j++) ranks[order[j]] = next++;
    groups.push({ key, first, at: order });
  }
  return { ranks, groups };
}

/** Whether the needs at positions `at` have ascending ids. */
function ascendingIds(needs: readonly Ranked[], at: readonly number[]): boolean {
  for (let j = 1; j < at.length; j++) if (needs[at[j - 1]].id > needs[at[j]].id) return false;
  return true;
}

export const defaultRanks = (needs: ReadonlyArray<Ranked & Pick<NeedsItem, 'issue'>>): number[] => defaultOrder(needs).ranks;

/** A group's items in the default order: per source ranked first (by rank, then row), then unranked by row; an item's turn is its place there. */
function inTurn<T extends Ranked>(items: readonly T[]): T[] {
  const byId = Array.from(items.keys()).sort((a, b) => items[a].id - items[b].id);
  return turnOrder(items, byId).map((k) => items[k]);
}

/**
 * The needs at positions `at` (ascending by id) in the default order, as positions. By position (no map
 * lookups in the comparators: a million needs). By file, then sheet: no key string joined per need (the
 * names are shared strings, hashed once).
 */
function turnOrder(needs: readonly Ranked[], at: readonly number[]): number[] {
  const n = at.length;
  const bySource = new Map<string, Map<string, number[]>>();
  const lists: number[][] = [];
  // Indices j into `at`: ascending j is ascending id, so ties by id are ties by j.
  const rank = new Float64Array(n);
  // Needs in id order come mostly a sheet at a time: one of the previous need's sheet joins its list
  // without the two lookups.
  let lastFile: string | undefined;
  let lastSheet: string | undefined;
  let lastList: number[] = [];
  for (let j = 0; j < n; j++) {
    const it = needs[at[j]];
    rank[j] = rankOfPriority(it.priority);
    const { file, sheet } = it.sources[0];
    if (file === lastFile && sheet === lastSheet) {
      lastList.push(j);
      continue;
    }
    let sheets = bySource.get(file);
    if (!sheets) bySource.set(file, (sheets = new Map()));
    let list = sheets.get(sheet);
    if (list) list.push(j);
    else {
      list = [j];
      sheets.set(sheet, list);
      lists.push(list);
    }
    lastFile = file;
    lastSheet = sheet;
    lastList = list;
  }
  const turn = new Int32Array(n);
  for (const list of lists) {
    list.sort((a, b) => {
      const ha = Number.isFinite(rank[a]);
      const hb = Number.isFinite(rank[b]);
      if (ha !== hb) return ha ? -1 : 1;
      if (ha && rank[a] !== rank[b]) return rank[a] - rank[b];
      return a - b;
    });
    for (let i = 0; i < list.length; i++) turn[list[i]] = i;
  }
  // By turn, then id: one number each (turn · n + j < 2^53 for any n below 2^26), sorted natively, no comparator.
  const key = new Float64Array(n);
  for (let j = 0; j < n; j++) key[j] = turn[j] * n + j;
  key.sort();
  const out: number[] = [];
  for (let x = 0; x < n; x++) out.push(at[key[x] % n]);
  return out;
}

/** sourceRank per distinct priority text (they repeat: "1", "2", ""). Bounded. */
const RANKS = new Map<string, number>();
function rankOfPriority(priority: string): number {
  let r = RANKS.get(priority);
  if (r === undefined) {
    if (RANKS.size >= 10000) RANKS.clear();
    RANKS.set(priority, (r = sourceRank(priority)));
  }
  return r;
}
