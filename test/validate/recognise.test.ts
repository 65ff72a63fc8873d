/**
 * Recognition needs evidence: real .xlsx files shaped like what officers also receive (procurement
 * lists, phone lists, e-GP file-read logs, budget exports) are not plans; every sheet says why it is
 * (or is not) a plan form; a file with no plan sheet fails validation instead of passing unchecked.
 */
import { main } from '../../src/cli/oneplan';
import { readPlanSheet } from '../../src/engine/forms/read';
import { KIND_RULES } from '../../src/engine/forms/recognise';
import { fieldOf, yearOfHeader } from '../../src/engine/forms/columns';
import { validateWorkbook } from '../../src/engine/validate';
import { WorkbookReportSchema } from '../../src/engine/findings';
import { consolidate } from '../../src/engine/consolidate';
import type { OutCell } from '../../src/engine/output';
import { readWorkbookBytes } from '../../src/xlsx/open';
import { writeXlsx } from '../../src/xlsx/write';
import { cliIo, tempFiles } from '../reliability/helpers';

type Rows = OutCell[][];
const xlsx = (sheets: Array<{ name: string; rows: Rows }>): Uint8Array => writeXlsx({ sheets });
const read = (bytes: Uint8Array, name = 'x.xlsx') => readWorkbookBytes(bytes, name);

/** A procurement / TOR index, as municipalities publish it (ประเภท holds ซื้อ/จ้าง, not a classification). */
function procurementList(n = 310): Rows {
  const rows: Rows = [
    ['บัญชีรายการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567'],
    ['เทศบาลเมืองตัวอย่าง'],
    ['ลำดับ', 'ประเภท (ซื้อ/จ้าง)', 'ช่วงวงเงิน', 'รหัสโครงการ', 'ชื่อโครงการ', 'วงเงินงบประมาณ (บาท)', 'วิธีจัดหา', 'หน่วยงานที่รับผิดชอบ', 'สถานะ'],
  ];
  for (let i = 1; i <= n; i++)
    rows.push([
      i,
      i % 2 ? 'ซื้อ' : 'จ้าง',
      '100,000 - 500,000',
      `670114${String(i).padStart(5, '0')}`,
      `จัดซื้อวัสดุสำนักงาน รายการที่ ${i}`,
      150000 + i,
      'เฉพาะเจาะจง',
      'กองคลัง',
      'ลงนามสัญญา',
    ]);
  return rows;
}

function phoneList(): Rows {
  return [
    ['ทำเนียบหมายเลขโทรศัพท์ ส่วนราชการอำเภอเมือง'],
    ['ลำดับ', 'ชื่อ-สกุล', 'ตำแหน่ง', 'หน่วยงาน', 'โทรศัพท์'],
    [1, 'นายสมชาย ใจดี', 'ปลัดอำเภอ', 'ที่ทำการปกครองอำเภอ', '055-123456'],
    [2, 'นางสาวสมศรี ดีงาม', 'พัฒนาการอำเภอ', 'สำนักงานพัฒนาชุมชนอำเภอ', '055-654321'],
  ];
}

/** An e-GP file-read log: thousands of codes with a project name and a type column. */
function egpLog(n = 400): Rows {
  const rows: Rows = [['ลำดับ', 'เลขที่โครงการ', 'ชื่อโครงการ', 'ประเภท', 'ชื่อไฟล์', 'วันที่อ่านไฟล์', 'สถานะการอ่าน']];
  for (let i = 1; i <= n; i++)
    rows.push([i, `66${String(i).padStart(9, '0')}`, `โครงการก่อสร้างถนน ${i % 7}`, 'ประกาศ', `tor_${i}.pdf`, '12/01/2567', 'อ่านแล้ว']);
  return rows;
}

