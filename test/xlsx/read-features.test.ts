/** Reader details on small hand-made packages: cell types, strings, formulas, styles, drawings, zip forms. */
import { strToU8, unzipSync, zipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { nodeInflateRaw } from '../../src/node/files';
import { readXlsx } from '../../src/xlsx/read';
import { _decodeUtf8ViaUtf16 } from '../../src/xlsx/xml';
import { writeXlsx } from '../../src/xlsx/write';
import { makeXlsx, SAMPLE, sheetDoc, toZip64 } from './helpers';
import * as fs from 'node:fs';
import { districtFile, tambonWorkbook } from '../../bench/gen';

const SST =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">' +
  '<si><t>โครงการ</t></si>' +
  '<si><r><rPr><b/></rPr><t>แบบ </t></r><r><t xml:space="preserve">ผ.02</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>' +
  '<si><t>A &amp; B &lt;C&gt; &#3585;&#x0E02; line1_x000D_&#10;line2 _x005F_x0041_</t></si>' +
  '<si><t/></si>' +
  '<si><t>-</t></si>' +
  '</sst>';

const STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="_-* #,##0_-;-* #,##0_-;_-* &quot;-&quot;_-;_-@_-"/><numFmt numFmtId="165" formatCode="[$-1070000]d/m/yyyy"/></numFmts>' +
  '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="3"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="10"><alignment/></xf></cellXfs></styleSheet>';

test('cell types, shared strings (rich text, phonetic skipped, entities, _x escapes), styles', () => {
  const xml = sheetDoc(
    '<sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s" s="2"><v>4</v></c></row>' +
      '<row r="2"><c r="A2" s="1"><v>1500000</v></c><c r="B2" s="2"><v>0</v></c><c r="C2" s="2"><v>-25000</v></c><c r="D2" s="3"><v>45000</v></c><c r="E2" s="4"><v>45000</v></c><c r="F2" s="5"><v>0.1234</v></c></row>' +
      '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="e"><v>#REF!</v></c><c r="C3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="D3" t="inlineStr"><is><t>ข้อความ &amp; inline</t></is></c><c r="E3"><v>0.1</v></c><c r="F3"><v>1.23456789012345E+20</v></c></row>' +
      '<row r="5" spans="1:3"><c s="1"><v>7</v></c><c/><c><v>9</v></c></row>' +
      '<row><c><v>10</v></c></row>' +
      '<row r="8"><c r="B8" s="1"/><c r="C8" s="2"/></row>' +
      '</sheetData>',
  );
  const wb = readXlsx(makeXlsx({ sheets: [{ name: 'S', xml }], sst: SST, styles: STYLES }), 't.xlsx');
  const rows = wb.sheets[0].rows;
  expect(rows[0]?.map((c) => c?.v)).toEqual(['โครงการ', 'แบบ ผ.02', 'A & B <C> กข line1\r\nline2 _x0041_', undefined, '-']);
  expect(rows[0]?.[4]?.w).toBe('-');
  expect(rows[1]?.map((c) => c?.w)).toEqual(['1,500,000', '-', '-25,000', '15/3/2023', '15/3/2566', '12.34%']);
  expect(rows[1]?.[1]).toMatchObject({ v: 0, t: 'n', z: '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-' });
  expect(rows[1]?.[0]?.z).toBe('#,##0');
  expect(rows[2]?.[0]).toEqual({ v: true, t: 'b', w: 'TRUE' });
  expect(rows[2]?.[1]).toEqual({ v: '#REF!', t: 'e', w: '#REF!' });
  expect(rows[2]?.[2]).toEqual({ v: 'xy', t: 's', w: 'xy', f: '"x"&"y"' });
  expect(rows[2]?.[3]).toEqual({ v: 'ข้อความ & inline', t: 's', w: 'ข้อความ & inline' });
  expect(rows[2]?.[4]?.w).toBe('0.1');
  expect(rows[2]?.[5]?.w).toBe('1.23457E+20');
  // cells without r: position in the row; a row without r follows the previous one
  expect(rows[4]?.map((c) => c?.v)).toEqual([7, undefined, 9]);
  expect(rows[5]?.[0]?.v).toBe(10);
  // formatted empty cells make no Cell and no row
  expect(rows[7]).toBeUndefined();
  expect(rows[3]).toBeUndefined();
});

test('shared formulas are shifted from their master', () => {
  const xml = sheetDoc(
    '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1+SUM(A1:A2)+"A1"</f><v>4</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="C3"><f t="shared" si="0"/><v>8</v></c></row></sheetData>',
  );
  const rows = readXlsx(makeXlsx({ sheets: [{ name: 'S', xml }] }), 'f.xlsx').sheets[0].rows;
  expect(rows[0]?.[1]?.f).toBe('A1*2+$A$1+SUM(A1:A2)+"A1"');
  expect(rows[1]?.[1]?.f).toBe('A2*2+$A$1+SUM(A2:A3)+"A1"');
  expect(rows[2]?.[2]?.f).toBe('B3*2+$A$1+SUM(B3:B4)+"A1"');
});

test('namespace prefixes (x:) on the main elements', () => {
  const xml =
    '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
    '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>ไทย</x:t></x:is></x:c><x:c r="B1"><x:v>5</x:v></x:c></x:row></x:sheetData>' +
    '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
  const s = readXlsx(makeXlsx({ sheets: [{ name: 'S', xml }] }), 'p.xlsx').sheets[0];
  expect(s.rows[0]?.map((c) => c?.v)).toEqual(['ไทย', 5]);
  expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 1 }]);
});

