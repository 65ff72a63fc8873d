/**
 * The consolidation's stages, chained: candidates → which rows are one need → needs items → issue links
 * → duplicates → the district plan → grouped by issue and ranked → merged with the officer's previous
 * table → the province's returned decisions → the result. Each stage returns new objects and leaves its
 * inputs as they were (copying the items it changes).
 */
import { bareDistrictName } from '../places';
import type { Candidate } from './extract';
import { setAsideProvinceRows, applyReturned } from './returned';
import { sameNeeds } from './same-need';
import { needsItems, noteBadBudgetYears } from './items';
import { linkIssues } from './issue-links';
import { listDuplicates } from './duplicates';
import { checkDistrictPlan } from './district-plan';
import { groupByIssue, withTotals } from './grouping';
import { rankItems } from './rank';
import { applyPrevious } from './merge';
import { itemsOf } from './order';
import { sendersReport } from './senders';
import type { ItemVerdict } from './verdicts';
import type { ConsolidateOptions, ConsolidateResult, InputReport, NeedsItem, PreviousRow, PreviousTable } from './types';

/** What the caller hands over with its candidates: whether they are ours to release, and verdicts computed with the files. */
export interface OwnRows {
  release?: boolean;
  verdicts?: ReadonlyArray<ItemVerdict | undefined>;
}

/** The matching and table part (synchronous; exported for tests and benchmarks). */
export function consolidateCandidates(
  reports: readonly InputReport[],
  cands: readonly Candidate[],
  opts: ConsolidateOptions = {},
  own: OwnRows = {},
): ConsolidateResult {
  const prev = opts.previous;
  const district = runDistrict(opts, prev);
  // At a district (its name, its own previous table, or tambon and อปท. files among the inputs) a
  // province's table brings decisions back: its rows are no new needs. Elsewhere (split, the province's
  // re-run) the table is read as needs, each with its decision.
  const returned = reports.filter((rep) => rep.returned);
  const atDistrict =
    !!opts.district?.trim() ||
    !!prev?.district?.startsWith('อำเภอ') ||
    cands.some((c) => c.role === 'need' && c.src.kind !== 'district-needs');
  const backDown = returned.length > 0 && atDistrict;
  const rows = { reports, cands, verdicts: own.verdicts };
  const { reports: inputs, cands: rowsOfNeeds, verdicts } = backDown ? setAsideProvinceRows(rows) : rows;

  const same = sameNeeds(rowsOfNeeds, !!own.release);
  const needs = needsItems(rowsOfNeeds, same, district);
  const linked = linkIssues(needs.items, rowsOfNeeds, opts.strategies, verdicts);
  const dups = listDuplicates(rowsOfNeeds, same, { items: linked.items, at: needs.at });
  const plan = checkDistrictPlan(inputs, rowsOfNeeds, dups.items, needs.at, dups.districtPlan);
  let { years, groups, totals } = groupByIssue(plan.items);
  groups = noteBadBudgetYears(rankItems(groups));

  let previousRow: ReadonlyMap<NeedsItem, PreviousRow> = new Map();
  const merged = prev && applyPrevious(groups, prev);
  if (merged) {
    ({ groups, previousRow } = merged);
    // A source the officer counts instead (ยอดไม่ตรงกัน) changes the amounts: the totals and years again.
    if (itemsOf(groups).some((it) => it.conflict?.by === 'officer')) ({ years, groups, totals } = withTotals(groups));
  }
  const back = backDown ? applyReturned(groups, district, returned, previousRow, prev?.sheet) : undefined;
  if (back) groups = back.groups;

  const approval = opts.approval ?? prev?.approval;
  const senders = sendersReport(opts, inputs);
  return {
    inputs: [...inputs],
    years,
    items: itemsOf(groups),
    groups,
    totals,
    duplicates: dups.duplicates,
    strategyMismatches: linked.mismatches,
    districtPlan: plan.districtPlan,
    notInDistrictPlan: plan.notInDistrictPlan,
    ...(merged ? { merge: merged.merge } : {}),
    ...(district ? { district } : {}),
    ...(back ? { returned: back.returned } : {}),
    ...(approval ? { approval } : {}),
    ...(opts.skipped?.length ? { skipped: opts.skipped } : {}),
    ...(senders ? { senders } : {}),
  };
}

/** "เมือง", "อ.เมือง" and "อำเภอเมือง" are one district, written "อำเภอเมือง" (as a province reads it). */
function runDistrict(opts: ConsolidateOptions, prev: PreviousTable | undefined): string | undefined {
  const bare = opts.district && bareDistrictName(opts.district);
  return (bare ? `อำเภอ${bare}` : undefined) ?? (prev?.district?.startsWith('อำเภอ') ? prev.district : undefined);
}
