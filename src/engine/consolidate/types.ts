/**
 * Consolidation contracts: received workbooks in, the district needs table (แผนความต้องการของอำเภอ)
 * out. The same shapes feed the task pane, the CLI's --json and the written sheets.
 */
import type { WorkbookModel, SheetModel } from '../model';
import type { FormKind, PlanSheet } from '../plan';
import type { MatchStatus, StrategyList } from '../strategy/model';
import type { ClassWords, Route } from '../classification';
import type { Approval } from '../approval';
import type { ThaiDate } from '../calendar/thai';
import type { SkippedFile } from './skipped';
import type { PlaceCodes } from '../places/types';
import type { ProvinceDecision } from './decision';
import type { RowRef } from './provenance';
import { isFileErrorCode, type FileErrorCode } from '../file-errors';

export type { ProvinceDecision, DecisionKind } from './decision';

/** One received file, as the adapter (Node fs / browser File / Office) read it. */
export interface ConsolidateInput {
  /** File name as given (CLI: the path as typed). */
  file: string;
  /** SHA-256 hex of the file bytes (the adapter computes it). */
  checksum: string;
  workbook?: WorkbookModel;
  /** Set when the file could not be read; the run goes on. */
  error?: InputError;
  /** Validation findings count, when the caller ran validate first. */
  findings?: number;
}

export interface ConsolidateOptions {
  /**
   * Classification words (beyond capacity / an agency's duty / asking for support): a tambon or village
   * row is a need when its class holds one, and its default route follows from which. Missing lists
   * take the defaults (DEFAULT_CLASS_WORDS).
   */
  classWords?: Partial<ClassWords>;
  /** District name: titles the table and fills `district` on every item. */
  district?: string;
  /**
   * Province name (a province's roll-up, or "อำเภอเมือง" told apart): where the files' district and tambon
   * names are resolved to codes (places/). Nothing else changes with it.
   */
  province?: string;
  /** The needs table as the officer left it (a re-run): ranks, routes, notes and approval are kept. */
  previous?: PreviousTable;
  /** The district's roster of tambons and อปท. expected to send a plan (who has not sent yet). */
  expected?: string[];
  /** When the roster's plans are due; default the calendar's step for their sending (expected.ts). */
  due?: ThaiDate;
  /** The day lateness is counted on; default the run's (local) date. */
  today?: ThaiDate;
  /** ก.บ.อ. approval of the list (overrides the one in `previous`). */
  approval?: Approval;
  /** Files the adapter's folder scan left out (reported with the result; a roster sender's is "unusable"). */
  skipped?: SkippedFile[];
  /** The province's development issues: items are linked to their codes, mismatches reported. */
  strategies?: StrategyList;
  /** Called after each file (and once at the start with 0). */
  onProgress?: (filesDone: number, total: number) => void;
  signal?: AbortSignal;
  /** Form recognition; default readPlanSheet (tests and the Office adapter may pass their own). */
  recognise?: (sheet: SheetModel) => PlanSheet;
}

export type { Approval } from '../approval';

export type InputStatus = 'ok' | 'skipped' | 'failed';

export interface SheetSummary {
  name: string;
  kind: FormKind;
  formCode?: string;
  /** Project rows read from the sheet. */
  projects: number;
  /** Rows taken into the needs table (before duplicates were merged). */
  taken: number;
  /** Organisation line of the sheet (who sent it: อบต./เทศบาล/ตำบล…), when it has one. */
  organisation?: string;
  /** Why the sheet gave nothing (not a project form, no support projects, …), in Thai and English. */
  note?: string;
  noteEn?: string;
}

/** Why a file could not be read (every front door: CLI, pane, worker): its code, Thai and English messages. */
export interface InputError {
  code: FileErrorCode;
  message: string;
  messageEn: string;
}

/** The InputError of what a reader threw (its code, Thai and English messages; 'read-failed' without one of ours). */
export function inputErrorOf(e: unknown): InputError {
  const err = e as { code?: unknown; message?: string; messageEn?: string } | undefined;
  return {
    code: isFileErrorCode(err?.code) ? err.code : 'read-failed',
    message: err?.message ?? String(e),
    messageEn: err?.messageEn ?? err?.message ?? String(e),
  };
}

export interface InputReport {
  file: string;
  checksum: string;
  status: InputStatus;
  error?: InputError;
  sheets: SheetSummary[];
  projects: number;
  taken: number;
  findings?: number;
  note?: string;
  noteEn?: string;
  /** The district whose needs table the file is (a province's roll-up). */
  district?: string;
  /** A province's needs table (or a part `split` made of one): its rows' decisions, to carry back into the district's table. */
  returned?: ReturnedDecision[];
}

