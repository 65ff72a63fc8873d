/**
 * What the add-in writes: a workbook described as data. The xlsx writer turns it into a file, the
 * Office.js adapter into new worksheets. Engine modules (validate report, needs table, calendar)
 * build these; they never write files or call Excel themselves.
 */
import type { z } from 'zod/v4';
import type { CellStyleSchema, OutCellSchema, OutSheetSchema } from './output-schema';

export type CellStyle = z.infer<typeof CellStyleSchema>;
/** A cell to write: a string is always text, never a formula (output-schema.ts says why). */
export type OutCell = z.infer<typeof OutCellSchema>;
export type OutSheet = z.infer<typeof OutSheetSchema>;

export interface OutWorkbook {
  sheets: OutSheet[];
}

/**
 * A sheet whose rows are made when the file writer asks for them, in order (a national needs table
 * has 600,000 rows of ~17 cell objects: ~700 MB if held whole). Only the .xlsx writer takes these;
 * `materialise` turns one into an OutSheet for everything else.
 */
export type StreamedSheet = Omit<OutSheet, 'rows'> & {
  rowCount: number;
  /** Widest row (cells), for the sheet's dimension written before its rows. */
  width: number;
  /** Row i (0-based); callers read it and must not change it (rows may be shared). */
  rowAt(i: number): OutCell[];
};

/** A workbook for the .xlsx writer: whole sheets, or sheets made row by row. */
export interface FileWorkbook {
  sheets: Array<OutSheet | StreamedSheet>;
}

export function isStreamed(s: OutSheet | StreamedSheet): s is StreamedSheet {
  return typeof (s as StreamedSheet).rowAt === 'function';
}

/** The whole sheet (every row made now). */
export function materialise(s: StreamedSheet): OutSheet {
  const { rowCount, width: _width, rowAt, ...rest } = s;
  const rows: OutCell[][] = new Array(rowCount);
  for (let i = 0; i < rowCount; i++) rows[i] = rowAt(i);
  return { ...rest, rows };
}

export const DEFAULT_FONT = { name: 'TH Sarabun New', size: 16 } as const;
