/** What the CLI commands share: argument parsing, reading an input file, loading a strategy list. */
import type { WorkbookModel } from '../engine/model';
import { readWorkbookFile } from '../node/files';
import { presetById, readStrategies, STRATEGY_PRESETS, type StrategyList } from '../engine/strategy';

export class UsageError extends Error {
  /** True for --help: the usage goes to stdout and the command exits 0. */
  help = false;
}

/** Print usage for --help (exit 0) or a usage error (exit 2). */
export function usageExit(io: { out: (s: string) => void; err: (s: string) => void }, command: string, e: UsageError, usage: string): number {
  if (e.help) {
    io.out(usage.endsWith('\n') ? usage : usage + '\n');
    return 0;
  }
  io.err(`oneplan ${command}: ${e.message}\n${usage.endsWith('\n') ? usage : usage + '\n'}`);
  return 2;
}

export interface ParsedArgs {
  files: string[];
  flags: Record<string, boolean>;
  values: Record<string, string>;
}

/** `--name value` / `--name=value` for `values`, `--name` for `flags`, the rest are files. */
export function parseArgs(args: string[], spec: { flags: string[]; values: string[] }): ParsedArgs {
  const out: ParsedArgs = { files: [], flags: {}, values: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h') {
      out.flags.help = true;
      continue;
    }
    // "-x": a mistyped option, not a file named "-x".
    if (/^-[^-]/.test(a)) throw new UsageError(`ไม่รู้จักตัวเลือก ${a} / unknown option ${a}`);
    if (!a.startsWith('--') || a === '--') {
      out.files.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (name === 'help') out.flags.help = true;
    else if (spec.flags.includes(name)) out.flags[name] = true;
    else if (spec.values.includes(name)) {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`--${name} ต้องมีค่า / needs a value`);
      out.values[name] = v;
    } else throw new UsageError(`ไม่รู้จักตัวเลือก ${a} / unknown option ${a}`);
  }
  if (out.flags.help) throw Object.assign(new UsageError('help'), { help: true });
  return out;
}

export interface InputError {
  code: string;
  message: string;
  messageEn: string;
}

/** Read one workbook; any failure becomes a message naming the file, never an exception. */
export async function readInput(file: string): Promise<{ workbook: WorkbookModel } | { error: InputError }> {
  try {
    return { workbook: await readWorkbookFile(file) };
  } catch (e) {
    const err = e as { code?: string; message?: string; messageEn?: string };
    if (err && typeof err.code === 'string' && typeof err.messageEn === 'string')
      return { error: { code: err.code, message: err.message ?? err.messageEn, messageEn: err.messageEn } };
    if (err?.code === 'ENOENT') return { error: { code: 'not-found', message: `ไม่พบไฟล์ "${file}"`, messageEn: `File "${file}" not found` } };
    if (err?.code === 'EISDIR') return { error: { code: 'is-folder', message: `"${file}" เป็นโฟลเดอร์ ไม่ใช่ไฟล์`, messageEn: `"${file}" is a folder, not a file` } };
    const detail = String(err?.message ?? e);
    return { error: { code: 'read-failed', message: `อ่านไฟล์ "${file}" ไม่ได้: ${detail}`, messageEn: `Cannot read "${file}": ${detail}` } };
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
