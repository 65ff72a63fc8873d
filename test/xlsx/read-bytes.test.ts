/**
 * The byte scanner of sheet XML (rows and cells read from the bytes, texts decoded alone) against the
 * reference: the same rows scanned from each decoded slice (ReadOptions.decodedRows). Real, generated
 * and hand-made awkward sheets, then the awkward one damaged at random places.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as fs from 'node:fs';
import { districtFile, tambonWorkbook } from '../../bench/gen';
import { nodeInflateRaw } from '../../src/node/files';
import { readXlsx } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { makeXlsx, SAMPLE } from './helpers';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** readXlsx both ways, or the error each throws. */
function bothWays(bytes: Uint8Array, sheetSliceBytes?: number): [unknown, unknown] {
  const read = (decodedRows: boolean): unknown => {
    try {
      return readXlsx(bytes, 'x.xlsx', { inflateRaw: nodeInflateRaw, decodedRows, sheetSliceBytes });
    } catch (e) {
      return { error: String(e) };
    }
  };
  return [read(false), read(true)];
}

const SST = `<?xml version="1.0"?><sst xmlns="${MAIN}">${['โครงการก่อสร้างถนน', 'วัตถุประสงค์', 'A &amp; B', '']
  .map((t) => `<si><t>${t}</t></si>`)
  .join('')}</sst>`;
const STYLES =
  `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00;&quot;ติดลบ &quot;@"/></numFmts>` +
  '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="3"/><xf numFmtId="164"/><xf numFmtId="49"/></cellXfs></styleSheet>';

/** One row of every kind of cell the scanner reads itself or passes on as text, with prefix P. */
function awkwardRow(r: number, P: string): string {
  const c = (attrs: string, inner: string): string => `<${P}c${attrs}>${inner}</${P}c>`;
  const v = (x: string): string => `<${P}v>${x}</${P}v>`;
  return (
    `<${P}row r="${r}" spans="1:30" ht="21">` +
    [
      c(` r="A${r}" t="s"`, v(String(r % 4))),
      c(` r="B${r}" s="1" t="s"`, v(' 1')),
      c(` r="C${r}" s="2"`, v(String(r * 1000))),
      c(` s="1"`, v('-0')),
      c(``, v('-1500.25')),
      c(``, v('1e3')),
      c(``, v('0x1F')),
      c(``, v('1234567890123456789')),
      c(``, v('')),
      c(` t="n"`, v(' 42 ')),
      c(` t="n"`, v('ไม่ใช่ตัวเลข &amp; _x000D_')),
      c(` t="str" s="3"`, v('ข้อความ &lt;สูตร&gt;')),
      c(` t="inlineStr"`, `<${P}is><${P}r><${P}t>ตัวหนา</${P}t></${P}r><${P}r><${P}t xml:space="preserve"> ปกติ</${P}t></${P}r></${P}is>`),
      c(` t="inlineStr"`, `<${P}is/>`),
      c(` t="b"`, v(' true ')),
      c(` t="e"`, v('#N/A')),
      c(` t="d"`, v('2024-02-29T12:00:00')),
      c(` t="d"`, v('ไม่ใช่วันที่')),
      c(` t="ส"`, v('ประเภทไทย')),
      c(` r="Z${r}" t = 's' `, v('1')),
      c(` ร="AA${r}"`, v('7')),
      r === 1
        ? c(``, `<${P}f t="shared" ref="AC1:AC9" si="0">SUM(A1:B1)*"ข"</${P}f>${v('3')}`)
        : c(``, `<${P}f t="shared" si="0"/>${v('3')}`),
      c(``, `<${P}f>IF(A${r}&gt;1,"มาก","น้อย")</${P}f>${v('มาก')}`),
      `<${P}c r="AE${r}"/>`,
      `<!-- <${P}c r="AF${r}"><${P}v>9</${P}v></${P}c> -->`,
      c(` t="s"`, `<${P}v/>`),
      // Near the one-pass reading of `<v>…</v></c>`: something between the two ends, a second value,
      // Thai digits, a value with spaces, an end tag of another prefix.
      c(` t="s"`, `${v('2')} `),
      c(``, `${v('5')}${v('6')}`),
      c(``, v('๑๒')),
      c(` t="s"`, v(' 3 ')),
      `<${P}c t="s">${v('1')}</y:c></${P}c>`,
      // Tags near the one-pass reading of ` r="B5" s="3" t="s"`: other orders, "$", an empty or odd type,
      // two spaces, a tab, another attribute, a value with a space or a ">", self-closed.
      c(` t="s" s="1" r="AL${r}"`, v('2')),
      c(` r="$AM$${r}" s="2"`, v('12')),
      c(` r="AN${r}" t=""`, v('5')),
      c(` r="AO${r}" t="inlineStr"`, `<${P}is><${P}t>ใน</${P}t></${P}is>`),
      c(` r="AP${r}"  s="1"`, v('6')),
      c(` r="AQ${r}"	s="1"`, v('7')),
      c(` r="AR${r}" cm="1" t="s"`, v('3')),
      c(` r="AS${r} " s="1 "`, v('8')),
      c(` r="AT${r}" s="1>" t="s"`, v('1')),
      `<${P}c r="AU${r}" s="1"/>`,
      `<${P}c r="AV${r}" s="1" /><${P}c t="s"/>`,
      // A "/" in the tag that is no "/>" (a damaged tag), and one right after the name.
      `<${P}c r="AW${r}" s="1"/ t="s">${v('2')}</${P}c>`,
      `<${P}c/ r="AX${r}">${v('4')}</${P}c>`,
    ].join('') +
    `</${P}row>`
  );
}

