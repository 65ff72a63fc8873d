/**
 * The shortcuts in text normalisation (round 5 of the benchmark) must give exactly what the full steps
 * give: normaliseText skips the digit, invisible-character, PM 2.5 and dot steps when a text has none
 * of the characters they act on, and thaiToArabic returns a text without Thai digits untouched.
 * Checked on every text cell of the real workbook and on texts made to hit each step.
 */
import { readWorkbookFile } from '../../src/node/files';
import { isNormalText, matchedPhrases, normaliseText, spaceOutRuns, STOPWORDS, terms } from '../../src/engine/strategy/text';
import { STRATEGY_PRESETS } from '../../src/engine/strategy/presets';
import { thaiToArabic } from '../../src/engine/thai';
import { REAL_SAMPLE } from '../samples';

/** normaliseText as it was before the shortcut: every step, always. */
function reference(s: string): string {
  const digits = s.replace(/[\u0e50-\u0e59]/g, (d) => String.fromCharCode(48 + d.charCodeAt(0) - 0x0e50));
  return digits
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/pm\s*2\s*[.,]\s*5/g, ' pm25 ')
    .replace(/\.\.\.|…/g, ' ')
    .replace(/[\s"'“”‘’`()[\]{}<>:;,!?/\\|*_=+#@%^&~\-–—•·]+/g, ' ')
    .replace(/(^|\s)\.+|\.+(\s|$)/g, ' ')
    .trim();
}

const MADE = [
  'ฝุ่น\u200bควัน PM 2.5 (๒๕๖๖)',
  'ก่อสร้างถนน คสล. สายบ้านนาหว้า-ดอนมูล หมู่ที่ ๓',
  'ขุดลอกคลอง…ต่อ',
  'OTOP, SMEs; "ตลาด"',
  '  โครงการ\u00a0ส่งเสริม\tอาชีพ  ',
  'pm2,5 ลดหมอกควัน',
  // a tone mark typed before sara u: NFC puts the vowel first
  'ผู\u0e49\u0e39สูงอายุ',
  'Ｔｈａｉ ＯＴＯＰ',
  'ถนน...สาย ก',
  '',
  // Punctuation runs (the pattern leaves a lone space alone): lone and doubled spaces, tabs, wide and
  // no-break spaces, a run mixing both kinds, at either end, one character texts.
  'ก่อสร้าง ถนน  สาย\tบ้านนา \u3000ดอน\u00a0มูล',
  ' - (หมู่ที่ 3) - ',
  'สาย ก -ข- ค',
  ' ',
  '-',
  'a  b\n\nc\r\n d',
  'ข้อ 1/2 ; ข้อ 3|4',
];

let cells: string[] = [];
beforeAll(async () => {
  const wb = await readWorkbookFile(REAL_SAMPLE);
  const seen = new Set<string>();
  for (const sh of wb.sheets) for (const row of sh.rows) for (const c of row ?? []) if (c && typeof c.v === 'string') seen.add(c.v);
  cells = [...seen];
});

test('normaliseText equals the full steps on every text of the real workbook and on made texts', () => {
  expect(cells.length).toBeGreaterThan(1000);
  const differ = [...cells, ...MADE].filter((s) => normaliseText(s) !== reference(s));
  expect(differ).toEqual([]);
  // the made texts do reach the steps the shortcut skips
  expect(normaliseText(MADE[0])).toBe('ฝุ่นควัน pm25 2566');
  expect(normaliseText(MADE[6])).toBe('ผู\u0e39\u0e49สูงอายุ');
});

/** A small deterministic generator (tests must not depend on Math.random's seed). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

test('a text isNormalText vouches for is its own normal form; the scan takes a good share of the real texts', () => {
  // Letters, every kind of Thai mark (tone marks before and after sara u), Thai and Arabic digits,
  // upper and lower case, each punctuation mark, spaces of every kind, dots, ellipses, zero-width.
  const alphabet = [
    ...'กขคงจฟสหฺุู่้๊๋ัิีึืะาำเแโใไ็์ํ๎๏๚๛๐๑๙฿',
    ...'abzAZ09 $.,…-–()[]{}<>:;!?/\\|*_=+#@%^&~"\'“”‘’`•·',
    '  ',
    '\t',
    '\n',
    '\u00a0',
    '\u200b',
    '\u00ad',
    '\u3000',
    'é',
    'e\u0301',
    'Ｔ',
  ];
  const rnd = lcg(25);
  let vouched = 0;
  for (let k = 0; k < 20000; k++) {
    let s = '';
    const len = 1 + Math.floor(rnd() * 12);
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    if (isNormalText(s)) {
      vouched++;
      expect(reference(s)).toBe(s);
    }
    expect(normaliseText(s)).toBe(reference(s));
  }
  expect(vouched).toBeGreaterThan(100);
  // Marks of non-zero combining class out of order go the long way (NFC reorders them).
  expect(isNormalText('ผู\u0e49\u0e39')).toBe(false);
  expect(isNormalText('ก\u0e39\u0e3a')).toBe(false);
  expect(isNormalText('ผู้สูงอายุ')).toBe(true);
  expect(isNormalText('ถนน คสล')).toBe(true);
  for (const s of ['ถนน  คสล', ' ถนน', 'ถนน ', 'ถนน คสล.', 'ผู\u0e49\u0e39', 'Road', 'ปี ๒๕๖๖', 'ก-ข', ''])
    expect(isNormalText(s)).toBe(s === '');
  const real = cells.filter(isNormalText);
  for (const s of real) expect(reference(s)).toBe(s);
  expect(real.length).toBeGreaterThan(cells.length / 5);
});

test('spaceOutRuns makes every run of spaces and punctuation one space, as the regex did', () => {
  const runs = /[\s"'“”‘’`()[\]{}<>:;,!?/\\|*_=+#@%^&~\-–—•·]+/g;
  // Every character the class holds (white space of every kind, ASCII and wide marks), and some it does not.
  const alphabet = [...' \t\n\r\v\f\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u180e\u200b'];
  alphabet.push(...`"'“”‘’\`()[]{}<>:;,!?/\\|*_=+#@%^&~-–—•·`, ...'.…$aZ09กขุ่ํ๙é\ud83d\ude00');
  const rnd = lcg(7);
  for (let k = 0; k < 20000; k++) {
    let s = '';
    const len = Math.floor(rnd() * 16);
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    expect(spaceOutRuns(s)).toBe(s.replace(runs, ' '));
  }
  for (const s of cells) expect(spaceOutRuns(s)).toBe(s.replace(runs, ' '));
  // Nothing to change: the same string back.
  const plain = 'ก่อสร้างถนน คสล สาย ก';
  expect(spaceOutRuns(plain)).toBe(plain);
});

test('thaiToArabic converts Thai digits anywhere and returns a text without them as it is', () => {
  expect(thaiToArabic('ปีงบประมาณ ๒๕๖๖ งบ 500,๐๐๐ บาท')).toBe('ปีงบประมาณ 2566 งบ 500,000 บาท');
  expect(thaiToArabic('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
  const plain = 'ก่อสร้างถนน คสล. หมู่ที่ 3';
  expect(thaiToArabic(plain)).toBe(plain);
  for (const s of cells) expect(thaiToArabic(s)).toBe(s.replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50)));
});

test('matched phrases join words linked by a matched pair, from the cached runs', () => {
  const text = 'ติดตั้งระบบไฟฟ้าพลังงานแสงอาทิตย์ (โซลาร์เซลล์) ส่งเสริมการท่องเที่ยว';
  const t = terms(text);
  const pair = t.find((x) => x === 'ท่องเที่ยว');
  expect(pair).toBe('ท่องเที่ยว');
  const phrases = matchedPhrases(text, new Set(['ท่องเที่ยว']));
  expect(phrases).toEqual(['ท่องเที่ยว']);
  // asked again (runs now cached with their pairs): the same answer
  expect(matchedPhrases(text, new Set(['ท่องเที่ยว']))).toEqual(phrases);
  expect(matchedPhrases(text, new Set())).toEqual([]);
});

test('compounds stay whole: no term is a syllable of โรงพยาบาล, ติดตั้ง, ยาเสพติด; a text cut short drops its cut word', () => {
  expect(terms('ติดตั้งกล้องวงจรปิดหน้าโรงพยาบาล')).toEqual(expect.arrayContaining(['ติดตั้ง', 'กล้องวงจรปิด', 'กล้อง', 'วงจรปิด', 'โรงพยาบาล']));
  expect(terms('ติดตั้งกล้องวงจรปิดหน้าโรงพยาบาล')).not.toEqual(expect.arrayContaining(['ติด']));
  expect(terms('ติดตั้งกล้องวงจรปิดหน้าโรงพยาบาล').filter((t) => ['ติด', 'ตั้ง', 'โรง'].includes(t))).toEqual([]);
  expect(terms('ป้องกันยาเสพติดในโรงเรียน').filter((t) => ['ยา', 'ติด', 'เสพ'].includes(t))).toEqual([]);
  expect(terms('ลดค่าใช้จ่ายด้านพลังงานไฟฟ้าในส่วนราชการแล...')).not.toContain('แล');
  // …with white space after the ellipsis, or the one-character ellipsis; not when the text goes on after it.
  expect(terms('ลดค่าใช้จ่ายด้านพลังงานไฟฟ้าในส่วนราชการแล… \n')).not.toContain('แล');
  expect(terms('ลดค่าใช้จ่ายด้านพลังงานไฟฟ้าในส่วนราชการแล...\t')).not.toContain('แล');
  expect(terms('ในส่วนราชการแล... ต่อ')).toContain('แล');
});

test('every keyword of the built-in lists of two to six ICU words is one term of its own text (compounds joined whole)', () => {
  // mergeCompounds grows a join word by word while it begins a lexicon entry: a missing beginning
  // would leave such a keyword in pieces.
  const seg = new Intl.Segmenter('th', { granularity: 'word' });
  const keywords = STRATEGY_PRESETS.flatMap((p) => p.list.issues.flatMap((i) => i.keywords ?? [])).map(normaliseText);
  const joined = [...new Set(keywords)].filter((k) => {
    const parts = [...seg.segment(k)].length;
    return k && !k.includes(' ') && parts >= 2 && parts <= 6 && !STOPWORDS.has(k);
  });
  expect(joined.length).toBeGreaterThan(50);
  expect(joined.filter((k) => !terms(k).includes(k))).toEqual([]);
  expect(terms('พัฒนาแหล่งท่องเที่ยวเชิงเกษตร')).toEqual(expect.arrayContaining(['แหล่งท่องเที่ยว', 'ท่องเที่ยว']));
});
