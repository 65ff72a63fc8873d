/**
 * OnePlan benchmark (issue 6). Generates its own workloads (bench/gen.ts), measures medians of
 * several runs, and prints ratios against baselines measured in the same run:
 *   floor   = node:zlib inflateRawSync of every zip entry of the same files
 *   exceljs = exceljs `xlsx.load` of the same files (reading only)
 *
 *   node --expose-gc dist/bench/bench/run.js            full run (targets, PASS/FAIL)
 *   node --expose-gc dist/bench/bench/run.js --smoke    smallest sizes, no thresholds (CI)
 *   node dist/bench/bench/run.js --child country N      (internal) the 1M-row run in its own process
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { bigSheet, districtFile, type GenFile } from './gen';
import { readXlsx } from '../src/xlsx/read';
import { writeXlsx, XLSX_LEVEL, xlsxParts } from '../src/xlsx/write';
import { NODE_READ, nodeZip, nodeZipPiecesAsync, writeFileBytes } from '../src/node/files';
import { validateWorkbook } from '../src/engine/validate';
import { consolidate, Consolidation, needsFileWorkbook, needsWorkbook, type ConsolidateInput } from '../src/engine/consolidate';
import { findMatches } from '../src/engine/consolidate/dedupe';
import { matchProjects, presetById } from '../src/engine/strategy';
import { clearTermCache } from '../src/engine/strategy/text';
import { clearTokenCache } from '../src/engine/normalise';
import type { Candidate } from '../src/engine/consolidate/extract';
import { readPlanSheet } from '../src/engine/forms/read';
import type { SheetModel } from '../src/engine/model';
import type { PlanSheet } from '../src/engine/plan';
import { readWorksheet, writeSheet } from '../src/office/excel';
import { FakeExcel } from '../test/office/fakeExcel';
import { DEFAULT_HEAP_MB } from '../src/cli/capped';
import { consolidateFiles } from '../src/cli/parallel';
import { workerCount } from '../src/cli/readers';
import { browserLoad, hostile } from './hostile';
import { exceljsLoad, inflateAll, median } from './baselines';
import { cliConsolidate } from './cli';
import { provinceChild, provinceGenChild, provinceRollUp } from './province';

const args = process.argv.slice(2);
const SMOKE = args.includes('--smoke');
/** `--only=district,big` runs just those workloads (for profiling one of them). */
const ONLY = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wanted = (name: string): boolean => !ONLY || ONLY.includes(name);
const STRATEGIES = presetById('chiangmai-2566-2570')!.list;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const now = () => performance.now();
const sec = (ms: number) => (ms / 1000).toFixed(2) + ' s';
const lines: string[] = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};
const verdict = (ok: boolean) => (SMOKE ? '' : ok ? 'PASS' : 'FAIL');

function timeRuns(runs: number, f: () => void): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t = now();
    f();
    ts.push(now() - t);
  }
  return median(ts);
}

async function timeRunsAsync(runs: number, f: () => Promise<void>): Promise<number> {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t = now();
    await f();
    ts.push(now() - t);
  }
  return median(ts);
}

/** read → validate → consolidate (with strategy matching) → write the needs workbook. */
async function districtPipeline(
  files: GenFile[],
): Promise<{ read: number; validate: number; consolidate: number; write: number; items: number; dups: number; outBytes: number }> {
  clearTermCache();
  clearTokenCache();
  const t0 = now();
  const inputs: ConsolidateInput[] = files.map((f) => ({
    file: f.name,
    checksum: '',
    workbook: readXlsx(f.bytes, f.name, NODE_READ),
  }));
  const t1 = now();
  // Validate and consolidate read each sheet's plan once (ValidateOptions.plans + ConsolidateOptions.recognise).
  const plans = new Map<SheetModel, PlanSheet>();
  for (const i of inputs)
    i.findings = validateWorkbook(i.workbook!, { strategies: STRATEGIES, plans }).sheets.reduce((n, s) => n + s.findings.length, 0);
  const t2 = now();
  const res = await consolidate(inputs, { strategies: STRATEGIES, recognise: (s) => plans.get(s) ?? readPlanSheet(s) });
  const t3 = now();
  const bytes = writeXlsx(needsFileWorkbook(res), { zip: nodeZip });
  const t4 = now();
  return {
    read: t1 - t0,
    validate: t2 - t1,
    consolidate: t3 - t2,
    write: t4 - t3,
    items: res.items.length,
    dups: res.duplicates.length,
    outBytes: bytes.length,
  };
}

