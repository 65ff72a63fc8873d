/**
 * The sheet model: what every reader (xlsx file, Office.js worksheet, CSV) produces and every
 * engine module consumes. Pure data, no I/O. Rows and columns are 0-based here; findings and
 * user-facing text convert to 1-based rows and column letters with `a1()`.
 */

/** Cell type as the file stores it: number, string, boolean, error (#REF!), or empty. */
export type CellType = 'n' | 's' | 'b' | 'e' | 'z';

export interface Cell {
  /** Raw value: a number for numeric cells, the string for text cells, the error text for errors. */
  v: number | string | boolean | null;
  t: CellType;
  /** Text as the officer sees it (number formats applied, e.g. "1,500,000" or "-"). */
  w: string;
  /** Formula (without "="), when the cell had one; `v` is then its cached value. */
  f?: string;
  /** Number format code, when not General. */
  z?: string;
}

/** Inclusive 0-based rectangle. */
export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** A text box (drawing shape with text) anchored at a cell: real workbooks put "แบบ ผ.02" there. */
export interface TextBox {
  text: string;
  row: number;
  col: number;
}

export interface SheetModel {
  name: string;
  /** rows[r][c]; missing rows/cells are undefined. */
  rows: Array<Array<Cell | undefined> | undefined>;
  merges: Range[];
  textBoxes: TextBox[];
  hidden?: boolean;
  /**
   * The sheet holds more cells than a reader takes (`cells` in the bounding boxes of its data, `limit`
   * read from the top): rows holds only the top part.
   */
  tooLarge?: { cells: number; limit: number };
}

export interface WorkbookModel {
  /** File name as given (for messages), or the Excel workbook's name. */
  name: string;
  sheets: SheetModel[];
}

/** Column index (0-based) → letters: 0 → A, 26 → AA. */
export function colLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index: A → 0, AA → 26. */
export function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n - 1;
}

/** 0-based row/col → "B15". */
export function a1(r: number, c: number): string {
  return colLetter(c) + (r + 1);
}

/** Parse "B15" → {r: 14, c: 1}; undefined when not an address. */
export function parseA1(ref: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  return { r: parseInt(m[2], 10) - 1, c: colIndex(m[1].toUpperCase()) };
}

export function cellAt(sheet: SheetModel, r: number, c: number): Cell | undefined {
  return sheet.rows[r]?.[c];
}

/** Displayed text of a cell, trimmed; '' for empty, and for a column the sheet does not have (undefined). */
export function textAt(sheet: SheetModel, r: number, c: number | undefined): string {
  if (c === undefined) return '';
  const cell = sheet.rows[r]?.[c];
  return cell ? cell.w.trim() : '';
}

/** Convenience for tests and adapters: build a cell from a plain value. */
export function makeCell(v: number | string | boolean | null | undefined, w?: string): Cell | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') return { v, t: 'n', w: w ?? String(v) };
  if (typeof v === 'boolean') return { v, t: 'b', w: w ?? (v ? 'TRUE' : 'FALSE') };
  if (/^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/.test(v)) return { v, t: 'e', w: v };
  return { v, t: 's', w: w ?? v };
}

/** Build a sheet from a 2-D array of plain values (tests, CSV, Office.js values). */
export function sheetFromValues(
  name: string,
  values: ReadonlyArray<ReadonlyArray<number | string | boolean | null | undefined>>,
  merges: Range[] = [],
  textBoxes: TextBox[] = [],
  texts?: ReadonlyArray<ReadonlyArray<string | undefined>>,
): SheetModel {
  const rows: SheetModel['rows'] = values.map((row, r) => row.map((v, c) => makeCell(v, texts?.[r]?.[c])));
  return { name, rows, merges, textBoxes };
}
