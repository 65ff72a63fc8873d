/**
 * The README's pictures of the pane, at Excel's 320 px: each tab after its main action, results first.
 * `npm run screenshots` writes them to docs/screenshots/; in `npm test` they go to the ignored
 * test-output/screenshots/ (harness.SCREENSHOTS), so a test run leaves the checkout clean.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SCREENSHOTS, openPane, servedBrowser } from './harness';
import { mainAction, openTab } from './pane-flows';

const env = servedBrowser();
const WIDTH = 320;
const HEIGHT = 640;

test(`screenshots of every tab at ${WIDTH} px`, async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: false });
  const { context, page } = await openPane(env.browser, `${env.url}/index.html`, WIDTH, HEIGHT);

  await openTab(page, 'validate');
  await mainAction(page, 'validate');
  await page.getByTestId('summary').scrollIntoViewIfNeeded();
  await shot('taskpane-validate.png');
  // A finding chosen: its cell selected in the preview.
  const finding = page.locator('[data-testid="finding"][data-cell="H45"]');
  if (!(await finding.isVisible()))
    await page.locator('[data-testid="sheet-item"][data-sheet="ยุทธ1.1แผนงานสาธารณสุข"]').getByTestId('sheet-header').click();
  await finding.click();
  await page.locator('[data-testid="sheet-preview"] [data-selected="true"]').waitFor();
  await page.getByTestId('preview-section').scrollIntoViewIfNeeded();
  await shot('taskpane-preview.png');

  await openTab(page, 'consolidate');
  await mainAction(page, 'consolidate');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('consolidate-summary').scrollIntoViewIfNeeded();
  await shot('taskpane-consolidate.png');

  await openTab(page, 'strategy');
  await mainAction(page, 'strategy');
  await page.getByTestId('strategy-summary').scrollIntoViewIfNeeded();
  await shot('taskpane-strategy.png');

  await openTab(page, 'calendar');
  await mainAction(page, 'calendar');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('taskpane-calendar.png');

  await page.getByTestId('lang-toggle').click();
  await page.locator('[data-testid="app"][data-lang="en"]').waitFor();
  await openTab(page, 'validate');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('taskpane-validate-en.png');
  await context.close();
}, 180_000);
