/**
 * Validate: every problem of a plan workbook as a finding on its cell, before it is e-mailed upward.
 * read sheet → plan model (forms/) → findings. Correct rows get no errors: a Thai-digit amount or a
 * "-" is not an error.
 */
import { a1, colIndex, colLetter, type SheetModel, type WorkbookModel } from '../model';
import { CHECKED_KINDS, PROJECT_KINDS, yearAmount, type BudgetValue, type PlanBlock, type PlanSheet, type ProjectRow } from '../plan';
import { isKnownDocument } from '../forms/own-output';
import { readPlanSheet, type ReadPlanOptions } from '../forms/read';
import { flatText, tidySpaces } from '../thai';
import { readAmount } from '../values';
import type { StrategyList } from '../strategy/model';
import { resolveDeclared } from '../strategy/declared';
import {
  finding,
  FIX_LABELS,
  type Finding,
  type FindingCode,
  type FindingDetails,
  type Fix,
  type SheetReport,
  type Text,
  type WorkbookReport,
} from '../findings';
import { checkSummaries } from './summary';
import { checkDistrictNeeds } from './district';
import { checkTambons } from './places';

export interface ValidateOptions {
  /** Provincial development issues, when the officer gave a strategy list. */
  strategies?: StrategyList;
  /** Manual column mappings remembered per workbook: sheet name → field → column letter. */
  columnMappings?: Record<string, ReadPlanOptions['columnMapping']>;
  /**
   * Plans read without a column mapping, shared with a later step on the same workbook model (e.g.
   * `consolidate(inputs, { recognise: (s) => plans.get(s) ?? readPlanSheet(s) })`): filled here, and
   * reused when it already holds a sheet. The sheet models must not change in between.
   */
  plans?: Map<SheetModel, PlanSheet>;
}

export function validateWorkbook(wb: WorkbookModel, opts: ValidateOptions = {}): WorkbookReport {
  const plans = wb.sheets.map((s) => {
    const columnMapping = opts.columnMappings?.[s.name];
    if (!opts.plans || columnMapping) return readPlanSheet(s, { columnMapping });
    let plan = opts.plans.get(s);
    if (!plan) {
      plan = readPlanSheet(s);
      opts.plans.set(s, plan);
    }
    return plan;
  });
  const reports = wb.sheets.map((s, i) => validatePlan(s, plans[i], opts));
  // ผ.01 summaries are checked against the ผ.02 sheets of the same workbook.
  for (const f of checkSummaries(wb.sheets, plans)) reports.find((r) => r.name === f.sheet)?.findings.push(f);
  const error = noPlanSheet(plans);
  return { file: wb.name, ok: !error, ...(error ? { error } : {}), sheets: reports };
}

/**
 * Nothing checked is never "no problems": a workbook without a plan sheet is an error that says
 * what each sheet was taken for ("3 ชีต ไม่มีชีตใดเป็นแบบแผน (…)").
 */
export function noPlanSheet(plans: PlanSheet[]): { code: 'no-plan-sheet'; message: string; messageEn: string } | undefined {
  if (plans.some((p) => CHECKED_KINDS.has(p.kind))) return undefined;
  // A calendar, an issue list, OnePlan's own summaries and reports: known for what they are.
  if (plans.length && plans.every(isKnownDocument)) return undefined;
  if (!plans.length)
    return { code: 'no-plan-sheet', message: 'ไฟล์ไม่มีชีตใดเลย ไม่มีสิ่งที่ตรวจสอบได้', messageEn: 'The file has no sheets: nothing to check' };
  const shown = plans.slice(0, 5);
  const more = plans.length - shown.length;
  const why = (p: PlanSheet, en: boolean) => {
    const r = p.kindReason ? (en ? p.kindReason.en : p.kindReason.th) : p.kind;
    return p.kind === 'other' ? `"${p.name}": ${r}` : `"${p.name}" ${en ? 'is' : 'เป็น'} ${p.kind}: ${r}`;
  };
  const th = shown.map((p) => why(p, false)).join('; ') + (more > 0 ? `; และอีก ${more} ชีต` : '');
  const en = shown.map((p) => why(p, true)).join('; ') + (more > 0 ? `; and ${more} more` : '');
  return {
    code: 'no-plan-sheet',
    message: `${plans.length} ชีต ไม่มีชีตใดเป็นแบบแผน จึงไม่ได้ตรวจสอบ (${th})`,
    messageEn: `${plans.length} sheet${plans.length === 1 ? '' : 's'}, none is a plan form, so nothing was checked (${en})`,
  };
}

