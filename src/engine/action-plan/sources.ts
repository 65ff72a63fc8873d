/**
 * One received sheet → the funded rows of the fiscal year. Sheets are read like every other form
 * (forms/read.ts: header words over merged rows); what a sheet is comes from its content: an อปท.'s
 * budget ordinance by its title (ข้อบัญญัติ/เทศบัญญัติงบประมาณรายจ่าย), an อปท.'s plan by its form
 * (ผ.02: the fiscal year's column), a list of funded projects by its agency column or its title.
 */
import { a1, type SheetModel } from '../model';
import type { PlanSheet, ProjectRow } from '../plan';
import { flatText, thaiToArabic } from '../thai';
import { headerLabel } from '../forms/columns';
import { fileStem, sheetOrganisation } from '../consolidate/extract';
import { senderKey } from '../consolidate/roster';
import type { ActionProblem, ActionSheetReport, ActionSide, ActionSource } from './types';

/** A project row of a sheet with what the action plan needs of it (candidates are made later). */
export interface TakenRow {
  project: ProjectRow;
  agency: string;
  side: ActionSide;
  amount: number;
  source: ActionSource;
}

export interface ReadSheet {
  report: ActionSheetReport;
  rows: TakenRow[];
  problems: ActionProblem[];
  /** The อปท. whose ordinance or plan the sheet is (compact key), to prefer its ordinance over its plan. */
  localKey?: string;
}

const ORDINANCE = /(ข้อบัญญัติ|เทศบัญญัติ)/;
/** Titles of lists of funded projects (the province's letter, the district's own list). */
const FUNDED_TITLE = /ได้รับ(การ)?จัดสรร|ได้รับงบประมาณ|แผนปฏิบัติ(การ|ราชการ)|ดำเนินการในพื้นที่/;
/** A header cell naming the agency column: "ส่วนราชการ", "ส่วนราชการ/หน่วยงาน", "หน่วยงาน". */
const AGENCY_HEADER = /^(ส่วนราชการ|หน่วยงาน)/;
/** A row between projects that names the agency of the rows below ("สำนักงานเกษตรจังหวัด…"). */
const AGENCY_LINE =
  /^(สำนักงาน|กรม|ส่วนราชการ|ที่ทำการ|โรงพยาบาล|แขวงทางหลวง|หน่วย|ศูนย์|อำเภอ|องค์การบริหารส่วนจังหวัด|อบจ\.|โครงการชลประทาน|สถานี|วิทยาลัย)/;
/** An อปท.'s name in a title ("เทศบัญญัติงบประมาณรายจ่าย … เทศบาลตำบลหนองบัว"). */
const LOCAL_ORG = /(องค์การบริหารส่วนตำบล\s*\S+|เทศบาล(?:ตำบล|เมือง|นคร)\s*\S+|อบต\.\s*\S+|ทต\.\s*\S+)/;
/** "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "ปี 2569" — not a plan period "2566 - 2570". */
const TITLE_YEAR = /ปี(?:งบประมาณ)?\s*(?:พ\.\s*ศ\.)?\s*(25\d\d)(?!\s*[-–—]\s*25\d\d)/;

/** The fiscal year a list's title names, when it names one. */
export function titleYear(plan: PlanSheet): number | undefined {
  for (const t of plan.titles.slice(0, 8)) {
    const m = TITLE_YEAR.exec(thaiToArabic(t.text));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The อปท. a sheet belongs to: its organisation line, a title naming one, else the file's name. */
function localOrganisation(plan: PlanSheet, file: string): string {
  for (const t of plan.titles.slice(0, 8)) {
    const m = LOCAL_ORG.exec(t.text);
    if (m) return m[1].trim();
  }
  return sheetOrganisation(plan) ?? fileStem(file);
}

/** What the sheet is for the action plan, or why it is left out. */
function sourceOf(plan: PlanSheet, agencyCol: number | undefined): ActionSource | { th: string; en: string } {
  const titles = plan.titles.slice(0, 8).map((t) => t.text);
  if (plan.kind === 'action-plan')
    return { th: 'แผนปฏิบัติการที่ OnePlan ทำไว้ (ไม่นำมารวมซ้ำ)', en: 'an action plan OnePlan made (not taken again)' };
  if (plan.kind === 'district-needs' || plan.kind === 'needs-summary')
    return { th: 'แผนความต้องการ ไม่ใช่โครงการที่ได้รับงบประมาณ', en: 'a needs table, not funded projects' };
  if (titles.some((t) => ORDINANCE.test(t) && /งบประมาณ/.test(t))) return 'ordinance';
  if (plan.kind === 'local-plan') return 'local-plan';
  if (plan.kind === 'local-plan-beyond')
    return {
      th: 'โครงการที่เกินศักยภาพ (ผ.02/2) ไม่ใช่โครงการที่ อปท. ตั้งงบประมาณเอง',
      en: 'projects beyond capacity (ผ.02/2): not funded by the อปท.',
    };
  if (agencyCol !== undefined || titles.some((t) => FUNDED_TITLE.test(t))) return 'funded-list';
  return {
    th: 'ไม่ใช่บัญชีโครงการที่ได้รับงบประมาณ (ไม่มีคอลัมน์ส่วนราชการ/หน่วยงาน และหัวเรื่องไม่ได้บอกว่าได้รับจัดสรรงบประมาณ)',
    en: 'not a list of funded projects (no agency column, and no title saying the projects were funded)',
  };
}

/** The agency column of the first block: a header cell "ส่วนราชการ…"/"หน่วยงาน…" no field claims. */
function agencyColumn(sheet: SheetModel, plan: PlanSheet): number | undefined {
  const block = plan.blocks[0];
  if (!block) return undefined;
  const f = block.columns.fields;
  if (f.agency !== undefined) return f.agency;
  if (f.unit !== undefined) return f.unit;
  const claimed = new Set<number>([...Object.values(f), ...block.columns.budgetYears.map((b) => b.col)]);
  for (const r of block.headerRows) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell?.t === 's' && !claimed.has(c) && AGENCY_HEADER.test(headerLabel(cell.w))) return c;
    }
  }
  return undefined;
}

