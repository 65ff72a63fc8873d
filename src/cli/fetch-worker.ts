/**
 * The fetching thread of a consolidation read on one thread (read-input.ts readConsolidateInputsAhead):
 * started with the command (readers.ts), it reads, hashes and inflates each file it is asked for, reads
 * its shared-string table (fetch.ts) and sends it back, its buffers moved, while the main thread parses
 * the file before it. Native work (fs, SHA-256, zlib) and one small module of JavaScript
 * (xlsx/shared-strings.ts): not the reader nor the engine, so little to compile and warm up here.
 */
import { parentPort } from 'node:worker_threads';
import { fetchFile, transferOf } from './fetch';
import { warmIcu } from './warm-icu';

parentPort!.on('message', ({ i, file }: { i: number; file: string }) => {
  const f = fetchFile(file);
  parentPort!.postMessage({ i, f }, transferOf(f));
});

// After the handler is set (a file asked meanwhile waits for this, as it would for the module load).
warmIcu();
