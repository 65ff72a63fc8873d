/**
 * Where a text says a project is: its village number, tambon and district, as written ("หมู่ที่ 3",
 * "ต.นาดี", "องค์การบริหารส่วนตำบลบ้านใหม่"). Names are read whole (./read.ts); codes come from ./index.ts.
 *
 *   extractLocation("ก่อสร้างถนน คสล. ม.๓ ต.นาดี") → { village: 3, tambon: "นาดี" }
 */
import { normaliseThai } from '../normalise';
import { nameAtStart, readName } from './read';

export interface Location {
  /** หมู่ที่ N. */
  village?: number;
  /** Tambon name (without "ตำบล"), normalised. */
  tambon?: string;
  /** District name (without "อำเภอ"). */
  amphoe?: string;
}

const VILLAGE_WORD = 'หมู่ที่ ';

/** The number of 1–3 ASCII digits at `at` that no digit follows (/(\d{1,3})(?!\d)/ there), or undefined. */
function numberAt(s: string, at: number): number | undefined {
  let v = 0;
  let k = at;
  for (; k < s.length && k - at < 4; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  return k > at && k - at <= 3 ? v : undefined;
}

/**
 * /หมู่ที่ (\d{1,3})(?!\d)/ of `s`: the first "หมู่ที่ " followed by one to three digits and no fourth,
 * read in place (the regex's match array per name and cell was the most of this module's allocation).
 */
function villageNumberIn(s: string): number | undefined {
  for (let i = s.indexOf(VILLAGE_WORD); i >= 0; i = s.indexOf(VILLAGE_WORD, i + 1)) {
    const v = numberAt(s, i + VILLAGE_WORD.length);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Village number, tambon and district named in a text (any spelling normaliseThai handles). */
export function extractLocation(text: string): Location {
  return locationOfNormalised(normaliseThai(text));
}

/** extractLocation of text already passed through normaliseThai (saves normalising twice). */
export function locationOfNormalised(s: string): Location {
  const out: Location = {};
  const v = villageNumberIn(s);
  if (v !== undefined) out.village = v;
  // "องค์การบริหารส่วนตำบลบ้านใหม่", "เทศบาลตำบลนาดี", "ตำบล นาดี": names read whole (places/read.ts).
  const tambon = readName(s, 'tambon');
  if (tambon) out.tambon = tambon;
  const amphoe = readName(s, 'district');
  if (amphoe) out.amphoe = amphoe;
  return out;
}

/**
 * A village cell as officers fill it: "3", "๓", "ม.3", "หมู่ที่ 3 บ้านนา", "บ้านนา หมู่ 3".
 * Undefined when there is no number.
 */
export function parseVillage(text: string): number | undefined {
  const s = normaliseThai(text);
  if (!s) return undefined;
  return villageNumberIn(s) ?? numberAt(s, 0);
}

/** A tambon cell: "นาดี", "ต.นาดี", "ตำบลนาดี" → "นาดี". */
export function parseTambon(text: string): string | undefined {
  const s = normaliseThai(text);
  if (!s) return undefined;
  const loc = extractLocation(s);
  if (loc.tambon) return loc.tambon;
  if (/\d/.test(s) || /หมู่ที่|อำเภอ/.test(s)) return undefined;
  return nameAtStart(s.replace(/ /g, ''), 'tambon');
}

/** A district's name without its level word: "อำเภอเมือง", "อ.เมือง", "เมือง" → "เมือง". */
export const bareDistrictName = (s: string): string => s.trim().replace(/^(อำเภอ|อ\.)\s*/, '');

/** A province's name without its level word: "จังหวัดน่าน", "จ.น่าน", "น่าน" → "น่าน". */
export const bareProvinceName = (s: string): string => s.trim().replace(/^(จังหวัด|จ\.)\s*/, '');
