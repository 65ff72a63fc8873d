/** One copy of equal token lists, budgets and places: asked again (by identity or by content), the same object. */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { _distinct, amountsOf, sharedBudgets, sharedPlace, sharedTokens, toCandidate } from '../../src/engine/consolidate/extract';
import { coreName, wordTokens } from '../../src/engine/normalise';
import { readPlanSheet } from '../../src/engine/forms/read';
import type { BudgetValue, ProjectRow } from '../../src/engine/plan';
import { readXlsx } from '../../src/xlsx/read';
import { districtFile, rng } from '../../bench/gen';
import { REAL_SAMPLE } from '../samples';

describe('shared candidate parts', () => {
  test('a token list: equal lists share one frozen copy, asking again with either gives it back', () => {
    const a = ['ก่อสร้าง', 'ถนน', 'คอนกรีตเสริมเหล็ก'];
    const b = structuredClone(a); // as a worker's candidate arrives
    const own = sharedTokens(a);
    expect(own).toEqual(a);
    expect(Object.isFrozen(own)).toBe(true);
    expect(sharedTokens(a)).toBe(own);
    expect(sharedTokens(own)).toBe(own);
    expect(sharedTokens(b)).toBe(own);
    expect(sharedTokens(['ก่อสร้าง', 'ถนน'])).not.toBe(own);
  });

  test('budgets by B.E. year and places: equal ones share one object, whatever order the years came in', () => {
    const x = sharedBudgets({ 2568: 500000, 2569: 0 });
    expect(sharedBudgets(x)).toBe(x);
    expect(sharedBudgets({ 2569: 0, 2568: 500000 })).toBe(x);
    expect(sharedBudgets({ 2568: 500000, 2569: 1 })).not.toBe(x);
    const p = sharedPlace({ province: '50', district: '5001', tambon: '500101' });
    expect(sharedPlace(p)).toBe(p);
    expect(sharedPlace(structuredClone(p))).toBe(p);
  });

  test('budgets: only equal years and amounts share (fractions, amounts past 2^32, a missing or extra year, -0 as 0)', () => {
    const x = sharedBudgets({ 2566: 1234567.5, 2567: 5_000_000_000 });
    expect(sharedBudgets({ 2566: 1234567.5, 2567: 5_000_000_000 })).toBe(x);
    // Same whole baht, same hash: told apart by the comparison.
    expect(sharedBudgets({ 2566: 1234567.25, 2567: 5_000_000_000 })).not.toBe(x);
    expect(sharedBudgets({ 2566: 1234567.5, 2567: 5_000_000_000 + 4294967296 })).not.toBe(x);
    expect(sharedBudgets({ 2566: 1234567.5 })).not.toBe(x);
    expect(sharedBudgets({ 2566: 1234567.5, 2567: 5_000_000_000, 2568: 0 })).not.toBe(x);
    const zero = sharedBudgets({ 2570: 0 });
    expect(sharedBudgets({ 2570: -0 })).toBe(zero);
    expect(sharedBudgets({ 2571: 0 })).not.toBe(zero);
    expect(sharedBudgets({})).toBe(sharedBudgets({}));
  });
});

