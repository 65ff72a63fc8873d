/** Files that cannot be read: each gives a WorkbookReadError with the right code, naming the file. */
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { nodeInflateRaw } from '../../src/node/files';
import { readXlsx, WorkbookReadError, type ReadOptions } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { inputErrorOf } from '../../src/engine/consolidate/types';
import { InputErrorSchema } from '../../src/engine/consolidate/json-schema';
import { READ_ERROR_CODES } from '../../src/engine/file-errors';
import { readError } from '../../src/xlsx/errors';
import { centralEntries, makeXlsx, patchDeclaredSize, SAMPLE, sheetDoc } from './helpers';

function expectReadError(bytes: Uint8Array, code: string, file = 'แผน ตำบล.xlsx', opts?: ReadOptions): WorkbookReadError {
  let err: unknown;
  try {
    readXlsx(bytes, file, opts);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(WorkbookReadError);
  const e = err as WorkbookReadError;
  expect({ code: e.code, message: e.message }).toEqual({ code, message: expect.stringContaining(`"${file}"`) });
  expect(e.file).toBe(file);
  expect(e.messageEn).toContain(file);
  expect(e.message).toMatch(/[\u0E00-\u0E7F]/); // Thai
  return e;
}

const good = writeXlsx({ sheets: [{ name: 'แผ่น1', rows: [['โครงการ', 1500000]] }] });

test('truncated zip', () => {
  const sample = new Uint8Array(readFileSync(SAMPLE));
  expectReadError(sample.subarray(0, Math.floor(sample.length / 2)), 'truncated');
  expectReadError(good.subarray(0, good.length - 30), 'truncated');
});

test('not a zip: a text file, an empty file', () => {
  expectReadError(strToU8('ที่,โครงการ,งบประมาณ\n1,ถนน,500000\n'), 'not-zip', 'plan.csv');
  expectReadError(new Uint8Array(0), 'not-zip');
});

function ole2(extra?: string): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  if (extra) {
    const u = new Uint8Array(extra.length * 2);
    for (let i = 0; i < extra.length; i++) u[2 * i] = extra.charCodeAt(i);
    b.set(u, 1024);
  }
  return b;
}

test('old .xls (OLE2 compound file)', () => {
  const e = expectReadError(ole2('Workbook'), 'xls-format', 'แผน.xls');
  expect(e.message).toContain('.xls');
});

test('password-protected workbook (OLE2 with EncryptedPackage)', () => {
  const e = expectReadError(ole2('EncryptedPackage'), 'encrypted', 'X.xlsx');
  expect(e.message).toBe('ไฟล์ "X.xlsx" ถูกตั้งรหัสผ่าน: เปิดใน Excel แล้วบันทึกโดยไม่ใส่รหัสผ่านก่อน');
});

test('OpenDocument spreadsheet', () => {
  const ods = zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8('<office:document-content/>'),
      'META-INF/manifest.xml': strToU8('<manifest/>'),
    },
    {},
  );
  expectReadError(ods, 'ods', 'แผน.ods');
});

test('zip without xl/workbook.xml', () => {
  const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
  expect(expectReadError(docx, 'word-document', 'letter.docx').message).toContain('Word');
  const pptx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'ppt/presentation.xml': strToU8('<p:presentation/>') });
  expectReadError(pptx, 'not-spreadsheet', 'slides.pptx');
});

const LAUGHS =
  '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';

test('DOCTYPE with entities is refused, in any part', () => {
  const files = unzipSync(good);
  for (const part of [
    'xl/worksheets/sheet1.xml',
    'xl/sharedStrings.xml',
    'xl/workbook.xml',
    'xl/styles.xml',
    'xl/_rels/workbook.xml.rels',
  ]) {
    const xml = new TextDecoder().decode(files[part]).replace(/^<\?xml[^>]*\?>\s*/, '');
    const bad = zipSync({ ...files, [part]: strToU8(LAUGHS + xml.replace(/(<\w+[^>]*>)/, '$1&lol3;')) });
    const e = expectReadError(bad, 'bad-xml');
    expect(e.messageEn).toContain(part);
  }
  // external entity (XXE) form
  const xxe = makeXlsx({
    sheets: [
      {
        name: 'S',
        xml:
          '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' +
          sheetDoc('<sheetData/>').replace(/^<\?xml[^>]*\?>\s*/, ''),
      },
    ],
  });
  expectReadError(xxe, 'bad-xml');
});

test('zip bomb: declared size beyond the cap', () => {
  const bomb = patchDeclaredSize(good, 'xl/worksheets/sheet1.xml', 0xfffffff0);
  expectReadError(bomb, 'too-large');
  // per-entry cap given by the caller
  expectReadError(good, 'too-large', 'a.xlsx', { maxEntryBytes: 100 });
  // total cap
  expectReadError(good, 'too-large', 'a.xlsx', { maxTotalBytes: 1000 });
});

