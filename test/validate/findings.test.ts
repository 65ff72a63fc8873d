/** The findings registry: one severity and one meaning per code, figures in typed details, checked by the schema. */
import { sheetFromValues } from '../../src/engine/model';
import { readPlanSheet } from '../../src/engine/forms/read';
import { validatePlan } from '../../src/engine/validate';
import { FINDING_CODES, FINDING_KINDS, FindingSchema, SheetReportSchema, finding, type Finding } from '../../src/engine/findings';

type V = string | number | null;
const check = (values: V[][], name = 'ผ.02') => {
  const s = sheetFromValues(name, values);
  return validatePlan(s, readPlanSheet(s));
};
const byCode = <C extends Finding['code']>(fs: Finding[], code: C) => fs.filter((f): f is Extract<Finding, { code: C }> => f.code === code);

test('every code has a severity, a Thai and an English message', () => {
  expect(FINDING_CODES.length).toBeGreaterThan(20);
  for (const code of FINDING_CODES) {
    expect(['error', 'warning', 'info']).toContain(FINDING_KINDS[code].severity);
  }
  const f = finding(
    'total-mismatch',
    { label: 'รวม', year: 2567, stated: 100, computed: 150, difference: 50 },
    { sheet: 's', row: 3, column: 'E' },
  );
  expect(f).toMatchObject({ code: 'total-mismatch', severity: 'error', details: { stated: 100, computed: 150 } });
  expect(f.message).toContain('ต่างกัน 50');
  expect(f.messageEn).toContain('difference 50');
  expect(FindingSchema.safeParse(f).success).toBe(true);
  // Details of another code do not pass.
  expect(FindingSchema.safeParse({ ...f, details: { year: 2567 } }).success).toBe(false);
  expect(FindingSchema.safeParse({ ...f, code: 'no-such-code' }).success).toBe(false);
});

test('no header at all is its own code, not a missing column', () => {
  const r = check([['แผนความต้องการของอำเภอเมือง พ.ศ. 2568'], ['ชื่อ', 'ที่อยู่']]);
  expect(r.kind).toBe('district-needs');
  expect(r.findings.map((f) => [f.code, f.severity, f.row])).toEqual([['no-header', 'error', null]]);
});

test('a total that is not a number is total-not-number; a wrong one is total-mismatch with its figures', () => {
  const header: V[][] = [
    ['แผนพัฒนาท้องถิ่น (พ.ศ.2566 - 2567)'],
    ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณ', null, 'หน่วยงานรับผิดชอบหลัก'],
    [null, null, null, null, '2566', '2567', null],
  ];
  const r = check([
    ...header,
    [1, 'ถนน คสล.', 'สัญจร', '1 สาย', 500000, 100, 'กองช่าง'],
    [2, 'ประปา', 'น้ำสะอาด', '1 แห่ง', 100000, 0, 'กองช่าง'],
    [null, null, null, 'รวมงบประมาณ', 550000, 'หนึ่งร้อย'],
  ]);
  const [mismatch] = byCode(r.findings, 'total-mismatch');
  expect(mismatch).toMatchObject({
    severity: 'error',
    row: 6,
    column: 'E',
    details: { year: 2566, stated: 550000, computed: 600000, difference: 50000 },
  });
  const notNumber = byCode(r.findings, 'total-not-number');
  expect(notNumber.map((f) => [f.column, f.details.year])).toEqual([['F', 2567]]);
  expect(SheetReportSchema.safeParse(r).success).toBe(true);
});

test('severity comes from the registry: agency-missing is an error on every form', () => {
  const beyond = check([
    ['แผนพัฒนาท้องถิ่น (พ.ศ.2566 - 2570)'],
    ['สำหรับ โครงการที่เกินศักยภาพขององค์กรปกครองส่วนท้องถิ่น'],
    ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณ 2566', 'หน่วยงานที่จะขอประสาน'],
    [1, 'สะพาน', 'สัญจร', '1 แห่ง', 3000000, null],
  ]);
  const needs = check([
    ['แผนความต้องการของอำเภอเมือง พ.ศ. 2568'],
    ['ที่', 'โครงการ', 'งบประมาณ 2568', 'หน่วยงานรับผิดชอบหลัก', 'หน่วยงานที่จะขอประสาน'],
    [1, 'สะพาน', 3000000, 'อำเภอ', null],
  ]);
  expect(beyond.kind).toBe('local-plan-beyond');
  expect(needs.kind).toBe('district-needs');
  const found = [...byCode(beyond.findings, 'agency-missing'), ...byCode(needs.findings, 'agency-missing')];
  expect(found.map((f) => [f.sheet, f.row, f.severity])).toEqual([
    ['ผ.02', 4, 'error'],
    ['ผ.02', 3, 'error'],
  ]);
});

test('figures are in the details, not only in the message', () => {
  const r = check([
    ['แผนพัฒนาท้องถิ่น (พ.ศ.2566 - 2567)'],
    ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณ', null, 'หน่วยงานรับผิดชอบหลัก'],
    [null, null, null, null, '2566', '2568', null],
    [1, 'ถนน', 'x', 'y', -5, 'ห้าพัน', 'กองช่าง'],
    [2, 'ถนน', 'x', 'y', -5, 'ห้าพัน', 'กองช่าง'],
  ]);
  expect(byCode(r.findings, 'budget-negative')[0].details).toEqual({ year: 2566, value: -5 });
  expect(byCode(r.findings, 'budget-not-number')[0].details).toEqual({ year: 2568, text: 'ห้าพัน' });
  expect(byCode(r.findings, 'year-outside-period')[0].details).toEqual({ year: 2568, from: 2566, to: 2567 });
  expect(byCode(r.findings, 'duplicate-project')[0].details).toEqual({ otherRow: 4 });
  for (const f of r.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
});
