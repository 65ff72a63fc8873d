/**
 * Browser mode: the plan is a file the officer dropped or picked (or the built-in sample), read through
 * the shared entry point (./readFile) and held in memory; fixes edit the in-memory model. Nothing leaves
 * the machine: the file is read locally, the sample comes from this site's assets/.
 */
import type { Cell, WorkbookModel } from '../../engine/model';
import { parseA1 } from '../../engine/model';
import type { Fix } from '../../engine/findings';
import { downloadBytes, type Host, type PlanFile } from './host';
import { PaneError } from './paneError';
import { readReceivedFile } from './readFile';

export const SAMPLE_URL = 'assets/samples/nakhonsawan-2566-2570.xlsx';
export const SAMPLE_NAME = 'nakhonsawan-2566-2570.xlsx';

/** The picked plan, shared by the tabs: one model, and who to tell when it changes. */
class PickedPlan implements PlanFile {
  private model: WorkbookModel | null = null;
  private listeners = new Set<() => void>();

  get current(): WorkbookModel | null {
    return this.model;
  }

  set(model: WorkbookModel | null): void {
    this.model = model;
    for (const l of this.listeners) l();
  }

  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async load(file: File): Promise<WorkbookModel> {
    return this.loadBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  }

  async loadSample(): Promise<WorkbookModel> {
    const res = await fetch(SAMPLE_URL);
    if (!res.ok) {
      this.set(null);
      throw new PaneError('เปิดไฟล์ตัวอย่างไม่ได้', 'Could not open the sample file', 'sample');
    }
    return this.loadBytes(new Uint8Array(await res.arrayBuffer()), SAMPLE_NAME);
  }

  /** Read bytes as the plan; a failed read clears the previous plan, so nothing old is re-checked. */
  async loadBytes(bytes: Uint8Array, fileName: string): Promise<WorkbookModel> {
    try {
      const wb = await readReceivedFile(bytes, fileName);
      this.set(wb);
      return wb;
    } catch (e) {
      this.set(null);
      throw e;
    }
  }
}

export class BrowserHost implements Host {
  readonly mode = 'browser' as const;
  readonly planFile = new PickedPlan();

  readFile(bytes: Uint8Array, fileName: string): Promise<WorkbookModel> {
    return readReceivedFile(bytes, fileName);
  }

  download(data: Uint8Array | string, fileName: string, mime?: string): void {
    downloadBytes(data, fileName, mime);
  }

  /** Remembered per file in this browser: the key carries the file name. */
  private settingKey(key: string): string {
    return `oneplan.wb.${this.planFile.current?.name ?? '(none)'}.${key}`;
  }

  async getSetting(key: string): Promise<string | undefined> {
    return globalThis.localStorage?.getItem(this.settingKey(key)) ?? undefined;
  }

  async setSetting(key: string, value: string): Promise<void> {
    globalThis.localStorage?.setItem(this.settingKey(key), value);
  }

  async readWorkbook(): Promise<WorkbookModel> {
    const wb = this.planFile.current;
    if (!wb) throw new PaneError('ยังไม่ได้เลือกไฟล์', 'No file chosen yet', 'no-file');
    return wb;
  }

  /** Write the fix into the in-memory model (a new object, so React sees the change). */
  async applyFix(sheetName: string, fix: Fix): Promise<void> {
    const wb = this.planFile.current;
    const pos = parseA1(`${fix.column}${fix.row}`);
    if (!wb || !pos) return;
    this.planFile.set({
      ...wb,
      sheets: wb.sheets.map((s) => {
        if (s.name !== sheetName) return s;
        const rows = s.rows.slice();
        const row = (rows[pos.r] ?? []).slice();
        row[pos.c] = fixedCell(row[pos.c], fix.value);
        rows[pos.r] = row;
        return { ...s, rows };
      }),
    });
  }
}

function fixedCell(old: Cell | undefined, value: number | string): Cell | undefined {
  if (typeof value === 'number') {
    const grouped = !!old?.z?.includes(',') || /\d,\d{3}/.test(old?.w ?? '');
    const w = grouped ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(value);
    return { v: value, t: 'n', w, ...(old?.z ? { z: old.z } : {}) };
  }
  if (value === '') return undefined;
  return { v: value, t: 's', w: value };
}
