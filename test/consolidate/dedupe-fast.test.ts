/**
 * findMatches (typed-array gates, rarest tokens without sorting, cached place relations, the name order
 * from flat arrays) against a reference written the plain way: the same blocks and windows keyed by
 * strings, every pair judged by compare() on the candidates themselves.
 */
import { compare, findMatches, type Match } from '../../src/engine/consolidate/dedupe';
import type { Candidate, Role } from '../../src/engine/consolidate/extract';
import type { PlaceCodes } from '../../src/engine/places/types';
import { candidate, nameOrderReference, rng } from './fixtures';

const BLOCK_MAX = 64;
const WINDOW = 16;
const RARE_TOKENS = 3;

/** The blocks and windows of findMatches, written with strings and objects, judged by compare(). */
function referenceMatches(cands: readonly Candidate[]): Match[] {
  const df = new Map<string, number>();
  for (const c of cands) for (const t of c.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const firstSeen = new Map<string, number>();
  for (const c of cands) for (const t of c.tokens) if (!firstSeen.has(t)) firstSeen.set(t, firstSeen.size);
  const blocks = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const b = blocks.get(key);
    if (b) b.push(i);
    else blocks.set(key, [i]);
  };
  cands.forEach((c, i) => {
    if (!c.compact) return;
    add(`name:${c.compact}`, i);
    if (c.village !== undefined) add(`village:${c.village}:${c.tambon ?? ''}`, i);
    const rare = [...c.tokens].filter((t) => df.get(t)! > 1);
    rare.sort((x, y) => df.get(x)! - df.get(y)! || firstSeen.get(x)! - firstSeen.get(y)!);
    for (const t of rare.slice(0, RARE_TOKENS)) add(`token:${t}`, i);
  });
  const byName = nameOrderReference(cands);
  const rank = new Map(byName.map((c, k) => [c, k]));
  const found = new Map<string, Match>();
  const consider = (i: number, j: number) => {
    const [a, b] = i < j ? [i, j] : [j, i];
    if (a === b || (cands[a].role !== 'need' && cands[b].role !== 'need')) return;
    const r = compare(cands[a], cands[b]);
    if (r) found.set(`${a}:${b}`, { a, b, ...r });
  };
  for (const members of blocks.values()) {
    if (members.length <= BLOCK_MAX) {
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) consider(members[x], members[y]);
    } else {
      const sorted = [...members].sort((x, y) => rank.get(x)! - rank.get(y)!);
      for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y <= x + WINDOW && y < sorted.length; y++) consider(sorted[x], sorted[y]);
    }
  }
  return [...found.values()].sort((p, q) => p.a - q.a || p.b - q.b);
}

const WORKS = [
  'ก่อสร้างถนนคอนกรีตเสริมเหล็ก',
  'ก่อสร้างถนน คสล.',
  'ปรับปรุงถนนลูกรัง',
  'ขุดลอกคลอง',
  'ขุดลอกหนองสาธารณะ',
  'ก่อสร้างรางระบายน้ำ',
  'ติดตั้งไฟฟ้าส่องสว่าง',
  'ขยายเขตประปาหมู่บ้าน',
  'ปรับปรุงศาลาประชาคม',
  'ก่อสร้างอาคาร รพ.สต. และจัดหาครุภัณฑ์การแพทย์',
  'ส่งเสริมการท่องเที่ยวชุมชนและพัฒนาแหล่งท่องเที่ยว',
  'อบรมอาชีพเสริมให้กลุ่มสตรี',
];
const PLACES = ['บ้านนา', 'บ้านดอน', 'หนองบัว', 'ห้วยทราย', 'โคกสูง', 'ท่าช้าง', 'นาดี', 'วังน้ำ', 'คลองตะเคียน', 'ป่าแดง'];
const TAMBONS = ['นาดี', 'หนองบัว', 'ท่าข้าม', 'บ้านใหม่', 'ดอนมูล'];
const CODES: Array<PlaceCodes | undefined> = [
  undefined,
  { province: '50', district: '5019' },
  { province: '50', district: '5002' },
  { province: '50', district: '5019', tambon: '501901' },
  { province: '50', district: '5019', tambon: '501902' },
  { province: '65', district: '6501' },
];
const ROLES: Role[] = ['need', 'need', 'need', 'need', 'local', 'district'];

