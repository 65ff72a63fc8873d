/**
 * oneplan split TABLE.xlsx... --by route|agency|district|proposer --out FOLDER [--province NAME] [--json]
 * What goes back down: from a province's needs table (as `oneplan consolidate --province` writes it),
 * one workbook per route (อบจ. / agencies / province), per agency or per district, each need with its provenance (district, file, sheet, row);
 * from a district's table, one per proposer (tambon / อปท.), the province's decisions included.
 * Exit: 0 ok, 1 a file failed or a part could not be written, 2 bad usage.
 */
import * as path from 'node:path';
import { needsFileWorkbook } from '../engine/consolidate';
import { partFileNames, partSubtitle, splitNeeds, SPLIT_KEYS, type SplitKey } from '../engine/consolidate/split';
import { nodeZip, writeFileBytes } from '../node/files';
import { writeXlsx } from '../xlsx/write';
import { checkInputs, checkOut, parseArgs, usageExit, UsageError, type Io } from './common';
import { consolidateFiles } from './parallel';

const USAGE = `usage: oneplan split TABLE.xlsx... --by ${SPLIT_KEYS.join('|')} --out FOLDER [--province NAME] [--json]\n`;

export async function runSplit(args: string[], io: Io): Promise<number> {
  let opts;
  try {
    opts = parseArgs(args, { flags: ['json'], values: ['by', 'out', 'province'] });
    if (!opts.files.length) throw new UsageError('ต้องระบุตารางแผนความต้องการ / give the needs table');
    if (!opts.values.out) throw new UsageError('ต้องระบุ --out FOLDER / --out is required');
    if (!SPLIT_KEYS.includes(opts.values.by as SplitKey))
      throw new UsageError(`--by ต้องเป็น ${SPLIT_KEYS.join(' หรือ ')} / --by must be ${SPLIT_KEYS.join(' or ')}`);
    await checkInputs(opts.files, { folders: false });
    await checkOut(opts.values.out, 'folder');
  } catch (e) {
    if (e instanceof UsageError) return usageExit(io, 'split', e, USAGE);
    throw e;
  }
  const by = opts.values.by as SplitKey;
  let result;
  try {
    result = await consolidateFiles(opts.files, { workers: 1 });
  } catch (e) {
    io.err(`oneplan split: อ่านตารางไม่สำเร็จ / could not read the table: ${(e as Error)?.message ?? e}\n`);
    return 1;
  }
  const parts = splitNeeds(result, by);
  const written: Array<{
    receiver: string;
    file: string | null;
    projects: number;
    counted: number;
    totals: Record<string, number>;
    error?: string;
  }> = [];
  const names = partFileNames(parts);
  const from = opts.files.map((f) => path.basename(f)).join(', ');
  for (const [k, p] of parts.entries()) {
    const file = path.join(opts.values.out, names[k]);
    const counted = p.result.items.filter((i) => i.inTotals).length;
    const totals = Object.fromEntries(p.result.years.map((y) => [String(y), p.result.totals[y]]));
    const subtitle = partSubtitle(p, by, from);
    try {
      await writeFileBytes(file, writeXlsx(needsFileWorkbook(p.result, { province: opts.values.province, subtitle }), { zip: nodeZip }));
      written.push({ receiver: p.receiver, file, projects: p.result.items.length, counted, totals });
    } catch (e) {
      written.push({
        receiver: p.receiver,
        file: null,
        projects: p.result.items.length,
        counted,
        totals,
        error: `เขียนไฟล์ "${file}" ไม่ได้ / cannot write "${file}": ${(e as Error).message}`,
      });
    }
  }
  const failed = result.inputs.filter((i) => i.status === 'failed');
  if (opts.flags.json) {
    io.out(
      JSON.stringify(
        {
          by,
          inputs: result.inputs.map((i) => ({ file: i.file, status: i.status, ...(i.error ? { error: i.error } : {}) })),
          parts: written,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const i of failed) io.out(`✗ ${i.file}: ${i.error?.message ?? ''}\n`);
    for (const w of written)
      io.out(`${w.file ? '✓' : '✗'} ${w.receiver}: ${w.projects} โครงการ (นับยอด ${w.counted})${w.file ? ` → ${w.file}` : ''}\n`);
  }
  for (const w of written) if (w.error) io.err(`oneplan split: ${w.error}\n`);
  return failed.length || written.some((w) => w.error) ? 1 : 0;
}