/** The same pipeline as `oneplan consolidate` runs it: files on disk, read/validate/extract/score in worker threads. */
async function districtThreads(paths: string[], workers: number): Promise<{ ms: number; items: number }> {
  clearTermCache();
  clearTokenCache();
  const t0 = now();
  const res = await consolidateFiles(paths, { strategies: STRATEGIES, validate: true, workers });
  writeXlsx(needsFileWorkbook(res), { zip: nodeZip });
  return { ms: now() - t0, items: res.items.length };
}

async function district(nFiles: number, rows: number, runs: number): Promise<void> {
  out(`## 1. District: ${nFiles} workbooks × ${rows} rows (validate + consolidate + strategies + write)`);
  out();
  const files: GenFile[] = [];
  for (let i = 0; i < nFiles; i++) files.push(districtFile(i, rows));
  const mb = files.reduce((n, f) => n + f.bytes.length, 0) / 1e6;
  const floor = timeRuns(runs, () => files.forEach((f) => inflateAll(f.bytes)));
  const readOnly = timeRuns(runs, () => files.forEach((f) => readXlsx(f.bytes, f.name, NODE_READ)));
  const parts: Array<Awaited<ReturnType<typeof districtPipeline>>> = [];
  const total = await timeRunsAsync(runs, async () => {
    parts.push(await districtPipeline(files));
  });
  // The CLI's path: the files on disk, worker threads (one per core, at most 8).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneplan-bench-'));
  const paths = files.map((f, i) => {
    const p = path.join(dir, `${String(i).padStart(4, '0')}.xlsx`);
    fs.writeFileSync(p, f.bytes);
    return p;
  });
  const workers = workerCount(paths.length);
  const threaded: number[] = [];
  for (let k = 0; k < runs; k++) {
    gc();
    const r = await districtThreads(paths, workers);
    if (r.items !== parts[0].items) throw new Error(`worker threads gave ${r.items} items, one thread ${parts[0].items}`);
    threaded.push(r.ms);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const totalThreads = median(threaded);
  const ex = SMOKE ? NaN : median([await exceljsLoad(files), ...(runs > 1 ? [await exceljsLoad(files)] : [])]);
  const p = (k: 'read' | 'validate' | 'consolidate' | 'write') => median(parts.map((x) => x[k]));
  out(
    `files ${mb.toFixed(1)} MB; ${parts[0].items} needs items, ${parts[0].dups} duplicate groups, output ${(parts[0].outBytes / 1e6).toFixed(1)} MB; medians of ${runs} runs`,
  );
  out();
  out('| step | median |');
  out('|---|---|');
  out(`| inflate floor (node:zlib, every entry) | ${sec(floor)} |`);
  out(`| read only (our reader) | ${sec(readOnly)} (${(readOnly / floor).toFixed(1)}× floor) |`);
  out(
    `| end to end: read ${sec(p('read'))} + validate ${sec(p('validate'))} + consolidate & match ${sec(p('consolidate'))} + write ${sec(p('write'))} | **${sec(total)}** |`,
  );
  out(
    `| end to end as \`oneplan consolidate\` runs it: files read, validated, extracted and scored by ${workers > 1 ? `${workers} threads` : 'one thread (the default on this machine)'}, then duplicates, tables, write | **${sec(totalThreads)}** |`,
  );
  out(`| exceljs xlsx.load, reading only | ${SMOKE ? 'skipped (smoke)' : sec(ex)} |`);
  out();
  const best = Math.min(total, totalThreads);
  const r1 = best / floor;
  out(
    `- end to end / floor = ${r1.toFixed(1)}× (stage by stage ${(total / floor).toFixed(1)}×, as \`oneplan consolidate\` runs it ${(totalThreads / floor).toFixed(1)}×; target ≤ 6×) ${verdict(r1 <= 6)}`,
  );
  if (!SMOKE) out(`- exceljs reading alone / our end to end = ${(ex / best).toFixed(1)}× faster (target ≥ 4×) ${verdict(ex / best >= 4)}`);
  out();
}

async function big(rows: number, runs: number): Promise<void> {
  out(`## 2. Big sheet: one workbook of ${rows.toLocaleString('en-US')} project rows`);
  out();
  const f = bigSheet(rows);
  const floor = timeRuns(runs, () => inflateAll(f.bytes));
  const read = timeRuns(runs, () => readXlsx(f.bytes, f.name, NODE_READ));
  const parts: Array<Awaited<ReturnType<typeof districtPipeline>>> = [];
  const total = await timeRunsAsync(runs, async () => {
    parts.push(await districtPipeline([f]));
  });
  const ex = SMOKE ? NaN : await exceljsLoad([f]);
  out(`file ${(f.bytes.length / 1e6).toFixed(1)} MB; medians of ${runs} runs (exceljs: 1 run)`);
  out();
  out('| step | median |');
  out('|---|---|');
  out(`| inflate floor | ${sec(floor)} |`);
  out(`| read only | ${sec(read)} (${(read / floor).toFixed(1)}× floor) |`);
  const p = (k: 'read' | 'validate' | 'consolidate' | 'write') => median(parts.map((x) => x[k]));
  out(
    `| end to end: read ${sec(p('read'))} + validate ${sec(p('validate'))} + consolidate & match ${sec(p('consolidate'))} + write ${sec(p('write'))} | **${sec(total)}** (${(total / floor).toFixed(1)}× floor) |`,
  );
  out(`| exceljs xlsx.load | ${SMOKE ? 'skipped (smoke)' : sec(ex) + ` (${(ex / read).toFixed(1)}× our read)`} |`);
  out();
}

/** The country, in a child process: generate → read → extract → drop, file by file; then the output. */
async function countryChild(totalRows: number, nFiles: number): Promise<void> {
  const { res, stats } = consolidateCountry(totalRows, nFiles);
  const rss = process.resourceUsage().maxRSS * 1024;
  process.stderr.write(`consolidated (peak RSS ${(rss / 2 ** 30).toFixed(2)} GB); writing the output\n`);
  // The output workbook too, as `oneplan consolidate --out` writes it (tables made row by row, the
  // chunks deflated on the thread pool, the file written in pieces).
  const t = now();
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oneplan-country-')), 'needs.xlsx');
  await writeFileBytes(out, await nodeZipPiecesAsync(xlsxParts(needsFileWorkbook(res)), XLSX_LEVEL));
  const tWrite = now() - t;
  const outBytes = fs.statSync(out).size;
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  const rssWithOutput = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({
      ...stats,
      tWrite,
      outBytes,
      items: res.items.length,
      dups: res.duplicates.length,
      mismatches: res.strategyMismatches.length,
      rss,
      rssWithOutput,
    }) + '\n',
  );
}

