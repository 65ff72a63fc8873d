/**
 * Thai text → terms for matching. Words come from `Intl.Segmenter('th', {granularity: 'word'})`
 * (the ICU dictionary; no hand-made word list). ICU splits compounds ("ท่อง|เที่ยว", "ผู้|สูง|อายุ"),
 * so adjacent word pairs are added as terms too ("ท่องเที่ยว", "สูงอายุ"): a pair match is a much
 * stronger signal than its halves. Segmentation is cached by distinct text (≈25 µs a name).
 */
import { TextCache } from '../text-cache';
import { INVISIBLE, INVISIBLE_CHARS, thaiToArabic } from '../thai';
import { wordSegmenter } from '../normalise';
import { STRATEGY_PRESETS } from './presets';

/**
 * Words that say nothing about which issue a project serves: grammar words, and words every plan
 * text uses (โครงการ, พัฒนา, ส่งเสริม, หมู่ที่ …). Words common to all issues of a list are dropped
 * by document frequency in the index (see match.ts), so this list stays short.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // grammar
  'การ',
  'ความ',
  'และ',
  'หรือ',
  'ของ',
  'ใน',
  'เพื่อ',
  'ที่',
  'ให้',
  'กับ',
  'แก่',
  'จาก',
  'โดย',
  'เป็น',
  'มี',
  'ได้',
  'ตาม',
  'ซึ่ง',
  'อย่าง',
  'ไป',
  'มา',
  'สู่',
  'ต่อ',
  'แห่ง',
  'ทั้ง',
  'ทุก',
  'แล้ว',
  'จะ',
  'ไม่',
  'นี้',
  'นั้น',
  'อื่น',
  'ๆ',
  'ฯ',
  'เช่น',
  'ด้วย',
  'เพียง',
  'ภายใน',
  'บริเวณ',
  'ระหว่าง',
  'เกี่ยว',
  'กัน',
  'ถึง',
  'เรื่อง',
  'ด้าน',
  'เชิง',
  'แบบ',
  'ทาง',
  'ประจำ',
  'จำนวน',
  'รวม',
  'พร้อม',
  'อัน',
  'ยัง',
  'ผ่าน',
  'ละ',
  'เข้า',
  'ออก',
  'ตั้งแต่',
  'เกิด',
  'สามารถ',
  'ส่วน',
  'สูง',
  'ต่ำ',
  'ใหม่',
  'เดิม',
  'สำหรับ',
  // plan vocabulary
  'โครงการ',
  'กิจกรรม',
  'งาน',
  'จัด',
  'แผนงาน',
  'แผน',
  'ยุทธศาสตร์',
  'ประเด็น',
  'กลยุทธ์',
  'แนวทาง',
  'เป้าประสงค์',
  'เป้าหมาย',
  'วัตถุประสงค์',
  'พัฒนา',
  'ส่ง',
  'เสริม',
  'ส่งเสริม',
  'สนับสนุน',
  'สร้าง',
  'ยกระดับ',
  'เพิ่ม',
  'เติม',
  'เพิ่มเติม',
  'ดำเนิน',
  'ดำเนินการ',
  'ประชาชน',
  'ชุมชน',
  'หมู่',
  'หมู่บ้าน',
  'บ้าน',
  'ตำบล',
  'อำเภอ',
  'จังหวัด',
  'เทศบาล',
  'องค์การ',
  'บริหาร',
  'เขต',
  'พื้นที่',
  'ระดับ',
  'คน',
  'ราย',
  'ปี',
  'ครั้ง',
  'แห่ง',
  'สาย',
  'ขนาด',
  'กว้าง',
  'ยาว',
  'หนา',
  'เมตร',
  'กม',
  'ม',
  'ต',
  'อ',
  'จ',
  'บ',
  'ชนิด',
  'ตาราง',
  'ลูกบาศก์',
  'ไม่น้อยกว่า',
  'น้อย',
  'กว่า',
  'มาก',
  'ดี',
  'ขึ้น',
  'ลด',
  'ได้รับ',
  'รับ',
  'ใช้',
  'ทำ',
  'มีส่วนร่วม',
  'ส่วนร่วม',
  'อย่างยั่งยืน',
  'ยั่งยืน',
  'the',
  'and',
  'of',
  'for',
]);

/** One character of the runs normaliseText makes one space: white space or a punctuation mark. */
const SPACED = /^[\s"'“”‘’`()[\]{}<>:;,!?/\\|*_=+#@%^&~\-–—•·]$/;
/** SPACED by ASCII code (1: spaced). */
const ASCII_SPACED = Uint8Array.from({ length: 128 }, (_, c) => (SPACED.test(String.fromCharCode(c)) ? 1 : 0));
/** Whether the UTF-16 unit `c` is SPACED; Thai is never (the regex is asked only for other non-ASCII units, rare). */
function isSpaced(c: number): boolean {
  if (c < 0x80) return ASCII_SPACED[c] === 1;
  return (c < 0x0e00 || c > 0x0e7f) && SPACED.test(String.fromCharCode(c));
}

/**
 * Every run of SPACED characters made one space (`s.replace(/[…]+/g, ' ')`), by one scan: a lone space
 * is left as it is, so a text with no other run is returned unchanged. A global regex replace of runs
 * cost ~150 instructions a character of a two-byte (Thai) text, most of normalising it.
 */
export function spaceOutRuns(s: string): string {
  const n = s.length;
  let out = '';
  let from = 0; // s before `from` is in `out`
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isSpaced(c)) continue;
    let j = i + 1;
    while (j < n && isSpaced(s.charCodeAt(j))) j++;
    if (j - i > 1 || c !== 0x20) {
      out += s.slice(from, i) + ' ';
      from = j;
    }
    i = j - 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** A character some step of normaliseText other than case, NFC and punctuation acts on. */
const NEEDS_FULL = new RegExp(`[\\u0e50-\\u0e59${INVISIBLE_CHARS}.,…]`);

/** Thai digits → Arabic, zero-width removed, Latin lower-cased, PM 2.5 spellings unified, punctuation → space. */
export function normaliseText(s: string): string {
  return isNormalText(s) ? s : normaliseTextSteps(s);
}

/**
 * ASCII characters no step of normaliseText changes: printable, not upper case, not punctuation it
 * spaces out, not a dot or comma (a space is checked apart: it may not lead, end or double).
 */
const ASCII_KEPT = (() => {
  const kept = new Uint8Array(128);
  for (let c = 0x21; c < 0x7f; c++) {
    const ch = String.fromCharCode(c);
    kept[c] = (c < 0x41 || c > 0x5a) && !NEEDS_FULL.test(ch) && !SPACED.test(ch) ? 1 : 0;
  }
  return kept;
})();

/**
 * Whether normaliseText leaves `s` as it is, by one scan: ASCII_KEPT characters, single inner spaces
 * and Thai letters and marks (no digits). Thai has no case and no compositions; NFC only reorders
 * adjacent marks of non-zero combining class out of order (a tone mark, 107, typed before ุ or ู, 103,
 * or either before ฺ, 9), and such texts go the long way. About half of plan texts are such, and NFC
 * and the regexes cost several µs a text.
 */
export function isNormalText(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  let prevSpace = true; // no leading space
  let prevClass = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (prevSpace) return false;
      prevSpace = true;
      prevClass = 0;
      continue;
    }
    prevSpace = false;
    if (c < 0x80) {
      if (ASCII_KEPT[c] === 0) return false;
      prevClass = 0;
    } else if ((c >= 0x0e01 && c <= 0x0e3a) || (c >= 0x0e3f && c <= 0x0e4f) || c === 0x0e5a || c === 0x0e5b) {
      const cls = c === 0x0e38 || c === 0x0e39 ? 103 : c === 0x0e3a ? 9 : c >= 0x0e48 && c <= 0x0e4b ? 107 : 0;
      if (cls !== 0 && prevClass > cls) return false;
      prevClass = cls;
    } else return false;
  }
  return !prevSpace;
}

