/**
 * Real-shaped inputs of a district's annual action plan, FY 2569 (อำเภอเมืองนครสวรรค์, tambons นาดี
 * and หนองบัว): the province's list of agencies' funded projects (merged two-row header, agency cells
 * merged down, an agency line of its own, Thai digits, a "-"), the district's own list, two อปท.'
 * ผ.02 with year columns 2568–2570, and เทศบาลตำบลหนองบัว's budget ordinance (เทศบัญญัติ).
 *
 * Expected (2569):
 *   agencies 8,650,000: โยธาธิการ 2,500,000 (นาดี) + 800,000 (หนองบัว); เกษตร 150,000 (นาดี; its "-" row
 *     is not funded); ทางหลวงชนบท 5,000,000 (หนองบัว); ที่ทำการปกครองอำเภอ 120,000 (นาดี) + 80,000 (หนองบัว)
 *   อปท. 5,260,000: อบต.นาดี 2,500,000 + 450,000 (its ไฟฟ้า has "-" in 2569); ทต.หนองบัว's เทศบัญญัติ
 *     1,450,000 + 800,000 + 60,000 (its ผ.02 is set aside: the ordinance was given)
 *   total 13,910,000 in 11 rows; duplicates: the นาดี road (โยธาธิการ / อบต.นาดี), the หนองบัว canal
 *     (โยธาธิการ / ทต.หนองบัว)
 */
import { sheetFromValues, type Range, type WorkbookModel } from '../../src/engine/model';
import { p02Sheet } from '../consolidate/fixtures';

type V = string | number | null;

/** A sheet from rows, with the number cells shown with thousands separators as Excel shows them. */
function sheet(name: string, rows: V[][], merges: Range[]) {
  const texts = rows.map((row) => row.map((v) => (typeof v === 'number' && v >= 10000 ? v.toLocaleString('en-US') : undefined)));
  return sheetFromValues(name, rows, merges, [], texts);
}

export const YOTHA = 'สำนักงานโยธาธิการและผังเมืองจังหวัดนครสวรรค์';
export const KASET = 'สำนักงานเกษตรจังหวัดนครสวรรค์';
export const THANG = 'แขวงทางหลวงชนบทนครสวรรค์';
export const AMPHOE = 'ที่ทำการปกครองอำเภอเมืองนครสวรรค์';

