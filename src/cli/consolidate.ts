/**
 * oneplan consolidate FILE|FOLDER... [--strategies FILE|PRESET] [--district NAME] [--province NAME] --out OUT.xlsx [--json]
 *   [--expect ROSTER] [--due DATE] [--approval-meeting 3/2568 --approval-date 15/5/2568] [--pao-words …] [--agency-words …] [--support-words …]
 * Reads every workbook (a folder expands to its .xlsx, .xlsm and .csv files, every other entry listed as skipped with why;
 * several at once on several cores), builds the district needs table and
 * writes it with the summary, duplicates and sources sheets, and the follow-up sheet of who must send: the district's
 * tambons from the gazetteer (--district), or the province's districts (--province alone), plus --expect's names, each
 * with its due date and days late. Given districts' needs workbooks, it builds the province's table (each need with its
 * district; --province names it).
 * --out onto an existing needs table merges: the officer's ranks, routes, notes and approval are kept,
 * the old file is kept as a backup beside it; any other existing file is refused.
 * Inputs and --out are checked before anything is read or written: a missing path, an --out that is a
 * folder or not writable, a folder with no readable file are usage errors, and no table or backup is made.
 * Exit: 0 ok, 1 a file failed (or the output could not be written), 2 bad usage.
 */
import {
  consolidateJson,
  expectedSenders,
  needsFileWorkbook,
  readPrevious,
  readRoster,
  type Approval,
  type ClassWords,
} from '../engine/consolidate';
import { formatThaiDateShort, parseThaiDate, type ThaiDate } from '../engine/calendar/thai';
import { thaiToArabic } from '../engine/thai';
import { nodeZipPiecesAsync, writeFileBytes } from '../node/files';
import { XLSX_LEVEL, xlsxParts } from '../xlsx/write';
import { keepBackup, loadStrategies, parseArgs, readExistingOut, readInput, scanChecked, usageExit, UsageError, type Io } from './common';
import { capNeeded, heapCapMb, runCapped } from './capped';
import { consolidateFiles } from './parallel';
import { dropFetcher } from './fetcher';
import { dropReaders } from './readers';
import { mark } from './timing';

const USAGE =
  'usage: oneplan consolidate FILE|FOLDER... [--strategies FILE|PRESET] --out OUT.xlsx [--json] [--district NAME] [--province NAME] [--expect ROSTER.xlsx|.csv]\n' +
  '         [--due 28/2/2569]\n' +
  '         [--approval-meeting 3/2568 --approval-date 15/5/2568] [--pao-words W,W] [--agency-words W,W] [--support-words W,W]\n' +
  "  --out onto an existing needs table merges with the officer's ranks, routes, notes and approval (a backup is kept)\n";

/** "a, b ,c" → ['a', 'b', 'c'] ("" → [] switches the list off). */
const wordList = (v: string | undefined): string[] | undefined =>
  v === undefined
    ? undefined
    : v
        .split(/[,;|]/)
        .map((w) => w.trim())
        .filter(Boolean);

/** The run's date, fixed by tests (days late are counted to it); default today. */
export interface RunDate {
  today?: ThaiDate;
}

