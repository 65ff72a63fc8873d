/**
 * Consolidation in the browser: several received workbooks (two อปท. ผ.02/2, two tambon plans, an
 * unrelated list, a broken file) → progress bar → needs table with totals → downloaded .xlsx.
 */
import * as fs from 'fs';
import { externalRequests, openPane, servedBrowser } from './harness';
import { allWorkbooks, toOutWorkbook } from '../consolidate/fixtures';
import { writeXlsx } from '../../src/xlsx/write';
import { readXlsx } from '../../src/xlsx/read';
import { consolidate } from '../../src/engine/consolidate';
import { presetById } from '../../src/engine/strategy';

const env = servedBrowser();

test('consolidate received workbooks with a progress bar and download the needs table', async () => {
  const { context, page, requests } = await openPane(env.browser, `${env.url}/index.html`);
  await page.getByTestId('tab-consolidate').click();
  await page.getByTestId('consolidate-panel').waitFor();

  const files = allWorkbooks().map((wb) => ({
    name: wb.name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(writeXlsx(toOutWorkbook(wb))),
  }));
  files.push({ name: 'เสียหาย.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 broken') });
  // Every file goes to the reader, as in the CLI: a text file that is no table is reported, not dropped.
  await page
    .getByTestId('consolidate-input')
    .setInputFiles([...files, { name: 'บันทึก.txt', mimeType: 'text/plain', buffer: Buffer.from('x') }]);

  // Record every state of the progress bar while the run goes on.
  await page.evaluate(() => {
    const w = window as unknown as { __progress: string[] };
    w.__progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="consolidate-progress"]');
      if (bar) w.__progress.push(bar.getAttribute('aria-valuenow') ?? 'indeterminate');
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByTestId('consolidate-run').click();
  await page.getByTestId('consolidate-results').waitFor({ timeout: 30_000 });
  const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  expect(progress.length).toBeGreaterThan(0);

  const statuses = await page.getByTestId('consolidate-input-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
  expect(statuses.filter((s) => s === 'ok')).toHaveLength(4);
  expect(statuses.filter((s) => s === 'failed')).toHaveLength(2);
  expect(statuses).toContain('skipped');
  const total2567 = await page.locator('[data-testid="consolidate-total"][data-year="2567"]').innerText();
  expect(total2567.replace(/\s/g, '')).toContain('6,650,000');
  // Every file says why, in the pane's language.
  const detail = (file: string) =>
    page.locator('[data-testid="consolidate-input-row"]', { hasText: file }).getByTestId('consolidate-input-detail').innerText();
  const skipped = await page
    .locator('[data-testid="consolidate-input-row"][data-status="skipped"]')
    .getByTestId('consolidate-input-detail')
    .innerText();
  expect(skipped).toBe('ไม่พบชีตแผนที่มีรายการโครงการ');
  expect(await detail('บันทึก.txt')).toContain('ไม่ใช่ไฟล์ Excel (.xlsx) หรือ CSV');
  await page.getByTestId('lang-toggle').click();
  await page.locator('[data-testid="app"][data-lang="en"]').waitFor();
  expect(
    await page.locator('[data-testid="consolidate-input-row"][data-status="skipped"]').getByTestId('consolidate-input-detail').innerText(),
  ).toBe('No plan sheet with project rows');
  expect(await detail('เสียหาย.xlsx')).toMatch(/^"เสียหาย\.xlsx" is (truncated|damaged|not an Excel)/); // the reader's English message
  expect(await detail('บันทึก.txt')).toContain('is not an Excel .xlsx or CSV file');
  await page.getByTestId('lang-toggle').click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('consolidate-download').click()]);
  const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
  const out = readXlsx(bytes, download.suggestedFilename());
  expect(out.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['แผนความต้องการอำเภอ', 'โครงการซ้ำ', 'แหล่งข้อมูล']));
  expect(out.sheets.length).toBeGreaterThanOrEqual(4);
  expect(externalRequests(requests, env.url)).toEqual([]);
  await context.close();
});

test("needs are matched to the province's issues chosen in the pane, as the engine matches them, and the choice is remembered", async () => {
  const { context, page, requests } = await openPane(env.browser, `${env.url}/index.html`);
  await page.getByTestId('tab-consolidate').click();
  const files = allWorkbooks().map((wb) => ({
    name: wb.name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(writeXlsx(toOutWorkbook(wb))),
  }));
  // What the engine says of the same files with the same list.
  const list = presetById('suratthani')!.list;
  const expected = await consolidate(
    files.map((f) => ({ file: f.name, checksum: '', workbook: readXlsx(new Uint8Array(f.buffer), f.name) })),
    { strategies: list },
  );
  // At least one mismatch, so the pane's line shows and its count can be compared (a challenge now needs two
  // deciding whole words: one generic word never challenges an officer's declared issue).
  expect(expected.strategyMismatches.length).toBeGreaterThanOrEqual(1);

  // Without a list: no strategy line.
  await page.getByTestId('consolidate-input').setInputFiles(files);
  await page.getByTestId('consolidate-run').click();
  await page.getByTestId('consolidate-results').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('consolidate-mismatches').count()).toBe(0);

  await page.getByTestId('consolidate-strategy').selectOption('suratthani');
  await page.getByTestId('consolidate-run').click();
  const line = page.getByTestId('consolidate-mismatches');
  await line.waitFor({ timeout: 30_000 });
  expect(Number(await line.getAttribute('data-count'))).toBe(expected.strategyMismatches.length);
  expect(await line.innerText()).toContain(`ประเด็นการพัฒนาไม่สอดคล้อง/ไม่ระบุ ${expected.strategyMismatches.length} โครงการ`);

  // The downloaded needs table is grouped by the list's issues and says why in its notes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('consolidate-download').click()]);
  const out = readXlsx(new Uint8Array(fs.readFileSync((await download.path())!)), download.suggestedFilename());
  const needs = out.sheets.find((s) => s.name === 'แผนความต้องการอำเภอ')!;
  const texts = needs.rows.flatMap((r) => (r ?? []).map((c) => (c && typeof c.v === 'string' ? c.v : '')));
  for (const g of expected.groups) expect(texts).toContain(g.label);
  // Every strategy note the engine gives a need is in the downloaded table's notes.
  const strategyNotes = expected.items.flatMap((i) => i.remarks.filter((r) => r.includes('ประเด็นการพัฒนา')));
  expect(strategyNotes.length).toBeGreaterThanOrEqual(1);
  for (const note of strategyNotes) expect(texts.some((t) => t.includes(note))).toBe(true);

  // Leaving the tab and coming back: the list is still chosen (remembered like the Strategy tab's).
  await page.getByTestId('tab-strategy').click();
  await page.getByTestId('tab-consolidate').click();
  await page.getByTestId('consolidate-panel').waitFor();
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="consolidate-strategy"]') as HTMLSelectElement | null)?.value === 'suratthani',
  );
  expect(externalRequests(requests, env.url)).toEqual([]);
  await context.close();
});
