/** Validate rules on small real-shaped sheets: merged three-row headers, Thai digits, "-", sections. */
import { sheetFromValues, type SheetModel } from '../../src/engine/model';
import { readPlanSheet } from '../../src/engine/forms/read';
import { validatePlan, validateWorkbook } from '../../src/engine/validate';
import { presetById } from '../../src/engine/strategy';

type V = string | number | null;

/** A ผ.02 sheet: title lines, ก.–จ. links, a three-row header with "งบประมาณ" merged over the years. */
function p02(rows: V[][], opts: { title3?: string; link?: string; years?: number[]; unitHeader?: string } = {}): SheetModel {
  const years = opts.years ?? [2566, 2567, 2568];
  const w = 4 + years.length + 1;
  const blank = (n: number) => Array<V>(n).fill(null);
  const values: V[][] = [
    ['รายละเอียดโครงการพัฒนา'],
    ['แผนพัฒนาท้องถิ่น (พ.ศ.2566 - 2568)'],
    [opts.title3 ?? 'องค์การบริหารส่วนตำบลหนองบัว'],
    [opts.link ?? 'ก. ยุทธศาสตร์จังหวัดที่ 2 การขับเคลื่อนเกษตรเพิ่มมูลค่า'],
    ['ข. ยุทธศาสตร์การพัฒนาของ อปท. ในเขตจังหวัดที่ 1'],
    ['1. ยุทธศาสตร์การพัฒนาโครงสร้างพื้นฐาน'],
    ['    1.1 แผนงานเคหะและชุมชน'],
    ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณ', ...blank(years.length - 1), opts.unitHeader ?? 'หน่วยงานรับผิดชอบหลัก'],
    [null, null, null, '(ผลผลิตของโครงการ)', ...years.map((y) => String(y))],
    [null, null, null, null, ...years.map(() => '(บาท)')],
    ...rows,
  ];
  const merges = [
    { r1: 7, c1: 0, r2: 9, c2: 0 },
    { r1: 7, c1: 1, r2: 9, c2: 1 },
    { r1: 7, c1: 2, r2: 9, c2: 2 },
    { r1: 7, c1: 4, r2: 7, c2: 3 + years.length },
    { r1: 7, c1: w - 1, r2: 9, c2: w - 1 },
  ];
  return sheetFromValues('แผ่น1', values, merges, [{ text: 'แบบ ผ.02', row: 0, col: w }]);
}

const codes = (s: SheetModel) => validatePlan(s, readPlanSheet(s)).findings.map((f) => `${f.code}@${f.column}${f.row}`);

test('a correct sheet with Thai digits, "-", blanks and text numbers has no errors', () => {
  const s = p02([
    [1, 'ก่อสร้างถนน คสล. หมู่ที่ 3', 'เพื่อการสัญจร', 'ยาว 200 ม.', 500000, '-', null, 'กองช่าง'],
    ['๒', 'ขุดลอกคลองส่งน้ำ', 'เพื่อการเกษตร', '1 สาย', '๕๐๐,๐๐๐', '10,500,000.00', '-', 'กองช่าง'],
    [null, null, null, 'รวมงบประมาณ', 1000000, 10500000, '-'],
    [null, null, null, 'รวมจำนวนโครงการ', 2, 1, 0],
  ]);
  const report = validatePlan(s, readPlanSheet(s));
  expect(report.kind).toBe('local-plan');
  expect(report.projects).toBe(2);
  expect(report.totals).toEqual({ '2566': 1000000, '2567': 10500000, '2568': 0 });
  expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  // Text amounts get a safe fix the officer may click.
  const asText = report.findings.filter((f) => f.code === 'budget-as-text');
  expect(asText.map((f) => `${f.column}${f.row}`)).toEqual(['E12', 'F12']);
  expect(asText[0].fix).toMatchObject({ row: 12, column: 'E', value: 500000 });
});

