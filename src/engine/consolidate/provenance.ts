/**
 * The one spelling of "where a row came from" (ไฟล์ / ชีต / แถว). The needs table writes it in its ที่มา
 * column and re-runs read it back to find the officer's rows again: written two ways, a re-run would
 * silently fall back to matching by place.
 */
import { thaiToArabic } from '../thai';

/** A row of a sheet of a file; `row` is 1-based (as the officer sees it). */
export interface RowRef {
  file: string;
  sheet: string;
  row: number;
}

/** The ที่มา column's header (one column, not the ไฟล์ / ชีต / แถว columns of a report). */
export const PROVENANCE_HEADER = 'ที่มา (ไฟล์ / ชีต / แถว)';

/** "file / sheet / แถว N": a ที่มา line, the key a re-run matches rows by. */
export const provenanceKey = (ref: RowRef): string => `${ref.file} / ${ref.sheet} / แถว ${ref.row}`;

/** "file ชีต sheet แถว N": the same row named inside a remark's sentence. */
export const provenanceMention = (ref: RowRef): string => `${ref.file} ชีต ${ref.sheet} แถว ${ref.row}`;

/** A ที่มา line back into its file, sheet and row; undefined when the line is not one. */
export function parseProvenance(line: string): RowRef | undefined {
  // Sheet names cannot hold "/", so the last two "/" split it; the file keeps whatever is left.
  // The row in Thai digits too (แถว ๑๒): an officer retyping a ที่มา writes it the way the form does.
  const m = /^(.*?)\s*\/\s*([^/]+?)\s*\/\s*แถว\s*([\d๐-๙]+)\s*$/.exec(line.trim());
  return m ? { file: m[1], sheet: m[2], row: Number(thaiToArabic(m[3])) } : undefined;
}

/** A ที่มา cell (one line per source) back into its rows; lines that are not ที่มา lines are left out. */
export const parseProvenanceLines = (text: string): RowRef[] =>
  text.split('\n').flatMap((line) => {
    const ref = parseProvenance(line);
    return ref ? [ref] : [];
  });
