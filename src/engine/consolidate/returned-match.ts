/**
 * Which need of the district's table each of the province's returned decisions is about. By provenance
 * first: a returned row's ที่มา names one of the need's own sources, or the row of the table the district
 * sent (its file renamed on the way by e-mail, so by sheet and row, confirmed by the name). Else by name
 * and place, when exactly one need fits. A need takes one decision: a second decision about it, or one
 * that fits several needs, is listed with the reason — never put on a row by a guess.
 */
import { compactThai } from '../normalise';
import { comparePlaces } from './place';
import { parseProvenance, provenanceKey, provenanceMention } from './provenance';
import type { NeedsItem, PreviousRow, ReturnedDecision, UnmatchedDecision } from './types';

export interface DecisionMatch {
  given: Array<{ decision: ReturnedDecision; item: NeedsItem }>;
  unmatched: UnmatchedDecision[];
}

/** A ที่มา line's sheet and row, compared without the file (a table is renamed when sent). */
function sheetRow(line: string): string | undefined {
  const ref = parseProvenance(line);
  return ref ? `${ref.sheet}\u0000${ref.row}` : undefined;
}

/**
 * `previousRow`: each need's row in the district's previous table (merge.ts), `previousSheet` that
 * table's sheet — what the province's ที่มา names.
 */
export function matchReturned(
  items: readonly NeedsItem[],
  decisions: readonly ReturnedDecision[],
  previousRow: ReadonlyMap<NeedsItem, PreviousRow>,
  previousSheet: string | undefined,
): DecisionMatch {
  const bySource = new Map<string, NeedsItem>();
  const byRow = new Map<string, NeedsItem>();
  const byName = new Map<string, NeedsItem[]>();
  for (const it of items) {
    for (const s of it.sources) bySource.set(provenanceKey(s), it);
    const prev = previousRow.get(it);
    if (prev && previousSheet) byRow.set(`${previousSheet}\u0000${prev.row}`, it);
    const k = compactThai(it.name);
    byName.set(k, [...(byName.get(k) ?? []), it]);
  }
  const viaProvenance = (d: ReturnedDecision): NeedsItem | undefined => {
    for (const line of d.sources) {
      const own = bySource.get(line);
      if (own) return own;
      const key = sheetRow(line);
      const it = key ? byRow.get(key) : undefined;
      // The row of the table the district sent: the same need while its name is the same.
      if (it && compactThai(it.name) === compactThai(d.name)) return it;
    }
    return undefined;
  };
  /** The needs of the decision's name in its place (a village both name must agree). */
  const viaPlace = (d: ReturnedDecision): NeedsItem[] => {
    const named = byName.get(compactThai(d.name)) ?? [];
    const same = named.filter(
      (it) => comparePlaces(it, d) === 'same' && (d.village === undefined || it.village === undefined || it.village === d.village),
    );
    if (same.length) return same;
    // Neither says its tambon: the name alone, when only one need has it.
    return named.length === 1 && comparePlaces(named[0], d) === 'unknown' ? named : [];
  };

  const givenTo = new Map<NeedsItem, ReturnedDecision>();
  const given: DecisionMatch['given'] = [];
  const unmatched: UnmatchedDecision[] = [];
  const give = (decision: ReturnedDecision, item: NeedsItem) => {
    givenTo.set(item, decision);
    given.push({ decision, item });
  };
  const taken = (d: ReturnedDecision, by: ReturnedDecision): UnmatchedDecision => ({
    ...d,
    reason: 'taken',
    message: `โครงการนี้ในตารางของอำเภอได้รับผลการพิจารณาจาก ${provenanceMention(by)} แล้ว จึงไม่ใส่ซ้ำ`,
    messageEn: `The need already received the decision of ${by.file} sheet ${by.sheet} row ${by.row}: not given twice`,
  });
  // Provenance first, so a name match never takes a need another decision names by its row.
  const rest: ReturnedDecision[] = [];
  for (const d of decisions) {
    const it = viaProvenance(d);
    if (!it) rest.push(d);
    else if (givenTo.has(it)) unmatched.push(taken(d, givenTo.get(it)!));
    else give(d, it);
  }
  for (const d of rest) {
    const fits = viaPlace(d);
    const free = fits.filter((it) => !givenTo.has(it));
    if (free.length === 1) give(d, free[0]);
    else if (free.length > 1)
      unmatched.push({
        ...d,
        reason: 'ambiguous',
        message: `ตารางของอำเภอมีโครงการชื่อและสถานที่นี้ ${free.length} รายการ จึงไม่ใส่ให้รายการใด (ระบุหมู่ที่ หรือคงคอลัมน์ที่มาไว้)`,
        messageEn: `${free.length} needs of the district's table have this name and place: given to none (name the village, or keep the ที่มา column)`,
      });
    else if (fits.length) unmatched.push(taken(d, givenTo.get(fits[0])!));
    else
      unmatched.push({
        ...d,
        reason: 'not-found',
        message: 'ไม่พบโครงการนี้ในตารางของอำเภอ ทั้งตามที่มาและตามชื่อและสถานที่',
        messageEn: "No need of the district's table has this row's provenance, or its name and place",
      });
  }
  return { given, unmatched };
}
