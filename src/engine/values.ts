/**
 * Reading amounts the way officers write them: numbers, "1,500,000", "๕๐๐,๐๐๐", "10,500,000.00",
 * "500,000 บาท", "-" for nil, blanks, and error values. One function, used by every reader of budgets.
 */
import type { Cell } from './model';
import { INVISIBLE, thaiToArabic } from './thai';

export type Amount =
  | { kind: 'blank' }
  /** "-" or similar: officers' nil, counts 0. */
  | { kind: 'nil' }
  | { kind: 'number'; value: number; /** true when the cell is text that had to be parsed */ fromText: boolean }
  | { kind: 'error'; text: string }
  | { kind: 'text'; text: string };

const NIL = /^[-–—−_.]+$/;
const NUMBER_TEXT = /^[-−]?\(?\d{1,3}(,\d{3})+(\.\d+)?\)?$|^[-−]?\(?\d+(\.\d+)?\)?$/;

export function readAmount(cell: Cell | undefined): Amount {
  if (!cell) return { kind: 'blank' };
  if (cell.t === 'n' && typeof cell.v === 'number') return { kind: 'number', value: cell.v, fromText: false };
  if (cell.t === 'e') return { kind: 'error', text: String(cell.v) };
  if (cell.t === 'z' || cell.v === null) return { kind: 'blank' };
  const raw = String(cell.v);
  return parseAmountText(raw);
}

export function parseAmountText(raw: string): Amount {
  // Officers' nil, in most budget cells of most plans: what the passes below make of it.
  if (raw === '-') return { kind: 'nil' };
  const s = thaiToArabic(raw)
    .replace(INVISIBLE, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (s === '') return { kind: 'blank' };
  if (NIL.test(s)) return { kind: 'nil' };
  // "500,000 บาท", "500,000.-", "200,000  .-", "300,000-.", "500,000.- บาท": the unit and the dashes and
  // dots officers add after amounts, in any order and spacing (one rule: all are the same amount as text).
  const stripped = s.replace(/\s/g, '').replace(/(\d)(?:บาท|บ\.|[-–.])+$/, '$1');
  if (NUMBER_TEXT.test(stripped)) {
    const negative = /^[-−]|^\(.*\)$/.test(stripped);
    const value = parseFloat(stripped.replace(/[-−(),]/g, ''));
    if (Number.isFinite(value)) return { kind: 'number', value: negative ? -value : value, fromText: true };
  }
  return { kind: 'text', text: raw };
}

/** The amount as a number for sums: nil/blank → 0; text/error → null. */
export function amountValue(a: Amount): number | null {
  switch (a.kind) {
    case 'number':
      return a.value;
    case 'nil':
    case 'blank':
      return 0;
    default:
      return null;
  }
}

/**
 * amountValue(readAmount(cell)) without the Amount object in between (every budget cell of every row
 * is read so): a number cell's value, a blank's 0, an error's null, text as parseAmountText reads it.
 */
export function amountValueOf(cell: Cell | undefined): number | null {
  if (!cell) return 0;
  if (cell.t === 'n' && typeof cell.v === 'number') return cell.v;
  if (cell.t === 'e') return null;
  // Officers' nil, in most budget cells of most plans: parseAmountText's nil, without its object.
  if (cell.t === 'z' || cell.v === null || cell.v === '-') return 0;
  return amountValue(parseAmountText(String(cell.v)));
}

/** A whole number in a ที่ cell: 1, "1", "๑", "1." — or null. */
export function readWholeNumber(cell: Cell | undefined): number | null {
  if (!cell) return null;
  if (cell.t === 'n' && typeof cell.v === 'number') return Number.isInteger(cell.v) && cell.v > 0 ? cell.v : null;
  if (cell.t !== 's') return null;
  const m = /^\s*(\d{1,5})\s*\.?\s*$/.exec(thaiToArabic(String(cell.v)));
  return m ? parseInt(m[1], 10) : null;
}
