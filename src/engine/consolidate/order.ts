/** The needs table's order, shared by the stages that change it: the groups by issue, their items in turn, by district rank within a group. */
import { issueKey } from './issue';
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

/**
 * Needs (or what stands for them before they are made: rank.ts) by issue key, the groups in the
 * table's order; each group's members in the order given. A group's code and label are its first member's.
 */
export function issueGroupsOf<T extends Pick<NeedsItem, 'id' | 'issue'>>(items: readonly T[]): Array<{ key: string; items: T[] }> {
  const groupMap = new Map<string, { key: string; items: T[] }>();
  for (const it of items) {
    const key = issueKey(it.issue);
    const g = groupMap.get(key);
    if (g) g.items.push(it);
    else groupMap.set(key, { key, items: [it] });
  }
  return [...groupMap.values()].sort(compareGroups);
}

function compareGroups(a: { key: string; items: ReadonlyArray<Pick<NeedsItem, 'id' | 'issue'>> }, b: typeof a): number {
  if (!a.key !== !b.key) return a.key ? -1 : 1; // ไม่ระบุ last
  const ac = a.items[0].issue?.code ?? null;
  const bc = b.items[0].issue?.code ?? null;
  if (ac && bc) {
    const d = parseFloat(ac) - parseFloat(bc);
    if (d) return d;
  }
  if (!!ac !== !!bc) return ac ? -1 : 1;
  return a.items[0].id - b.items[0].id;
}
