/**
 * The reading threads of a consolidation (parallel.ts), started as the command starts.
 *
 * Why: a reading thread spends ~0.15 s loading its modules before it reads a file. Started when the
 * run begins, that was time every worker lost while this thread had already started reading; started
 * with the command, it overlaps this thread's own start (its modules, the arguments, the scan of the
 * inputs). This module loads nothing of the engine, so the threads start before this thread loads it.
 */
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { prestartFetcher } from './fetcher';
import type { ReaderJob } from './read-input';

/** The worker's compiled script; absent when running from the TypeScript sources (jest, ts-node). */
const WORKER_SCRIPT = path.join(__dirname, 'extract-worker.js');
export const CAN_THREAD = existsSync(WORKER_SCRIPT);

/** Threads reading files, this one included; default: ONEPLAN_WORKERS, else by the machine's cores (threadsFor). */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  if (!CAN_THREAD) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return threadsFor(files, env.ONEPLAN_WORKERS, cores);
}

/**
 * Threads for `files` files: `asked` (ONEPLAN_WORKERS) when it is a whole number ≥ 1, else one per core
 * (at most 8), but one on a machine of two cores or fewer. There a reading thread beside this one slowed
 * both about as much as it helped (V8's compiler and collector already use the second core, and a worker
 * compiles and warms up its own copy of the code; its results are copied across):
 * on a 2-vCPU machine, 200 workbooks were read in 1.70 s on this thread alone and in 1.98 s with a
 * worker (medians of 6 alternating pairs, 2026-12-07).
 */
export function threadsFor(files: number, asked: string | undefined, cores: number): number {
  const n = Number(asked);
  const threads = Number.isInteger(n) && n >= 1 ? n : cores <= 2 ? 1 : Math.min(cores, 8);
  // A worker costs ~50 ms to start: not worth it for a handful of files.
  return files < 4 ? 1 : Math.min(threads, files);
}

/** A reading thread and what became of it before a run took it. */
export interface Reader {
  worker: Worker;
  exited: boolean;
  /** Why it failed before a run took it (a run's own listener takes over from then on). */
  error?: string;
}

/** Threads started with the command (prestartReaders), waiting for their run. */
const waiting: Reader[] = [];

function spawnReader(): Reader {
  const r: Reader = { worker: new Worker(WORKER_SCRIPT), exited: false };
  // Without a listener, a thread's failure would be thrown here; the run that takes it is told.
  r.worker.on('error', (e) => (r.error = e.message));
  r.worker.on('exit', () => (r.exited = true));
  return r;
}

/**
 * Starts the reading threads a run of many files would take (on one thread, the fetching thread:
 * fetcher.ts), beside this thread, before the engine is
 * loaded. They do not keep the process alive: a command that ends without reading (a usage error) exits
 * as before; a run that needs fewer, or none (a few files, the heap-capped worker), ends them (dropReaders).
 */
export function prestartReaders(env: NodeJS.ProcessEnv = process.env): void {
  if (!CAN_THREAD || waiting.length) return;
  const n = workerCount(Number.MAX_SAFE_INTEGER, env);
  for (let k = 1; k < n; k++) {
    const r = spawnReader();
    r.worker.unref();
    waiting.push(r);
  }
  if (n <= 1) prestartFetcher();
}

/** A reading thread for a run, given `job`: a waiting one that is still alive, else a new one. */
export function startReader(job: ReaderJob): Reader {
  let r = waiting.shift();
  while (r?.exited) r = waiting.shift();
  r ??= spawnReader();
  r.worker.ref();
  r.worker.postMessage(job);
  return r;
}

/** Ends the threads no run took. */
export function dropReaders(): void {
  for (const r of waiting.splice(0)) void r.worker.terminate();
}
