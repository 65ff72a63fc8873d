import { amountValue, amountValueOf, parseAmountText, readAmount } from '../src/engine/values';
import { makeCell, type Cell } from '../src/engine/model';

test("an amount cell's '-' read at once is what the passes make of '-' written with spaces or invisible characters", () => {
  // parseAmountText answers a bare '-' before its passes; the same text padded goes through all of them.
  const nil = parseAmountText('-');
  expect(nil).toEqual({ kind: 'nil' });
  for (const padded of [' -', '- ', '\u00a0-\u00a0', '\u200b-', '-\u200b', ' - '])
    expect([padded, parseAmountText(padded)]).toEqual([padded, nil]);
  // Other dashes and nil marks still go the long way, to the same answers as before.
  expect(['--', '–', '_', '.', '-1', '- 500'].map((t) => parseAmountText(t).kind)).toEqual([
    'nil',
    'nil',
    'nil',
    'nil',
    'number',
    'number',
  ]);
});

test('amountValueOf(cell) is amountValue(readAmount(cell)) on numbers, texts, blanks, errors and odd cells', () => {
  // Budget columns are read with amountValueOf (no Amount object per cell); readAmount stays the reference.
  const texts = [
    '1,500,000',
    '๕๐๐,๐๐๐',
    '10,500,000.00',
    '500,000 บาท',
    '200,000  .-',
    '(1,200)',
    '-',
    ' - ',
    '–',
    'ไม่มี',
    '',
    ' ',
    '1.5e3',
    'abc',
    '12,34',
  ];
  const cells: Array<Cell | undefined> = [
    undefined,
    ...[0, -0, 1500000, -250.5, NaN, 2567].map((v) => makeCell(v)),
    ...texts.map((t) => makeCell(t)),
    { v: '#DIV/0!', t: 'e', w: '#DIV/0!' },
    { v: null, t: 'z', w: '' },
    { v: true, t: 'b', w: 'TRUE' },
    { v: '1,000', t: 'n', w: '1,000' },
    { v: '-', t: 'n', w: '-' },
    { v: '-', t: 's', w: 'ไม่มี' },
  ];
  for (const cell of cells) expect([cell, amountValueOf(cell)]).toEqual([cell, amountValue(readAmount(cell))]);
  expect(cells.map(amountValueOf).filter((v) => v === null).length).toBeGreaterThan(2);
});