/** normaliseText's steps, for a text isNormalText cannot vouch for. */
export function normaliseTextSteps(s: string): string {
  // Most texts have no Thai digit, invisible character, dot or comma: then only the case, NFC and the
  // punctuation steps below can change anything (the others all need one of those characters).
  if (!NEEDS_FULL.test(s)) return spaceOutRuns(s.normalize('NFC').toLowerCase()).trim();
  const t = thaiToArabic(s)
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/pm\s*2\s*[.,]\s*5/g, ' pm25 ')
    .replace(/\.\.\.|…/g, ' ');
  return spaceOutRuns(t)
    .replace(/(^|\s)\.+|\.+(\s|$)/g, ' ')
    .trim();
}

/** The word runs of a text: its chunks' runs (each chunk's cached), in order. Only the index asks (termCounts). */
function runsOf(text: string): readonly (readonly string[])[] {
  const seg = wordSegmenter();
  const runs: (readonly string[])[] = [];
  // Runs of the (cached) chunks, shared read-only: never copied or changed.
  for (const chunk of textChunks(text)) {
    if (!seg) runs.push([chunk]);
    else for (const run of chunkRuns(seg, chunk)) runs.push(run);
  }
  return runs;
}

/**
 * Compounds ICU splits into words that mean something else alone (โรง|พยาบาล, ติด|ตั้ง, พื้น|ฐาน,
 * ยา|เสพ|ติด): kept whole, so evidence is never a syllable of one ("โรง" shared by โรงพยาบาล and
 * โรงเรียน, "ติด" by ติดตั้ง and ยาเสพติด). The built-in issue lists' keywords are added: a keyword is
 * a word the province chose, matched whole. A fixed list, so verdicts never depend on what ran before.
 */
