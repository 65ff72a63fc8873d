/**
 * The district's annual action plan (แผนปฏิบัติการประจำปีของอำเภอ) of one fiscal year: the funded
 * projects in the district — the province's list of agencies' projects, the district's own, and each
 * อปท.'s projects of that year (its budget ordinance, else its ผ.02 year column).
 */
import type { Confidence, InputError } from '../consolidate/types';

/** Where a sheet's rows come from: a list of funded projects, an อปท.'s budget ordinance, an อปท.'s ผ.02. */
export const ACTION_SOURCES = ['funded-list', 'ordinance', 'local-plan'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

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
  source: ActionSource;
  src: RowRef;
  note: string;
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
}
