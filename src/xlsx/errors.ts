/** Errors for files that cannot be read. Messages name the file, in Thai first (officers read Thai). */

import type { ReadErrorCode } from '../engine/file-errors';

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
 * Build the standard error for a code; `detail` (a part name, a cause) is appended where useful, in
 * the Thai message as `detailTh` when given, else only when it reads in Thai too (readsInThai).
 */
export function readError(code: ReadErrorCode, file: string, detail?: string, detailTh?: string): WorkbookReadError {
  const f = `"${file}"`;
  const th = detailTh ?? (detail && readsInThai(detail) ? detail : undefined);
  const d = th ? ` (${th})` : '';
  const dEn = detail ? ` (${detail})` : '';
  switch (code) {
    case 'not-zip':
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} ไม่ใช่ไฟล์ Excel (.xlsx) หรือ CSV${d}: ตรวจสอบว่าเลือกไฟล์ถูกต้อง`,
        `${f} is not an Excel .xlsx or CSV file${dEn}`,
        file,
      );
    case 'truncated':
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} ไม่ครบหรือเสียหาย (อาจดาวน์โหลดหรือคัดลอกมาไม่สมบูรณ์): ขอไฟล์ใหม่จากผู้ส่ง${d}`,
        `${f} is truncated or damaged (incomplete download or copy)${dEn}`,
        file,
      );
    case 'corrupt':
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} เสียหาย อ่านข้อมูลไม่ได้: เปิดใน Excel แล้วบันทึกใหม่ หรือขอไฟล์ใหม่จากผู้ส่ง${d}`,
        `${f} is damaged and cannot be read${dEn}`,
        file,
      );
    case 'too-large':
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} มีข้อมูลใหญ่เกินกว่าที่อ่านได้ หรือมีข้อมูลบีบอัดผิดปกติ: แบ่งเป็นหลายไฟล์ หรือเปิดใน Excel แล้วบันทึกใหม่${d}`,
        `${f} is too large to read or its compressed data is abnormal (possible zip bomb)${dEn}`,
        file,
      );
    case 'encrypted':
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} ถูกตั้งรหัสผ่าน: เปิดใน Excel แล้วบันทึกโดยไม่ใส่รหัสผ่านก่อน`,
        `${f} is password-protected: open it in Excel and save it without a password first`,
        file,
      );
    case 'xls-format':
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} เป็นไฟล์ Excel รุ่นเก่า (.xls): เปิดใน Excel แล้วบันทึกเป็น "สมุดงาน Excel (.xlsx)" ก่อน`,
        `${f} is an old Excel .xls file: open it in Excel and save it as .xlsx first`,
        file,
      );
    case 'xlsb-format':
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} เป็นสมุดงานแบบไบนารี (.xlsb): เปิดใน Excel แล้วบันทึกเป็น "สมุดงาน Excel (.xlsx)" ก่อน`,
        `${f} is a binary workbook (.xlsb): save it as .xlsx first`,
        file,
      );
    case 'ods':
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} เป็นไฟล์ OpenDocument (.ods): เปิดแล้วบันทึกเป็น "สมุดงาน Excel (.xlsx)" ก่อน`,
        `${f} is an OpenDocument spreadsheet (.ods): save it as .xlsx first`,
        file,
      );
    case 'not-spreadsheet':
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} ไม่ใช่สมุดงาน Excel (ไม่พบส่วน xl/workbook.xml): อาจเป็นเอกสารชนิดอื่น เช่น Word${d}`,
        `${f} is not an Excel workbook (no xl/workbook.xml)${dEn}`,
        file,
      );
    case 'word-document':
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} เป็นเอกสาร Word${d} ไม่ใช่สมุดงาน Excel: ถ้าตารางแผนอยู่ใน Word ให้คัดลอกตารางไปวางใน Excel แล้วบันทึกเป็น .xlsx`,
        `${f} is a Word document${dEn}, not an Excel workbook: copy the plan table into Excel and save it as .xlsx`,
        file,
      );
    case 'bad-xml':
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} มีข้อมูลภายในที่ไม่ถูกต้องหรือไม่ปลอดภัย: เปิดใน Excel แล้วบันทึกใหม่${d}`,
        `${f} contains invalid or unsafe XML${dEn}`,
        file,
      );
    case 'missing-part':
      // A sheet listed in the workbook whose data part (or its relationship) is not in the file.
      return new WorkbookReadError(
        code,
        `ไฟล์ ${f} เสียหาย: มีชื่อชีตแต่ไม่พบข้อมูลของชีต${d} ข้อมูลโครงการในชีตนั้นจะหายไป: ขอไฟล์ใหม่จากผู้ส่ง หรือเปิดใน Excel แล้วบันทึกใหม่`,
        `${f} is damaged: a sheet is listed but its data is missing${dEn}; its projects would be lost: ask the sender for a new file`,
        file,
      );
    case 'not-found':
      return new WorkbookReadError(code, `ไม่พบไฟล์ ${f}${d}`, `file ${f} not found${dEn}`, file);
    case 'is-folder':
      return new WorkbookReadError(code, `${f} เป็นโฟลเดอร์ ไม่ใช่ไฟล์`, `${f} is a folder, not a file`, file);
    case 'read-failed':
    default:
      return new WorkbookReadError(code, `อ่านไฟล์ ${f} ไม่ได้${d}`, `cannot read ${f}${dEn}`, file);
  }
}
