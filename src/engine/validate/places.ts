/**
 * Tambon names checked against the official gazetteer (places/): where the sheet's titles name a
 * district the gazetteer knows, a tambon that district lacks but nearly has is a misspelling, and the
 * near names are suggested. A name far from all of them (another district's, or one the gazetteer
 * lacks) is not reported: nothing certain can be said of it.
 */
import type { PlanSheet } from '../plan';
import { namesInLines, parseTambon, placeOf, placeName, tambonSuggestions, type PlaceCodes } from '../places';
import type { FindingCode, FindingDetails } from '../findings';

type Add = <C extends FindingCode>(code: C, details: FindingDetails<C>, row: number | null, col: number | null, field?: string) => void;

function check(written: string | undefined, within: PlaceCodes, add: (d: FindingDetails<'tambon-misspelt'>) => void): void {
  if (!written || !within.district) return;
  const near = tambonSuggestions(written, placeOf({ tambon: written }, within));
  if (near.length) add({ written, district: placeName(within.district) ?? within.district, suggestions: near.map((p) => p.name) });
}

export function checkTambons(plan: PlanSheet, add: Add): void {
  const names = namesInLines([plan.organisation ?? '', ...plan.titles.map((t) => t.text)]);
  const district = placeOf({ district: names.district, province: names.province });
  if (!district.district) return;
  // The sheet's own tambon, on the title line that names it.
  const line = plan.titles.find((t) => names.tambon && parseTambon(t.text) === names.tambon);
  check(names.tambon, district, (d) => add('tambon-misspelt', d, line?.row ?? 0, line?.col ?? 0));
  for (const block of plan.blocks) {
    const col = block.columns.fields.tambon;
    if (col === undefined) continue;
    for (const p of block.projects)
      if (!p.afterTotal) check(parseTambon(p.tambon), district, (d) => add('tambon-misspelt', d, p.row, col, 'tambon'));
  }
}
