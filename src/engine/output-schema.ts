/**
 * The zod contract of what the add-in writes (output.ts: its types are these schemas' types). Its own
 * module: writing a workbook does not load zod.
 */
import { z } from 'zod/v4';

export const CellStyleSchema = z.object({
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  /** Font size in points; default 16 (official documents). */
  size: z.number().optional(),
  /** Font colour, "RRGGBB". */
  color: z.string().optional(),
  /** Fill colour, "RRGGBB". */
  fill: z.string().optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
  valign: z.enum(['top', 'center', 'bottom']).optional(),
  wrap: z.boolean().optional(),
  /** Shrink the text to fit the column (a grand total wider than the amounts above it). */
  shrink: z.boolean().optional(),
  border: z.boolean().optional(),
  /** Excel number format code, e.g. "#,##0" or '#,##0;-#,##0;"-"'. */
  numFmt: z.string().optional(),
});

/**
 * A cell to write. Strings are always written as text, never as formulas (formula injection:
 * a received project named "=HYPERLINK(...)" stays text). Only `formula` makes a formula.
 */
export const OutCellSchema = z.union([
  z.string(),
  z.number(),
  z.null(),
  z.object({
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    formula: z.string().optional(),
    style: CellStyleSchema.optional(),
    /**
     * A text no other cell repeats (a need's ที่มา): the .xlsx writer puts it in the cell itself, not in
     * the shared-string table, whose index would hold every one of them until the file is written.
     */
    once: z.boolean().optional(),
  }),
]);

export const OutSheetSchema = z.object({
  name: z.string().min(1).max(31),
  /** Row-major cells, 0-based. */
  rows: z.array(z.array(OutCellSchema)),
  /** Style applied to every row of a given index (e.g. header rows), merged under cell styles. */
  rowStyles: z.record(z.string(), CellStyleSchema).optional(),
  merges: z.array(z.object({ r1: z.number(), c1: z.number(), r2: z.number(), c2: z.number() })).optional(),
  /** Column widths in characters. */
  colWidths: z.array(z.number()).optional(),
  /**
   * Columns hidden on screen and on paper, their cells kept (0-based): a fiscal year no row asks an
   * amount for, a whole line printed in a short form beside it. The officer shows them again in Excel.
   */
  hiddenCols: z.array(z.number().int().nonnegative()).optional(),
  /** Rows frozen at the top (header). */
  freezeRows: z.number().optional(),
  /** Data table (header row index, first data row, last row) shown as an Excel table / autofilter. */
  table: z.object({ headerRow: z.number(), lastRow: z.number(), lastCol: z.number(), name: z.string() }).optional(),
  /** A4 landscape / portrait, fit to one page wide. */
  page: z
    .object({
      orientation: z.enum(['landscape', 'portrait']),
      fitWidth: z.boolean(),
      /** Columns printed: the first `columns` (provenance and working columns after them stay on screen). */
      columns: z.number().int().positive().optional(),
      /** Footer centred on every page, in Excel's header/footer codes ("หน้า &P/&N"). */
      footer: z.string().optional(),
    })
    .optional(),
  /**
   * Rows made tall enough for their wrapped texts, computed from the texts and column widths
   * (engine/print.ts): neither Excel nor LibreOffice fits row heights when it opens a file.
   */
  fitRows: z.boolean().optional(),
  /** Rows repeated at the top of every printed page (0-based inclusive). */
  printTitleRows: z.tuple([z.number(), z.number()]).optional(),
  /** Default font for the sheet; default TH Sarabun New 16. */
  font: z.object({ name: z.string(), size: z.number() }).optional(),
});
