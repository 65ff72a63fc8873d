/** The needs table's order, shared by the stages that change it: groups' items in turn, by district rank within a group. */
import type { IssueGroup, NeedsItem } from './types';

/** The groups' items in table order: the one place `ConsolidateResult.items` comes from. */
export const itemsOf = (groups: readonly IssueGroup[]): NeedsItem[] => groups.flatMap((g) => g.items);

/** Within a group: by the district rank (blank last), then the order received. */
export function byRank(a: NeedsItem, b: NeedsItem): number {
  if ((a.rank === null) !== (b.rank === null)) return a.rank === null ? 1 : -1;
  return (a.rank ?? 0) - (b.rank ?? 0) || a.id - b.id;
}

/** The groups with some of their items replaced by the copies a stage made (same order). */
export function replaceItems(groups: readonly IssueGroup[], copies: ReadonlyMap<NeedsItem, NeedsItem>): IssueGroup[] {
  return groups.map((g) => (g.items.some((it) => copies.has(it)) ? { ...g, items: g.items.map((it) => copies.get(it) ?? it) } : g));
}