/** Budget sums per year of the projects the sheet's totals count (rows above the total rows). */
export function projectTotals(plan: PlanSheet): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const p of plan.projects) {
    if (p.afterTotal || p.outOfTotals) continue;
    for (const b of p.budgets) {
      if (!b.year) continue;
      // With the project's budget lines on the rows below ("จุดที่ 2").
      totals[b.year] = (totals[b.year] ?? 0) + yearAmount(p, b.year);
    }
  }
  return totals;
}

export function validatePlan(sheet: SheetModel, plan: PlanSheet, opts: ValidateOptions = {}): SheetReport {
  const findings: Finding[] = [];
  const add: Add = (code, details, row, col, field, fix) =>
    findings.push(
      finding(code, details, {
        sheet: plan.name,
        row: row === null ? null : row + 1,
        column: col === null ? null : colLetter(col),
        field,
        fix,
      }),
    );

  // Nothing unchecked passes as "no problems": a sheet read only in part says so.
  if (sheet.tooLarge) add('sheet-too-large', { cells: sheet.tooLarge.cells, limit: sheet.tooLarge.limit }, null, null);
  if (PROJECT_KINDS.has(plan.kind)) {
    if (!plan.blocks.length) add('no-header', {}, null, null);
    for (const block of plan.blocks) checkBlock(sheet, plan, block, add, opts);
    if (plan.blocks.length && !plan.projects.length) add('no-projects', {}, plan.blocks[0].headerRows[0], null);
    checkDuplicates(plan, add);
    checkDistrictNeeds(plan, add);
    checkTambons(plan, add);
  }
  findings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || colIndex(a.column ?? 'A') - colIndex(b.column ?? 'A'));
  // Projects under one ง. line share it: its finding is reported once, on the line.
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.code}|${f.row}|${f.column}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    name: plan.name,
    kind: plan.kind,
    ...(plan.kindReason ? { kindReason: plan.kindReason.th, kindReasonEn: plan.kindReason.en } : {}),
    ...(plan.formCode ? { formCode: plan.formCode } : {}),
    // Rows of a sheet that is no plan form are not projects (a procurement list's 310 purchases).
    projects: PROJECT_KINDS.has(plan.kind) ? plan.projects.filter((p) => !p.afterTotal).length : 0,
    totals: PROJECT_KINDS.has(plan.kind) ? projectTotals(plan) : {},
    ...(plan.blocks.length ? { columns: columnLetters(plan.blocks[0]) } : {}),
    findings: unique,
  };
}

/** A block's column map as letters, the form an officer edits: { name: 'B', 'budget:2567': 'F' }. */
export function columnLetters(block: PlanBlock): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, col] of Object.entries(block.columns.fields)) if (col !== undefined) out[field] = colLetter(col);
  for (const b of block.columns.budgetYears) out[`budget:${b.year}`] = colLetter(b.col);
  return out;
}

type Add = <C extends FindingCode>(
  code: C,
  details: FindingDetails<C>,
  row: number | null,
  col: number | null,
  field?: string,
  fix?: Fix,
) => void;

function checkBlock(sheet: SheetModel, plan: PlanSheet, block: PlanBlock, add: Add, opts: ValidateOptions): void {
  const f = block.columns.fields;
  const headerRow = block.headerRows[0];
  const beyond = plan.kind === 'local-plan-beyond';

  // Required columns.
  if (!block.columns.budgetYears.length && f.amount === undefined)
    add('required-column-missing', { column: 'budget' }, headerRow, null, 'budget');
  if (beyond && f.agency === undefined) add('required-column-missing', { column: 'agency' }, headerRow, null, 'agency');
  if (!beyond && plan.kind !== 'district-needs' && f.unit === undefined && f.agency === undefined)
    add('unit-column-missing', {}, headerRow, null, 'unit');

  // Budget years outside the plan period (header cells).
  if (plan.period) {
    const { from, to } = plan.period;
    for (const b of block.columns.budgetYears) {
      if (b.year < from || b.year > to)
        add('year-outside-period', { year: b.year, from, to }, lastHeaderRowWithYear(sheet, block, b.col), b.col, 'budget');
    }
  }

  // Never a silent zero: amounts that count in no year say so.
  if (!block.columns.budgetYears.length && f.amount !== undefined && f.year === undefined && block.projects.some(hasMoney))
    add(
      'budget-years-missing',
      { column: colLetter(f.amount), seen: headerSeen(sheet, block), ...(plan.period ?? {}) },
      headerRow,
      f.amount,
      'budget',
    );

  for (const p of block.projects) checkProject(sheet, plan, block, p, add, opts);
  checkTotals(block, add);
}

