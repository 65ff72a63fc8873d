/**
 * An ENTITY declaration anywhere in a shared-string table read from its bytes is refused, though only
 * the bytes the plain entries do not cover are looked at: declarations put in at random places of
 * generated and real tables (between entries, inside texts, tags and characters, at either end), and
 * "!" put in texts, which is no declaration.
 */
import * as fs from 'node:fs';
import { unzipSync } from 'fflate';
import { districtFile, rng } from '../../bench/gen';
import { _sharedStringsOfBytes, parseSharedStrings } from '../../src/xlsx/shared-strings';
import { wordAt, wordOf } from '../../src/xlsx/byte-scan';
import { SAMPLE } from './helpers';

const tables = (): Uint8Array[] =>
  [districtFile(2, 120).bytes, new Uint8Array(fs.readFileSync(SAMPLE))].map((b) => unzipSync(b)['xl/sharedStrings.xml']);

function refused(b: Uint8Array): boolean {
  try {
    _sharedStringsOfBytes(b, 'xl/sharedStrings.xml');
    return false;
  } catch (e) {
    expect(String(e)).toMatch(/ENTITY declaration is not allowed/);
    return true;
  }
}

const put = (b: Uint8Array, at: number, what: string): Uint8Array => {
  const add = new TextEncoder().encode(what);
  const out = new Uint8Array(b.length + add.length);
  out.set(b.subarray(0, at));
  out.set(add, at);
  out.set(b.subarray(at), at + add.length);
  return out;
};

test('an ENTITY declaration anywhere in the table is refused; "!" in texts is read as text', () => {
  const next = rng(29);
  const text = new TextDecoder();
  let checked = 0;
  for (const b of tables()) {
    expect(refused(b)).toBe(false);
    expect(_sharedStringsOfBytes(b, 'x')).toEqual(parseSharedStrings(text.decode(b)));
    const ends = [0, 1, b.length - 1, b.length, b.indexOf(0x3c, 100), b.indexOf(0x3e, 100) + 1];
    for (let k = 0; k < 300; k++) {
      const at = k < ends.length ? ends[k] : Math.floor(next() * (b.length + 1));
      expect(refused(put(b, at, '<!ENTITY x "y">'))).toBe(true);
      checked++;
    }
    // "!" inside texts (after a ">" that opens one): no declaration, the same strings as the decoded table.
    for (let k = 0; k < 50; k++) {
      let at = b.indexOf(0x3e, Math.floor(next() * b.length)) + 1;
      while (at > 0 && at < b.length && b[at] === 0x3c) at = b.indexOf(0x3e, at) + 1;
      if (at <= 0) continue;
      const c = put(b, at, next() < 0.5 ? '!' : 'ข้อ!ความ!');
      expect(refused(c)).toBe(false);
      expect(_sharedStringsOfBytes(c, 'x')).toEqual(parseSharedStrings(text.decode(c)));
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(600);
});

test('entries read from the bytes as the decoded table reads them: odd names after an entry, other <t> attributes, cut tables', () => {
  const next = rng(31);
  const text = new TextDecoder();
  const ODD = [
    '<sis><t>x</t></sis>',
    '<si2>y</si2>',
    '<si/>',
    '<si ><t>ก</t></si>',
    '<si><t xml:space="preserve">ข ค</t></si>',
    '<si><t xml:space="preservX">ง</t></si>',
    '<si><t xml:space="preserve"/></si>',
    '<si><t xml:space="preserve" >จ</t></si>',
    '<si><t xml:space="preserve">ฉ</t ></si>',
    '<si><t xml:space="preserve">ช</t></si >',
    '<si><t xml:space="preserve">ซ</t></six>',
    '<si><t q="<">ฌ</t></si>',
    '<si><tx>ญ</tx></si>',
    '<si><t xml:space="preserv>">ฎ</t></si>',
    '<si><t xml:space="pre<erve">ฏ</t></si>',
    '<si><t xml:space="preserve"/>">ฐ</t></si>',
  ];
  let checked = 0;
  for (const b of tables()) {
    for (let k = 0; k < 200; k++) {
      // After the end of an entry, or anywhere.
      let at = Math.floor(next() * b.length);
      if (k % 2 === 0) at = b.indexOf(0x3e, b.indexOf(0x2f, at)) + 1;
      if (at <= 0) continue;
      const c = put(b, at, ODD[Math.floor(next() * ODD.length)]);
      expect(_sharedStringsOfBytes(c, 'x')).toEqual(parseSharedStrings(text.decode(c)));
      // Cut short inside what follows.
      const cut = c.subarray(0, Math.min(c.length, at + Math.floor(next() * 40)));
      expect(_sharedStringsOfBytes(cut, 'x')).toEqual(parseSharedStrings(text.decode(cut)));
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(300);
});

test('tags compared a word at a time: wordOf is the word wordAt reads where the text stands', () => {
  for (const tag of ['xml:', 'spac', 'e="p', 'rese', 'rve"', '</t>', '</si', '><t', '<si', '<v>', '</v>', '</c>']) {
    const b = new TextEncoder().encode(`x${tag}yz`);
    const w = wordAt(b, new DataView(b.buffer, b.byteOffset, b.byteLength), 1);
    expect(tag.length === 4 ? w : w & (2 ** (8 * tag.length) - 1)).toBe(wordOf(tag));
  }
  expect(wordOf('</si')).toBe(0x69732f3c);
  expect(wordOf('<si')).toBe(0x69733c);
});
