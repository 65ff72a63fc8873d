/**
 * District needs workbooks as OnePlan writes them, from real-shaped received workbooks: อำเภอเมือง
 * (the consolidation fixtures) and อำเภอพุนพิน (an อบต.'s ผ.02/2 and its own ผ.02, so one need is kept
 * out of the totals, and one need the two districts both ask for).
 */
import { consolidate, needsWorkbook, type ConsolidateResult } from '../../src/engine/consolidate';
import type { WorkbookModel } from '../../src/engine/model';
import type { OutWorkbook } from '../../src/engine/output';
import { readXlsx } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { allWorkbooks, p02Sheet } from '../consolidate/fixtures';

/** What OnePlan writes, as Excel will read it back. */
export function roundTrip(out: OutWorkbook, name: string): WorkbookModel {
  return readXlsx(writeXlsx(out), name);
}

export function phunphinWorkbooks(): WorkbookModel[] {
  const org = 'องค์การบริหารส่วนตำบลท่าข้าม อำเภอพุนพิน จังหวัดสุราษฎร์ธานี';
  const provincial = 'ง. ยุทธศาสตร์จังหวัดที่ 3 การเชื่อมโยงเส้นทางคมนาคมและศูนย์โลจิสติกส์ภาคใต้ตอนบน';
  const years = [2566, 2567, 2568, 2569, 2570];
  return [
    {
      name: 'อบต.ท่าข้าม.xlsx',
      sheets: [
        p02Sheet({
          name: 'ผ.02',
          beyond: false,
          organisation: org,
          provincial,
          years,
          projects: [
            {
              name: 'ก่อสร้างอาคารอเนกประสงค์ หมู่ที่ 2',
              objective: 'เพื่อใช้จัดกิจกรรมของชุมชน',
              target: 'อาคาร 1 หลัง',
              budgets: ['-', '-', 600000, '-', '-'],
              agency: 'กองช่าง',
            },
          ],
        }),
        p02Sheet({
          name: 'ผ.02-2',
          beyond: true,
          organisation: org,
          provincial,
          years,
          projects: [
            {
              name: 'ก่อสร้างสะพานข้ามคลองท่าข้าม หมู่ที่ 4',
              objective: 'เพื่อการสัญจรข้ามคลอง',
              target: 'สะพาน คสล. ยาว 40 ม.',
              budgets: ['-', 5000000, '-', '-', '-'],
              agency: 'กรมทางหลวงชนบท',
            },
            {
              name: 'ก่อสร้างอาคารอเนกประสงค์ หมู่ที่ 2',
              objective: 'เพื่อใช้จัดกิจกรรมของชุมชน',
              target: 'อาคาร 1 หลัง',
              budgets: ['-', '-', 600000, '-', '-'],
              agency: 'กรมส่งเสริมการปกครองท้องถิ่น',
            },
            // The same dredging อำเภอเมือง asks for (the canal runs along the districts' border).
            {
              name: 'ขุดลอกคลองนาดี หมู่ที่ 5 ตำบลนาดี',
              objective: 'เพื่อแก้ไขปัญหาน้ำท่วม',
              target: 'ยาว 2,000 เมตร',
              budgets: ['-', 800000, '-', '-', '-'],
              agency: 'กรมชลประทาน',
            },
            {
              name: 'ติดตั้งระบบกล้องวงจรปิด หมู่ที่ 1',
              objective: 'เพื่อความปลอดภัย',
              target: '12 จุด',
              budgets: ['-', '-', '-', 450000, '-'],
              agency: 'สำนักงานตำรวจแห่งชาติ',
            },
          ],
        }),
      ],
    },
  ];
}

const inputsOf = (wbs: WorkbookModel[]) => wbs.map((wb) => ({ file: wb.name, checksum: '0'.repeat(64), workbook: wb }));

export interface District {
  name: string;
  result: ConsolidateResult;
  out: OutWorkbook;
  /** The written workbook as read back. */
  workbook: WorkbookModel;
}

export async function districtNeeds(name: string, wbs: WorkbookModel[], file: string): Promise<District> {
  const result = await consolidate(inputsOf(wbs));
  const out = needsWorkbook(result, { district: name });
  return { name, result, out, workbook: roundTrip(out, file) };
}

export const muangDistrict = (): Promise<District> => districtNeeds('เมืองสุราษฎร์ธานี', allWorkbooks(), 'แผนความต้องการ อ.เมือง.xlsx');
export const phunphinDistrict = (): Promise<District> => districtNeeds('พุนพิน', phunphinWorkbooks(), 'แผนความต้องการ อ.พุนพิน.xlsx');

export { inputsOf };