const hasMoney = (p: ProjectRow): boolean => p.budgets.some((b) => (b.amount ?? 0) !== 0);

/** The header as read, column by column: 'E "งบประมาณและที่ผ่านมา"'. */
function headerSeen(sheet: SheetModel, block: PlanBlock): string[] {
  const out: string[] = [];
  const width = Math.max(...block.headerRows.map((r) => sheet.rows[r]?.length ?? 0));
  for (let c = 0; c < width; c++) {
    const texts = block.headerRows.map((r) => flatText(sheet.rows[r]?.[c]?.w ?? '')).filter((t) => t !== '');
    if (texts.length) out.push(`${colLetter(c)} "${texts.join(' ')}"`);
  }
  return out;
}

function lastHeaderRowWithYear(sheet: SheetModel, block: PlanBlock, col: number): number {
  for (const r of block.headerRows) if (/\d{4}|[๐-๙]{4}/.test(sheet.rows[r]?.[col]?.w ?? '')) return r;
  return block.headerRows[0];
}

function checkProject(sheet: SheetModel, plan: PlanSheet, block: PlanBlock, p: ProjectRow, add: Add, opts: ValidateOptions): void {
  const f = block.columns.fields;
  const r = p.row;
  const row = sheet.rows[r] ?? [];

  if (p.afterTotal) add('rows-after-total', {}, r, f.name ?? f.no ?? 0, 'name');

  if (f.name !== undefined) {
    if (p.name === '') add('project-name-missing', {}, r, f.name, 'name');
    else {
      const cell = row[f.name];
      const raw = cell && typeof cell.v === 'string' ? cell.v : '';
      const tidy = tidySpaces(raw);
      if (raw && tidy !== raw && tidy !== '') {
        add('stray-spaces', {}, r, f.name, 'name', cell?.f ? undefined : fix(r, f.name, tidy, FIX_LABELS.spaces()));
      }
    }
  }

  // The project's budget lines below it ("จุดที่ 2") are checked on their own rows.
  const lines = [{ row: r, budgets: p.budgets }, ...(p.parts ?? [])];
  for (const line of lines) checkAmounts(plan, f, line.row, line.budgets, add);

  // Formula errors anywhere on the project row.
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (cell?.t === 'e') add('formula-error', { value: String(cell.v) }, r, c);
  }

  if (p.name !== '') {
    if (plan.kind === 'local-plan-beyond') {
      if (f.agency !== undefined && p.agency === '') add('agency-missing', {}, r, f.agency, 'agency');
    } else if (f.unit !== undefined && p.unit === '') add('unit-missing', {}, r, f.unit, 'unit');
    else if (plan.kind === 'district-needs' && f.agency !== undefined && p.agency === '') add('agency-missing', {}, r, f.agency, 'agency');
    if (f.objective !== undefined && p.objective === '') add('objective-missing', {}, r, f.objective, 'objective');
    if (f.target !== undefined && p.target === '') add('target-missing', {}, r, f.target, 'target');
    if (f.kpi !== undefined && p.kpi === '') add('kpi-missing', {}, r, f.kpi, 'kpi');
  }

  if (opts.strategies && p.name !== '') checkLink(p, f.link, add, opts.strategies);
}

/** The amounts of one row: text, negative, as text (with the safe fix), and the year of one-amount layouts. */
function checkAmounts(plan: PlanSheet, f: PlanBlock['columns']['fields'], r: number, budgets: BudgetValue[], add: Add): void {
  for (const b of budgets) {
    const a = readAmount(b.cell);
    const year = b.year;
    if (a.kind === 'text') add('budget-not-number', { ...known(year), text: a.text.trim() }, r, b.col, 'budget');
    else if (a.kind === 'number') {
      if (a.value < 0) add('budget-negative', { ...known(year), value: a.value }, r, b.col, 'budget');
      else if (a.fromText)
        // A formula's result is fixed at its source, not by overwriting the formula.
        add(
          'budget-as-text',
          { ...known(year), text: String(b.cell?.v ?? '').trim(), value: a.value },
          r,
          b.col,
          'budget',
          b.cell?.f ? undefined : fix(r, b.col, a.value, FIX_LABELS.number(a.value)),
        );
    }
    // One-amount layout: the year is in its own column.
    if (f.year !== undefined && !year && a.kind === 'number' && a.value !== 0) add('year-missing', { value: a.value }, r, f.year, 'year');
    if (
      f.year !== undefined &&
      plan.period &&
      year &&
      a.kind === 'number' &&
      a.value !== 0 &&
      (year < plan.period.from || year > plan.period.to)
    )
      add('year-outside-period', { year, from: plan.period.from, to: plan.period.to }, r, f.year, 'year');
  }
}

