/** Thai (default) and English texts of every finding, in one place so wording stays consistent. */
import { formatAmount } from '../thai';

export interface Text {
  th: string;
  en: string;
}

const baht = (n: number) => formatAmount(n);

export const messages = {
  noHeader: (): Text => ({
    th: 'ไม่พบแถวหัวตาราง (ที่ / โครงการ / งบประมาณ) — ตรวจชื่อคอลัมน์ หรือกำหนดคอลัมน์เอง',
    en: 'No table header found (ที่ / โครงการ / งบประมาณ): check the column titles or map the columns by hand',
  }),
  columnMissing: (th: string, en: string): Text => ({
    th: `ไม่พบคอลัมน์ "${th}" ในหัวตาราง`,
    en: `The header has no "${en}" column`,
  }),
  nameMissing: (): Text => ({
    th: 'แถวนี้มีลำดับที่แต่ไม่มีชื่อโครงการ',
    en: 'This row has a number but no project name',
  }),
  budgetNotNumber: (year: number, text: string): Text => ({
    th: `งบประมาณปี ${year} ไม่ใช่ตัวเลข ("${text}")`,
    en: `Budget for ${year} is not a number ("${text}")`,
  }),
  budgetAsText: (year: number, text: string, value: number): Text => ({
    th: `งบประมาณปี ${year} เป็นข้อความ "${text}" — แปลงเป็นตัวเลข ${baht(value)} ได้`,
    en: `Budget for ${year} is text "${text}"; it can be converted to the number ${baht(value)}`,
  }),
  budgetNegative: (year: number, value: number): Text => ({
    th: `งบประมาณปี ${year} ติดลบ (${baht(value)})`,
    en: `Budget for ${year} is negative (${baht(value)})`,
  }),
  yearOutside: (year: number, from: number, to: number): Text => ({
    th: `ปี ${year} อยู่นอกช่วงของแผน (พ.ศ. ${from}–${to})`,
    en: `Year ${year} is outside the plan period (${from}–${to})`,
  }),
  yearMissing: (): Text => ({
    th: 'มีงบประมาณแต่ไม่ระบุปีงบประมาณ (หรือปีอ่านไม่ได้) — ยอดนี้จะไม่ถูกนับในปีใด',
    en: 'A budget without a (readable) fiscal year: it counts in no year',
  }),
  totalMismatch: (label: string, year: number, stated: number, computed: number): Text => ({
    th: `"${label}" ปี ${year} ระบุ ${baht(stated)} บาท แต่ผลรวมของโครงการคือ ${baht(computed)} บาท (ต่างกัน ${baht(computed - stated)})`,
    en: `"${label}" for ${year} says ${baht(stated)} baht but the projects add up to ${baht(computed)} baht (difference ${baht(computed - stated)})`,
  }),
  countMismatch: (label: string, year: number, stated: number, computed: number): Text => ({
    th: `"${label}" ปี ${year} ระบุ ${stated} โครงการ แต่มีโครงการที่มีงบประมาณปีนี้ ${computed} โครงการ`,
    en: `"${label}" for ${year} says ${stated} projects but ${computed} projects have a budget that year`,
  }),
  totalNotNumber: (label: string, year: number): Text => ({
    th: `"${label}" ปี ${year} ไม่ใช่ตัวเลข`,
    en: `"${label}" for ${year} is not a number`,
  }),
  duplicate: (otherRow: number): Text => ({
    th: `ชื่อโครงการซ้ำกับแถวที่ ${otherRow} ในชีตเดียวกัน`,
    en: `Same project name as row ${otherRow} of this sheet`,
  }),
  unitMissing: (): Text => ({
    th: 'ไม่ระบุหน่วยงานที่รับผิดชอบหลัก',
    en: 'No responsible unit',
  }),
  agencyMissing: (): Text => ({
    th: 'ไม่ระบุหน่วยงานที่จะขอประสาน',
    en: 'No agency to ask for support',
  }),
  objectiveMissing: (): Text => ({ th: 'ไม่ระบุวัตถุประสงค์', en: 'No objective' }),
  targetMissing: (): Text => ({ th: 'ไม่ระบุเป้าหมาย (ผลผลิตของโครงการ)', en: 'No target (output)' }),
  kpiMissing: (): Text => ({ th: 'ไม่ระบุตัวชี้วัด (KPI)', en: 'No KPI' }),
  linkMissing: (): Text => ({
    th: 'ไม่พบความเชื่อมโยงกับประเด็นการพัฒนาจังหวัด (บรรทัด ง. ยุทธศาสตร์จังหวัดที่ … หรือคอลัมน์ประเด็นการพัฒนา)',
    en: 'No link to a provincial development issue (ง. ยุทธศาสตร์จังหวัดที่ … line or a development-issue column)',
  }),
  linkUnknown: (declared: string, known: string): Text => ({
    th: `อ้างถึงประเด็นการพัฒนา "${declared}" ซึ่งไม่มีในยุทธศาสตร์จังหวัด (มี: ${known})`,
    en: `Refers to development issue "${declared}", which the provincial list does not have (it has: ${known})`,
  }),
  summaryMismatch: (plan: string, year: number, what: 'count' | 'budget', stated: number, detail: number, sheets: string): Text =>
    what === 'budget'
      ? {
          th: `ผ.01 "${plan}" ปี ${year} ระบุงบประมาณ ${baht(stated)} บาท แต่ ผ.02 (${sheets}) รวมได้ ${baht(detail)} บาท`,
          en: `ผ.01 "${plan}" ${year} budget ${baht(stated)} differs from the ผ.02 sheets (${sheets}): ${baht(detail)}`,
        }
      : {
          th: `ผ.01 "${plan}" ปี ${year} ระบุ ${stated} โครงการ แต่ ผ.02 (${sheets}) มี ${detail} โครงการ`,
          en: `ผ.01 "${plan}" ${year} count ${stated} differs from the ผ.02 sheets (${sheets}): ${detail}`,
        },
  formulaError: (value: string): Text => ({
    th: `เซลล์มีค่าผิดพลาดจากสูตร ${value} — ตรวจสูตรที่อ้างอิง`,
    en: `The cell holds a formula error ${value}: check what the formula refers to`,
  }),
  straySpaces: (): Text => ({
    th: 'ชื่อโครงการมีช่องว่างเกินหรือช่องว่างหัวท้าย',
    en: 'The project name has extra or leading/trailing spaces',
  }),
  rowsAfterTotal: (): Text => ({
    th: 'โครงการนี้อยู่ใต้แถวรวม จึงไม่ถูกนับในยอดรวม — ย้ายขึ้นไปไว้เหนือแถวรวมหรือปรับยอดรวม',
    en: 'This project is below the total rows, so the totals leave it out: move it above them or update the totals',
  }),
  sheetTooLarge: (cells: number, limit: number): Text => ({
    th: `แผ่นงานนี้ใหญ่ผิดปกติ (ข้อมูลกระจายอยู่ในช่วง ${baht(cells)} เซลล์) จึงตรวจเฉพาะ ${baht(limit)} เซลล์แรกจากด้านบน — ลบค่าที่หลงอยู่ไกลจากตาราง (เช่น กด Ctrl+End เพื่อหา) แล้วตรวจใหม่`,
    en: `This sheet is abnormally large (its data spans ${baht(cells)} cells), so only the first ${baht(limit)} cells from the top were checked: delete stray values far from the table (Ctrl+End finds them) and validate again`,
  }),
  noProjects: (): Text => ({
    th: 'มีหัวตารางแต่ไม่พบแถวโครงการ',
    en: 'The table has a header but no project rows',
  }),
  fixNumber: (value: number): Text => ({ th: `แปลงเป็นตัวเลข ${baht(value)}`, en: `Convert to the number ${baht(value)}` }),
  fixSpaces: (): Text => ({ th: 'ตัดช่องว่างเกิน', en: 'Remove extra spaces' }),
};
