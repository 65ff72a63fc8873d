/**
 * Places as codes: names read from officers' text (read.ts) resolved against the gazetteer
 * (gazetteer.ts) in the context of the file or the run (its district or province).
 *
 *   findPlaces('อบต.บ้านใหม่ อ.ปากเกร็ด จ.นนทบุรี')  → { province: '12', district: '1206', tambon: '120603' }
 *   placeOf({ tambon: 'บ้านใหม่' }, { province: '12' }) → { province: '12' }   (in two districts of นนทบุรี: no guess)
 *   placeOf({ tambon: 'เกาะเกร็ด' }, { province: '12' }) → { province: '12', district: '1206', tambon: '120608' }
 */
import { normaliseThai } from '../normalise';
import { codesNamed, placeName, suggest, type KnownPlace } from './gazetteer';
import { bareDistrictName } from './location';
import { readPlaceNames, type PlaceNames } from './read';
import type { PlaceCodes } from './types';

export type { PlaceCodes } from './types';
export type { PlaceNames } from './read';
export { readPlaceNames, readName, nameAtStart } from './read';
export {
  bareDistrictName,
  bareProvinceName,
  extractLocation,
  locationOfNormalised,
  parseTambon,
  parseVillage,
  type Location,
} from './location';
export { placeName, tambonsOf, districtsOf, codesNamed, suggest, isPlaceName, type KnownPlace, type PlaceLevel } from './gazetteer';

const inAny = (code: string, within: readonly string[] | undefined): boolean => !within || within.some((w) => code.startsWith(w));

/**
 * The codes of the places named, each level resolved inside the one above it (the names', else the
 * context's). A level is coded only when exactly one place fits: the same tambon name in two districts
 * of an unnamed district stays uncoded. A coded tambon gives its district and province.
 */
export function placeOf(names: PlaceNames, context: PlaceCodes = {}): PlaceCodes {
  const provinces = names.province ? codesNamed(names.province, 'province') : context.province ? [context.province] : undefined;
  let districts: string[] | undefined;
  if (names.district) districts = codesNamed(names.district, 'district').filter((c) => inAny(c, provinces));
  else if (context.district && inAny(context.district, provinces)) districts = [context.district];
  let tambon: string | undefined;
  if (names.tambon) {
    const tambons = codesNamed(names.tambon, 'tambon').filter((c) => inAny(c, districts ?? provinces));
    if (tambons.length === 1) tambon = tambons[0];
  }
  const district = tambon?.slice(0, 4) ?? (districts?.length === 1 ? districts[0] : undefined);
  const province = district?.slice(0, 2) ?? (provinces?.length === 1 ? provinces[0] : undefined);
  // Every place of one shape, its three keys always present (undefined when unknown) in the order they
  // were added: the code reading a row's place (toCandidate, the duplicates) meets one map, not four.
  return { tambon, district: district || undefined, province: province || undefined };
}

/** The first tambon, district and province named across lines (a sheet's organisation, then its titles). */
export function namesInLines(lines: readonly string[]): PlaceNames {
  const names: PlaceNames = {};
  for (const line of lines) {
    if (!line) continue;
    const found = readPlaceNames(normaliseThai(line));
    names.tambon ??= found.tambon;
    names.district ??= found.district;
    names.province ??= found.province;
  }
  return names;
}

/** The places a text names (any spelling normaliseThai reads), as codes in `context`. */
export function findPlaces(text: string, context?: PlaceCodes): PlaceCodes {
  return placeOf(readPlaceNames(normaliseThai(text)), context);
}

/** Known tambons near a tambon name that is not in its district (a misspelling), when the district is known. */
export function tambonSuggestions(name: string, place: PlaceCodes): KnownPlace[] {
  return !place.tambon && place.district ? suggest(name, 'tambon', { district: place.district }) : [];
}

/** The district codes a name can mean inside `within`'s province ("อ.เมือง": every capital, or the province's). */
function districtCodes(name: string, within: PlaceCodes): string[] {
  const bare = bareDistrictName(normaliseThai(name)).replace(/^เขต\s*/, '');
  return bare ? codesNamed(bare, 'district', within.province ? { province: within.province } : undefined) : [];
}

/**
 * The code of the one district a name means inside `within`'s province: "อำเภอเมือง", "อ.เมือง" and
 * "เมือง" there are its capital (เมือง<province>). Undefined when the gazetteer has none or several.
 */
export function oneDistrict(name: string, within: PlaceCodes = {}): string | undefined {
  const codes = districtCodes(name, within);
  return codes.length === 1 ? codes[0] : undefined;
}

/**
 * Whether two names are one district by the gazetteer: "อ.เมือง" (a province's file) and
 * "อำเภอเมืองสุราษฎร์ธานี" (the district's own table) share the one capital district either means.
 */
export function sameDistrict(a: string, b: string, within: PlaceCodes = {}): boolean {
  const ca = districtCodes(a, within);
  const cb = districtCodes(b, within);
  return (ca.length === 1 || cb.length === 1) && ca.some((c) => cb.includes(c));
}

const FULL = new Map<string, string>();

/**
 * A district as a province's table names it: the gazetteer's whole name with its level word
 * ("เมือง" in นครสวรรค์ → "อำเภอเมืองนครสวรรค์"), so districts that share a short name stay apart.
 * The name as written when the gazetteer does not know it.
 */
export function fullDistrictName(name: string, within: PlaceCodes = {}): string {
  // Every row of a district's table names the same district: one gazetteer look-up per name.
  const key = `${within.province ?? ''}/${name}`;
  let full = FULL.get(key);
  if (full === undefined) {
    const code = oneDistrict(name, within);
    full = code ? `${code.startsWith('10') ? 'เขต' : 'อำเภอ'}${placeName(code)}` : name.trim();
    if (FULL.size >= 10000) FULL.clear();
    FULL.set(key, full);
  }
  return full;
}
