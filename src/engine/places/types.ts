/**
 * Places as codes, not strings: the Department of Provincial Administration's (DOPA) codes of
 * Thailand's administrative areas. A province is 2 digits ("60"), a district (อำเภอ/เขต) 4 ("6001"),
 * a tambon (ตำบล/แขวง) 6 ("600101"); a longer code begins with the shorter ones it lies in.
 * The gazetteer (places/gazetteer.ts) resolves names to these codes.
 */
export interface PlaceCodes {
  province?: string;
  district?: string;
  tambon?: string;
}
