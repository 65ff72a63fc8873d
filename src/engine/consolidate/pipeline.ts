/**
 * The consolidation's stages, chained: candidates → which rows are one need → issue links → needs items
 * → duplicates → the district plan → grouped by issue and ranked → merged with the officer's previous
 * table → the province's returned decisions → the result. Each stage returns new objects and leaves its
 * inputs as they were (copying the items it changes).
 */
/* eslint prefer-const: ["error", { destructuring: "all" }] -- a stage's facts are declared apart from the items it hands on, so that the old items are let go */
import { bareDistrictName } from '../places';
import type { Candidate } from './extract';
import { setAsideProvinceRows, applyReturned } from './returned';
import { runPlace } from './collect';
import type { Rows } from './rows';
import { sameNeeds } from './same-need';
import { rankedNeedsItems, noteBadBudgetYears, type NeedsItems } from './items';
import { linkIssues } from './issue-links';
import { listDuplicates, type References } from './duplicates';
import { checkDistrictPlan } from './district-plan';
import { groupInOrder, withTotals, type GroupedNeeds } from './grouping';
import { defaultOrder, type DefaultOrder } from './rank';
import { applyPrevious } from './merge';
import { itemsOf } from './order';
import { sendersReport } from './senders';
import type { ItemVerdict } from './verdicts';
import type { StrategyList } from '../strategy/model';
import type { ConsolidateOptions, ConsolidateResult, DuplicateGroup, InputReport, NeedsItem, PreviousRow, PreviousTable } from './types';

/** What the caller hands over with its candidates: whether they are ours to release (their match keys), and verdicts computed with the files. */
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
  const rowsOf = backDown ? setAsideProvinceRows(rows) : rows;

  let { years, groups, totals, ...found } = rankedNeeds(rowsOf, opts.strategies, !!own.release, district);

  let previousRow: ReadonlyMap<NeedsItem, PreviousRow> = new Map();
  const merged = prev && applyPrevious(groups, prev);
  if (merged) {
    ({ groups, previousRow } = merged);
    // A source the officer counts instead (ยอดไม่ตรงกัน) changes the amounts: the totals and years again.
    if (itemsOf(groups).some((it) => it.conflict?.by === 'officer')) ({ years, groups, totals } = withTotals(groups));
  }
  const back = backDown ? applyReturned(groups, district, runPlace(opts), returned, previousRow, prev?.sheet) : undefined;
  if (back) groups = back.groups;

  const approval = opts.approval ?? prev?.approval;
  const senders = sendersReport(opts, rowsOf.reports);
  return {
    inputs: [...rowsOf.reports],
    years,
    items: itemsOf(groups),
    groups,
    totals,
    duplicates: found.duplicates,
    strategyMismatches: found.strategyMismatches,
    districtPlan: found.districtPlan,
    notInDistrictPlan: found.notInDistrictPlan,
    ...(merged ? { merge: merged.merge } : {}),
    ...(district ? { district } : {}),
    ...(back ? { returned: back.returned } : {}),
    ...(approval ? { approval } : {}),
    ...(opts.skipped?.length ? { skipped: opts.skipped } : {}),
    ...(senders ? { senders } : {}),
  };
}

/**
 * The needs with their issue links, duplicates and district-plan check, grouped by issue and ranked.
 * Each stage's items are let go once the next stage has them (a million needs: one generation at a
 * time, plus the copies a stage is making), and the matching's work ends with this call.
 */
function rankedNeeds(
  rows: Rows,
  strategies: StrategyList | undefined,
  release: boolean,
  district: string | undefined,
): Omit<GroupedNeeds, 'items'> & Pick<ConsolidateResult, 'duplicates' | 'strategyMismatches' | 'districtPlan' | 'notInDistrictPlan'> {
  const same = sameNeeds(rows.cands, release);
  const { links, mismatches: strategyMismatches } = linkIssues(rows.cands, same, strategies, rows.verdicts);
  let items: readonly NeedsItem[];
  let at: NeedsItems['at'];
  let order: DefaultOrder['groups'];
  // Made with their default ranks: numbering made items by copies would make a second generation of a
  // million items alive at once (the peak at 1M rows); they are numbered where they are made.
  ({ items, at, groups: order } = rankedNeedsItems(rows.cands, same, district, links, defaultOrder));
  let duplicates: DuplicateGroup[];
  let refs: References;
  ({ items, duplicates, districtPlan: refs } = listDuplicates(rows.cands, same, { items, at }));
  let plan: Pick<ConsolidateResult, 'districtPlan' | 'notInDistrictPlan'>;
  ({ items, ...plan } = checkDistrictPlan(rows.reports, rows.cands, items, at, refs));
  // Grouped and ordered as the ranks were found (the items keep their order and issues through the stages above).
  const { years, groups, totals } = groupInOrder(items, order);
  return { years, groups: noteBadBudgetYears(groups), totals, duplicates, strategyMismatches, ...plan };
}

/** "เมือง", "อ.เมือง" and "อำเภอเมือง" are one district, written "อำเภอเมือง" (as a province reads it). */
function runDistrict(opts: ConsolidateOptions, prev: PreviousTable | undefined): string | undefined {
  const bare = opts.district && bareDistrictName(opts.district);
  return (bare ? `อำเภอ${bare}` : undefined) ?? (prev?.district?.startsWith('อำเภอ') ? prev.district : undefined);
}
