/**
 * Runs a heavy command (consolidate) in a worker thread with a capped V8 heap.
 *
 * Why: V8 sizes its heap by how cheap collection has been, not by what the machine can spare; a
 * million-row consolidation keeps ~0.8 GB alive but let the heap grow to 2–3 GB of mostly garbage
 * before collecting. A cap makes V8 collect sooner. If the work truly needs more, the worker runs
 * out of memory and the command is run again with twice the cap (output is held until success, so
 * nothing is printed twice). ONEPLAN_MAX_HEAP_MB sets the cap; 0 runs in-process without one.
 * Only a run whose heap may come within half of the cap moves (capNeeded): a district's few megabytes of files
 * are done in-process, without a second thread to start and a second copy of the modules to load.
 */
import { statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Io } from './common';
import { mark } from './timing';

export const DEFAULT_HEAP_MB = 1200;

export function heapCapMb(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.ONEPLAN_MAX_HEAP_MB;
  if (v === undefined || v.trim() === '') return DEFAULT_HEAP_MB;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : DEFAULT_HEAP_MB;
}

/**
 * Heap a consolidation takes per byte of its input files, about: 200 district workbooks of 300 rows
 * (7.9 MB of .xlsx) peaked at ~140 MB of heap; zipped XML inflates ~14 times and every row's texts are kept.
 */
const HEAP_PER_INPUT_BYTE = 20;

/**
 * Whether `files` are big enough for their run's heap to come within half of `capMb` (then it runs under
 * the cap). Stat'ed synchronously: one awaited stat after another cost ~40 µs each in round trips (200
 * files: ~7 ms against ~1 ms), with nothing else to do meanwhile.
 */
export async function capNeeded(files: readonly string[], capMb: number): Promise<boolean> {
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f).size;
    } catch {
      // unreadable: reported when it is read
    }
  }
  return bytes * HEAP_PER_INPUT_BYTE >= (capMb * 2 ** 20) / 2;
}

type Outcome = { code: number; out: string; err: string } | { oom: true };

function once(argv: string[], capMb: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const w = new Worker(path.join(__dirname, 'worker.js'), {
      workerData: { argv },
      resourceLimits: { maxOldGenerationSizeMb: capMb },
      stdout: true,
      stderr: true,
    });
    let out = '';
    let err = '';
    let code: number | undefined;
    let oom = false;
    w.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    w.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    w.on('message', (m: { code: number }) => (code = m.code));
    w.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') oom = true;
      else reject(e);
    });
    w.on('exit', () => {
      if (oom) resolve({ oom: true });
      else resolve({ code: code ?? 1, out, err });
    });
  });
}

/** `oneplan <argv>` in a worker with at most `capMb` MB of old generation, doubling on out-of-memory. */
export async function runCapped(argv: string[], io: Io, capMb = heapCapMb()): Promise<number> {
  const ceiling = Math.floor(os.totalmem() / 2 ** 20);
  mark('heap-capped thread starting');
  for (let cap = capMb; ; cap *= 2) {
    const r = await once(argv, cap);
    if (!('oom' in r)) {
      if (r.out) io.out(r.out);
      if (r.err) io.err(r.err);
      return r.code;
    }
    if (cap * 2 > ceiling) {
      io.err(`oneplan: หน่วยความจำไม่พอ (${cap} MB) / out of memory at ${cap} MB\n`);
      return 1;
    }
    io.err(`oneplan: ใช้หน่วยความจำเกิน ${cap} MB ทำใหม่ด้วย ${cap * 2} MB / heap cap ${cap} MB reached, running again with ${cap * 2} MB\n`);
  }
}
