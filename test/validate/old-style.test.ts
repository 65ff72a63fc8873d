/**
 * Issue 23: real layouts read right. An old-style 3-year plan written as .xlsx (old-style-fixtures.ts):
 * a header wrapped over three rows without merges and repeated at a page break, wrapped names,
 * sub-lines, text amounts, and a ผ.01 by ยุทธศาสตร์ / แนวทาง with two planted disagreements.
 */
import { readWorkbookBytes } from '../../src/xlsx/open';
import { readPlanSheet, periodOf } from '../../src/engine/forms/read';
import { validateWorkbook } from '../../src/engine/validate';
import { consolidate, consolidateJson, needsWorkbook, NEEDS_SHEET } from '../../src/engine/consolidate';
import { ConsolidateJsonSchema } from '../../src/engine/consolidate/json-schema';
import { parseAmountText } from '../../src/engine/values';
import { writeXlsx } from '../../src/xlsx/write';
import type { Finding } from '../../src/engine/findings';
import { MIXED_ROWS, mixedSummaryWorkbook, oldStyleBeyondWorkbook, oldStyleWorkbook, ROWS, undatedWorkbook } from './old-style-fixtures';

const wb = readWorkbookBytes(oldStyleWorkbook(), 'อบต.ไทรย้อย แผนสามปี 2556-2558.xlsx');
const detail = readPlanSheet(wb.sheets[1]);
const report = validateWorkbook(wb);
const at = (fs: Finding[], code: string) => fs.filter((f) => f.code === code).map((f) => `${f.column}${f.row}`);

test('a header wrapped over three rows without merges gives the year columns and every field', () => {
  expect(detail.kind).toBe('local-plan');
  expect(detail.period).toEqual({ from: 2556, to: 2558 });
  // One table: the header repeated at the page break is a header (not a project) and the table goes on under it.
  expect(detail.blocks.map((b) => [b.headerRows, ...(b.pageHeaders ?? [])].map((rows) => rows.map((r) => r + 1)))).toEqual([
    [
      [ROWS.header, ROWS.header + 1, ROWS.header + 2],
      [ROWS.repeatedHeader, ROWS.repeatedHeader + 1, ROWS.repeatedHeader + 2],
    ],
  ]);
  for (const b of detail.blocks) {
    expect(b.columns.budgetYears).toEqual([
      { year: 2556, col: 4 },
      { year: 2557, col: 5 },
      { year: 2558, col: 6 },
    ]);
    expect(b.columns.fields).toMatchObject({ no: 0, name: 1, objective: 2, target: 3, result: 7, unit: 8 });
    expect(b.columns.fields.amount).toBeUndefined();
  }
});

test('exact projects, whole wrapped names, and sub-lines as the parts of their project', () => {
  expect(detail.projects.map((p) => p.row + 1)).toEqual([ROWS.road6, ROWS.road3, ROWS.laterite, ROWS.ditch, ROWS.light, ROWS.dengue]);
  expect(detail.projects.slice(0, 2).map((p) => [p.name, p.target])).toEqual([
    ['ก่อสร้างถนน คสล. หมู่ที่ 6', 'กว้าง 4 ม. ยาว 200 ม. หนา 0.15 ม.'],
    ['ก่อสร้างถนน คสล. หมู่ที่ 3', 'กว้าง 4 ม. ยาว 200 ม. หนา 0.15 ม.'],
  ]);
  const laterite = detail.projects[2];
  expect(laterite.parts?.map((p) => [p.row + 1, p.text, p.budgets.map((b) => b.amount)])).toEqual([
    [ROWS.point2, 'จุดที่ 2', [200000, 0, 0]],
    [ROWS.point3, 'จุดที่ 3 ยาว 100 ม.', [100000, 0, 0]],
  ]);
  const sheet = report.sheets[1];
  expect(sheet.projects).toBe(6);
  expect(sheet.totals).toEqual({ 2556: 1_850_000, 2557: 790_000, 2558: 250_000 });
});

