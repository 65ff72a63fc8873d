/**
 * The one rule for naming a sheet we write, shared by the .xlsx writer and the Office.js writer so a
 * sheet is named the same in Excel and in the download. Excel's own rule: 1–31 UTF-16 units, none of
 * : \ / ? * [ ], not starting or ending with ', not "History", unique regardless of case.
 */

export const SHEET_NAME_MAX = 31;

// Control characters become spaces (a line break in a title reads as a space); characters XML cannot
// carry (lone surrogates, U+FFFE/FFFF) are dropped.
/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u001f]/g;
const UNCARRIED = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */
const FORBIDDEN = /[[\]:*?/\\]/g;
/** What may not begin a cut-off remainder: the second half of a surrogate pair, or a combining mark. */
const CLINGS_TO_BEFORE = /^[\uDC00-\uDFFF\p{M}]/u;
/** Thai vowels written before their consonant (เ แ โ ใ ไ): left alone at the end they belong to nothing. */
const THAI_LEADING_VOWEL = /[\u0E40-\u0E44]$/;

/** `s` cut to at most `max` UTF-16 units, never between a character and what belongs to it. */
export function cutName(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  while (end > 0 && CLINGS_TO_BEFORE.test(s.slice(end))) end--;
  let kept = s.slice(0, end);
  while (THAI_LEADING_VOWEL.test(kept)) kept = kept.slice(0, -1);
  return kept;
}

/** A name Excel accepts for `wanted` (before making it unique). */
export function sheetName(wanted: string): string {
  // Order matters: cut first, then strip apostrophes at the ends the cut may have exposed.
  const cleaned = wanted.replace(UNCARRIED, '').replace(CONTROL, ' ').replace(FORBIDDEN, '_').trim();
  const name = cutName(cleaned, SHEET_NAME_MAX)
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!name) return 'OnePlan';
  return name.toLowerCase() === 'history' ? 'History (OnePlan)' : name;
}

/** `wanted`'s name, else "name (2)", "name (3)"… — the first not in `taken` (names in lower case). */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = sheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = cutName(base, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
