/**
 * Data safety in Excel, on the fake with its write recorder. Already covered in
 * test/office/excel.test.ts: highlight + clear restores fill/pattern/font colour exactly (incl. 1.4),
 * an officer's refilled cell is left alone, an officer's sheet with our name is never replaced (ours
 * becomes "(2)"), a sheet made after deleting ours is not replaced, one-cell fixes. Missing there and
 * added here: the whole validate → highlight → clear cycle on a real plan with real findings, and
 * writing every kind of output (validation report + summary, the four needs sheets, the calendar)
 * twice into a workbook full of officer sheets — some named like ours — with nothing of theirs
 * written, renamed or deleted.
 */
import { buildCalendar, BUILTIN_TEMPLATES, calendarSheet } from '../../src/engine/calendar';
import { consolidate, needsWorkbook } from '../../src/engine/consolidate';
import { validateWorkbook } from '../../src/engine/validate';
import { REPORT_SHEET_NAME, reportSheet, summarySheet, SUMMARY_SHEET_NAME } from '../../src/engine/validate/report';
import { clearHighlights, highlightCells, highlightsFromFindings, readWorkbook, writeSheet } from '../../src/office/excel';
import { allWorkbooks, nadiWorkbook } from '../consolidate/fixtures';
import { FakeExcel } from '../office/fakeExcel';

let fake: FakeExcel;
let uninstall: () => void;
beforeEach(() => {
  fake = new FakeExcel({ apiVersion: '1.13' });
  uninstall = fake.installOffice();
});
afterEach(() => uninstall());

/** An officer's sheet from a fixture sheet, with some of their own formatting. */
function officerSheet(name: string, rows: Array<Array<{ v: unknown } | undefined> | undefined>): void {
  fake.addSheet(name);
  const values = rows.map((r) => Array.from({ length: 12 }, (_, c) => (r?.[c]?.v ?? null) as string | number | null));
  fake.setValues(name, 'A1', values);
  fake.setFormat(name, 'A1', { fill: 'FFFF00', fontColor: 'FF0000', bold: true });
  fake.setFormat(name, 'B3', { fill: '00B050', pattern: 'Gray50', patternColor: '7030A0' });
}

/** Everything the officer sees in A1:L30 of each sheet (values, text, formulas, number formats, fill, font, borders). */
const cellsOf = (names: string[]) =>
  names.map((n) => {
    const out: unknown[] = [];
    for (let r = 1; r <= 30; r++) for (const c of 'ABCDEFGHIJKL') out.push(fake.cell(n, `${c}${r}`));
    return out;
  });

test('validate → highlight the findings → clear: every cell exactly as before; only finding cells touched', async () => {
  const wb = nadiWorkbook();
  const sheet = wb.sheets[1];
  // errors the validator finds: a text budget and a missing project name
  const projRow = sheet.rows.findIndex((r) => r?.[1]?.v === 'ขุดลอกคลองนาดี หมู่ที่ ๕');
  sheet.rows[projRow]![5] = { v: 'ประมาณ 8 แสน', t: 's', w: 'ประมาณ 8 แสน' };
  officerSheet('ผ.02', wb.sheets[0].rows);
  officerSheet('ผ.02-2', sheet.rows);
  const names = fake.sheetNames();
  const before = cellsOf(names);

  const read = await readWorkbook(fake.run);
  const report = validateWorkbook(read);
  const cells = highlightsFromFindings(report.sheets.flatMap((s) => s.findings));
  expect(cells.length).toBeGreaterThan(0);
  fake.resetCounters();
  const res = await highlightCells(cells, fake.run);
  expect(res.highlighted).toBe(new Set(cells.map((c) => `${c.sheet}!${c.address}`)).size);
  fake.assertWritesOnlyTo([], cells);
  expect(cellsOf(names)).not.toEqual(before);

  fake.resetCounters();
  await clearHighlights(fake.run);
  fake.assertWritesOnlyTo([], cells);
  expect(cellsOf(names)).toEqual(before);
  expect(fake.sheetNames()).toEqual(names);
});

test('every output written twice: only our tagged sheets are written; officer sheets — even named like ours — untouched and never deleted', async () => {
  const wb = nadiWorkbook();
  officerSheet('ผ.02', wb.sheets[0].rows);
  // officer sheets that carry our output names
  officerSheet(REPORT_SHEET_NAME.th, [[{ v: 'รายงานของเจ้าหน้าที่เอง' }]]);
  officerSheet('แผนความต้องการอำเภอ', [[{ v: 'ของอำเภอ ห้ามลบ' }]]);
  officerSheet('ปฏิทิน', [[{ v: 'ปฏิทินของฉัน' }]]);
  const officer = fake.sheetNames();
  const snapshot = (names: string[]) => names.map((n) => JSON.stringify(fake.sheet(n)));
  const before = snapshot(officer);

  const reports = allWorkbooks().map((w) => validateWorkbook(w));
  const result = await consolidate(allWorkbooks().map((w) => ({ file: w.name, checksum: w.name, workbook: w })));
  const cal = calendarSheet(buildCalendar(BUILTIN_TEMPLATES.dopa, 2569));
  const outputs = [reportSheet(reports), summarySheet(reports), ...needsWorkbook(result).sheets, { ...cal, name: 'ปฏิทิน' }];
  expect(outputs.map((o) => o.name)).toContain(SUMMARY_SHEET_NAME.th);

  let ours: string[] = [];
  for (let round = 1; round <= 2; round++) {
    fake.resetCounters();
    const written: string[] = [];
    for (const o of outputs) {
      const r = await writeSheet(o, {}, fake.run);
      written.push(r.name);
      if (round === 1) expect(r.replaced).toBeNull();
      else expect(r.replaced).toBe(r.name);
      if (officer.map((n) => n.toLowerCase()).includes(o.name.toLowerCase())) expect(r.name).toBe(`${o.name} (2)`);
    }
    if (round === 2) expect(written).toEqual(ours);
    ours = written;
    fake.assertWritesOnlyTo(ours); // deletes of our own earlier sheets included; nothing of the officer's
    expect(fake.writes.filter((w) => w.what === 'delete').every((w) => ours.includes(w.sheet))).toBe(true);
    expect(fake.sheetNames().filter((n) => officer.includes(n))).toEqual(officer);
    expect(snapshot(officer)).toEqual(before);
  }
  expect(fake.sheetNames()).toHaveLength(officer.length + outputs.length);
});
