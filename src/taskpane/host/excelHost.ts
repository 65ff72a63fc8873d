/**
 * Excel mode: the Host the panels use, backed by the one module that calls Office.js
 * (src/office/excel.ts). Loaded on demand, only inside Excel. The open workbook is the plan (no
 * planFile); received files are read like in the browser, downloads go through the web view.
 */
import type { OutSheet } from '../../engine/output';
import type { Finding, Fix } from '../../engine/validate/findings';
import * as excel from '../../office/excel';
import { downloadBytes, type Host } from './host';

export function createExcelHost(run: excel.ExcelRun = excel.excelRun): Host {
  return {
    mode: 'excel',
    readWorkbook: () => excel.readWorkbook(run),
    // Loaded when first needed: the reading worker's module is not part of this adapter.
    readFile: async (bytes, fileName) => (await import('./readFile')).readReceivedFile(bytes, fileName),
    download: downloadBytes,
    writeSheet: async (s: OutSheet) => {
      await excel.writeSheet(s, { activate: true }, run);
    },
    highlight: async (findings: Finding[]) => {
      await excel.highlightCells(excel.highlightsFromFindings(findings), run);
    },
    clearHighlights: async () => {
      await excel.clearHighlights(run);
    },
    selectCell: (sheet: string, address: string) => excel.selectCell(sheet, address, run),
    applyFix: async (sheet: string, fix: Fix) => {
      await excel.applyFix(sheet, `${fix.column}${fix.row}`, fix.value, run);
    },
    getSetting: (key: string) => excel.readSetting(key, run),
    setSetting: (key: string, value: string) => excel.writeSetting(key, value, run),
  };
}
