/**
 * Consolidate files on several cores: worker threads read, (optionally) validate, recognise, extract
 * and score each file; this thread takes their results in file order (Consolidation.addExtracted),
 * then finds duplicates and builds the tables. The result is the same as one file at a time.
 *
 * Why: reading and per-row text work are ~70 % of a district's consolidation and independent per
 * file; an office PC has 4–8 cores. Memory: each worker holds one workbook at a time; results wait
 * here only until the files before them are in.
 */
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  Consolidation,
  extractInput,
  inputErrorOf,
  type ConsolidateOptions,
  type ConsolidateResult,
  type Extracted,
} from '../engine/consolidate';
import type { StrategyList } from '../engine/strategy/model';
import { readError } from '../xlsx/errors';
import { readConsolidateInput } from './read-input';

export interface ParallelOptions extends Pick<
  ConsolidateOptions,
  'classWords' | 'district' | 'province' | 'previous' | 'expected' | 'approval' | 'skipped' | 'due' | 'today'
> {
  strategies?: StrategyList;
  /** Worker threads; default: ONEPLAN_WORKERS, else the machine's cores (at most 8). 1 = none. */
  workers?: number;
  /** Validate each workbook too (findings counted per input, as the task pane does). */
  validate?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** The worker's compiled script; absent when running from the TypeScript sources (jest, ts-node). */
const WORKER_SCRIPT = path.join(__dirname, 'extract-worker.js');
const CAN_THREAD = existsSync(WORKER_SCRIPT);

/** Worker threads to use for `files` files. */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  if (!CAN_THREAD) return 1;
  const asked = Number(env.ONEPLAN_WORKERS);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const n = Number.isInteger(asked) && asked >= 1 ? asked : Math.min(cores, 8);
  // A worker costs ~50 ms to start: not worth it for a handful of files.
  return files < 4 ? 1 : Math.min(n, files);
}

type Reply = { i: number; ex: Extracted } | { i: number; error: string };

/** Consolidates `files` (paths) with `opts.workers` threads. */
export async function consolidateFiles(files: readonly string[], opts: ParallelOptions = {}): Promise<ConsolidateResult> {
  const { strategies, classWords, district, province, previous, expected, approval, skipped, due, today } = opts;
  const run = new Consolidation({ strategies, classWords, district, province, previous, expected, approval, skipped, due, today });
  const n = CAN_THREAD ? (opts.workers ?? workerCount(files.length)) : 1;
  const total = files.length;
  opts.onProgress?.(0, total);
  if (n <= 1) {
    for (let i = 0; i < total; i++) {
      run.add(await readConsolidateInput(files[i]));
      opts.onProgress?.(i + 1, total);
    }
    return run.finish();
  }

  const ready = new Map<number, Extracted>();
  let nextToAdd = 0;
  let nextToSend = 0;
  const take = () => {
    for (let ex = ready.get(nextToAdd); ex; ex = ready.get(nextToAdd)) {
      ready.delete(nextToAdd++);
      run.addExtracted(ex);
      opts.onProgress?.(nextToAdd, total);
    }
  };
  // A file whose worker failed (a defect, or out of memory on a huge file) is reported as unreadable,
  // naming the file; the rest of the work goes on.
  // The cause (a worker's English message) stays in the English text: each message is wholly one language.
  const failed = (i: number, why: string): Extracted =>
    extractInput({ file: files[i], checksum: '', error: inputErrorOf(readError('read-failed', files[i], why)) });

  await new Promise<void>((resolve) => {
    let live = 0;
    const start = () => {
      const w = new Worker(WORKER_SCRIPT, { workerData: { strategies, classWords, district, province, validate: !!opts.validate } });
      live++;
      let current = -1;
      const feed = () => {
        if (nextToSend < total) w.postMessage({ i: (current = nextToSend++), file: files[current] });
        else {
          current = -1;
          void w.terminate();
        }
      };
      w.on('message', (m: Reply) => {
        ready.set(m.i, 'ex' in m ? m.ex : failed(m.i, m.error));
        take();
        feed();
      });
      w.on('error', (e) => {
        if (current >= 0) {
          ready.set(current, failed(current, e.message));
          take();
          current = -1;
        }
      });
      w.on('exit', () => {
        live--;
        if (current >= 0) {
          ready.set(current, failed(current, 'the reading thread stopped'));
          take();
          current = -1;
        }
        // A worker that died with files left: a fresh one takes over.
        if (nextToSend < total) start();
        else if (live === 0) resolve();
      });
      feed();
    };
    for (let k = 0; k < Math.min(n, total); k++) start();
  });
  return run.finish();
}
