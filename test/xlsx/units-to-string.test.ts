/**
 * Shared strings' texts made by Node's Buffer (nodeUnitsToString, passed as ReadOptions.unitsToString)
 * against TextDecoder's: on units of Thai, Latin and other characters (surrogate pairs, a U+FEFF kept),
 * on generated, real and damaged shared-string tables read from their bytes, and on whole workbooks.
 */
import * as fs from 'node:fs';
import { unzipSync } from 'fflate';
import { districtFile, rng, tambonWorkbook } from '../../bench/gen';
import { nodeInflateRaw } from '../../src/node/files';
import { nodeUnitsToString } from '../../src/node/text';
import { readXlsx } from '../../src/xlsx/read';
import { _sharedStringsOfBytes, parseSharedStrings } from '../../src/xlsx/shared-strings';
import { SAMPLE } from './helpers';

const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const PIECES = ['ก่อสร้างถนนคอนกรีตเสริมเหล็ก', 'หมู่ที่ ๓', '฿', 'ๆ', 'é', '€', '中文', '\ufeff', '😀', 'A & B', ' ', 'x', ''];

test('the first n units as TextDecoder makes them, from one scratch array reused and from others', () => {
  const next = rng(41);
  const scratch = new Uint16Array(4096);
  let checked = 0;
  for (let k = 0; k < 3000; k++) {
    let s = '';
    for (let n = Math.floor(next() * 10); n > 0; n--) s += PIECES[Math.floor(next() * PIECES.length)];
    // Mostly the reused scratch array (as the reader passes it); now and then a fresh one or a view into another buffer.
    const units = next() < 0.8 ? scratch : next() < 0.5 ? new Uint16Array(s.length + 3) : new Uint16Array(s.length + 9).subarray(5);
    for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i);
    units[s.length] = 0x41;
    const got = nodeUnitsToString(units, s.length);
    expect(got).toBe(UTF16.decode(units.subarray(0, s.length)));
    expect(got).toBe(s);
    checked++;
  }
  expect(checked).toBe(3000);
});

test('shared-string tables read from their bytes: the same strings with Buffer’s texts as with TextDecoder’s', () => {
  const tables = [districtFile(3, 200).bytes, tambonWorkbook(5, 150).bytes, new Uint8Array(fs.readFileSync(SAMPLE))].map(
    (b) => unzipSync(b)['xl/sharedStrings.xml'],
  );
  const next = rng(43);
  const text = new TextDecoder();
  let strings = 0;
  for (const t of tables) {
    const want = _sharedStringsOfBytes(t, 'x');
    expect(_sharedStringsOfBytes(t, 'x', nodeUnitsToString)).toEqual(want);
    expect(want).toEqual(parseSharedStrings(text.decode(t)));
    strings += want.length;
    // Damaged: bytes cut out, or a stray byte (a broken character, a BOM, a "<") put in, at random places.
    for (let k = 0; k < 40; k++) {
      const at = Math.floor(next() * t.length);
      const junk = [[0xe0, 0xb8], [0xef, 0xbb, 0xbf], [0x3c], [0xff], [0xed, 0xa0, 0x80]][k % 5];
      const b =
        k % 2
          ? Uint8Array.from([...t.subarray(0, at), ...junk, ...t.subarray(at)])
          : Uint8Array.from([...t.subarray(0, at), ...t.subarray(at + 1 + (k % 7))]);
      const read = (f?: typeof nodeUnitsToString): unknown => {
        try {
          return _sharedStringsOfBytes(b, 'x', f);
        } catch (e) {
          return String(e);
        }
      };
      expect(read(nodeUnitsToString)).toEqual(read());
    }
  }
  expect(strings).toBeGreaterThan(1000);
});

test('whole workbooks read with Buffer’s texts: the same sheets', () => {
  for (const b of [districtFile(7, 300).bytes, tambonWorkbook(8, 100).bytes, new Uint8Array(fs.readFileSync(SAMPLE))]) {
    const want = readXlsx(b, 'x.xlsx', { inflateRaw: nodeInflateRaw });
    expect(readXlsx(b, 'x.xlsx', { inflateRaw: nodeInflateRaw, unitsToString: nodeUnitsToString })).toEqual(want);
    expect(want.sheets.reduce((n, sh) => n + sh.rows.length, 0)).toBeGreaterThan(10);
  }
});
