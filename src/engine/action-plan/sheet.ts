/**
 * The action plan as a printable workbook, in the needs table's style (TH Sarabun New 16, A4
 * landscape, one page wide): the plan grouped by agency (ส่วนราชการ, then อปท.) and tambon with
 * subtotals and a grand total, the rows that may be one project, and the sheets read.
 */
import type { CellStyle, OutCell, OutSheet, OutWorkbook } from '../output';
import { DEFAULT_FONT } from '../output';
import { AMOUNT_FORMAT, pageFooter, PRINT_WIDTH_MAX, signatureBlock, titleBlockRows } from '../print';
import { digits } from '../thai';
import { amountWidth, CONFIDENCE_TH } from '../consolidate/table';
import { PROVENANCE_HEADER, provenanceKey } from '../consolidate/provenance';
import type { ActionPlan, ActionSide, OfficerCells, RowSource } from './types';

export const ACTION_PLAN_SHEET = 'แผนปฏิบัติการอำเภอ';
const DUPLICATES_SHEET = 'โครงการที่อาจซ้ำกัน';
// Names of their own: in Excel the plan is written into the workbook that may hold the needs table,
// whose sources and gone lists (consolidate/table.ts) must not be written over.
const SOURCES_SHEET = 'แหล่งข้อมูลแผนปฏิบัติการ';
/** Rows of the earlier plan no input gives any more (read back by its title, VANISHED_TITLE). */
export const ACTION_VANISHED_SHEET = 'แผนปฏิบัติการที่ไม่มีในรอบนี้';
/** The title forms/own-output.ts knows OnePlan's action plan by (with the provenance header below). */
export const ACTION_PLAN_TITLE = 'แผนปฏิบัติการประจำปีของ';

const HEADER: CellStyle = { bold: true, align: 'center', valign: 'center', wrap: true, border: true, fill: 'D9E2F3' };
const BODY: CellStyle = { border: true, wrap: true, valign: 'top' };
const BODY_CENTER: CellStyle = { ...BODY, align: 'center' };
const NUM: CellStyle = { border: true, valign: 'top', align: 'right', numFmt: AMOUNT_FORMAT };
const GROUP: CellStyle = { bold: true, border: true, fill: 'F2F2F2' };
const TAMBON: CellStyle = { bold: true, border: true };
const SUBTOTAL: CellStyle = { bold: true, border: true, fill: 'FFF2CC', wrap: true };
const SUBTOTAL_NUM: CellStyle = { ...SUBTOTAL, align: 'right', numFmt: AMOUNT_FORMAT, wrap: false, shrink: true };
const GRAND: CellStyle = { bold: true, border: true, fill: 'FCE4D6' };
const GRAND_NUM: CellStyle = { ...GRAND, align: 'right', numFmt: AMOUNT_FORMAT, shrink: true };
const c = (value: string | number | null, style: CellStyle): OutCell => ({ value, style });

export const SOURCE_TH: Record<RowSource, string> = {
  'funded-list': 'บัญชีโครงการที่ได้รับจัดสรร',
  ordinance: 'ข้อบัญญัติ/เทศบัญญัติงบประมาณ',
  'local-plan': 'แผนพัฒนาท้องถิ่น (ผ.02)',
  officer: 'อำเภอเพิ่มเอง',
};
export const SIDE_TH: Record<ActionSide, string> = { agency: 'ส่วนราชการ', local: 'องค์กรปกครองส่วนท้องถิ่น' };

/** The plan's columns by header: the reader of a previous plan (previous.ts) finds them by these words. */
export const PLAN_HEADER = {
  no: 'ที่',
  name: 'โครงการ/กิจกรรม',
  village: 'หมู่ที่',
  tambon: 'ตำบล',
  agency: 'ส่วนราชการ/อปท.',
  source: 'แหล่งข้อมูล',
  remark: 'หมายเหตุ',
} as const;
/** "งบประมาณ ปี 2569 (บาท)": the amount column's header. */
export const amountHeader = (fy: number): string => `งบประมาณ ปี ${fy} (บาท)`;

/** The officer's columns: written blank, filled by the district, kept by re-runs (previous.ts). */
export const OFFICER_COLUMNS: ReadonlyArray<{ key: keyof OfficerCells; header: string; width: number }> = [
  { key: 'responsible', header: 'ผู้รับผิดชอบ', width: 12 },
  { key: 'progress', header: 'ผลการดำเนินงาน', width: 16 },
];
/** The title of the sheet of rows gone from the inputs: a re-run reads them back too (previous.ts). */
export const VANISHED_TITLE = 'โครงการในแผนครั้งก่อนที่ไม่มีในไฟล์ที่รวบรวมครั้งนี้';
/** The grand total's label: the plan's rows end there (the signatures follow). */
export const GRAND_TOTAL = 'รวมทั้งสิ้น';

