/**
 * One-click consolidation: received workbooks → the district needs table (แผนความต้องการของอำเภอ).
 * Pure (no fs / Office / React): the adapters read files, compute checksums and write the result.
 *
 *   const result = await consolidate(inputs, { onProgress, signal, strategies });
 *   const wb = needsWorkbook(result);        // OutWorkbook: needs, summary, duplicates, sources
 *   const json = consolidateJson(result, 'needs.xlsx');
 *
 * This module only re-exports: reading (collect.ts), the entry points (consolidation.ts), the stages (pipeline.ts).
 */
export { Consolidation, consolidate } from './consolidation';
export { extractInput, inputOrder, type Extracted } from './collect';
export { consolidateCandidates } from './pipeline';
export type { ItemVerdict } from './verdicts';
export { groupByIssue } from './grouping';
export { MAX_POSSIBLE } from './duplicates';
export * from './types';
export {
  needsWorkbook,
  needsFileWorkbook,
  NEEDS_SHEET,
  SUMMARY_SHEET,
  DUPLICATES_SHEET,
  SOURCES_SHEET,
  FOLLOWUP_SHEET,
  VANISHED_SHEET,
  UNMATCHED_DECISIONS_SHEET,
  NEEDS_HEAD,
  NEEDS_TAIL,
} from './table';
export { consolidateJson } from './json';
export type { ConsolidateJson } from './json-schema';
export { parseIssue, issueKey, issueLabel } from './issue';
export { readPrevious } from './merge';
export { approvalLine, parseApprovalLine } from '../approval';
export type { PreviousTable, PreviousRow, MergeReport } from './types';
export { readRoster, sendersOf, senderKey } from './roster';
export { expectedSenders, calendarDue, type ExpectedSenders, type SenderLevel } from './expected';
export type { SendersReport } from './types';
export { READABLE_FILE, skipReasonOf, skippedFile, SKIP_REASONS } from './skipped';
export type { SkippedFile, SkipReason } from './skipped';
export { ROUTES, ROUTE_LABEL, DEFAULT_CLASS_WORDS, parseRoute, classify } from '../classification';
export type { Route, ClassWords } from '../classification';
