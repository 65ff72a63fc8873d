/**
 * Files a folder scan leaves out, each with its reason, so none vanishes without a word: the officer
 * sees it in the report, the pane and --json, and a roster sender whose only file was left out is
 * "received, unusable" (roster.ts), not "received" or "not yet".
 */

/** What a folder scan reads: the Excel workbook format (.xlsx, and .xlsm: the same with macros) and CSV. */
export const READABLE_FILE = /\.(xlsx|xlsm|csv)$/i;

export const SKIP_REASONS = ['save-as-xlsx', 'word', 'folder', 'temp', 'other-type'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedFile {
  /** The path as found (CLI) or the file's name (pane). */
  file: string;
  reason: SkipReason;
  message: string;
  messageEn: string;
}

/** [Thai, English] per reason; the file is named before it. */
const WHY: Record<SkipReason, (ext: string) => readonly [string, string]> = {
  'save-as-xlsx': (ext) => [
    `เป็นสมุดงานแบบเก่าหรือแบบอื่น (${ext}): เปิดใน Excel แล้วบันทึกเป็น "สมุดงาน Excel (.xlsx)" ก่อน`,
    `is an old or other workbook format (${ext}): open it in Excel and save it as .xlsx first`,
  ],
  word: () => [
    'เป็นเอกสาร Word ไม่ใช่สมุดงาน Excel: คัดลอกตารางแผนไปวางใน Excel แล้วบันทึกเป็น .xlsx',
    'is a Word document, not an Excel workbook: copy the plan table into Excel and save it as .xlsx',
  ],
  folder: () => [
    'เป็นโฟลเดอร์: ไม่ได้อ่านไฟล์ข้างใน (ระบุโฟลเดอร์นั้นหรือไฟล์ในนั้นแยกต่างหาก)',
    'is a folder: the files in it were not read (give that folder or its files on their own)',
  ],
  temp: () => [
    'เป็นไฟล์ชั่วคราวของโปรแกรม (เช่น ~$ ของ Excel ที่เปิดค้างอยู่)',
    'is a program’s temporary or hidden file (e.g. Excel’s ~$ lock file)',
  ],
  'other-type': (ext) => [
    `ไม่ใช่สมุดงาน Excel (${ext || 'ไม่มีนามสกุล'}): อ่านได้เฉพาะ .xlsx, .xlsm และ .csv`,
    `is not an Excel workbook (${ext || 'no extension'}): only .xlsx, .xlsm and .csv are read`,
  ],
};

/** Why a folder scan leaves `name` out, or undefined when it reads it. */
export function skipReasonOf(name: string, isFolder: boolean): SkipReason | undefined {
  if (isFolder) return 'folder';
  // Excel's lock file "~$แผน.xlsx", LibreOffice's ".~lock.แผน.xlsx#", hidden files (.DS_Store).
  if (name.startsWith('~$') || name.startsWith('.')) return 'temp';
  if (READABLE_FILE.test(name)) return undefined;
  if (/\.(xls|xlsb|xlt|xltx|xltm|ods|numbers)$/i.test(name)) return 'save-as-xlsx';
  if (/\.(docx?|docm|dotx?)$/i.test(name)) return 'word';
  return 'other-type';
}

/** The entry for a file a folder scan leaves out (`file` as it is shown; `name` its last part). */
export function skippedFile(file: string, name: string, reason: SkipReason): SkippedFile {
  const ext = /\.[^.]+$/.exec(name)?.[0].toLowerCase() ?? '';
  const [th, en] = WHY[reason](ext);
  return { file, reason, message: `ข้าม "${file}": ${th}`, messageEn: `Skipped "${file}": it ${en}` };
}