/** The consolidation part of the country run; the Consolidation (and its candidates) is dropped on return, as in the CLI. */
function consolidateCountry(totalRows: number, nFiles: number) {
  const per = Math.floor(totalRows / nFiles);
  const extra = totalRows - per * nFiles;
  const c = new Consolidation({ strategies: STRATEGIES });
  let tGen = 0;
  let tFloor = 0;
  let tRead = 0;
  let tExtract = 0;
  let bytes = 0;
  let rows = 0;
  for (let i = 0; i < nFiles; i++) {
    let t = now();
    const n = per + (i < extra ? 1 : 0);
    const f = districtFile(i, n);
    rows += n;
    bytes += f.bytes.length;
    tGen += now() - t;
    t = now();
    inflateAll(f.bytes);
    tFloor += now() - t;
    t = now();
    const wb = readXlsx(f.bytes, f.name, NODE_READ);
    tRead += now() - t;
    t = now();
    c.add({ file: f.name, checksum: '', workbook: wb });
    tExtract += now() - t;
  }
  // Duplicate detection alone, measured on the side; only counts are kept.
  const cands = c.candidates.length;
  let t = now();
  const matches = findMatches(c.candidates as Candidate[]).length;
  const tDedupe = now() - t;
  t = now();
  const res = c.finish();
  const tFinish = now() - t;
  return { res, stats: { rows, files: nFiles, bytes, tGen, tFloor, tRead, tExtract, tDedupe, tFinish, matches, cands } };
}

