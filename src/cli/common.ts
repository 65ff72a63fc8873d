/** What the CLI commands share: their output streams, argument parsing, reading an input file, loading a strategy list. */
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import type { WorkbookModel } from '../engine/model';
import { inputErrorOf, type InputError } from '../engine/consolidate/types';
import { readWorkbookFile, scanInputs, type InputScan } from '../node/files';
import { presetById, STRATEGY_PRESETS } from '../engine/strategy/presets';
import type { StrategyList } from '../engine/strategy/model';
import { readError } from '../xlsx/errors';
import { thaiToArabic } from '../engine/thai';

/** Where a command writes: stdout and stderr, or a test's buffers. */
export type Io = { out: (s: string) => void; err: (s: string) => void };

export class UsageError extends Error {
  /** True for --help: the usage goes to stdout and the command exits 0. */
  help = false;
}

/** A path that cannot be used (a misspelt input, an --out that is a folder): one line naming it, no usage text. */
export class PathError extends UsageError {}

/** Print usage for --help (exit 0) or a usage error (exit 2). */
export function usageExit(io: Io, command: string, e: UsageError, usage: string): number {
  if (e.help) {
    io.out(usage.endsWith('\n') ? usage : usage + '\n');
    return 0;
  }
  io.err(`oneplan ${command}: ${e.message}\n${e instanceof PathError ? '' : usage.endsWith('\n') ? usage : usage + '\n'}`);
  return 2;
}

const statOf = (p: string) => fs.stat(p).catch(() => undefined);

/**
 * Before anything is read or written: every input path exists (a misspelt folder must not become an
 * empty needs table over the officer's ranked one), and is a file unless the command reads folders.
 */
export async function checkInputs(paths: readonly string[], opts: { folders: boolean }): Promise<void> {
  const missing: string[] = [];
  for (const p of paths) {
    const st = await statOf(p);
    if (!st) missing.push(`"${p}"`);
    else if (st.isDirectory() && !opts.folders) throw new PathError(`"${p}" เป็นโฟลเดอร์: ระบุไฟล์ / "${p}" is a folder: give its files`);
  }
  if (missing.length)
    throw new PathError(
      `ไม่พบ ${missing.join(', ')}: ตรวจชื่อไฟล์หรือโฟลเดอร์ ไม่ได้อ่านหรือเขียนไฟล์ใด / ${missing.join(', ')} not found: check the name; nothing was read or written`,
    );
}

/** checkInputs (files only) once the options are known good: false after saying why in one line (then exit 2). */
export async function filesExist(io: Io, command: string, paths: readonly string[]): Promise<boolean> {
  try {
    await checkInputs(paths, { folders: false });
    return true;
  } catch (e) {
    if (!(e instanceof PathError)) throw e;
    io.err(`oneplan ${command}: ${e.message}\n`);
    return false;
  }
}

/**
 * Before any work: `--out` (a file, or a folder for split) can be written — not a folder where a file
 * is wanted, and the nearest existing folder on its way writable (missing folders are created).
 */
