/**
 * File errors: one registry of the codes for a file that could not be read or checked at all (findings.ts is the
 * registry for what a read file holds). Every front door (CLI --json, pane, worker) and every report schema takes
 * its code from here, so a code means one thing everywhere and the published schemas list them all.
 * It lives in the engine because src/xlsx already imports the engine (its model) and the engine imports nothing of
 * src/xlsx: both may use it without an arrow running up.
 *
 * Adding a code: a reader's code is one entry in READ_ERRORS with its Thai and English messages; any other code is
 * one entry in FILE_ERROR_CODES, its messages made by the module that raises it (they name sheets, presets …).
 * The codes' schema is in file-error-schema.ts: this module loads no zod, so reading threads start without it.
 */
/**
 * A reader's message, Thai and English, from the quoted file name and the detail (a part name, a cause) as it
 * reads in each language: ` (…)`, or '' when there is none (src/xlsx/errors.ts readError decides which).
 */
type ReadText = (file: string, detail: string, detailEn: string) => { th: string; en: string };

/** The reader's codes and their messages (src/xlsx/errors.ts readError builds the error from them). */
export const READ_ERRORS = {
  'not-zip': (f, d, dEn) => ({
    th: `ไฟล์ ${f} ไม่ใช่ไฟล์ Excel (.xlsx) หรือ CSV${d}: ตรวจสอบว่าเลือกไฟล์ถูกต้อง`,
    en: `${f} is not an Excel .xlsx or CSV file${dEn}`,
  }),
  truncated: (f, d, dEn) => ({
    th: `ไฟล์ ${f} ไม่ครบหรือเสียหาย (อาจดาวน์โหลดหรือคัดลอกมาไม่สมบูรณ์): ขอไฟล์ใหม่จากผู้ส่ง${d}`,
    en: `${f} is truncated or damaged (incomplete download or copy)${dEn}`,
  }),
  corrupt: (f, d, dEn) => ({
    th: `ไฟล์ ${f} เสียหาย อ่านข้อมูลไม่ได้: เปิดใน Excel แล้วบันทึกใหม่ หรือขอไฟล์ใหม่จากผู้ส่ง${d}`,
    en: `${f} is damaged and cannot be read${dEn}`,
  }),
  'too-large': (f, d, dEn) => ({
    th: `ไฟล์ ${f} มีข้อมูลใหญ่เกินกว่าที่อ่านได้ หรือมีข้อมูลบีบอัดผิดปกติ: แบ่งเป็นหลายไฟล์ หรือเปิดใน Excel แล้วบันทึกใหม่${d}`,
    en: `${f} is too large to read or its compressed data is abnormal (possible zip bomb)${dEn}`,
  }),
  encrypted: (f) => ({
    th: `ไฟล์ ${f} ถูกตั้งรหัสผ่าน: เปิดใน Excel แล้วบันทึกโดยไม่ใส่รหัสผ่านก่อน`,
    en: `${f} is password-protected: open it in Excel and save it without a password first`,
  }),
  'xls-format': (f) => ({
    th: `ไฟล์ ${f} เป็นไฟล์ Excel รุ่นเก่า (.xls): เปิดใน Excel แล้วบันทึกเป็น "สมุดงาน Excel (.xlsx)" ก่อน`,
    en: `${f} is an old Excel .xls file: open it in Excel and save it as .xlsx first`,
  }),
  'xlsb-format': (f) => ({
    th: `ไฟล์ ${f} เป็นสมุดงานแบบไบนารี (.xlsb): เปิดใน Excel แล้วบันทึกเป็น "สมุดงาน Excel (.xlsx)" ก่อน`,
    en: `${f} is a binary workbook (.xlsb): save it as .xlsx first`,
  }),
  ods: (f) => ({
    th: `ไฟล์ ${f} เป็นไฟล์ OpenDocument (.ods): เปิดแล้วบันทึกเป็น "สมุดงาน Excel (.xlsx)" ก่อน`,
    en: `${f} is an OpenDocument spreadsheet (.ods): save it as .xlsx first`,
  }),
  'not-spreadsheet': (f, d, dEn) => ({
    th: `ไฟล์ ${f} ไม่ใช่สมุดงาน Excel (ไม่พบส่วน xl/workbook.xml): อาจเป็นเอกสารชนิดอื่น เช่น Word${d}`,
    en: `${f} is not an Excel workbook (no xl/workbook.xml)${dEn}`,
  }),
  'word-document': (f, d, dEn) => ({
    th: `ไฟล์ ${f} เป็นเอกสาร Word${d} ไม่ใช่สมุดงาน Excel: ถ้าตารางแผนอยู่ใน Word ให้คัดลอกตารางไปวางใน Excel แล้วบันทึกเป็น .xlsx`,
    en: `${f} is a Word document${dEn}, not an Excel workbook: copy the plan table into Excel and save it as .xlsx`,
  }),
  'bad-xml': (f, d, dEn) => ({
    th: `ไฟล์ ${f} มีข้อมูลภายในที่ไม่ถูกต้องหรือไม่ปลอดภัย: เปิดใน Excel แล้วบันทึกใหม่${d}`,
    en: `${f} contains invalid or unsafe XML${dEn}`,
  }),
  // A sheet listed in the workbook whose data part (or its relationship) is not in the file.
  'missing-part': (f, d, dEn) => ({
    th: `ไฟล์ ${f} เสียหาย: มีชื่อชีตแต่ไม่พบข้อมูลของชีต${d} ข้อมูลโครงการในชีตนั้นจะหายไป: ขอไฟล์ใหม่จากผู้ส่ง หรือเปิดใน Excel แล้วบันทึกใหม่`,
    en: `${f} is damaged: a sheet is listed but its data is missing${dEn}; its projects would be lost: ask the sender for a new file`,
  }),
  'not-found': (f, d, dEn) => ({
    th: `ไม่พบไฟล์ ${f}${d}`,
    en: `file ${f} not found${dEn}`,
  }),
  'is-folder': (f) => ({
    th: `${f} เป็นโฟลเดอร์ ไม่ใช่ไฟล์`,
    en: `${f} is a folder, not a file`,
  }),
  'read-failed': (f, d, dEn) => ({ th: `อ่านไฟล์ ${f} ไม่ได้${d}`, en: `cannot read ${f}${dEn}` }),
} satisfies Record<string, ReadText>;

export type ReadErrorCode = keyof typeof READ_ERRORS;
export const READ_ERROR_CODES = Object.keys(READ_ERRORS) as [ReadErrorCode, ...ReadErrorCode[]];

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

const KNOWN: ReadonlySet<string> = new Set(FILE_ERROR_CODES);
/** Whether a thrown error's code is one of ours (a Node errno code such as EACCES is not). */
export const isFileErrorCode = (code: unknown): code is FileErrorCode => typeof code === 'string' && KNOWN.has(code);
