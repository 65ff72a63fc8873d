/**
 * Worker side of parallel.ts: takes the next file from the counter shared by every thread, one at a
 * time, and sends back what consolidation needs of each (extractInput: report, candidates, strategy
 * verdicts). The workbook itself never leaves the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { shareTexts } from '../engine/consolidate/extract';
import { toWire } from './candidate-wire';
import { readAndExtract, type ExtractOptions } from './read-input';

const { files, counter, reading, slot, ...opts } = workerData as ExtractOptions & {
  files: readonly string[];
  /** The next file to read, shared by every thread (parallel.ts). */
  counter: Int32Array;
  /** This worker's slot: the file it is reading. */
  reading: Int32Array;
  slot: number;
};

// This thread's candidates are sent and dropped: equal texts need not be one string here (the main
// thread shares what it keeps).
shareTexts(false);

void (async () => {
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
    Atomics.store(reading, slot, i);
    try {
      // Candidates as columns and per-file tables, their buffers moved, not copied (candidate-wire.ts).
      const { ex, transfer } = toWire(await readAndExtract(files[i], opts));
      parentPort!.postMessage({ i, ex }, transfer);
    } catch (e) {
      parentPort!.postMessage({ i, error: (e as Error)?.message ?? String(e) });
    }
  }
  Atomics.store(reading, slot, -1);
})();
