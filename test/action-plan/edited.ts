/**
 * The action plan as OnePlan wrote it and the district officer then edited it (officer's columns, a
 * หมายเหตุ line, a row added by hand), and the inputs sent again later: shared by the re-run tests
 * (rerun.test.ts) and the browser pane's (test/browser/action-plan.test.ts).
 */
import { actionPlanWorkbook, buildActionPlan } from '../../src/engine/action-plan';
import type { ConsolidateInput } from '../../src/engine/consolidate/types';
import { makeCell, type SheetModel, type WorkbookModel } from '../../src/engine/model';
import { roundTrip } from '../roundtrip/fixtures';
import { toOutWorkbook } from '../consolidate/fixtures';
import { actionPlanInputs, AMPHOE, districtList, nadiPlan, nongbuaOrdinance, nongbuaPlan, provinceList, THANG } from './fixtures';

export const FY = 2569;
export const DISTRICT = 'อำเภอเมืองนครสวรรค์';
export const ROAD = 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนาดี-บ้านหนองบัว';
export const REPAVE = 'ซ่อมสร้างผิวทางลาดยาง สาย นว.3001';
export const DRAIN = 'ก่อสร้างรางระบายน้ำ หมู่ที่ 1';
export const NURSERY = 'ก่อสร้างโรงเรือนเพาะชำกล้าไม้';
export const ADDED = 'ปรับปรุงภูมิทัศน์หน้าที่ว่าการอำเภอ';
export const CHECKED = 'ตรวจแล้ว ๒ ก.พ. ไม่ซ้ำ (คนละช่วงถนน)';

export const inputsOf = (wbs: WorkbookModel[]): ConsolidateInput[] =>
  wbs.map((workbook) => ({ file: workbook.name, checksum: '', workbook }));

export function headerRow(sheet: SheetModel): number {
  const r = sheet.rows.findIndex((row) => row?.some((c) => c?.w === 'โครงการ/กิจกรรม'));
  if (r < 0) throw new Error('no header');
  return r;
}
export const col = (sheet: SheetModel, header: string): number => sheet.rows[headerRow(sheet)]!.findIndex((c) => c?.w === header);
export const rowOf = (sheet: SheetModel, name: string): number =>
  sheet.rows.findIndex((row) => row?.[col(sheet, 'โครงการ/กิจกรรม')]?.w?.startsWith(name));
export const cell = (sheet: SheetModel, name: string, header: string): string =>
  sheet.rows[rowOf(sheet, name)]?.[col(sheet, header)]?.w ?? '';
export function type(sheet: SheetModel, r: number, header: string, text: string | number): void {
  sheet.rows[r]![col(sheet, header)] = makeCell(text);
}
/** A row inserted as Excel does it: the rows and merges below move down one. */
export function insertRow(sheet: SheetModel, at: number, values: Array<string | number | null>): void {
  sheet.rows.splice(
    at,
    0,
    values.map((v) => makeCell(v)),
  );
  sheet.merges = sheet.merges.map((m) => (m.r1 >= at ? { ...m, r1: m.r1 + 1, r2: m.r2 + 1 } : m.r2 >= at ? { ...m, r2: m.r2 + 1 } : m));
}

/** The plan as written, then edited by the district officer. */
export function editedPlan(): WorkbookModel {
  const wb = roundTrip(
    actionPlanWorkbook(buildActionPlan(inputsOf(actionPlanInputs()), { fiscalYear: FY, district: DISTRICT })),
    'แผนปฏิบัติการ-2569.xlsx',
  );
  const s = wb.sheets[0];
  type(s, rowOf(s, ROAD), 'ผู้รับผิดชอบ', 'นายช่างโยธา สมชาย ใจดี');
  type(s, rowOf(s, ROAD), 'ผลการดำเนินงาน', 'ลงนามสัญญาแล้ว ๑๕ ม.ค. ๒๕๖๙\nเริ่มงาน ๑ มี.ค. ๒๕๖๙');
  type(s, rowOf(s, REPAVE), 'ผลการดำเนินงาน', 'อยู่ระหว่างจัดซื้อจัดจ้าง');
  type(s, rowOf(s, DRAIN), 'ผลการดำเนินงาน', 'ตรวจรับงานแล้ว');
  // The officer types into หมายเหตุ too, under OnePlan's remark that the road may be อบต.นาดี's.
  type(s, rowOf(s, ROAD), 'หมายเหตุ', `${cell(s, ROAD, 'หมายเหตุ')}\n${CHECKED}`);
  // A project the officer adds by hand in the district's own group, above its subtotal (ที่มา blank).
  const amphoeTotal = s.rows.findIndex((row) => row?.[0]?.w?.startsWith(`รวม ${AMPHOE}`));
  const added: Array<string | number | null> = [];
  added[col(s, 'ที่')] = '๑๒';
  added[col(s, 'โครงการ/กิจกรรม')] = ADDED;
  added[col(s, 'ตำบล')] = 'หนองบัว';
  added[col(s, 'งบประมาณ ปี 2569 (บาท)')] = 300000;
  added[col(s, 'ผู้รับผิดชอบ')] = 'ปลัดอำเภอฝ่ายบริหารงานปกครอง';
  insertRow(s, amphoeTotal, added);
  return roundTrip(toOutWorkbook(wb), 'แผนปฏิบัติการ-2569.xlsx');
}

/** The inputs again: the province's list sent again with a project inserted above others, อบต.นาดี's drain no longer funded. */
export function laterInputs(): WorkbookModel[] {
  const province = provinceList();
  const ps = province.sheets[0];
  const thangLine = ps.rows.findIndex((row) => row?.[0]?.w === THANG);
  insertRow(ps, thangLine, ['๕', null, NURSERY, 200000, 'หนองบัว', '๔', null]);
  const nadi = nadiPlan();
  const ns = nadi.sheets[0];
  const drain = ns.rows.findIndex((row) => row?.some((c) => c?.w === DRAIN));
  const at = ns.rows[drain]!.findIndex((c) => c?.v === 450000);
  ns.rows[drain]![at] = makeCell('-');
  return [province, districtList(), nadi, nongbuaPlan(), nongbuaOrdinance()];
}
