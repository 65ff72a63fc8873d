/**
 * The reading threads of a consolidation (parallel.ts), started before they are needed: a thread
 * takes ~0.1–0.3 s to start and load its modules, and started when the command starts, that happens
 * while this thread loads its own modules and checks the arguments, not inside the reading. A thread
 * started early waits, idle and not keeping the process alive, until a run gives it its job; the
 * ones no run takes (a usage error, a handful of files) are stopped.
 * Loads nothing of the engine: starting the threads must not wait for the consolidation's modules.
 */
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The reading thread's compiled script; absent when running from the TypeScript sources (jest, ts-node). */
const WORKER_SCRIPT = path.join(__dirname, 'extract-worker.js');
export const CAN_THREAD = existsSync(WORKER_SCRIPT);

/** Threads reading files, this one included; default: ONEPLAN_WORKERS, else the machine's cores (at most 8). */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  if (!CAN_THREAD) return 1;
  const asked = Number(env.ONEPLAN_WORKERS);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const n = Number.isInteger(asked) && asked >= 1 ? asked : Math.min(cores, 8);
  // A worker costs ~50 ms to start: not worth it for a handful of files.
  return files < 4 ? 1 : Math.min(n, files);
}

/** What a reading thread is given: its files, the shared counter, its slot, and the run's options (extract-worker.ts). */
export type ReaderJob = Record<string, unknown>;

/** Started early and not yet given a job. */
const idle: Worker[] = [];

/**
 * Starts the reading threads a run of many files would use (all but this one), idle until a run
 * gives them a job (readerFor). They do not keep the process alive.
 */
export function warmReaders(env: NodeJS.ProcessEnv = process.env): void {
  if (idle.length) return;
  for (let k = workerCount(Infinity, env) - 1; k > 0; k--) {
    const w = new Worker(WORKER_SCRIPT, { workerData: { idle: true } });
    w.unref();
    // A thread that fails before it is given work leaves the pool (the run then starts a fresh one);
    // its error must not end this thread as an unhandled 'error' event.
    const gone = (): void => {
      const at = idle.indexOf(w);
      if (at >= 0) idle.splice(at, 1);
    };
    w.on('error', gone);
    w.on('exit', gone);
    idle.push(w);
  }
}

/** A reading thread given `job`: one started early if any is left, else a new one. */
export function readerFor(job: ReaderJob): Worker {
  const w = idle.shift();
  if (!w) return new Worker(WORKER_SCRIPT, { workerData: job });
  w.ref();
  w.postMessage(job);
  return w;
}

/** The threads started early that no run took, stopped. */
export function coolReaders(): void {
  for (const w of idle.splice(0)) void w.terminate();
}

/** How many threads wait for a job (tests). */
export function idleReaders(): number {
  return idle.length;
}
