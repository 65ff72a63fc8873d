/**
 * Formula injection: text from received files that starts with = + - @ is written as text, never as
 * a formula — in .xlsx files we write and in Excel. Already covered elsewhere: writeXlsx of such
 * strings (test/xlsx/write.test.ts), writeSheet quote-prefixing (test/office/excel.test.ts), the
 * consolidate CLI output read back as a model (test/consolidate/cli.test.ts). Here: end to end from
 * a received .xlsx file, checked in the written XML and in the fake Excel.
 */
import { strFromU8, unzipSync } from 'fflate';
import { consolidate, needsWorkbook, NEEDS_SHEET } from '../../src/engine/consolidate';
import { reportSheet } from '../../src/engine/validate/report';
import { validateWorkbook } from '../../src/engine/validate';
import { writeSheet } from '../../src/office/excel';
import { readXlsx } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { nadiWorkbook, toOutWorkbook } from '../consolidate/fixtures';
import { FakeExcel } from '../office/fakeExcel';

const HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3+cmd|calc', '@SUM(1+1)*cmd|calc'];

/** A received workbook (as bytes) whose beyond-capacity projects are named with formula-like text. */
function receivedFile(): Uint8Array {
  const wb = nadiWorkbook();
  const sheet = wb.sheets[1];
  let k = 0;
  for (const row of sheet.rows) {
    const c = row?.[1];
    if (k < HOSTILE.length && c && typeof c.v === 'string' && /^(ก่อสร้าง|ขุดลอก)/.test(c.v)) {
      row![1] = { v: HOSTILE[k], t: 's', w: HOSTILE[k] };
      k++;
    }
  }
  // the sheet name too (shown in the validation report)
  sheet.name = '=ชีต';
  return writeXlsx(toOutWorkbook(wb));
}

function sheetXml(bytes: Uint8Array, name: string): { xml: string; sst: string[] } {
  const files = unzipSync(bytes);
  const wbXml = strFromU8(files['xl/workbook.xml']);
  const names = [...wbXml.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
  const i = names.indexOf(name);
  expect(i).toBeGreaterThanOrEqual(0);
  const sst = [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((m) =>
    m[1]
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
  return { xml: strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]), sst };
}

test('received project names like =HYPERLINK(...) → consolidated .xlsx: shared-string text cells, no <f>', async () => {
  const received = readXlsx(receivedFile(), 'อบต.นาดี.xlsx');
  expect(received.sheets[1].rows.flat().filter((c) => c && HOSTILE.includes(String(c.v))).length).toBe(HOSTILE.length);
  const result = await consolidate([{ file: 'อบต.นาดี.xlsx', checksum: 'x', workbook: received }]);
  const out = writeXlsx(needsWorkbook(result));
  const { xml, sst } = sheetXml(out, NEEDS_SHEET);
  for (const text of HOSTILE) {
    const idx = sst.indexOf(text);
    expect(idx).toBeGreaterThanOrEqual(0);
    const cell = new RegExp(`<c r="[A-Z]+\\d+"(?: s="\\d+")? t="s"><v>${idx}</v></c>`);
    expect(xml).toMatch(cell);
  }
  // our own totals may be formulas; none carries text from the received file
  for (const f of xml.matchAll(/<f>([^<]*)<\/f>/g)) expect(f[1]).toMatch(/^[A-Z0-9(),:+$ ]*(SUM|SUBTOTAL)?[A-Z0-9(),:+$ ]*$/);
  expect(xml).not.toMatch(/HYPERLINK|cmd/);
  // read back: text cells without formulas
  const back = readXlsx(out, 'out.xlsx').sheets.find((s) => s.name === NEEDS_SHEET)!;
  for (const text of HOSTILE) expect(back.rows.flat().find((c) => c?.v === text)).toEqual({ v: text, t: 's', w: text });

  // the validation report carries the hostile sheet name as text too
  const report = writeXlsx({ sheets: [reportSheet([validateWorkbook(received)])] });
  const rx = unzipSync(report);
  expect(strFromU8(rx['xl/worksheets/sheet1.xml'])).not.toMatch(/<f>[^<]*ชีต/);
});

test('the same in Excel (fake): written quote-prefixed, no formula', async () => {
  const fake = new FakeExcel({ apiVersion: '1.13' });
  const uninstall = fake.installOffice();
  try {
    fake.addSheet('ผ.02');
    const received = readXlsx(receivedFile(), 'อบต.นาดี.xlsx');
    const result = await consolidate([{ file: 'อบต.นาดี.xlsx', checksum: 'x', workbook: received }]);
    for (const sheet of needsWorkbook(result).sheets) await writeSheet(sheet, {}, fake.run);
    const needs = fake.sheet(NEEDS_SHEET);
    expect(needs).toBeDefined();
    let found = 0;
    for (let r = 1; r < 60; r++) {
      for (const col of 'ABCDEFGHIJ') {
        const c = fake.cell(NEEDS_SHEET, `${col}${r}`);
        if (typeof c.value === 'string' && HOSTILE.includes(c.value)) {
          expect(c.formula).toBeUndefined();
          expect(c.quotePrefix).toBe(true);
          found++;
        }
      }
    }
    expect(found).toBeGreaterThanOrEqual(HOSTILE.length);
  } finally {
    uninstall();
  }
});