function country(totalRows: number, nFiles: number): void {
  out(
    `## 3. The whole country: ${totalRows.toLocaleString('en-US')} project rows in ${nFiles.toLocaleString('en-US')} workbooks (streamed, child process)`,
  );
  out();
  // The child runs under the heap cap `oneplan consolidate` uses (src/cli/capped.ts), doubled on
  // out-of-memory as the CLI does.
  const child = (capMb: number) =>
    spawnSync(process.execPath, [`--max-old-space-size=${capMb}`, __filename, '--child', 'country', String(totalRows), String(nFiles)], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
  let cap = DEFAULT_HEAP_MB;
  let r = child(cap);
  while (r.status !== 0 && /heap out of memory/i.test(r.stderr) && cap < 16384) {
    cap *= 2;
    out(`(heap cap reached: run again with ${cap} MB, as the CLI does)`);
    r = child(cap);
  }
  if (r.status !== 0) {
    out(`child failed: ${r.stderr.slice(-2000)}`);
    return;
  }
  const j = JSON.parse(r.stdout.trim().split('\n').pop()!);
  const ours = j.tRead + j.tExtract + j.tFinish;
  out(
    `${j.rows.toLocaleString('en-US')} rows, ${(j.bytes / 1e6).toFixed(0)} MB of xlsx generated on the fly (${sec(j.tGen)}, not counted); ${j.cands.toLocaleString('en-US')} candidates → ${j.items.toLocaleString('en-US')} needs items, ${j.dups.toLocaleString('en-US')} duplicate groups, ${j.mismatches.toLocaleString('en-US')} strategy remarks`,
  );
  out();
  out('| step | time |');
  out('|---|---|');
  out(`| inflate floor | ${sec(j.tFloor)} |`);
  out(`| read | ${sec(j.tRead)} |`);
  out(`| recognise + extract candidates | ${sec(j.tExtract)} |`);
  out(
    `| dedupe + strategy matching + tables (finish) | ${sec(j.tFinish)} (of which duplicate detection alone ${sec(j.tDedupe)}, measured separately) |`,
  );
  out(`| **consolidated, total** | **${sec(ours)}** (${(ours / j.tFloor).toFixed(1)}× floor) |`);
  out(`| peak RSS (child, V8 heap cap ${cap} MB as in \`oneplan consolidate\`) | ${(j.rss / 2 ** 30).toFixed(2)} GB |`);
  out(
    `| then the output workbook written (needs, summary, duplicates, sources; ${(j.outBytes / 1e6).toFixed(0)} MB) | ${sec(j.tWrite)}, peak RSS ${(j.rssWithOutput / 2 ** 30).toFixed(2)} GB |`,
  );
  out();
  out(
    `- peak RSS ${(j.rss / 2 ** 30).toFixed(2)} GB consolidated, ${(j.rssWithOutput / 2 ** 30).toFixed(2)} GB with the output written (target ≤ 1.5 GB)${SMOKE ? '' : ` ${verdict(j.rss <= 1.5 * 2 ** 30)} consolidated, ${verdict(j.rssWithOutput <= 1.5 * 2 ** 30)} with the output`}`,
  );
  out(
    `- total / floor = ${(ours / j.tFloor).toFixed(1)}× (target ≤ 6×) ${verdict(ours / j.tFloor <= 6)}; with the output ${((ours + j.tWrite) / j.tFloor).toFixed(1)}×`,
  );
  out(
    '- exceljs baseline: not run at this size (4.4.0 throws `Invalid string length` on very large sheets and needs ~8 s per 200 files; see docs/benchmark.md)',
  );
  out();
}

/** Candidates for n rows without xlsx (scaling of duplicate detection and strategy scoring). */
function candidatesFor(rows: number): Candidate[] {
  const c = new Consolidation({});
  const per = 300;
  for (let i = 0, left = rows; left > 0; i++) {
    const n = Math.min(per, left);
    const f = districtFile(i % 2 === 0 ? i : i, n);
    c.add({ file: f.name, checksum: '', workbook: readXlsx(f.bytes, f.name, NODE_READ) });
    left -= n;
  }
  return c.candidates as Candidate[];
}

function scalingChild(rows: number): void {
  const cands = candidatesFor(rows);
  clearTermCache();
  clearTokenCache();
  gc();
  let t = now();
  const m = findMatches(cands);
  const tDedupe = now() - t;
  const projects = cands.map((c, i) => ({
    id: String(i),
    name: c.name,
    objective: c.objective,
    target: c.target,
    declared: c.issue?.text,
  }));
  t = now();
  matchProjects(projects, STRATEGIES);
  const tMatch = now() - t;
  process.stdout.write(JSON.stringify({ rows, cands: cands.length, matches: m.length, tDedupe, tMatch }) + '\n');
}

function scaling(sizes: number[]): void {
  out('## 4. Duplicate detection and strategy scoring: time per 1,000 candidates');
  out();
  out(
    "Each size in a fresh child process without a heap cap (term caches cold), so that the sizes differ only in rows (section 3 measures the country run under the CLI's heap cap, where collection costs more); rows = generated project rows, of which the requests (about 2 in 3) are candidates; costs are per 1,000 candidates.",
  );
  out();
  out('| rows | candidates | pairs found | dedupe | dedupe per 1k candidates | strategy scoring | scoring per 1k candidates |');
  out('|---|---|---|---|---|---|---|');
  const per: Array<{ d: number; s: number }> = [];
  for (const n of sizes) {
    const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=6144', __filename, '--child', 'scaling', String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) {
      out(`| ${n} | child failed: ${r.stderr.slice(-300).replace(/\n/g, ' ')} |`);
      continue;
    }
    const j = JSON.parse(r.stdout.trim().split('\n').pop()!);
    const d = j.tDedupe / (j.cands / 1000);
    const s = j.tMatch / (j.cands / 1000);
    per.push({ d, s });
    out(
      `| ${j.rows.toLocaleString('en-US')} | ${j.cands.toLocaleString('en-US')} | ${j.matches.toLocaleString('en-US')} | ${sec(j.tDedupe)} | ${d.toFixed(1)} ms | ${sec(j.tMatch)} | ${s.toFixed(1)} ms |`,
    );
  }
  out();
  if (per.length >= 2) {
    const growD = per[per.length - 1].d / per[0].d;
    const growS = per[per.length - 1].s / per[0].s;
    out(
      `- cost per 1k candidates, largest vs smallest size: dedupe ${growD.toFixed(2)}×, scoring ${growS.toFixed(2)}× (about linear: ≤ 2×) ${verdict(growD <= 2 && growS <= 2)}`,
    );
    out();
  }
}

