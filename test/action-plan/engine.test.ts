import { actionPlanWorkbook, buildActionPlan, type ActionPlan } from '../../src/engine/action-plan';
import type { ConsolidateInput } from '../../src/engine/consolidate/types';
import type { WorkbookModel } from '../../src/engine/model';
import { actionPlanInputs, AMPHOE, districtList, KASET, nadiPlan, provinceList, THANG, YOTHA } from './fixtures';

const inputsOf = (wbs: WorkbookModel[]): ConsolidateInput[] => wbs.map((workbook) => ({ file: workbook.name, checksum: '', workbook }));
const build = (wbs = actionPlanInputs(), fiscalYear = 2569): ActionPlan =>
  buildActionPlan(inputsOf(wbs), { fiscalYear, district: 'อำเภอเมืองนครสวรรค์' });

describe('the district action plan of FY 2569', () => {
  const plan = build();
  const group = (agency: string) => plan.groups.find((g) => g.agency === agency);

  test('agencies first, then อปท., with per-agency and per-tambon totals', () => {
    expect(plan.groups.map((g) => [g.side, g.agency, g.count, g.total])).toEqual([
      ['agency', YOTHA, 2, 3_300_000],
      ['agency', KASET, 1, 150_000],
      ['agency', THANG, 1, 5_000_000],
      ['agency', AMPHOE, 2, 200_000],
      ['local', 'องค์การบริหารส่วนตำบลนาดี', 2, 2_950_000],
      ['local', 'เทศบาลตำบลหนองบัว', 3, 2_310_000],
    ]);
    expect(group(YOTHA)!.tambons.map((t) => [t.tambon, t.total])).toEqual([
      ['นาดี', 2_500_000],
      ['หนองบัว', 800_000],
    ]);
    expect(group(AMPHOE)!.tambons.map((t) => [t.tambon, t.total])).toEqual([
      ['นาดี', 120_000],
      ['หนองบัว', 80_000],
    ]);
    expect(plan.total).toBe(13_910_000);
    expect(plan.rows).toHaveLength(11);
  });

  test('rows carry their place, amount and provenance (file, sheet, 1-based row)', () => {
    const road = plan.rows.find((r) => r.agency === YOTHA && r.tambon === 'นาดี')!;
    expect(road).toMatchObject({ village: 3, amount: 2_500_000, source: 'funded-list' });
    expect(road.src).toEqual({ file: 'จังหวัด-โครงการส่วนราชการ-2569.xlsx', sheet: 'บัญชีโครงการ', row: 6 });
    // The agency written on a line of its own above its project.
    expect(plan.rows.find((r) => r.name.startsWith('ซ่อมสร้างผิวทาง'))).toMatchObject({ agency: THANG, tambon: 'หนองบัว', src: { row: 11 } });
    const drain = plan.rows.find((r) => r.name.startsWith('ก่อสร้างรางระบายน้ำ'))!;
    expect(drain).toMatchObject({
      agency: 'องค์การบริหารส่วนตำบลนาดี',
      side: 'local',
      source: 'local-plan',
      amount: 450_000,
      tambon: 'นาดี',
      village: 1,
    });
    expect(drain.src.file).toBe('อบต.นาดี-ผ02.xlsx');
    for (const r of plan.rows) expect(r.src.row).toBeGreaterThan(1);
  });

  test('a project without money in 2569 ("-") is not in the plan', () => {
    expect(plan.rows.some((r) => r.name.startsWith('ติดตั้งไฟฟ้า'))).toBe(false);
    expect(plan.rows.some((r) => r.name.startsWith('อบรมเกษตรกร'))).toBe(false);
  });

  test("an อปท.'s budget ordinance replaces its ผ.02 year column", () => {
    const nongbua = plan.rows.filter((r) => r.agency === 'เทศบาลตำบลหนองบัว');
    expect(nongbua.every((r) => r.source === 'ordinance')).toBe(true);
    expect(nongbua.find((r) => r.name.startsWith('ก่อสร้างอาคาร'))!.amount).toBe(1_450_000);
    const p02 = plan.inputs.find((i) => i.file === 'ทต.หนองบัว-ผ02.xlsx')!;
    expect(p02.status).toBe('skipped');
    expect(p02.sheets[0]).toMatchObject({ source: 'local-plan', taken: 0, note: expect.stringContaining('ข้อบัญญัติ') });
  });

  test('the same project funded by an agency and listed by an อปท. is reported', () => {
    const pairs = plan.duplicates.map((d) => [plan.rows[d.a].agency, plan.rows[d.b].agency, plan.rows[d.a].tambon, d.acrossSides]);
    expect(pairs).toEqual([
      [YOTHA, 'องค์การบริหารส่วนตำบลนาดี', 'นาดี', true],
      [YOTHA, 'เทศบาลตำบลหนองบัว', 'หนองบัว', true],
    ]);
  });

  test('another fiscal year takes other amounts; a list of 2569 is left out of 2570', () => {
    const p = build(actionPlanInputs(), 2570);
    expect(p.rows.map((r) => [r.agency, r.amount])).toEqual([['องค์การบริหารส่วนตำบลนาดี', 200_000]]);
    const province = p.inputs[0].sheets[0];
    expect(province).toMatchObject({ taken: 0, note: 'เป็นของปีงบประมาณ 2569 ไม่ใช่ปี 2570' });
  });

  test('a budget that is not a number is named by file, sheet and cell; the rest goes on', () => {
    const wb = districtList();
    const cell = wb.sheets[0].rows[3]![2]!;
    Object.assign(cell, { v: 'รอจัดสรร', t: 's', w: 'รอจัดสรร' });
    const p = build([wb]);
    expect(p.problems).toEqual([expect.objectContaining({ file: 'อำเภอ-โครงการ-2569.xlsx', sheet: 'Sheet1', cell: 'C4' })]);
    expect(p.problems[0].message).toContain('รอจัดสรร');
    expect(p.rows.map((r) => r.amount)).toEqual([120_000]);
  });

  test('a file that could not be read is reported and the others are taken', () => {
    const p = buildActionPlan(
      [
        { file: 'เสีย.xlsx', checksum: '', error: { code: 'read-failed', message: 'อ่านไม่ได้', messageEn: 'unreadable' } },
        ...inputsOf([districtList()]),
      ],
      { fiscalYear: 2569 },
    );
    expect(p.inputs[0].status).toBe('failed');
    expect(p.rows).toHaveLength(2);
  });
});

test('a row that may be one project with many others names three in its remark and counts the rest', () => {
  const copies = [1, 2, 3, 4, 5].map((k) => ({ ...nadiPlan(), name: `อบต.นาดี-${k}.xlsx` }));
  const p = build([provinceList(), ...copies]);
  const road = p.rows.findIndex((r) => r.agency === YOTHA && r.tambon === 'นาดี');
  expect(p.duplicates.filter((d) => d.a === road || d.b === road)).toHaveLength(5);
  // Two อปท. each budget their own money: their rows are not paired with each other.
  expect(p.duplicates.every((d) => d.acrossSides)).toBe(true);
  const sheet = actionPlanWorkbook(p).sheets[0];
  const cells = sheet.rows.find((r) => r.some((c) => typeof c === 'object' && c?.value === road + 1))!;
  const remark = String((cells[7] as { value: unknown }).value);
  expect(remark.split('\n')).toHaveLength(4);
  expect(remark).toContain('และอีก 2 รายการ');
});