const DRAWING =
  '<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
  // Excel 2010+ form: the anchor inside mc:AlternateContent, fallback repeating it
  '<mc:AlternateContent><mc:Choice Requires="a14"><xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>11</xdr:col><xdr:row>1</xdr:row></xdr:to>' +
  '<xdr:sp><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>แบบ </a:t></a:r><a:r><a:t>ผ.02</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></mc:Choice>' +
  '<mc:Fallback><xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:row>0</xdr:row></xdr:from><xdr:sp><xdr:txBody><a:p><a:r><a:t>แบบ ผ.02</a:t></a:r></a:p></xdr:txBody></xdr:sp></xdr:twoCellAnchor></mc:Fallback></mc:AlternateContent>' +
  // oneCellAnchor with two paragraphs and a line break
  '<xdr:oneCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>5</xdr:colOff><xdr:row>17</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="1" cy="1"/>' +
  '<xdr:sp><xdr:txBody><a:p><a:r><a:t>แก้ไข ครั้งที่ 2</a:t></a:r><a:br/><a:r><a:t>/ 2568</a:t></a:r></a:p><a:p><a:r><a:t>A &amp; B</a:t></a:r></a:p><a:p/></xdr:txBody></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>' +
  // a picture and an empty shape: not text boxes
  '<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:row>1</xdr:row></xdr:from><xdr:pic/><xdr:clientData/></xdr:twoCellAnchor>' +
  '<xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:row>2</xdr:row></xdr:from><xdr:sp><xdr:txBody><a:p/></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>' +
  '</xdr:wsDr>';

test('text boxes: AlternateContent (fallback not doubled), oneCellAnchor, paragraphs and breaks; hidden sheets', () => {
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const bytes = makeXlsx({
    sheets: [
      { name: 'ผ.02', xml: sheetDoc('<sheetData/><drawing r:id="rId1"/>') },
      { name: 'ซ่อน', xml: sheetDoc('<sheetData/>'), state: 'hidden' },
    ],
    extra: {
      'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
      'xl/drawings/drawing1.xml': DRAWING,
    },
  });
  const wb = readXlsx(bytes, 'd.xlsx');
  expect(wb.sheets[0].textBoxes).toEqual([
    { text: 'แบบ ผ.02', row: 0, col: 10 },
    { text: 'แก้ไข ครั้งที่ 2\n/ 2568\nA & B', row: 17, col: 6 },
  ]);
  expect(wb.sheets[0].hidden).toBeUndefined();
  expect(wb.sheets[1].hidden).toBe(true);
  expect(readXlsx(bytes, 'd.xlsx', { textBoxes: false }).sheets[0].textBoxes).toEqual([]);
});

const sample = writeXlsx({
  sheets: [
    {
      name: 'แผ่น1',
      rows: [
        ['โครงการ', 1500000, { value: 2, formula: 'B1/750000' }],
        ['บรรทัด 2', 3.5],
      ],
      merges: [{ r1: 1, c1: 2, r2: 1, c2: 3 }],
    },
  ],
});
const expected = readXlsx(sample, 'x.xlsx');

