/**
 * The district's default priority order (ลำดับความสำคัญของอำเภอ), which the officer then edits. The
 * seeds only say "โดยจัดลำดับความสำคัญ": the district decides. The default is meant to be explained in
 * one sentence: by provincial development issue, then the sources' own ranks taken in turn across
 * sources — every source's first choice before anyone's second. A source's rows without a rank follow
 * its ranked ones in sheet order (a ผ.02/2 lists its projects in the order it wants them).
 */
import { thaiToArabic } from '../thai';
import { issueGroupsOf } from './order';
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

/**
 * The default ranks of needs not yet made, as rankItems would number them once grouped (grouping.ts),
 * by position in `needs` (in item order): the pipeline makes each item with its rank, so no second
 * generation of a million items is copied only to number them.
 */
export function defaultRanks(needs: ReadonlyArray<Ranked & Pick<NeedsItem, 'issue'>>): number[] {
  const at = new Map<Ranked, number>();
  needs.forEach((n, k) => at.set(n, k));
  const ranks: number[] = new Array<number>(needs.length);
  let next = 1;
  for (const g of issueGroupsOf(needs)) for (const n of inTurn([...g.items].sort((a, b) => a.id - b.id))) ranks[at.get(n)!] = next++;
  return ranks;
}

/** A group's items in the default order: per source ranked first (by rank, then row), then unranked by row; an item's turn is its place there. */
function inTurn<T extends Ranked>(items: readonly T[]): T[] {
  // By position (no map lookups in the comparators: a million needs). By file, then sheet: no key
  // string joined per need (the names are shared strings, hashed once).
  const bySource = new Map<string, Map<string, number[]>>();
  const lists: number[][] = [];
  const rank = new Float64Array(items.length);
  items.forEach((it, k) => {
    rank[k] = rankOfPriority(it.priority);
    const { file, sheet } = it.sources[0];
    let sheets = bySource.get(file);
    if (!sheets) bySource.set(file, (sheets = new Map()));
    const list = sheets.get(sheet);
    if (list) list.push(k);
    else {
      const own = [k];
      sheets.set(sheet, own);
      lists.push(own);
    }
  });
  const turn = new Int32Array(items.length);
  for (const list of lists) {
    list.sort((a, b) => {
      const ha = Number.isFinite(rank[a]);
      const hb = Number.isFinite(rank[b]);
      if (ha !== hb) return ha ? -1 : 1;
      if (ha && rank[a] !== rank[b]) return rank[a] - rank[b];
      return items[a].id - items[b].id;
    });
    list.forEach((k, i) => (turn[k] = i));
  }
  return Array.from(items.keys())
    .sort((a, b) => turn[a] - turn[b] || items[a].id - items[b].id)
    .map((k) => items[k]);
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
