/**
 * Hostile and broken received files: each is refused with a Thai message naming the file (or read
 * safely), in bounded time and memory, and a CLI batch goes on with the other files.
 *
 * Already covered in test/xlsx/read-errors.test.ts (not repeated here): truncated zip (sample cut in
 * half), text / empty file, old .xls, password-protected OLE2 EncryptedPackage, .ods, .docx, DOCTYPE
 * with entities in every part and XXE, declared-size and lying-size zip bombs (fflate and zlib,
 * small and streamed paths), impossible compression ratio, damaged deflate data, .xlsb.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/cli/oneplan';
import { consolidate } from '../../src/engine/consolidate';
import { validateWorkbook } from '../../src/engine/validate';
import { readWorkbookBytes } from '../../src/xlsx/open';
import { readXlsx, WorkbookReadError } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { nadiWorkbook, toOutWorkbook } from '../consolidate/fixtures';
import { makeXlsx, sheetDoc } from '../xlsx/helpers';
import { nodeInflateRaw } from '../../src/node/files';
import type { InflateRaw } from '../../src/xlsx/zip';
import { cliIo, readErrorOf, tempFiles } from './helpers';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const N = 100_000;

/** read + validate + consolidate, each step bounded; returns the workbook. */
/** read + validate + consolidate without throwing; returns the workbook. (How long each takes is the bench's job.) */
async function survive(bytes: Uint8Array, file = 'x.xlsx') {
  const wb = readXlsx(bytes, file);
  validateWorkbook(wb);
  await consolidate([{ file, checksum: '', workbook: wb }]);
  return wb;
}

/** An inflater that records the sizes it was asked to produce, so a test can tell a part was refused unread. */
function countingInflater(): { inflateRaw: InflateRaw; asked: number[] } {
  const asked: number[] = [];
  return { asked, inflateRaw: (data, size) => (asked.push(size), nodeInflateRaw(data, size)) };
}

function withDrawing(drawingXml: string): Uint8Array {
  return makeXlsx({
    sheets: [{ name: 'S', xml: sheetDoc('<sheetData/><drawing r:id="rId1"/>') }],
    extra: {
      'xl/worksheets/_rels/sheet1.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
      'xl/drawings/drawing1.xml': `<xdr:wsDr xmlns:xdr="x" xmlns:a="a">${drawingXml}</xdr:wsDr>`,
    },
  });
}

const good = writeXlsx({ sheets: [{ name: 'แผ่น1', rows: [['โครงการ', 1500000]] }] });

describe('zip bombs', () => {
  test('per entry: an honest 64 MB entry over a 16 MB entry cap is refused before inflating', () => {
    const big = new Uint8Array(64 * 1024 * 1024).fill(0x20);
    const files = unzipSync(good);
    files['xl/worksheets/sheet1.xml'] = big;
    const bomb = zipSync(files, { level: 1 });
    const inflater = countingInflater();
    const e = readErrorOf(
      () => readXlsx(bomb, 'bomb.xlsx', { maxEntryBytes: 16 * 1024 * 1024, inflateRaw: inflater.inflateRaw }),
      'bomb.xlsx',
    );
    expect(e.code).toBe('too-large');
    expect(inflater.asked).not.toContain(big.length); // refused on its declared size, never inflated
    expect(e.messageEn).toContain('xl/worksheets/sheet1.xml');
  });

  test('per file: many entries each under the entry cap, together over the file cap', () => {
    const sheets = Array.from({ length: 8 }, (_, i) => ({ name: `S${i}`, xml: sheetDoc('<sheetData/>' + ' '.repeat(1024 * 1024)) }));
    const bytes = makeXlsx({ sheets });
    const inflater = countingInflater();
    const e = readErrorOf(
      () =>
        readXlsx(bytes, 'many.xlsx', { maxEntryBytes: 2 * 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024, inflateRaw: inflater.inflateRaw }),
      'many.xlsx',
    );
    expect(e.code).toBe('too-large');
    expect(inflater.asked.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4 * 1024 * 1024); // stopped at the file cap
  });
});