/** The remark of a row a re-run found for the first time. */
const NEW_REMARK = 'ใหม่: ไม่มีในแผนครั้งก่อน';
const WRITTEN_REMARK = new RegExp(
  `^(?:(?:${Object.values(CONFIDENCE_TH)
    .map((w) => w.replace(/[()]/g, '\\$&'))
    .join('|')})กับที่ \\d+ |และอีก \\d+ รายการ |${NEW_REMARK}$)`,
);
/** A หมายเหตุ line OnePlan writes (duplicates, "ใหม่"): a re-run writes it afresh; other lines are kept (rerun.ts). */
export const isWrittenRemark = (line: string): boolean => WRITTEN_REMARK.test(line);

const tambonLabel = (t: string | null): string => (t ? `ตำบล${t}` : 'ไม่ระบุตำบล');

/** Remarks shown per row; the rest are counted ("และอีก N รายการ") and all are on the duplicates sheet. */
const REMARKS_SHOWN = 3;

/** Remarks of each row (table index): the rows of other files it may be. */
function duplicateRemarks(plan: ActionPlan): string[] {
  const lines = plan.rows.map((): string[] => []);
  const more = plan.rows.map(() => 0);
  for (const d of plan.duplicates) {
    const say = (i: number, j: number) => {
      if (lines[i].length < REMARKS_SHOWN) lines[i].push(`${CONFIDENCE_TH[d.confidence]}กับที่ ${j + 1} (${plan.rows[j].agency})`);
      else more[i]++;
    };
    say(d.a, d.b);
    say(d.b, d.a);
  }
  return lines.map((l, i) => [...l, ...(more[i] ? [`และอีก ${more[i]} รายการ (ชีต${DUPLICATES_SHEET})`] : [])].join('\n'));
}

