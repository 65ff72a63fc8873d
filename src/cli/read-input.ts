/**
 * One received file for consolidation: bytes → checksum → workbook; any failure becomes the input's
 * error (naming the file), so the run goes on with the other files.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
// The reading threads load only what reading a file needs (not the whole consolidation: its stages,
// calendar and schemas are ~90 ms of a worker's start, inside the reading phase).
import type { ClassWords } from '../engine/classification';
import { extractInput, type Extracted } from '../engine/consolidate/collect';
import { inputErrorOf, type ConsolidateInput } from '../engine/consolidate/types';
import type { SheetModel } from '../engine/model';
import type { PlanSheet } from '../engine/plan';
import { readPlanSheet } from '../engine/forms/read';
import type { StrategyList } from '../engine/strategy/model';
import { NODE_READ } from '../node/files';
import { readWorkbookBytes } from '../xlsx/open';
import { readError } from '../xlsx/errors';
import { checksumOf, fetchFile, type Fetched } from './fetch';
import { takeFetcher } from './fetcher';

export async function readConsolidateInput(file: string): Promise<ConsolidateInput> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    return unreadable(file, e);
  }
  return inputOfBytes(file, buf);
}

/**
 * readConsolidateInput with the file read synchronously, for a thread that reads its files one after
 * another with nothing to take meanwhile: the promise's open, stat, read and close round trips cost
 * ~0.2 ms a file, about ten times the read itself. The same input and errors.
 */
export function readConsolidateInputSync(file: string): ConsolidateInput {
  return inputOfFetched(file, fetchFile(file));
}

/** Files the fetching thread is asked for ahead of the one being parsed (memory: each is held until parsed). */
const AHEAD = 2;

/**
 * The inputs of `files` in order, as readConsolidateInput makes them (the same inputs and errors), for
 * a run read on this thread alone (ONEPLAN_WORKERS=1): the fetching thread (readers.ts takeFetcher)
 * reads, hashes and inflates the next files while this one parses, so this thread, the command's
 * critical path, does none of that native work. Without that thread (running from the sources), or
 * once it has stopped, files are read here.
 */
export async function* readConsolidateInputsAhead(files: readonly string[]): AsyncGenerator<ConsolidateInput> {
  const r = files.length > 1 ? takeFetcher() : undefined;
  if (!r) {
    for (const f of files) yield readConsolidateInputSync(f);
    return;
  }
  const got = new Map<number, Fetched>();
  let wake: (() => void) | undefined;
  const arrived = () => {
    wake?.();
    wake = undefined;
  };
  r.worker.on('message', (m: { i: number; f: Fetched }) => {
    got.set(m.i, m.f);
    arrived();
  });
  r.worker.on('exit', arrived);
  let asked = 0;
  const ask = (upTo: number) => {
    for (; asked < Math.min(upTo, files.length); asked++) r.worker.postMessage({ i: asked, file: files[asked] });
  };
  try {
    ask(AHEAD);
    for (let i = 0; i < files.length; i++) {
      while (!got.has(i) && !r.exited) await new Promise<void>((resolve) => (wake = resolve));
      const f = got.get(i);
      got.delete(i);
      ask(i + 1 + AHEAD);
      yield f ? inputOfFetched(files[i], f) : readConsolidateInputSync(files[i]);
    }
  } finally {
    void r.worker.terminate();
  }
}

/** A file that could not be read: its error, naming it. */
function unreadable(file: string, e: unknown): ConsolidateInput {
  const code = (e as NodeJS.ErrnoException)?.code;
  const error = inputErrorOf(code === 'ENOENT' ? readError('not-found', file) : readError('read-failed', file, (e as Error).message));
  return { file, checksum: '', error };
}

/** A file's bytes → checksum → workbook (or the error reading it gave). */
function inputOfBytes(file: string, buf: Buffer): ConsolidateInput {
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  return inputOfFetched(file, { bytes, checksum: checksumOf(bytes) });
}

/** A fetched file → workbook, its parts inflated ahead taken as inflated (or the error reading it gave). */
function inputOfFetched(file: string, { bytes, checksum, parts, tables, error }: Fetched): ConsolidateInput {
  if (!bytes || checksum === undefined) return unreadable(file, error);
  try {
    const opts = parts?.length ? { ...NODE_READ, inflated: new Map(parts), sharedStrings: tables && new Map(tables) } : NODE_READ;
    const workbook = readWorkbookBytes(bytes, path.basename(file), opts);
    return { file, checksum, workbook };
  } catch (e) {
    return { file, checksum, error: inputErrorOf(e) };
  }
}

/** What every reading thread is told of the run (parallel.ts, extract-worker.ts). */
export interface ExtractOptions {
  strategies?: StrategyList;
  classWords?: Partial<ClassWords>;
  /** --district / --province: the run's place, where the files' place names are resolved to codes. */
  district?: string;
  province?: string;
  /** Validate each workbook too (findings counted per input, as the task pane does). */
  validate?: boolean;
}

/** What a reading thread is given when a run takes it (parallel.ts → extract-worker.ts). */
export interface ReaderJob extends ExtractOptions {
  files: readonly string[];
  /** The next file to read, shared by every thread. */
  counter: Int32Array;
  /** Per worker slot: the file it is reading (-1: none), so a worker that dies names its file. */
  reading: Int32Array;
  slot: number;
}

/** One file read, (optionally) validated, recognised, extracted and scored: a reading thread's share of the run. */
export async function readAndExtract(file: string, opts: ExtractOptions): Promise<Extracted> {
  const { strategies, classWords, district, province, validate } = opts;
  const input = await readConsolidateInput(file);
  // Validate and consolidate read each sheet's plan once (as the task pane does).
  const plans = new Map<SheetModel, PlanSheet>();
  if (validate && input.workbook) {
    // Loaded only when asked (most runs do not validate).
    const { validateWorkbook } = await import('../engine/validate');
    input.findings = validateWorkbook(input.workbook, { strategies, plans }).sheets.reduce((n, s) => n + s.findings.length, 0);
  }
  return extractInput(input, { strategies, classWords, district, province, recognise: (s) => plans.get(s) ?? readPlanSheet(s) });
}
