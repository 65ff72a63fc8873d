/**
 * The consolidation's stages (pipeline.ts) never change what they are given: every stage's input is
 * deep-frozen here, so a stage that pushes a remark, sorts a list or sets a field of another stage's
 * result throws. Real-shaped inputs that reach every stage: two อปท.' ผ.02/2 and tambon plans (merged
 * duplicates, a conflict of amounts), an อปท.'s own ผ.02, the district's development plan, a strategy
 * list, the officer's previous table (ranks, notes, a counted source, a decision) and the province's
 * returned decisions.
 */
import { consolidateCandidates, type ConsolidateResult, type InputReport, type PreviousTable } from '../../src/engine/consolidate';
import type { NeedsItem } from '../../src/engine/consolidate/types';
import { collectInput } from '../../src/engine/consolidate/collect';
import type { Candidate } from '../../src/engine/consolidate/extract';
import { parseDecision } from '../../src/engine/consolidate/decision';
import { provenanceKey } from '../../src/engine/consolidate/provenance';
import { setAsideProvinceRows, applyReturned } from '../../src/engine/consolidate/returned';
import { sameNeeds } from '../../src/engine/consolidate/same-need';
import { needsItems, needsToRank, noteBadBudgetYears, rankedNeedsItems } from '../../src/engine/consolidate/items';
import { linkIssues } from '../../src/engine/consolidate/issue-links';
import { listDuplicates } from '../../src/engine/consolidate/duplicates';
import { checkDistrictPlan } from '../../src/engine/consolidate/district-plan';
import { groupByIssue, groupInOrder, withTotals } from '../../src/engine/consolidate/grouping';
import { defaultOrder, defaultRanks, rankItems, sourceRank } from '../../src/engine/consolidate/rank';
import { applyPrevious } from '../../src/engine/consolidate/merge';
import { issueGroupsAt, itemsOf } from '../../src/engine/consolidate/order';
import { issueKey } from '../../src/engine/consolidate/issue';
import { DEFAULT_CLASS_WORDS } from '../../src/engine/classification';
import { readPlanSheet } from '../../src/engine/forms/read';
import type { StrategyList } from '../../src/engine/strategy/model';
import type { WorkbookModel } from '../../src/engine/model';
import { allWorkbooks, rng } from './fixtures';
import { districtPlan, nadiTambonPlan, nongbuaTambonPlan } from './district-fixtures';

/** Freezes a value and everything it reaches (Maps and Sets are frozen as objects: their entries stay writable, none are passed). */
function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  for (const v of Object.values(value as object)) deepFreeze(v, seen);
  if (value instanceof Map)
    for (const [k, v] of value) {
      deepFreeze(k, seen);
      deepFreeze(v, seen);
    }
  return Object.freeze(value);
}

const STRATEGIES: StrategyList = {
  issues: [
    { code: '1', name: 'การเพิ่มศักยภาพการแข่งขันภาคเกษตร และอุตสาหกรรมเกษตร' },
    { code: '3', name: 'การเชื่อมโยงเส้นทางคมนาคมและศูนย์โลจิสติกส์ภาคใต้ตอนบน' },
    { code: '5', name: 'การสร้างฐานทรัพยากรธรรมชาติที่มั่นคง' },
  ],
};
const OPTS = { district: 'เมือง', strategies: STRATEGIES };

/** The district's files read into reports and candidates, as Consolidation.add does. */
function read(workbooks: WorkbookModel[]): { reports: InputReport[]; cands: Candidate[] } {
  const cands: Candidate[] = [];
  const reports = workbooks.map((wb, i) =>
    collectInput({ file: wb.name, checksum: String(i).repeat(64), workbook: wb }, (s) => readPlanSheet(s), DEFAULT_CLASS_WORDS, cands),
  );
  return { reports, cands };
}

/**
 * The officer's previous table for a first run's needs: ranks reversed, a note on each, the second source
 * counted where sources disagree, a decision on the first need; the last need left out (it comes back
 * "new") and a need that is gone.
 */