export async function checkOut(out: string, want: 'file' | 'folder', option = '--out'): Promise<void> {
  const st = await statOf(out);
  if (st?.isDirectory() && want === 'file')
    throw new PathError(
      `${option} "${out}" เป็นโฟลเดอร์: ระบุชื่อไฟล์ เช่น "${path.join(out, 'แผนความต้องการ.xlsx')}" / ${option} "${out}" is a folder: give a file name`,
    );
  if (st && !st.isDirectory() && want === 'folder')
    throw new PathError(`${option} "${out}" เป็นไฟล์: ระบุโฟลเดอร์ / ${option} "${out}" is a file: give a folder`);
  const notWritable = (th: string, en: string) =>
    new PathError(`เขียน ${option} "${out}" ไม่ได้: ${th} / cannot write ${option} "${out}": ${en}`);
  let at = st ? out : path.dirname(path.resolve(out));
  for (;;) {
    const s = await statOf(at);
    if (s) {
      if (!s.isDirectory() && at !== out) throw notWritable(`"${at}" เป็นไฟล์ ไม่ใช่โฟลเดอร์`, `"${at}" is a file, not a folder`);
      break;
    }
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  await fs.access(at, fsConstants.W_OK).catch(() => {
    throw notWritable(`ไม่มีสิทธิ์เขียนใน "${at}"`, `no permission to write in "${at}"`);
  });
}

/**
 * The input files and folders of a command that reads received workbooks, checked before any work: every
 * path exists, --out is writable, each folder holds a readable file (PathError: exit 2, nothing written).
 */
export async function scanChecked(files: readonly string[], out: string | undefined): Promise<InputScan> {
  await checkInputs(files, { folders: true });
  if (out) await checkOut(out, 'file');
  const scan = await scanInputs(files);
  if (scan.emptyFolders.length) {
    const names = scan.emptyFolders.map((f) => `"${f}"`).join(', ');
    throw new PathError(
      `โฟลเดอร์ ${names} ไม่มีไฟล์ที่อ่านได้ (.xlsx, .xlsm, .csv; ข้าม ${scan.skipped.length} รายการ) / folder ${names} holds no readable file (.xlsx, .xlsm, .csv; ${scan.skipped.length} entries skipped)`,
    );
  }
  return scan;
}

export interface ParsedArgs {
  files: string[];
  flags: Record<string, boolean>;
  values: Record<string, string>;
}

export interface ArgSpec {
  flags: string[];
  values: string[];
  /** Other names of an option: { fy: 'fiscal-year', o: 'out' } (one letter: `-o`). */
  aliases?: Record<string, string>;
}

/**
 * `--name value` / `--name=value` for `values`, `--name` for `flags`, the rest are files (Node's
 * util.parseArgs; `--help`/`-h` throws a help UsageError). A value may start with one dash
 * (`--year-offset -1`) but not two: `--out --json` is a missing value, not a file named "--json".
 */
export function parseArgs(args: string[], spec: ArgSpec): ParsedArgs {
  type Option = { type: 'boolean' | 'string'; short?: string };
  const options: Record<string, Option> = { help: { type: 'boolean', short: 'h' } };
  for (const f of spec.flags) options[f] = { type: 'boolean' };
  for (const v of spec.values) options[v] = { type: 'string' };
  const aliases = spec.aliases ?? {};
  for (const [alias, name] of Object.entries(aliases)) {
    if (alias.length === 1) options[name].short = alias;
    else options[alias] = { type: options[name].type };
  }
  // Not strict: util.parseArgs refuses "--year-offset -1"; unknown options are refused below instead.
  const { tokens } = parseNodeArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const out: ParsedArgs = { files: [], flags: {}, values: {} };
  let help = false;
  for (const t of tokens) {
    if (t.kind === 'positional') out.files.push(t.value);
    if (t.kind !== 'option') continue;
    const name = aliases[t.name] ?? t.name;
    const option = Object.hasOwn(options, t.name) ? options[name] : undefined;
    if (!option) throw new UsageError(`ไม่รู้จักตัวเลือก "${t.rawName}" / unknown option "${t.rawName}"`);
    if (name === 'help') help = true;
    else if (option.type === 'boolean') out.flags[name] = true;
    else {
      const v = t.value;
      if (v === undefined || v === '' || (!t.inlineValue && /^--(?!\d)/.test(v)))
        throw new UsageError(`${t.rawName} ต้องมีค่า / ${t.rawName} needs a value`);
      out.values[name] = v;
    }
  }
  if (help) throw Object.assign(new UsageError('help'), { help: true });
  return out;
}

export type { InputError };

/** A --fiscal-year value: a B.E. year, Thai digits allowed ("๒๕๖๙"). */
export function fiscalYearArg(value: string): number {
  const y = thaiToArabic(value).trim();
  if (!/^\d{4}$/.test(y)) throw new UsageError(`--fiscal-year: "${y}" is not a year (B.E., e.g. 2571)`);
  const n = Number(y);
  if (n < 2400) throw new UsageError(`--fiscal-year ${n}: give the Buddhist Era year (พ.ศ.), e.g. ${n + 543}`);
  if (n > 2800) throw new UsageError(`--fiscal-year ${n}: not a plausible B.E. year`);
  return n;
}

/** Read one workbook; any failure becomes a message naming the file, never an exception. */
export async function readInput(file: string): Promise<{ workbook: WorkbookModel } | { error: InputError }> {
  try {
    return { workbook: await readWorkbookFile(file) };
  } catch (e) {
    const err = e as { code?: string; message?: string; messageEn?: string };
    if (err && typeof err.code === 'string' && typeof err.messageEn === 'string') return { error: inputErrorOf(e) };
    if (err?.code === 'ENOENT') return { error: inputErrorOf(readError('not-found', file)) };
    return { error: inputErrorOf(readError('read-failed', file, String(err?.message ?? e))) };
  }
}

/**
 * An --out that already exists, read by `read` (`previous` undefined when the file is not that output:
 * the command refuses to overwrite it); undefined when there is no such file.
 */
export async function readExistingOut<T>(
  out: string | undefined,
  read: (wb: WorkbookModel) => T | undefined,
): Promise<{ previous: T | undefined } | undefined> {
  const isFile = out
    ? await fs.stat(out).then(
        (st) => st.isFile(),
        () => false,
      )
    : false;
  if (!out || !isFile) return undefined;
  const old = await readInput(out);
  return { previous: 'error' in old ? undefined : read(old.workbook) };
}

/** Keeps the old bytes of `file` beside it before it is replaced; the copy's name. */
export async function keepBackup(file: string): Promise<string> {
  const name = await backupName(file);
  await fs.copyFile(file, name);
  return name;
}

/** The first free "name (สำรอง N).xlsx" beside `file`. */
async function backupName(file: string): Promise<string> {
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  for (let n = 1; ; n++) {
    const name = `${base} (สำรอง ${n})${ext}`;
    try {
      await fs.access(name);
    } catch {
      return name;
    }
  }
}

/** A strategy list from a preset id (e.g. chiangmai-2566-2570) or from the first sheet of a workbook that holds one. */
export async function loadStrategies(spec: string): Promise<{ list: StrategyList } | { error: InputError }> {
  const preset = presetById(spec);
  if (preset) return { list: preset.list };
  const input = await readInput(spec);
  if ('error' in input) {
    // Neither a file nor a preset: say which presets there are (a mistyped id is the usual cause).
    if (input.error.code === 'not-found')
      return {
        error: {
          code: 'unknown-strategies',
          message: `"${spec}" ไม่ใช่ไฟล์และไม่ใช่ชื่อรายการประเด็นการพัฒนาที่มีในโปรแกรม ใช้ชื่อใดชื่อหนึ่งต่อไปนี้ หรือระบุไฟล์ .xlsx ที่มีรายการประเด็น:\n${presetLines('th')}`,
          messageEn: `"${spec}" is neither a file nor a built-in list of development issues. Use one of these, or give an .xlsx file that holds a list:\n${presetLines('en')}`,
        },
      };
    return input;
  }
  // Loaded only for a file: the reader checks the list with its zod schema (zod is ~15 % of a command's start).
  const { readStrategies } = await import('../engine/strategy/read');
  for (const sheet of input.workbook.sheets) {
    const list = readStrategies(sheet);
    if (list && list.issues.length) return { list };
  }
  return {
    error: {
      code: 'no-strategies',
      message: `ไม่พบรายการประเด็นการพัฒนาในไฟล์ "${spec}" (ต้องมีหัวตาราง ประเด็นการพัฒนา / เป้าประสงค์)`,
      messageEn: `No list of development issues found in "${spec}" (expects headers ประเด็นการพัฒนา / เป้าประสงค์)`,
    },
  };
}

/** The built-in issue lists, one a line: "  chiangmai-2566-2570  จังหวัดเชียงใหม่ …". */
export function presetLines(lang: 'th' | 'en'): string {
  return STRATEGY_PRESETS.map((p) => `  ${p.id}  ${lang === 'th' ? p.label : p.labelEn}`).join('\n');
}

/** The version in package.json (found from the compiled or the source file's folder). */
export function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('node:path') as typeof import('node:path');
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'oneplan' && pkg.version) return pkg.version;
    } catch {
      /* not here */
    }
  }
  return 'unknown';
}
