/**
 * The abbreviation rules as normaliseThai applies them (abbreviate: each rule only where its need text
 * is, and none after a rule leaves no dot for the later ones' need texts) against every rule applied in
 * order: plan texts of generated and real workbooks, then with abbreviations, dots, digits and village
 * numbers put in at random places, so that rules feed later ones and dots come and go.
 */
import { rng } from '../../bench/gen';
import { ABBREVIATIONS, _passes, clearTokenCache, normaliseOnce, normaliseThai } from '../../src/engine/normalise';
import { noised, planTexts } from './plan-texts';

const { abbreviate } = _passes;

/** Every rule, in order, on every text. */
const everyRule = (s: string): string => ABBREVIATIONS.reduce((t, [rule, by]) => t.replace(rule, by), s);

const INSERTS = [
  'ม.3',
  'ม. 12',
  'ม.ที่ 4',
  'หมู่ 5',
  'หมู่บ้านที่ 6',
  'ต.นาดี',
  ' ต.นาดี',
  ' อ.เมือง',
  '(จ.น่าน)',
  'จ.',
  'อ.',
  'ต.',
  'ถ.',
  ' ซ.',
  'คสล.',
  'ค.ส.ล.',
  'รพ.สต.',
  'อบต.',
  'ทต.',
  'ศพด.',
  'ร.ร.',
  'สนง.',
  ' 2 กม.',
  'กม. 3',
  '5 ม.',
  '10 ตร.ม.',
  'แอสฟัลท์ติก',
  'ลาดยาง',
  'ระบบประปา',
  'ประปาผิวดิน',
  '.',
  '1.5',
  '3',
  ' ',
];

test('each rule where its need text is, none once no dot is left for the later ones: the text every rule in order gives', () => {
  const next = rng(17);
  const base = planTexts(9, 3);
  expect(base.length).toBeGreaterThan(1000);
  let changed = 0;
  let dotted = 0;
  for (const t of base) {
    const noisy = noised(t, next, INSERTS, 6);
    for (const s of [t, noisy, `${noisy} ม.7`, `${noisy} ม.7 ต.นาดี`]) {
      const want = everyRule(s);
      expect(abbreviate(s)).toBe(want);
      if (want !== s) changed++;
      if (want.includes('.')) dotted++;
    }
  }
  // Texts the rules changed, and texts left with a dot (where the later rules still run), both many.
  expect(changed).toBeGreaterThan(base.length * 2);
  expect(dotted).toBeGreaterThan(base.length / 2);
});

test('a name normalised without the gate before the rules (normaliseOnce) is the text normaliseThai gives with it', () => {
  const next = rng(19);
  let ungated = 0;
  for (const t of planTexts(9, 3)) {
    const noisy = noised(t, next, INSERTS, 4);
    // Texts with and without what the gate looks for (digits, dots, the undotted forms).
    for (const s of [t, noisy, t.replace(/[.\d๐-๙]/g, '')]) {
      clearTokenCache();
      expect([s, normaliseOnce(s)]).toEqual([s, normaliseThai(s)]);
      if (!/[.\d๐-๙]/.test(s)) ungated++;
    }
  }
  expect(ungated).toBeGreaterThan(500);
});
