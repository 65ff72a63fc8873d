/**
 * The real workbook (เทศบาลนครนครสวรรค์ 2566–2570) against facts computed independently from its dump.
 */
import { readWorkbookFile } from '../../src/node/files';
import { readPlanSheet } from '../../src/engine/forms/read';
import { validateWorkbook } from '../../src/engine/validate';
import type { WorkbookModel } from '../../src/engine/model';
import type { WorkbookReport } from '../../src/engine/findings';
import * as fs from 'fs';
import { REAL_SAMPLE, REAL_FACTS } from '../samples';

const facts = JSON.parse(fs.readFileSync(REAL_FACTS, 'utf8'));
type Detail = {
  sheet: string;
  form: string;
  included_in_workbook: boolean;
  header_rows: number[];
  project_rows: { count: number; rows: number[] };
  budget_sums_project_rows: Record<string, number>;
  budget_sums_project_plus_subitem_rows?: Record<string, number>;
  total_rows_agree: boolean | null;
  total_row_equals_project_plus_subitem_rows?: boolean;
  total_rows: Array<{ row: number; label: string }>;
  total_rows_vs_recomputed?: Record<string, Record<string, { diff: number }>>;
};
const details: Detail[] = facts.detail_sheets.filter((d: Detail) => d.included_in_workbook);
const COLS: Record<string, string> = { '2566': 'E', '2567': 'F', '2568': 'G', '2569': 'H', '2570': 'I' };

let wb: WorkbookModel;
let report: WorkbookReport;
beforeAll(async () => {
  wb = await readWorkbookFile(REAL_SAMPLE);
  report = validateWorkbook(wb);
});

test('the sample has the detail sheets the facts describe', () => {
  expect(details.length).toBeGreaterThanOrEqual(25);
  for (const d of details) expect(wb.sheets.map((s) => s.name)).toContain(d.sheet);
});

test.each(details.map((d) => [d.sheet, d] as const))('%s: kind, header and project rows', (_name, d) => {
  const plan = readPlanSheet(wb.sheets.find((s) => s.name === d.sheet)!);
  expect(plan.kind).toBe(d.form === 'ผ.02/2' ? 'local-plan-beyond' : 'local-plan');
  expect(plan.blocks[0].headerRows.map((r) => r + 1)).toEqual(d.header_rows);
  expect(plan.projects.filter((p) => !p.afterTotal).map((p) => p.row + 1)).toEqual(d.project_rows.rows);
  const sheet = report.sheets.find((s) => s.name === d.sheet)!;
  expect(sheet.projects).toBe(d.project_rows.count);
  // A project's budget lines on the rows below it (issue 23's "จุดที่ 2") count in its totals, as the sheet's own total row does.
  const sums = d.total_row_equals_project_plus_subitem_rows ? d.budget_sums_project_plus_subitem_rows! : d.budget_sums_project_rows;
  for (const [year, sum] of Object.entries(sums)) expect(sheet.totals[year] ?? 0).toBe(sum);
});

test.each(details.map((d) => [d.sheet, d] as const))('%s: a total finding exactly where the total row disagrees', (_name, d) => {
  const sheet = report.sheets.find((s) => s.name === d.sheet)!;
  const got = sheet.findings
    .filter((f) => f.code === 'total-mismatch' || f.code === 'count-mismatch')
    .map((f) => `${f.column}${f.row}`)
    .sort();
  const expected: string[] = [];
  if (d.total_rows_agree === false && !d.total_row_equals_project_plus_subitem_rows) {
    for (const [key, years] of Object.entries(d.total_rows_vs_recomputed ?? {})) {
      const row = Number(/row (\d+)/.exec(key)![1]);
      for (const [year, v] of Object.entries(years)) if (v.diff !== 0) expected.push(`${COLS[year]}${row}`);
    }
  }
  expect(got).toEqual(expected.sort());
});

test('the README table: 2569 total of ยุทธ1.1 is reported with both amounts', () => {
  const f = report.sheets.find((s) => s.name === 'ยุทธ1.1แผนงานสาธารณสุข')!.findings.find((x) => x.code === 'total-mismatch')!;
  expect(f).toMatchObject({ severity: 'error', row: 45, column: 'H' });
  expect(f.message).toContain('1,504,920');
  expect(f.message).toContain('7,504,920');
});

test('sub-item rows: ยุทธ4.3 total equals projects plus sub-items, so no total finding', () => {
  const s = report.sheets.find((x) => x.name === 'ยุทธ4.3ผง.การพาณิชย์')!;
  expect(s.findings.filter((f) => f.code === 'total-mismatch')).toEqual([]);
  // Its project appended below the total rows is pointed out.
  expect(s.findings.some((f) => f.code === 'rows-after-total' && f.row === 75)).toBe(true);
});

test('correct rows get no errors: every error on the sample is a real total disagreement', () => {
  const errors = report.sheets.flatMap((s) => s.findings.filter((f) => f.severity === 'error'));
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(['total-mismatch', 'count-mismatch']).toContain(e.code);
});

test('non-plan sheets are recognised without using their names', () => {
  const kind = (n: string) => report.sheets.find((s) => s.name === n)?.kind;
  expect(kind('ผ.01 .1 สรุป ชุมชน')).toBe('local-plan-summary');
  expect(kind('แผนงาน')).toBe('other');
  expect(kind('กราฟ')).toBe('other');
  // The same content under a neutral name is recognised the same way.
  const renamed = { ...wb, sheets: wb.sheets.map((s) => ({ ...s, name: 'Sheet' + s.name.length })) };
  const kinds = validateWorkbook(renamed).sheets.map((s) => s.kind);
  expect(kinds).toEqual(report.sheets.map((s) => s.kind));
});

test('the form code comes from the text box', () => {
  const s = report.sheets.find((x) => x.name === 'ผ.02.2 ประสาน จว')!;
  expect(s.formCode).toBe('ผ.02/2');
  expect(report.sheets.find((x) => x.name === 'ยุทธ1.1แผนงานสาธารณสุข')!.formCode).toBe('ผ.02');
});

test('context lines attach to the projects below them', () => {
  const plan = readPlanSheet(wb.sheets.find((s) => s.name === 'ยุทธ1.1แผนงานสาธารณสุข')!);
  const first = plan.projects[0];
  expect(first.context.provincial?.text).toMatch(/^ง\. ยุทธศาสตร์จังหวัดที่ 6/);
  expect(first.context.programme?.text).toMatch(/แผนงานสาธารณสุข/);
  expect(first.context.amendment).toBeUndefined();
  const amended = plan.projects.find((p) => p.row + 1 === 42)!;
  expect(amended.no).toBe(1);
  expect(amended.context.amendment?.text).toBe('เพิ่มเติมครั้งที่ 5 / 2567');
  expect(plan.period).toEqual({ from: 2566, to: 2570 });
  expect(plan.organisation).toBe('เทศบาลนครนครสวรรค์');
});
