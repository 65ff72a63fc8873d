/**
 * Reading a received file in the pane: the same entry point as the CLI (src/xlsx/open.ts: .xlsx, CSV
 * incl. TIS-620, and the same messages for .xls/.ods/.pdf/.docx), in a Web Worker so a big workbook
 * does not freeze the pane, on the main thread where no worker can start (CSP, old browser).
 */
import type { WorkbookModel } from '../../engine/model';
import type { ReadRequest, ReadResponse } from '../worker/protocol';
import { PaneError, WorkerUnavailable } from './paneError';

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
        reject(new PaneError(e.message, e.messageEn ?? e.message, e.code ?? 'read-failed'));
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
  const { readWorkbookBytes } = await import(/* webpackChunkName: "xlsx-read" */ '../../xlsx/open');
  try {
    return readWorkbookBytes(bytes, fileName);
  } catch (e) {
    const err = e as Error & { messageEn?: string; code?: string };
    throw new PaneError(err.message, err.messageEn ?? err.message, err.code ?? 'read-failed');
  }
}

/** Read a received file's bytes, whatever it is: worker when available, else the main thread. */
export async function readReceivedFile(bytes: Uint8Array, fileName: string): Promise<WorkbookModel> {
  const w = getWorker();
  if (w) {
    try {
      return await readInWorker(w, bytes, fileName);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
      worker = null; // the worker script failed: use the main thread from now on
    }
  }
  return readOnMainThread(bytes, fileName);
}
