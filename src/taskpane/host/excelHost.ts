/**
 * Excel mode: the Host the panels use, backed by the one module that calls Office.js
 * (src/office/excel.ts). Loaded on demand, only inside Excel. The open workbook is the plan (no
 * planFile); received files are read like in the browser, downloads go through the web view.
 */
import type { OutSheet } from '../../engine/output';
import type { Finding, Fix } from '../../engine/findings';
import * as excel from '../../office/excel';
import { formatThaiDateShort, thaiDateOf } from '../../engine/calendar/thai';
import { downloadBytes, type Host } from './host';

/** Copy text: the async Clipboard API, else a selected textarea and execCommand (older web views). */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    /* fall back */
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy failed');
}

export function createExcelHost(run: excel.ExcelRun = excel.excelRun): Host {
  return {
    mode: 'excel',
    readWorkbook: (opts) => excel.readWorkbook(run, { includeOurSheets: !!opts?.withOutputs }),
    // Loaded when first needed: the reading worker's module is not part of this adapter.
    readFile: async (bytes, fileName) => (await import('./readFile')).readReceivedFile(bytes, fileName),
    // Excel for Mac's web view ignores downloads: no download there (the panels offer the rest).
    ...(excel.onMac() ? {} : { download: downloadBytes }),
    copyText,
    writeSheet: async (s: OutSheet) => {
      const r = await excel.writeSheet(s, { activate: true }, run);
      return { name: r.name, replaced: r.replaced };
    },
    refreshLists: (written, lists) =>
      excel.refreshLists(written, lists, formatThaiDateShort(thaiDateOf(new Date()), { fullYear: true }), run),
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
