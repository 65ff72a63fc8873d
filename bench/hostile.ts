/**
 * Bench sections 7 and 8: inputs that must not take long, and the pane's district load in Chromium. These
 * limits were asserted with a clock in the test suite, where a busy machine failed them; here they are
 * measured and judged against the same limits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readXlsx } from '../src/xlsx/read';
import { writeXlsx } from '../src/xlsx/write';
import { readCsv } from '../src/xlsx/csv';
import { validateWorkbook } from '../src/engine/validate';
import { consolidate } from '../src/engine/consolidate';
import { makeXlsx, sheetDoc, SAMPLE } from '../test/xlsx/helpers';
import { launch, openPane, serve } from '../test/browser/serve';
import { districtFiles, runDistrictLoad } from '../test/browser/district-load';

export interface Reporter {
  out(s?: string): void;
  /** The bench's own timer: median of `runs` runs after a collection (bench/run.ts). */
  timeRuns(runs: number, f: () => void): number;
  verdict(ok: boolean): string;
  sec(ms: number): string;
}

export async function hostile(r: Reporter): Promise<void> {
  r.out('## 7. Hostile and large inputs (limits formerly asserted in the tests)');
  r.out();
  r.out('| input | time (median of runs) | limit | |');
  r.out('|---|---|---|---|');
  const row = (what: string, ms: number, limit: number) =>
    r.out(`| ${what} | ${r.sec(ms)} | ${r.sec(limit)} | ${r.verdict(ms <= limit)} |`);

  const si: string[] = [];
  for (let i = 0; i < 1_000_000; i++) si.push(`<si><t>ข้อความ ${i}</t></si>`);
  const sst = makeXlsx({
    sheets: [{ name: 'S', xml: sheetDoc('<sheetData><row r="1"><c r="A1" t="s"><v>999999</v></c></row></sheetData>') }],
    sst: `<sst count="1000000" uniqueCount="1000000">${si.join('')}</sst>`,
  });
  const t0 = performance.now();
  const wb = readXlsx(sst, 'sst.xlsx');
  validateWorkbook(wb);
  await consolidate([{ file: 'sst.xlsx', checksum: '', workbook: wb }]);
  row('1,000,000 shared strings: read, validate, consolidate', performance.now() - t0, 10_000);

  const files = unzipSync(writeXlsx({ sheets: [{ name: 'แผ่น1', rows: [['โครงการ', 1500000]] }] }));
  files['xl/worksheets/sheet1.xml'] = new Uint8Array(64 * 1024 * 1024).fill(0x20);
  const bomb = zipSync(files, { level: 1 });
  const refuse = () => {
    try {
      readXlsx(bomb, 'bomb.xlsx', { maxEntryBytes: 16 * 1024 * 1024 });
    } catch {
      /* refused, as it must be (the test suite checks that) */
    }
  };
  row('a 64 MB entry over a 16 MB cap, refused', r.timeRuns(3, refuse), 2_000);

  const csv = strToU8('โครงการ,"งบ ""ประมาณ""",x\n'.repeat(200_000));
  row(
    'CSV of 200,000 rows',
    r.timeRuns(3, () => void readCsv(csv, 'b.csv')),
    5_000,
  );

  const sample = new Uint8Array(fs.readFileSync(SAMPLE));
  readXlsx(sample, 'x.xlsx');
  row(
    'the real sample (31 sheets), read warm',
    r.timeRuns(5, () => void readXlsx(sample, 'x.xlsx')),
    1_000,
  );
  r.out();
}

/** The district load in the built pane: the main thread stays free while files are read. */
export async function browserLoad(r: Reporter, filesN: number): Promise<void> {
  r.out('## 8. Browser pane: a district load (built dist/web in Debian Chromium)');
  r.out();
  const web = path.resolve('dist/web');
  if (!fs.existsSync(path.join(web, 'index.html')) || !fs.existsSync('/usr/bin/chromium')) {
    r.out('dist/web or /usr/bin/chromium missing: run `npm run build:web` and install chromium (skipped)');
    r.out();
    return;
  }
  const server = await serve(web);
  const browser = await launch();
  try {
    const { page, context } = await openPane(browser, `${server.url}/index.html`);
    const rep = await runDistrictLoad(page, districtFiles(filesN, 300), 300);
    await context.close();
    r.out(
      `- ${rep.files} files × ${rep.rowsPerFile} rows: read in ${r.sec(rep.readingMs)}, done in ${r.sec(rep.totalMs)}; ${new Set(rep.progressValues).size} progress states`,
    );
    r.out(
      `- longest main-thread task while reading ${rep.maxLongTaskReadingMs} ms (target ≤ 200 ms) ${r.verdict(rep.maxLongTaskReadingMs <= 200)}; ` +
        `over the whole run ${rep.maxLongTaskWholeRunMs} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
  r.out();
}
