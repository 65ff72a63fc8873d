/**
 * The pane's "one file per receiver": the needs table cut by receiver (split.ts, as `oneplan split`
 * cuts it), each part a needs workbook named by its receiver, all in one .zip. One download rather than
 * one per receiver: a province has 10–20 districts and a district 10–30 proposers, and browsers (and
 * Excel's web view) stop or ask after the first of many downloads; a zip is also what an officer
 * attaches to one e-mail or e-saraban letter. Runs where the result lives (the worker, or the pane).
 */
import { zipSync } from 'fflate';
import { needsFileWorkbook, type ConsolidateResult } from '../../engine/consolidate';
import { partFileNames, partSubtitle, splitNeeds, type SplitKey } from '../../engine/consolidate/split';
import { writeXlsx } from '../../xlsx/write';

/** The zip of every receiver's part; `from` names the table they were cut from (each part's title says it). */
export function receiverZip(r: ConsolidateResult, by: SplitKey, from: string): Uint8Array {
  const parts = splitNeeds(r, by);
  const names = partFileNames(parts);
  const files: Record<string, Uint8Array> = {};
  for (const [k, p] of parts.entries()) files[names[k]] = writeXlsx(needsFileWorkbook(p.result, { subtitle: partSubtitle(p, by, from) }));
  // The parts are zips already: stored, not deflated again. fflate marks the Thai names UTF-8 (Windows 10+ and 7-Zip read them).
  return zipSync(files, { level: 0 });
}
