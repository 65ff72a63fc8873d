/** Messages between the pane and the xlsx-reading worker, and the view of a consolidation both sides make. */
import type { WorkbookModel } from '../../engine/model';
import type { ReadErrorCode } from '../../engine/file-errors';

export interface ReadRequest {
  id: number;
  bytes: ArrayBuffer;
  fileName: string;
}

export type ReadResponse =
  | { id: number; ok: true; workbook: WorkbookModel }
  | { id: number; ok: false; error: { name: string; code?: ReadErrorCode; message: string; messageEn?: string } };

// ---- Consolidation worker (consolidate.worker.ts): read + collect + match off the main thread ----

import type { ConsolidateOptions, ConsolidateResult, DuplicateGroup, InputReport } from '../../engine/consolidate/types';
import type { SendersReport } from '../../engine/consolidate/types';
import type { SkippedFile } from '../../engine/consolidate/skipped';
import type { Route } from '../../engine/classification';
import type { OutSheet } from '../../engine/output';
import { receiverOf, SPLIT_KEYS, type SplitKey } from '../../engine/consolidate/split';

/** What a pane run passes to the engine (plain data: it crosses to the worker). */
export type RunOptions = Pick<
  ConsolidateOptions,
  'strategies' | 'district' | 'expected' | 'approval' | 'classWords' | 'previous' | 'skipped'
>;

/** What the panel shows of a consolidation (the full result stays in the worker). */
export interface ConsolidateView {
  inputs: InputReport[];
  years: number[];
  totals: Record<number, number>;
  itemCount: number;
  /** Items counted in the totals. */
  counted: number;
  /** The first duplicate groups (the sheet has them all). */
  duplicates: DuplicateGroup[];
  duplicateCount: number;
  /** Needs items whose provincial development issue is missing, unknown or does not fit (with a strategy list). */
  mismatchCount: number;
  /** Needs per route (pao / agency / province). */
  routes: Record<Route, number>;
  /** A district plan was given: how many needs it lacks; null without one. */
  notInDistrictPlan: number | null;
  district?: string;
  approved: boolean;
  senders?: SendersReport;
  /** Files left out before reading (lock files, dropped folders), each with why. */
  skipped?: SkippedFile[];
  /** Merged with the table already in the workbook: needs kept, new, and gone. */
  merge?: { kept: number; new: number; vanished: string[] };
  /** The province's decisions carried back: how many needs received one, how many matched none. */
  returned?: { applied: number; unmatched: number };
  /** How many receivers the table goes back to, by key (the per-receiver download's choices). */
  receivers: Record<SplitKey, number>;
}

/** Duplicate groups the pane shows (a district run can have thousands; the sheet lists them all). */
export const VIEW_DUPLICATES = 200;

/** The view of a result, the same whether the worker or the pane itself consolidated. */
export function consolidateView(r: ConsolidateResult): ConsolidateView {
  return {
    inputs: r.inputs,
    years: r.years,
    totals: r.totals,
    itemCount: r.items.length,
    counted: r.items.filter((i) => i.inTotals).length,
    duplicates: r.duplicates.slice(0, VIEW_DUPLICATES),
    duplicateCount: r.duplicates.length,
    mismatchCount: r.strategyMismatches.length,
    routes: {
      pao: r.items.filter((i) => i.route === 'pao').length,
      agency: r.items.filter((i) => i.route === 'agency').length,
      province: r.items.filter((i) => i.route === 'province').length,
    },
    notInDistrictPlan: r.districtPlan ? r.notInDistrictPlan.length : null,
    ...(r.district ? { district: r.district } : {}),
    approved: !!r.approval,
    ...(r.senders ? { senders: r.senders } : {}),
    ...(r.skipped?.length ? { skipped: r.skipped } : {}),
    ...(r.merge ? { merge: { kept: r.merge.kept, new: r.merge.new, vanished: r.merge.vanished.map((v) => v.name) } } : {}),
    ...(r.returned ? { returned: { applied: r.returned.applied, unmatched: r.returned.unmatched.length } } : {}),
    receivers: Object.fromEntries(SPLIT_KEYS.map((by) => [by, new Set(r.items.map((it) => receiverOf(it, by))).size])) as Record<
      SplitKey,
      number
    >,
  };
}

export type ConsolidateRequest =
  | { type: 'run'; runId: number; files: Array<{ name: string; bytes: ArrayBuffer }>; opts?: RunOptions }
  | { type: 'xlsx'; runId: number }
  | { type: 'sheets'; runId: number }
  /** One file per receiver, zipped (receiverZip); `from` names the table in each part's title. */
  | { type: 'receivers'; runId: number; by: SplitKey; from: string };

export type ConsolidateResponse =
  | { type: 'progress'; runId: number; phase: 'reading' | 'consolidating'; done: number; total: number }
  | { type: 'result'; runId: number; view: ConsolidateView }
  | { type: 'xlsx'; runId: number; bytes: ArrayBuffer }
  | { type: 'sheets'; runId: number; sheets: OutSheet[] }
  | { type: 'receivers'; runId: number; bytes: ArrayBuffer }
  | { type: 'error'; runId: number; message: string; messageEn?: string };