function checkLink(p: ProjectRow, linkCol: number | undefined, add: Add, list: StrategyList): void {
  const declaredText = p.link || p.context.provincial?.text || '';
  const where = p.link
    ? { row: p.row, col: linkCol ?? 0 }
    : p.context.provincial
      ? { row: p.context.provincial.row, col: p.context.provincial.col }
      : { row: p.row, col: linkCol ?? 0 };
  if (!declaredText) {
    add('link-missing', {}, p.row, linkCol ?? null, 'link');
    return;
  }
  const d = resolveDeclared(declaredText, list);
  if (d && 'unknown' in d) {
    add('link-unknown', { declared: String(d.unknown), known: list.issues.map((i) => i.code) }, where.row, where.col, 'link');
  } else if (!d) add('link-missing', {}, p.row, linkCol ?? null, 'link');
}

function checkTotals(block: PlanBlock, add: Add): void {
  // A total counts the projects since the previous total that had projects above it: consecutive total
  // rows (รวมงบประมาณ, รวมจำนวนโครงการ) share one segment; a "รวมทั้งสิ้น" counts every project above it.
  let segmentStart = -1;
  let lastTotal = -1;
  for (const t of block.totals) {
    if (lastTotal >= 0 && block.projects.some((p) => p.row > lastTotal && p.row < t.row)) segmentStart = lastTotal;
    lastTotal = t.row;
    const grand = /ทั้งสิ้น|ทั้งหมด/.test(t.label);
    const inSegment = (row: number) => row < t.row && (grand || row > segmentStart);
    // Rows marked ไม่นับ (a needs table's นับยอด column) are in no total.
    const projects = block.projects.filter((p) => inSegment(p.row) && !p.outOfTotals);
    const subItems = block.subItems.filter((s) => inSegment(s.row));
    for (const v of t.values) {
      if (v.value === null) {
        add('total-not-number', { label: t.label, ...known(v.year) }, t.row, v.col, 'total');
        continue;
      }
      if (t.kind === 'budget') {
        const sum = sumYear(projects, v.year);
        if (Math.abs(sum - v.value) < 0.5) continue;
        // Sub-item rows (cost lines without a number) are part of some sheets' totals.
        const withSub = sum + subItems.reduce((s, i) => s + (i.budgets.find((b) => b.year === v.year)?.amount ?? 0), 0);
        if (subItems.length && Math.abs(withSub - v.value) < 0.5) continue;
        add(
          'total-mismatch',
          { label: t.label, ...known(v.year), stated: v.value, computed: sum, difference: sum - v.value },
          t.row,
          v.col,
          'total',
        );
      } else {
        const count = projects.filter((p) => (p.budgets.find((b) => b.year === v.year)?.amount ?? 0) > 0).length;
        if (count !== v.value)
          add('count-mismatch', { label: t.label, ...known(v.year), stated: v.value, computed: count }, t.row, v.col, 'total');
      }
    }
  }
}

function sumYear(projects: ProjectRow[], year: number): number {
  let s = 0;
  for (const p of projects) s += p.budgets.find((b) => b.year === year)?.amount ?? 0;
  return s;
}

function checkDuplicates(plan: PlanSheet, add: Add): void {
  const seen = new Map<string, ProjectRow>();
  for (const p of plan.projects) {
    if (!p.name) continue;
    // Amendments repeat a project to add a year's budget: only the same amendment section counts.
    // Same name with other amounts is usually another phase or stretch of the same work: not flagged.
    const amounts = p.budgets.map((b) => b.amount ?? 'x').join(',');
    const key = [flatText(p.name).replace(/\s+/g, ''), amounts, p.context.amendment?.text ?? '', p.context.programme?.text ?? ''].join('|');
    const first = seen.get(key);
    if (first) {
      const f = plan.blocks.find((b) => b.projects.includes(p))?.columns.fields.name ?? 1;
      add('duplicate-project', { otherRow: first.row + 1 }, p.row, f, 'name');
    } else seen.set(key, p);
  }
}

/** A year for a finding's details, left out when the layout gives none (0): no message speaks of a year 0. */
const known = (year: number): { year?: number } => (year ? { year } : {});

function fix(r: number, c: number, value: number | string, label: Text): Fix {
  return { row: r + 1, column: colLetter(c), value, label: label.th, labelEn: label.en };
}

/** For UIs: the A1 address of a finding's cell, or undefined for sheet-level findings. */
export function findingAddress(f: Pick<Finding, 'row' | 'column'>): string | undefined {
  return f.row !== null && f.column !== null ? `${f.column}${f.row}` : undefined;
}

export { a1 };