describe('amountsOf: the shared record found from the pairs', () => {
  // amountsOf sums a row's years in arrays and finds the shared record from them, building one only
  // for amounts not seen yet; the reference builds the record first, as before, then shares it.
  const reference = (p: ProjectRow): Record<number, number> => {
    const budgets: Record<number, number> = {};
    for (const b of p.parts ? [...p.budgets, ...p.parts.flatMap((x) => x.budgets)] : p.budgets) {
      if (!b.year) continue;
      budgets[b.year] = (budgets[b.year] ?? 0) + (b.amount ?? 0);
    }
    return budgets;
  };
  const inflateRaw = (d: Uint8Array) => new Uint8Array(zlib.inflateRawSync(d));
  const rows: ProjectRow[] = [];
  const books = [readXlsx(new Uint8Array(fs.readFileSync(REAL_SAMPLE)), 'real.xlsx', { inflateRaw })];
  for (let i = 0; i < 8; i++) books.push(readXlsx(districtFile(i, 60).bytes, 'g.xlsx', { inflateRaw }));
  for (const wb of books) for (const sh of wb.sheets) rows.push(...readPlanSheet(sh).projects);
  // Rows made awkward: years out of order or repeated, parts, unreadable and odd amounts, a blank year.
  const r = rng(7);
  const amounts = [0, -0, 500000, 1234567.5, 1234567.25, 5_000_000_000, 5_000_000_000 + 4294967296, null, NaN, 0.1 + 0.2, -25000];
  const line = (): BudgetValue => ({
    year: r() < 0.05 ? 0 : 2565 + Math.floor(r() * 6),
    col: 0,
    amount: amounts[Math.floor(r() * amounts.length)],
  });
  for (let i = 0; i < 3000; i++) {
    const base = rows[i % rows.length];
    const budgets = Array.from({ length: Math.floor(r() * 7) }, line);
    const parts = r() < 0.2 ? [{ row: 0, budgets: Array.from({ length: 1 + Math.floor(r() * 3) }, line) }] : undefined;
    rows.push({ ...base, budgets, ...(parts ? { parts: parts as ProjectRow['parts'] } : {}) });
  }

  test('the same record, keys and amounts, as building it first; one object for equal amounts', () => {
    expect(rows.length).toBeGreaterThan(3500);
    const objects = new Set<object>();
    for (const p of rows) {
      const want = reference(p);
      const got = amountsOf(p);
      expect(Object.entries(got.budgets)).toEqual(Object.entries(want));
      // -0 summed first became 0 in the record; so it must here.
      for (const y in want) expect(Object.is(got.budgets[y as unknown as number], want[y as unknown as number])).toBe(true);
      expect(sharedBudgets(want)).toBe(got.budgets);
      expect(got.bad).toEqual(
        (p.parts ? [...p.budgets, ...p.parts.flatMap((x) => x.budgets)] : p.budgets)
          .filter((b) => b.year && b.amount === null)
          .map((b) => b.year),
      );
      objects.add(got.budgets);
    }
    // Amounts repeat: far fewer records than rows (the sharing is exercised).
    expect(rows.length - objects.size).toBeGreaterThan(500);
    expect(objects.size).toBeGreaterThan(100);
  });

  test('a record shared before (by sharedBudgets) is the one found; a year that is no array index still works', () => {
    const x = sharedBudgets({ 2569: 0, 2568: 700001 });
    const row = {
      ...rows[0],
      budgets: [
        { year: 2568, col: 0, amount: 700001 },
        { year: 2569, col: 1, amount: -0 },
      ],
    } as ProjectRow;
    delete row.parts;
    expect(amountsOf(row).budgets).toBe(x);
    const odd = {
      ...row,
      budgets: [
        { year: 2566.5, col: 0, amount: 1 },
        { year: 2566, col: 1, amount: 2 },
      ],
    } as ProjectRow;
    expect(Object.entries(amountsOf(odd).budgets)).toEqual([
      ['2566', 2],
      ['2566.5', 1],
    ]);
    expect(amountsOf(odd).budgets).toBe(amountsOf({ ...odd }).budgets);
  });
});

