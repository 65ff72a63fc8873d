/**
 * Consolidate files on several cores: every thread, this one and the workers, takes the next file,
 * reads, (optionally) validates, recognises, extracts and scores it; this thread also takes the
 * results in file order (Consolidation.addExtracted), then finds duplicates and builds the tables.
 * The result is the same as one file at a time.
 *
 * Why: reading and per-row text work are ~70 % of a district's consolidation and independent per
 * file; an office PC has 4–8 cores. Memory: each thread holds one workbook at a time; results wait
 * here only until the files before them are in.
 */
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
import { fromWire, type WireExtracted } from './candidate-wire';
import { readAndExtract, readConsolidateInputsAhead, type ExtractOptions } from './read-input';
import { dropFetcher } from './fetcher';
import { CAN_THREAD, dropReaders, startReader, workerCount } from './readers';
import { mark } from './timing';

export interface ParallelOptions extends Pick<
  ConsolidateOptions,
  'classWords' | 'district' | 'province' | 'previous' | 'expected' | 'approval' | 'skipped' | 'due' | 'today'
> {
  strategies?: StrategyList;
  /** Threads reading files, this one included; default: ONEPLAN_WORKERS, else the machine's cores (at most 8). 1 = no worker. */
  workers?: number;
  /** Validate each workbook too (findings counted per input, as the task pane does). */
  validate?: boolean;
  onProgress?: (done: number, total: number) => void;
}

type Reply = { i: number; ex: WireExtracted } | { i: number; error: string };

/** Consolidates `files` (paths) with `opts.workers` threads, this one included. */
export async function consolidateFiles(files: readonly string[], opts: ParallelOptions = {}): Promise<ConsolidateResult> {
  const { strategies, classWords, district, province, previous, expected, approval, skipped, due, today } = opts;
  const run = new Consolidation({ strategies, classWords, district, province, previous, expected, approval, skipped, due, today });
  const n = CAN_THREAD ? (opts.workers ?? workerCount(files.length)) : 1;
  const total = files.length;
  opts.onProgress?.(0, total);
  if (n <= 1) {
    dropReaders();
    // One thread: the files read, hashed and inflated by the fetching thread while the one before is parsed here.
    let done = 0;
    for await (const input of readConsolidateInputsAhead(files)) {
      run.add(input);
      opts.onProgress?.(++done, total);
    }
    mark('files read');
    return run.finish();
  }

  // Every thread, this one too, takes the next file from one shared counter: a worker never waits for
  // this thread to hand it work (this thread also adds the results, in file order, and may be busy
  // reading a file of its own). Two threads are one worker beside this thread, not two workers and
  // this thread fighting for two cores, each worker with its own copy of the modules and caches.
  const counter = new Int32Array(new SharedArrayBuffer(4));
  /** Per worker slot: the file it is reading (-1: none), so a worker that dies names its file. */
  const reading = new Int32Array(new SharedArrayBuffer(4 * (n - 1))).fill(-1);
  const ready = new Map<number, Extracted>();
  let nextToAdd = 0;
  const take = () => {
    for (let ex = ready.get(nextToAdd); ex; ex = ready.get(nextToAdd)) {
      ready.delete(nextToAdd++);
      // This thread's own results and those decoded from the wire hold this thread's shared values already.
      run.addExtracted(ex, true);
      opts.onProgress?.(nextToAdd, total);
    }
  };
  // A file whose worker failed (a defect, or out of memory on a huge file) is reported as unreadable,
  // naming the file; the rest of the work goes on.
  // The cause (a worker's English message) stays in the English text: each message is wholly one language.
  const failed = (i: number, why: string): Extracted =>
    extractInput({ file: files[i], checksum: '', error: inputErrorOf(readError('read-failed', files[i], why)) });
  const here: ExtractOptions = { strategies, classWords, district, province, validate: !!opts.validate };

  let wake: (() => void) | undefined;
  const arrived = () => {
    wake?.();
    wake = undefined;
  };
  let live = 0;
  const start = (slot: number) => {
    // A thread started with the command (readers.ts), else a new one.
    const r = startReader({ ...here, files, counter, reading, slot });
    const w = r.worker;
    live++;
    let why = r.error ?? 'the reading thread stopped';
    w.on('message', (m: Reply) => {
      ready.set(m.i, 'ex' in m ? fromWire(m.ex) : failed(m.i, m.error));
      arrived();
    });
    w.on('error', (e) => (why = e.message));
    w.on('exit', () => {
      live--;
      const i = Atomics.exchange(reading, slot, -1);
      if (i >= 0 && i >= nextToAdd && !ready.has(i)) ready.set(i, failed(i, why));
      // A worker that died with files left: a fresh one takes over.
      if (Atomics.load(counter, 0) < total) start(slot);
      arrived();
    });
  };
  for (let k = 0; k < Math.min(n - 1, total); k++) start(k);
  dropReaders();
  dropFetcher();

  while (nextToAdd < total) {
    take();
    if (nextToAdd >= total) break;
    const i = Atomics.add(counter, 0, 1);
    if (i < total) {
      // Reading awaits the file system: the workers' results are taken meanwhile. A defect in one
      // file is that file's failure here too, as in a worker.
      ready.set(i, await readAndExtract(files[i], here).catch((e: unknown) => failed(i, (e as Error)?.message ?? String(e))));
    } else if (live > 0) await new Promise<void>((r) => (wake = r));
    // Every worker gone and this file's result never came (cannot happen: each exit names its file).
    else ready.set(nextToAdd, failed(nextToAdd, 'the reading thread stopped'));
  }
  mark('files read');
  return run.finish();
}
