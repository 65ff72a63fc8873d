/**
 * Whether two rows are in the same place, for the duplicate rules: two rows in different known places
 * are never one need, and a row whose place is unknown is never taken out of the totals on a name
 * match alone (dedupe.ts caps it at "possible"). Gazetteer codes (places/types.ts) decide when both
 * rows have them (two districts' codes are two places, so at the province alike needs of two districts stay
 * apart); else the tambon names as read. District names without codes do not decide (a name may be written
 * "อ.เมือง" in one file and "อำเภอเมืองสุราษฎร์ธานี" in another).
 */
import type { PlaceCodes } from '../places/types';

export type PlaceRelation = 'same' | 'different' | 'unknown';

/** What a row says of its place. */
export interface Placed {
  tambon?: string;
  place?: PlaceCodes;
}

/** A part both codes have and that differs, or a tambon both have that is equal. */
function byCodes(a: PlaceCodes, b: PlaceCodes): PlaceRelation {
  if (a.tambon && b.tambon) return a.tambon === b.tambon ? 'same' : 'different';
  if (a.district && b.district && a.district !== b.district) return 'different';
  if (a.province && b.province && a.province !== b.province) return 'different';
  return 'unknown';
}

export function comparePlaces(a: Placed, b: Placed): PlaceRelation {
  if (a.place && b.place) {
    const r = byCodes(a.place, b.place);
    if (r !== 'unknown') return r;
  }
  if (a.tambon && b.tambon) return a.tambon === b.tambon ? 'same' : 'different';
  return 'unknown';
}
