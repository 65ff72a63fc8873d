/**
 * The district's annual action plan (แผนปฏิบัติการประจำปีของอำเภอ) of one fiscal year: the funded
 * projects in the district — the province's list of agencies' projects, the district's own, and each
 * อปท.'s projects of that year (its budget ordinance, else its ผ.02 year column).
 */
import type { Confidence, InputError } from '../consolidate/types';

/** Where a sheet's rows come from: a list of funded projects, an อปท.'s budget ordinance, an อปท.'s ผ.02. */
export const ACTION_SOURCES = ['funded-list', 'ordinance', 'local-plan'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];
/** A row's source: a sheet read (above), or a row the officer added to the plan by hand. */
export const ROW_SOURCES = [...ACTION_SOURCES, 'officer'] as const;
export type RowSource = (typeof ROW_SOURCES)[number];

/** Government agencies (ส่วนราชการ, the district) or local authorities (อปท.). */
export type ActionSide = 'agency' | 'local';

export interface RowRef {
  file: string;
  sheet: string;
  /** 1-based row. */
  row: number;
}

export interface ActionRow {
  name: string;
  village?: number;
  /** Tambon name without "ตำบล" (normalised), when known. */
  tambon?: string;
  /** The ส่วนราชการ or อปท. that carries the project out (its group in the table). */
  agency: string;
  side: ActionSide;
  /** Baht in the fiscal year. */
  amount: number;
  source: RowSource;
  /** Where the row came from; a row the officer added: its row in the previous plan (its ที่มา stays blank). */
  src: RowRef;
  note: string;
  /** The officer's columns, kept across re-runs. */
  officer?: OfficerCells;
  /** On a re-run onto a previous plan: kept (found again), new, or added by the officer by hand. */
  status?: 'kept' | 'new' | 'added';
}

/**
 * The columns the district officer fills in the action plan (OnePlan writes them blank, then keeps them);
 * the officer's own lines in หมายเหตุ are kept too (rerun.ts).
 */
export interface OfficerCells {
  /** ผู้รับผิดชอบ */
  responsible: string;
  /** ผลการดำเนินงาน */
  progress: string;
}

/** A row of the previous plan as read back (action-plan/previous.ts). */
export interface PreviousActionRow extends Pick<ActionRow, 'name' | 'village' | 'tambon' | 'agency' | 'side' | 'amount'> {
  /** 1-based row in the previous plan's sheet (or in `sheet`). */
  row: number;
  /** Set for a row an earlier re-run listed as gone: the sheet that lists it. */
  sheet?: string;
  /** Its ที่มา line ('' when the officer added the row by hand). */
  source: string;
  /** Its หมายเหตุ as written (the source's note, OnePlan's remarks, and what the officer typed there). */
  remark: string;
  officer: OfficerCells;
}

/** The action plan already in the output (its sheet, fiscal year and rows). */
export interface PreviousActionPlan {
  /** The workbook it was read from (the provenance of the rows the officer added). */
  file: string;
  sheet: string;
  fiscalYear?: number;
  rows: PreviousActionRow[];
  /** Rows an earlier re-run listed as gone (sheet ไม่มีในรอบนี้): found again when an input gives them back. */
  gone?: PreviousActionRow[];
}

/** What a re-run did with the previous plan. */
export interface ActionMergeReport {
  sheet: string;
  kept: number;
  new: number;
  /** Rows the officer added by hand, carried into the plan. */
  added: number;
  /** Rows of the previous plan no input gives any more: listed on their own sheet, not dropped. */
  vanished: PreviousActionRow[];
}

export interface ActionTambon {
  /** Tambon name, or null when the row names none. */
  tambon: string | null;
  rows: ActionRow[];
  total: number;
}

export interface ActionGroup {
  agency: string;
  side: ActionSide;
  tambons: ActionTambon[];
  count: number;
  total: number;
}

/** Two rows of different files that may be one project (an agency's and an อปท.'s, most often). */
export interface ActionDuplicate {
  /** Indices into ActionPlan.rows (table order). */
  a: number;
  b: number;
  confidence: Confidence;
  similarity: number;
  /** One side is an agency's row and the other an อปท.'s. */
  acrossSides: boolean;
}

export interface ActionSheetReport {
  name: string;
  /** How the sheet was read, or null when it was left out. */
  source: ActionSource | null;
  organisation?: string;
  /** Project rows on the sheet. */
  projects: number;
  /** Rows taken into the plan (funded in the fiscal year). */
  taken: number;
  note?: string;
  noteEn?: string;
}

export interface ActionInputReport {
  file: string;
  status: 'ok' | 'skipped' | 'failed';
  error?: InputError;
  sheets: ActionSheetReport[];
}

/** A cell that could not be taken (a budget that is not a number), named by file, sheet and cell. */
export interface ActionProblem {
  file: string;
  sheet: string;
  cell: string;
  message: string;
  messageEn: string;
}

export interface ActionPlan {
  fiscalYear: number;
  /** "อำเภอเมืองนครสวรรค์", when given. */
  district?: string;
  inputs: ActionInputReport[];
  groups: ActionGroup[];
  /** Every row in table order (group, tambon, source order). */
  rows: ActionRow[];
  total: number;
  duplicates: ActionDuplicate[];
  problems: ActionProblem[];
  /** Present when the run merged with a previous plan. */
  merge?: ActionMergeReport;
}
