/**
 * The title and signature blocks are for paper: a reader of the written needs workbook (the district's
 * own check, the province one level up) sees the same projects, totals and findings as without them.
 */
import { consolidate, needsFileWorkbook, NEEDS_SHEET } from '../../src/engine/consolidate';
import { readPlanSheet } from '../../src/engine/forms/read';
import type { WorkbookModel } from '../../src/engine/model';
import { validateWorkbook } from '../../src/engine/validate';
import { readXlsx } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { allWorkbooks } from '../consolidate/fixtures';
import { inputsOf } from '../roundtrip/fixtures';

test('the signed needs workbook validates as the same table without its signature block', async () => {
  const result = await consolidate(inputsOf(allWorkbooks()));
  result.approval = { meeting: '1/2569', date: { year: 2569, month: 1, day: 15 } };
  const written = readXlsx(writeXlsx(needsFileWorkbook(result, { district: 'เมือง' })), 'needs.xlsx');
  const needs = written.sheets.find((s) => s.name === NEEDS_SHEET)!;
  const texts = Array.from(needs.rows, (r) =>
    Array.from(r ?? [], (c) => c?.w ?? '')
      .join(' ')
      .trim(),
  );
  // The title block names the district, the fiscal years and the ก.บ.อ. approval; the signature block closes the table.
  expect(texts.slice(0, 3)).toEqual([
    'แผนความต้องการของอำเภอเมือง',
    expect.stringMatching(/^บัญชีโครงการ.*ปีงบประมาณ \d{4}–\d{4}$/),
    expect.stringMatching(/^ผ่านความเห็นชอบของคณะกรรมการบริหารงานอำเภอ \(ก\.บ\.อ\.\) ในการประชุมครั้งที่ 1\/2569 เมื่อวันที่ 15 มกราคม (พ\.ศ\. )?2569$/),
  ]);
  const signed = texts.findIndex((t) => t.startsWith('ลงชื่อ'));
  expect(signed).toBeGreaterThan(0);
  expect(texts[signed]).toMatch(/ผู้จัดทำ.*ลงชื่อ.*ผู้รับรอง/);

  // The same workbook with the signature rows removed: an unsigned table.
  const unsigned: WorkbookModel = {
    ...written,
    sheets: written.sheets.map((s) => (s === needs ? { ...s, rows: s.rows.slice(0, signed) } : s)),
  };
  const plan = readPlanSheet(needs);
  const plain = readPlanSheet(unsigned.sheets.find((s) => s.name === NEEDS_SHEET)!);
  expect(plan.projects.map((p) => p.name)).toEqual(plain.projects.map((p) => p.name));
  expect(plan.projects).toHaveLength(result.items.length);
  expect(plan.blocks.map((b) => b.headerRows)).toEqual(plain.blocks.map((b) => b.headerRows));
  const findings = (wb: WorkbookModel) =>
    validateWorkbook(wb).sheets.map((s) => [s.name, s.kind, s.findings.map((f) => `${f.code}@${f.column}${f.row}`)]);
  expect(findings(written)).toEqual(findings(unsigned));
});
