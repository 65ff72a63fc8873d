/**
 * The validation report as a sheet: a summary per sheet, then every finding with its cell. Written as
 * a new tagged sheet in Excel, or as a downloaded .xlsx in the browser and on the command line.
 */
import type { CellStyle, OutCell, OutSheet, OutWorkbook } from '../output';
import { THAI_MONTHS_ABBR } from '../thai';
import type { WorkbookReport } from './findings';

export const REPORT_SHEET_NAME = { th: 'รายงานตรวจสอบ', en: 'Validation report' } as const;
export const SUMMARY_SHEET_NAME = { th: 'สรุปผลตรวจสอบ', en: 'Validation summary' } as const;

const SEVERITY = {
  th: { error: 'ข้อผิดพลาด', warning: 'คำเตือน', info: 'ข้อแนะนำ' },
  en: { error: 'Error', warning: 'Warning', info: 'Note' },
} as const;
const FILL = { error: 'FFC7CE', warning: 'FFEB9C', info: 'DDEBF7' } as const;

const head: CellStyle = { bold: true, fill: 'D9E1F2', border: true, align: 'center', valign: 'center', wrap: true };
const cellStyle: CellStyle = { border: true, valign: 'top', wrap: true };

function titleRows(th: boolean, now: Date, title: string): OutCell[][] {
  return [
    [{ value: title, style: { bold: true, size: 20 } }],
    [th ? `ตรวจเมื่อ ${thaiDate(now)}` : `Checked on ${now.toISOString().slice(0, 10)}`],
  ];
}

/** Every finding, one row each, header frozen at the top. */
export function reportSheet(reports: WorkbookReport[], lang: 'th' | 'en' = 'th', now = new Date()): OutSheet {
  const th = lang === 'th';
  const rows = titleRows(th, now, th ? 'รายงานผลการตรวจสอบแผน (OnePlan)' : 'Plan validation report (OnePlan)');
  const headerRow = rows.length;
  const findingHeader = th
    ? ['ลำดับ', 'ไฟล์', 'ชีต', 'เซลล์', 'ระดับ', 'รหัส', 'รายละเอียด', 'วิธีแก้ไขที่แนะนำ']
    : ['No.', 'File', 'Sheet', 'Cell', 'Severity', 'Code', 'Details', 'Suggested fix'];
  rows.push(findingHeader.map((h) => ({ value: h, style: head })));
  let no = 0;
  for (const f of reports) {
    if (!f.ok) {
      no++;
      rows.push([no, f.file, '-', '-', { value: SEVERITY[lang].error, style: { ...cellStyle, fill: FILL.error } }, f.error?.code ?? 'unreadable', f.error?.message ?? '', '']);
      continue;
    }
    for (const s of f.sheets) {
      for (const x of s.findings) {
        no++;
        rows.push([
          { value: no, style: { ...cellStyle, align: 'center' } },
          { value: f.file, style: cellStyle },
          { value: s.name, style: cellStyle },
          { value: x.row !== null ? `${x.column ?? ''}${x.row}` : '-', style: { ...cellStyle, align: 'center' } },
          { value: SEVERITY[lang][x.severity], style: { ...cellStyle, fill: FILL[x.severity] } },
          { value: x.code, style: cellStyle },
          { value: th ? x.message : x.messageEn, style: cellStyle },
          { value: x.fix ? (th ? x.fix.label : x.fix.labelEn) : '', style: cellStyle },
        ]);
      }
    }
  }
  if (no === 0) rows.push([th ? 'ไม่พบปัญหา' : 'No problems found']);
  return {
    name: REPORT_SHEET_NAME[lang],
    rows,
    colWidths: [8, 28, 28, 10, 12, 20, 70, 30],
    freezeRows: headerRow + 1,
    table: no > 0 ? { headerRow, lastRow: rows.length - 1, lastCol: findingHeader.length - 1, name: 'OnePlanFindings' } : undefined,
    page: { orientation: 'landscape', fitWidth: true },
    printTitleRows: [headerRow, headerRow],
  };
}

/** One row per sheet: kind, projects, counts of findings, budget per year. */
export function summarySheet(reports: WorkbookReport[], lang: 'th' | 'en' = 'th', now = new Date()): OutSheet {
  const th = lang === 'th';
  const rows = titleRows(th, now, th ? 'สรุปผลการตรวจสอบรายชีต' : 'Validation summary by sheet');
  const years = [...new Set(reports.flatMap((f) => f.sheets.flatMap((s) => Object.keys(s.totals))))].sort();
  const headerRow = rows.length;
  const header = [
    ...(th ? ['ไฟล์', 'ชีต', 'แบบ', 'จำนวนโครงการ', 'ข้อผิดพลาด', 'คำเตือน', 'ข้อแนะนำ'] : ['File', 'Sheet', 'Form', 'Projects', 'Errors', 'Warnings', 'Notes']),
    ...years.map((y) => (th ? `งบประมาณ ${y} (บาท)` : `Budget ${y} (baht)`)),
  ];
  rows.push(header.map((h) => ({ value: h, style: head })));
  const money: CellStyle = { ...cellStyle, numFmt: '#,##0;-#,##0;"-"' };
  for (const f of reports) {
    if (!f.ok) {
      rows.push([f.file, '-', th ? 'อ่านไม่ได้' : 'unreadable', { value: f.error?.message ?? '', style: { ...cellStyle, fill: FILL.error } }]);
      continue;
    }
    for (const s of f.sheets) {
      if (s.kind === 'other' && !s.findings.length) continue;
      const n = (sev: string) => s.findings.filter((x) => x.severity === sev).length;
      rows.push([
        { value: f.file, style: cellStyle },
        { value: s.name, style: cellStyle },
        { value: s.formCode ?? s.kind, style: cellStyle },
        { value: s.projects, style: cellStyle },
        { value: n('error'), style: n('error') ? { ...cellStyle, fill: FILL.error } : cellStyle },
        { value: n('warning'), style: cellStyle },
        { value: n('info'), style: cellStyle },
        ...years.map((y): OutCell => ({ value: s.totals[y] ?? null, style: money })),
      ]);
    }
  }
  return {
    name: SUMMARY_SHEET_NAME[lang],
    rows,
    colWidths: [28, 30, 12, 12, 11, 11, 11, ...years.map(() => 16)],
    freezeRows: headerRow + 1,
    page: { orientation: 'landscape', fitWidth: true },
    printTitleRows: [headerRow, headerRow],
  };
}

export function reportWorkbook(reports: WorkbookReport[], lang: 'th' | 'en' = 'th'): OutWorkbook {
  return { sheets: [reportSheet(reports, lang), summarySheet(reports, lang)] };
}

function thaiDate(d: Date): string {
  return `${d.getDate()} ${THAI_MONTHS_ABBR[d.getMonth()]} ${d.getFullYear() + 543}`;
}