test('the ผ.02 findings: text amounts alike with their fix, only non-amount text an error, no false warnings', () => {
  const fs = report.sheets[1].findings;
  expect(at(fs, 'budget-as-text')).toEqual([`E${ROWS.ditch}`, `F${ROWS.ditch}`, `G${ROWS.ditch}`]);
  expect(fs.filter((f) => f.code === 'budget-as-text').map((f) => f.fix?.value)).toEqual([200000, 300000, 200000]);
  expect(fs.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.column}${f.row}`)).toEqual([
    `budget-not-number@G${ROWS.light}`,
  ]);
  // Wrapped "หน่วยงาน / ที่รับผิดชอบ" is the unit column; wrapped names make different villages' roads.
  for (const code of ['unit-column-missing', 'duplicate-project', 'budget-years-missing', 'total-mismatch', 'unit-missing'])
    expect(at(fs, code)).toEqual([]);
  for (const f of fs) expect(`${f.message} ${f.messageEn}`).not.toMatch(/ปี 0|for 0\b/);
});

test('ผ.01 by ยุทธศาสตร์ / แนวทาง against the detail: each disagreement on the summary cell', () => {
  const fs = report.sheets[0].findings;
  expect(report.sheets[0].kind).toBe('local-plan-summary');
  expect(fs.map((f) => `${f.code}@${f.column}${f.row}`)).toEqual([
    `summary-mismatch@C${ROWS.p01Road}`,
    `summary-mismatch@E${ROWS.p01Water}`,
    // The grand total "รวม" against every project of the detail: short by the same amounts.
    `summary-mismatch@C${ROWS.p01Total}`,
    `summary-mismatch@E${ROWS.p01Total}`,
  ]);
  expect(fs.map((f) => f.details)).toEqual([
    expect.objectContaining({ year: 2556, what: 'budget', stated: 850_000, computed: 1_600_000 }),
    expect.objectContaining({ year: 2557, what: 'budget', stated: 300_000, computed: 440_000 }),
    expect.objectContaining({ plan: 'รวม', year: 2556, what: 'budget', stated: 1_100_000, computed: 1_850_000 }),
    expect.objectContaining({ plan: 'รวม', year: 2557, what: 'budget', stated: 650_000, computed: 790_000 }),
  ]);
  expect(fs[2].message).toBe('ผ.01 "รวม" ปี 2556 ระบุงบประมาณ 1,100,000 บาท แต่ ผ.02 (ผ.02) รวมได้ 1,850,000 บาท');
});

test('ผ.01 mixing figured ยุทธศาสตร์ lines with แผนงาน lines, a "รวม" per strategy and "รวมทั้งสิ้น"', () => {
  const r = validateWorkbook(readWorkbookBytes(mixedSummaryWorkbook(), 'mixed.xlsx'));
  expect(r.sheets.map((s) => s.kind)).toEqual(['local-plan-summary', 'local-plan']);
  // Strategy 1's "รวม" agrees with its projects (it is no grand total); only the planted cells are reported.
  const fs = r.sheets[0].findings;
  expect(fs.map((f) => `${f.code}@${f.column}${f.row}`)).toEqual([
    `summary-mismatch@D${MIXED_ROWS.strategy2Total}`,
    `summary-mismatch@E${MIXED_ROWS.strategy2Total}`,
    `summary-mismatch@E${MIXED_ROWS.grandTotal}`,
  ]);
  expect(fs.map((f) => f.details)).toEqual([
    expect.objectContaining({ plan: 'รวม ยุทธศาสตร์ที่ 2', year: 2567, what: 'count', stated: 2, computed: 1 }),
    expect.objectContaining({ plan: 'รวม ยุทธศาสตร์ที่ 2', year: 2567, what: 'budget', stated: 90_000, computed: 50_000 }),
    expect.objectContaining({ plan: 'รวมทั้งสิ้น', year: 2567, what: 'budget', stated: 300_000, computed: 350_000 }),
  ]);
});

test('consolidate counts the sub-lines and the text amounts of a ผ.02/2 in this layout', async () => {
  const beyond = readWorkbookBytes(oldStyleBeyondWorkbook(), 'ผ.02-2 ไทรย้อย.xlsx');
  const result = await consolidate([{ file: 'ผ.02-2 ไทรย้อย.xlsx', checksum: '0'.repeat(64), workbook: beyond }]);
  expect(result.items).toHaveLength(6);
  expect(result.totals).toEqual({ 2556: 1_850_000, 2557: 790_000, 2558: 250_000 });

  // Shown as the project's parts: in --json, each with its row and amounts (already in the item's budgets).
  const json = ConsolidateJsonSchema.parse(consolidateJson(result, null));
  const laterite = json.needs.items.find((it) => it.name === 'ปรับปรุงถนนลูกรังภายในตำบล')!;
  expect(laterite.budgets).toEqual({ 2556: 600_000, 2557: 300_000, 2558: 0 });
  expect(laterite.parts).toEqual([
    { name: 'จุดที่ 2', row: ROWS.point2, budgets: { 2556: 200_000, 2557: 0, 2558: 0 } },
    { name: 'จุดที่ 3 ยาว 100 ม.', row: ROWS.point3, budgets: { 2556: 100_000, 2557: 0, 2558: 0 } },
  ]);
  expect(json.needs.items.filter((it) => it.parts).map((it) => it.name)).toEqual([laterite.name]);

  // And in the written needs table's หมายเหตุ: the project's own row, then each line under it.
  const table = readWorkbookBytes(writeXlsx(needsWorkbook(result)), 'needs.xlsx').sheets.find((s) => s.name === NEEDS_SHEET)!;
  const header = table.rows.find((r) => r?.some((c) => c?.w === 'โครงการ'))!;
  const noteCol = header.findIndex((c) => c?.w === 'หมายเหตุ');
  const row = table.rows.find((r) => r?.[1]?.w === laterite.name)!;
  expect(row[noteCol]?.w).toBe(
    `ประกอบด้วย: แถว ${ROWS.laterite} 300,000 (2556), 300,000 (2557); แถว ${ROWS.point2} จุดที่ 2 200,000 (2556); ` +
      `แถว ${ROWS.point3} จุดที่ 3 ยาว 100 ม. 100,000 (2556)`,
  );
});

test('a project with parts in two files: the same items and parts whatever order the files come in', async () => {
  const bytes = oldStyleBeyondWorkbook();
  const files = ['ไทรย้อย ก.xlsx', 'ไทรย้อย ข.xlsx'].map((file, i) => ({
    file,
    checksum: String(i).repeat(64),
    workbook: readWorkbookBytes(bytes, file),
  }));
  const needs = async (inputs: typeof files) => ConsolidateJsonSchema.parse(consolidateJson(await consolidate(inputs), null)).needs;
  const [forward, backward] = [await needs(files), await needs([...files].reverse())];
  expect(backward).toEqual(forward);
  // Each file's copy (the place is unknown, so never merged on a name alone) shows its own lines.
  const withParts = forward.items.filter((it) => it.parts);
  expect(withParts.map((it) => [it.sources[0].file, it.parts!.map((p) => p.row)])).toEqual([
    ['ไทรย้อย ก.xlsx', [ROWS.point2, ROWS.point3]],
    ['ไทรย้อย ข.xlsx', [ROWS.point2, ROWS.point3]],
  ]);
});

test('never a silent zero: amounts without a year column are an error naming the header read and the plan period', () => {
  const r = validateWorkbook(readWorkbookBytes(undatedWorkbook(), 'undated.xlsx'));
  const sheet = r.sheets[0];
  expect(sheet.totals).toEqual({});
  const missing = sheet.findings.filter((f) => f.code === 'budget-years-missing');
  expect(missing.map((f) => `${f.severity}@${f.column}${f.row}`)).toEqual(['error@E4']);
  expect(missing[0].message).toContain('E "งบประมาณ (บาท)"');
  expect(missing[0].message).toContain('พ.ศ. 2566–2570');
  // The amount written as text is the same kind of finding as anywhere else, and no year 0 is spoken of.
  const asText = sheet.findings.find((f) => f.code === 'budget-as-text')!;
  expect([asText.message, asText.messageEn]).toEqual([
    'งบประมาณ เป็นข้อความ "80,000.-" — แปลงเป็นตัวเลข 80,000 ได้',
    'Budget is text "80,000.-"; it can be converted to the number 80,000',
  ]);
});

test('one rule for amounts written as text', () => {
  for (const t of ['200,000.-', '200,000  .-', '300,000-.', '๒๐๐,๐๐๐ บาท', '200,000.- บาท', '200000.'])
    expect(parseAmountText(t)).toMatchObject({ kind: 'number', fromText: true });
  expect(parseAmountText('รอประมาณการ').kind).toBe('text');
  expect(parseAmountText('-').kind).toBe('nil');
});

test('plan periods in every spelling', () => {
  const p = (text: string) => periodOf([{ row: 0, col: 0, text }]);
  expect(p('แผนพัฒนาสามปี (พ.ศ. 2556 ถึง 2558)')).toEqual({ from: 2556, to: 2558 });
  expect(p('แผนพัฒนาท้องถิ่น พ.ศ. 2556 - 2558')).toEqual({ from: 2556, to: 2558 });
  expect(p('ปี 2566-2570')).toEqual({ from: 2566, to: 2570 });
  expect(p('พ.ศ.๒๕๖๖–๒๕๗๐')).toEqual({ from: 2566, to: 2570 });
  expect(p('ประชุมครั้งที่ 2566')).toBeUndefined();
});

test('continuation rows on a tambon plan too: the wrapped name and agency are joined, the row is no project', () => {
  const bytes = writeXlsx({
    sheets: [
      {
        name: 'แผนตำบล',
        rows: [
          ['แผนพัฒนาตำบลไทรย้อย พ.ศ. ๒๕๖๗ - ๒๕๖๙'],
          ['ลำดับ', 'ชื่อโครงการ', 'หมู่ที่', 'งบประมาณ (บาท)', 'ปีงบประมาณ', 'การดำเนินการ', 'หน่วยงานที่ขอรับการสนับสนุน'],
          [1, 'ก่อสร้างถนน คสล.', '3', 200000, 2567, 'ขอรับการสนับสนุน', 'อบจ.แพร่'],
          [null, 'สายบ้านนา-บ้านดอน', null, null, null, null, '(กองช่าง)'],
          [2, 'ก่อสร้างถนน คสล.', '4', 200000, 2567, 'ขอรับการสนับสนุน', 'อบจ.แพร่'],
          [null, 'สายบ้านดอน-บ้านใหม่', null, null, null, null, null],
          [null, 'หมายเหตุ: ราคาตามประมาณการของกองช่าง'],
        ],
      },
    ],
  });
  const tambon = readWorkbookBytes(bytes, 'tambon.xlsx');
  const plan = readPlanSheet(tambon.sheets[0]);
  expect(plan.kind).toBe('tambon-plan');
  expect(plan.projects.map((p) => [p.row + 1, p.name, p.agency])).toEqual([
    [3, 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน', 'อบจ.แพร่ (กองช่าง)'],
    [5, 'ก่อสร้างถนน คสล. สายบ้านดอน-บ้านใหม่', 'อบจ.แพร่'],
  ]);
  const sheet = validateWorkbook(tambon).sheets[0];
  expect(sheet.findings.filter((f) => f.code === 'duplicate-project')).toEqual([]);
  expect(sheet.totals).toEqual({ 2567: 400_000 });
});