const COMPOUND_WORDS = [
  'ติดตั้ง',
  'โรงพยาบาล',
  'โรงเรือน',
  'โรงงาน',
  'โรงฆ่าสัตว์',
  'โรงสี',
  'พื้นฐาน',
  'พื้นผิว',
  'ดูแล',
  'ผู้สูงอายุ',
  'ผู้พิการ',
  'ผู้ป่วย',
  'ขยายตัว',
  'ผู้ด้อยโอกาส',
  'ผู้ประกอบการ',
  'ผู้นำ',
  'ผู้ปกครอง',
  'ท่องเที่ยว',
  'นักท่องเที่ยว',
  'สิ่งแวดล้อม',
  'ยาเสพติด',
  'ยกระดับ',
  'ระบายน้ำ',
  'น้ำท่วม',
  'น้ำดื่ม',
  'ออกกำลังกาย',
  'เศรษฐกิจพอเพียง',
  'พอเพียง',
  'ช่วงวัย',
  'ทุนมนุษย์',
  'เด็กเล็ก',
  'ส่องสว่าง',
  'ขยายเขต',
  'แสงอาทิตย์',
  'ลูกรัง',
  'สาธารณภัย',
  'อาสาสมัคร',
  'ขีดความสามารถ',
  'ความสามารถ',
  'ติดเชื้อ',
  'ติดต่อ',
  'ติดตาม',
  'แลกเปลี่ยน',
  'อนามัย',
  'สุขาภิบาล',
  'ไข้เลือดออก',
  'พิษสุนัขบ้า',
  'มูลฝอย',
  'ที่อยู่อาศัย',
];
/** Phrases of free words kept together (their long words also stand alone, as in keyword phrases). */
const PHRASES = [
  'กล้องวงจรปิด',
  'โครงสร้างพื้นฐาน',
  'เสริมเหล็ก',
  'หอกระจายข่าว',
  'เสียงตามสาย',
  'ศาลาประชาคม',
  'ป้องกันโรค',
  'คัดแยกขยะ',
  'บ่อบาดาล',
  'หอถังสูง',
  'ถังเก็บน้ำ',
  'รางระบายน้ำ',
  'ท่อระบายน้ำ',
];
const MAX_COMPOUND_PARTS = 6;
let lexicon: Set<string> | undefined;
/** Compounds whose parts mean something else (COMPOUND_WORDS): never split into evidence. */
let lexicalised: Set<string> | undefined;
/** Every beginning of a lexicon entry (the entries too): words that begin none need not be joined further. */
let lexiconStarts: Set<string> | undefined;
function lexiconSet(): Set<string> {
  if (!lexicon) {
    const norm = (ws: readonly string[]) => ws.map(normaliseText).filter((n) => n && !n.includes(' '));
    lexicalised = new Set(norm(COMPOUND_WORDS));
    lexicon = new Set([
      ...lexicalised,
      ...norm(PHRASES),
      ...norm(STRATEGY_PRESETS.flatMap((p) => p.list.issues.flatMap((i) => i.keywords ?? []))),
    ]);
    lexiconStarts = new Set();
    for (const w of lexicon) for (let n = 1; n <= w.length; n++) lexiconStarts.add(w.slice(0, n));
  }
  return lexicon;
}
/** Letters without vowel and tone marks above/below ("กล้อง" → 4, "ติด" → 2). */
const baseLength = (w: string): number => w.replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g, '').length;