describe('XML', () => {
  test('entity references without a DTD are never expanded (kept as written)', async () => {
    const bytes = makeXlsx({
      sheets: [
        {
          name: 'S',
          xml: sheetDoc(
            '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>&lol9;&amp;</t></is></c></row></sheetData>',
          ),
        },
      ],
      sst: '<sst><si><t>&lol9;&lol9;</t></si></sst>',
    });
    const wb = await survive(bytes);
    expect(wb.sheets[0].rows[0]?.map((c) => c?.v)).toEqual(['&lol9;&lol9;', '&lol9;&']);
  });

  test('deeply nested elements (100,000 levels) in a cell, sheetData, rows, shared strings, workbook, drawings: no stack overflow, fast', async () => {
    const cell = makeXlsx({
      sheets: [
        {
          name: 'S',
          xml: sheetDoc(
            `<sheetData><row r="1"><c r="A1" t="inlineStr"><is>${'<r>'.repeat(N)}<t>x</t>${'</r>'.repeat(N)}</is></c></row></sheetData>`,
          ),
        },
      ],
    });
    expect((await survive(cell)).sheets[0].rows[0]?.[0]?.v).toBe('x');
    const sheetData = makeXlsx({
      sheets: [
        { name: 'S', xml: sheetDoc(`<sheetData><row r="1">${'<x>'.repeat(N)}<c r="B1"><v>7</v></c>${'</x>'.repeat(N)}</row></sheetData>`) },
      ],
    });
    expect((await survive(sheetData)).sheets[0].rows[0]?.[1]?.v).toBe(7);
    await survive(makeXlsx({ sheets: [{ name: 'S', xml: sheetDoc(`<sheetData>${'<row>'.repeat(N)}${'</row>'.repeat(N)}</sheetData>`) }] }));
    const sst = makeXlsx({
      sheets: [{ name: 'S', xml: sheetDoc('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>') }],
      sst: `<sst><si>${'<r>'.repeat(N)}<t>y</t>${'</r>'.repeat(N)}</si></sst>`,
    });
    expect((await survive(sst)).sheets[0].rows[0]?.[0]?.v).toBe('y');
    const files = unzipSync(good);
    files['xl/workbook.xml'] = strToU8(`<workbook>${'<a>'.repeat(N)}${'</a>'.repeat(N)}<sheets/></workbook>`);
    await survive(zipSync(files));
    // Nested anchors (the reader used to recurse per level: stack overflow / minutes of rescans).
    const anchor = '<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:row>1</xdr:row></xdr:from>';
    const body = '<xdr:sp><xdr:txBody><a:p><a:r><a:t>แบบ ผ.02</a:t></a:r></a:p></xdr:txBody></xdr:sp>';
    const anchors = await survive(withDrawing(anchor.repeat(N) + body + '</xdr:twoCellAnchor>'.repeat(N)));
    expect(anchors.sheets[0].textBoxes).toEqual([]); // the outer anchor has no shape of its own
    // 100,000 paragraphs (trailing line breaks used to be trimmed by a quadratic regex).
    const paras = await survive(
      withDrawing(
        `${anchor}<xdr:sp><xdr:txBody>${'<a:p>'.repeat(N)}<a:t>ข้อความ</a:t>${'</a:p>'.repeat(N)}</xdr:txBody></xdr:sp></xdr:twoCellAnchor>`,
      ),
    );
    expect(paras.sheets[0].textBoxes[0].text.endsWith('ข้อความ')).toBe(true);
  });
});

