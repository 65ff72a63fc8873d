/**
 * A text decoded from UTF-8 bytes up to its tag in one pass (decodeUtf8ToTag, which reads the Thai block
 * without range checks) against TextDecoder: Thai, Latin, other two- and three-byte characters, escapes,
 * and every kind of damage (a bad or missing continuation byte, overlong forms, surrogates, four-byte
 * sequences, a text cut at its end), at random places.
 */
import { rng } from '../../bench/gen';
import { decodeUtf8ToTag, TEXT_SCAN } from '../../src/xlsx/xml';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const enc = new TextEncoder();

/** TextDecoder's text of b[from, the first "<" or to), or undefined where it is no valid UTF-8 or holds a four-byte character. */
function reference(b: Uint8Array, from: number, to: number): { text: string; end: number } | undefined {
  let end = b.indexOf(0x3c, from);
  if (end < 0 || end > to) end = to;
  let text: string;
  try {
    text = UTF8.decode(b.subarray(from, end));
  } catch {
    return undefined;
  }
  for (const ch of text) if (ch.codePointAt(0)! > 0xffff) return undefined;
  return { text, end };
}

const PIECES = [
  'ก่อสร้างถนนคอนกรีตเสริมเหล็ก',
  'หมู่ที่ ๓',
  '฿',
  'ๆ',
  '\u0e00',
  '\u0e7f',
  'é',
  'ß',
  '€',
  '中文',
  '\u0800',
  '\uffff',
  '\ufeff',
  'A & B',
  '_x000D_',
  ' ',
  '<',
  'x',
];
const BAD = [
  [0xe0, 0xb8],
  [0xe0, 0xb8, 0x41],
  [0xe0, 0xb9, 0xc0],
  [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xc0, 0x80],
  [0x80],
  [0xff],
  [0xe0],
];

test('one pass over UTF-8 up to the tag: TextDecoder’s text where the bytes are valid, none where they are not', () => {
  const next = rng(21);
  let texts = 0;
  let refused = 0;
  for (let k = 0; k < 4000; k++) {
    let s = '';
    for (let n = Math.floor(next() * 12); n > 0; n--) s += PIECES[Math.floor(next() * PIECES.length)];
    let bytes = [...enc.encode(s)];
    if (next() < 0.4) {
      const at = Math.floor(next() * (bytes.length + 1));
      bytes = [...bytes.slice(0, at), ...BAD[Math.floor(next() * BAD.length)], ...bytes.slice(at)];
    }
    const b = Uint8Array.from([0x3e, ...bytes, 0x3c, 0x2f]);
    // Up to the tag, and cut short at random (a text that runs to `to`).
    for (const to of [b.length, 1 + Math.floor(next() * (bytes.length + 1))]) {
      const want = reference(b, 1, to);
      const got = decodeUtf8ToTag(b, 1, to);
      if (want) {
        expect(got).toBe(want.text);
        expect(TEXT_SCAN.end).toBe(want.end);
        texts++;
      } else {
        expect(got).toBeUndefined();
        refused++;
      }
    }
  }
  expect(texts).toBeGreaterThan(3000);
  expect(refused).toBeGreaterThan(500);
});

test('a text longer than the scratch buffer is left to the general way; one that fits is decoded whole', () => {
  const fits = 'ก'.repeat(43000) + 'x' + 'ข'.repeat(100);
  const b = Uint8Array.from([...enc.encode(fits), 0x3c]);
  expect(decodeUtf8ToTag(b, 0, b.length)).toBe(fits);
  expect(TEXT_SCAN.end).toBe(b.length - 1);
  const long = Uint8Array.from([...enc.encode('ก'.repeat(44000)), 0x3c]);
  expect(decodeUtf8ToTag(long, 0, long.length)).toBeUndefined();
  // Its first part, up to a tag before the limit, still decodes.
  long[3 * 40000] = 0x3c;
  expect(decodeUtf8ToTag(long, 0, long.length)).toBe('ก'.repeat(40000));
});

test('the Thai run read four bytes at a time: inside a larger buffer, up to its very end, and cut at every length', () => {
  const text = 'ก่อสร้างถนนคอนกรีต หมู่ที่ ๓ ฿ๆ\u0e00\u0e7f';
  const bytes = enc.encode(text);
  for (const pad of [0, 1, 2, 3, 5]) {
    // The text at an offset of a larger buffer, with bytes before and after that are no text of its own.
    const whole = new Uint8Array(pad + bytes.length + 4);
    whole.fill(0xe0);
    whole.set(bytes, pad);
    const b = whole.subarray(pad, pad + bytes.length);
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    // Running to the end of b (no "<" after it), and to every shorter `to` (a character cut there is refused).
    for (let to = 0; to <= b.length; to++) {
      const want = reference(b, 0, to);
      for (const got of [decodeUtf8ToTag(b, 0, to), decodeUtf8ToTag(b, 0, to, undefined, view)]) {
        if (want) {
          expect(got).toBe(want.text);
          expect(TEXT_SCAN.end).toBe(want.end);
        } else expect(got).toBeUndefined();
      }
    }
  }
});
