/**
 * The ก.บ.อ. approval of a district needs table (samutsongkhram-2562: "ซึ่งผ่านการพิจารณาของคณะกรรมการ
 * บริหารงานอำเภอ (ก.บ.อ.) เรียบร้อยแล้ว"): the meeting and its B.E. date, one line of the title block.
 * Written by consolidation, filled in by hand or read back by a re-run and by validate.
 */
import { formatThaiDateLong, parseThaiDate, type ThaiDate } from './calendar/thai';
import { flatText, thaiToArabic } from './thai';

/** The meeting ("3/2568") and its date (B.E.). */
export interface Approval {
  meeting: string;
  date: ThaiDate;
}

const APPROVAL_HEAD = 'ผ่านความเห็นชอบของคณะกรรมการบริหารงานอำเภอ (ก.บ.อ.)';

/** The approval line of the title block; dotted blanks to fill by hand when there is no approval yet. */
export function approvalLine(a: Approval | undefined): string {
  if (!a) return `${APPROVAL_HEAD} ในการประชุมครั้งที่ .......... เมื่อวันที่ ..............................`;
  return `${APPROVAL_HEAD} ในการประชุมครั้งที่ ${a.meeting} เมื่อวันที่ ${formatThaiDateLong(a.date, { weekday: false })}`;
}

/** Does a title line speak of the ก.บ.อ. (filled in or not)? */
export function isApprovalLine(text: string): boolean {
  return /ก\s*\.?\s*บ\s*\.?\s*อ\s*\.|คณะกรรมการบริหารงานอำเภอ/.test(flatText(text));
}

/** The approval a title line records (as written or filled in by hand), or undefined when it records none. */
export function parseApprovalLine(text: string): Approval | undefined {
  if (!isApprovalLine(text)) return undefined;
  const t = thaiToArabic(flatText(text));
  const m = /ครั้งที่\s*(\d+(?:\s*\/\s*\d{2,4})?)/.exec(t);
  const d = /วันที่\s*(.+?)\s*$/.exec(t);
  const date = d ? parseThaiDate(d[1]) : undefined;
  return m && date ? { meeting: m[1].replace(/\s+/g, ''), date } : undefined;
}