function generated(n: number, seed: number, tokens: 'array' | 'set'): Candidate[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const cands: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    // Copies and near copies of earlier rows, so that every verdict occurs.
    const base = i > 0 && r() < 0.3 ? cands[Math.floor(r() * i)] : undefined;
    let name = base ? base.name : `${pick(WORKS)} สาย${pick(PLACES)}-${pick(PLACES)} ซอย ${Math.floor(r() * 30)}`;
    if (base && r() < 0.5)
      name = r() < 0.5 ? `${name} ช่วงที่ ${Math.floor(r() * 3) + 1}` : name.replace(/ซอย \d+/, `ซอย ${Math.floor(r() * 30)}`);
    if (r() < 0.05) name = name.replace(/พัฒนา|ระบายน้ำ/, (w) => w.slice(0, -1)); // cut short
    const village = base && r() < 0.7 ? base.village : r() < 0.2 ? undefined : Math.floor(r() * 12) + 1;
    const tambon = base && r() < 0.8 ? base.tambon : r() < 0.1 ? undefined : pick(TAMBONS);
    const place = base && r() < 0.8 ? base.place : pick(CODES);
    // The fixtures' candidate, with a role, seven files, a place and now and then no compact name.
    const c = candidate(i, name, village, tambon, tokens);
    cands.push({
      ...c,
      role: r() < 0.02 ? 'need' : pick(ROLES),
      src: { ...c.src, file: `f${i % 7}.xlsx` },
      ...(place ? { place } : {}),
      compact: r() < 0.01 ? '' : c.compact,
    });
  }
  return cands;
}

test.each([
  [300, 1, 'array'],
  [1500, 2, 'set'],
  [4000, 3, 'array'],
] as const)('%i varied Thai rows (seed %i, tokens as %s): the same pairs and verdicts as the reference', (n, seed, tokens) => {
  const cands = generated(n, seed, tokens);
  const fast = findMatches(cands);
  expect(fast).toEqual(referenceMatches(cands));
  // Every kind of verdict occurs, and big blocks were windowed.
  expect(new Set(fast.map((m) => m.confidence))).toEqual(new Set(['exact', 'likely', 'possible']));
});

test('more place classes than are cached: the same pairs', () => {
  const cands = generated(3000, 4, 'array').map((c, i) => ({ ...c, tambon: `ตำบล${i % 2500}` }));
  expect(findMatches(cands)).toEqual(referenceMatches(cands));
});

/**
 * Pairs sharing exactly s of na and nb words, for every small na, nb and s, each pair in its own
 * tambon, with a vocabulary far larger than findMatches' 64 bits of words per candidate (so that
 * bits are shared by different words): the refusals before and during the word merge (too few words
 * can be shared) must keep every pair the reference finds, at the edge of each verdict.
 */
test('pairs at the least shared words of each verdict, many words to a bit: the same pairs', () => {
  const cands: Candidate[] = [];
  let word = 0;
  const fresh = () => `คำ${word++}`;
  let pair = 0;
  for (let na = 1; na <= 12; na++)
    for (let nb = 1; nb <= 12; nb++)
      for (let s = Math.max(0, Math.min(na, nb) - 8); s <= Math.min(na, nb); s++)
        for (const villages of [
          [3, 3],
          [undefined, undefined],
          [3, undefined],
        ] as const) {
          const shared = Array.from({ length: s }, fresh);
          const a = [...shared, ...Array.from({ length: na - s }, fresh)];
          // Now and then the other side's own words are a's own ones run on ("cut short" on a's side).
          const runOn = (na + nb + s) % 3 === 0;
          // b's shared words last: the words of a list in no particular order.
          const b = [...Array.from({ length: nb - s }, (_, k) => (runOn && s + k < na ? `${a[s + k]}ต่อ` : fresh())), ...shared];
          const tambon = `ตำบล${pair++}`;
          for (const [tokens, village] of [
            [a, villages[0]],
            [b, villages[1]],
          ] as const) {
            const c = candidate(cands.length, tokens.join(' '), village, tambon);
            cands.push({ ...c, tokens, compact: tokens.join('') });
          }
        }
  const fast = findMatches(cands);
  expect(fast).toEqual(referenceMatches(cands));
  expect(new Set(fast.map((m) => m.confidence))).toEqual(new Set(['exact', 'likely', 'possible']));
});