/** A sheet that inflates to ~`mb` MB of whitespace while declaring only a few hundred bytes. */
function lyingBomb(mb: number): Uint8Array {
  const body = sheetDoc('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>');
  const pad = new Uint8Array(mb * 1024 * 1024).fill(0x20);
  const xml = new Uint8Array(pad.length + body.length);
  xml.set(strToU8(body), 0);
  xml.set(pad, body.length);
  const base = makeXlsx({ sheets: [{ name: 'S', xml: body }] });
  const files = unzipSync(base);
  files['xl/worksheets/sheet1.xml'] = xml;
  const z = zipSync(files, { level: 9 });
  return patchDeclaredSize(z, 'xl/worksheets/sheet1.xml', body.length);
}

test('zip bomb: entry inflating beyond its declared size (small and streamed paths, fflate and zlib)', () => {
  const small = lyingBomb(4);
  expectReadError(small, 'too-large');
  expectReadError(small, 'too-large', 'n.xlsx', { inflateRaw: nodeInflateRaw });
  const big = lyingBomb(100); // > 64 KiB compressed: the streamed path
  expectReadError(big, 'too-large');
  expectReadError(big, 'too-large', 'n.xlsx', { inflateRaw: nodeInflateRaw });
});

test('impossible compression ratio is refused before inflating', () => {
  const z = patchDeclaredSize(good, 'xl/sharedStrings.xml', 200 * 1024 * 1024);
  expectReadError(z, 'too-large');
});

test('damaged deflate data → corrupt', () => {
  const bad = good.slice();
  const cd = centralEntries(bad).get('xl/worksheets/sheet1.xml') as number;
  const dv = new DataView(bad.buffer);
  const lo = dv.getUint32(cd + 42, true);
  const start = lo + 30 + dv.getUint16(lo + 26, true) + dv.getUint16(lo + 28, true);
  const len = dv.getUint32(cd + 20, true);
  for (let i = start; i < start + Math.min(len, 16); i++) bad[i] = 0xff;
  for (const opts of [{}, { inflateRaw: nodeInflateRaw }]) {
    let e: unknown;
    try {
      readXlsx(bad, 'x.xlsx', opts);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect(['corrupt', 'truncated', 'too-large']).toContain((e as WorkbookReadError).code);
  }
});

test('xlsb is named as such', () => {
  const z = zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    '_rels/.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
    ),
    'xl/workbook.bin': new Uint8Array([1, 2, 3]),
  });
  expectReadError(z, 'xlsb-format', 'a.xlsb');
});

test('a declared sheet whose part or relationship is missing is damage naming the sheet and the part, not an empty sheet', () => {
  const parts = unzipSync(
    writeXlsx({
      sheets: [
        { name: 'ผ.02', rows: [['โครงการ', 1]] },
        { name: 'ผ.02-2', rows: [['โครงการ', 2]] },
      ],
    }),
  );
  const rels = new TextDecoder().decode(parts['xl/_rels/workbook.xml.rels']);
  const sheetPart = Object.keys(parts)
    .filter((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k))
    .sort()[1];
  const noPart = { ...parts };
  delete noPart[sheetPart];
  const e1 = expectReadError(zipSync(noPart), 'missing-part');
  expect(e1.message).toContain('"ผ.02-2"');
  expect(e1.message).toContain(sheetPart);
  expect(e1.messageEn).toContain(sheetPart);
  // The relationship itself is gone (broken r:id).
  const id = /r:id="(rId\d+)"[^>]*\/>\s*<\/sheets>/.exec(new TextDecoder().decode(parts['xl/workbook.xml']))?.[1];
  expect(id).toBeDefined();
  const noRel = { ...parts, 'xl/_rels/workbook.xml.rels': strToU8(rels.replace(new RegExp(`<Relationship [^>]*Id="${id}"[^>]*/>`), '')) };
  const e2 = expectReadError(zipSync(noRel), 'missing-part');
  expect(e2.message).toContain(`"ผ.02-2" → ${id}`);
});

test("every reader code's messages: Thai names the file in Thai, English has no Thai, a detail in each language", () => {
  for (const code of READ_ERROR_CODES) {
    const e = readError(code, 'plan.xlsx', 'bad local header', 'ส่วนหัวเสีย');
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/[\u0E00-\u0E7F]/);
    expect(e.message).toContain('"plan.xlsx"');
    expect(e.message).not.toContain('bad local header');
    expect(e.messageEn).toContain('"plan.xlsx"');
    expect(e.messageEn).not.toMatch(/[\u0E00-\u0E7F]/);
  }
  expect(readError('corrupt', 'plan.xlsx', 'bad local header').messageEn).toContain('(bad local header)');
});

test('what a reader threw becomes an InputError with a registered code; a foreign code (Node EACCES) reads as read-failed', () => {
  const ours = inputErrorOf(readError('encrypted', 'แผน.xlsx'));
  expect(ours.code).toBe('encrypted');
  const denied = inputErrorOf(Object.assign(new Error('EACCES: permission denied, open แผน.xlsx'), { code: 'EACCES' }));
  expect(denied).toEqual({
    code: 'read-failed',
    message: 'EACCES: permission denied, open แผน.xlsx',
    messageEn: 'EACCES: permission denied, open แผน.xlsx',
  });
  expect(InputErrorSchema.safeParse(ours).success).toBe(true);
  expect(InputErrorSchema.safeParse({ ...ours, code: 'EACCES' }).success).toBe(false);
});
