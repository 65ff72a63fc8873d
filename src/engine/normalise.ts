/**
 * Thai text normalisation for matching projects across plans (duplicates, strategy names), and the one
 * Thai word segmenter. Pure: no I/O. Digits and invisible characters come from ./thai (reading officers'
 * text: digits, spaces, amounts, years), which this builds on.
 *
 *   normaliseThai("ก่อสร้างถนน คสล. ม.๓ ต.นาดี")  → "ก่อสร้างถนน คอนกรีตเสริมเหล็ก หมู่ที่ 3 ตำบลนาดี"
 *   coreName(…)                                  → "ก่อสร้างถนน คอนกรีตเสริมเหล็ก"   (location removed)
 *   wordTokens(…)                                → ["ก่อสร้าง", "ถนน", "คอนกรีตเสริมเหล็ก"]
 */
import { ownString } from './own-string';
import { TextCache } from './text-cache';
import { INVISIBLE, thaiToArabic } from './thai';

/** Every kind of space (NBSP, thin, ideographic…) and line breaks. */
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * Abbreviations → the full form, applied in order on text whose digits are Arabic.
 * Each pattern must not match inside a longer word (Thai has no spaces between words, so the
 * dotted abbreviations are the safe ones; undotted ones are only expanded where listed).
 */
