/**
 * Packed names (packed-names.ts) against `<` on the strings themselves: the order duplicate detection's
 * windows are cut from, and name equality (the name blocks and ids of dedupe-keys.ts nameOrder).
 */
import { comparePacked, packNames } from '../../src/engine/consolidate/packed-names';
import { nameOrder } from '../../src/engine/consolidate/dedupe-keys';
import type { Candidate } from '../../src/engine/consolidate/extract';
import { nameOrderReference, rng } from './fixtures';

const WORKS = ['ก่อสร้างถนนคอนกรีตเสริมเหล็ก', 'ก่อสร้างถนนคสล.', 'ขุดลอกคลอง', 'ก่อสร้างรางระบายน้ำ', 'ติดตั้งไฟฟ้าส่องสว่าง', 'ปรับปรุงศาลาประชาคม'];
const PLACES = ['บ้านนา', 'บ้านดอน', 'หนองบัว', 'ห้วยทราย', 'โคกสูง', 'ท่าช้าง', 'pm2.5', 'ซอย', 'หมู่'];
/** Characters outside Thai and printable ASCII: the names' own alphabet is used then. */
const ODD = ['–', '²', '\u00a0', '\t', '😀', '\ue000', '\uffef', '“'];

/** Compact names sharing long prefixes, prefixes of one another (at and around each chunk's edge), digits. */
function names(n: number, seed: number, odd: boolean): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: string[] = [''];
  for (let i = 0; i < n; i++) {
    const base = out.length > 1 && r() < 0.3 ? pick(out) : '';
    let s = base
      ? r() < 0.5
        ? base.slice(0, Math.floor(r() * (base.length + 1)))
        : base + pick(PLACES)
      : `${pick(WORKS)}สาย${pick(PLACES)}${pick(PLACES)}ซอย${Math.floor(r() * 30)}`;
    if (odd && r() < 0.2) {
      const at = Math.floor(r() * (s.length + 1));
      s = s.slice(0, at) + pick(ODD) + s.slice(at);
    }
    out.push(s);
  }
  return out;
}

const sign = (x: number): number => (x < 0 ? -1 : x > 0 ? 1 : 0);
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

test.each([
  [400, 1, false],
  [400, 2, true],
])('%i names (seed %i, odd characters %s): every pair compares as the strings do', (n, seed, odd) => {
  const xs = names(n, seed, odd);
  const packed = packNames(xs);
  let equal = 0;
  let prefix = 0;
  const wrong: string[] = [];
  for (let x = 0; x < xs.length; x++)
    for (let y = 0; y < xs.length; y++) {
      if (sign(comparePacked(packed, x, y)) !== byCodeUnits(xs[x], xs[y])) wrong.push(`${xs[x]} / ${xs[y]}`);
      if (x !== y && xs[x] === xs[y]) equal++;
      if (xs[x] !== xs[y] && xs[y].startsWith(xs[x])) prefix++;
    }
  expect(wrong).toEqual([]);
  // The data has equal names and names that are prefixes of others (the edge the chunks must get right).
  expect(equal).toBeGreaterThan(0);
  expect(prefix).toBeGreaterThan(100);
});

test('the name order and name ids equal sorting the candidates by their strings', () => {
  const xs = names(3000, 3, true);
  const r = rng(4);
  const tambons = ['นาดี', 'หนองบัว', 'ท่าข้าม', undefined];
  const cands = xs.map(
    (compact, i) =>
      ({
        compact,
        tambon: tambons[Math.floor(r() * 4)],
        village: r() < 0.2 ? undefined : Math.floor(r() * 12) + 1,
        seq: i,
      }) as unknown as Candidate,
  );
  const ref = nameOrderReference(cands);
  const { rank, byRank, nameId } = nameOrder(cands);
  expect([...byRank]).toEqual(ref);
  ref.forEach((i, k) => expect(rank[i]).toBe(k));
  for (let k = 1; k < ref.length; k++) {
    const same = cands[ref[k]].compact === cands[ref[k - 1]].compact;
    expect(nameId[ref[k]] === nameId[ref[k - 1]]).toBe(same);
  }
});