/** A budget export (e-LAAS style): programme, project, budget per year, spent, left. */
function budgetExport(): Rows {
  return [
    ['รายงานการใช้จ่ายงบประมาณ'],
    ['รหัสงบประมาณ', 'แผนงาน', 'โครงการ', 'แหล่งงบประมาณ', '2566', '2567', 'เบิกจ่าย', 'คงเหลือ', 'หน่วยงานรับผิดชอบ'],
    ['00111', 'แผนงานบริหารงานทั่วไป', 'ค่าตอบแทนผู้ปฏิบัติราชการ', 'เงินอุดหนุน', 100000, 120000, 80000, 40000, 'สำนักปลัด'],
    ['00112', 'แผนงานเคหะและชุมชน', 'ก่อสร้างรางระบายน้ำ หมู่ที่ 3', 'ข้อบัญญัติ', 500000, 0, 500000, 0, 'กองช่าง'],
  ];
}

/** A ผ.02 exported without its title lines (a CSV-like sheet): the header alone is evidence enough. */
function p02HeaderOnly(): Rows {
  return [
    [
      'ที่',
      'โครงการ',
      'วัตถุประสงค์',
      'เป้าหมาย (ผลผลิตของโครงการ)',
      '2566',
      '2567',
      '2568',
      'ตัวชี้วัด (KPI)',
      'ผลที่คาดว่าจะได้รับ',
      'หน่วยงานรับผิดชอบหลัก',
    ],
    [1, 'ก่อสร้างถนน คสล. หมู่ที่ 3', 'เพื่อการสัญจร', 'ยาว 200 ม.', 500000, '-', '-', 'ร้อยละ 80', 'สัญจรสะดวก', 'กองช่าง'],
  ];
}

test('non-plan workbooks are "other", each with a reason that says what was seen', () => {
  const cases: Array<[string, Rows, RegExp]> = [
    ['procurement', procurementList(), /หัวตารางมี .*ชื่อโครงการ.*แต่ไม่มี/],
    ['phones', phoneList(), /ไม่มีหัวตารางโครงการ/],
    ['egp', egpLog(), /แต่ไม่มีงบประมาณ/],
    ['budget', budgetExport(), /แต่ไม่มีวัตถุประสงค์\/เป้าหมาย/],
  ];
  for (const [name, rows, reason] of cases) {
    const wb = read(xlsx([{ name, rows }]));
    const plan = readPlanSheet(wb.sheets[0]);
    expect([name, plan.kind]).toEqual([name, 'other']);
    expect(plan.kindReason?.th).toMatch(reason);
    expect(plan.kindReason?.en).toMatch(/[a-z]/);
  }
});

test('the procurement list is no tambon plan: no 310 "projects", no missing-budget error, validate fails with no-plan-sheet', () => {
  const wb = read(
    xlsx([
      { name: 'TOR', rows: procurementList() },
      { name: 'โทรศัพท์', rows: phoneList() },
      { name: 'log', rows: egpLog() },
    ]),
    'จัดซื้อ.xlsx',
  );
  const report = validateWorkbook(wb);
  WorkbookReportSchema.parse(report);
  expect(report.ok).toBe(false);
  expect(report.error?.code).toBe('no-plan-sheet');
  expect(report.error?.message).toMatch(/^3 ชีต ไม่มีชีตใดเป็นแบบแผน/);
  expect(report.error?.message).toContain('"TOR"');
  expect(report.error?.messageEn).toMatch(/^3 sheets, none is a plan form/);
  expect(report.sheets.map((s) => [s.kind, s.projects, s.findings.length])).toEqual([
    ['other', 0, 0],
    ['other', 0, 0],
    ['other', 0, 0],
  ]);
  expect(report.sheets.every((s) => s.kindReason && s.kindReasonEn)).toBe(true);
});