/** Multi-word compounds found whole inside a kept compound ("ท่องเที่ยว" in "แหล่งท่องเที่ยว"): evidence too. */
const innerWords = new Map<string, readonly string[]>();
/** Inner compounds of a token (empty for most). */
export function innerCompounds(token: string): readonly string[] {
  return innerWords.get(token) ?? NO_WORDS;
}
const NO_WORDS: readonly string[] = [];

/** ICU words joined into the longest known compounds, left to right. */
function mergeCompounds(seg: Intl.Segmenter, words: string[]): string[] {
  const lex = lexiconSet();
  if (words.length < 2 || !lex.size) return words;
  const out: string[] = [];
  const starts = lexiconStarts!;
  for (let i = 0; i < words.length;) {
    // The longest join of 2 to MAX_COMPOUND_PARTS words from i that the lexicon holds, grown a word at a
    // time while the join begins an entry (every shorter join of a held one does).
    let taken = 1;
    let compound = '';
    const end = Math.min(i + MAX_COMPOUND_PARTS, words.length);
    let joined = words[i];
    for (let j = i + 1; j < end && starts.has(joined); j++) {
      joined += words[j];
      if (lex.has(joined)) {
        taken = j - i + 1;
        compound = joined;
      }
    }
    if (taken > 1 && !innerWords.has(compound)) {
      // From the compound's own words (not this text's split of it): the same for every text.
      const own = [...seg.segment(compound)].map((x) => x.segment);
      if (own.join('') === compound && own.length > 1) innerWords.set(compound, innerOf(own));
      else innerWords.set(compound, innerOf(words.slice(i, i + taken)));
    }
    out.push(taken === 1 ? words[i] : compound);
    i += taken;
  }
  return out;
}

/** The evidence inside a kept compound, given its words. */
function innerOf(words: readonly string[]): string[] {
  const lex = lexiconSet();
  const k = words.length;
  const joined = words.join('');
  const inner: string[] = [];
  const covered = new Set<number>();
  for (let a = 0; a < k; a++)
    for (let b = a + 2; b <= k; b++) {
      if (b - a === k) continue;
      const sub = words.slice(a, b).join('');
      if (!lex.has(sub)) continue;
      if (!inner.includes(sub)) inner.push(sub);
      if (lexicalised!.has(sub)) for (let c = a; c < b; c++) covered.add(c);
    }
  // A phrase of free words ("กล้อง|วงจรปิด"): its long words stand alone too; short pieces ("ยา",
  // "ติด", "โรง") and the words of a lexicalised compound ("ระบาย" of ระบายน้ำ) never do.
  if (!lexicalised!.has(joined))
    for (let a = 0; a < k; a++) if (!covered.has(a) && baseLength(words[a]) >= 4 && !inner.includes(words[a])) inner.push(words[a]);
  return inner;
}

/** Runs of one space-free chunk, cached: chunks ("ก่อสร้างถนน", "หมู่ที่", "ตำบลนาดี") repeat across texts. */
const CHUNK_CACHE_LIMIT = 100000;
const chunkCache = new Map<string, readonly string[][]>();
function chunkRuns(seg: Intl.Segmenter, chunk: string): readonly string[][] {
  const hit = chunkCache.get(chunk);
  if (hit) return hit;
  const runs: string[][] = [];
  let run: string[] = [];
  for (const s of seg.segment(chunk)) {
    if (s.isWordLike === false) {
      if (run.length) runs.push(mergeCompounds(seg, run));
      run = [];
    } else run.push(s.segment);
  }
  if (run.length) runs.push(mergeCompounds(seg, run));
  if (chunkCache.size >= CHUNK_CACHE_LIMIT) chunkCache.clear();
  chunkCache.set(chunk, runs);
  return runs;
}

