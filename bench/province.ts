/**
 * Bench section 9: the province (and the country) rolls up its districts with the same tool. The
 * bench's generated rows are consolidated district by district and written as the district needs
 * workbooks OnePlan writes (needs, summary, duplicates, sources); then those workbooks are rolled up
 * in a child process under the heap cap `oneplan consolidate` uses, as the CLI reads them (one at a
 * time), and the province's table is written. Peak RSS is judged against the country run's target.
 *
 *   child 'province-gen' DIR ROWS FILES DISTRICTS   writes DIR/<district>.xlsx, prints the districts' totals
 *   child 'province' DIR                             rolls DIR up, prints time, RSS and the province's totals
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { districtFile } from './gen';
import { readXlsx } from '../src/xlsx/read';
import { writeXlsx, xlsxParts, XLSX_LEVEL } from '../src/xlsx/write';
import { NODE_READ, nodeZip, nodeZipPiecesAsync, writeFileBytes } from '../src/node/files';
import { Consolidation, needsFileWorkbook } from '../src/engine/consolidate';
import { DEFAULT_HEAP_MB } from '../src/cli/capped';
import type { Reporter } from './hostile';

const now = (): number => performance.now();
const addTotals = (into: Record<string, number>, from: Record<number, number>): void => {
  for (const [y, v] of Object.entries(from)) into[y] = (into[y] ?? 0) + v;
};

/** Generated files → one district needs workbook per `files / districts` files, written to `dir`. */
export function provinceGenChild(dir: string, totalRows: number, nFiles: number, districts: number): void {
  const per = Math.floor(totalRows / nFiles);
  const extra = totalRows - per * nFiles;
  const filesPer = Math.ceil(nFiles / districts);
  const totals: Record<string, number> = {};
  let needs = 0;
  let counted = 0;
  let bytes = 0;
  let rows = 0;
  const t0 = now();
  for (let d = 0; d < districts; d++) {
    const c = new Consolidation({});
    for (let i = d * filesPer; i < Math.min(nFiles, (d + 1) * filesPer); i++) {
      const n = per + (i < extra ? 1 : 0);
      const f = districtFile(i, n);
      rows += n;
      c.add({ file: f.name, checksum: '', workbook: readXlsx(f.bytes, f.name, NODE_READ) });
    }
    const res = c.finish();
    needs += res.items.length;
    counted += res.items.filter((i) => i.inTotals).length;
    addTotals(totals, res.totals);
    const out = writeXlsx(needsFileWorkbook(res, { district: `ทดสอบ${d + 1}` }), { zip: nodeZip });
    bytes += out.length;
    fs.writeFileSync(path.join(dir, `อำเภอทดสอบ${String(d + 1).padStart(4, '0')}.xlsx`), out);
  }
  process.stdout.write(JSON.stringify({ rows, needs, counted, bytes, totals, tGen: now() - t0 }) + '\n');
}

/** The roll-up of every workbook in `dir`, read one at a time as `oneplan consolidate` does with one worker. */
export async function provinceChild(dir: string): Promise<void> {
  const files = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.xlsx'))
    .sort();
  const c = new Consolidation({});
  let t = now();
  for (const name of files) {
    const bytes = fs.readFileSync(path.join(dir, name));
    c.add({ file: name, checksum: '', workbook: readXlsx(bytes, name, NODE_READ) });
  }
  const tRead = now() - t;
  t = now();
  const res = c.finish();
  const tFinish = now() - t;
  const rss = process.resourceUsage().maxRSS * 1024;
  const totals: Record<string, number> = {};
  addTotals(totals, res.totals);
  const districts = new Set(res.items.map((i) => i.district)).size;
  const counted = res.items.filter((i) => i.inTotals).length;
  const stats = { files: files.length, districts, items: res.items.length, counted, dups: res.duplicates.length, totals, tRead, tFinish };
  // The province's table as `oneplan consolidate --out` writes it (chunks deflated on the thread pool,
  // the file written in pieces), as section 3 does: one joined copy of a 146 MB zip is not the CLI's.
  t = now();
  const out = path.join(dir, 'province-needs.out');
  await writeFileBytes(out, await nodeZipPiecesAsync(xlsxParts(needsFileWorkbook(res, { province: 'ทดสอบ' })), XLSX_LEVEL));
  const tWrite = now() - t;
  const outBytes = fs.statSync(out).size;
  const rssWithOutput = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ ...stats, outBytes, tWrite, rss, rssWithOutput }) + '\n');
}