/** A row of the province's returned table that has a decision (ผลการพิจารณาของจังหวัด). */
export interface ReturnedDecision extends Pick<DuplicateMember, 'file' | 'sheet' | 'row' | 'name' | 'village' | 'tambon'> {
  /** Its อำเภอ cell: a whole province's table returned to one district brings the others' rows too. */
  district?: string;
  /** Its ที่มา lines ("file / sheet / แถว N"): the district table's row it came from. */
  sources: string[];
  decision: ProvinceDecision;
}

/** Why a returned decision was put on no need: none fits, its need already has one, several fit. */
export const UNMATCHED_DECISION_REASONS = ['not-found', 'taken', 'ambiguous'] as const;
export type UnmatchedDecisionReason = (typeof UNMATCHED_DECISION_REASONS)[number];

/** A returned decision put on no need, with why (Thai and English). */
export interface UnmatchedDecision extends ReturnedDecision {
  reason: UnmatchedDecisionReason;
  message: string;
  messageEn: string;
}

/** What the province's returned decisions did to the district's table. */
export interface ReturnedReport {
  /** The returned files. */
  files: string[];
  /** Needs that received a decision. */
  applied: number;
  /** Decisions put on no need of the table, with why (listed in ผลการพิจารณาที่ไม่พบรายการ). */
  unmatched: UnmatchedDecision[];
}

/** Where a row came from; `row` is 1-based (as the officer sees it). */
export interface SourceRef {
  file: string;
  sheet: string;
  row: number;
  kind: FormKind;
  /** Organisation line of the sheet (อบต./เทศบาล/ตำบล…). */
  organisation?: string;
  /**
   * A row of a province's needs table: the rows its ที่มา names (the districts' own table rows, as the
   * province received them) — what a part split by district points back at (split.ts).
   */
  origin?: RowRef[];
}

export interface ProvincialIssue {
  /** Issue number/code ("6"), or null when only a name is known or nothing at all. */
  code: string | null;
  /** Name as written (without "ยุทธศาสตร์จังหวัดที่ N"). */
  name: string;
  /** Full text as written in the source. */
  text: string;
}

export type Confidence = 'exact' | 'likely' | 'possible';

/** What a project row of any input says, as consolidation keeps it (candidates and needs items). */
export interface ProjectFields {
  name: string;
  objective: string;
  target: string;
  village?: number;
  tambon?: string;
  /** Proposing organisation (อปท. / tambon). */
  organisation?: string;
  /** Amount per B.E. year (0 for nil). */
  budgets: Record<number, number>;
  /** Years whose cell was not a number (counted as 0). */
  badBudgetYears: number[];
  issue: ProvincialIssue | null;
  agency: string;
  /** The source's own rank as written (ลำดับความสำคัญ), '' when none. */
  priority: string;
  note: string;
  /** Who handles the need (default from the classification and agency columns; the officer's on a re-run). */
  route: Route;
  /** The district a need came from (a province's roll-up: the district table's title or its อำเภอ column; at the district, --district). */
  district?: string;
  /** Where the project is, as gazetteer codes (places/types.ts); absent parts are unknown. */
  place?: PlaceCodes;
  /** Budget lines under the project's row ("จุดที่ 2"): already counted in `budgets`, kept to show them. */
  parts?: NeedsPart[];
}

/** A sub-line of a project as its source wrote it: its text, its row (1-based) and its amounts by B.E. year. */
export interface NeedsPart {
  name: string;
  row: number;
  budgets: Record<number, number>;
}

/**
 * Merged sources of one need that ask different amounts or years (ยอดไม่ตรงกัน): the table counts one
 * of them, by the rule (conflict.ts) or as the officer named it in the table's แหล่งที่นับยอด column.
 */
export interface BudgetConflict {
  /** What each source asks: budgets[k] is the item's sources[k]'s. */
  budgets: Array<Record<number, number>>;
  /** The source counted, 1-based as the table numbers them (sources[counted - 1]). */
  counted: number;
  /** 'rule': the first source in the counting order; 'officer': named in the needs table on a re-run. */
  by: 'rule' | 'officer';
}

/** A project of the needs table (one per duplicate group: the source first in the counting order kept). */
export interface NeedsItem extends ProjectFields {
  /** Stable id: index, in the canonical input order, of the kept source. */
  id: number;
  /** Every source: the kept one first, then merged duplicates (exact/likely), in the counting order (conflict.ts). */
  sources: SourceRef[];
  /** Set when the merged sources disagree on amount or year. */
  conflict?: BudgetConflict;
  /** False when the project is already in a local authority's own plan (ผ.02). */
  inTotals: boolean;
  /** Notes the engine adds (merged duplicates, in a local plan, possible duplicate…). */
  remarks: string[];
  /** The district's rank (ลำดับความสำคัญของอำเภอ): the default order, or the officer's on a re-run; null when blank. */
  rank: number | null;
  /** Whether the district's development plan holds the need; null when no district plan was given. */
  inDistrictPlan: boolean | null;
  /** The officer's note (บันทึกของอำเภอ), kept across re-runs. */
  officerNote: string;
  /** On a re-run: 'new' for a need the previous table did not have, 'kept' for one it had. */
  status?: 'new' | 'kept';
  /** The province's decision (ผลการพิจารณาของจังหวัด): typed by its officer, kept across re-runs, carried back down. */
  decision?: ProvinceDecision;
}