function previousOf(first: ConsolidateResult): PreviousTable {
  const kept = first.items.slice(0, -1);
  return {
    sheet: 'แผนความต้องการ',
    district: 'อำเภอเมือง',
    rows: [
      ...kept.map((it, k) => ({
        row: 6 + k,
        name: it.name,
        village: it.village,
        tambon: it.tambon,
        source: provenanceKey(it.sources[0]),
        rank: kept.length - k,
        route: null,
        officerNote: `บันทึกที่ ${k + 1}`,
        countedSource: it.conflict ? '๒' : '',
        decision: k === 0 ? 'อบจ. รับพิจารณา' : '',
      })),
      {
        row: 99,
        name: 'โครงการที่ถอนออกแล้ว',
        source: 'เก่า.xlsx / ผ02_2 / แถว 9',
        rank: 1,
        route: null,
        officerNote: '',
        countedSource: '',
        decision: '',
      },
    ],
  };
}

/**
 * The district's inputs plus a province's returned table (first): its report carries a decision on one
 * need, its row is a candidate the district sets aside (the others are numbered again behind it).
 */
function withProvinceTable(first: ConsolidateResult): { reports: InputReport[]; cands: Candidate[] } {
  const { reports, cands } = read([...allWorkbooks(), nadiTambonPlan(), nongbuaTambonPlan(), districtPlan()]);
  const target = first.items[1];
  const decision = parseDecision('ได้รับงบประมาณ ๒,๕๐๐,๐๐๐ บาท ปี ๒๕๖๘')!;
  const province: InputReport = {
    file: 'ผลการพิจารณาจังหวัด.xlsx',
    checksum: 'p'.repeat(64),
    status: 'ok',
    sheets: [{ name: 'แผนความต้องการ', kind: 'district-needs', projects: 1, taken: 1 }],
    projects: 1,
    taken: 1,
    returned: [
      {
        file: 'ผลการพิจารณาจังหวัด.xlsx',
        sheet: 'แผนความต้องการ',
        row: 6,
        name: target.name,
        sources: [provenanceKey(target.sources[0])],
        decision,
      },
    ],
  };
  const need = cands.find((c) => c.role === 'need')!;
  const fromProvince: Candidate = { ...need, src: { ...need.src, file: province.file, kind: 'district-needs' }, fromProvince: true };
  return { reports: [province, ...reports], cands: [fromProvince, ...cands].map((c, seq) => ({ ...c, seq })) };
}

describe('the stages leave what they are given as it was', () => {
  const plain = read([...allWorkbooks(), nadiTambonPlan(), nongbuaTambonPlan(), districtPlan()]);
  const first = consolidateCandidates(plain.reports, plain.cands, OPTS);
  const opts = { ...OPTS, previous: previousOf(first) };

  test('the fixtures reach every stage (else the freezing proves nothing)', () => {
    const { reports, cands } = withProvinceTable(first);
    const r = consolidateCandidates(reports, cands, opts);
    expect(r.duplicates.some((d) => d.merged)).toBe(true);
    expect(r.duplicates.some((d) => d.localPlan)).toBe(true);
    expect(r.strategyMismatches.length).toBeGreaterThan(0);
    expect(r.districtPlan).not.toBeNull();
    expect(r.items.some((it) => it.conflict?.by === 'officer')).toBe(true);
    expect(r.merge).toMatchObject({ new: 1, vanished: [{ name: 'โครงการที่ถอนออกแล้ว' }] });
    expect(r.returned).toMatchObject({ applied: 1, unmatched: [] });
    expect(r.inputs[0]).toMatchObject({ taken: 0, note: expect.stringContaining('ผลการพิจารณาของจังหวัด 1 รายการ') });
    expect(r.items.every((it) => it.district === 'อำเภอเมือง')).toBe(true);
  });

  test('a frozen result throws when written to (the check can fail)', () => {
    const r = deepFreeze(
      consolidateCandidates(
        plain.reports.map((x) => ({ ...x })),
        [...plain.cands],
        OPTS,
      ),
    );
    expect(() => r.items[0].remarks.push('x')).toThrow(TypeError);
    expect(() => r.groups[0].items.sort(() => 0)).toThrow(TypeError);
    expect(() => Object.assign(r.items[0], { rank: 7 })).toThrow(TypeError);
  });

  test('the whole pipeline on frozen reports, candidates and options', () => {
    const { reports, cands } = withProvinceTable(first);
    const before = JSON.stringify({ reports, cands, opts });
    const open = consolidateCandidates(reports, cands, opts);
    deepFreeze({ reports, cands, opts });
    const frozen = consolidateCandidates(reports, cands, opts);
    expect(frozen).toEqual(open);
    expect(JSON.stringify({ reports, cands, opts })).toBe(before);
  });

  test('each stage on the frozen results of the stages before it gives the pipeline’s table', () => {
    const { reports, cands } = withProvinceTable(first);
    const want = consolidateCandidates(reports, cands, opts);
    const f = deepFreeze;
    const rows = f(setAsideProvinceRows(f({ reports, cands })));
    const same = f(sameNeeds(rows.cands, false));
    const linked = f(linkIssues(rows.cands, same, STRATEGIES, rows.verdicts));
    const needs = f(needsItems(rows.cands, same, 'อำเภอเมือง', linked.links));
    const dups = f(listDuplicates(rows.cands, same, needs));
    const plan = f(checkDistrictPlan(rows.reports, rows.cands, dups.items, needs.at, dups.districtPlan));
    const grouped = f(groupByIssue(plan.items));
    const ranked = f(noteBadBudgetYears(f(rankItems(grouped.groups))));
    const merged = f(applyPrevious(ranked, opts.previous));
    const counted = f(withTotals(merged.groups));
    const back = f(applyReturned(counted.groups, 'อำเภอเมือง', {}, [reports[0]], merged.previousRow, opts.previous.sheet));
    expect(back.groups).toEqual(want.groups);
    expect(itemsOf(back.groups)).toEqual(want.items);
    expect([counted.years, counted.totals]).toEqual([want.years, want.totals]);
    expect([dups.duplicates, linked.mismatches, back.returned, merged.merge]).toEqual([
      want.duplicates,
      want.strategyMismatches,
      want.returned,
      want.merge,
    ]);
    // The stages before the merge were not touched by it: the default ranks and no status.
    expect(itemsOf(ranked).map((it) => [it.rank, it.status])).toEqual(itemsOf(ranked).map((_, k) => [k + 1, undefined]));
  });
});

