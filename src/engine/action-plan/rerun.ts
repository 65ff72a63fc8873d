/**
 * A re-run onto the action plan already written keeps the officer's work: each row found again keeps its
 * officer's columns (by ที่มา and name, else by name and place — the needs table's rule, consolidate/merge.ts),
 * rows the officer added by hand (no ที่มา) stay in the plan, and rows no input gives any more are listed
 * with what the officer wrote on them instead of being dropped.
 */
import { compactThai } from '../normalise';
import { placeKey } from '../consolidate/merge';
import { provenanceKey } from '../consolidate/provenance';
import { isWrittenRemark } from './sheet';
import type { ActionMergeReport, ActionRow, PreviousActionPlan, PreviousActionRow } from './types';

/** The source's note, then the lines the officer typed into หมายเหตุ (neither the note's nor OnePlan's remarks). */
function withOfficerLines(note: string, remark: string): string {
  const own = new Set(note.split('\n'));
  const typed = remark.split('\n').filter((l) => l.trim() && !own.has(l) && !isWrittenRemark(l));
  return [note, ...typed].filter(Boolean).join('\n');
}

/** The fresh rows (same order, officer's columns and status set), then the rows the officer added. */
export function mergePreviousPlan(fresh: readonly ActionRow[], prev: PreviousActionPlan): { rows: ActionRow[]; report: ActionMergeReport } {
  const bySource = new Map<string, PreviousActionRow>();
  const byPlace = new Map<string, PreviousActionRow[]>();
  const sourceKey = (name: string, source: string) => `${compactThai(name)}\u0000${source}`;
  // Rows listed as gone by an earlier run come after the plan's: an input that gives one back restores it.
  // One the plan holds again (a gone list left over in a workbook) is the plan's row, not a second one.
  const inPlan = new Set(prev.rows.map((p) => sourceKey(p.name, p.source)));
  const all = [...prev.rows, ...(prev.gone ?? []).filter((g) => !inPlan.has(sourceKey(g.name, g.source)))];
  for (const p of all) {
    if (p.source) bySource.set(sourceKey(p.name, p.source), p);
    const k = placeKey(p.name, p.village, p.tambon);
    byPlace.set(k, [...(byPlace.get(k) ?? []), p]);
  }
  const used = new Set<PreviousActionRow>();
  const take = (p: PreviousActionRow | undefined): PreviousActionRow | undefined => {
    if (!p || used.has(p)) return undefined;
    used.add(p);
    return p;
  };
  // Source first for every row, so a place match never takes a row another owns by its ที่มา.
  const match: Array<PreviousActionRow | undefined> = fresh.map((r) => take(bySource.get(sourceKey(r.name, provenanceKey(r.src)))));
  fresh.forEach((r, i) => {
    match[i] ??= take(byPlace.get(placeKey(r.name, r.village, r.tambon))?.find((p) => !used.has(p)));
  });
  const rows: ActionRow[] = fresh.map((r, i) => {
    const p = match[i];
    return p ? { ...r, note: withOfficerLines(r.note, p.remark), officer: p.officer, status: 'kept' } : { ...r, status: 'new' };
  });
  const left = all.filter((p) => !used.has(p));
  const added = left.filter((p) => !p.source);
  for (const p of added)
    rows.push({
      name: p.name,
      ...(p.village !== undefined ? { village: p.village } : {}),
      ...(p.tambon ? { tambon: p.tambon } : {}),
      agency: p.agency,
      side: p.side,
      amount: p.amount,
      source: 'officer',
      src: { file: prev.file, sheet: prev.sheet, row: p.row },
      note: withOfficerLines('', p.remark),
      officer: p.officer,
      status: 'added',
    });
  const kept = match.filter(Boolean).length;
  return {
    rows,
    report: { sheet: prev.sheet, kept, new: fresh.length - kept, added: added.length, vanished: left.filter((p) => p.source) },
  };
}