test('budgets whose hashes collide share only when equal: a record with one more year is not one without it', () => {
  // FNV-1a over the years and amounts, as the shared table hashes them; a second year whose amount
  // brings the hash back to the first year's alone is solved for (FNV's multiplier is invertible).
  const P = 0x01000193;
  const step = (h: number, x: number) => Math.imul(h ^ x, P);
  const hash = (pairs: Array<[number, number]>): number =>
    pairs.reduce((h, [y, v]) => step(step(step(h, y), v | 0), (v / 4294967296) | 0), 0x811c9dc5);
  let inv = P;
  for (let i = 0; i < 5; i++) inv = Math.imul(inv, 2 - Math.imul(P, inv));
  expect(Math.imul(P, inv)).toBe(1);
  const one: Array<[number, number]> = [[2566, 750000]];
  const h = hash(one);
  // step(step(step(h, 2567), lo), 0) === h  ⇔  step(h, 2567) ^ lo === h · inv · inv
  const lo = step(h, 2567) ^ Math.imul(Math.imul(h, inv), inv);
  const two: Array<[number, number]> = [...one, [2567, lo >>> 0]];
  expect(hash(two)).toBe(h);
  const rowOf = (pairs: Array<[number, number]>) =>
    ({ budgets: pairs.map(([year, amount], col) => ({ year, col, amount })) }) as unknown as ProjectRow;
  // The two-year record first: the one-year row (same hash, the same first year) must get a record of its own.
  const a = amountsOf(rowOf(two)).budgets;
  const b = amountsOf(rowOf(one)).budgets;
  expect(b).not.toBe(a);
  expect(Object.entries(b)).toEqual([['2566', 750000]]);
  expect(sharedBudgets({ 2566: 750000 })).toBe(b);
  expect(sharedBudgets({ 2566: 750000, 2567: lo >>> 0 })).toBe(a);
});

test("a candidate's tokens: each once, in first-seen order (as a Set keeps them), on real and generated names", () => {
  // toCandidate drops repeated tokens with a filter (no Set per name); the reference is the Set.
  const inflateRaw = (d: Uint8Array) => new Uint8Array(zlib.inflateRawSync(d));
  let repeated = 0;
  let n = 0;
  for (const bytes of [new Uint8Array(fs.readFileSync(REAL_SAMPLE)), districtFile(6, 200).bytes, districtFile(7, 200).bytes])
    for (const sheet of readXlsx(bytes, 'x.xlsx', { inflateRaw }).sheets) {
      const plan = readPlanSheet(sheet);
      for (const p of plan.projects) {
        const all = wordTokens(coreName(p.name));
        const want = [...new Set(all)];
        if (want.length < all.length) repeated++;
        expect([p.name, toCandidate(p, plan, 'x.xlsx', 'need', n++).tokens]).toEqual([p.name, want]);
      }
    }
  expect(n).toBeGreaterThan(300);
  expect(repeated).toBeGreaterThan(20);
});

test('distinct tokens by their keys first: the same lists as comparing every pair, on segmented names and on made-up lists', () => {
  const { distinctTokens, firstOfEach } = _distinct;
  const inflateRaw = (d: Uint8Array) => new Uint8Array(zlib.inflateRawSync(d));
  const next = rng(3);
  let lists = 0;
  let repeated = 0;
  for (const bytes of [new Uint8Array(fs.readFileSync(REAL_SAMPLE)), districtFile(8, 200).bytes])
    for (const sheet of readXlsx(bytes, 'x.xlsx', { inflateRaw }).sheets)
      for (const p of readPlanSheet(sheet).projects) {
        const all = wordTokens(coreName(p.name));
        // As segmented, then with tokens of one key and copies (other string objects) of its own put in.
        const noisy = [...all];
        for (let k = Math.floor(next() * 4); k > 0; k--) {
          const pick = all.length ? all[Math.floor(next() * all.length)] : 'ถนน';
          const add = [` ${pick}`.slice(1), pick.length > 1 ? pick[0] + 'x'.repeat(pick.length - 1) : '', ''][Math.floor(next() * 3)];
          noisy.splice(Math.floor(next() * (noisy.length + 1)), 0, add);
        }
        for (const list of [all, noisy]) {
          const want = [...new Set(list)];
          const got = distinctTokens(list);
          expect(got).toEqual(want);
          expect(firstOfEach(list)).toEqual(want);
          // The list itself when it has no repeats (shared, not copied).
          if (want.length === list.length) expect(got).toBe(list);
          else repeated++;
          lists++;
        }
      }
  expect(lists).toBeGreaterThan(300);
  expect(repeated).toBeGreaterThan(100);
  const long = Array.from({ length: 300 }, (_, i) => `w${i % 290}`);
  expect(distinctTokens(long)).toEqual([...new Set(long)]);
  expect(distinctTokens(['', 'ก', ''])).toEqual(['', 'ก']);
  expect(distinctTokens(['กข', 'กค', 'กข'])).toEqual(['กข', 'กค']);
});