test('plans are recognised with their evidence: title line, form code, header words', () => {
  const titled = read(xlsx([{ name: 'x', rows: [['รายละเอียดโครงการพัฒนา'], ['แผนพัฒนาท้องถิ่น (พ.ศ.2566 - 2570)'], ...p02HeaderOnly()] }]));
  const a = readPlanSheet(titled.sheets[0]);
  expect([a.kind, a.kindReason?.th]).toEqual(['local-plan', 'หัวเรื่อง "รายละเอียดโครงการพัฒนา"']);

  const bare = readPlanSheet(read(xlsx([{ name: 'x', rows: p02HeaderOnly() }])).sheets[0]);
  expect(bare.kind).toBe('local-plan');
  expect(bare.kindReason?.th).toMatch(/^หัวตารางแบบ ผ.02: .*วัตถุประสงค์.*งบประมาณรายปี 3 ปี/);

  // Tambon plan without a title: the classification column must hold classification words.
  const tambonRows: Rows = [
    ['ลำดับ', 'ชื่อโครงการ', 'หมู่ที่', 'งบประมาณ (บาท)', 'ปีงบประมาณ', 'การดำเนินการ', 'หน่วยงานที่ขอรับการสนับสนุน'],
    [1, 'ขุดสระน้ำ', '3', 200000, 2567, 'ขอรับการสนับสนุน', 'ชลประทาน'],
    [2, 'อบรมปุ๋ยหมัก', '4', 30000, 2568, 'ดำเนินการเอง', ''],
  ];
  const tambon = readPlanSheet(read(xlsx([{ name: 'x', rows: tambonRows }])).sheets[0]);
  expect([tambon.kind, tambon.kindReason?.th]).toEqual(['tambon-plan', expect.stringContaining('ประเภทการดำเนินการ')]);
  // The same columns with ซื้อ/จ้าง in them: a village plan by its หมู่ที่ column, never a tambon plan by ประเภท.
  const buy = tambonRows.map((r, i) => (i ? r.map((c, j) => (j === 5 ? 'ซื้อ' : c)) : r));
  expect(readPlanSheet(read(xlsx([{ name: 'x', rows: buy }])).sheets[0]).kind).toBe('village-plan');
});

test('each kind rule is small and named; every kind a rule gives is a known kind', () => {
  expect(KIND_RULES.length).toBeGreaterThan(5);
  for (const r of KIND_RULES) expect(typeof r.test).toBe('function');
  expect(new Set(KIND_RULES.map((r) => r.kind))).not.toContain('other');
});

test('CLI: validate of a non-plan workbook exits 1 with no-plan-sheet; consolidate skips it with the reason', async () => {
  const t = tempFiles({ 'จัดซื้อ.xlsx': xlsx([{ name: 'TOR', rows: procurementList(20) }]) });
  try {
    const c = cliIo();
    expect(await main(['validate', t.p('จัดซื้อ.xlsx')], c.io)).toBe(1);
    expect(c.out.join('')).toMatch(/✗ .*จัดซื้อ\.xlsx: 1 ชีต ไม่มีชีตใดเป็นแบบแผน/);
    const j = cliIo();
    expect(await main(['validate', t.p('จัดซื้อ.xlsx'), '--json', '--lang', 'en'], j.io)).toBe(1);
    const out = JSON.parse(j.out.join(''));
    expect(out.files[0]).toMatchObject({ ok: false, error: { code: 'no-plan-sheet' } });
    expect(out.files[0].error.message).toMatch(/^1 sheet, none is a plan form/);
    expect(out.files[0].sheets[0].kindReasonEn).toMatch(/header has/);
  } finally {
    t.cleanup();
  }
  const wb = read(xlsx([{ name: 'TOR', rows: procurementList(20) }]), 'จัดซื้อ.xlsx');
  const r = await consolidate([{ file: 'จัดซื้อ.xlsx', checksum: 'a'.repeat(64), workbook: wb }]);
  expect(r.inputs[0].status).toBe('skipped');
  expect(r.items).toHaveLength(0);
});

