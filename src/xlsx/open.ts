/**
 * One entry point for received files (browser-safe: no fs): choose the reader by content, not by
 * the name. Zip / OLE2 (old .xls, password-protected .xlsx) → readXlsx; CSV / TSV text → readCsv;
 * anything else (PDF, images, plain prose) → a WorkbookReadError naming the file.
 */
import type { WorkbookModel } from '../engine/model';
import { decodeCsvText, readCsv, sniffDelimiter } from './csv';
import { readError } from './errors';
import { readXlsx, type ReadOptions } from './read';
import { hasZipMagic, isOle2 } from './zip';

export interface OpenOptions extends ReadOptions {
  /** Largest CSV accepted (default 256 MiB). */
  maxCsvBytes?: number;
}

const startsWith = (b: Uint8Array, sig: number[]): boolean => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** Known binary formats that are not spreadsheets, by their magic bytes. */
function binaryKind(b: Uint8Array): string | undefined {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'PDF';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return 'PNG';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return 'GIF';
  if (startsWith(b, [0x52, 0x61, 0x72, 0x21])) return 'RAR';
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf])) return '7z';
  if (startsWith(b, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'RTF';
  return undefined;
}

/** Text, not binary: no NUL bytes and few control characters in the first 64 KiB. */
export function isTextLike(b: Uint8Array): boolean {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return true; // UTF-16 BOM
  const n = Math.min(b.length, 65536);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) ctrl++;
  }
  return ctrl * 100 <= n;
}

/**
 * A delimited table: among the first non-empty lines, at least two (and most) have the same
 * non-zero number of , ; or tabs outside quotes. Prose with a comma here and there is not.
 */
function looksTabular(b: Uint8Array): boolean {
  const { text } = decodeCsvText(b.subarray(0, Math.min(b.length, 65536)));
  const d = sniffDelimiter(text);
  const counts: number[] = [];
  let q = false;
  let n = 0;
  let empty = true;
  for (let i = 0; i < text.length && counts.length < 50; i++) {
    const ch = text[i];
    if (ch === '"') q = !q;
    if (!q && (ch === '\n' || ch === '\r')) {
      if (!empty) counts.push(n);
      n = 0;
      empty = true;
      continue;
    }
    if (ch.trim() !== '') empty = false;
    if (!q && ch === d) n++;
  }
  if (!empty) counts.push(n);
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  const top = Math.max(0, ...freq.values());
  return top >= 2 && top * 10 >= counts.length * 6;
}

/** JSON, HTML or XML by its first non-blank character(s). */
function textKind(b: Uint8Array): string | undefined {
  const head = decodeCsvText(b.subarray(0, Math.min(b.length, 512)))
    .text.replace(/^\uFEFF/, '')
    .trimStart();
  if (/^[{[]/.test(head)) return 'JSON';
  if (/^<(!doctype\s+html|html)/i.test(head)) return 'HTML';
  if (/^<\?xml|^</.test(head)) return 'XML';
  return undefined;
}

/** Read a received file's bytes, whatever it is; errors are WorkbookReadError naming the file. */
export function readWorkbookBytes(bytes: Uint8Array, fileName: string, opts: OpenOptions = {}): WorkbookModel {
  if (bytes.length === 0 || hasZipMagic(bytes) || isOle2(bytes)) return readXlsx(bytes, fileName, opts);
  const kind = binaryKind(bytes);
  if (kind) throw readError('not-zip', fileName, kind);
  if (isTextLike(bytes)) {
    // A JSON export or a web page is text with commas, not a table.
    const markup = textKind(bytes);
    // Government systems export HTML or XML tables named .xls: Excel opens them and can save as .xlsx.
    if (markup) throw readError(markup !== 'JSON' && /\.xls$/i.test(fileName) ? 'xls-format' : 'not-zip', fileName, markup);
    const csvName = /\.(csv|tsv)$/i.test(fileName);
    if (csvName || looksTabular(bytes)) return readCsv(bytes, fileName, { maxBytes: opts.maxCsvBytes });
    throw readError('not-zip', fileName, 'text without columns', 'ข้อความที่ไม่เป็นตาราง');
  }
  // Not text and not a known format: let the zip reader explain (e.g. a zip with junk in front).
  return readXlsx(bytes, fileName, opts);
}
