/**
 * Worker side of parallel.ts: started with the command (readers.ts), it loads what reading needs and
 * waits for its run; then it takes the next file from the counter shared by every thread, one at a
 * time, and sends back what consolidation needs of each (extractInput: report, candidates, strategy
 * verdicts). The workbook itself never leaves the worker.
 */
import { parentPort } from 'node:worker_threads';
import { shareTexts } from '../engine/consolidate/extract';
import { toWire } from './candidate-wire';
import { readAndExtract, type ReaderJob } from './read-input';

// This thread's candidates are sent and dropped: equal texts need not be one string here (the main
// thread shares what it keeps).
shareTexts(false);

async function readFiles({ files, counter, reading, slot, ...opts }: ReaderJob): Promise<void> {
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
}

// Once: with no listener left, the port no longer keeps the thread alive, and it ends after its run.
parentPort!.once('message', (job: ReaderJob) => void readFiles(job));