test('invalid UTF-8 bytes in sharedStrings become U+FFFD; the other strings are intact (small and large parts)', async () => {
  for (const count of [3, 5000]) {
    const parts: Uint8Array[] = [strToU8('<sst>')];
    for (let i = 0; i < count; i++) parts.push(strToU8(`<si><t>โครงการ ${i}</t></si>`));
    parts.push(strToU8('<si><t>bad '), new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0xe0, 0xb8]), strToU8('</t></si></sst>'));
    const sstBytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((o, p) => (sstBytes.set(p, o), o + p.length), 0);
    const files = unzipSync(
      makeXlsx({
        sheets: [
          {
            name: 'S',
            xml: sheetDoc(`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>${count}</v></c></row></sheetData>`),
          },
        ],
        sst: '<sst/>',
      }),
    );
    files['xl/sharedStrings.xml'] = sstBytes;
    const wb = await survive(zipSync(files));
    expect(wb.sheets[0].rows[0]?.[0]?.v).toBe('โครงการ 0');
    expect(String(wb.sheets[0].rows[0]?.[1]?.v)).toMatch(/^bad \uFFFD/);
  }
});

test('1,000,000 shared strings', async () => {
  const si: string[] = [];
  for (let i = 0; i < 1_000_000; i++) si.push(`<si><t>ข้อความ ${i}</t></si>`);
  const bytes = makeXlsx({
    sheets: [
      {
        name: 'S',
        xml: sheetDoc('<sheetData><row r="1"><c r="A1" t="s"><v>999999</v></c><c r="B1" t="s"><v>5000000</v></c></row></sheetData>'),
      },
    ],
    sst: `<sst count="1000000" uniqueCount="1000000">${si.join('')}</sst>`,
  });
  const wb = await survive(bytes, 'sst.xlsx');
  expect(wb.sheets[0].rows[0]?.[0]?.v).toBe('ข้อความ 999999');
  expect(wb.sheets[0].rows[0]?.[1]).toBeUndefined(); // index past the table: empty, not a crash
});

test('a row with 16,384 columns (to XFD); cells beyond XFD1048576 are ignored', async () => {
  const cells: string[] = [];
  for (let c = 0; c < 16384; c++) cells.push(`<c><v>${c}</v></c>`);
  const wide = await survive(
    makeXlsx({
      sheets: [{ name: 'S', xml: sheetDoc(`<sheetData><row r="1">${cells.join('')}</row><row r="2">${cells.join('')}</row></sheetData>`) }],
    }),
  );
  expect(wide.sheets[0].rows[1]?.length).toBe(16384);
  expect(wide.sheets[0].rows[1]?.[16383]?.v).toBe(16383);
  // Before the fix, row 999,999,999 / column ZZZZZZ made sparse arrays that the engine walked for minutes.
  const beyond = await survive(
    makeXlsx({
      sheets: [
        {
          name: 'S',
          xml: sheetDoc(
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>โครงการ</t></is></c><c r="ZZZZZZ1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>' +
              '<row r="999999999"><c r="A999999999"><v>3</v></c></row><row r="1048576"><c r="A1048576"><v>4</v></c></row></sheetData>' +
              '<mergeCells><mergeCell ref="A1:ZZZZZZ999999999"/></mergeCells>',
          ),
        },
      ],
    }),
  );
  const s = beyond.sheets[0];
  expect(s.rows.length).toBe(1048576);
  expect(s.rows[0]?.length).toBe(16384);
  expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 1048575, c2: 16383 }]);
});

test('10,000-character cells in 300 project rows: validate and consolidate stay fast', async () => {
  const wb = nadiWorkbook();
  const sheet = wb.sheets[1];
  const header = sheet.rows.findIndex((r) => r?.some((c) => c?.w === 'โครงการ'));
  const template = sheet.rows[header + 3]!;
  const long = 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ '.repeat(300).slice(0, 10000);
  const extra = Array.from({ length: 300 }, (_, i) =>
    template.map((c, k) => (c && c.t === 's' && k > 0 && k < 4 ? { ...c, v: long + i, w: long + i } : c)),
  );
  sheet.rows.splice(header + 3, 0, ...extra);
  const bytes = writeXlsx(toOutWorkbook(wb));
  const read = await survive(bytes, 'long.xlsx');
  expect(read.sheets[1].rows.some((r) => r?.some((c) => typeof c?.v === 'string' && c.v.length >= 10000))).toBe(true);
});

