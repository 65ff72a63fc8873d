import { a1, colIndex, colLetter, parseA1 } from '../src/engine/model';

test('column letters round-trip', () => {
  expect(colLetter(0)).toBe('A');
  expect(colLetter(25)).toBe('Z');
  expect(colLetter(26)).toBe('AA');
  expect(colLetter(16383)).toBe('XFD');
  for (const c of [0, 5, 25, 26, 51, 52, 701, 702, 16383]) expect(colIndex(colLetter(c))).toBe(c);
  expect(a1(14, 1)).toBe('B15');
  expect(parseA1('$AB$12')).toEqual({ r: 11, c: 27 });
});