export const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string, string | readonly string[]]> = [
  // [rule, replacement, text the rule cannot match without (checked first: most rules skip at once)]
  [/ค\.?\s?ส\.?\s?ล\./g, 'คอนกรีตเสริมเหล็ก', 'ล.'],
  [/คสล(?=[\s(),]|$)/g, 'คอนกรีตเสริมเหล็ก', 'คสล'],
  [/รพ\.\s?สต\.?/g, 'โรงพยาบาลส่งเสริมสุขภาพตำบล', 'รพ.'],
  [/อ\.?บ\.?ต\./g, 'องค์การบริหารส่วนตำบล', 'ต.'],
  [/อบต(?=[\s(),]|$)/g, 'องค์การบริหารส่วนตำบล', 'อบต'],
  [/อ\.?บ\.?จ\./g, 'องค์การบริหารส่วนจังหวัด', 'จ.'],
  [/ทต\./g, 'เทศบาลตำบล', 'ทต.'],
  [/ทม\./g, 'เทศบาลเมือง', 'ทม.'],
  [/ทน\./g, 'เทศบาลนคร', 'ทน.'],
  [/ศ\.?พ\.?ด\./g, 'ศูนย์พัฒนาเด็กเล็ก', 'ด.'],
  [/ศพด(?=[\s(),]|$)/g, 'ศูนย์พัฒนาเด็กเล็ก', 'ศพด'],
  [/ร\.?ร\./g, 'โรงเรียน', 'ร.'],
  [/สนง\./g, 'สำนักงาน', 'สนง.'],
  [/กม\.(?=\s?\d)/g, 'กิโลเมตร', 'กม.'],
  [/(?<=\d)\s?กม\./g, ' กิโลเมตร', 'กม.'],
  [/(?<=\d)\s?ม\.(?!\s?\d)/g, ' เมตร', 'ม.'],
  [/(?<=\d)\s?ตร\.ม\./g, ' ตารางเมตร', 'ตร.ม.'],
  // Asphalt roads: ลาดยาง, แอสฟัลท์ติก(คอนกรีต), พาราแอสฟัลท์… all one surface type for matching.
  [/(?:ผิวจราจร)?(?:พารา)?\s?แอส[ฟพ]ัล[ทต]์?(?:ติ[กค]์?)?(?:\s?คอนกรีต)?/g, 'ลาดยาง', 'แอส'],
  [/ลาดยาง(?:\s?ลาดยาง)+/g, 'ลาดยาง', 'ลาดยาง'],
  // Village water supply: "ระบบประปาหมู่บ้าน", "ประปาหมู่บ้าน", "ประปา" → "ประปา".
  [/ระบบ\s?ประปา/g, 'ประปา', 'ระบบ'],
  [/ประปา\s?ผิวดิน/g, 'ประปาผิวดิน', 'ผิวดิน'],
  // Road: "ถ." before a name or a surface; "ถนนสาย" kept.
  [/(^|[\s(]|ก่อสร้าง|ปรับปรุง|ซ่อมแซม|ซ่อมสร้าง|ขยาย|บูรณะ)ถ\.\s?/g, '$1ถนน ', 'ถ.'],
  [/(^|[\s(])ซ\.\s?/g, '$1ซอย ', 'ซ.'],
  // Village number: ม.3, ม. 3, ม.ที่ 3, หมู่ 3, หมู่ที่3, หมู่บ้านที่ 3 → "หมู่ที่ 3".
  [/(?:หมู่บ้านที่|หมู่\s?ที่|ม\.\s?ที่|หมู่|ม\.)\s?(\d+)/g, ' หมู่ที่ $1 ', ['หมู่', 'ม.']],
  // Tambon / district / province: ต.นาดี → ตำบลนาดี.
  [/(^|[\s(])ต\.\s?(?=[ก-ฮเแโใไ])/g, '$1ตำบล', 'ต.'],
  [/(^|[\s(])อ\.\s?(?=[ก-ฮเแโใไ])/g, '$1อำเภอ', 'อ.'],
  [/(^|[\s(])จ\.\s?(?=[ก-ฮเแโใไ])/g, '$1จังหวัด', 'จ.'],
];

/**
 * The texts the rules need, each once (bit k of a mask: NEED_TEXTS[k] is in the text), the bits each
 * rule needs one of, and every need text found in one scan of a text instead of ~27 `includes` each
 * (those were a quarter of normalising a name).
 */
const NEED_TEXTS = [...new Set(ABBREVIATIONS.flatMap(([, , need]) => (typeof need === 'string' ? [need] : [...need])))];
const RULE_NEEDS = ABBREVIATIONS.map(([, , need]) =>
  (typeof need === 'string' ? [need] : need).reduce((m, t) => m | (1 << NEED_TEXTS.indexOf(t)), 0),
);
/** Longest first: where several need texts start at one place, the regex finds the longest; the shorter are its prefixes. */
const NEED_RE = new RegExp(
  [...NEED_TEXTS]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);
/**
 * Whether every need text of the rules after rule i holds a dot: once rule i has changed the text into
 * one without a dot, none of them can match (the village rule, which changes most names, is followed
 * only by ต. อ. จ.).
 */
const LATER_NEED_DOTS = ABBREVIATIONS.map((_, i) =>
  ABBREVIATIONS.slice(i + 1).every(([, , need]) => (typeof need === 'string' ? [need] : need).every((t) => t.includes('.'))),
);
/** A need text found → its bit and the bits of the need texts that are its prefixes. */
const NEED_BITS = new Map(NEED_TEXTS.map((t) => [t, NEED_TEXTS.reduce((m, u, k) => (t.startsWith(u) ? m | (1 << k) : m), 0)]));

/** Bits of the need texts in `s` (a match at every position, overlapping ones too). */
function needsIn(s: string): number {
  let mask = 0;
  NEED_RE.lastIndex = 0;
  for (let m = NEED_RE.exec(s); m; m = NEED_RE.exec(s)) {
    mask |= NEED_BITS.get(m[0]) as number;
    NEED_RE.lastIndex = m.index + 1;
  }
  return mask;
}

/**
 * Canonical text for comparison: NFC, Thai digits → Arabic, invisible characters removed, common
 * abbreviations expanded, "ม.3"/"หมู่ 3" → "หมู่ที่ 3", punctuation → space, spaces collapsed,
 * Latin lower-cased. Idempotent.
 */
export function normaliseThai(input: string): string {
  const key = String(input ?? '');
  const hit = NORM_CACHE.get(key);
  if (hit !== undefined) return hit;
  const out = normaliseUncached(key);
  NORM_CACHE.offer(key, out);
  return out;
}

/** normaliseThai per distinct text (names, cells and classifications repeat across rows and files). */
const NORM_CACHE = new TextCache<string>(50000);

/**
 * normaliseThai without its cache, for a text seen about once (a project's name: most are unique, and
 * the cache's table of first sightings cost more per name than normalising the odd repeat again).
 */
export function normaliseOnce(input: string): string {
  return normaliseUncached(String(input ?? ''), false);
}

/** plainScan's flags of the text normaliseOnce last read, as given (onceTrimsOnly). */
let onceFlags = 0;

/**
 * Whether tidySpaces (./thai) of the text normaliseOnce last read is only its trim: that text has no unit
 * outside printable ASCII, the space and the Thai block (line breaks, tabs, NBSP and the invisible
 * characters all are) and no two spaces in a row, so tidySpaces' test cannot match. Its scan of a name
 * (~1.5 k instructions) is then skipped: normalising has just scanned the same text. Ask right after.
 */
export function onceTrimsOnly(): boolean {
  return (onceFlags & (OTHER | SPACE_RUN)) === 0;
}

/**
 * Every abbreviation rule needs one of these to match (a dot, a digit, or one of the undotted forms), so
 * text without any of them skips the ~25 rules (no rule fires, so none can feed a later one). A project
 * name nearly always has one (its หมู่ที่ N): it goes straight to the rules, whose need-text scan finds
 * what each needs (the gate cost a third of that scan again).
 */
const ABBREV_ANY = /[.\d]|คสล|อบต|ศพด|แอส[ฟพ]|ลาดยาง\s?ลาดยาง|ระบบ\s?ประปา|ประปา\s?ผิวดิน/;

const ONE_WORD_IN_BRACKETS = /\(\s*\S+\s*\)/;
const WORD_THEN_SAME_IN_BRACKETS = /(\S+)\s*\(\s*\1\s*\)/g;
const HAS_SPACE = /\s/;

/**
 * Whether some "(" … ")" of `s` holds one word (spaces around it aside) that the text before the "("
 * ends with (spaces aside): what WORD_THEN_SAME_IN_BRACKETS needs to match, so where this is false the
 * backreference regex (trying every start, ~1.5 % of reading) would find nothing. Every pair is tried
 * (the word may hold brackets itself); past a few dozen pairs the regex is left to answer.
 */
function wordBeforeItsBrackets(s: string): boolean {
  let pairs = 0;
  for (let q = s.indexOf('('); q >= 0; q = s.indexOf('(', q + 1)) {
    const before = s.slice(0, q).trimEnd();
    if (before === '') continue;
    for (let r = s.indexOf(')', q + 1); r >= 0; r = s.indexOf(')', r + 1)) {
      if (++pairs > 48) return true;
      const word = s.slice(q + 1, r).trim();
      if (word !== '' && !HAS_SPACE.test(word) && before.endsWith(word)) return true;
    }
  }
  return false;
}

/** What a text holds, from one scan (plainScan): which of normaliseUncached's passes can change it. */
const OTHER = 1; // a character outside printable ASCII and the Thai block: every pass, as written
const THAI_DIGIT = 2;
const MARKS = 4; // nikhahit, or a tone mark twice in a row
const SPACE_RUN = 8;
const COMMA = 16;
const DOT = 32;
const PUNCT = 64; // ASCII punctuation that becomes a space
const YAMOK = 128;
const UPPER = 256;
const REORDER = 512; // Thai marks NFC would reorder (the only change NFC makes to ASCII and Thai)

/** Canonical combining classes of U+0E38…U+0E4B (the Thai marks NFC orders: 103 below vowels, 9 phinthu, 107 tones). */
const THAI_CCC = new Uint8Array(0x0e4b - 0x0e38 + 1);
THAI_CCC[0] = THAI_CCC[1] = 103;
THAI_CCC[2] = 9;
THAI_CCC.fill(107, 0x0e48 - 0x0e38);

/** ASCII characters of the punctuation class below (the rest of that class is outside ASCII: OTHER). */
const ASCII_PUNCT = new Uint8Array(128);
for (const ch of ',;:!?"\'`()[]{}<>/\\|-_*#+=~^%&@') ASCII_PUNCT[ch.charCodeAt(0)] = 1;

/**
 * Flags of `s` for the passes below. In text of printable ASCII and Thai (most plan text) the only
 * white space is the ASCII space and nothing has a case but A–Z, so a pass whose flag is absent
 * cannot change the text and is skipped; any other character sends the text through every pass.
 */
function plainScan(s: string): number {
  let f = 0;
  let prev = 0;
  let prevCcc = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // NFC leaves ASCII and Thai as they are but for marks in descending combining class: sorted.
    const ccc = c >= 0x0e38 && c <= 0x0e4b ? THAI_CCC[c - 0x0e38] : 0;
    if (ccc !== 0 && prevCcc > ccc) f |= REORDER;
    prevCcc = ccc;
    if (c > 0x20 && c < 0x7f) {
      if (c === 0x2e) f |= DOT;
      else if (ASCII_PUNCT[c]) f |= c === 0x2c ? COMMA | PUNCT : PUNCT;
      else if (c >= 0x41 && c <= 0x5a) f |= UPPER;
    } else if (c === 0x20) {
      if (prev === 0x20) f |= SPACE_RUN;
    } else if (c >= 0x0e00 && c <= 0x0e7f) {
      if (c >= 0x0e50 && c <= 0x0e59) f |= THAI_DIGIT;
      else if (c === 0x0e4d || (c >= 0x0e48 && c <= 0x0e4b && prev === c)) f |= MARKS;
      else if (c === 0x0e46) f |= YAMOK;
    } else return OTHER;
    prev = c;
  }
  return f;
}

const SPACE_RUNS = / {2,}/g;
// normaliseUncached's other patterns, made once (a literal in the function is a new RegExp per call; replace resets lastIndex).
const NIKHAHIT_AA = /\u0E4D\u0E32/g;
const DOUBLED_TONE = /([\u0E48-\u0E4B])\1+/g;
const THOUSANDS_COMMA = /(\d),(?=\d{3}(?!\d))/g;
const DOT_NOT_DECIMAL = /(?<!\d)\.|\.(?!\d)/g;
const YAMOK_MARK = /ๆ/g;
const PUNCTUATION = /[,;:!?"'`“”‘’()[\]{}<>/\\|–—\-_…•*#+=~^%&@]/g;

/**
 * The abbreviation rules applied in order (an expansion can feed a later rule), each only where its
 * required text is (found again after a rule changed the text). The same text as every rule applied.
 */
function abbreviate(input: string): string {
  let s = input;
  let needs = needsIn(s);
  for (let i = 0; i < ABBREVIATIONS.length; i++) {
    if (!(needs & RULE_NEEDS[i])) continue;
    const r = s.replace(ABBREVIATIONS[i][0], ABBREVIATIONS[i][1]);
    if (r === s) continue;
    s = r;
    // No dot left for the later rules' need texts: none of them can match (no scan for them).
    if (LATER_NEED_DOTS[i] && s.indexOf('.') < 0) break;
    needs = needsIn(s);
  }
  return s;
}

function normaliseUncached(input: string, gate = true): string {
  let s = String(input ?? '');
  // Each pass only where the scan says it can change the text (the same result: passes that find nothing
  // are skipped); NFC only where it can (text beyond ASCII and Thai, or marks it reorders), then scanned again.
  let f = plainScan(s);
  if (!gate) onceFlags = f;
  if (f & (OTHER | REORDER)) f = plainScan((s = s.normalize('NFC')));
  const all = (f & OTHER) !== 0;
  if (all || f & THAI_DIGIT) s = thaiToArabic(s);
  if (all) s = s.replace(INVISIBLE, '');
  // Nikhahit + sara aa typed as two characters → sara am; doubled tone marks.
  if (all || f & MARKS) s = s.replace(NIKHAHIT_AA, '\u0E33').replace(DOUBLED_TONE, '$1');
  // In plain text the ASCII space is the only white space: runs of it are all there is to collapse.
  if (all) s = s.replace(SPACES, ' ');
  else if (f & SPACE_RUN) s = s.replace(SPACE_RUNS, ' ');
  // Thousands separators inside numbers: 1,500 → 1500 (before commas become spaces).
  if (all || f & COMMA) s = s.replace(THOUSANDS_COMMA, '$1');
  // The abbreviations, where the text holds what one of them needs (the same text ungated: no rule matches without it).
  if (!gate || ABBREV_ANY.test(s)) s = abbreviate(s);
  // "คอนกรีตเสริมเหล็ก (คอนกรีตเสริมเหล็ก)" after expansion → once. The backreference regex backtracks
  // at every start; it can only match where brackets hold one space-free word, so test that first.
  if (ONE_WORD_IN_BRACKETS.test(s) && wordBeforeItsBrackets(s)) s = s.replace(WORD_THEN_SAME_IN_BRACKETS, '$1');
  return plainTail(s) ?? lastPasses(s);
}

/**
 * normaliseUncached's last passes: punctuation → space (a dot between digits stays), ๆ set apart,
 * spaces collapsed, trimmed, lower case. The reference plainTail is tested against.
 */
function lastPasses(input: string): string {
  let s = input;
  let f = plainScan(s);
  const plain = (f & OTHER) === 0;
  if (!plain) f = DOT | PUNCT | YAMOK | SPACE_RUN | UPPER;
  // Punctuation → space; a dot between digits (1.5) stays.
  if (f & DOT) s = s.replace(DOT_NOT_DECIMAL, ' ');
  if (f & PUNCT) s = s.replace(PUNCTUATION, ' ');
  if (f & YAMOK) s = s.replace(YAMOK_MARK, ' ๆ ');
  if (f & (DOT | PUNCT | YAMOK | SPACE_RUN)) s = s.replace(plain ? SPACE_RUNS : SPACES, ' ');
  s = s.trim();
  return f & UPPER ? s.toLowerCase() : s;
}

/** Room for plainTail's output (three units per character at most: ๆ becomes " ๆ "). */
const TAIL_UNITS = 4096;
const tailUnits = new Uint16Array(TAIL_UNITS);

/**
 * lastPasses of text of printable ASCII and Thai in one pass (undefined for any other character: the
 * caller runs the passes). In such text the ASCII space is the only white space and only A–Z have a
 * case, so each character maps alone (a dot by its neighbours in the text as given) and the spaces are
 * collapsed and trimmed as they are written. The text itself when nothing changes.
 */
function plainTail(s: string): string | undefined {
  const n = s.length;
  if (n * 3 > TAIL_UNITS) return undefined;
  const out = tailUnits;
  let o = 0;
  // Nothing written yet, or a space last: a space adds nothing (collapsed; none leads).
  let space = true;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      if (c === 0x2e) {
        if (!(isDigit(s.charCodeAt(i - 1)) && isDigit(s.charCodeAt(i + 1)))) c = 0x20;
      } else if (ASCII_PUNCT[c]) c = 0x20;
      else if (c >= 0x41 && c <= 0x5a) c += 0x20;
    } else if (c === 0x0e46) {
      // ๆ → " ๆ "
      if (!space) out[o++] = 0x20;
      out[o++] = c;
      out[o++] = 0x20;
      space = true;
      continue;
    } else if (c !== 0x20 && (c < 0x0e00 || c > 0x0e7f)) return undefined;
    if (c === 0x20) {
      if (!space) out[o++] = 0x20;
      space = true;
    } else {
      out[o++] = c;
      space = false;
    }
  }
  if (o > 0 && out[o - 1] === 0x20) o--;
  if (o === n) {
    let k = 0;
    while (k < n && out[k] === s.charCodeAt(k)) k++;
    if (k === n) return s;
  }
  return UTF16.decode(out.subarray(0, o));
}

// The units as UTF-16LE: typed arrays are little-endian on every platform the add-in and CLI run on (as xlsx/xml.ts decodes).
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The fast passes and their references, for tests. */
export const _passes = {
  plainTail,
  lastPasses,
  abbreviate,
  chunkedTokens: (s: string, leading: boolean): string[] | undefined => {
    const seg = wordSegmenter();
    return seg ? chunkedTokens(seg, s, leading) : undefined;
  },
};

/** Normalised text without spaces: the key for "same name". */
export function compactThai(input: string): string {
  return normaliseThai(input).replace(/ /g, '');
}

/**
 * The project name without its location ("หมู่ที่ 3", "ตำบลนาดี", "อำเภอ…", "จังหวัด…") and without
 * a leading "โครงการ": what two plans share when they list the same work.
 */
export function coreName(name: string): string {
  return coreNameOfNormalised(normaliseThai(name));
}

/** coreName of text already passed through normaliseThai. */
export function coreNameOfNormalised(normalised: string): string {
  return coreOfSpaced(coreSpaced(normalised));
}

/**
 * coreNameOfNormalised before its runs of spaces are made one and its ends trimmed: what a name's keys
 * need (coreKeys: its compact form drops every space, its chunks are the same), a replace and a trim
 * fewer per candidate. Normalised text has no white space but the space, so these are all trimming takes.
 */
export function coreSpaced(normalised: string): string {
  // Each step only where its text is (runs for every candidate's name; a step that finds nothing changes nothing).
  let s = normalised.startsWith('โครงการ') ? normalised.replace(LEADING_PROJECT, '') : normalised;
  if (s.includes('หมู่ที่ ')) s = s.replace(VILLAGE_NO, ' ');
  if (s.includes('ตำบล') || s.includes('อำเภอ') || s.includes('จังหวัด')) s = s.replace(PLACE_NAME, ' ');
  return s;
}

/** The core name of coreSpaced's text. */
function coreOfSpaced(spaced: string): string {
  return (spaced.includes('  ') ? spaced.replace(SPACE_RUN_ANY, ' ') : spaced).trim();
}

/** wordTokensOnce of the core name, from coreSpaced's text (the same chunks; its leading spaces are trimmed in the core). */
export function coreTokens(spaced: string): string[] {
  const seg = wordSegmenter();
  if (!seg) return trigramTokens(coreOfSpaced(spaced));
  return chunkedTokens(seg, spaced, false) ?? tokensAsWritten(seg, coreOfSpaced(spaced));
}

/** A candidate's two name keys (coreKeys). */
export interface CoreKeys {
  /** The core name without its spaces, its own flat copy (ownString): a rope of the name's slices took ~490 bytes a row, ~190 flat. */
  compact: string;
  /** coreTokens of the core name. */
  tokens: string[];
}
/** The spaces of coreSpaced's text, for its compact key where its chunks were not read (made once). */
const ANY_SPACE = / /g;

/**
 * coreTokens and the compact key of coreSpaced's text at once. The compact key is the text's chunks
 * (between spaces) joined, and chunkedTokens reads each chunk already: joining them there cost ~2 k
 * instructions a name, where the replace of the spaces (a rope of new slices) and its copy cost ~7.5 k.
 */
export function coreKeys(spaced: string): CoreKeys {
  const seg = wordSegmenter();
  const keys: CoreKeys = { compact: '', tokens: NO_WORDS };
  if (!seg || !chunkedTokens(seg, spaced, false, keys)) {
    keys.compact = ownString(spaced.replace(ANY_SPACE, ''));
    keys.tokens = coreTokens(spaced);
  }
  return keys;
}
/** coreKeys' tokens until they are set (never returned). */
const NO_WORDS: string[] = [];
// coreNameOfNormalised's patterns, made once (a literal in the function is a new RegExp per call; replace resets lastIndex).
const LEADING_PROJECT = /^โครงการ ?/;
const VILLAGE_NO = /หมู่ที่ \d{1,3}/g;
const PLACE_NAME = /(?<!สุขภาพ)(ตำบล|อำเภอ|จังหวัด) ?[ก-๛]+/g;
const SPACE_RUN_ANY = / +/g;

const TOKEN_CACHE = new TextCache<string[]>(50000);
let segmenter: Intl.Segmenter | null | undefined;

/** The one Thai word segmenter (ICU's dictionary), made once; null where Intl.Segmenter is missing (old browsers). */
export function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('th', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

// eslint-disable-next-line no-misleading-character-class -- on purpose: a space then a lone combining mark
const SPACE_THEN_MARK = /\s[\p{M}\u200c\u200d\u2060\ufeff]/u;
/** The Thai block's characters SPACE_THEN_MARK's class holds (its combining vowels and tone marks), by the regex itself. */
const THAI_MARK = Uint8Array.from({ length: 0x80 }, (_, k) => (SPACE_THEN_MARK.test(' ' + String.fromCharCode(0x0e00 + k)) ? 1 : 0));

/**
 * SPACE_THEN_MARK.test(s), answered by a scan where `s` has only ASCII spaces and what follows each is
 * ASCII or Thai (normalised names: the regex per name was a tenth of segmenting); the regex otherwise.
 */
export function spaceThenMark(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (c >= 0x0e00 && c <= 0x0e7f) continue;
    if (c !== 0x20) return SPACE_THEN_MARK.test(s);
    const n = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (n >= 0x0e00 && n <= 0x0e7f) {
      if (THAI_MARK[n - 0x0e00]) return true;
    } else if (n >= 0x7f) return SPACE_THEN_MARK.test(s);
  }
  return false;
}
/**
 * The words of each chunk (the text between spaces), cached: chunks repeat across names. PLAIN_CHUNKS holds
 * only chunks of printable ASCII and Thai (chunkedTokens trusts a hit to be one), OTHER_CHUNKS the rest.
 */
const PLAIN_CHUNKS = new Map<string, readonly string[]>();
const OTHER_CHUNKS = new Map<string, readonly string[]>();

function segmentChunk(seg: Intl.Segmenter, chunk: string, cache: Map<string, readonly string[]>): readonly string[] {
  const out: string[] = [];
  for (const part of seg.segment(chunk)) if (part.isWordLike) out.push(part.segment);
  if (cache.size >= 100000) cache.clear();
  cache.set(chunk, out);
  return out;
}

function chunkTokens(seg: Intl.Segmenter, chunk: string): readonly string[] {
  const hit = PLAIN_CHUNKS.get(chunk) ?? OTHER_CHUNKS.get(chunk);
  if (hit) return hit;
  return segmentChunk(seg, chunk, isPlainChunk(chunk) ? PLAIN_CHUNKS : OTHER_CHUNKS);
}

/** Every unit printable ASCII but the space, or in the Thai block (spaceThenMark's plain text, a chunk of it). */
function isPlainChunk(chunk: string): boolean {
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i);
    if (!((c > 0x20 && c < 0x7f) || (c >= 0x0e00 && c <= 0x0e7f))) return false;
  }
  return true;
}

/**
 * Word tokens of already-normalised text (Intl.Segmenter 'th', words only), cached per distinct
 * text. Without Segmenter (old browsers) falls back to spaces plus Thai character trigrams.
 */
export function wordTokens(normalised: string): string[] {
  const hit = TOKEN_CACHE.get(normalised);
  if (hit) return hit;
  const tokens = wordTokensOnce(normalised);
  TOKEN_CACHE.offer(normalised, tokens);
  return tokens;
}

/**
 * wordTokens without its cache, for a text seen about once (a project's core name: most are unique, as
 * normaliseOnce says of names). The cache's lookup and table of first sightings per name cost more than
 * segmenting the odd repeat again, whose space-separated chunks are cached.
 */
export function wordTokensOnce(normalised: string): string[] {
  const seg = wordSegmenter();
  if (!seg) return trigramTokens(normalised);
  return chunkedTokens(seg, normalised, true) ?? tokensAsWritten(seg, normalised);
}

/**
 * The tokens of `s`'s chunks, read chunk by chunk (each cached), where that is what wordTokensOnce gives:
 * where every chunk is plain (then so is `s`: its only other units are spaces) and no chunk after a space
 * starts with a Thai mark (then spaceThenMark(s) is false, and word boundaries do not cross a space).
 * Undefined otherwise: the caller asks spaceThenMark and segments as it says. `leading`: whether the first
 * chunk counts as after a space when spaces lead the text (false for a text whose ends are trimmed later).
 * `keys`: where the tokens are given, they and the chunks joined (a rope of the slices, copied once: the
 * compact key) are set there (coreKeys).
 * One pass over the chunks instead of a scan of every unit first (spaceThenMark cost a third of a name's tokens).
 */
function chunkedTokens(seg: Intl.Segmenter, s: string, leading: boolean, keys?: CoreKeys): string[] | undefined {
  const tokens: string[] = [];
  let joined = '';
  const n = s.length;
  let first = true;
  for (let a = 0; a <= n;) {
    let b = s.indexOf(' ', a);
    if (b < 0) b = n;
    if (b > a) {
      const c = s.charCodeAt(a);
      if ((!first || (leading && a > 0)) && c >= 0x0e00 && c <= 0x0e7f && THAI_MARK[c - 0x0e00]) return undefined;
      first = false;
      const chunk = s.slice(a, b);
      if (keys) joined = joined === '' ? chunk : joined + chunk;
      let list = PLAIN_CHUNKS.get(chunk);
      if (list === undefined) {
        if (!isPlainChunk(chunk)) return undefined;
        list = segmentChunk(seg, chunk, PLAIN_CHUNKS);
      }
      for (let k = 0; k < list.length; k++) tokens.push(list[k]);
    }
    a = b + 1;
  }
  if (keys) {
    keys.compact = ownString(joined);
    keys.tokens = tokens;
  }
  return tokens;
}

/** wordTokensOnce as spaceThenMark says: the whole text segmented where a space precedes a mark, else chunk by chunk. */
function tokensAsWritten(seg: Intl.Segmenter, normalised: string): string[] {
  const tokens: string[] = [];
  // Word boundaries never cross a space unless a combining mark follows it (UAX #29 WB4), so the
  // space-separated chunks are segmented alone and cached: they repeat across names.
  if (spaceThenMark(normalised)) {
    for (const part of seg.segment(normalised)) if (part.isWordLike) tokens.push(part.segment);
  } else {
    // Chunk by chunk between spaces: no array of them made (split's runtime call cost more than the lookups).
    const n = normalised.length;
    for (let a = 0; a <= n;) {
      let b = normalised.indexOf(' ', a);
      if (b < 0) b = n;
      if (b > a) {
        const list = chunkTokens(seg, normalised.slice(a, b));
        for (let k = 0; k < list.length; k++) tokens.push(list[k]);
      }
      a = b + 1;
    }
  }
  return tokens;
}

/** Without Intl.Segmenter: spaces plus Thai character trigrams. */
function trigramTokens(normalised: string): string[] {
  const tokens: string[] = [];
  for (const w of normalised.split(' ')) {
    if (!w) continue;
    if (!/[ก-๛]/.test(w) || w.length <= 3) tokens.push(w);
    else for (let i = 0; i + 3 <= w.length; i++) tokens.push(w.slice(i, i + 3));
  }
  return tokens;
}

/** Dice coefficient over token sets: 2|A∩B| / (|A|+|B|); 1 for two empty sets. */
export function diceSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (big.has(t)) inter++;
  return (2 * inter) / (a.size + b.size);
}

/** Forget the cached tokens: Consolidation.finish (the output is written without them), cold benchmark runs. */
export function clearTokenCache(): void {
  NORM_CACHE.clear();
  TOKEN_CACHE.clear();
  PLAIN_CHUNKS.clear();
  OTHER_CHUNKS.clear();
}
