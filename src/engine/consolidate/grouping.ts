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
  // The positions hold only while the stages between keep every need in place: a stage that drops or
  // adds one would put needs in the wrong groups unseen, so then they are grouped afresh.
  let placed = 0;
  for (const g of order) placed += g.at.length;
  if (placed !== items.length) return groupByIssue(items);
  const groups = order.map(({ key, first, at }): IssueGroup => {
    const its: NeedsItem[] = [];
    for (let j = 0; j < at.length; j++) its.push(items[at[j]]);
    const issue = items[first].issue;
    return { key, code: issue?.code ?? null, label: issueLabel(key ? issue : null), items: its, totals: {}, counted: 0 };
  });
  return withTotals(groups);
}

/** New groups (same items, same order) with the years and totals of what their items now ask. */
export function withTotals(groups: readonly IssueGroup[]): GroupedNeeds {
  const { years, amounts, rowOf } = amountsByYear(groups);
  // Summed by year position in typed arrays (the same additions in the same order as into records
  // keyed by year, which cost a keyed lookup and store per item and year).
  const all = new Float64Array(years.length);
  const sums = new Float64Array(years.length);
  const byYear = (s: Float64Array): Record<number, number> => {
    const out: Record<number, number> = {};
    years.forEach((y, k) => (out[y] = s[k]));
    return out;
  };
  let from = 0;
  const counted = groups.map((g): IssueGroup => {
    sums.fill(0);
    const n = sumInto(g.items, rowOf, from, amounts, sums, all);
    from += g.items.length;
    return { ...g, totals: byYear(sums), counted: n };
  });
  return { years, groups: counted, totals: byYear(all), items: itemsOf(counted) };
}

/**
 * The years any item asks an amount for, ascending, and the amounts by year position of each distinct
 * budgets object (`amounts`, a row of years.length each) with each item's row (`rowOf`, by position across
 * the groups). Items share budget objects (extract.ts shares equal amounts: 8,291 of 40,000 in 200
 * files), and a record keyed by year is a dictionary: each one's years and amounts are read once.
 */
function amountsByYear(groups: readonly IssueGroup[]): { years: number[]; amounts: Float64Array; rowOf: Int32Array } {
  let n = 0;
  for (const g of groups) n += g.items.length;
  const rowOf = new Int32Array(n);
  const rows = new Map<object, number>();
  const distinct: Array<Record<number, number>> = [];
  const yearSet = new Set<number>();
  let p = 0;
  for (const g of groups) p = rowsOf(g.items, rowOf, p, rows, distinct, yearSet);
  const years = [...yearSet].sort((a, b) => a - b);
  return { years, amounts: amountRows(distinct, years), rowOf };
}

/**
 * Each item's row among the distinct budgets objects into rowOf from position p (a new object is added to
 * `distinct`, its years to `yearSet`); returns the next position. A function of its own (as sumInto): its
 * loop, compiled on the stack on a large table, was deoptimised at the statement after it.
 */
function rowsOf(
  items: readonly NeedsItem[],
  rowOf: Int32Array,
  p: number,
  rows: Map<object, number>,
  distinct: Array<Record<number, number>>,
  yearSet: Set<number>,
): number {
  for (let k = 0; k < items.length; k++) {
    const b = items[k].budgets;
    let r = rows.get(b);
    if (r === undefined) {
      rows.set(b, (r = distinct.length));
      distinct.push(b);
      const ys = Object.keys(b);
      for (let y = 0; y < ys.length; y++) yearSet.add(Number(ys[y]));
    }
    rowOf[p++] = r;
  }
  return p;
}

/** The amounts of each distinct budgets object by year position, a row of years.length each (0 where it asks none). */
function amountRows(distinct: ReadonlyArray<Record<number, number>>, years: readonly number[]): Float64Array {
  const ny = years.length;
  const amounts = new Float64Array(distinct.length * ny);
  for (let r = 0; r < distinct.length; r++) {
    const b = distinct[r];
    for (let k = 0; k < ny; k++) amounts[r * ny + k] = b[years[k]] ?? 0;
  }
  return amounts;
}

/**
 * Adds the counted items' amounts (their rows in `amounts`, rowOf from position `from`) into `sums` and
 * `all` by year position; returns how many were counted. A function of its own: the first large group's
 * loop is compiled where it runs (on-stack replacement) before anything after the loop ran, and that
 * code, entered again by each later group, was deoptimised after its loop every time.
 */
function sumInto(
  items: readonly NeedsItem[],
  rowOf: Int32Array,
  from: number,
  amounts: Float64Array,
  sums: Float64Array,
  all: Float64Array,
): number {
  const ny = sums.length;
  let n = 0;
  for (let j = 0; j < items.length; j++) {
    if (!items[j].inTotals) continue;
    n++;
    const at = rowOf[from + j] * ny;
    for (let k = 0; k < ny; k++) {
      const v = amounts[at + k];
      sums[k] += v;
      all[k] += v;
    }
  }
  return n;
}