/** The section: generate (not measured), roll up under the CLI's heap cap, check the totals, report. */
export function provinceRollUp(r: Reporter, script: string, totalRows: number, nFiles: number, districts: number, smoke: boolean): void {
  r.out(
    `## 9. The roll-up: ${totalRows.toLocaleString('en-US')} project rows consolidated into ${districts.toLocaleString('en-US')} district needs workbooks, then rolled up (child process)`,
  );
  r.out();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneplan-bench-province-'));
  try {
    const gen = spawnSync(
      process.execPath,
      [script, '--child', 'province-gen', dir, String(totalRows), String(nFiles), String(districts)],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    if (gen.status !== 0) {
      r.out(`generation failed: ${gen.stderr.slice(-2000)}`);
      return;
    }
    const g = JSON.parse(gen.stdout.trim().split('\n').pop()!);
    const child = (capMb: number) =>
      spawnSync(process.execPath, [`--max-old-space-size=${capMb}`, script, '--child', 'province', dir], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
    let cap = DEFAULT_HEAP_MB;
    let run = child(cap);
    while (run.status !== 0 && /heap out of memory/i.test(run.stderr) && cap < 16384) {
      cap *= 2;
      r.out(`(heap cap reached: run again with ${cap} MB, as the CLI does)`);
      run = child(cap);
    }
    if (run.status !== 0) {
      r.out(`roll-up failed: ${run.stderr.slice(-2000)}`);
      return;
    }
    const j = JSON.parse(run.stdout.trim().split('\n').pop()!);
    const years = Object.keys(g.totals).sort();
    const same = years.every((y) => j.totals[y] === g.totals[y]) && Object.keys(j.totals).length === years.length;
    r.out(
      `${g.rows.toLocaleString('en-US')} generated rows → ${districts.toLocaleString('en-US')} district workbooks (${(g.bytes / 1e6).toFixed(0)} MB, ${g.needs.toLocaleString('en-US')} needs of which ${g.counted.toLocaleString('en-US')} counted; made in ${r.sec(g.tGen)}, not counted)`,
    );
    r.out();
    r.out('| step | result |');
    r.out('|---|---|');
    r.out(`| read and extract ${j.files.toLocaleString('en-US')} district workbooks | ${r.sec(j.tRead)} |`);
    r.out(
      `| duplicates across districts + tables (finish) | ${r.sec(j.tFinish)}: ${j.items.toLocaleString('en-US')} needs from ${j.districts.toLocaleString('en-US')} districts, ${j.dups.toLocaleString('en-US')} duplicate groups reported (none merged) |`,
    );
    r.out(`| peak RSS (child, V8 heap cap ${cap} MB as in \`oneplan consolidate\`) | ${(j.rss / 2 ** 30).toFixed(2)} GB |`);
    r.out(
      `| then the province's workbook written (${(j.outBytes / 1e6).toFixed(0)} MB) | ${r.sec(j.tWrite)}, peak RSS ${(j.rssWithOutput / 2 ** 30).toFixed(2)} GB |`,
    );
    r.out();
    r.out(
      `- every need once: ${j.items.toLocaleString('en-US')} of ${g.needs.toLocaleString('en-US')} ${r.verdict(j.items === g.needs)}; counted ${j.counted.toLocaleString('en-US')} of ${g.counted.toLocaleString('en-US')} ${r.verdict(j.counted === g.counted)}`,
    );
    r.out(
      `- province totals per year = sum of the districts' totals: ${same ? 'equal' : `differ (${JSON.stringify(j.totals)} vs ${JSON.stringify(g.totals)})`} ${r.verdict(same)}`,
    );
    r.out(
      `- peak RSS ${(j.rss / 2 ** 30).toFixed(2)} GB rolled up, ${(j.rssWithOutput / 2 ** 30).toFixed(2)} GB with the output written (target ≤ 1.5 GB, as section 3)${smoke ? '' : ` ${r.verdict(j.rss <= 1.5 * 2 ** 30)} rolled up, ${r.verdict(j.rssWithOutput <= 1.5 * 2 ** 30)} with the output`}`,
    );
    r.out();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