test('wrong totals, bad amounts, missing names and units are findings on their cells', () => {
  const s = p02([
    [1, 'ก่อสร้างถนน คสล.', 'เพื่อการสัญจร', 'ยาว 200 ม.', 500000, 'ห้าแสน', null, 'กองช่าง'],
    [2, null, 'เพื่อการเกษตร', '1 สาย', -5, null, null, 'กองช่าง'],
    [3, 'ติดตั้งไฟฟ้าส่องสว่าง', 'เพื่อความปลอดภัย', '10 จุด', 100000, '#REF!', null, null],
    [null, null, null, 'รวมงบประมาณ', 700000, 0, 0],
    [null, null, null, 'รวมจำนวนโครงการ', 3, 0, 0],
  ]);
  const got = codes(s);
  expect(got).toEqual(
    expect.arrayContaining([
      'budget-not-number@F11',
      'project-name-missing@B12',
      'budget-negative@E12',
      'formula-error@F13',
      'unit-missing@H13',
      'total-mismatch@E14',
      'count-mismatch@E15',
    ]),
  );
  // 500000 - 5 + 100000 = 599995; the count counts projects with a budget above 0 (2).
  const report = validatePlan(s, readPlanSheet(s));
  expect(report.findings.find((f) => f.code === 'total-mismatch')!.message).toContain('599,995');
  expect(report.findings.find((f) => f.code === 'count-mismatch')!.message).toContain('2 โครงการ');
});

test('ผ.02/2: the agency to ask is required, recognised from the title line', () => {
  const s = p02(
    [
      [1, 'ก่อสร้างสะพานข้ามแม่น้ำ', 'เพื่อการสัญจร', '1 แห่ง', 30000000, null, null, null],
      [2, 'ขยายเขตประปา', 'เพื่อน้ำสะอาด', '2 หมู่บ้าน', 2000000, null, null, 'การประปาส่วนภูมิภาค'],
    ],
    { title3: 'สำหรับ โครงการที่เกินศักยภาพขององค์กรปกครองส่วนท้องถิ่น', unitHeader: 'หน่วยงานที่จะขอประสาน' },
  );
  const plan = readPlanSheet(s);
  expect(plan.kind).toBe('local-plan-beyond');
  expect(codes(s)).toContain('agency-missing@H11');
  expect(codes(s)).not.toContain('agency-missing@H12');
});

test('years outside the plan period are flagged on the header', () => {
  const s = p02([[1, 'โครงการ ก', 'x', 'y', 1, 2, 3, 4, 'กองช่าง']], { years: [2566, 2567, 2568, 2569] });
  expect(codes(s)).toContain('year-outside-period@H9');
});

test('amendment dividers restart numbering without breaking the block; rows below totals are pointed out', () => {
  const s = p02([
    [1, 'โครงการ ก', 'x', 'y', 100, null, null, 'กองช่าง'],
    [null, 'เพิ่มเติม ครั้งที่ 1/2567'],
    [1, 'โครงการ ข', 'x', 'y', null, 200, null, 'กองช่าง'],
    [null, null, null, 'รวมงบประมาณ', 100, 200, 0],
    [1, 'โครงการ ค', 'x', 'y', null, null, 50, 'กองช่าง'],
  ]);
  const plan = readPlanSheet(s);
  expect(plan.projects.map((p) => [p.name, p.context.amendment?.text ?? '', p.afterTotal])).toEqual([
    ['โครงการ ก', '', false],
    ['โครงการ ข', 'เพิ่มเติม ครั้งที่ 1/2567', false],
    ['โครงการ ค', 'เพิ่มเติม ครั้งที่ 1/2567', true],
  ]);
  expect(codes(s)).toEqual(['rows-after-total@B15']);
});

test('duplicate projects in one sheet are warned about', () => {
  const s = p02([
    [1, 'ก่อสร้างถนน คสล. หมู่ 3', 'x', 'y', 100, null, null, 'กองช่าง'],
    [2, 'ก่อสร้างถนน  คสล. หมู่ 3', 'x', 'y', 100, null, null, 'กองช่าง'],
  ]);
  expect(codes(s)).toEqual(expect.arrayContaining(['duplicate-project@B12', 'stray-spaces@B12']));
});

