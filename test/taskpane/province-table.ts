/**
 * A province's needs table as OnePlan writes it from two districts' tables (อำเภอเมือง and อำเภอพุนพิน,
 * test/roundtrip/fixtures.ts), read back as Excel would, with the province officer's decisions typed
 * into ผลการพิจารณาของจังหวัด on one need of each district (Thai digits, as officers type them).
 */
import { consolidate, needsWorkbook } from '../../src/engine/consolidate';
import { makeCell, type SheetModel, type WorkbookModel } from '../../src/engine/model';
import { muangDistrict, phunphinDistrict, roundTrip } from '../roundtrip/fixtures';

export const DECISION = 'ผลการพิจารณาของจังหวัด';

/** The column of a header in the table's header rows (line breaks in headers read as spaces). */
export function headerCol(sheet: SheetModel, header: string): number {
  for (let r = 0; r < 10; r++) {
    const c = (sheet.rows[r] ?? []).findIndex((x) => x?.w?.replace(/\s+/g, ' ') === header);
    if (c >= 0) return c;
  }
  throw new Error(`no header ${header}`);
}

export interface DecidedTable {
  workbook: WorkbookModel;
  /** need name → [its district as the table writes it, the decision typed on it] */
  decisions: Array<{ name: string; district: string; decision: string }>;
}

export async function decidedProvinceTable(): Promise<DecidedTable> {
  const [muang, phunphin] = [await muangDistrict(), await phunphinDistrict()];
  const province = await consolidate(
    [
      { file: 'แผนความต้องการ อ.เมือง.xlsx', checksum: '1'.repeat(64), workbook: muang.workbook },
      { file: 'แผนความต้องการ อ.พุนพิน.xlsx', checksum: '2'.repeat(64), workbook: phunphin.workbook },
    ],
    { province: 'สุราษฎร์ธานี' },
  );
  const wb = roundTrip(needsWorkbook(province, { province: 'สุราษฎร์ธานี' }), 'แผนความต้องการจังหวัดสุราษฎร์ธานี.xlsx');
  const s = wb.sheets[0];
  const nameCol = headerCol(s, 'โครงการ');
  const districtCol = headerCol(s, 'อำเภอ');
  const decisions = [
    { name: muang.result.items[0].name, district: 'เมือง', decision: 'ได้รับงบประมาณ ๒,๕๐๐,๐๐๐ บาท ปี ๒๕๖๘' },
    { name: phunphin.result.items[0].name, district: 'พุนพิน', decision: 'อบจ. รับพิจารณา' },
  ];
  for (const d of decisions) {
    const r = s.rows.findIndex((row) => row?.[nameCol]?.w === d.name && (row?.[districtCol]?.w ?? '').includes(d.district));
    if (r < 0) throw new Error(`no row ${d.name}`);
    s.rows[r]![headerCol(s, DECISION)] = makeCell(d.decision);
  }
  return { workbook: wb, decisions };
}