function isContent(w: string): boolean {
  if (STOPWORDS.has(w)) return false;
  if (/^[\d.]+$/.test(w)) return false;
  // one Thai character (a consonant with marks) or one Latin letter carries no meaning alone
  if (w.replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g, '').length < 2) return false;
  return true;
}

const CACHE_LIMIT = 100000;
const cache = new TextCache<readonly string[]>(CACHE_LIMIT);

/**
 * Distinct-in-order terms of a text: content words and adjacent content-word pairs.
 * Cached by the raw text (plan texts repeat a lot across sheets and files); the terms of each
 * space-free chunk are cached too (runs, hence pairs, never cross a space), so a new text made of
 * known chunks is not segmented again.
 */
export function terms(text: string): readonly string[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const chunks = textChunks(text);
  let out: readonly string[];
  if (chunks.length === 1) out = chunkTerms(chunks[0]);
  else if (chunks.length === 0) out = [];
  else {
    const list: string[] = [];
    const seen = new Set<string>();
    for (const c of chunks)
      for (const t of chunkTerms(c))
        if (!seen.has(t)) {
          seen.add(t);
          list.push(t);
        }
    out = list;
  }
  Object.freeze(out);
  cache.offer(text, out);
  return out;
}

/**
 * The space-free chunks of normaliseText(text), empty ones dropped. `cached` false: a text that seldom
 * repeats (a project's name) is not offered to the cache, whose table of first sightings would only
 * grow with it.
 */
export function textChunks(text: string, cached = true): readonly string[] {
  const hit = cached ? chunksCache.get(text) : undefined;
  if (hit) return hit;
  const parts = normaliseText(text).split(' ');
  // Empty pieces (a blank text, doubled spaces the dot step leaves) dropped; mostly there are none.
  const out = parts.includes('') ? parts.filter((c) => c !== '') : parts;
  // A text cut short ("…ในส่วนราชการแล...") ends in a piece of a word: never evidence.
  if (out.length && cutShort(text)) {
    const last = out.pop()!;
    const seg = wordSegmenter();
    const runs = seg ? chunkRuns(seg, last) : [];
    const words = runs.flat();
    if (words.length > 1 && runs.length === 1) out.push(words.slice(0, -1).join(''));
  }
  if (cached) chunksCache.offer(text, out);
  return out;
}
/** Thai text ending in an ellipsis straight after a letter: the last word was cut. */
const CUT_SHORT = /[\u0e01-\u0e4e](\.\.\.|…)\s*$/;
/** CUT_SHORT.test(text), the regex asked only of a text ending in an ellipsis (trimEnd drops what `\s*` matches). */
function cutShort(text: string): boolean {
  const end = text.trimEnd();
  return (end.endsWith('...') || end.endsWith('…')) && CUT_SHORT.test(text);
}

// The matcher asks each field of a project once: a text is admitted on its second sighting, i.e. when
// it repeats across projects (objectives, agencies), never for a one-off name.
const chunksCache = new TextCache<readonly string[]>(CACHE_LIMIT);

const chunkTermCache = new Map<string, readonly string[]>();

/** Distinct-in-order terms of one space-free chunk (content words and pairs inside its runs), cached. */
export function chunkTerms(chunk: string): readonly string[] {
  const hit = chunkTermCache.get(chunk);
  if (hit) return hit;
  const seg = wordSegmenter();
  const runs: readonly (readonly string[])[] = seg ? chunkRuns(seg, chunk) : [[chunk]];
  const out: string[] = [];
  const add = (t: string) => {
    if (!out.includes(t)) out.push(t);
  };
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) {
      const w = run[i];
      if (isContent(w)) add(w);
      for (const x of innerCompounds(w)) if (isContent(x)) add(x);
      const n = run[i + 1];
      if (n !== undefined && !STOPWORDS.has(w) && !STOPWORDS.has(n) && !/^\d/.test(w) && !/^\d/.test(n)) {
        const pair = w + n;
        if (!STOPWORDS.has(pair)) add(pair);
      }
    }
  }
  if (chunkTermCache.size >= CHUNK_CACHE_LIMIT) chunkTermCache.clear();
  Object.freeze(out);
  chunkTermCache.set(chunk, out);
  return out;
}