test('repeated header blocks and a one-amount layout with a fiscal-year column (tambon plan)', () => {
  const values: V[][] = [
    ['แผนพัฒนาตำบลหนองบัว พ.ศ. 2567 - 2569'],
    ['ประเด็นการพัฒนา: การเกษตร'],
    ['ลำดับ', 'ชื่อโครงการ', 'หมู่ที่', 'งบประมาณ (บาท)', 'ปีงบประมาณ', 'การดำเนินการ', 'หน่วยงานที่ขอรับการสนับสนุน'],
    [1, 'ขุดสระน้ำ', '๓', '๒๐๐,๐๐๐', '๒๕๖๗', 'ขอรับการสนับสนุน', 'ชลประทาน'],
    [2, 'อบรมปุ๋ยหมัก', '4', 30000, 2568, 'ดำเนินการเอง', ''],
    ['ประเด็นการพัฒนา: สังคม'],
    ['ลำดับ', 'ชื่อโครงการ', 'หมู่ที่', 'งบประมาณ (บาท)', 'ปีงบประมาณ', 'การดำเนินการ', 'หน่วยงานที่ขอรับการสนับสนุน'],
    [1, 'ศูนย์ดูแลผู้สูงอายุ', '5', 500000, 2575, 'ขอรับการสนับสนุน', 'พมจ.'],
  ];
  const s = sheetFromValues('x', values);
  const plan = readPlanSheet(s);
  expect(plan.kind).toBe('tambon-plan');
  expect(plan.blocks).toHaveLength(2);
  expect(plan.projects.map((p) => [p.name, p.village, p.budgets[0].year, p.budgets[0].amount, p.context.provincial?.text])).toEqual([
    ['ขุดสระน้ำ', '๓', 2567, 200000, 'ประเด็นการพัฒนา: การเกษตร'],
    ['อบรมปุ๋ยหมัก', '4', 2568, 30000, 'ประเด็นการพัฒนา: การเกษตร'],
    ['ศูนย์ดูแลผู้สูงอายุ', '5', 2575, 500000, 'ประเด็นการพัฒนา: สังคม'],
  ]);
  expect(codes(s)).toEqual(expect.arrayContaining(['year-outside-period@E8', 'budget-as-text@D4']));
});

test('manual column mapping overrides header words', () => {
  const s = p02([[1, 'โครงการ ก', 'x', 'y', 100, 200, 300, 'กองช่าง']]);
  const plan = readPlanSheet(s, { columnMapping: { unit: 'C', 'budget:2566': 'F' } });
  expect(plan.blocks[0].columns.fields.unit).toBe(2);
  expect(plan.projects[0].budgets.find((b) => b.year === 2566)!.amount).toBe(200);
});

test('with a strategy list, an unknown provincial issue is an error and a known one is fine', () => {
  const list = presetById('chiangmai-2566-2570')!.list;
  const bad = p02([[1, 'โครงการ ก', 'x', 'y', 100, null, null, 'กองช่าง']], { link: 'ก. ยุทธศาสตร์จังหวัดที่ 9 อื่น ๆ' });
  const good = p02([[1, 'โครงการ ก', 'x', 'y', 100, null, null, 'กองช่าง']], { link: 'ก. ยุทธศาสตร์จังหวัดที่ ๒ การขับเคลื่อนเกษตร' });
  const r = validateWorkbook({ name: 'a.xlsx', sheets: [bad, { ...good, name: 'แผ่น2' }] }, { strategies: list });
  expect(r.sheets[0].findings.map((f) => `${f.code}@${f.column}${f.row}`)).toContain('link-unknown@A4');
  expect(r.sheets[1].findings.filter((f) => f.code.startsWith('link'))).toEqual([]);
});

