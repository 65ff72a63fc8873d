/**
 * withTotals (typed sums by year position, each shared budget object's years read once) and the
 * verdict sharer (by reason, no joined key) against the plain ways they were written before.
 */
import { withTotals } from '../../src/engine/consolidate/grouping';
import { itemsOf } from '../../src/engine/consolidate/order';
import { verdictSharer, type ItemVerdict } from '../../src/engine/consolidate/verdicts';
import type { IssueGroup, NeedsItem } from '../../src/engine/consolidate/types';
import { rng } from './fixtures';

/** Totals summed into records keyed by year, item after item. */
function referenceTotals(groups: readonly IssueGroup[]) {
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

test('withTotals: the same years, sums (to the last bit) and groups as summing into records', () => {
  const r = rng(7);
  // Amounts with satang and odd sizes: floating-point sums depend on their order.
  const shared: Array<Record<number, number>> = [{ 2567: 1_250_000.5 }, { 2566: 0.1, 2568: 0.2 }, {}];
  const groups: IssueGroup[] = ['1', '2', ''].map((key, g) => ({
    key,
    code: key || null,
    label: `ประเด็นที่ ${key || 'ไม่ระบุ'}`,
    totals: {},
    counted: 0,
    items: Array.from({ length: 200 + g * 50 }, (_, i): NeedsItem => {
      const budgets: Record<number, number> = r() < 0.3 ? shared[Math.floor(r() * shared.length)] : {};
      if (!Object.isFrozen(budgets) && !shared.includes(budgets))
        for (const y of [2566, 2567, 2568, 2569, 2570, 2571])
          if (r() < 0.6) budgets[y] = Math.round(r() * 1e9) / 100 + (r() < 0.1 ? 0.1 : 0);
      return { id: g * 1000 + i, name: `โครงการที่ ${i}`, budgets, inTotals: r() < 0.85 } as NeedsItem;
    }),
  }));
  const fast = withTotals(groups);
  const ref = referenceTotals(groups);
  expect(fast).toEqual(ref);
  for (const y of ref.years) {
    expect(Object.is(fast.totals[y], ref.totals[y])).toBe(true);
    fast.groups.forEach((g, k) => expect(Object.is(g.totals[y], ref.groups[k].totals[y])).toBe(true));
  }
  expect(Object.keys(fast.totals)).toEqual(['2566', '2567', '2568', '2569', '2570', '2571']);
});

/** The sharer as it was: one object per joined key. */
function referenceSharer(): (v: ItemVerdict) => ItemVerdict {
  const seen = new Map<string, ItemVerdict>();
  return (v) => {
    const key = `${v.status}\u0000${v.declared ?? ''}\u0000${v.declaredUnknown ?? ''}\u0000${v.suggested ?? ''}\u0000${v.reason}\u0000${v.reasonEn}`;
    const hit = seen.get(key);
    if (hit) return hit;
    const own: ItemVerdict = { ...v };
    seen.set(key, own);
    return own;
  };
}

test('verdictSharer: equal verdicts share one object, any field apart keeps them apart (as the joined key did)', () => {
  const r = rng(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const verdicts: ItemVerdict[] = Array.from({ length: 3000 }, () => {
    const v: ItemVerdict = {
      status: pick(['consistent', 'weak', 'undeclared', 'none'] as const),
      // Copies of the texts (not the same string objects), as a worker's verdicts arrive.
      reason: pick(['', 'ชื่อโครงการตรงกับประเด็นที่ 2 (คำที่ตรง: ถนน)', 'ไม่ได้ระบุประเด็นการพัฒนา']).split('').join(''),
      reasonEn: pick(['', 'The project name fits issue 2', 'No development issue declared']).split('').join(''),
    };
    const declared = pick([undefined, '', '1', '2']);
    if (declared !== undefined) v.declared = declared;
    const suggested = pick([undefined, '2', '3']);
    if (suggested !== undefined) v.suggested = suggested;
    if (r() < 0.1) v.declaredUnknown = pick(['9', 'ประเด็นที่ 9']);
    return v;
  });
  const share = verdictSharer();
  const ref = referenceSharer();
  const fast = verdicts.map(share);
  const want = verdicts.map(ref);
  expect(fast).toEqual(want);
  // The same pattern of sharing: i and j share an object exactly when they did before.
  const idOf = (xs: ItemVerdict[]) => {
    const ids = new Map<ItemVerdict, number>();
    return xs.map((x) => ids.get(x) ?? (ids.set(x, ids.size), ids.size - 1));
  };
  expect(idOf(fast)).toEqual(idOf(want));
  expect(new Set(fast).size).toBeLessThan(verdicts.length / 3);
});
