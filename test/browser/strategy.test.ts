/**
 * Strategy fit in the browser: choose the (inferred) Nakhon Sawan issue list, load the built-in sample,
 * check it, click a flagged project (its cell is selected in the sheet preview), download the result
 * sheet — all without a request leaving the local server.
 */
import * as fs from 'fs';
import { externalRequests, openPane, servedBrowser } from './harness';
import { readXlsx } from '../../src/xlsx/read';

const env = servedBrowser();

// A sheet whose challenges are right ones (drug prevention filed under health): they stay flagged.
const SHEET = 'ยุทธ1.2แผนงานสร้างความเข้มแข็งข';

test('strategy fit of the sample against a preset: list, preview, download — all on localhost', async () => {
  const { context, page, requests } = await openPane(env.browser, `${env.url}/index.html`);
  await page.getByTestId('tab-strategy').click();
  await page.getByTestId('strategy-panel').waitFor();

  await page.getByTestId('strategy-preset').selectOption('nakhonsawan-2566-2570-inferred');
  expect(await page.getByTestId('strategy-issues').locator('li').count()).toBeGreaterThanOrEqual(3);
  await page.getByTestId('strategy-sample').click();
  await page.getByTestId('strategy-file-name').filter({ hasText: 'nakhonsawan' }).waitFor();
  await page.getByTestId('strategy-run').click();
  await page.getByTestId('strategy-summary').waitFor({ timeout: 30_000 });

  // Groups other than "fits no issue" open on demand.
  await page.locator('[data-testid="strategy-group"][data-status="weak"] button').first().click();
  const weak = page.locator(`[data-testid="strategy-item"][data-status="weak"][data-sheet="${SHEET}"]`);
  await weak.first().waitFor();
  expect(await weak.count()).toBeGreaterThan(0);
  const item = weak.first();
  const cell = await item.getAttribute('data-cell');
  expect(cell).toMatch(/^[A-Z]+\d+$/);
  await item.click();
  const previewCell = page.locator(
    `[data-testid="strategy-preview"] [data-testid="sheet-preview"][data-sheet="${SHEET}"] [data-cell="${cell}"]`,
  );
  await previewCell.waitFor();
  expect(await previewCell.getAttribute('data-selected')).toBe('true');
  expect(await previewCell.getAttribute('data-severity')).toBe('warning');

  // The choice is remembered for this workbook.
  const saved = await page.evaluate(() => localStorage.getItem('oneplan.wb.nakhonsawan-2566-2570.xlsx.strategy'));
  expect(JSON.parse(saved!)).toEqual({ kind: 'preset', id: 'nakhonsawan-2566-2570-inferred' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('strategy-download').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
  const out = readXlsx(bytes, download.suggestedFilename());
  const sheet = out.sheets.find((s) => s.name === 'ตรวจความสอดคล้อง');
  expect(sheet).toBeDefined();
  const texts = sheet!.rows.flatMap((r) => (r ?? []).map((c) => c?.w ?? ''));
  expect(texts).toContain(SHEET);
  expect(texts).toContain(cell);

  // After a reload the same workbook brings its list back.
  await page.reload();
  await page.getByTestId('tab-strategy').click();
  await page.getByTestId('strategy-sample').click();
  await page.getByTestId('strategy-file-name').filter({ hasText: 'nakhonsawan' }).waitFor();
  expect(await page.getByTestId('strategy-preset').inputValue()).toBe('nakhonsawan-2566-2570-inferred');

  expect(externalRequests(requests, env.url)).toEqual([]);
  await context.close();
});
