/**
 * The pane's side of consolidate.worker.ts: send the chosen files to the worker (bytes transferred,
 * not copied), follow its progress, get back a small view of the result; the .xlsx bytes and the
 * sheets are asked for on demand. Cancelling terminates the worker (the next run starts a new one).
 * `WorkerUnavailable` means the worker could not start (CSP, old browser): use the main-thread path.
 */
import type { OutSheet } from '../../engine/output';
import type { SplitKey } from '../../engine/consolidate/split';
import type { ConsolidateRequest, ConsolidateResponse, ConsolidateView, RunOptions } from '../worker/protocol';
import { PaneError, WorkerUnavailable } from '../host/paneError';

export { WorkerUnavailable };

let worker: Worker | null = null;
let nextRun = 1;

function getWorker(): Worker {
  if (worker) return worker;
  try {
    worker = new Worker(new URL('../worker/consolidate.worker.ts', import.meta.url));
  } catch (e) {
    throw new WorkerUnavailable((e as Error)?.message ?? 'worker');
  }
  return worker;
}

function abortError(): Error {
  return Object.assign(new Error('cancelled'), { name: 'AbortError' });
}

/** One request/response exchange with the worker for run `runId`. */
function exchange<T>(
  w: Worker,
  req: ConsolidateRequest,
  transfer: Transferable[],
  pick: (m: ConsolidateResponse) => T | undefined,
  onOther?: (m: ConsolidateResponse) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (ev: MessageEvent<ConsolidateResponse>) => {
      const m = ev.data;
      if (m?.runId !== req.runId) return;
      if (m.type === 'error') {
        cleanup();
        reject(new PaneError(m.message, m.messageEn ?? m.message, 'worker'));
        return;
      }
      const v = pick(m);
      if (v !== undefined) {
        cleanup();
        resolve(v);
      } else onOther?.(m);
    };
    const onError = (ev: ErrorEvent) => {
      ev.preventDefault?.();
      cleanup();
      if (worker === w) worker = null;
      w.terminate();
      reject(new WorkerUnavailable(ev.message || 'worker failed'));
    };
    const onAbort = () => {
      cleanup();
      if (worker === w) worker = null;
      w.terminate();
      reject(abortError());
    };
    const cleanup = () => {
      w.removeEventListener('message', onMessage as EventListener);
      w.removeEventListener('error', onError as EventListener);
      signal?.removeEventListener('abort', onAbort);
    };
    if (signal?.aborted) return onAbort();
    w.addEventListener('message', onMessage as EventListener);
    w.addEventListener('error', onError as EventListener);
    signal?.addEventListener('abort', onAbort);
    w.postMessage(req, transfer);
  });
}

export interface WorkerRun {
  view: ConsolidateView;
  xlsx(): Promise<Uint8Array>;
  sheets(): Promise<OutSheet[]>;
  receivers(by: SplitKey, from: string): Promise<Uint8Array>;
}

export async function consolidateInWorker(
  files: File[],
  onProgress: (phase: 'reading' | 'consolidating', done: number, total: number) => void,
  signal: AbortSignal,
  opts?: RunOptions,
): Promise<WorkerRun> {
  const w = getWorker();
  const runId = nextRun++;
  const payload: Array<{ name: string; bytes: ArrayBuffer }> = [];
  for (const f of files) {
    if (signal.aborted) throw abortError();
    payload.push({ name: f.name, bytes: await f.arrayBuffer() });
  }
  const view = await exchange(
    w,
    { type: 'run', runId, files: payload, opts },
    payload.map((p) => p.bytes),
    (m) => (m.type === 'result' ? m.view : undefined),
    (m) => {
      if (m.type === 'progress') onProgress(m.phase, m.done, m.total);
    },
    signal,
  );
  return {
    view,
    xlsx: () => exchange(w, { type: 'xlsx', runId }, [], (m) => (m.type === 'xlsx' ? new Uint8Array(m.bytes) : undefined)),
    sheets: () => exchange(w, { type: 'sheets', runId }, [], (m) => (m.type === 'sheets' ? m.sheets : undefined)),
    receivers: (by, from) =>
      exchange(w, { type: 'receivers', runId, by, from }, [], (m) => (m.type === 'receivers' ? new Uint8Array(m.bytes) : undefined)),
  };
}
