/**
 * oneplan consolidate FILE|FOLDER... [--strategies FILE|PRESET] [--district NAME | --province NAME] --out OUT.xlsx [--json]
 * Reads every workbook (a folder expands to its .xlsx files; several at once on several cores), builds the district needs table and
 * writes it with the summary, duplicates and sources sheets. Given districts' needs workbooks, it builds
 * the province's table (each need with its district; --province names it). Exit: 0 ok, 1 a file failed (or the
 * output could not be written), 2 bad usage.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { consolidateJson, needsFileWorkbook } from '../engine/consolidate';
import { nodeZip, writeFileBytes } from '../node/files';
import { writeXlsx } from '../xlsx/write';
import { loadStrategies, parseArgs, usageExit, UsageError } from './common';
import type { Io } from './oneplan';
import { consolidateFiles } from './parallel';

const USAGE = 'usage: oneplan consolidate FILE|FOLDER... [--strategies FILE|PRESET] [--district NAME | --province NAME] --out OUT.xlsx [--json]\n';

/** Files as given; a folder becomes its .xlsx and .csv files (sorted, Excel lock files "~$…" left out). */
async function expand(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    let st;
    try {
      st = await fs.stat(a);
    } catch {
      out.push(a); // reported as not found
      continue;
    }
    if (!st.isDirectory()) {
      out.push(a);
      continue;
    }
    const names = (await fs.readdir(a)).filter((n) => /\.(xlsx|csv)$/i.test(n) && !n.startsWith('~$')).sort((x, y) => x.localeCompare(y, 'th'));
    for (const n of names) out.push(path.join(a, n));
  }
  return out;
}

export async function runConsolidate(args: string[], io: Io): Promise<number> {
  let opts;
  try {
    opts = parseArgs(args, { flags: ['json'], values: ['strategies', 'out', 'district', 'province'] });
    if (!opts.files.length) throw new UsageError('ต้องระบุไฟล์หรือโฟลเดอร์อย่างน้อยหนึ่งรายการ / give at least one file or folder');
    if (!opts.values.out && !opts.flags.json) throw new UsageError('ต้องระบุ --out OUT.xlsx / --out is required');
    if (opts.values.district && opts.values.province) throw new UsageError('ระบุ --district หรือ --province อย่างใดอย่างหนึ่ง / give --district or --province, not both');
  } catch (e) {
    if (e instanceof UsageError) return usageExit(io, 'consolidate', e, USAGE);
    throw e;
  }
  let strategies;
  if (opts.values.strategies) {
    const loaded = await loadStrategies(opts.values.strategies);
    if ('error' in loaded) {
      io.err(`oneplan consolidate: ${loaded.error.message}\n`);
      return 2;
    }
    strategies = loaded.list;
  }
  const files = await expand(opts.files);
  if (!files.length) {
    io.err(`oneplan consolidate: ไม่พบไฟล์ .xlsx ในโฟลเดอร์ที่ระบุ / no .xlsx files found\n`);
    return 2;
  }
  // Files are read by worker threads, each holding one workbook at a time (a province's thousands of
  // files are never in memory together); ONEPLAN_WORKERS=1 reads them here, one at a time.
  let result;
  try {
    result = await consolidateFiles(files, { strategies });
  } catch (e) {
    // A defect must not end in a bare stack trace: name what failed, exit 1.
    io.err(`oneplan consolidate: รวบรวมไม่สำเร็จ / consolidation failed: ${(e as Error)?.message ?? e}\n`);
    return 1;
  }

  let output: string | null = null;
  let writeError: string | undefined;
  if (opts.values.out) {
    try {
      const title = { district: opts.values.district, province: opts.values.province };
      await writeFileBytes(opts.values.out, writeXlsx(needsFileWorkbook(result, title), { zip: nodeZip }));
      output = opts.values.out;
    } catch (e) {
      writeError = `เขียนไฟล์ ${opts.values.out} ไม่ได้: ${(e as Error).message}`;
    }
  }
  const failed = result.inputs.some((i) => i.status === 'failed');
  if (opts.flags.json) {
    io.out(JSON.stringify(consolidateJson(result, output), null, 2) + '\n');
  } else {
    for (const i of result.inputs) {
      const mark = i.status === 'ok' ? '✓' : i.status === 'skipped' ? '–' : '✗';
      const detail = i.error ? i.error.message : i.status === 'skipped' ? i.note ?? '' : `${i.projects} โครงการ, นำเข้า ${i.taken}`;
      io.out(`${mark} ${i.file}: ${detail}\n`);
    }
    const counted = result.items.filter((i) => i.inTotals).length;
    io.out(`แผนความต้องการ: ${result.items.length} โครงการ (นับยอด ${counted})\n`);
    for (const y of result.years) io.out(`  ปีงบประมาณ ${y}: ${result.totals[y].toLocaleString('en-US')} บาท\n`);
    const dup = (c: string) => result.duplicates.filter((d) => d.confidence === c).length;
    io.out(`โครงการซ้ำ: ซ้ำตรงกัน ${dup('exact')}, น่าจะซ้ำ ${dup('likely')}, อาจซ้ำ ${dup('possible')}\n`);
    if (result.strategyMismatches.length) io.out(`ประเด็นการพัฒนาไม่สอดคล้อง/ไม่ระบุ: ${result.strategyMismatches.length} โครงการ\n`);
    if (output) io.out(`เขียนไฟล์ ${output}\n`);
  }
  if (writeError) io.err(`oneplan consolidate: ${writeError}\n`);
  return failed || writeError ? 1 : 0;
}