test('formula error cells (#REF!, #DIV/0!, #N/A) are findings on their cells', () => {
  const files = unzipSync(writeXlsx(toOutWorkbook(nadiWorkbook())));
  const part = 'xl/worksheets/sheet2.xml';
  let xml = new TextDecoder().decode(files[part]);
  const where: Record<string, string> = {};
  for (const [value, err] of [
    ['2500000', '#REF!'],
    ['1800000', '#DIV/0!'],
    ['1200000', '#N/A'],
  ]) {
    const re = new RegExp(`<c r="([A-Z]+\\d+)"( s="\\d+")?><v>${value}</v></c>`);
    const m = re.exec(xml);
    expect(m).not.toBeNull();
    where[err] = m![1];
    xml = xml.replace(re, `<c r="$1"$2 t="e"><f>1/0</f><v>${err}</v></c>`);
  }
  files[part] = strToU8(xml);
  const wb = readXlsx(zipSync(files), 'errors.xlsx');
  const report = validateWorkbook(wb);
  const findings = report.sheets[1].findings.filter((f) => f.code === 'formula-error');
  expect(findings.map((f) => `${f.column}${f.row}`).sort()).toEqual(Object.values(where).sort());
  for (const f of findings) expect(f.severity).toBe('error');
});

test('empty workbooks: no sheets, one empty sheet', async () => {
  const files = unzipSync(good);
  files['xl/workbook.xml'] = strToU8('<workbook><sheets/></workbook>');
  const none = await survive(zipSync(files));
  expect(none.sheets).toEqual([]);
  expect(validateWorkbook(none).sheets).toEqual([]);
  const one = await survive(makeXlsx({ sheets: [{ name: 'ว่าง', xml: sheetDoc('<sheetData/>') }] }));
  expect(one.sheets).toEqual([{ name: 'ว่าง', rows: [], merges: [], textBoxes: [] }]);
});

test('a sheet of only merged cells (200,000 merges)', async () => {
  const m: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < 200_000; i++) {
    m.push(`<mergeCell ref="A${i * 5 + 1}:BZ${i * 5 + 5}"/>`);
    if (i < 2000) rows.push(`<row r="${i * 5 + 1}"><c r="A${i * 5 + 1}" t="inlineStr"><is><t>หัวข้อ ${i}</t></is></c></row>`);
  }
  const wb = await survive(
    makeXlsx({ sheets: [{ name: 'S', xml: sheetDoc(`<sheetData>${rows.join('')}</sheetData><mergeCells>${m.join('')}</mergeCells>`) }] }),
    'm.xlsx',
  );
  expect(wb.sheets[0].merges.length).toBe(200_000);
});

describe('not a spreadsheet at all', () => {
  const pdf = strToU8('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const png = new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
  ]);
  const prose = strToU8('เรียน นายอำเภอ\nขอส่งแผนพัฒนาท้องถิ่นตามที่แนบมาพร้อมนี้\nจึงเรียนมาเพื่อโปรดทราบ\n');
  test.each([
    ['แผน.pdf', pdf, 'PDF'],
    ['แผน.xlsx', pdf, 'PDF'],
    ['รูป.png', png, 'PNG'],
    ['หนังสือ.txt', prose, 'text'],
  ])('%s', (name, bytes, kind) => {
    const e = readErrorOf(() => readWorkbookBytes(bytes, name), name);
    expect(e.code).toBe('not-zip');
    expect(e.messageEn).toContain(kind);
  });

  // The mistakes officers make: a Word file renamed to .xlsx, a JSON export, a web page saved as .xls.
  const ole = (stream: string): Uint8Array => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < stream.length; i++) b[1024 + 2 * i] = stream.charCodeAt(i);
    return b;
  };
  const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
  const json = strToU8(
    '[\n  {"ที่": 1, "โครงการ": "ก่อสร้างถนน", "งบประมาณ": 500000},\n  {"ที่": 2, "โครงการ": "ขุดลอกคลอง", "งบประมาณ": 100000}\n]\n',
  );
  const html = strToU8('<html><body><table><tr><td>ที่</td><td>โครงการ</td></tr></table></body></html>');
  test.each([
    ['แผน.xlsx', 'word-document', docx, /Word/],
    ['แผน.docx', 'word-document', docx, /Word/],
    ['แผน.xlsx', 'word-document', ole('WordDocument'), /Word/],
    ['แผน.xls', 'xls-format', ole('Workbook'), /\.xls/],
    ['แผน.json', 'not-zip', json, /JSON/],
    ['แผน.xlsx', 'not-zip', json, /JSON/],
    ['รายงาน.xls', 'xls-format', html, /\.xls/],
    ['รายงาน.html', 'not-zip', html, /HTML/],
  ])('%s → %s', (name, code, bytes, en) => {
    const e = readErrorOf(() => readWorkbookBytes(bytes, name), name);
    expect(e.code).toBe(code);
    expect(e.messageEn).toMatch(en);
  });
});

