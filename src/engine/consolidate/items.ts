/**
 * The needs items: one per group of requests that are one need (same-need.ts), with the fields and
 * amounts of its kept source, its other sources merged in (นับยอดครั้งเดียว). Every later stage copies
 * an item it changes; this is the only place items are made.
 */
import { intern, type Candidate } from './extract';
import { conflictRemark, disagree } from './conflict';
import { partsRemark } from './parts';
import type { SameNeeds } from './same-need';
import type { IssueLinks } from './issue-links';
import { issueOf, pick } from './asked';
import type { IssueGroup, NeedsItem } from './types';
import { itemWith } from './item-copy';
import type { DefaultOrder } from './rank';

export interface NeedsItems {
  /** One per need, in the order of their groups' roots (the earliest candidate). */
  items: readonly NeedsItem[];
  /** The index in `items` of each group root's need, by candidate index (undefined for other candidates). */
  at: ReadonlyArray<number | undefined>;
}

const KEPT_OUT_REMARK = 'ไม่นับยอดตามตารางที่ส่งมา';
const NO_OTHERS: readonly Candidate[] = [];

/**
 * `district`: the run's district (every need is its), else each need keeps its own; `links`: each
 * need's issue link and remark (issue-links.ts), by its group's root; `ranks`: each need's default
 * rank (rank.ts defaultRanks of needsToRank), by position, else `unranked`.
 */
export function needsItems(
  cands: readonly Candidate[],
  same: SameNeeds,
  district: string | undefined,
  links: IssueLinks['links'] = [],
  ranks?: readonly number[],
  unranked: number | null = null,
): NeedsItems {
  const { root } = same;
  const at: Array<number | undefined> = [];
  const items: NeedsItem[] = [];
  for (let r = 0; r < cands.length; r++) {
    if (cands[r].role !== 'need' || root[r] !== r) continue;
    at[r] = items.length;
    items.push(needOf(cands, r, same, district, links[r], ranks?.[items.length] ?? unranked));
  }
  return { items, at };
}

/**
 * needsItems with the default ranks, and the groups of the default order (rank.ts defaultOrder, for
 * grouping.ts groupInOrder). The order reads the made items themselves: the id, issue, priority and first
 * source it reads are the ones needsToRank copied into a stand-in per need (an object and an array each,
 * made and ranked before the items only so that no item was copied to be numbered). Each item is numbered
 * in place instead: they are this stage's own, seen by no one yet. Made with rank 0, a number like the
 * rank written over it, so the items' shape stays as when they were made with their ranks.
 */
export function rankedNeedsItems(
  cands: readonly Candidate[],
  same: SameNeeds,
  district: string | undefined,
  links: IssueLinks['links'],
  // The ranking stage's defaultOrder, given by the pipeline: a stage imports no other stage.
  defaultOrder: (needs: readonly NeedsItem[]) => DefaultOrder,
): NeedsItems & Pick<DefaultOrder, 'groups'> {
  const { items, at } = needsItems(cands, same, district, links, undefined, 0);
  const order = defaultOrder(items);
  numberItems(items, order.ranks);
  return { items, at, groups: order.groups };
}

/** Each item's rank from `ranks`, by position (the items are the caller's own, just made). */
function numberItems(items: readonly NeedsItem[], ranks: readonly number[]): void {
  for (let k = 0; k < items.length; k++) items[k].rank = ranks[k];
}

/**
 * The need of group root `r`, in a function called per need. As the body of needsItems' loop it was
 * compiled only on the stack (OSR); that compile was thrown away when something it depended on changed
 * while the loop ran (--trace-opt: "dependency change"; which one was not found), and V8 did not compile
 * the loop again, so it ran unoptimised for every need (~320 M main-thread instructions of a 60-file
 * finish). A function called per need can be compiled again after such a change, as any hot function.
 */
