/**
 * The validation report as a sheet: a summary per sheet, then every finding with its cell. Written as
 * a new tagged sheet in Excel, or as a downloaded .xlsx in the browser and on the command line.
 */
import { DEFAULT_FONT, type CellStyle, type OutCell, type OutSheet, type OutWorkbook } from '../output';
import { AMOUNT_FORMAT, orientationFor, pageFooter, printedWidth, signatureBlock, titleBlockRows } from '../print';
import { THAI_MONTHS_ABBR } from '../thai';
import type { WorkbookReport } from '../findings';

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
  return titleBlockRows({ title, notes: [th ? `ตรวจเมื่อ ${thaiDate(now)}` : `Checked on ${now.toISOString().slice(0, 10)}`] });
}

/** Title lines merged over the printed columns, the signature block under the table, page setup. */
function printable(sheet: OutSheet, titleRows: number, columns: number, lang: 'th' | 'en', sign: boolean): OutSheet {
  const widths = sheet.colWidths ?? [];
  const merges = [...(sheet.merges ?? [])];
  for (let r = 0; r < titleRows; r++) merges.push({ r1: r, c1: 0, r2: r, c2: columns - 1 });
  const rows = [...sheet.rows];
  if (sign) {
    const block = signatureBlock(rows.length, widths, columns, undefined, lang);
    rows.push(...block.rows);
    merges.push(...block.merges);
  }
  return {
    ...sheet,
    rows,
    merges,
    page: {
      orientation: orientationFor(printedWidth(widths, columns)),
      fitWidth: true,
      ...(columns < widths.length ? { columns } : {}),
      footer: pageFooter(lang),
    },
    fitRows: true,
    font: { ...DEFAULT_FONT },
  };
}

/** Every finding, one row each, header frozen at the top. */
export function reportSheet(reports: WorkbookReport[], lang: 'th' | 'en' = 'th', now = new Date()): OutSheet {
  const th = lang === 'th';
  const rows = titleRows(th, now, th ? 'รายงานผลการตรวจสอบแผน (OnePlan)' : 'Plan validation report (OnePlan)');
  const headerRow = rows.length;
  // The finding's code (for the help pages and support) is the one column not printed.
  const findingHeader = th
    ? ['ลำดับ', 'ไฟล์', 'ชีต', 'เซลล์', 'ระดับ', 'รายละเอียด', 'วิธีแก้ไขที่แนะนำ', 'รหัส']
    : ['No.', 'File', 'Sheet', 'Cell', 'Severity', 'Details', 'Suggested fix', 'Code'];
  rows.push(findingHeader.map((h) => ({ value: h, style: head })));
  let no = 0;
  for (const f of reports) {
    if (!f.ok) {
      no++;
      rows.push([
        { value: no, style: { ...cellStyle, align: 'center' } },
        { value: f.file, style: cellStyle },
        { value: '-', style: cellStyle },
        { value: '-', style: cellStyle },
        { value: SEVERITY[lang].error, style: { ...cellStyle, fill: FILL.error } },
        { value: f.error?.message ?? '', style: cellStyle },
        { value: '', style: cellStyle },
        { value: f.error?.code ?? 'unreadable', style: cellStyle },
      ]);
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
          { value: th ? x.message : x.messageEn, style: cellStyle },
          { value: x.fix ? (th ? x.fix.label : x.fix.labelEn) : '', style: cellStyle },
          { value: x.code, style: cellStyle },
        ]);
      }
    }
  }
  if (no === 0) rows.push([th ? 'ไม่พบปัญหา' : 'No problems found']);
  const lastRow = rows.length - 1;
  return printable(
    {
      name: REPORT_SHEET_NAME[lang],
      rows,
      colWidths: [6, 22, 18, 8, 10, 56, 30, 20],
      freezeRows: headerRow + 1,
      table: no > 0 ? { headerRow, lastRow, lastCol: findingHeader.length - 1, name: 'OnePlanFindings' } : undefined,
      printTitleRows: [headerRow, headerRow],
    },
    headerRow,
    findingHeader.length - 1,
    lang,
    true,
  );
}

/** One row per sheet: kind, projects, counts of findings, budget per year. */
export function summarySheet(reports: WorkbookReport[], lang: 'th' | 'en' = 'th', now = new Date()): OutSheet {
  const th = lang === 'th';
  const rows = titleRows(th, now, th ? 'สรุปผลการตรวจสอบรายชีต' : 'Validation summary by sheet');
  const years = [...new Set(reports.flatMap((f) => f.sheets.flatMap((s) => Object.keys(s.totals))))].sort();
  const headerRow = rows.length;
  const header = [
    ...(th
      ? ['ไฟล์', 'ชีต', 'แบบ', 'จำนวนโครงการ', 'ข้อผิดพลาด', 'คำเตือน', 'ข้อแนะนำ']
      : ['File', 'Sheet', 'Form', 'Projects', 'Errors', 'Warnings', 'Notes']),
    ...years.map((y) => (th ? `งบประมาณ ${y} (บาท)` : `Budget ${y} (baht)`)),
  ];
  rows.push(header.map((h) => ({ value: h, style: head })));
  const money: CellStyle = { ...cellStyle, numFmt: AMOUNT_FORMAT };
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
  const widths = [20, 22, 10, 10, 8, 8, 8, ...years.map(() => 12)];
  return printable(
    { name: SUMMARY_SHEET_NAME[lang], rows, colWidths: widths, freezeRows: headerRow + 1, printTitleRows: [headerRow, headerRow] },
    headerRow,
    widths.length,
    lang,
    false,
  );
}

export function reportWorkbook(reports: WorkbookReport[], lang: 'th' | 'en' = 'th'): OutWorkbook {
  return { sheets: [reportSheet(reports, lang), summarySheet(reports, lang)] };
}

function thaiDate(d: Date): string {
  return `${d.getDate()} ${THAI_MONTHS_ABBR[d.getMonth()]} ${d.getFullYear() + 543}`;
}