function planSheet(plan: ActionPlan): OutSheet {
  const fy = plan.fiscalYear;
  const unit = plan.district ?? 'อำเภอ';
  const H = PLAN_HEADER;
  const header = [
    H.no,
    H.name,
    H.village,
    H.tambon,
    H.agency,
    amountHeader(fy),
    H.source,
    H.remark,
    ...OFFICER_COLUMNS.map((o) => o.header),
    PROVENANCE_HEADER,
  ];
  const printed = header.length - 1;
  const amountCol = 5;
  const files = plan.inputs.filter((i) => i.status === 'ok').length;
  const rows: OutCell[][] = titleBlockRows({
    title: `${ACTION_PLAN_TITLE}${unit.startsWith('อำเภอ') ? unit : `อำเภอ${unit}`}`,
    fiscalYear: `ประจำปีงบประมาณ พ.ศ. ${digits(fy, true)}`,
    notes: [
      `โครงการที่ได้รับงบประมาณในพื้นที่อำเภอ: ส่วนราชการ อำเภอ และองค์กรปกครองส่วนท้องถิ่น · รวบรวมจาก ${files} ไฟล์ · ${plan.rows.length} โครงการ · จัดกลุ่มตามส่วนราชการ/อปท. และตำบล`,
    ],
  });
  const headerRow = rows.length;
  rows.push(header.map((h) => c(h, HEADER)));
  const width = header.length;
  const pad = (n: number, style: CellStyle): OutCell[] => Array.from({ length: n }, () => c(null, style));
  // Group, tambon and total lines: the label merged over the columns before the amount (the needs table
  // puts its count in a wide column; here the columns after the name are narrow).
  const merges: NonNullable<OutSheet['merges']> = [];
  const line = (label: string, style: CellStyle): OutCell[] => {
    merges.push({ r1: rows.length, c1: 0, r2: rows.length, c2: printed - 1 });
    return [c(label, style), ...pad(width - 1, style)];
  };
  const total = (label: string, count: number, amount: number, style: CellStyle, num: CellStyle): OutCell[] => {
    merges.push({ r1: rows.length, c1: 0, r2: rows.length, c2: amountCol - 1 });
    return [c(`${label} (${count} โครงการ)`, style), ...pad(amountCol - 1, style), c(amount, num), ...pad(width - amountCol - 1, style)];
  };
  const remarks = duplicateRemarks(plan);
  let n = 0;
  for (const side of ['agency', 'local'] as const) {
    const groups = plan.groups.filter((g) => g.side === side);
    if (!groups.length) continue;
    for (const g of groups) {
      rows.push(line(`${SIDE_TH[side]}: ${g.agency}`, GROUP));
      for (const t of g.tambons) {
        rows.push(line(tambonLabel(t.tambon), TAMBON));
        for (const r of t.rows) {
          rows.push([
            c(n + 1, BODY_CENTER),
            c(r.name, BODY),
            c(r.village ?? '', BODY_CENTER),
            c(r.tambon ?? '', BODY),
            c(r.agency, BODY),
            c(r.amount, NUM),
            c(SOURCE_TH[r.source], BODY),
            c([r.note, remarks[n], r.status === 'new' ? NEW_REMARK : ''].filter(Boolean).join('\n'), BODY),
            ...OFFICER_COLUMNS.map((o) => c(r.officer?.[o.key] ?? '', BODY)),
            // A row the officer added keeps a blank ที่มา: re-runs know it as the officer's by that.
            c(r.status === 'added' ? '' : provenanceKey(r.src), BODY),
          ]);
          n++;
        }
        rows.push(total(`รวม${tambonLabel(t.tambon)}`, t.rows.length, t.total, SUBTOTAL, SUBTOTAL_NUM));
      }
      rows.push(total(`รวม ${g.agency}`, g.count, g.total, SUBTOTAL, SUBTOTAL_NUM));
    }
    const count = groups.reduce((s, g) => s + g.count, 0);
    const sum = groups.reduce((s, g) => s + g.total, 0);
    rows.push(total(`รวม${SIDE_TH[side]}`, count, sum, GRAND, GRAND_NUM));
  }
  rows.push(total(GRAND_TOTAL, plan.rows.length, plan.total, GRAND, GRAND_NUM));
  if (!plan.rows.length) rows.push([c(`ไม่พบโครงการที่ได้รับงบประมาณปี ${fy} ในไฟล์ที่ให้มา`, { italic: true })]);

  const widest = Math.max(plan.total, 0);
  // One page wide at a readable scale: the officer's columns take their room from the source and remark columns.
  const fixed = [5, 0, 7, 12, 18, amountWidth(widest, 14), 12, 18, ...OFFICER_COLUMNS.map((o) => o.width)];
  fixed[1] = Math.max(40, PRINT_WIDTH_MAX - fixed.reduce((a, b) => a + b, 0));
  const colWidths = [...fixed, 40];
  const sign = signatureBlock(rows.length, colWidths, printed);
  rows.push(...sign.rows);
  return {
    name: ACTION_PLAN_SHEET,
    rows,
    merges: [...rows.slice(0, headerRow).map((_, r) => ({ r1: r, c1: 0, r2: r, c2: printed - 1 })), ...merges, ...sign.merges],
    colWidths,
    freezeRows: headerRow + 1,
    page: { orientation: 'landscape', fitWidth: true, columns: printed, footer: pageFooter() },
    fitRows: true,
    printTitleRows: [headerRow, headerRow],
    font: { ...DEFAULT_FONT },
  };
}

function duplicatesSheet(plan: ActionPlan): OutSheet {
  const header = ['คู่ที่', 'ความน่าจะซ้ำ', 'ความคล้าย (%)', 'ที่ (ในแผน)', 'โครงการ', 'ส่วนราชการ/อปท.', 'หมู่ที่', 'ตำบล', 'ไฟล์', 'ชีต', 'แถว'];
  const rows: OutCell[][] = [
    [c('โครงการที่อาจซ้ำกัน (ส่วนราชการกับ อปท. หรือไฟล์ต่างกัน)', { bold: true, size: 18 })],
    header.map((h) => c(h, HEADER)),
  ];
  plan.duplicates.forEach((d, k) => {
    for (const i of [d.a, d.b]) {
      const r = plan.rows[i];
      rows.push([
        c(k + 1, BODY_CENTER),
        c(CONFIDENCE_TH[d.confidence], BODY),
        c(Math.round(d.similarity * 100), BODY_CENTER),
        c(i + 1, BODY_CENTER),
        c(r.name, BODY),
        c(r.agency, BODY),
        c(r.village ?? '', BODY_CENTER),
        c(r.tambon ?? '', BODY),
        c(r.src.file, BODY),
        c(r.src.sheet, BODY),
        c(r.src.row, BODY_CENTER),
      ]);
    }
  });
  if (!plan.duplicates.length) rows.push([c('ไม่พบโครงการที่อาจซ้ำกัน', { italic: true })]);
  return {
    name: DUPLICATES_SHEET,
    rows,
    colWidths: [7, 16, 10, 9, 50, 28, 7, 14, 30, 16, 7],
    freezeRows: 2,
    page: { orientation: 'landscape', fitWidth: true, footer: pageFooter() },
    fitRows: true,
    font: { ...DEFAULT_FONT },
  };
}