function awkwardSheet(P: string): string {
  const ns = P ? ` xmlns:${P.slice(0, -1)}="${MAIN}"` : ` xmlns="${MAIN}"`;
  const rows = Array.from({ length: 40 }, (_x, i) => awkwardRow(i + 1, P)).join('');
  // Rows without r, a row whose r is spaced and one whose attribute name is Thai.
  const more =
    `<${P}row><${P}c t="s">${`<${P}v>0</${P}v>`}</${P}c></${P}row><${P}row r = "60" ><${P}c><${P}v>1</${P}v></${P}c></${P}row>` +
    // An attribute name that trims to r only with Unicode spaces (no-break, ideographic), one that never does.
    `<${P}row \u00a0r\u3000="80"><${P}c><${P}v>3</${P}v></${P}c></${P}row><${P}row รr="70"><${P}c><${P}v>2</${P}v></${P}c></${P}row>`;
  return `<?xml version="1.0"?><${P}worksheet${ns}><${P}sheetData>${rows}${more}</${P}sheetData><${P}mergeCells><${P}mergeCell ref="A1:B1"/></${P}mergeCells></${P}worksheet>`;
}

/** A package of the awkward sheet with its sheet XML as the given bytes. */
function withSheetBytes(xml: Uint8Array): Uint8Array {
  const files = unzipSync(makeXlsx({ sheets: [{ name: 'ชีต', xml: '' }], sst: SST, styles: STYLES }));
  files['xl/worksheets/sheet1.xml'] = new Uint8Array(xml);
  return zipSync(files, { level: 0 });
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('real, generated and written workbooks: the byte scanner reads the rows of the decoded slices', () => {
  const rows: Array<Array<string | number>> = [];
  for (let i = 0; i < 500; i++) rows.push([i, `แถวที่ ${i} ภาษาไทย & <ก>`, i * 1.5, -i]);
  const books = [
    new Uint8Array(fs.readFileSync(SAMPLE)),
    districtFile(2, 300).bytes,
    tambonWorkbook(4, 200).bytes,
    writeXlsx({ sheets: [{ name: 'S', rows }] }),
  ];
  for (const b of books) {
    for (const size of [undefined, 700]) {
      const [bytes, decoded] = bothWays(b, size);
      expect(bytes).toEqual(decoded);
      expect((bytes as { sheets: unknown[] }).sheets.length).toBeGreaterThan(0);
    }
  }
});

test('every kind of cell, with and without a prefix, in one slice and in many: the same cells as the reference', () => {
  for (const P of ['', 'x:']) {
    const b = withSheetBytes(strToU8(awkwardSheet(P)));
    for (const size of [1 << 30, 2000, 50]) {
      const [bytes, decoded] = bothWays(b, size);
      expect(bytes).toEqual(decoded);
      const row = (bytes as { sheets: Array<{ rows: Array<Array<{ v: unknown } | undefined>> }> }).sheets[0].rows[1];
      // What the row holds, so that a reader finding nothing could not pass.
      expect(row.slice(0, 5).map((c) => c?.v)).toEqual(['A & B', 'วัตถุประสงค์', 2000, -0, -1500.25]);
      expect(row[12]?.v).toBe('ตัวหนา ปกติ');
      expect(row.slice(25, 29).map((c) => c?.v)).toEqual(['วัตถุประสงค์', 7, 3, 'มาก']);
      // The row whose r trims to "r" only with Unicode spaces is row 80; the one named "รr" follows it.
      const rows = (bytes as { sheets: Array<{ rows: Array<Array<{ v: unknown } | undefined> | undefined> }> }).sheets[0].rows;
      expect([rows[79]?.[0]?.v, rows[80]?.[0]?.v]).toEqual([3, 2]);
    }
  }
});

test('sheet XML that ends inside a value, a formula or an inline string: the same cells as the reference', () => {
  for (const P of ['', 'x:']) {
    const whole = awkwardSheet(P);
    const at = whole.indexOf('</' + P + 'sheetData>');
    const ends = [
      `<${P}c r="A1"><${P}v>12345`,
      `<${P}c r="A1" t="s"><${P}v>1`,
      `<${P}c t="str"><${P}v>ข้อความ`,
      `<${P}c><${P}f>SUM(A1`,
      `<${P}c t="inlineStr"><${P}is><${P}t>ตัว`,
    ];
    for (const end of ends) {
      const b = withSheetBytes(strToU8(`${whole.slice(0, at)}<${P}row r="99">${end}`));
      for (const size of [1 << 30, 120]) {
        const [bytes, decoded] = bothWays(b, size);
        expect(bytes).toEqual(decoded);
        expect((bytes as { sheets: Array<{ rows: unknown[] }> }).sheets[0].rows.length).toBeGreaterThan(40);
      }
    }
  }
});

test('damaged sheet XML (bytes cut, doubled, invalid UTF-8, byte-order marks, Thai in the prefix): the same cells or error as the reference', () => {
  const next = random(25);
  const sources = [awkwardSheet(''), awkwardSheet('x:'), awkwardSheet('ก:')].map((x) => strToU8(x));
  const junk = [
    [0xff],
    [0xe0, 0xb8],
    [0xef, 0xbb, 0xbf],
    [0xff, 0xfe],
    [0x3c],
    [0x3e],
    [0x22],
    [0xed, 0xa0, 0x80],
    [0xf0, 0x9f, 0x98, 0x80],
  ];
  let cells = 0;
  for (let k = 0; k < 60; k++) {
    let x = sources[k % sources.length];
    for (let m = 0; m < 1 + Math.floor(next() * 4); m++) {
      const at = Math.floor(next() * x.length);
      const kind = Math.floor(next() * 3);
      const ins =
        kind === 0
          ? junk[Math.floor(next() * junk.length)]
          : kind === 1
            ? Array.from(x.subarray(at, at + 1 + Math.floor(next() * 40)))
            : [];
      const cut = kind === 2 ? 1 + Math.floor(next() * 30) : 0;
      x = Uint8Array.from([...x.subarray(0, at), ...ins, ...x.subarray(at + cut)]);
    }
    for (const size of [1 << 30, 300]) {
      const [bytes, decoded] = bothWays(withSheetBytes(x), size);
      expect(bytes).toEqual(decoded);
      const sheets = (bytes as { sheets?: Array<{ rows: unknown[][] }> }).sheets;
      if (sheets) cells += sheets[0].rows.reduce((n, r) => n + (r ? r.filter(Boolean).length : 0), 0);
    }
  }
  // Most damaged sheets still hold many cells: the comparison is of rows read, not of two errors.
  expect(cells).toBeGreaterThan(60 * 2 * 500);
});