/** Text of the row's agency cell, or of an agency line (a merged group row) above it. */
function agencyLine(sheet: SheetModel, r: number): string | undefined {
  const row = sheet.rows[r];
  if (!row) return undefined;
  const texts = row.filter((c) => c && c.w.trim() !== '');
  if (texts.length !== 1 || texts[0]!.t !== 's') return undefined;
  const t = flatText(texts[0]!.w).replace(/^\d+[.)]\s*/, '');
  return AGENCY_LINE.test(t) ? t : undefined;
}

/**
 * The fiscal year's amount of a row: its year column, or its one amount column when the row's year
 * (or else the sheet's title year) is the fiscal year. `undefined`: not of that year.
 */
function amountOf(p: ProjectRow, fy: number, sheetYear: number | undefined): { amount: number | null; col: number } | undefined {
  const b = p.budgets.find((x) => x.year === fy) ?? p.budgets.find((x) => x.year === 0 && (sheetYear === undefined || sheetYear === fy));
  return b ? { amount: b.amount, col: b.col } : undefined;
}

/**
 * The rows of one sheet taken into the action plan of `fy`. `district`: the district's name, the
 * agency of a district's own list without an agency column.
 */
export function readActionSheet(sheet: SheetModel, plan: PlanSheet, file: string, fy: number, district?: string): ReadSheet {
  const report: ActionSheetReport = { name: plan.name, source: null, projects: plan.projects.length, taken: 0 };
  const leave = (th: string, en: string): ReadSheet => ({ report: { ...report, note: th, noteEn: en }, rows: [], problems: [] });
  if (!plan.projects.length) return leave('ไม่พบรายการโครงการ', 'No project rows found');
  const agencyCol = agencyColumn(sheet, plan);
  const source = sourceOf(plan, agencyCol);
  if (typeof source !== 'string') return leave(source.th, source.en);
  report.source = source;
  const year = titleYear(plan);
  const hasYearColumn = plan.blocks.some((b) => b.columns.budgetYears.some((y) => y.year === fy));
  const anyYearColumns = plan.blocks.some((b) => b.columns.budgetYears.length > 0);
  if (anyYearColumns && !hasYearColumn) return leave(`ไม่มีคอลัมน์งบประมาณปี ${fy}`, `No budget column for ${fy}`);
  if (!anyYearColumns && year !== undefined && year !== fy)
    return leave(`เป็นของปีงบประมาณ ${year} ไม่ใช่ปี ${fy}`, `It is for fiscal year ${year}, not ${fy}`);

  const side: ActionSide = source === 'funded-list' ? 'agency' : 'local';
  const organisation = side === 'local' ? localOrganisation(plan, file) : (plan.organisation ?? district);
  if (side === 'local') report.organisation = organisation;
  const rows: TakenRow[] = [];
  const problems: ActionProblem[] = [];
  let current: string | undefined;
  let lastRow = (plan.blocks[0]?.headerRows.at(-1) ?? -1) + 1;
  for (const p of plan.projects) {
    if (p.afterTotal) continue;
    if (side === 'agency') {
      // The agency written once over its projects (a merged cell, or a line of its own above them).
      for (let r = lastRow; r < p.row; r++) current = agencyLine(sheet, r) ?? current;
      const own = agencyCol !== undefined ? flatText(sheet.rows[p.row]?.[agencyCol]?.w ?? '').trim() : '';
      if (own) current = own;
    }
    lastRow = p.row + 1;
    const a = amountOf(p, fy, year);
    if (!a) continue;
    if (a.amount === null) {
      const cell = a1(p.row, a.col);
      const text = sheet.rows[p.row]?.[a.col]?.w ?? '';
      problems.push({
        file,
        sheet: plan.name,
        cell,
        message: `"${file}" ชีต "${plan.name}" เซลล์ ${cell}: งบประมาณ "${text}" ไม่ใช่ตัวเลข จึงไม่ได้นำโครงการ "${p.name}" มารวม`,
        messageEn: `"${file}" sheet "${plan.name}" cell ${cell}: budget "${text}" is not a number, so "${p.name}" was not taken`,
      });
      continue;
    }
    // Funded means money in the year: a "-" or blank is a project of another year.
    if (a.amount <= 0) continue;
    const agency = (side === 'agency' ? current : organisation) || district || 'ไม่ระบุส่วนราชการ';
    rows.push({ project: p, agency, side, amount: a.amount, source });
  }
  report.taken = rows.length;
  if (!rows.length) {
    report.note = `ไม่มีโครงการที่มีงบประมาณปี ${fy}`;
    report.noteEn = `No project with a budget in ${fy}`;
  }
  return { report, rows, problems, ...(side === 'local' ? { localKey: organisationKey(organisation!) } : {}) };
}

/** "อบต.หนองบัว" and "องค์การบริหารส่วนตำบลหนองบัว" → one key: the roster's way of knowing a sender (roster.ts). */
export function organisationKey(org: string): string {
  const k = senderKey(org);
  return k ? `${k.type}.${k.name}` : flatText(org).replace(/\s+/g, '');
}
