/**
 * Needs items in the table's order: grouped by provincial development issue ("ไม่ระบุ" last), by
 * district rank within a group (rank.ts), with the years and the totals of the counted items per group
 * and overall.
 */
import { issueLabel } from './issue';
import { byRank, issueGroupsOf, itemsOf } from './order';
import type { ConsolidateResult, IssueGroup, NeedsItem } from './types';

export type GroupedNeeds = Pick<ConsolidateResult, 'years' | 'groups' | 'totals' | 'items'>;

export function groupByIssue(items: readonly NeedsItem[]): GroupedNeeds {
  const groups = issueGroupsOf(items).map(({ key, items: its }): IssueGroup => ({
    key,
    code: its[0].issue?.code ?? null,
    label: issueLabel(key ? its[0].issue : null),
    items: its,
    totals: {},
    counted: 0,
  }));
  for (const g of groups) g.items.sort(byRank);
  return withTotals(groups);
}

/** New groups (same items, same order) with the years and totals of what their items now ask. */
export function withTotals(groups: readonly IssueGroup[]): GroupedNeeds {
  const yearSet = new Set<number>();
  for (const g of groups) for (const it of g.items) for (const y of Object.keys(it.budgets)) yearSet.add(Number(y));
  const years = [...yearSet].sort((a, b) => a - b);
  const totals: Record<number, number> = {};
  for (const y of years) totals[y] = 0;
  const counted = groups.map((g) => {
    const out: IssueGroup = { ...g, totals: {}, counted: 0 };
    for (const y of years) out.totals[y] = 0;
    for (const it of g.items) {
      if (!it.inTotals) continue;
      out.counted++;
      for (const y of years) {
        out.totals[y] += it.budgets[y] ?? 0;
        totals[y] += it.budgets[y] ?? 0;
      }
    }
    return out;
  });
  return { years, groups: counted, totals, items: itemsOf(counted) };
}
