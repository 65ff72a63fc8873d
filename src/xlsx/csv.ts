/**
 * CSV / TSV input: bytes → a one-sheet WorkbookModel named after the file. Pure TypeScript (browser
 * and Node). Encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, or TIS-620 / windows-874 when
 * the bytes are not valid UTF-8 and their high bytes fall in the Thai range 0xA1–0xFB. Delimiter
 * sniffed among , ; and tab; RFC 4180 quoting (doubled quotes, line breaks inside quotes).
 * Plain numbers become numeric cells (`w` as written); everything else stays text as written, so
 * "1,500,000", Thai digits and "-" reach the engine's readAmount unchanged. Text is never a formula.
 */
import type { Cell, SheetModel, WorkbookModel } from '../engine/model';
import { readError } from './errors';

export interface CsvOptions {
  /** Largest input accepted (default 256 MiB). */
  maxBytes?: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Excel's limit for one cell's text. */
const MAX_CELL = 32_767;

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';

/** Does the byte sequence decode as UTF-8 without errors? */
function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Most high bytes in the TIS-620 Thai block (0xA1–0xFB)? */
function looksTis620(b: Uint8Array): boolean {
  let hi = 0;
  let thai = 0;
  const n = Math.min(b.length, 1 << 20);
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c >= 0x80) {
      hi++;
      if (c >= 0xa1 && c <= 0xfb) thai++;
    }
  }
  return hi > 0 && thai >= hi * 0.9;
}

/** Which encoding the bytes are in, and where the text starts (after a BOM). */
export function detectEncoding(b: Uint8Array): { encoding: CsvEncoding; start: number } {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', start: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', start: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', start: 2 };
  if (isUtf8(b)) return { encoding: 'utf-8', start: 0 };
  if (looksTis620(b)) return { encoding: 'windows-874', start: 0 };
  return { encoding: 'utf-8', start: 0 }; // invalid sequences become U+FFFD
}

/** Bytes → text with the detected encoding. */
export function decodeCsvText(b: Uint8Array): { text: string; encoding: CsvEncoding } {
  const { encoding, start } = detectEncoding(b);
  return { text: new TextDecoder(encoding).decode(b.subarray(start)), encoding };
}

/** Count of `d` outside quotes on each of the first lines (up to 64 KiB / 50 lines). */
function countsPerLine(text: string, d: string): number[] {
  const out: number[] = [];
  let n = 0;
  let q = false;
  const end = Math.min(text.length, 65536);
  for (let i = 0; i < end && out.length < 50; i++) {
    const ch = text[i];
    if (ch === '"') q = !q;
    else if (!q && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      out.push(n);
      n = 0;
    } else if (!q && ch === d) n++;
  }
  if (out.length < 50 && (n > 0 || end === text.length)) out.push(n);
  return out;
}

/** The delimiter: the one of , ; tab with the most lines sharing the same non-zero count. */
export function sniffDelimiter(text: string): string {
  let best = ',';
  let bestScore = 0;
  for (const d of [',', ';', '\t']) {
    const counts = countsPerLine(text, d);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [c, f] of freq) score = Math.max(score, f * 1000 + Math.min(c, 999));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** RFC 4180 parsing (lenient: a stray quote inside an unquoted field is kept as a character). */
export function parseCsv(text: string, delimiter: string, file = ''): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(field);
    field = '';
    if (row.length > MAX_COLS) throw readError('too-large', file, `${row.length} columns (Excel: ${MAX_COLS})`);
    rows.push(row);
    if (rows.length > MAX_ROWS) throw readError('too-large', file, `more than ${MAX_ROWS} rows`);
    row = [];
  };
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */ && field === '') {
      // quoted field
      let j = i + 1;
      let val = '';
      for (;;) {
        const k = text.indexOf('"', j);
        if (k < 0) {
          val += text.slice(j); // unterminated: the rest of the file
          j = n;
          break;
        }
        val += text.slice(j, k);
        if (text.charCodeAt(k + 1) === 0x22) {
          val += '"';
          j = k + 2;
        } else {
          j = k + 1;
          break;
        }
      }
      field = val;
      // anything between the closing quote and the next delimiter / line end is kept
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 0x0a || c === 0x0d || text[j] === delimiter) break;
        field += text[j];
        j++;
      }
      i = j;
      continue;
    }
    if (text[i] === delimiter) {
      row.push(field);
      field = '';
      if (row.length > MAX_COLS) throw readError('too-large', file, `more than ${MAX_COLS} columns`);
      i++;
    } else if (ch === 0x0a || ch === 0x0d) {
      endRow();
      i += ch === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    } else {
      // run of ordinary characters
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 0x0a || c === 0x0d || text[j] === delimiter) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/;
const ERROR_VALUE = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;

/** One CSV field → a cell: plain numbers numeric, error literals errors, the rest text as written. */
export function csvCell(raw: string): Cell | undefined {
  if (raw === '') return undefined;
  const s = raw.length > MAX_CELL ? raw.slice(0, MAX_CELL) : raw;
  if (PLAIN_NUMBER.test(s)) return { v: +s, t: 'n', w: s };
  if (ERROR_VALUE.test(s)) return { v: s, t: 'e', w: s };
  return { v: s, t: 's', w: s };
}

/** Sheet name from a file name: extension dropped, characters Excel refuses replaced, ≤ 31 characters. */
export function sheetNameOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const clean = base
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31);
  return clean || 'Sheet1';
}

export function readCsv(bytes: Uint8Array, fileName: string, opts: CsvOptions = {}): WorkbookModel {
  const max = opts.maxBytes ?? 256 * 1024 * 1024;
  if (bytes.length > max) throw readError('too-large', fileName, `${bytes.length} bytes`);
  const { text } = decodeCsvText(bytes);
  const delimiter = sniffDelimiter(text);
  const table = parseCsv(text, delimiter, fileName);
  const rows: SheetModel['rows'] = table.map((fields) => {
    const row: Array<Cell | undefined> = fields.map(csvCell);
    while (row.length && row[row.length - 1] === undefined) row.pop();
    return row.length ? row : undefined;
  });
  while (rows.length && rows[rows.length - 1] === undefined) rows.pop();
  return { name: fileName, sheets: [{ name: sheetNameOf(fileName), rows, merges: [], textBoxes: [] }] };
}