test('zip forms: stored entries, data descriptors (streamed zip), zip64 end records', () => {
  const files = unzipSync(sample);
  // stored (no compression)
  expect(readXlsx(zipSync(files, { level: 0 }), 'x.xlsx')).toEqual(expected);
  // streamed zip: sizes in data descriptors after the data
  const chunks: Uint8Array[] = [];
  const z = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(files)) {
    const f = name.endsWith('.rels') ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    z.add(f);
    f.push(data, true);
  }
  z.end();
  const streamed = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    streamed.set(c, o);
    o += c.length;
  }
  expect(streamed[6] & 8).toBe(8); // general purpose flag bit 3: data descriptor
  expect(readXlsx(streamed, 'x.xlsx')).toEqual(expected);
  expect(readXlsx(streamed, 'x.xlsx', { inflateRaw: nodeInflateRaw })).toEqual(expected);
  // zip64 end of central directory
  expect(readXlsx(toZip64(sample), 'x.xlsx')).toEqual(expected);
});

test('sheet XML decoded in slices gives the same rows (cut after </row>)', () => {
  const rows: Array<Array<string | number>> = [];
  for (let i = 0; i < 3000; i++) rows.push([i, `แถวที่ ${i} ภาษาไทย`, i * 1.5]);
  const b = writeXlsx({ sheets: [{ name: 'S', rows, merges: [{ r1: 0, c1: 0, r2: 0, c2: 2 }] }] });
  const whole = readXlsx(b, 's.xlsx');
  const sliced = readXlsx(b, 's.xlsx', { sheetSliceBytes: 1000 });
  expect(sliced).toEqual(whole);
  expect(sliced.sheets[0].rows[2999]?.[1]?.v).toBe('แถวที่ 2999 ภาษาไทย');
  expect(sliced.sheets[0].merges).toHaveLength(1);
});

test('shared strings decoded in slices (cut after </si>) give the same strings; a row or string longer than a slice; ENTITY refused in any slice', () => {
  const texts = Array.from({ length: 400 }, (_x, i) => `โครงการก่อสร้างถนน หมู่ที่ ${i} &amp; <>`.replace('<>', '&lt;&gt;'));
  const long = 'ถนนคอนกรีตเสริมเหล็ก '.repeat(60); // ~1.9 KB: longer than the slices below
  for (const P of ['', 'x:']) {
    const si = texts.map((t, i) =>
      i % 50 === 7
        ? `<${P}si/>`
        : i % 50 === 9
          ? `<${P}si><${P}r><${P}t>${t}</${P}t></${P}r><${P}rPh><${P}t>ฟ</${P}t></${P}rPh></${P}si>`
          : i === 200
            ? `<${P}si><${P}t>${long}</${P}t></${P}si>`
            : `<${P}si><${P}t xml:space="preserve">${t}</${P}t></${P}si>`,
    );
    const ns = P
      ? ` xmlns:x="${'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}"`
      : ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    // Thai in a comment before the first <si>: the prolog is checked on characters, the slices cut on bytes.
    const sst = `<?xml version="1.0"?><!-- ตารางข้อความ --><${P}sst${ns} count="400">${si.join('')}</${P}sst>`;
    const cells = texts.map((_t, i) => `<${P}row r="${i + 1}"><${P}c r="A${i + 1}" t="s"><${P}v>${i}</${P}v></${P}c></${P}row>`).join('');
    const wide = `<${P}row r="401">${Array.from({ length: 100 }, (_x, k) => `<${P}c t="s"><${P}v>${k}</${P}v></${P}c>`).join('')}</${P}row>`;
    const xml = `<?xml version="1.0"?><${P}worksheet${ns}><${P}sheetData>${cells}${wide}</${P}sheetData></${P}worksheet>`;
    const b = makeXlsx({ sheets: [{ name: 'S', xml }], sst });
    const whole = readXlsx(b, 's.xlsx', { sheetSliceBytes: 1 << 30 });
    const sliced = readXlsx(b, 's.xlsx', { sheetSliceBytes: 300 });
    expect(sliced).toEqual(whole);
    const col = sliced.sheets[0].rows.map((r) => r?.[0]?.v);
    expect(col[0]).toBe('โครงการก่อสร้างถนน หมู่ที่ 0 & <>');
    expect(col[7]).toBeUndefined(); // the empty <si/>
    expect(col[9]).toBe('โครงการก่อสร้างถนน หมู่ที่ 9 & <>');
    expect(col[200]).toBe(long);
    expect(col[399]).toBe('โครงการก่อสร้างถนน หมู่ที่ 399 & <>');
    expect(sliced.sheets[0].rows[400]).toHaveLength(100);
    // An ENTITY declaration deep in the table is refused as before, whatever the slice.
    const files = unzipSync(b);
    files['xl/sharedStrings.xml'] = strToU8(sst.replace(si[300], '<!ENTITY x "y">' + si[300]));
    // The Thai message says what to do; the English one names the ENTITY (messages are wholly one language).
    for (const size of [300, 1 << 30]) {
      let err: unknown;
      try {
        readXlsx(zipSync(files), 'e.xlsx', { sheetSliceBytes: size });
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'bad-xml', messageEn: expect.stringMatching(/ENTITY/) });
    }
  }
});