test('ผ.01 is checked against the ผ.02 sheets it summarises', () => {
  const summary = sheetFromValues(
    'สรุป',
    [
      ['บัญชีสรุปโครงการพัฒนา'],
      ['แผนพัฒนาท้องถิ่น (พ.ศ.2566 - 2568)'],
      ['ยุทธศาสตร์', 'ปี 2566', null, 'ปี 2567', null, 'ปี 2568', null],
      [null, 'จำนวนโครงการ', 'งบประมาณ (บาท)', 'จำนวนโครงการ', 'งบประมาณ (บาท)', 'จำนวนโครงการ', 'งบประมาณ (บาท)'],
      ['1) ยุทธศาสตร์การพัฒนาโครงสร้างพื้นฐาน'],
      ['  แผนงานเคหะและชุมชน', 1, 100, 1, 999, '-', '-'],
    ],
    [],
    [{ text: 'แบบ ผ.01', row: 0, col: 8 }],
  );
  const detail = p02([[1, 'โครงการ ก', 'x', 'y', 100, 200, null, 'กองช่าง']]);
  const r = validateWorkbook({ name: 'a.xlsx', sheets: [summary, detail] });
  expect(r.sheets[0].kind).toBe('local-plan-summary');
  expect(r.sheets[0].findings.map((f) => `${f.code}@${f.column}${f.row}`)).toEqual(['summary-mismatch@E6']);
});

test('an unknown issue on a ง. line shared by many projects is one finding on that line', () => {
  const list = presetById('chiangmai-2566-2570')!.list;
  const s = p02(
    [
      [1, 'โครงการ ก', 'x', 'y', 100, null, null, 'กองช่าง'],
      [2, 'โครงการ ข', 'x', 'y', 100, null, null, 'กองช่าง'],
    ],
    { link: 'ก. ยุทธศาสตร์จังหวัดที่ 9 อื่น ๆ' },
  );
  const r = validateWorkbook({ name: 'a.xlsx', sheets: [s] }, { strategies: list });
  expect(r.sheets[0].findings.filter((f) => f.code === 'link-unknown')).toHaveLength(1);
});

test('year headers written as "งบประมาณ 2567" or "พ.ศ. ๒๕๖๘" are budget years', () => {
  const s = sheetFromValues('x', [
    ['แผนพัฒนาหมู่บ้าน บ้านหนองบัว หมู่ที่ 3'],
    ['ที่', 'โครงการ', 'งบประมาณ 2567', 'พ.ศ. ๒๕๖๘', 'หน่วยดำเนินการ'],
    [1, 'ขุดลอกคลอง', 10000, '-', 'อบต.'],
  ]);
  const plan = readPlanSheet(s);
  expect(plan.kind).toBe('village-plan');
  expect(plan.blocks[0].columns.budgetYears).toEqual([
    { year: 2567, col: 2 },
    { year: 2568, col: 3 },
  ]);
});

test('project rows that start with header words are not taken for a new header', () => {
  const s = sheetFromValues('x', [
    ['แผนพัฒนาหมู่บ้าน บ้านหนองบัว'],
    ['ที่', 'โครงการ', 'หมู่ที่', 'ตำบล', 'งบประมาณ 2567'],
    [1, 'โครงการขุดลอกคลอง', 'หมู่ที่ 3', 'ตำบลหนองบัว', 10000],
    [2, 'โครงการถนน คสล.', 'หมู่ที่ 4', 'ตำบลหนองบัว', 20000],
    [3, 'โครงการประปา', 'หมู่ที่ 5', 'ตำบลหนองบัว', 30000],
  ]);
  const plan = readPlanSheet(s);
  expect(plan.blocks).toHaveLength(1);
  expect(plan.projects.map((p) => p.row + 1)).toEqual([3, 4, 5]);
});

