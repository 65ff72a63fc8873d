/**
 * Web Worker: reads a received file off the main thread (big workbooks stay responsive) through the
 * shared entry point src/xlsx/open.ts (xlsx, CSV, and the CLI's messages for everything else). Loaded
 * with `new Worker(new URL('../worker/read.worker.ts', import.meta.url))`; webpack emits its own chunk.
 */
import { readWorkbookBytes } from '../../xlsx/open';
import { WorkbookReadError } from '../../xlsx/errors';
import type { ReadRequest, ReadResponse } from './protocol';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<ReadRequest>) => void) | null;
  postMessage(msg: ReadResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (ev) => {
  const { id, bytes, fileName } = ev.data;
  try {
    const workbook = readWorkbookBytes(new Uint8Array(bytes), fileName);
    scope.postMessage({ id, ok: true, workbook });
  } catch (e) {
    const err = e as Error;
    scope.postMessage({
      id,
      ok: false,
      error: {
        name: err?.name ?? 'Error',
        code: e instanceof WorkbookReadError ? e.code : undefined,
        message: err?.message ?? String(e),
        messageEn: e instanceof WorkbookReadError ? e.messageEn : undefined,
      },
    });
  }
};
