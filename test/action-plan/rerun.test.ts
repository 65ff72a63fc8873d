/**
 * Re-running the action plan onto the one already written keeps the officer's work (issue 26): the
 * officer's columns (ผู้รับผิดชอบ, ผลการดำเนินงาน) and lines typed into หมายเหตุ stay on their rows — found by ที่มา, else by
 * name and place when a file was sent again with a row inserted — rows the officer added by hand stay in
 * the plan and its totals, and rows no input gives any more are listed on their own sheet with what the
 * officer wrote. On .xlsx files as OnePlan writes them and an officer edits them.
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  actionPlanJson,
  ActionPlanJsonSchema,
  actionPlanWorkbook,
  buildActionPlan,
  readPreviousActionPlan,
  ACTION_VANISHED_SHEET as VANISHED_SHEET,
} from '../../src/engine/action-plan';
import * as needsTable from '../../src/engine/consolidate/table';
import { validateWorkbook } from '../../src/engine/validate';
import { main, type Io } from '../../src/cli/oneplan';
import { readWorkbookFile } from '../../src/node/files';
import { writeXlsx } from '../../src/xlsx/write';
import { previousActionPlan } from '../../src/taskpane/action-plan/useActionPlan';
import { fakeHost } from '../taskpane/fakeHost';
import { roundTrip } from '../roundtrip/fixtures';
import { toOutWorkbook } from '../consolidate/fixtures';
import { actionPlanInputs, AMPHOE, districtList, KASET, nadiPlan, nongbuaOrdinance, nongbuaPlan, provinceList, YOTHA } from './fixtures';

import {
  ADDED,
  CHECKED,
  DISTRICT,
  DRAIN,
  FY,
  NURSERY,
  REPAVE,
  ROAD,
  cell,
  editedPlan,
  inputsOf,
  insertRow,
  laterInputs,
  rowOf,
} from './edited';

describe('a re-run onto the edited plan', () => {
  const previous = readPreviousActionPlan(editedPlan())!;
  const plan = buildActionPlan(inputsOf(laterInputs()), { fiscalYear: FY, district: DISTRICT, previous });
  const row = (name: string) => plan.rows.find((r) => r.name.startsWith(name))!;

  test('the previous plan is read back by its headers, with the officer’s row', () => {
    expect(previous).toMatchObject({ sheet: 'แผนปฏิบัติการอำเภอ', fiscalYear: 2569 });
    expect(previous.rows).toHaveLength(12);
    expect(previous.rows.find((r) => r.name === ADDED)).toMatchObject({
      source: '',
      agency: AMPHOE,
      side: 'agency',
      amount: 300_000,
      tambon: 'หนองบัว',
    });
  });

  test('kept, new, added and vanished are counted', () => {
    expect(plan.merge).toMatchObject({ sheet: 'แผนปฏิบัติการอำเภอ', kept: 10, new: 1, added: 1 });
    expect(plan.merge!.vanished.map((v) => [v.name, v.officer.progress])).toEqual([[DRAIN, 'ตรวจรับงานแล้ว']]);
  });

  test('the officer’s columns stay on their rows, as written (Thai digits, line breaks)', () => {
    expect(row(ROAD)).toMatchObject({
      status: 'kept',
      officer: { responsible: 'นายช่างโยธา สมชาย ใจดี', progress: 'ลงนามสัญญาแล้ว ๑๕ ม.ค. ๒๕๖๙\nเริ่มงาน ๑ มี.ค. ๒๕๖๙' },
    });
    // Its row moved down in the province's list (ที่มา changed): found by name and place.
    expect(row(REPAVE)).toMatchObject({ status: 'kept', src: { row: 12 }, officer: { progress: 'อยู่ระหว่างจัดซื้อจัดจ้าง' } });
    expect(row(NURSERY)).toMatchObject({ status: 'new', agency: KASET });
    expect(row(NURSERY).officer).toBeUndefined();
    expect(plan.rows.some((r) => r.name.startsWith(DRAIN))).toBe(false);
  });

  test('the row the officer added stays in its group and its totals', () => {
    expect(row(ADDED)).toMatchObject({
      status: 'added',
      source: 'officer',
      agency: AMPHOE,
      amount: 300_000,
      officer: { responsible: 'ปลัดอำเภอฝ่ายบริหารงานปกครอง' },
    });
    expect(plan.groups.find((g) => g.agency === AMPHOE)).toMatchObject({ count: 3, total: 500_000 });
    expect(plan.groups.find((g) => g.agency === YOTHA)!.count).toBe(2);
    expect(plan.total).toBe(13_910_000 + 200_000 + 300_000 - 450_000);
  });

  test('written: the officer’s cells in their columns, the added row without ที่มา, the vanished row on its sheet, validate clean', () => {
    const wb = roundTrip(actionPlanWorkbook(plan), 'แผนปฏิบัติการ-2569.xlsx');
    const s = wb.sheets[0];
    expect(cell(s, ROAD, 'ผลการดำเนินงาน')).toBe('ลงนามสัญญาแล้ว ๑๕ ม.ค. ๒๕๖๙\nเริ่มงาน ๑ มี.ค. ๒๕๖๙');
    expect(cell(s, ADDED, 'ที่มา (ไฟล์ / ชีต / แถว)')).toBe('');
    expect(cell(s, ADDED, 'แหล่งข้อมูล')).toBe('อำเภอเพิ่มเอง');
    expect(cell(s, NURSERY, 'หมายเหตุ')).toContain('ใหม่');
    // What the officer typed in หมายเหตุ stays, once, under OnePlan's remark written afresh.
    const remark = cell(s, ROAD, 'หมายเหตุ').split('\n');
    expect(remark.filter((l) => l === CHECKED)).toHaveLength(1);
    expect(remark.filter((l) => /กับที่ \d+ \(องค์การบริหารส่วนตำบลนาดี\)/.test(l))).toHaveLength(1);
    const v = wb.sheets.find((x) => x.name === VANISHED_SHEET)!;
    // In Excel the plan is written into the workbook that may hold the needs table: none of its sheets
    // may take the name of one of the needs table's (its gone list, its sources).
    const needsSheets = Object.entries(needsTable).flatMap(([k, name]) => (k.endsWith('_SHEET') && typeof name === 'string' ? [name] : []));
    expect(needsSheets).toEqual(expect.arrayContaining(['ไม่มีในรอบนี้', 'แหล่งข้อมูล', 'โครงการซ้ำ']));
    expect(wb.sheets.map((x) => x.name).filter((n) => needsSheets.includes(n))).toEqual([]);
    expect(v.rows.some((r) => r?.[1]?.w === DRAIN && r.some((c) => c?.w === 'ตรวจรับงานแล้ว'))).toBe(true);
    expect(
      validateWorkbook(wb).sheets.flatMap((x) => x.findings.filter((f) => f.severity === 'error').map((f) => `${x.name}: ${f.code}`)),
    ).toEqual([]);

    // Once more with the same inputs: nothing new, the officer's row still there, the gone row still listed.
    const again = buildActionPlan(inputsOf(laterInputs()), { fiscalYear: FY, district: DISTRICT, previous: readPreviousActionPlan(wb) });
    expect(again.merge).toMatchObject({ kept: 11, new: 0, added: 1 });
    expect(again.merge!.vanished.map((x) => [x.name, x.sheet, x.officer.progress])).toEqual([[DRAIN, VANISHED_SHEET, 'ตรวจรับงานแล้ว']]);
    expect(again.rows.find((r) => r.name === ADDED)?.officer?.responsible).toBe('ปลัดอำเภอฝ่ายบริหารงานปกครอง');
    expect(again.rows.find((r) => r.name.startsWith(ROAD))?.note.split('\n')).toEqual([CHECKED]);

    // อบต.นาดี funds the drain again: it comes back with what the officer wrote on it.
    const back = buildActionPlan(inputsOf(actionPlanInputs()), {
      fiscalYear: FY,
      district: DISTRICT,
      previous: readPreviousActionPlan(roundTrip(actionPlanWorkbook(again), 'แผนปฏิบัติการ-2569.xlsx')),
    });
    expect(back.rows.find((r) => r.name === DRAIN)).toMatchObject({ status: 'kept', officer: { progress: 'ตรวจรับงานแล้ว' } });
    // The province's list as first sent has no nursery: that one is listed as gone now.
    expect(back.merge?.vanished.map((x) => x.name)).toEqual([NURSERY]);
  });

  test('a gone list left over in an Excel workbook (its row back in the plan) lists nothing twice', () => {
    const stale = { ...previous, gone: previous.rows.filter((r) => r.name.startsWith(ROAD)).map((r) => ({ ...r, sheet: VANISHED_SHEET })) };
    const again = buildActionPlan(inputsOf(laterInputs()), { fiscalYear: FY, district: DISTRICT, previous: stale });
    expect(again.merge).toMatchObject({ kept: 10, new: 1, added: 1 });
    expect(again.merge!.vanished.map((v) => v.name)).toEqual([DRAIN]);
  });

  test('an input that later gives the officer’s added row takes its place (one row, not two)', () => {
    const district = districtList();
    const s = district.sheets[0];
    insertRow(s, s.rows.length, [3, ADDED, 300000, 'หนองบัว', null, AMPHOE]);
    const withIt = buildActionPlan(inputsOf([provinceList(), district, nadiPlan(), nongbuaPlan(), nongbuaOrdinance()]), {
      fiscalYear: FY,
      district: DISTRICT,
      previous,
    });
    const rows = withIt.rows.filter((r) => r.name === ADDED);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'kept', officer: { responsible: 'ปลัดอำเภอฝ่ายบริหารงานปกครอง' } });
    expect(withIt.merge?.added).toBe(0);
  });

  test('--json: merge and the officer’s columns, valid against the schema', () => {
    const json = ActionPlanJsonSchema.parse(actionPlanJson(plan, 'x.xlsx', 'x (สำรอง 1).xlsx'));
    expect(json.merge).toMatchObject({ kept: 10, new: 1, added: 1, vanished: [{ name: DRAIN, officer: { progress: 'ตรวจรับงานแล้ว' } }] });
    expect(json.rows.find((r) => r.name === ADDED)).toMatchObject({ source: 'officer', status: 'added' });
    expect(json.backup).toBe('x (สำรอง 1).xlsx');
    const first = actionPlanJson(buildActionPlan(inputsOf(actionPlanInputs()), { fiscalYear: FY }));
    expect([first.merge, first.rows[0].status, first.rows[0].officer]).toEqual([null, null, { responsible: '', progress: '' }]);
  });
});

test('the pane in Excel merges with the plan of the same year in the workbook; the browser and another year do not', async () => {
  const workbook = editedPlan();
  const { previous: prev } = await previousActionPlan(fakeHost({ excel: true, workbook }), 2569);
  expect(prev?.rows.find((r) => r.name === ADDED)?.officer.responsible).toBe('ปลัดอำเภอฝ่ายบริหารงานปกครอง');
  // Another year's plan is not merged, and the pane will not write over it.
  expect(await previousActionPlan(fakeHost({ excel: true, workbook }), 2570)).toEqual({ otherYear: 2569 });
  expect(await previousActionPlan(fakeHost({ workbook }), 2569)).toEqual({});
});

describe('oneplan action-plan --out onto the plan already there', () => {
  let dir: string;
  let inbox: string;
  const io = () => {
    const o = { out: '', err: '' };
    const i: Io = { out: (s) => void (o.out += s), err: (s) => void (o.err += s) };
    return { o, i };
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'oneplan-action-rerun-'));
    inbox = path.join(dir, 'ได้รับ');
    mkdirSync(inbox);
    for (const wb of laterInputs()) writeFileSync(path.join(inbox, wb.name), writeXlsx(toOutWorkbook(wb)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('merges with the officer’s edits, keeps a backup, says kept/new/added/vanished', async () => {
    const out = path.join(dir, 'แผนปฏิบัติการ-2569.xlsx');
    writeFileSync(out, writeXlsx(toOutWorkbook(editedPlan())));
    const before = readFileSync(out);
    const { o, i } = io();
    expect(await main(['action-plan', inbox, '--fiscal-year', '2569', '--district', DISTRICT, '--out', out, '--json'], i)).toBe(0);
    const json = ActionPlanJsonSchema.parse(JSON.parse(o.out));
    const backup = path.join(dir, 'แผนปฏิบัติการ-2569 (สำรอง 1).xlsx');
    expect(json).toMatchObject({ backup, merge: { kept: 10, new: 1, added: 1, vanished: [{ name: DRAIN }] } });
    expect(readFileSync(backup).equals(before)).toBe(true);
    const s = (await readWorkbookFile(out)).sheets[0];
    expect(cell(s, ROAD, 'ผู้รับผิดชอบ')).toBe('นายช่างโยธา สมชาย ใจดี');
    expect(rowOf(s, ADDED)).toBeGreaterThan(0);

    const text = io();
    expect(await main(['action-plan', inbox, '--fiscal-year', '2569', '--district', DISTRICT, '--out', out], text.i)).toBe(0);
    expect(text.o.out).toContain(
      'รวมกับแผนเดิม: คงผู้รับผิดชอบ/ผลการดำเนินงาน/หมายเหตุไว้ 11 โครงการ, ใหม่ 0, อำเภอเพิ่มเอง 1, หายไป 1 (ดูชีต "แผนปฏิบัติการที่ไม่มีในรอบนี้")',
    );
    expect(existsSync(path.join(dir, 'แผนปฏิบัติการ-2569 (สำรอง 2).xlsx'))).toBe(true);
  });

  test('an --out that is not an action plan, or is another year’s: exit 2, left as it was, no backup', async () => {
    const other = path.join(dir, 'อื่น.xlsx');
    writeFileSync(other, writeXlsx(toOutWorkbook(provinceList())));
    const { o, i } = io();
    expect(await main(['action-plan', inbox, '--fiscal-year', '2569', '--out', other], i)).toBe(2);
    expect(o.err).toContain('is not an action plan OnePlan made');
    expect(existsSync(path.join(dir, 'อื่น (สำรอง 1).xlsx'))).toBe(false);

    const plan2568 = path.join(dir, 'แผน-2568.xlsx');
    writeFileSync(plan2568, writeXlsx(toOutWorkbook(editedPlan())));
    const r = io();
    expect(await main(['action-plan', inbox, '--fiscal-year', '2570', '--out', plan2568], r.i)).toBe(2);
    expect(r.o.err).toContain('is the action plan of 2569, not 2570');
    expect(existsSync(path.join(dir, 'แผน-2568 (สำรอง 1).xlsx'))).toBe(false);
  });
});