function needOf(
  cands: readonly Candidate[],
  r: number,
  same: SameNeeds,
  district: string | undefined,
  link: IssueLinks['links'][number] | undefined,
  rank: number | null,
): NeedsItem {
  // Most needs are one row (no group): its own fields, without a members list or pick() per field.
  const members = same.members.get(r);
  const keep = cands[members ? members[0] : r];
  const others = members ? members.slice(1).map((m) => cands[m]) : NO_OTHERS;
  const item: NeedsItem = {
    id: members ? members[0] : r,
    name: keep.name,
    objective: members ? pick(cands, members, 'objective') : keep.objective || '',
    target: members ? pick(cands, members, 'target') : keep.target || '',
    village: keep.village ?? others.find((o) => o.village !== undefined)?.village,
    tambon: keep.tambon ?? others.find((o) => o.tambon)?.tambon,
    organisation: keep.organisation,
    // Shared with the candidate (extract.ts shares equal amounts; nothing mutates them).
    budgets: keep.budgets,
    badBudgetYears: keep.badBudgetYears,
    issue: link?.issue ?? (members ? issueOf(cands, members) : keep.issue || null),
    agency: members ? pick(cands, members, 'agency') : keep.agency || '',
    priority: members ? pick(cands, members, 'priority') : keep.priority || '',
    note: keep.note,
    sources: members ? [keep.src, ...others.map((o) => o.src)] : [keep.src],
    // A need the sending level left out of its totals stays out (its note says why).
    inTotals: !keep.keptOut,
    remarks: [],
    route: keep.route,
    rank,
    inDistrictPlan: null,
    officerNote: '',
    // The optional fields always present (undefined when none), in one order: every item of one shape,
    // so the stages and the table's cell functions that read items meet one map, not one per combination
    // of fields (each new one deoptimised them). The JSON and the workbook read fields, not keys.
    district: district ?? keep.district,
    decision: keep.decision || undefined,
    place: keep.place ?? others.find((o) => o.place)?.place,
    parts: keep.parts,
    conflict: undefined,
    status: undefined,
  };
  if (keep.parts) item.remarks.push(partsRemark(item, keep.src));
  if (keep.keptOut && !/ไม่นับยอด/.test(keep.note)) item.remarks.push(KEPT_OUT_REMARK);
  if (others.length) {
    item.remarks.push(
      intern(`รวมรายการซ้ำ ${others.length + 1} แหล่ง (${same.confidence.get(r) === 'exact' ? 'ซ้ำตรงกัน' : 'น่าจะซ้ำ'}) นับยอดครั้งเดียว`),
    );
    const asked = [keep.budgets, ...others.map((o) => o.budgets)];
    if (disagree(asked)) {
      item.conflict = { budgets: asked, counted: 1, by: 'rule' };
      item.remarks.push(conflictRemark(item));
    }
  }
  if (link?.remark) item.remarks.push(link.remark);
  // A push grows the list to room for 17 (152 bytes); an exact copy keeps 24–40 (1M rows: ~60 MB).
  if (item.remarks.length) item.remarks = item.remarks.slice();
  return item;
}

/** What the default order reads of each need (rank.ts), in the items' order, read before the items are made. */
export function needsToRank(
  cands: readonly Candidate[],
  same: SameNeeds,
  links: IssueLinks['links'] = [],
): Array<Pick<NeedsItem, 'id' | 'issue' | 'priority' | 'sources'>> {
  const out: Array<Pick<NeedsItem, 'id' | 'issue' | 'priority' | 'sources'>> = [];
  for (let r = 0; r < cands.length; r++) {
    if (cands[r].role !== 'need' || same.root[r] !== r) continue;
    const members = same.members.get(r);
    const keep = cands[members ? members[0] : r];
    out.push({
      id: members ? members[0] : r,
      issue: links[r]?.issue ?? (members ? issueOf(cands, members) : keep.issue || null),
      priority: members ? pick(cands, members, 'priority') : keep.priority || '',
      sources: [keep.src],
    });
  }
  return out;
}

/** Years whose amount was not a number: said in the need's remarks (after the other stages' remarks). */
export function noteBadBudgetYears(groups: readonly IssueGroup[]): IssueGroup[] {
  return groups.map((g) =>
    g.items.some((it) => it.badBudgetYears.length)
      ? {
          ...g,
          items: g.items.map((it) =>
            it.badBudgetYears.length
              ? itemWith(it, { remarks: [...it.remarks, `งบประมาณปี ${it.badBudgetYears.join(', ')} ไม่ใช่ตัวเลข (นับเป็น 0)`] })
              : it,
          ),
        }
      : g,
  );
}
