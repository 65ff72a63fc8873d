/**
 * File errors: one registry of the codes for a file that could not be read or checked at all (findings.ts is the
 * registry for what a read file holds). Every front door (CLI --json, pane, worker) and every report schema takes
 * its code from here, so a code means one thing everywhere and the published schemas list them all.
 * It lives in the engine because src/xlsx already imports the engine (its model) and the engine imports nothing of
 * src/xlsx: both may use it without an arrow running up.
 *
 * Adding a code: one entry below (its messages are made where the cause is known: src/xlsx/errors.ts readError for
 * the reader's codes, the raising module for the others).
 */
import { z } from 'zod/v4';

/** The reader's codes (src/xlsx/errors.ts readError builds their Thai and English messages). */
export const READ_ERROR_CODES = [
  'not-zip',
  'truncated',
  'corrupt',
  'too-large',
  'encrypted',
  'xls-format',
  'xlsb-format',
  'ods',
  'not-spreadsheet',
  'bad-xml',
  'missing-part',
  'word-document',
  'not-found',
  'is-folder',
  'read-failed',
] as const;
export type ReadErrorCode = (typeof READ_ERROR_CODES)[number];

export const FILE_ERROR_CODES = [
  ...READ_ERROR_CODES,
  /** An input that came with neither a workbook nor its reader's error (consolidate). */
  'no-workbook',
  /** A workbook read but with no plan sheet to check: nothing checked is never "no problems" (validate). */
  'no-plan-sheet',
  /** `--strategies` names neither a file nor a built-in list (CLI). */
  'unknown-strategies',
  /** The strategy file holds no list of development issues (CLI). */
  'no-strategies',
  /** The check itself failed on this file; the rest of the files go on (CLI validate, match). */
  'internal',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

export const FileErrorCodeSchema = z.enum(FILE_ERROR_CODES);

const KNOWN: ReadonlySet<string> = new Set(FILE_ERROR_CODES);
/** Whether a thrown error's code is one of ours (a Node errno code such as EACCES is not). */
export const isFileErrorCode = (code: unknown): code is FileErrorCode => typeof code === 'string' && KNOWN.has(code);
