/**
 * One received file for consolidation: bytes → checksum → workbook; any failure becomes the input's
 * error (naming the file), so the run goes on with the other files.
 */
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
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
import { inflateAhead, NODE_READ } from '../node/files';
import { readWorkbookBytes } from '../xlsx/open';
import { readError } from '../xlsx/errors';

export async function readConsolidateInput(file: string): Promise<ConsolidateInput> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    return unreadable(file, e);
  }
  return inputOfBytes(file, buf);
}

/** A file read, its big parts being inflated on libuv's threads meanwhile (inflateAhead). */
interface Ahead {
  file: string;
  buf?: Buffer;
  error?: unknown;
  inflated: Promise<ReadonlyMap<string, Uint8Array>>;
}

const NONE: Promise<ReadonlyMap<string, Uint8Array>> = Promise.resolve(new Map());

/**
 * The file read synchronously: the promise's open, stat, read and close round trips cost ~0.2 ms a
 * file, about ten times the read itself, and this thread has nothing to take meanwhile.
 */
function readAhead(file: string): Ahead {
  try {
    const buf = readFileSync(file);
    return { file, buf, inflated: inflateAhead(buf, path.basename(file)) };
  } catch (error) {
    return { file, error, inflated: NONE };
  }
}

/**
 * The inputs of `files` in order, as readConsolidateInput makes them (the same inputs and errors), for
 * a thread that reads its files one after another (ONEPLAN_WORKERS=1): each file is read and its big
 * parts inflated on libuv's threads while the file before it is parsed here, so this thread (the
 * command's critical path) does not inflate them. One file ahead: its bytes and inflated parts are
 * all that is held beside the workbook being parsed.
 */
export async function* readConsolidateInputsAhead(files: readonly string[]): AsyncGenerator<ConsolidateInput> {
  let next = files.length ? readAhead(files[0]) : undefined;
  for (let i = 0; next; i++) {
    const cur = next;
    next = i + 1 < files.length ? readAhead(files[i + 1]) : undefined;
    const inflated = await cur.inflated;
    yield cur.buf ? inputOfBytes(cur.file, cur.buf, inflated) : unreadable(cur.file, cur.error);
  }
}

/** A file that could not be read: its error, naming it. */
function unreadable(file: string, e: unknown): ConsolidateInput {
  const code = (e as NodeJS.ErrnoException)?.code;
  const error = inputErrorOf(code === 'ENOENT' ? readError('not-found', file) : readError('read-failed', file, (e as Error).message));
  return { file, checksum: '', error };
}

/** A file's bytes → checksum → workbook (or the error reading it gave); `inflated`: its parts inflated ahead. */
function inputOfBytes(file: string, buf: Buffer, inflated?: ReadonlyMap<string, Uint8Array>): ConsolidateInput {
  const checksum = createHash('sha256').update(buf).digest('hex');
  try {
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
    const workbook = readWorkbookBytes(bytes, path.basename(file), inflated ? { ...NODE_READ, inflated } : NODE_READ);
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