/** The province's letter: agencies' funded projects in the district. */
export function provinceList(): WorkbookModel {
  const rows: V[][] = [
    ['บัญชีแผนงาน/โครงการของส่วนราชการที่ได้รับการจัดสรรงบประมาณ ดำเนินการในพื้นที่อำเภอเมืองนครสวรรค์'],
    ['ประจำปีงบประมาณ พ.ศ. ๒๕๖๙'],
    [],
    ['ที่', 'ส่วนราชการ/หน่วยงาน', 'โครงการ', 'งบประมาณ (บาท)', 'สถานที่ดำเนินการ', null, 'หมายเหตุ'],
    [null, null, null, null, 'ตำบล', 'หมู่ที่', null],
    ['๑', YOTHA, 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนาดี-บ้านหนองบัว', '๒,๕๐๐,๐๐๐', 'นาดี', '๓', null],
    ['๒', null, 'ขุดลอกคลองส่งน้ำ', 800000, 'หนองบัว', '๕', null],
    ['๓', KASET, 'ส่งเสริมการปลูกพืชหลังนา', 150000, 'นาดี', '๑', null],
    ['๔', null, 'อบรมเกษตรกรการใช้สารเคมีอย่างปลอดภัย', '-', 'หนองบัว', '๒', 'รอจัดสรรงวดที่ ๒'],
    [THANG],
    ['๕', null, 'ซ่อมสร้างผิวทางลาดยาง สาย นว.3001', 5000000, 'หนองบัว', '-', null],
    [null, null, 'รวมทั้งสิ้น', 8450000, null, null, null],
  ];
  const merges: Range[] = [
    { r1: 0, c1: 0, r2: 0, c2: 6 },
    { r1: 1, c1: 0, r2: 1, c2: 6 },
    ...[0, 1, 2, 3, 6].map((c) => ({ r1: 3, c1: c, r2: 4, c2: c })),
    { r1: 3, c1: 4, r2: 3, c2: 5 },
    { r1: 5, c1: 1, r2: 6, c2: 1 },
    { r1: 7, c1: 1, r2: 8, c2: 1 },
    { r1: 9, c1: 0, r2: 9, c2: 6 },
  ];
  return { name: 'จังหวัด-โครงการส่วนราชการ-2569.xlsx', sheets: [sheet('บัญชีโครงการ', rows, merges)] };
}

/** The district's own funded projects (a responsible-unit column). */
export function districtList(): WorkbookModel {
  const rows: V[][] = [
    ['โครงการของอำเภอเมืองนครสวรรค์ที่ได้รับงบประมาณ ประจำปีงบประมาณ พ.ศ. 2569'],
    ['ที่', 'โครงการ', 'งบประมาณ (บาท)', 'ตำบล', 'หมู่ที่', 'หน่วยงานที่รับผิดชอบ'],
    [1, 'อำเภอเคลื่อนที่ บำบัดทุกข์ บำรุงสุข', 120000, 'นาดี', 2, AMPHOE],
    [2, 'ฝึกอบรมชุดรักษาความปลอดภัยหมู่บ้าน (ชรบ.)', 80000, 'หนองบัว', 4, AMPHOE],
  ];
  return { name: 'อำเภอ-โครงการ-2569.xlsx', sheets: [sheet('Sheet1', rows, [{ r1: 0, c1: 0, r2: 0, c2: 5 }])] };
}

const PROVINCIAL = 'ง. ยุทธศาสตร์การพัฒนาจังหวัดที่ 1 การพัฒนาโครงสร้างพื้นฐาน';
const YEARS = [2568, 2569, 2570];

/** อบต.นาดี's ผ.02, 2568–2570. */
export function nadiPlan(): WorkbookModel {
  return {
    name: 'อบต.นาดี-ผ02.xlsx',
    sheets: [
      p02Sheet({
        name: 'ผ.02',
        beyond: false,
        organisation: 'องค์การบริหารส่วนตำบลนาดี อำเภอเมืองนครสวรรค์ จังหวัดนครสวรรค์',
        provincial: PROVINCIAL,
        years: YEARS,
        projects: [
          {
            name: 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนาดี-บ้านหนองบัว หมู่ที่ 3',
            objective: 'เพื่อการคมนาคมสะดวก',
            target: 'ถนนกว้าง 5 เมตร ยาว 1,000 เมตร',
            budgets: ['-', '๒,๕๐๐,๐๐๐', '-'],
            agency: 'กองช่าง',
          },
          { name: 'ก่อสร้างรางระบายน้ำ หมู่ที่ 1', objective: 'ระบายน้ำ', target: 'ยาว 300 เมตร', budgets: [300000, 450000, 0], agency: 'กองช่าง' },
          { name: 'ติดตั้งไฟฟ้าส่องสว่าง หมู่ที่ 2', objective: 'ความปลอดภัย', target: '20 จุด', budgets: [200000, '-', 200000], agency: 'กองช่าง' },
        ],
      }),
    ],
  };
}

/** เทศบาลตำบลหนองบัว's ผ.02, 2568–2570 (its ordinance is given too). */
export function nongbuaPlan(): WorkbookModel {
  return {
    name: 'ทต.หนองบัว-ผ02.xlsx',
    sheets: [
      p02Sheet({
        name: 'ผ.02',
        beyond: false,
        organisation: 'เทศบาลตำบลหนองบัว อำเภอเมืองนครสวรรค์ จังหวัดนครสวรรค์',
        provincial: PROVINCIAL,
        years: YEARS,
        projects: [
          { name: 'ก่อสร้างอาคารอเนกประสงค์ หมู่ที่ 4', objective: 'ที่ประชุม', target: '1 หลัง', budgets: [0, 1500000, 0], agency: 'กองช่าง' },
          { name: 'ขุดลอกคลองส่งน้ำ หมู่ที่ 5', objective: 'การเกษตร', target: 'ยาว 2 กม.', budgets: [0, 800000, 0], agency: 'กองช่าง' },
        ],
      }),
    ],
  };
}

/** เทศบาลตำบลหนองบัว's budget ordinance for 2569. */
export function nongbuaOrdinance(): WorkbookModel {
  const rows: V[][] = [
    ['เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. ๒๕๖๙'],
    ['เทศบาลตำบลหนองบัว อำเภอเมืองนครสวรรค์ จังหวัดนครสวรรค์'],
    ['ที่', 'แผนงาน', 'โครงการ', 'หมู่ที่', 'งบประมาณ (บาท)', 'หมายเหตุ'],
    [1, 'แผนงานเคหะและชุมชน', 'ก่อสร้างอาคารอเนกประสงค์ หมู่ที่ 4', 4, 1450000, null],
    [2, 'แผนงานการเกษตร', 'ขุดลอกคลองส่งน้ำ หมู่ที่ 5', '๕', '๘๐๐,๐๐๐', null],
    [3, 'แผนงานสาธารณสุข', 'ป้องกันและควบคุมโรคไข้เลือดออก', '-', 60000, null],
    [null, null, 'รวม', null, 2310000, null],
  ];
  return {
    name: 'ทต.หนองบัว-เทศบัญญัติ-2569.xlsx',
    sheets: [
      sheet(
        'เทศบัญญัติ',
        rows,
        [0, 1].map((r) => ({ r1: r, c1: 0, r2: r, c2: 5 })),
      ),
    ],
  };
}

export function actionPlanInputs(): WorkbookModel[] {
  return [provinceList(), districtList(), nadiPlan(), nongbuaPlan(), nongbuaOrdinance()];
}
