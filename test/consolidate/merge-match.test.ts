/**
 * A re-run's match of needs to the officer's previous rows (merge.ts): looked up by ที่มา line, names
 * compared as written before they are normalised, and rows keyed by place only when no need took them by
 * source. Checked against the rule as first written (every name normalised, joined keys, every row keyed
 * by place) on seeded tables where names are retyped, ที่มา lines are copied onto other rows, rows move
 * and names hold U+0000.
 */
import { applyPrevious, placeKey } from '../../src/engine/consolidate/merge';
import { compactThai } from '../../src/engine/normalise';
import { provenanceKey } from '../../src/engine/consolidate/provenance';
import { itemsOf } from '../../src/engine/consolidate/order';
import type { IssueGroup, NeedsItem, PreviousRow } from '../../src/engine/consolidate/types';
import { rng } from './fixtures';

/** The match as first written: each need's previous row, or undefined. */
function reference(items: readonly NeedsItem[], rows: readonly PreviousRow[]): Array<PreviousRow | undefined> {
  const bySource = new Map<string, PreviousRow>();
  const byPlace = new Map<string, PreviousRow[]>();
  for (const p of rows) {
    bySource.set(`${compactThai(p.name)}\u0000${p.source}`, p);
    const k = placeKey(p.name, p.village, p.tambon);
    const list = byPlace.get(k);
    if (list) list.push(p);
    else byPlace.set(k, [p]);
  }
  const used = new Set<PreviousRow>();
  const matchOf = new Map<NeedsItem, PreviousRow>();
  for (const it of items) {
    const p = bySource.get(`${compactThai(it.name)}\u0000${provenanceKey(it.sources[0])}`);
    if (p && !used.has(p)) {
      used.add(p);
      matchOf.set(it, p);
    }
  }
  for (const it of items) {
    if (matchOf.has(it)) continue;
    const p = byPlace.get(placeKey(it.name, it.village, it.tambon))?.find((x) => !used.has(x));
    if (p) {
      used.add(p);
      matchOf.set(it, p);
    }
  }
  return items.map((it) => matchOf.get(it));
}

const WORKS = ['ก่อสร้างถนน คสล.', 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก', 'ขุดลอกคลอง', 'ขุด ลอก คลอง', 'ก่อสร้างถนน\u0000คสล.', 'ปรับปรุงถนนลูกรัง'];
const PLACES = [' หมู่ที่ 3', ' ม.3', ' ม.๓', ' หมู่ที่ 4', ''];

function item(id: number, name: string, file: string, row: number, village: number | undefined): NeedsItem {
  return {
    id,
    name,
    objective: '',
    target: '',
    village,
    tambon: 'นาดี',
    budgets: {},
    badBudgetYears: [],
    issue: null,
    agency: '',
    priority: '',
    note: '',
    route: 'pao',
    sources: [{ file, sheet: 'ผ.02-2', row, kind: 'tambon-plan' }],
    inTotals: true,
    remarks: [],
    rank: id + 1,
    inDistrictPlan: null,
    officerNote: '',
  };
}

/** A table and a re-run of it: some rows retyped, moved, copied onto another row's ที่มา, gone, or new. */
function tables(seed: number, size: number, nul: boolean): { groups: IssueGroup[]; rows: PreviousRow[] } {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const works = nul ? WORKS : WORKS.filter((w) => !w.includes('\u0000'));
  const items: NeedsItem[] = [];
  const rows: PreviousRow[] = [];
  for (let k = 0; k < size; k++) {
    const name = pick(works) + pick(PLACES);
    const village = next() < 0.8 ? 1 + Math.floor(next() * 4) : undefined;
    const file = `in/${pick(['a', 'b', 'c'])}.xlsx`;
    const at = 5 + Math.floor(next() * size);
    const it = item(k, name, file, at, village);
    items.push(it);
    const r = next();
    if (r < 0.1) continue; // a new need
    // The row as the table holds it: the same, retyped, moved (another ที่มา), or another row's ที่มา.
    const retyped = r < 0.3 ? pick(works) + pick(PLACES) : name;
    const source = r > 0.9 ? provenanceKey({ file, sheet: 'ผ.02-2', row: at + 1 }) : provenanceKey(it.sources[0]);
    rows.push({
      row: rows.length + 6,
      name: retyped,
      village,
      tambon: 'นาดี',
      source,
      rank: k + 1,
      route: null,
      officerNote: '',
      countedSource: '',
      decision: '',
    });
    if (next() < 0.05) rows.push({ ...rows[rows.length - 1], row: rows.length + 6, officerNote: 'copied' });
  }
  const half = Math.floor(items.length / 2);
  const group = (key: string, its: NeedsItem[]): IssueGroup => ({ key, code: key, label: key, items: its, totals: {}, counted: 0 });
  return { groups: [group('1', items.slice(0, half)), group('2', items.slice(half))], rows };
}

describe("a re-run's match of needs to the previous rows", () => {
  test.each([
    [1, false],
    [2, false],
    [3, true],
    [4, true],
    [5, false],
  ])('seed %i (U+0000 in names: %s) takes the rows the rule as first written takes', (seed, nul) => {
    const { groups, rows } = tables(seed, 300, nul);
    const items = itemsOf(groups);
    const want = reference(items, rows);
    const merged = applyPrevious(groups, { sheet: 'x', rows });
    // Each copy's previous row, in the items' order (the copies are sorted by rank within a group: by id here).
    const got = itemsOf(merged.groups)
      .sort((a, b) => a.id - b.id)
      .map((it) => merged.previousRow.get(it));
    expect(got).toEqual(want);
    expect(merged.merge.kept).toBe(want.filter(Boolean).length);
    expect(merged.merge.vanished.length).toBe(rows.length - new Set(want.filter(Boolean)).size);
    // The cases the fast path has to get right are there: retyped names found by source, rows taken by place.
    expect(want.filter((p, k) => p && p.name !== items[k].name && p.source === provenanceKey(items[k].sources[0])).length).toBeGreaterThan(
      0,
    );
    expect(want.filter((p, k) => p && p.source !== provenanceKey(items[k].sources[0])).length).toBeGreaterThan(0);
  });
});