async function office(readSizes: number[], writeRows: number): Promise<void> {
  out('## 5. Office.js (fake Excel API, test/office/fakeExcel.ts)');
  out();
  out('| operation | size | context.sync calls | requests | largest request |');
  out('|---|---|---|---|---|');
  const syncsBySize: number[] = [];
  /** readWorksheet of an n-row plan sheet in the fake Excel (desktop, or Excel on the web). */
  const readInFake = async (n: number, web: boolean) => {
    const fake = web ? new FakeExcel().asExcelOnTheWeb() : new FakeExcel();
    const un = fake.installOffice();
    fake.addSheet('ผ.02');
    const rows = Array.from({ length: n }, (_, i) => [
      i + 1,
      `ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายนาหว้า-ดอนมูล หมู่ที่ ${(i % 15) + 1}`,
      'เพื่อการสัญจร',
      { v: 500000, text: '500,000', numberFormat: '#,##0' },
      '-',
    ]);
    fake.setValues('ผ.02', 'A1', [['ที่', 'โครงการ', 'วัตถุประสงค์', 'งบประมาณ', 'หน่วยงาน'], ...rows]);
    fake.resetCounters();
    const sheet = await readWorksheet('ผ.02', fake.run);
    un();
    return { fake, sheet };
  };
  for (const n of readSizes) {
    const { fake, sheet } = await readInFake(n, false);
    const big = Math.max(...fake.syncLog.map((s) => s.bytes));
    syncsBySize.push(fake.syncs);
    out(
      `| readWorksheet (validation) | ${n.toLocaleString('en-US')} rows (${sheet.rows.length} read) | ${fake.syncs} | ${fake.syncLog.reduce((a, s) => a + s.requests, 0)} | ${(big / 1e3).toFixed(0)} KB |`,
    );
  }
  // Excel on the web: the same read in blocks, each response under its 5 MB limit.
  const webLine: string[] = [];
  {
    const n = readSizes[readSizes.length - 1];
    const { fake, sheet } = await readInFake(n, true);
    const resp = Math.max(...fake.syncLog.map((s) => s.responseBytes));
    const total = fake.syncLog.reduce((a, s) => a + s.responseBytes, 0);
    out(
      `| readWorksheet on Excel on the web (blocks) | ${n.toLocaleString('en-US')} rows (${sheet.rows.length} read) | ${fake.syncs} | ${fake.syncLog.reduce((a, s) => a + s.requests, 0)} | largest response ${(resp / 1e6).toFixed(2)} MB of ${(total / 1e6).toFixed(1)} MB |`,
    );
    webLine.push(
      `- Excel on the web: ${n.toLocaleString('en-US')} rows read in ${fake.syncs} syncs, largest response ${(resp / 1e6).toFixed(2)} MB (limit 5 MB) ${verdict(resp < 5 * 1024 * 1024)}`,
    );
  }
  // The needs table of a consolidation with `writeRows` items.
  const files: GenFile[] = [];
  let rows = 0;
  for (let i = 0; rows < writeRows * 1.6; i++) {
    const f = districtFile(i, 300);
    files.push(f);
    rows += i % 2 === 0 ? 300 : 100;
  }
  const res = await consolidate(files.map((f) => ({ file: f.name, checksum: '', workbook: readXlsx(f.bytes, f.name, NODE_READ) })));
  res.items = res.items.slice(0, writeRows);
  for (const g of res.groups) g.items = g.items.filter((it) => res.items.includes(it));
  const sheet = needsWorkbook(res).sheets[0];
  const fake = new FakeExcel();
  const un = fake.installOffice();
  fake.addSheet('Sheet1');
  fake.resetCounters();
  const t = now();
  const w = await writeSheet(sheet, {}, fake.run);
  const tw = now() - t;
  un();
  const big = Math.max(...fake.syncLog.map((s) => s.bytes));
  out(
    `| writeSheet (needs table) | ${sheet.rows.length.toLocaleString('en-US')} rows × ${sheet.rows[3].length} cols | ${w.syncs} (${w.chunks} value chunks) | ${fake.syncLog.reduce((a, s) => a + s.requests, 0)} | ${(big / 1e6).toFixed(2)} MB |`,
  );
  out();
  const fixed = syncsBySize.every((s) => s === syncsBySize[0]);
  out(
    `- reading for validation: ${syncsBySize.join(' / ')} syncs at ${readSizes.join(' / ')} rows (fixed; Excel desktop) ${verdict(fixed)}`,
  );
  webLine.forEach((l) => out(l));
  const chunkOk = big < 4e6 && w.syncs <= w.chunks + 2;
  out(
    `- writing ${sheet.rows.length.toLocaleString('en-US')} rows: largest request ${(big / 1e6).toFixed(2)} MB (< 4 MB), ${w.syncs} syncs for ${w.chunks} chunks (1 per chunk + 1 read + 1 format/layout) ${verdict(chunkOk)}; fake-API time ${sec(tw)}`,
  );
  out();
}

