/** Errors for files that cannot be read. Messages name the file, in Thai first (officers read Thai). */

import { READ_ERRORS, type ReadErrorCode } from '../engine/file-errors';

export type { ReadErrorCode };

/** A file that cannot be read: the message names the file (Thai), `messageEn` in English. */
export class WorkbookReadError extends Error {
  constructor(
    public readonly code: ReadErrorCode,
    message: string,
    public readonly messageEn: string,
    public readonly file: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/**
 * A detail that reads in a Thai sentence too: Thai text, or one name (PDF, JSON, PowerPoint, .docx).
 * An English phrase ("bad local header") stays in the English message only: each message is wholly one language.
 */
const readsInThai = (detail: string): boolean => /[\u0E00-\u0E7F]/.test(detail) || /^\.?[A-Z0-9][\w.]*$|^\.[a-z]+$/.test(detail);

/**
 * Build the standard error for a code (its messages: READ_ERRORS); `detail` (a part name, a cause) is appended
 * where useful, in the Thai message as `detailTh` when given, else only when it reads in Thai too (readsInThai).
 */
export function readError(code: ReadErrorCode, file: string, detail?: string, detailTh?: string): WorkbookReadError {
  const f = `"${file}"`;
  const th = detailTh ?? (detail && readsInThai(detail) ? detail : undefined);
  const d = th ? ` (${th})` : '';
  const dEn = detail ? ` (${detail})` : '';
  const text = READ_ERRORS[code](f, d, dEn);
  return new WorkbookReadError(code, text.th, text.en, file);
}