/** `capArgv`: the whole command line, given when the run may move to a heap-capped worker (capped.ts). */
export async function runConsolidate(args: string[], io: Io, run: RunDate = {}, capArgv?: readonly string[]): Promise<number> {
  let opts;
  let scan;
  try {
    opts = parseArgs(args, {
      flags: ['json'],
      values: [
        'strategies',
        'out',
        'district',
        'province',
        'expect',
        'due',
        'approval-meeting',
        'approval-date',
        'pao-words',
        'agency-words',
        'support-words',
      ],
    });
    if (!opts.files.length) throw new UsageError('ต้องระบุไฟล์หรือโฟลเดอร์อย่างน้อยหนึ่งรายการ / give at least one file or folder');
    if (!opts.values.out && !opts.flags.json) throw new UsageError('ต้องระบุ --out OUT.xlsx / --out is required');
    if (!opts.values['approval-meeting'] !== !opts.values['approval-date'])
      throw new UsageError('--approval-meeting และ --approval-date ต้องระบุคู่กัน / give both --approval-meeting and --approval-date');
    if (opts.values['approval-date'] && !parseThaiDate(opts.values['approval-date']))
      throw new UsageError(`วันที่ "${opts.values['approval-date']}" ไม่ถูกต้อง (เช่น 15/5/2568 หรือ 15 พฤษภาคม 2568) / not a date`);
    if (opts.values.due && !parseThaiDate(opts.values.due))
      throw new UsageError(`วันที่ --due "${opts.values.due}" ไม่ถูกต้อง (เช่น 28/2/2569 หรือ 28 กุมภาพันธ์ 2569) / not a date`);
    // Who must send comes from the gazetteer: a name it does not know (or knows twice) is a usage error.
    const place = expectedSenders({ district: opts.values.district, province: opts.values.province });
    if (place && !place.ok) throw new UsageError(`${place.message} / ${place.messageEn}`);
    scan = await scanChecked(opts.files, opts.values.out);
  } catch (e) {
    if (e instanceof UsageError) return usageExit(io, 'consolidate', e, USAGE);
    throw e;
  }
  if (capArgv) {
    const capMb = heapCapMb();
    if (capMb > 0 && (await capNeeded(scan.files, capMb))) {
      // The capped worker starts reading threads of its own.
      dropReaders();
      dropFetcher();
      return runCapped([...capArgv], io, capMb);
    }
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
  const approval: Approval | undefined = opts.values['approval-date']
    ? { meeting: thaiToArabic(opts.values['approval-meeting']).replace(/\s+/g, ''), date: parseThaiDate(opts.values['approval-date'])! }
    : undefined;
  const classWords: Partial<ClassWords> = {};
  for (const k of ['pao', 'agency', 'support'] as const) {
    const l = wordList(opts.values[`${k}-words`]);
    if (l) classWords[k] = l;
  }
  let roster: string[] | undefined;
  if (opts.values.expect) {
    const file = await readInput(opts.values.expect);
    if ('error' in file) {
      io.err(`oneplan consolidate: --expect: ${file.error.message}\n`);
      return 2;
    }
    roster = readRoster(file.workbook);
    if (!roster.length) {
      io.err(
        `oneplan consolidate: --expect: ไม่พบรายชื่อตำบล/อปท. ในไฟล์ "${opts.values.expect}" (หนึ่งชื่อต่อหนึ่งแถว) / no names found in the roster (one a row)\n`,
      );
      return 2;
    }
  }
  const gazetteer = expectedSenders({ district: opts.values.district, province: opts.values.province }, roster);
  const expected = gazetteer?.ok ? gazetteer.names : roster;
  // --out onto an existing file: only a needs table is merged and replaced (its old bytes kept as a backup).
  let backup: string | undefined;
  const out = opts.values.out;
  const existing = await readExistingOut(out, readPrevious);
  const previous = existing?.previous;
  if (out && existing) {
    if (!previous) {
      io.err(
        `oneplan consolidate: ไฟล์ "${out}" มีอยู่แล้วและไม่ใช่ตารางแผนความต้องการของอำเภอ: ไม่เขียนทับ (ใช้ชื่ออื่น) / "${out}" exists and is not a needs table: not overwritten\n`,
      );
      return 2;
    }
    backup = await keepBackup(out);
  }
  const { files, skipped } = scan;
  mark('reading files');
  // Files are read by worker threads, each holding one workbook at a time (a province's thousands of
  // files are never in memory together); ONEPLAN_WORKERS=1 reads them here, one at a time.
  let result;
  try {
    result = await consolidateFiles(files, {
      strategies,
      classWords,
      district: opts.values.district,
      province: opts.values.province,
      previous,
      expected,
      due: opts.values.due ? parseThaiDate(opts.values.due) : undefined,
      today: run.today,
      approval,
      skipped,
    });
  } catch (e) {
    // A defect must not end in a bare stack trace: name what failed, exit 1.
    io.err(`oneplan consolidate: รวบรวมไม่สำเร็จ / consolidation failed: ${(e as Error)?.message ?? e}\n`);
    return 1;
  }

  mark('consolidated');
  let output: string | null = null;
  let writeError: string | undefined;
  if (out) {
    try {
      // --province beside --district only places the district: the table is the district's.
      const workbook = needsFileWorkbook(result, opts.values.district ? {} : { province: opts.values.province });
      mark('workbook made');
      const zip = await nodeZipPiecesAsync(xlsxParts(workbook), XLSX_LEVEL);
      mark('sheets made and deflated');
      await writeFileBytes(out, zip);
      mark('written');
      output = out;
    } catch (e) {
      writeError = `เขียนไฟล์ "${out}" ไม่ได้ / cannot write "${out}": ${(e as Error).message}`;
    }
  }
  const failed = result.inputs.some((i) => i.status === 'failed');
  if (opts.flags.json) {
    io.out(JSON.stringify(consolidateJson(result, output), null, 2) + '\n');
  } else {
    for (const i of result.inputs) {
      const mark = i.status === 'ok' ? '✓' : i.status === 'skipped' ? '–' : '✗';
      const detail = i.error ? i.error.message : i.status === 'skipped' ? (i.note ?? '') : `${i.projects} โครงการ, นำเข้า ${i.taken}`;
      io.out(`${mark} ${i.file}: ${detail}\n`);
    }
    for (const f of skipped) io.out(`– ${f.message}\n`);
    const counted = result.items.filter((i) => i.inTotals).length;
    io.out(`แผนความต้องการ: ${result.items.length} โครงการ (นับยอด ${counted})\n`);
    for (const y of result.years) io.out(`  ปีงบประมาณ ${y}: ${result.totals[y].toLocaleString('en-US')} บาท\n`);
    const dup = (c: string) => result.duplicates.filter((d) => d.confidence === c).length;
    io.out(`โครงการซ้ำ: ซ้ำตรงกัน ${dup('exact')}, น่าจะซ้ำ ${dup('likely')}, อาจซ้ำ ${dup('possible')}\n`);
    if (result.strategyMismatches.length) io.out(`ประเด็นการพัฒนาไม่สอดคล้อง/ไม่ระบุ: ${result.strategyMismatches.length} โครงการ\n`);
    if (result.districtPlan) io.out(`ไม่มีในแผนพัฒนาอำเภอ: ${result.notInDistrictPlan.length} โครงการ\n`);
    if (!result.approval) io.out('ยังไม่ได้บันทึกการประชุม ก.บ.อ. ที่เห็นชอบ (--approval-meeting, --approval-date)\n');
    if (result.merge)
      io.out(
        `รวมกับตารางเดิม: คงลำดับ/การส่ง/บันทึกไว้ ${result.merge.kept} โครงการ, ใหม่ ${result.merge.new}, หายไป ${result.merge.vanished.length}${backup ? ` (สำรองไฟล์เดิมที่ ${backup})` : ''}\n`,
      );
    if (result.senders) {
      const s = result.senders;
      io.out(
        `การส่งแผน: ส่งแล้ว ${s.received.length}/${s.expected.length}, ส่งมาแล้วแต่ใช้ไม่ได้ ${s.unreadable.length}, ยังไม่ส่ง ${s.missing.length}\n`,
      );
      const due = s.entries.find((e) => e.due)?.due;
      if (due) io.out(`  กำหนดส่ง ${formatThaiDateShort(due, { fullYear: true })}\n`);
      const late = (d: number | undefined) => (d ? ` (ล่าช้า ${d} วัน)` : '');
      const missing = s.entries.filter((e) => e.status === 'missing');
      if (missing.length) io.out(`  ยังไม่ส่ง: ${missing.map((e) => e.name + late(e.daysLate)).join(', ')}\n`);
      for (const e of s.entries) if (e.status === 'unreadable') io.out(`  ส่งมาแล้วแต่ใช้ไม่ได้: ${e.name}: ${e.reason}${late(e.daysLate)}\n`);
    }
    if (output) io.out(`เขียนไฟล์ ${output}\n`);
  }
  if (writeError) io.err(`oneplan consolidate: ${writeError}\n`);
  return failed || writeError ? 1 : 0;
}