test('"งบประมาณและที่ผ่านมา" is the older forms\' budget heading; "ที่ผ่านมา" alone is past spending', () => {
  const s = sheetFromValues(
    'x',
    [
      ['รายละเอียดโครงการพัฒนา'],
      ['ที่', 'โครงการ', 'วัตถุประสงค์', 'งบประมาณและที่ผ่านมา', null, 'งบที่ผ่านมา', 'หน่วยงานรับผิดชอบหลัก'],
      [null, null, null, '2561 (บาท)', '2562 (บาท)', '2560 (บาท)'],
      [1, 'ถนน', 'สัญจร', 100, 200, 999, 'กองช่าง'],
    ],
    [{ r1: 1, c1: 3, r2: 1, c2: 4 }],
  );
  expect(readPlanSheet(s).blocks[0].columns.budgetYears).toEqual([
    { year: 2561, col: 3 },
    { year: 2562, col: 4 },
  ]);
});

test('subtotals count their own section; a grand total counts everything; "รวมกลุ่ม…" is a project', () => {
  const s = p02([
    [1, 'โครงการ ก', 'x', 'y', 10, null, null, 'กองช่าง'],
    [2, 'โครงการ ข', 'x', 'y', 10, null, null, 'กองช่าง'],
    [null, null, null, 'รวม', 20, 0, 0],
    [3, 'รวมกลุ่มอาชีพสตรี', 'x', 'y', 5, null, null, 'กองช่าง'],
    [null, null, null, 'รวม', 5, 0, 0],
    [null, null, null, 'รวมทั้งสิ้น', 25, 0, 0],
  ]);
  const plan = readPlanSheet(s);
  expect(plan.projects.map((p) => p.name)).toEqual(['โครงการ ก', 'โครงการ ข', 'รวมกลุ่มอาชีพสตรี']);
  expect(plan.projects.every((p) => !p.afterTotal)).toBe(true);
  expect(codes(s)).toEqual([]);
});

test('amounts written "500,000.-" are numbers; a one-amount row without a year is pointed out', () => {
  const s = p02([[1, 'ถนน', 'x', 'y', '500,000.-', '๒๐,๐๐๐.- บาท', null, 'กองช่าง']]);
  const plan = readPlanSheet(s);
  expect(plan.projects[0].budgets.map((b) => b.amount)).toEqual([500000, 20000, 0]);
  expect(codes(s).filter((c) => c.startsWith('budget-not-number'))).toEqual([]);
  const t = sheetFromValues('t', [
    ['แผนพัฒนาตำบลหนองบัว พ.ศ. 2567 - 2569'],
    ['ลำดับ', 'ชื่อโครงการ', 'หมู่ที่', 'งบประมาณ (บาท)', 'ปีงบประมาณ', 'การดำเนินการ'],
    [1, 'ขุดสระน้ำ', '3', 200000, '', 'ขอรับการสนับสนุน'],
  ]);
  expect(codes(t)).toContain('year-missing@E3');
  expect(codes(t)).not.toContain('year-outside-period@E3');
});

test('ผ.01 against a ผ.02 sheet that holds two แผนงาน: each line checked against its own projects', () => {
  const summary = sheetFromValues(
    'สรุป',
    [
      ['บัญชีสรุปโครงการพัฒนา'],
      ['ยุทธศาสตร์', 'ปี 2566', null, 'ปี 2567', null],
      [null, 'จำนวนโครงการ', 'งบประมาณ (บาท)', 'จำนวนโครงการ', 'งบประมาณ (บาท)'],
      ['1) ยุทธศาสตร์การพัฒนาโครงสร้างพื้นฐาน'],
      ['  แผนงานเคหะและชุมชน', 1, 100, '-', '-'],
      ['  แผนงานการเกษตร', 1, 50, '-', '-'],
    ],
    [],
    [{ text: 'แบบ ผ.01', row: 0, col: 8 }],
  );
  const detail = p02([
    [1, 'ถนน', 'x', 'y', 100, null, null, 'กองช่าง'],
    [null, '    1.2 แผนงานการเกษตร'],
    [1, 'ฝาย', 'x', 'y', 50, null, null, 'กองช่าง'],
  ]);
  const r = validateWorkbook({ name: 'a.xlsx', sheets: [summary, detail] });
  expect(r.sheets[0].findings).toEqual([]);
});