function bundle(): void {
  out('## 6. Task pane bundle (production build, dist/web)');
  out();
  const dir = path.resolve('dist/web');
  const html = path.join(dir, 'taskpane.html');
  if (!fs.existsSync(html)) {
    out('dist/web/taskpane.html not found: run `npm run build:web` first (skipped)');
    out();
    return;
  }
  const page = fs.readFileSync(html, 'utf8');
  // html-webpack-plugin minifies: attribute quotes may be gone (src=taskpane.js).
  const scripts = [...page.matchAll(/<script[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((s) => !/^(https?:)?\/\//.test(s));
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
  let initial = 0;
  out('| chunk | raw | gzip |');
  out('|---|---|---|');
  const initialFiles = new Set<string>();
  for (const s of scripts) {
    const f = path.join(dir, s.replace(/^\.?\//, '').split('?')[0]);
    if (!fs.existsSync(f)) continue;
    initialFiles.add(path.resolve(f));
    const g = gz(f);
    initial += g;
    out(`| initial: ${s} | ${(fs.statSync(f).size / 1024).toFixed(0)} KB | ${(g / 1024).toFixed(1)} KB |`);
  }
  const lazy = fs
    .readdirSync(dir, { recursive: true } as { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js') && !initialFiles.has(path.resolve(dir, f)));
  for (const f of lazy.sort()) {
    const full = path.join(dir, f);
    out(`| on demand: ${f} | ${(fs.statSync(full).size / 1024).toFixed(0)} KB | ${(gz(full) / 1024).toFixed(1)} KB |`);
  }
  out();
  out(`- initial JavaScript ${(initial / 1024).toFixed(1)} KB gzipped (target ≤ 250 KB) ${verdict(initial <= 250 * 1024)}`);
  const lazyText = lazy.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  const initText = [...initialFiles].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  // Markers of the file reader and the calendar: present in on-demand chunks, absent from the initial ones.
  const readerLazy = /sheetData/.test(lazyText) && !/sharedStrings\.xml/.test(initText);
  const calLazy = /ปฏิทิน|BEGIN:VCALENDAR/.test(lazyText) && !/BEGIN:VCALENDAR/.test(initText);
  out(
    `- xlsx file reader on demand: ${readerLazy ? 'yes' : 'no'} ${verdict(readerLazy)}; calendar on demand: ${calLazy ? 'yes' : 'no'} ${verdict(calLazy)}`,
  );
  out();
}

function machine(): void {
  const free = (() => {
    try {
      return execFileSync('free', ['-h'], { encoding: 'utf8' }).split('\n')[1].replace(/\s+/g, ' ').trim();
    } catch {
      return 'n/a';
    }
  })();
  const nproc = (() => {
    try {
      return execFileSync('nproc', { encoding: 'utf8' }).trim();
    } catch {
      return 'n/a';
    }
  })();
  out(
    `Machine: nproc ${nproc}; free -h: \`${free}\`; node ${process.version}; ${new Date().toISOString()}${SMOKE ? ' — SMOKE RUN (smallest sizes, no thresholds)' : ''}`,
  );
  out();
}

async function main(): Promise<void> {
  if (args[0] === '--child') {
    if (args[1] === 'country') return countryChild(Number(args[2]), Number(args[3]));
    if (args[1] === 'scaling') return scalingChild(Number(args[2]));
    if (args[1] === 'province-gen') return provinceGenChild(args[2], Number(args[3]), Number(args[4]), Number(args[5]));
    if (args[1] === 'province') return provinceChild(args[2]);
    return;
  }
  if (args.includes('--bundle-only')) return bundle();
  const t0 = now();
  const reporter = { out, verdict, sec, timeRuns };
  out('# OnePlan benchmark');
  out();
  machine();
  if (SMOKE) {
    if (wanted('district')) await district(10, 300, 1);
    if (wanted('big')) await big(5000, 1);
    if (wanted('country')) country(20000, 140);
    if (wanted('scaling')) scaling([2000, 10000, 20000]);
    if (wanted('office')) await office([100, 1000], 2000);
    if (wanted('browser')) await browserLoad(reporter, 10);
    if (wanted('province')) provinceRollUp(reporter, __filename, 20000, 140, 14, true);
    if (wanted('cli')) await cliConsolidate(reporter, 10, 300, 1, true);
  } else {
    if (wanted('district')) await district(200, 300, 3);
    if (wanted('big')) await big(100000, 3);
    if (wanted('country')) country(1_000_000, 7000);
    if (wanted('scaling')) scaling([10_000, 100_000, 1_000_000]);
    if (wanted('office')) await office([1000, 10000, 100000], 100000);
    if (wanted('hostile')) await hostile(reporter);
    if (wanted('browser')) await browserLoad(reporter, 200);
    if (wanted('province')) provinceRollUp(reporter, __filename, 1_000_000, 7000, 900, false);
    if (wanted('cli')) await cliConsolidate(reporter, 200, 300, 5, false);
  }
  if (wanted('bundle')) bundle();
  out(`Bench wall time ${sec(now() - t0)}.`);
  const file = args.find((a) => a.startsWith('--out='))?.slice(6);
  if (file) fs.writeFileSync(file, lines.join('\n') + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