function sourcesSheet(plan: ActionPlan): OutSheet {
  const header = ['ไฟล์', 'ชีต', 'อ่านเป็น', 'อปท.', 'โครงการในชีต', 'นำมารวม', 'หมายเหตุ'];
  const rows: OutCell[][] = [[c('แหล่งข้อมูลของแผนปฏิบัติการ', { bold: true, size: 18 })], header.map((h) => c(h, HEADER))];
  for (const inp of plan.inputs) {
    if (inp.status === 'failed') {
      rows.push([
        c(inp.file, BODY),
        c('', BODY),
        c('อ่านไม่ได้', BODY),
        c('', BODY),
        c(0, BODY_CENTER),
        c(0, BODY_CENTER),
        c(inp.error?.message ?? '', BODY),
      ]);
      continue;
    }
    for (const s of inp.sheets)
      rows.push([
        c(inp.file, BODY),
        c(s.name, BODY),
        c(s.source ? SOURCE_TH[s.source] : 'ไม่นำมารวม', BODY),
        c(s.organisation ?? '', BODY),
        c(s.projects, BODY_CENTER),
        c(s.taken, BODY_CENTER),
        c(s.note ?? '', BODY),
      ]);
  }
  for (const p of plan.problems)
    rows.push([
      c(p.file, BODY),
      c(p.sheet, BODY),
      c(`เซลล์ ${p.cell}`, BODY),
      c('', BODY),
      c('', BODY),
      c(0, BODY_CENTER),
      c(p.message, BODY),
    ]);
  return {
    name: SOURCES_SHEET,
    rows,
    colWidths: [30, 18, 26, 26, 10, 9, 50],
    freezeRows: 2,
    page: { orientation: 'landscape', fitWidth: true, footer: pageFooter() },
    fitRows: true,
    font: { ...DEFAULT_FONT },
  };
}

/** Rows of the previous plan no input gives any more, with what the officer wrote on them: listed, not dropped. */
function vanishedSheet(plan: ActionPlan): OutSheet | undefined {
  const v = plan.merge?.vanished;
  if (!v?.length) return undefined;
  const header = [
    'ที่',
    PLAN_HEADER.name,
    PLAN_HEADER.village,
    PLAN_HEADER.tambon,
    PLAN_HEADER.agency,
    'งบประมาณ (บาท)',
    PLAN_HEADER.remark,
    ...OFFICER_COLUMNS.map((o) => o.header),
    // Sheet and row of the previous plan (OnePlan's own-output recogniser knows a list of rows by them).
    'ชีต',
    'แถว',
    'ที่มา (เดิม)',
  ];
  const rows: OutCell[][] = [[c(`${VANISHED_TITLE} (ตรวจสอบก่อนลบ)`, { bold: true, size: 18 })], header.map((h) => c(h, HEADER))];
  v.forEach((x, i) =>
    rows.push([
      c(i + 1, BODY_CENTER),
      c(x.name, BODY),
      c(x.village ?? '', BODY_CENTER),
      c(x.tambon ?? '', BODY),
      c(x.agency, BODY),
      c(x.amount, NUM),
      c(x.remark, BODY),
      ...OFFICER_COLUMNS.map((o) => c(x.officer[o.key], BODY)),
      c(x.sheet ?? plan.merge!.sheet, BODY),
      c(x.row, BODY_CENTER),
      c(x.source, BODY),
    ]),
  );
  return {
    name: ACTION_VANISHED_SHEET,
    rows,
    colWidths: [6, 44, 7, 14, 24, 14, 24, ...OFFICER_COLUMNS.map((o) => o.width), 16, 7, 40],
    freezeRows: 2,
    page: { orientation: 'landscape', fitWidth: true, footer: pageFooter() },
    fitRows: true,
    font: { ...DEFAULT_FONT },
  };
}

export function actionPlanWorkbook(plan: ActionPlan): OutWorkbook {
  const vanished = vanishedSheet(plan);
  return { sheets: [planSheet(plan), ...(vanished ? [vanished] : []), duplicatesSheet(plan), sourcesSheet(plan)] };
}