describe('header words seen in real plans (shared/reference/plan-forms.md, seeds/)', () => {
  // [header as written, field]; one line per real variant.
  const seen: Array<[string, string]> = [
    ['ที่', 'no'],
    ['ลำดับ', 'no'],
    ['ลำดับที่', 'no'],
    ['โครงการ', 'name'],
    ['ชื่อโครงการ', 'name'],
    ['โครงการ/กิจกรรม', 'name'],
    ['แผนงาน/โครงการ', 'name'],
    ['แผนงาน/โครงการสำคัญ', 'name'],
    ['วัตถุประสงค์', 'objective'],
    ['เป้าหมาย', 'target'],
    ['เป้าหมาย\n(ผลผลิตของโครงการ)', 'target'],
    ['เป้าหมาย (ผลผลิตของครุภัณฑ์)', 'target'],
    ['ปริมาณงาน', 'target'],
    ['หมู่ที่', 'village'],
    ['หมู่บ้าน', 'village'],
    ['ชุมชน', 'village'],
    ['ตำบล', 'tambon'],
    ['อำเภอ', 'district'],
    ['พื้นที่ดำเนินการ', 'location'],
    ['พิกัดทางภูมิศาสตร์', 'location'],
    ['งบประมาณ', 'budget'],
    ['งบประมาณ (บาท)', 'budget'],
    ['งบประมาณและที่ผ่านมา', 'budget'],
    ['แหล่งงบประมาณ', 'fund'],
    ['แหล่งงบ', 'fund'],
    ['ตัวชี้วัด (KPI)', 'kpi'],
    ['ตัวชี้วัด', 'kpi'],
    ['ผลที่คาดว่าจะได้รับ', 'result'],
    ['หน่วยงานรับผิดชอบหลัก', 'unit'],
    ['หน่วยงานที่รับผิดชอบหลัก', 'unit'],
    ['หน่วยดำเนินการ', 'unit'],
    ['หน่วยงานที่จะขอประสาน', 'agency'],
    ['หน่วยงานที่ขอรับการสนับสนุน', 'agency'],
    ['ประเภท', 'class'],
    ['การดำเนินการ', 'class'],
    ['ยุทธศาสตร์จังหวัด', 'link'],
    ['ยุทธศาสตร์การพัฒนาจังหวัด', 'link'],
    ['ประเด็นการพัฒนา', 'link'],
    ['ประเด็นการพัฒนาจังหวัด', 'link'],
    ['ความสอดคล้องกับยุทธศาสตร์จังหวัด', 'link'],
    ['ลำดับความสำคัญ', 'priority'],
    ['แหล่งข้อมูล', 'source'],
  ];
  test.each(seen)('%s → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });
  test.each(['2566', 'พ.ศ. ๒๕๗๑', 'ปี 2567', '2568\n(บาท)'])('year header %s', (h) => {
    expect(yearOfHeader(h)).toBeGreaterThan(2500);
  });
});

test('ผ.02/2 whose last column keeps the heading หน่วยงานรับผิดชอบหลัก: that column is the agency asked', () => {
  const rows: Rows = [
    ['รายละเอียดโครงการพัฒนา'],
    ['แผนพัฒนาท้องถิ่น (พ.ศ.2566 - 2570) เพิ่มเติม ครั้งที่ 1/2567'],
    ['สำหรับ โครงการที่เกินศักยภาพขององค์กรปกครองส่วนท้องถิ่น'],
    ['องค์การบริหารส่วนตำบลแม่ใส'],
    ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', '2566', '2567', '2568', '2569', '2570', 'ตัวชี้วัด', 'ผลที่คาดว่าจะได้รับ', 'หน่วยงานรับผิดชอบหลัก'],
    [1, 'ก่อสร้างถนนลาดยาง สายบ้านแม่ใส', 'เพื่อการสัญจร', 'ยาว 2 กม.', '-', 5000000, '-', '-', '-', 'ร้อยละ 80', 'สัญจรสะดวก', 'อบจ.พะเยา'],
  ];
  const wb = read(xlsx([{ name: 'ผ.02-2', rows }]));
  const plan = readPlanSheet(wb.sheets[0]);
  expect(plan.kind).toBe('local-plan-beyond');
  expect(plan.projects[0].agency).toBe('อบจ.พะเยา');
  const report = validateWorkbook(wb);
  expect(report.ok).toBe(true);
  expect(report.sheets[0].findings.filter((f) => f.field === 'agency' || f.code === 'required-column-missing')).toEqual([]);
  expect(report.sheets[0].columns?.agency).toBe('L');
});
