/** A tambon's community plan (แผนชุมชน) as the officers write it, for tests with real place names. */
import { sheetFromValues, type Range, type WorkbookModel } from '../../src/engine/model';

type V = string | number | null;

/** A tambon's community plan (แผนชุมชน) with section rows, as nongbuaTambonWorkbook lays it out. */
export function tambonPlan(file: string, titles: [string, string], rows: V[][]): WorkbookModel {
  const last = 6;
  const head: V[][] = [
    [titles[0]],
    [titles[1]],
    ['ที่', 'โครงการ/กิจกรรม', 'เป้าหมาย', 'พื้นที่ดำเนินการ', 'งบประมาณ (บาท)', null, 'หน่วยดำเนินการ'],
    [null, null, null, null, 'พ.ศ. ๒๕๖๘', 'พ.ศ. ๒๕๖๙', null],
    ['1. โครงการที่ชุมชนดำเนินการเอง'],
    ['๑', 'รณรงค์ทำความสะอาดหมู่บ้าน', 'ทุกครัวเรือน', 'หมู่ที่ 1-6', '-', '-', 'คณะกรรมการหมู่บ้าน'],
    ['3. โครงการที่ขอรับการสนับสนุนจากหน่วยงานภายนอก'],
  ];
  const merges: Range[] = [
    { r1: 0, c1: 0, r2: 0, c2: last },
    { r1: 1, c1: 0, r2: 1, c2: last },
    { r1: 2, c1: 4, r2: 2, c2: 5 },
    ...[0, 1, 2, 3, 6].map((c) => ({ r1: 2, c1: c, r2: 3, c2: c })),
    ...[4, 6].map((r) => ({ r1: r, c1: 0, r2: r, c2: last })),
  ];
  return { name: file, sheets: [sheetFromValues('Sheet1', [...head, ...rows], merges)] };
}
