/** One copy of equal token lists, budgets and places: asked again (by identity or by content), the same object. */
import { sharedBudgets, sharedPlace, sharedTokens } from '../../src/engine/consolidate/extract';

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
