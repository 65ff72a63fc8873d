/**
 * Needs items in the table's order: grouped by provincial development issue ("ไม่ระบุ" last), by
 * district rank within a group (rank.ts), with the years and the totals of the counted items per group
 * and overall.
 */
import { issueLabel } from './issue';
import { byRank, issueGroupsOf, itemsOf } from './order';
import type { DefaultOrder } from './rank';
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

/**
 * groupByIssue of needs made with the default ranks (`order`: rank.ts defaultOrder of what stood for them,
 * in the same order): the same groups, each already in rank order, without grouping and sorting again.
 */
export function groupInOrder(items: readonly NeedsItem[], order: DefaultOrder['groups']): GroupedNeeds {
  const groups = order.map(({ key, first, at }): IssueGroup => {
    const its: NeedsItem[] = [];
    for (const k of at) its.push(items[k]);
    const issue = items[first].issue;
    return { key, code: issue?.code ?? null, label: issueLabel(key ? issue : null), items: its, totals: {}, counted: 0 };
  });
  return withTotals(groups);
}

/** New groups (same items, same order) with the years and totals of what their items now ask. */
export function withTotals(groups: readonly IssueGroup[]): GroupedNeeds {
  const years = yearsOf(groups);
  // Summed by year position in typed arrays (the same additions in the same order as into records
  // keyed by year, which cost a keyed lookup and store per item and year).
  const all = new Float64Array(years.length);
  const sums = new Float64Array(years.length);
  const byYear = (s: Float64Array): Record<number, number> => {
    const out: Record<number, number> = {};
    years.forEach((y, k) => (out[y] = s[k]));
    return out;
  };
  const counted = groups.map((g): IssueGroup => {
    sums.fill(0);
    const n = sumInto(g.items, years, sums, all);
    return { ...g, totals: byYear(sums), counted: n };
  });
  return { years, groups: counted, totals: byYear(all), items: itemsOf(counted) };
}

/**
 * The years any item asks an amount for, ascending. Items share budget objects (extract.ts shares equal
 * amounts): each one's years are read once. A function of its own, as sumInto: its loop, compiled on the
 * stack on a large table, was deoptimised at the statement after it.
 */
function yearsOf(groups: readonly IssueGroup[]): number[] {
  const yearSet = new Set<number>();
  const seen = new Set<object>();
  for (const g of groups)
    for (const it of g.items) {
      if (seen.has(it.budgets)) continue;
      seen.add(it.budgets);
      for (const y of Object.keys(it.budgets)) yearSet.add(Number(y));
    }
  return [...yearSet].sort((a, b) => a - b);
}

/**
 * Adds the counted items' amounts into `sums` and `all` by year position; returns how many were counted.
 * A function of its own: the first large group's loop is compiled where it runs (on-stack replacement)
 * before anything after the loop ran, and that code, entered again by each later group, was deoptimised
 * after its loop every time.
 */
function sumInto(items: readonly NeedsItem[], years: readonly number[], sums: Float64Array, all: Float64Array): number {
  let n = 0;
  for (const it of items) {
    if (!it.inTotals) continue;
    n++;
    const b = it.budgets;
    for (let k = 0; k < years.length; k++) {
      const v = b[years[k]] ?? 0;
      sums[k] += v;
      all[k] += v;
    }
  }
  return n;
}