/** Term frequencies of a text (counts repeats, unlike `terms`). */
export function termCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const run of runsOf(text)) {
    for (let i = 0; i < run.length; i++) {
      const w = run[i];
      if (isContent(w)) m.set(w, (m.get(w) ?? 0) + 1);
      for (const x of innerCompounds(w)) if (isContent(x)) m.set(x, (m.get(x) ?? 0) + 1);
      const n = run[i + 1];
      if (n !== undefined && !STOPWORDS.has(w) && !STOPWORDS.has(n) && !/^\d/.test(w) && !/^\d/.test(n)) {
        const pair = w + n;
        if (!STOPWORDS.has(pair)) m.set(pair, (m.get(pair) ?? 0) + 1);
      }
    }
  }
  return m;
}

let epoch = 0;
/** Changes whenever clearTermCache runs (caches built on the term caches clear with them). */
export function termCacheEpoch(): number {
  return epoch;
}

/** Consolidation.finish (the output is written without them), tests and benchmarks. */
export function clearTermCache(): void {
  innerWords.clear();
  cache.clear();
  chunkCache.clear();
  chunkTermCache.clear();
  chunksCache.clear();
  epoch++;
}

/**
 * Readable phrases of `text` made of matched terms: words linked by a matched pair are joined
 * ("โซ|ลาร์|เซลล์" → "โซลาร์เซลล์"), other matched words stand alone; in text order, each once.
 */
export function matchedPhrases(text: string, matched: ReadonlySet<string>): string[] {
  return matchedPhrasesOfChunks(textChunks(text), matched);
}

/** matchedPhrases of a text given as its textChunks (the matcher has them already). */
export function matchedPhrasesOfChunks(chunks: readonly string[], matched: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const chunk of chunks) for (const run of chunkRunInfos(chunk)) pushMatchedPhrases(run, matched, out);
  return out;
}

/**
 * Appends the phrases of one run made of matched terms, each unless `out` holds it already: words
 * linked by a matched pair joined, other matched content words alone. A run with no matched word or
 * pair adds nothing.
 */
export function pushMatchedPhrases(info: RunInfo, matched: ReadonlySet<string>, out: string[]): void {
  const { words: run, pairs, content } = info;
  let cur = '';
  let linked = false; // run[i - 1] and run[i] are joined by a matched pair
  for (let i = 0; i < run.length; i++) {
    const pair = pairs[i];
    const linkNext = pair !== undefined && matched.has(pair);
    const self = content[i] && matched.has(run[i]);
    if (linked) cur += run[i];
    else {
      if (cur && !out.includes(cur)) out.push(cur);
      cur = self || linkNext ? run[i] : '';
    }
    linked = linkNext;
  }
  if (cur && !out.includes(cur)) out.push(cur);
}

/**
 * A run of words as phrases are read from it: each word's pair with the next, made once (a fresh
 * `a + b` is a rope that must be flattened and hashed at every lookup), and whether it is a content word.
 */
export interface RunInfo {
  readonly words: readonly string[];
  readonly pairs: ReadonlyArray<string | undefined>;
  readonly content: readonly boolean[];
}

/** The word runs of one space-free chunk (cached, shared read-only), each as a RunInfo. */
export function chunkRunInfos(chunk: string): readonly RunInfo[] {
  const seg = wordSegmenter();
  const runs: readonly (readonly string[])[] = seg ? chunkRuns(seg, chunk) : [[chunk]];
  return runs.map(runInfo);
}

/** Per run of words (runs are cached and shared). */
const runInfos = new WeakMap<readonly string[], RunInfo>();
function runInfo(run: readonly string[]): RunInfo {
  let info = runInfos.get(run);
  if (!info) {
    info = { words: run, pairs: run.map((w, i) => (i + 1 < run.length ? w + run[i + 1] : undefined)), content: run.map(isContent) };
    runInfos.set(run, info);
  }
  return info;
}
