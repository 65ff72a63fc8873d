/**
 * A district's load in the browser: generated ผ.02/2 workbooks × 300 project rows of Thai text go into the
 * Consolidate tab. The progress bar moves while they are read (at least three distinct increasing
 * aria-valuenow values), every file is read, and the needs table equals the engine's, file by file.
 * How long the main thread is blocked (the 200-file load, tasks ≤ 200 ms) is measured by `npm run bench`
 * (section 7), not asserted here: a busy machine must not fail a test of behaviour.
 */
import { externalRequests, openPane, servedBrowser } from './harness';
import { districtFiles, runDistrictLoad } from './district-load';
import { consolidate } from '../../src/engine/consolidate';
import { nodeInflateRaw } from '../../src/node/files';
import { readXlsx } from '../../src/xlsx/read';
import { presetById } from '../../src/engine/strategy';

const FILES = 40;
const ROWS = 300;

const env = servedBrowser();

test(`${FILES} workbooks × ${ROWS} rows: a moving progress bar, every file read, the engine's needs table`, async () => {
  const files = districtFiles(FILES, ROWS);
  const { context, page, requests } = await openPane(env.browser, `${env.url}/index.html`);
  const report = await runDistrictLoad(page, files, ROWS);

  const values = report.progressValues;
  expect(new Set(values).size).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
  // The last reading value may be batched away with the switch to the consolidating phase.
  expect(values[values.length - 1]).toBeGreaterThanOrEqual(0.9);

  // The files list is a collapsed group (every file read): open it.
  await page.locator('[data-testid="consolidate-files"] button').first().click();
  const ok = await page.locator('[data-testid="consolidate-input-row"][data-status="ok"]').count();
  expect(ok).toBe(FILES);
  // Read by nested workers on a multi-core machine, taken in file order: the same needs table as the
  // engine gives one file at a time.
  const engine = await consolidate(
    files.map((f) => ({
      file: f.name,
      checksum: '',
      workbook: readXlsx(new Uint8Array(f.buffer), f.name, { inflateRaw: nodeInflateRaw }),
    })),
    { strategies: presetById('chiangmai-2566-2570')!.list },
  );
  const counted = engine.items.filter((i) => i.inTotals).length;
  await expect(page.getByTestId('consolidate-needs-count').textContent()).resolves.toContain(
    `แผนความต้องการ ${engine.items.length} โครงการ (นับยอด ${counted})`,
  );
  expect(engine.strategyMismatches.length).toBeGreaterThan(0);
  expect(Number(await page.getByTestId('consolidate-mismatches').getAttribute('data-count'))).toBe(engine.strategyMismatches.length);
  expect(externalRequests(requests, env.url)).toEqual([]);
  await context.close();
}, 600_000);
