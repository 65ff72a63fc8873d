/**
 * Place names as written in normalised text (normaliseThai has expanded ต./อ./จ./อบต./ทต.): the name
 * after "ตำบล", "อำเภอ", "จังหวัด", read whole. A name the gazetteer knows is read by longest
 * match ("ตำบลบ้านใหม่", "ตำบลนาดีบ้านนา" → "นาดี"), so names that begin with บ้าน, ท่า, หนอง, นา … stay
 * whole; a name it does not know is read up to the next level word, village or "บ้าน…" after it.
 */
import { isPlaceName, longestName, type PlaceLevel } from './gazetteer';

/** Place names read from a text, without their level words; absent when the text names none. */
export interface PlaceNames {
  tambon?: string;
  district?: string;
  province?: string;
}

/**
 * Level words before a name. "…ส่งเสริมสุขภาพตำบล" (รพ.สต.) names a health station, not a tambon;
 * "แขวง" is not read (Bangkok has no district planning, and "แขวงทางหลวง…" is an agency).
 */
const MARKERS: Record<PlaceLevel, RegExp> = {
  tambon: /(?<!สุขภาพ)ตำบล ?(?=([ก-๛]+))/g,
  district: /อำเภอ ?(?=([ก-๛]+))/g,
  province: /จังหวัด ?(?=([ก-๛]+))/g,
};

/** What may follow a known name with no space: the next level word, a village, a community. */
const AFTER_NAME = /^(?:อำเภอ|จังหวัด|ตำบล|หมู่|บ้าน|ชุมชน)/;
/** Where a name the gazetteer does not know ends. "บ้าน" only after a name: "บ้านใหม่" is a name. */
const END_OF_UNKNOWN = /อำเภอ|จังหวัด|หมู่ที่|ตำบล|(?<=[ก-๛]{2})บ้าน/;

/** The place name at the start of `run` (Thai letters, no space), or undefined when there is none. */
export function nameAtStart(run: string, level: PlaceLevel): string | undefined {
  for (let n = Math.min(run.length, longestName(level)); n >= 2; n--) {
    const name = run.slice(0, n);
    if (isPlaceName(name, level, true) && (n === run.length || AFTER_NAME.test(run.slice(n)))) return name;
  }
  // run.split(END_OF_UNKNOWN)[0]: the text before the first match (no array of the pieces made).
  const end = END_OF_UNKNOWN.exec(run);
  const cut = end ? run.slice(0, end.index) : run;
  return cut.length > 0 ? cut : undefined;
}

/** A word each level's markers hold: most texts name no place and skip the regex. */
const QUICK: Record<PlaceLevel, string> = { tambon: 'ตำบล', district: 'อำเภอ', province: 'จังหวัด' };

/** The first name of `level` in normalised text. */
export function readName(normalised: string, level: PlaceLevel): string | undefined {
  // Runs for every name and location cell: no level word, no name (and no matchAll, which copies the regex).
  if (!normalised.includes(QUICK[level])) return undefined;
  const marker = MARKERS[level];
  marker.lastIndex = 0;
  for (let m = marker.exec(normalised); m; m = marker.exec(normalised)) {
    const name = nameAtStart(m[1], level);
    if (name) return name;
  }
  return undefined;
}

/** The tambon, district and province named in normalised text. */
export function readPlaceNames(normalised: string): PlaceNames {
  const out: PlaceNames = {};
  for (const level of ['tambon', 'district', 'province'] as const) {
    if (!normalised.includes(QUICK[level])) continue;
    const name = readName(normalised, level);
    if (name) out[level] = name;
  }
  return out;
}
