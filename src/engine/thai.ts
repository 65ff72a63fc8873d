/** Thai digits, spacing and number text: shared by every module that reads or writes officers' text. */

const THAI_ZERO = 0x0e50;

/** "๒๕๖๖" → "2566"; other characters unchanged (the same string when it has no Thai digit). */
export function thaiToArabic(s: string): string {
  // Most texts have no Thai digit: find the first one before building anything (this runs on every cell).
  let i = 0;
  for (; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= THAI_ZERO && code <= THAI_ZERO + 9) break;
  }
  if (i === s.length) return s;
  return s.slice(0, i) + s.slice(i).replace(/[\u0e50-\u0e59]/g, (d) => String.fromCharCode(48 + d.charCodeAt(0) - THAI_ZERO));
}

/** "2566" → "๒๕๖๖". */
export function arabicToThai(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + d.charCodeAt(0) - 48));
}

/** Zero-width characters Thai typists leave behind (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen), for a character class. */
export const INVISIBLE_CHARS = '\\u200b-\\u200d\\u2060\\ufeff\\u00ad';
/** Those characters, every occurrence (for `replace`). */
export const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

const NEEDS_TIDYING = new RegExp(`[\\r\\n\\t\\u00a0\\u2007\\u202f${INVISIBLE_CHARS}]| {2}`);

/** Collapse runs of spaces (incl. NBSP) on each line and trim; keep line breaks. */
export function tidySpaces(s: string): string {
  // Most cells have nothing to tidy but their ends (this runs on every name): the chain below only when they do.
  if (!NEEDS_TIDYING.test(s)) return s.trim();
  return s
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u2007\u202f]+/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join('\n')
    .trim();
}

/** One line, single spaces, Arabic digits: the form used to compare texts. */
export function flatText(s: string): string {
  return thaiToArabic(s.replace(INVISIBLE, '')).replace(/\s+/g, ' ').trim();
}

/**
 * Made once, when first asked (~6 ms, not at every start): Number.prototype.toLocaleString builds a
 * formatter on every call (~25 µs; this is ~0.6 µs).
 */
let amountFormat: Intl.NumberFormat | undefined;

/** 1504920 → "1,504,920"; decimals kept when present. */
export function formatAmount(n: number, thaiDigits = false): string {
  const s = (amountFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })).format(n);
  return thaiDigits ? arabicToThai(s) : s;
}

let thaiCollator: Intl.Collator | undefined;

/** Thai dictionary order: `a.localeCompare(b, 'th')`, with the collator made once (when first asked), not per comparison. */
export function thaiOrder(a: string, b: string): number {
  return (thaiCollator ??= new Intl.Collator('th')).compare(a, b);
}

/** Plausible Buddhist-Era fiscal year (Thai or Arabic digits) at the start of `s`, e.g. "2566", "พ.ศ. ๒๕๗๑". */
export function parseBEYear(s: string): number | undefined {
  const m = /(?:^|[^0-9])(25[4-9][0-9]|26[0-9][0-9])(?![0-9])/.exec(thaiToArabic(s));
  return m ? parseInt(m[1], 10) : undefined;
}

export const THAI_MONTHS_ABBR = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'] as const;
export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;
export const ENGLISH_MONTHS_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** Sunday first, as Date.getUTCDay(). */
export const THAI_WEEKDAYS = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'] as const;

export const BE_OFFSET = 543;
export function beToCe(be: number): number {
  return be - BE_OFFSET;
}
export function ceToBe(ce: number): number {
  return ce + BE_OFFSET;
}

/** Number or numeric text in Thai digits when `thai` is true. */
export function digits(n: number | string, thai = false): string {
  const s = String(n);
  return thai ? arabicToThai(s) : s;
}

/** 2569 → "69". */
export function twoDigitYear(be: number): string {
  return String(be % 100).padStart(2, '0');
}