export interface DuplicateMember {
  file: string;
  sheet: string;
  row: number;
  name: string;
  village?: number;
  tambon?: string;
  /** The needs item this source ended up in (undefined for local-plan projects). */
  itemId?: number;
  /** True for a local-plan (ผ.02) project the request duplicates. */
  localPlan?: boolean;
  /** What the row asks, for the members of a merged group whose sources disagree (ยอดไม่ตรงกัน). */
  budgets?: Record<number, number>;
}

export interface DuplicateGroup {
  confidence: Confidence;
  /** Merged into one needs item (exact/likely), or listed for the officer (possible). */
  merged: boolean;
  /** The request duplicates a project in a local authority's own plan. */
  localPlan: boolean;
  similarity: number;
  /** Merged sources that disagree on amount or year: the item's `conflict` says which one counts. */
  conflict?: boolean;
  items: DuplicateMember[];
}

export interface StrategyMismatch {
  itemId: number;
  name: string;
  file: string;
  sheet: string;
  row: number;
  /** The link as written, or '' when the project has none. */
  declared: string;
  /** 'unknown': the link names an issue the list does not have; else the strategy matcher's verdict. */
  status: Exclude<MatchStatus, 'consistent'> | 'unknown';
  /** Issue code the matcher suggests. */
  suggested?: string;
  reason: string;
  reasonEn: string;
}

export interface IssueGroup {
  /** Group key: issue code, or normalised name, or '' for ไม่ระบุ. */
  key: string;
  code: string | null;
  label: string;
  items: NeedsItem[];
  /** Per year, counted items only. */
  totals: Record<number, number>;
  counted: number;
}

export interface ConsolidateResult {
  inputs: InputReport[];
  /** Union of budget years, ascending. */
  years: number[];
  items: NeedsItem[];
  /** Items grouped by provincial development issue, "ไม่ระบุ" last. */
  groups: IssueGroup[];
  /** Per year, items with inTotals only. */
  totals: Record<number, number>;
  duplicates: DuplicateGroup[];
  strategyMismatches: StrategyMismatch[];
  district?: string;
  approval?: Approval;
  /** Whether a district development plan was among the inputs (and how many of its projects were read). */
  districtPlan: { sheets: number; projects: number } | null;
  /** Needs the district plan does not hold (ids), when one was given. */
  notInDistrictPlan: number[];
  /** The re-run's merge with the previous table, when there was one. */
  merge?: MergeReport;
  /** Who was expected to send, who did, whose file could not be read, who has not sent (with a roster). */
  senders?: SendersReport;
  /** Files left out by the folder scan, each with why (none: absent or empty). */
  skipped?: SkippedFile[];
  /** At the district: the province's returned decisions, when its table was among the inputs. */
  returned?: ReturnedReport;
}

/** The previous needs table as the re-run reads it (merge.ts), and what the merge kept (here so types.ts imports no stage). */
export interface PreviousRow {
  /** 1-based row in the previous sheet. */
  row: number;
  name: string;
  village?: number;
  tambon?: string;
  /** First line of its ที่มา cell ("file / sheet / แถว N"). */
  source: string;
  rank: number | null;
  route: Route | null;
  officerNote: string;
  /** The source the officer counts when the need's sources disagree (แหล่งที่นับยอด), as written. */
  countedSource: string;
  /** The province's decision (ผลการพิจารณาของจังหวัด), as written. */
  decision: string;
}

export interface PreviousTable {
  sheet: string;
  rows: PreviousRow[];
  approval?: Approval;
  district?: string;
}

export interface MergeReport {
  /** The previous table's sheet. */
  sheet: string;
  kept: number;
  new: number;
  /** Needs of the previous table that this run no longer has (a file withdrawn, a row deleted). */
  vanished: Array<{ name: string; rank: number | null; row: number; source: string }>;
}

/** Who sent what, against the roster (roster.ts): received, sent but unusable (status 'unreadable'), or missing. */
export type SenderStatus = 'received' | 'unreadable' | 'missing';

export interface SendersReport {
  expected: string[];
  received: string[];
  /** Sent, but unusable: "ส่งมาแล้วแต่ใช้ไม่ได้" (the name is kept for the contract's sake). */
  unreadable: string[];
  missing: string[];
  /**
   * Per roster entry, in roster order: its status, the files matched to it and, when unusable, why; with a
   * due date, the date and, for an entry without a usable plan, the days late as of the run (0 before it).
   */
  entries: Array<{
    name: string;
    status: SenderStatus;
    files: string[];
    reason?: string;
    reasonEn?: string;
    due?: ThaiDate;
    daysLate?: number;
  }>;
}
