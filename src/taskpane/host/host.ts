/**
 * The host adapter: what the panels need from "where the workbook lives". Panels receive a Host and
 * never call Office.js or read files themselves. Two implementations: Excel (src/office/excel.ts via
 * ./excelHost) and the plain browser (./browserHost, an .xlsx file held in memory).
 */
import type { WorkbookModel } from '../../engine/model';
import type { OutSheet } from '../../engine/output';
import type { Finding, Fix } from '../../engine/validate/findings';

export type HostMode = 'excel' | 'browser';

export interface Host {
  mode: HostMode;
  /** The workbook to validate: the open Excel workbook, or the loaded file. */
  readWorkbook(): Promise<WorkbookModel>;
  /** Write (replace) a worksheet in the open workbook — Excel only. */
  writeSheet?(s: OutSheet): Promise<void>;
  /** Colour the cells of these findings by severity — Excel only. */
  highlight?(findings: Finding[]): Promise<void>;
  clearHighlights?(): Promise<void>;
  /** Activate the sheet and select the cell ("B15"). */
  selectCell?(sheet: string, address: string): Promise<void>;
  /** Write a finding's safe fix into its cell. */
  applyFix?(sheet: string, fix: Fix): Promise<void>;
  /** Choices remembered per workbook (column mapping, strategy list, calendar template), as JSON text. */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
}

/** Save bytes as a file (Blob + <a download>): works in the browser and in Office's web views. */
export function downloadBytes(bytes: Uint8Array, fileName: string, mime = XLSX_MIME): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
