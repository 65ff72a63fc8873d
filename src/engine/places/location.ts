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

/** "หมู่ที่ 3" and a bare leading "3", made once (not global: exec ignores lastIndex). */
const VILLAGE_NO = /หมู่ที่ (\d{1,3})(?!\d)/;
const LEADING_NO = /^(\d{1,3})(?!\d)/;

/** Village number, tambon and district named in a text (any spelling normaliseThai handles). */
export function extractLocation(text: string): Location {
  return locationOfNormalised(normaliseThai(text));
}

/** extractLocation of text already passed through normaliseThai (saves normalising twice). */
export function locationOfNormalised(s: string): Location {
  const out: Location = {};
  const v = VILLAGE_NO.exec(s);
  if (v) out.village = Number(v[1]);
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
  const m = VILLAGE_NO.exec(s) ?? LEADING_NO.exec(s);
  return m ? Number(m[1]) : undefined;
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
