/**
 * The plan model: what a recognised worksheet means. Built from a SheetModel by `readPlanSheet`
 * (forms/), consumed by validate, consolidate, strategy matching. Rows/cols are 0-based.
 */
import type { Cell } from './model';

export const FORM_KINDS = [
  'local-plan',
  'local-plan-beyond',
  'local-plan-summary',
  'tambon-plan',
  'village-plan',
  'district-needs',
  'district-plan',
  /** A summary of a needs table by provincial issue or district (OnePlan writes one beside each table). */
  'needs-summary',
  /** The district's annual action plan (แผนปฏิบัติการประจำปีของอำเภอ) OnePlan writes (action-plan/). */
  'action-plan',
  'strategies',
  'calendar',
  'other',
] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** Kinds whose rows are projects (the ones validate and consolidate read row by row). */
export const PROJECT_KINDS: ReadonlySet<FormKind> = new Set([
  'local-plan',
  'local-plan-beyond',
  'tambon-plan',
  'village-plan',
  'district-needs',
  'district-plan',
]);

/** Kinds validate checks (project sheets and ผ.01 summaries): a report with none of them checked nothing. */
export const CHECKED_KINDS: ReadonlySet<string> = new Set<string>([...PROJECT_KINDS, 'local-plan-summary']);

export type Field =
  | 'no'
  | 'name'
  | 'objective'
  | 'target'
  | 'location'
  | 'village'
  | 'tambon'
  | 'year'
  | 'amount'
  | 'fund'
  | 'kpi'
  | 'result'
  | 'unit'
  | 'agency'
  | 'class'
  | 'link'
  | 'priority'
  /** OnePlan's needs tables: who the need goes to (ส่งถึง) and the officer's own note (บันทึกของอำเภอ). */
  | 'route'
  | 'officerNote'
  | 'note'
  | 'source'
  /** OnePlan's needs tables: whether the row is counted in the totals ("นับ" / "ไม่นับ"). */
  | 'counted'
  /** The proposing อปท. / tambon of a needs table row (อปท./ผู้เสนอ). */
  | 'proposer'
  /** The district a row of a province's table came from (อำเภอ). */
  | 'district'
  /** The rank the table's level gave a need (ลำดับความสำคัญของอำเภอ), beside its source's own ลำดับความสำคัญ. */
  | 'sourcePriority'
  /** OnePlan's needs tables: which source the officer counts when merged sources disagree (แหล่งที่นับยอด). */
  | 'countedSource'
  /** OnePlan's needs tables: the province's decision on the need (ผลการพิจารณาของจังหวัด), as written. */
  | 'decision';

/** Where each field sits. Budgets: one column per B.E. year, or one `amount` column with a `year` column. */
export interface ColumnMap {
  fields: Partial<Record<Field, number>>;
  budgetYears: Array<{ year: number; col: number }>;
}

export interface ContextLine {
  row: number;
  col: number;
  text: string;
}

/** Lines above a table (and section rows inside it) that apply to the projects below them. */
export interface ProjectContext {
  /** ก.–จ. link lines, keyed by letter. */
  links: Record<string, ContextLine>;
  /** The provincial strategy / development issue line (ง. in 2566–70 forms, ก. in older ones, "ประเด็นการพัฒนา: …"). */
  provincial?: ContextLine;
  strategy?: ContextLine;
  tactic?: ContextLine;
  programme?: ContextLine;
  /** Classification section ("3. โครงการที่ขอรับการสนับสนุน…"); what it says is read by ../classification. */
  section?: ContextLine;
  /** Amendment divider ("เพิ่มเติม ครั้งที่ 1/2567"). */
  amendment?: ContextLine;
}

export interface BudgetValue {
  year: number;
  col: number;
  /** Parsed amount; 0 for "-" or blank; null when the cell holds something that is not a number. */
  amount: number | null;
  cell?: Cell;
}

export interface ProjectRow {
  row: number;
  /** The number in ที่, when there is one. */
  no: number | null;
  name: string;
  objective: string;
  target: string;
  location: string;
  village: string;
  tambon: string;
  kpi: string;
  unit: string;
  agency: string;
  classification: string;
  priority: string;
  /** Needs tables: the route (ส่งถึง) and the officer's note (บันทึกของอำเภอ) as written. */
  route?: string;
  officerNote?: string;
  /** Needs tables: the source the officer counts when merged sources disagree, as written ("2"). */
  countedSource?: string;
  /** Needs tables: the province's decision (ผลการพิจารณาของจังหวัด) as written. */
  decision?: string;
  /** Needs tables: the ที่มา cell as written (the rows the need came from, one a line). */
  provenance?: string;
  /** Declared provincial link from a column (the context line is in `context.provincial`). */
  link: string;
  note: string;
  budgets: BudgetValue[];
  context: ProjectContext;
  /** True for rows after the block's first total row (officers sometimes append there). */
  afterTotal: boolean;
  /** Marked as not counted in the totals (a needs table's นับยอด column says ไม่นับ): the totals leave it out. */
  outOfTotals?: boolean;
  /** Proposer (อปท./ผู้เสนอ column of a needs table), when the sheet has one. */
  proposer?: string;
  /** District (อำเภอ column of a province's table), when the sheet has one. */
  district?: string;
  /** The district's rank (ลำดับความสำคัญของอำเภอ column), when the sheet has one. */
  sourcePriority?: string;
  /** Budget lines of this project on the rows below it ("จุดที่ 2", "จุดที่ 3"): counted in its totals. */
  parts?: SubItemRow[];
}

/** A project's amount in a B.E. year: its own row's and its parts' (unreadable amounts count 0). */
export function yearAmount(p: ProjectRow, year: number): number {
  let sum = 0;
  for (const b of p.budgets) if (b.year === year) sum += b.amount ?? 0;
  for (const part of p.parts ?? []) for (const b of part.budgets) if (b.year === year) sum += b.amount ?? 0;
  return sum;
}

/** A sub-item row: no number, but budgets (counted by some total rows). */
export interface SubItemRow {
  row: number;
  text: string;
  budgets: BudgetValue[];
}

export interface TotalRow {
  row: number;
  label: string;
  /** budget: รวมงบประมาณ / รวม; count: รวมจำนวนโครงการ. */
  kind: 'budget' | 'count';
  values: Array<{ year: number; col: number; value: number | null }>;
}

export interface PlanBlock {
  /** Header rows (0-based), two or three for merged headers. */
  headerRows: number[];
  /** The header repeated at the top of later printed pages (rows of each repeat), when the table goes on under it. */
  pageHeaders?: number[][];
  columns: ColumnMap;
  projects: ProjectRow[];
  subItems: SubItemRow[];
  totals: TotalRow[];
}

export interface PlanSheet {
  name: string;
  kind: FormKind;
  /** Why the sheet is of its kind (the evidence), or what it lacks for 'other' (forms/recognise.ts). */
  kindReason?: { th: string; en: string };
  /** Form code as written ("ผ.02", "ผ.02/2"), from a text box or a cell, when found. */
  formCode?: string;
  /** Title lines above the first header. */
  titles: ContextLine[];
  /** Plan period in B.E. years, e.g. 2566–2570, when the title says it. */
  period?: { from: number; to: number };
  /** The organisation line (เทศบาล… / องค์การบริหารส่วนตำบล… / ตำบล… / อำเภอ…). */
  organisation?: string;
  blocks: PlanBlock[];
  /** Every project row of every block, in sheet order. */
  projects: ProjectRow[];
}
