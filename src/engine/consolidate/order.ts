/** The needs table's order, shared by the stages that change it: the groups by issue, their items in turn, by district rank within a group. */
import { issueKey } from './issue';
import type { IssueGroup, NeedsItem, ProvincialIssue } from './types';

/**
 * The groups' items in table order: the one place `ConsolidateResult.items` comes from. Pushed: `flatMap`
 * copies element by element through the generic path (a profile's 26 ms a run for two calls of 40,000 needs).
 */
export function itemsOf(groups: readonly IssueGroup[]): NeedsItem[] {
  const out: NeedsItem[] = [];
  for (const g of groups) {
    // By index: run once, a for…of makes an iterator result per need until it is compiled.
    const its = g.items;
    for (let k = 0; k < its.length; k++) out.push(its[k]);
  }
  return out;
}

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
  return issueGroupsAt(items).map(({ key, at }) => {
    const its: T[] = [];
    for (let j = 0; j < at.length; j++) its.push(items[at[j]]);
    return { key, items: its };
  });
}

/** issueGroupsOf by position: each group's members as their positions in `items`, ascending. */
export function issueGroupsAt(items: ReadonlyArray<Pick<NeedsItem, 'id' | 'issue'>>): Array<{ key: string; at: number[] }> {
  const groupMap = new Map<string, { key: string; at: number[] }>();
  // Needs in a row mostly share one issue object (extract.ts shares one per link text): such a need joins
  // the previous need's group without its key being made and looked up again.
  let last: { issue: ProvincialIssue | null; group: { key: string; at: number[] } } | undefined;
  for (let k = 0; k < items.length; k++) {
    const issue = items[k].issue;
    if (last && last.issue === issue) {
      last.group.at.push(k);
      continue;
    }
    const key = issueKey(issue);
    let g = groupMap.get(key);
    if (g) g.at.push(k);
    else groupMap.set(key, (g = { key, at: [k] }));
    last = { issue, group: g };
  }
  return [...groupMap.values()].sort((a, b) => compareGroups(items, a, b));
}

function compareGroups(items: ReadonlyArray<Pick<NeedsItem, 'id' | 'issue'>>, a: { key: string; at: number[] }, b: typeof a): number {
  if (!a.key !== !b.key) return a.key ? -1 : 1; // ไม่ระบุ last
  const first = items[a.at[0]];
  const other = items[b.at[0]];
  const ac = first.issue?.code ?? null;
  const bc = other.issue?.code ?? null;
  if (ac && bc) {
    const d = parseFloat(ac) - parseFloat(bc);
    if (d) return d;
  }
  if (!!ac !== !!bc) return ac ? -1 : 1;
  return first.id - other.id;
}
