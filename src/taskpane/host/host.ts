/**
 * The one contract between the panels and "where the workbook lives". Every panel receives `{lang, host}`
 * and never calls Office.js, reads files or touches the DOM's download machinery itself. Two
 * implementations: Excel (./excelHost, over src/office/excel.ts) and the plain browser (./browserHost,
 * a file held in memory). What only one of them can do is an optional member, so a panel asks
 * `host.writeSheet ? … : …`, never which host it has.
 */
import type { WorkbookModel } from '../../engine/model';
import type { OutSheet } from '../../engine/output';
import type { Finding, Fix } from '../../engine/findings';

export type HostMode = 'excel' | 'browser';

/** A sheet written into the workbook, and the name of our earlier sheet it rewrote (the officer is told). */
export interface WrittenSheet {
  name: string;
  replaced: string | null;
}

/** The plan file the officer picked (browser mode): one for the whole pane, shared by its tabs. */
export interface PlanFile {
  /** The loaded workbook, or null (none yet, or the last pick failed: nothing old stays checkable). */
  readonly current: WorkbookModel | null;
  /** Called whenever `current` changes; returns the unsubscribe function. */
  watch(listener: () => void): () => void;
  /** Read a picked file (any format the CLI reads) and make it the plan; a failure clears the plan. */
  load(file: File): Promise<WorkbookModel>;
  /** The built-in sample workbook. */
  loadSample(): Promise<WorkbookModel>;
}

export interface Host {
  mode: HostMode;
  /** Browser mode: the officer picks the plan file. Absent in Excel, where the open workbook is the plan. */
  planFile?: PlanFile;
  /**
   * The workbook to check: the open Excel workbook, or the picked file. In Excel the sheets OnePlan wrote
   * (reports, the needs table) are left out unless `withOutputs`: a re-run merges with its needs table.
   */
  readWorkbook(opts?: { withOutputs?: boolean }): Promise<WorkbookModel>;
  /**
   * Read a received file (a province's issue list, a workbook to consolidate) without making it the
   * plan: through the same entry point as the CLI (src/xlsx/open.ts), off the main thread when it can.
   */
  readFile(bytes: Uint8Array, fileName: string): Promise<WorkbookModel>;
  /**
   * Save a file on the officer's machine (xlsx, ics, json). Absent in Excel for Mac, whose web view
   * ignores downloads (Blob + a[download]): there the panels write into the workbook or copy the text.
   */
  download?(data: Uint8Array | string, fileName: string, mime?: string): void;
  /** Put text (an .ics calendar, a template) on the clipboard — where downloads do nothing. */
  copyText?(text: string): Promise<void>;
  /** Write a worksheet into the open workbook (our earlier one is rewritten in place) — Excel only. */
  writeSheet?(s: OutSheet): Promise<WrittenSheet>;
  /**
   * After writing a run's sheets: remember the list sheets written (`written`: the list's name, the sheet
   * it landed in) and empty those of `lists` this run had nothing for, unless the officer edited them
   * (office/staleLists.ts) — Excel only.
   */
  refreshLists?(
    written: ReadonlyArray<{ list: string; sheet: string }>,
    lists: readonly string[],
  ): Promise<{ cleared: string[]; edited: string[] }>;
  /** Colour the cells of these findings by severity — Excel only. */
  highlight?(findings: Finding[]): Promise<void>;
  clearHighlights?(): Promise<void>;
  /** Activate the sheet and select the cell ("B15") — Excel only (the browser shows it in a preview). */
  selectCell?(sheet: string, address: string): Promise<void>;
  /** Write a finding's safe fix into its cell. */
  applyFix?(sheet: string, fix: Fix): Promise<void>;
  /** Choices remembered per workbook (Excel: in the workbook's settings; browser: per file name), as JSON text. */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
}

/** The officer's note after writing sheets: `done`, plus which earlier sheets of ours were rewritten. */
export function writtenNote(done: string, written: WrittenSheet[], replacedText: (names: string[]) => string): string {
  const replaced = written.map((w) => w.replaced).filter((n): n is string => !!n);
  return replaced.length ? `${done} ${replacedText(replaced)}` : done;
}

/** What the file pickers offer (a hint only: any file goes to the reader, which says what it is). */
export const PICK_ACCEPT =
  '.xlsx,.xlsm,.csv,.tsv,.txt,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Save bytes or text as a file (Blob + <a download>): works in the browser and in Office's web views. */
export function downloadBytes(data: Uint8Array | string, fileName: string, mime = XLSX_MIME): void {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
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