test('a large shared-string table read from its bytes gives the strings of the whole decoded part (real, generated and awkward tables)', () => {
  // Above one slice, a table without a prefix is read straight from its bytes (each plain <si> decoded
  // alone); with a slice larger than the part the whole part is decoded and parsed as a string, as before.
  const big = { sheetSliceBytes: 1 << 30 };
  for (const bytes of [new Uint8Array(fs.readFileSync(SAMPLE)), districtFile(3, 300).bytes, tambonWorkbook(5, 300).bytes]) {
    const wb = readXlsx(bytes, 'x.xlsx', { inflateRaw: nodeInflateRaw });
    expect(wb).toEqual(readXlsx(bytes, 'x.xlsx', { inflateRaw: nodeInflateRaw, ...big }));
    expect(wb.sheets.some((sh) => sh.rows.some((r) => r?.some((c) => typeof c?.v === 'string' && /[ก-๙]{20}/.test(c.v))))).toBe(true);
  }
  // Every kind of <si> the byte reader passes on, or reads itself, between plain ones.
  const kinds = [
    (t: string) => `<si><t>${t}</t></si>`,
    (t: string) => `<si><t xml:space="preserve"> ${t} </t></si>`,
    (t: string) => `<si>\n  <t>${t}</t>\n</si>`,
    (t: string) => `<si><r><rPr><b/></rPr><t>${t}</t></r><r><t xml:space="preserve"> ต่อ</t></r></si>`,
    (t: string) => `<si><t>${t}</t><rPh sb="0" eb="1"><t>ฟ</t></rPh><phoneticPr fontId="1"/></si>`,
    () => '<si/>',
    () => '<si><t/></si>',
    (t: string) => `<si><t>\ufeff${t}</t></si>`,
    (t: string) => `<si><t>${t}_x000D__x005F_x &amp; &#3585; &lt;ก&gt;</t></si>`,
    (t: string) => `<si><t><![CDATA[${t}]]></t></si>`,
    (t: string) => `<!-- <si><t>ความเห็น</t></si> --><si><t>${t}</t></si>`,
    (t: string) => `<si><t a=">">${t}</t></si>`,
    (t: string) => `<si><t>${t}\r\nบรรทัดที่สอง</t></si>`,
  ];
  const si = Array.from({ length: 2000 }, (_x, i) => kinds[i % kinds.length](`ข้อความภาษาไทยที่ ${i} โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก`));
  const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${si.join('')}</sst>`;
  const cells = si.map((_t, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join('');
  const b = makeXlsx({ sheets: [{ name: 'S', xml: sheetDoc(`<sheetData>${cells}</sheetData>`) }], sst });
  expect(strToU8(sst).length).toBeGreaterThan(4 * 65536);
  const wb = readXlsx(b, 's.xlsx');
  expect(wb).toEqual(readXlsx(b, 's.xlsx', big));
  const col = wb.sheets[0].rows.map((r) => r?.[0]?.v);
  expect(col[0]).toBe('ข้อความภาษาไทยที่ 0 โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก');
  expect(col[7]).toBe('\ufeffข้อความภาษาไทยที่ 7 โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก');
  expect(col[8]).toBe('ข้อความภาษาไทยที่ 8 โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก\r_x & ก <ก>');
  expect(col[3]).toBe('ข้อความภาษาไทยที่ 3 โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก ต่อ');
});

test("a shared-string cell's index is read as the number its text is (digits in place, any other text converted)", () => {
  const sst = `<sst>${Array.from({ length: 12 }, (_x, i) => `<si><t>ข้อความ ${i}</t></si>`).join('')}</sst>`;
  const values = ['7', '07', '0', '11', ' 5', '5 ', '1e1', '3.0', '', '0x2', '12', '-1', '1234567890', '4a'];
  const cells = values.map((v, i) => `<c r="A${i + 1}" t="s"><v>${v}</v></c>`);
  const xml = sheetDoc(`<sheetData>${cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join('')}</sheetData>`);
  const got = readXlsx(makeXlsx({ sheets: [{ name: 'S', xml }], sst }), 's.xlsx').sheets[0].rows.map((r) => r?.[0]?.v);
  const want = values.map((v) => (+v >= 0 && +v < 12 && Number.isInteger(+v) ? `ข้อความ ${+v}` : undefined));
  expect(want.filter((w) => w !== undefined).length).toBeGreaterThan(8);
  expect(got).toEqual(want);
});

test('1904 date system and ISO date cells', () => {
  const wbXml =
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const base = makeXlsx({
    sheets: [
      {
        name: 'S',
        xml: sheetDoc('<sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" t="d"><v>2024-05-13T00:00:00</v></c></row></sheetData>'),
      },
    ],
    styles:
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
  });
  const files = unzipSync(base);
  files['xl/workbook.xml'] = strToU8(wbXml);
  const rows = readXlsx(zipSync(files), 'd.xlsx').sheets[0].rows;
  expect(rows[0]?.[0]?.w).toBe('1/1/1904');
  expect(rows[0]?.[1]?.w).toBe('13/5/2024');
});

test('fast UTF-8 decoding of a part longer than TextDecoder takes whole (2^24 units a slice), a surrogate pair on the edge', () => {
  // A national needs table's shared strings are ~180 million UTF-16 units; TextDecoder fails there.
  const edge = (1 << 24) - 1; // the emoji's high surrogate is the last unit of the first slice
  const text = 'ก'.repeat(edge) + '😀' + 'ถนน'.repeat(1000);
  const b = new TextEncoder().encode(text);
  const s = _decodeUtf8ViaUtf16(b)!;
  expect(s.length).toBe(text.length);
  expect(s.slice(edge - 2, edge + 5)).toBe('กก😀ถนน');
  expect(s === text).toBe(true);
});

test('fast UTF-8 decoding matches TextDecoder, and refuses invalid input (caller falls back)', () => {
  const td = new TextDecoder();
  const text = '\uFEFFโครงการ ก่อสร้าง ถนน 😀 ÀÉ abc '.repeat(100);
  const b = new TextEncoder().encode(text);
  expect(_decodeUtf8ViaUtf16(b)).toBe(td.decode(b));
  for (const bad of [[0xe0, 0xb8], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80], [0x80], [0xe0, 0x41, 0x41]]) {
    expect(_decodeUtf8ViaUtf16(new Uint8Array(bad))).toBeUndefined();
  }
  // a big Thai shared-strings part with a broken byte still reads (TextDecoder's U+FFFD)
  const si = Array.from({ length: 3000 }, (_x, i) => `<si><t>โครงการที่ ${i}</t></si>`).join('');
  const sst = new TextEncoder().encode(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${si}</sst>`);
  const at = sst.indexOf(0xe0, 5000);
  sst[at + 1] = 0x41;
  const files = unzipSync(
    makeXlsx({
      sheets: [{ name: 'S', xml: sheetDoc('<sheetData><row r="1"><c r="A1" t="s"><v>2999</v></c></row></sheetData>') }],
      sst: '',
    }),
  );
  files['xl/sharedStrings.xml'] = sst;
  const wb = readXlsx(zipSync(files), 'u.xlsx');
  expect(wb.sheets[0].rows[0]?.[0]?.v).toBe('โครงการที่ 2999');
});
