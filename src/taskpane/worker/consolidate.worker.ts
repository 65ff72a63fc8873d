/**
 * Web Worker: the whole consolidation off the main thread. Each received file is read through the
 * shared entry point (src/xlsx/open.ts, as the CLI reads it), its
 * candidates collected and its workbook dropped (only candidates are kept), progress is posted after
 * every file; then the matching and tables run here too. The pane gets a small view of the result
 * (counts, totals, the first duplicate groups) and asks for the .xlsx bytes or the sheets when needed.
 * Cancelling terminates the worker.
 */
import { Consolidation, inputErrorOf, needsFileWorkbook, needsWorkbook, type ConsolidateResult } from '../../engine/consolidate';
import { readWorkbookBytes } from '../../xlsx/open';
import { writeXlsx } from '../../xlsx/write';
import { consolidateView, type ConsolidateRequest, type ConsolidateResponse, type RunOptions } from './protocol';
import { sha256Hex } from '../common/sha256';
import { receiverZip } from '../consolidate/receiverZip';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<ConsolidateRequest>) => void) | null;
  postMessage(msg: ConsolidateResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let last: { runId: number; result: ConsolidateResult } | null = null;

async function run(runId: number, files: Array<{ name: string; bytes: ArrayBuffer }>, opts: RunOptions = {}): Promise<void> {
  last = null;
  const total = files.length;
  const c = new Consolidation(opts);
  scope.postMessage({ type: 'progress', runId, phase: 'reading', done: 0, total });
  for (let i = 0; i < total; i++) {
    const { name, bytes } = files[i];
    files[i] = { name, bytes: new ArrayBuffer(0) }; // let the file's bytes go once read
    const u8 = new Uint8Array(bytes);
    let checksum = '';
    try {
      checksum = await sha256Hex(u8);
      c.add({ file: name, checksum, workbook: readWorkbookBytes(u8, name) });
    } catch (e) {
      c.add({ file: name, checksum, error: inputErrorOf(e) });
    }
    scope.postMessage({ type: 'progress', runId, phase: 'reading', done: i + 1, total });
  }
  scope.postMessage({ type: 'progress', runId, phase: 'consolidating', done: 0, total: 0 });
  const result = c.finish();
  last = { runId, result };
  scope.postMessage({ type: 'result', runId, view: consolidateView(result) });
}

/** The bytes' own buffer, to transfer (a copy when they are a view into a larger one). */
const ownBuffer = (u8: Uint8Array): ArrayBuffer =>
  u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? (u8.buffer as ArrayBuffer) : (u8.slice().buffer as ArrayBuffer);

scope.onmessage = (ev) => {
  const msg = ev.data;
  const fail = (e: unknown) => {
    const err = e as { message?: string; messageEn?: string } | undefined;
    scope.postMessage({ type: 'error', runId: msg.runId, message: err?.message ?? String(e), messageEn: err?.messageEn });
  };
  try {
    if (msg.type === 'run') {
      run(msg.runId, msg.files, msg.opts).catch(fail);
      return;
    }
    if (!last || last.runId !== msg.runId) throw new Error('no consolidation result');
    if (msg.type === 'xlsx') {
      const buf = ownBuffer(writeXlsx(needsFileWorkbook(last.result)));
      scope.postMessage({ type: 'xlsx', runId: msg.runId, bytes: buf }, [buf]);
    } else if (msg.type === 'receivers') {
      const buf = ownBuffer(receiverZip(last.result, msg.by, msg.from));
      scope.postMessage({ type: 'receivers', runId: msg.runId, bytes: buf }, [buf]);
    } else if (msg.type === 'sheets') {
      scope.postMessage({ type: 'sheets', runId: msg.runId, sheets: needsWorkbook(last.result).sheets });
    }
  } catch (e) {
    fail(e);
  }
};
