/**
 * The fetching thread of a run read on one thread (fetch-worker.ts, read-input.ts
 * readConsolidateInputsAhead): it reads, hashes and inflates the next files and decodes their shared
 * strings while this thread parses one. Unlike a reading thread (readers.ts) it runs native code (fs,
 * SHA-256, zlib) and one small module of JavaScript (xlsx/shared-strings.ts), so on two cores it takes
 * that work off the critical path without a second copy of the reader's code to compile and warm up.
 * Started with the command, as the reading threads are; it also loads ICU's Thai data (warm-icu.ts).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The worker's compiled script; absent when running from the TypeScript sources (jest, ts-node). */
const FETCH_SCRIPT = path.join(__dirname, 'fetch-worker.js');
const CAN_FETCH = existsSync(FETCH_SCRIPT);

export interface Fetcher {
  worker: Worker;
  exited: boolean;
}

let started: Fetcher | undefined;

function spawnFetcher(): Fetcher {
  const f: Fetcher = { worker: new Worker(FETCH_SCRIPT), exited: false };
  // Without a listener a thread's failure would be thrown here; its run reads the rest itself.
  f.worker.on('error', () => undefined);
  f.worker.on('exit', () => (f.exited = true));
  return f;
}

/** Starts the fetching thread beside this one's start; it does not keep the process alive until a run takes it. */
export function prestartFetcher(): void {
  if (!CAN_FETCH || started) return;
  started = spawnFetcher();
  started.worker.unref();
}

/** The fetching thread for a run (the one started with the command if alive, else a new one); none when running from the sources. */
export function takeFetcher(): Fetcher | undefined {
  if (!CAN_FETCH) return undefined;
  let f = started;
  started = undefined;
  if (!f || f.exited) f = spawnFetcher();
  f.worker.ref();
  return f;
}

/** Ends the fetching thread no run took (the run reads on several threads, or moved to a heap-capped worker). */
export function dropFetcher(): void {
  void started?.worker.terminate();
  started = undefined;
}
