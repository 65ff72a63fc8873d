/**
 * Browser mode: the workbook is an .xlsx file the officer dropped or picked (or the built-in sample),
 * parsed in a Web Worker (main-thread fallback) and held in memory. Fixes edit the in-memory model.
 * Nothing leaves the machine: the file is read locally, the sample comes from this site's assets/.
 */
import type { Cell, WorkbookModel } from '../../engine/model';
import { parseA1 } from '../../engine/model';
import type { Fix } from '../../engine/validate/findings';
import type { Host } from './host';
import { WorkerUnavailable, type ReadRequest, type ReadResponse } from '../worker/protocol';

/** An error with a Thai message and an English one (mirrors WorkbookReadError without importing the reader). */
export class PaneError extends Error {
  constructor(
    message: string,
    public readonly messageEn: string,
    public readonly code = 'error',
  ) {
    super(message);
    this.name = 'PaneError';
  }
}

export const SAMPLE_URL = 'assets/samples/nakhonsawan-2566-2570.xlsx';
export const SAMPLE_NAME = 'nakhonsawan-2566-2570.xlsx';

let worker: Worker | null | undefined;
let nextId = 1;

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('../worker/read.worker.ts', import.meta.url));
  } catch {
    worker = null;
  }
  return worker;
}

function readInWorker(w: Worker, bytes: Uint8Array, fileName: string): Promise<WorkbookModel> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const onMessage = (ev: MessageEvent<ReadResponse>) => {
      if (ev.data?.id !== id) return;
      cleanup();
      if (ev.data.ok) resolve(ev.data.workbook);
      else {
        const e = ev.data.error;
        reject(new PaneError(e.message, e.messageEn ?? e.message, e.code ?? 'read-error'));
      }
    };
    const onError = (ev: ErrorEvent) => {
      cleanup();
      ev.preventDefault?.();
      reject(new WorkerUnavailable(ev.message));
    };
    const cleanup = () => {
      w.removeEventListener('message', onMessage as EventListener);
      w.removeEventListener('error', onError as EventListener);
    };
    w.addEventListener('message', onMessage as EventListener);
    w.addEventListener('error', onError as EventListener);
    const copy = bytes.slice().buffer;
    const req: ReadRequest = { id, bytes: copy, fileName };
    w.postMessage(req, [copy]);
  });
}

async function readOnMainThread(bytes: Uint8Array, fileName: string): Promise<WorkbookModel> {
  const { readXlsx } = await import(/* webpackChunkName: "xlsx-read" */ '../../xlsx/read');
  try {
    return readXlsx(bytes, fileName);
  } catch (e) {
    const err = e as Error & { messageEn?: string; code?: string };
    throw new PaneError(err.message, err.messageEn ?? err.message, err.code ?? 'read-error');
  }
}

/** Parse .xlsx bytes: Web Worker when available, else the main thread. */
export async function parseXlsx(bytes: Uint8Array, fileName: string): Promise<WorkbookModel> {
  const w = getWorker();
  if (w) {
    try {
      return await readInWorker(w, bytes, fileName);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
      worker = null; // the worker script failed (CSP, old browser): use the main thread from now on
    }
  }
  return readOnMainThread(bytes, fileName);
}

export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

export class BrowserHost implements Host {
  readonly mode = 'browser' as const;
  private model: WorkbookModel | null = null;

  /** The loaded workbook (null before a file is chosen). */
  get workbook(): WorkbookModel | null {
    return this.model;
  }

  async loadBytes(bytes: Uint8Array, fileName: string): Promise<WorkbookModel> {
    if (!isXlsxName(fileName)) {
      throw new PaneError(`รองรับเฉพาะไฟล์ .xlsx: ${fileName}`, `Only .xlsx files are supported: ${fileName}`, 'not-xlsx');
    }
    this.model = await parseXlsx(bytes, fileName);
    return this.model;
  }

  async loadFile(file: File): Promise<WorkbookModel> {
    const buf = await file.arrayBuffer();
    return this.loadBytes(new Uint8Array(buf), file.name);
  }

  async loadSample(): Promise<WorkbookModel> {
    const res = await fetch(SAMPLE_URL);
    if (!res.ok) throw new PaneError('เปิดไฟล์ตัวอย่างไม่ได้', 'Could not open the sample file', 'sample');
    return this.loadBytes(new Uint8Array(await res.arrayBuffer()), SAMPLE_NAME);
  }

  /** Remembered per workbook in this browser: the key carries the file name. */
  private settingKey(key: string): string {
    return `oneplan.wb.${this.model?.name ?? '(none)'}.${key}`;
  }

  async getSetting(key: string): Promise<string | undefined> {
    return globalThis.localStorage?.getItem(this.settingKey(key)) ?? undefined;
  }

  async setSetting(key: string, value: string): Promise<void> {
    globalThis.localStorage?.setItem(this.settingKey(key), value);
  }

  async readWorkbook(): Promise<WorkbookModel> {
    if (!this.model) throw new PaneError('ยังไม่ได้เลือกไฟล์', 'No file chosen yet', 'no-file');
    return this.model;
  }

  /** Write the fix into the in-memory model (a new object, so React sees the change). */
  async applyFix(sheetName: string, fix: Fix): Promise<void> {
    if (!this.model) return;
    const pos = parseA1(`${fix.column}${fix.row}`);
    if (!pos) return;
    this.model = {
      ...this.model,
      sheets: this.model.sheets.map((s) => {
        if (s.name !== sheetName) return s;
        const rows = s.rows.slice();
        const row = (rows[pos.r] ?? []).slice();
        row[pos.c] = fixedCell(row[pos.c], fix.value);
        rows[pos.r] = row;
        return { ...s, rows };
      }),
    };
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