test('CLI batch: validate goes on after bad files and reports each by name', async () => {
  const good2 = writeXlsx(toOutWorkbook(nadiWorkbook()));
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const enc = ole.slice();
  const name = 'EncryptedPackage';
  for (let i = 0; i < name.length; i++) enc[1024 + 2 * i] = name.charCodeAt(i);
  const laughs = unzipSync(good);
  laughs['xl/sharedStrings.xml'] = strToU8(
    '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>',
  );
  const t = tempFiles({
    // A plan (a workbook without one is itself an error: no-plan-sheet).
    'a-good.xlsx': good2,
    'b-truncated.xlsx': good2.subarray(0, good2.length >> 1),
    'c-encrypted.xlsx': enc,
    'd-old.xls': ole,
    'e-doctype.xlsx': zipSync(laughs),
    'f-scan.pdf': strToU8('%PDF-1.7\n%\xe2\xe3\n'),
    'g-ods.ods': zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8('<x/>'),
    }),
    'h-good2.xlsx': good2,
  });
  try {
    const names = [
      'a-good.xlsx',
      'b-truncated.xlsx',
      'c-encrypted.xlsx',
      'd-old.xls',
      'e-doctype.xlsx',
      'f-scan.pdf',
      'g-ods.ods',
      'h-good2.xlsx',
    ];
    const { io, out } = cliIo();
    const code = await main(['validate', ...names.map(t.p), '--json'], io);
    expect(code).toBe(1);
    const j = JSON.parse(out.join(''));
    const got = j.files.map((f: { file: string; ok: boolean; error?: { code: string; message: string } }) => ({
      ok: f.ok,
      code: f.error?.code,
    }));
    expect(got).toEqual([
      { ok: true, code: undefined },
      { ok: false, code: 'truncated' },
      { ok: false, code: 'encrypted' },
      { ok: false, code: 'xls-format' },
      { ok: false, code: 'bad-xml' },
      { ok: false, code: 'not-zip' },
      { ok: false, code: 'ods' },
      { ok: true, code: undefined },
    ]);
    j.files.forEach((f: { ok: boolean; error?: { message: string } }, i: number) => {
      if (!f.ok) expect(f.error!.message).toContain(names[i]);
    });
    expect(j.files[7].sheets.length).toBe(2);
    // A misspelt name is no bad file but a usage error: nothing is checked, the line names it (exit 2).
    const typo = cliIo();
    expect(await main(['validate', t.p('a-good.xlsx'), t.p('missing.xlsx'), '--json'], typo.io)).toBe(2);
    expect(typo.out.join('')).toBe('');
    expect(typo.err.join('')).toContain('missing.xlsx');
    // consolidate goes on too
    const c = cliIo();
    expect(await main(['consolidate', ...names.map(t.p), '--json'], c.io)).toBe(1);
    const cj = JSON.parse(c.out.join(''));
    expect(JSON.stringify(cj)).toContain('ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3');
  } finally {
    t.cleanup();
  }
});

test('readWorkbookBytes errors are WorkbookReadError', () => {
  expect(() => readWorkbookBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'z.xlsx')).toThrow(WorkbookReadError);
});
