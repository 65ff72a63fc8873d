/**
 * normaliseThai’s last passes (punctuation, ๆ, spaces, case) in one pass over printable ASCII and Thai
 * (plainTail) against the passes as regexes (lastPasses): names, objectives and targets of generated and
 * real workbooks, as read and after the abbreviations, then the same texts with punctuation, dots between
 * and beside digits, ๆ, runs of spaces and capitals put in at random places. Word tokens cut chunk by chunk
 * between spaces against the segmenter's words of each chunk.
 */
import { rng } from '../../bench/gen';
import { _passes, coreName, normaliseThai, wordTokens } from '../../src/engine/normalise';
import { noised, planTexts } from './plan-texts';

const { plainTail, lastPasses } = _passes;

const INSERTS = [
  '.',
  '..',
  ' . ',
  '1.5',
  '2.',
  '.3',
  ',',
  '(',
  ')',
  '"',
  '-',
  '_',
  '/',
  '&',
  '@',
  'ๆ',
  ' ๆ',
  'ๆๆ',
  '  ',
  '   ',
  ' ',
  'ABC',
  'Km.',
  'x',
  '๑',
  '\u00a0',
  '\t',
  '“',
  '—',
  'é',
];

test('the one-pass tail gives the regex passes’ text on plan texts, as read and with punctuation, digits, ๆ, spaces and capitals put in', () => {
  const next = rng(7);
  const base = planTexts(1, 6);
  expect(base.length).toBeGreaterThan(1000);
  let fast = 0;
  let changed = 0;
  for (const t of base) {
    const noisy = noised(t, next, INSERTS, 5);
    for (const s of [t, normaliseThai(t), noisy, ` ${noisy} `]) {
      const want = lastPasses(s);
      const got = plainTail(s);
      if (got !== undefined) {
        fast++;
        if (got !== s) changed++;
        expect(got).toBe(want);
      }
      expect(got ?? want).toBe(want);
    }
  }
  // The one-pass tail took most texts and changed many (a tail that gave up on all, or changed none, would pass for nothing).
  expect(fast).toBeGreaterThan(base.length * 2);
  expect(changed).toBeGreaterThan(base.length);
});

test('texts beyond printable ASCII and Thai are left to the regex passes', () => {
  for (const s of ['ถนน\u00a0คสล.', 'บ้าน\tนา', 'ข้อความ “ยาว”', 'ก—ข', 'é', 'x'.repeat(2000)]) expect(plainTail(s)).toBeUndefined();
  expect(plainTail(' ถนน  (สาย ก.) 1.5 กม. ๆ ABC ')).toBe('ถนน สาย ก 1.5 กม ๆ abc');
});

test('word tokens chunk by chunk between spaces: the segmenter’s words of each chunk split at the spaces, in order', () => {
  const seg = new Intl.Segmenter('th', { granularity: 'word' });
  const reference = (s: string): string[] =>
    s
      .split(' ')
      .filter((c) => c !== '')
      .flatMap((c) => [...seg.segment(c)].filter((p) => p.isWordLike).map((p) => p.segment));
  const next = rng(11);
  let tokens = 0;
  for (const t of planTexts(1, 6)) {
    const core = coreName(t);
    // As normalised (single spaces), then with spaces doubled, leading and trailing.
    for (const s of [core, ` ${core.replace(/ /g, () => (next() < 0.3 ? '  ' : ' '))} `, '', ' ', core.replace(/ /g, '')]) {
      const got = wordTokens(s);
      expect(got).toEqual(reference(s));
      tokens += got.length;
    }
  }
  expect(tokens).toBeGreaterThan(10000);
});