/** The default order written the plain way: per source (file, sheet) ranked by rank then id, unranked by id; then by turn, then id. */
function plainDefaultOrder(groups: ReadonlyArray<readonly NeedsItem[]>): number[] {
  const out: number[] = [];
  for (const items of groups) {
    const lists = new Map<string, NeedsItem[]>();
    for (const it of items) {
      const key = `${it.sources[0].file}\u0000${it.sources[0].sheet}`;
      lists.set(key, [...(lists.get(key) ?? []), it]);
    }
    const turn = new Map<NeedsItem, number>();
    for (const list of lists.values()) {
      const r = (it: NeedsItem): number => sourceRank(it.priority);
      const ranked = list.filter((it) => Number.isFinite(r(it))).sort((a, b) => r(a) - r(b) || a.id - b.id);
      const rest = list.filter((it) => !Number.isFinite(r(it))).sort((a, b) => a.id - b.id);
      [...ranked, ...rest].forEach((it, k) => turn.set(it, k));
    }
    out.push(...[...items].sort((a, b) => turn.get(a)! - turn.get(b)! || a.id - b.id).map((it) => it.id));
  }
  return out;
}

describe('needs are made with their default ranks (one generation of items: the peak at a million rows)', () => {
  const { cands } = read([...allWorkbooks(), nadiTambonPlan(), nongbuaTambonPlan(), districtPlan()]);
  const same = sameNeeds(cands, false);
  const { links } = linkIssues(cands, same, STRATEGIES);
  const unranked = needsItems(cands, same, 'อำเภอเมือง', links).items;
  const ranked = itemsOf(rankItems(groupByIssue(unranked).groups));

  test('defaultRanks numbers the needs before they are made as rankItems numbers the made ones', () => {
    const ranks = defaultRanks(needsToRank(cands, same, links));
    const rankOf = new Map(ranked.map((it) => [it.id, it.rank]));
    expect(ranks).toEqual(unranked.map((it) => rankOf.get(it.id)));
    // The grouping and the sources' own ranks reorder these needs (else the numbers prove nothing).
    expect(ranks).not.toEqual(ranks.map((_, k) => k + 1));
  });

  test('items made with their ranks group into the ranked table without a copy', () => {
    const made = needsItems(cands, same, 'อำเภอเมือง', links, defaultRanks(needsToRank(cands, same, links))).items;
    const table = itemsOf(groupByIssue(made).groups);
    expect(table).toEqual(ranked);
    const own = new Set(made);
    expect(table.every((it) => own.has(it))).toBe(true);
  });

  test('needs numbered where they are made (rankedNeedsItems) equal needs made with the ranks of their stand-ins', () => {
    const order = defaultOrder(needsToRank(cands, same, links));
    const want = needsItems(cands, same, 'อำเภอเมือง', links, order.ranks);
    const got = rankedNeedsItems(cands, same, 'อำเภอเมือง', links, defaultOrder);
    expect(got.items).toEqual(want.items);
    expect(got.at).toEqual(want.at);
    expect(got.groups).toEqual(order.groups);
    expect(got.items.map((it) => it.rank)).not.toEqual(got.items.map((_, k) => k + 1));
  });

  test('the groups the default order found are the groups, order and totals of grouping the made needs again', () => {
    const order = defaultOrder(needsToRank(cands, same, links));
    const made = needsItems(cands, same, 'อำเภอเมือง', links, order.ranks).items;
    const want = groupByIssue(made);
    const got = groupInOrder(made, order.groups);
    expect(got).toEqual(want);
    expect(got.items.every((it, k) => it === want.items[k])).toBe(true);
    expect(got.groups.length).toBeGreaterThan(1);
  });

  test('generated needs: the default order is rankItems of the grouped needs, and its groups are groupByIssue', () => {
    for (const seed of [1, 2, 3]) {
      const rand = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
      // One issue number under different names (the group is named by its first need), a name without a number, none.
      const issues = [
        { code: '2', name: 'การท่องเที่ยว', text: '2 การท่องเที่ยว' },
        { code: '2', name: 'ท่องเที่ยวและกีฬา', text: 'ยุทธศาสตร์ที่ 2' },
        { code: '10', name: 'น้ำ', text: '10 น้ำ' },
        { code: null, name: 'เกษตร', text: 'เกษตร' },
        null,
      ];
      const priorities = ['1', '2', '๓', 'อันดับ 1', '1.5', '', '', 'ด่วน'];
      const ids = Array.from({ length: 400 }, (_, k) => k).sort(() => rand() - 0.5);
      const needs = ids.map(
        (id) =>
          ({
            id,
            issue: pick(issues),
            priority: pick(priorities),
            sources: [{ file: pick(['a.xlsx', 'b.xlsx', 'c.xlsx']), sheet: pick(['ผ.02', 'ผ.02/2']), row: id, kind: 'tambon' }],
            budgets: { 2567: Math.floor(rand() * 5) * 100000, 2568: 50000 },
            inTotals: rand() < 0.9,
            badBudgetYears: [],
            rank: null,
          }) as unknown as NeedsItem,
      );
      const order = defaultOrder(needs);
      // Needs in a row that share an issue object join one group without a lookup (order.ts): each group
      // holds every need of its key and no other, in position order.
      const byIssue = issueGroupsAt(needs);
      expect(new Set(byIssue.map((g) => g.key)).size).toBe(byIssue.length);
      for (const g of byIssue) expect(g.at.filter((k, j) => issueKey(needs[k].issue) !== g.key || (j > 0 && k < g.at[j - 1]))).toEqual([]);
      expect(byIssue.flatMap((g) => g.at).sort((x, y) => x - y)).toEqual(needs.map((_, k) => k));
      expect(needs.some((it, k) => k > 0 && it.issue && it.issue === needs[k - 1].issue)).toBe(true);
      const ranked = itemsOf(rankItems(groupByIssue(needs).groups));
      const rankOf = new Map(ranked.map((it) => [it.id, it.rank]));
      expect(order.ranks).toEqual(needs.map((it) => rankOf.get(it.id)));
      expect(ranked.map((it) => it.id)).toEqual(plainDefaultOrder(groupByIssue(needs).groups.map((g) => g.items)));
      const made = needs.map((it, k) => ({ ...it, rank: order.ranks[k] }));
      expect(groupInOrder(made, order.groups)).toEqual(groupByIssue(made));
      // A need dropped after ranking: the positions no longer hold, so the needs are grouped afresh.
      const fewer = made.slice(1);
      expect(groupInOrder(fewer, order.groups)).toEqual(groupByIssue(fewer));
      // Groups whose first need (which names them) is not their first in rank order.
      expect(order.groups.some((g) => g.at[0] !== g.first)).toBe(true);
    }
  });
});
