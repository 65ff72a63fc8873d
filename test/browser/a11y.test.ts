/**
 * Issue 19: the pane for every officer. axe-core scans every tab before and after its main action, in
 * Thai and English, at Excel's 320 px and again with Windows high contrast emulated (forced-colors:
 * active), with nothing moving (`still`); any serious or critical violation fails. A keyboard-only run drives each tab's main flow:
 * Tab / Enter / Space / arrows only, focus always visible, focus moved to the result when it arrives,
 * and the progress and result announced in a polite live region.
 */
import * as fs from 'fs';
import * as path from 'path';
import AxeBuilder from '@axe-core/playwright';
import type { FileChooser, Page } from 'playwright-core';
import { openPane, servedBrowser } from './harness';
import { mainAction, openTab, receivedFiles, TABS, type TabId } from './pane-flows';

const env = servedBrowser();
const WIDTH = 320;

interface Found {
  id: string;
  impact: string;
  nodes: string[];
}

/**
 * Serious and critical violations. Two things are left out, each for a stated reason:
 * - Fluent UI's focus manager (tabster) puts `<i data-tabster-dummy tabindex=0 aria-hidden>` around
 *   arrow-key groups (the tab list); they hand focus on at once and are hidden from screen readers on
 *   purpose — Fluent lists them as a known false positive of `aria-hidden-focus`, and Accessibility
 *   Insights drops them the same way. They are counted in test-output/axe.json.
 * - The cells of the sheet previews (thousands of plain <td>): axe on them costs minutes and finds
 *   nothing the table's own markup (caption, headers, its scrolling region) does not already show.
 */
async function scan(page: Page): Promise<{ found: Found[]; dummies: number }> {
  await still(page);
  const result = await new AxeBuilder({ page })
    .exclude('[data-testid="sheet-preview"] tbody')
    .exclude('[data-testid="calendar-preview"] tbody')
    // Off by default in axe (experimental), named by the issue: the visible label must be in the accessible name.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  let dummies = 0;
  const found: Found[] = [];
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    const nodes = v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy')));
    dummies += v.nodes.length - nodes.length;
    if (nodes.length)
      found.push({ id: v.id, impact: v.impact, nodes: nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`) });
  }
  return { found, dummies };
}

/**
 * Nothing moves while axe looks: with a colour half-way through a transition (Fluent fades buttons and
 * the calendar editor's fields in), color-contrast measured a colour no one sees and failed in some
 * runs. Reduced motion asked as an officer's system would, transitions and animations off, and any
 * still running finished.
 */
async function still(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.evaluate(() => {
    if (!document.getElementById('axe-still')) {
      const style = document.createElement('style');
      style.id = 'axe-still';
      style.textContent =
        '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }';
      document.head.appendChild(style);
    }
    for (const a of document.getAnimations()) {
      try {
        a.finish();
      } catch {
        a.cancel(); // an endless one (a spinner) cannot finish
      }
    }
  });
}

const report: Record<string, { serious: Found[]; tabsterDummies: number }> = {};

for (const forced of [false, true]) {
  for (const lang of ['th', 'en'] as const) {
    test(`axe at ${WIDTH} px, ${lang}${forced ? ', forced colors' : ''}: no serious or critical violation on any tab, before or after its action`, async () => {
      const { context, page } = await openPane(env.browser, `${env.url}/index.html`, WIDTH, 800);
      if (forced) await page.emulateMedia({ forcedColors: 'active' });
      if (lang === 'en') {
        await page.getByTestId('lang-toggle').click();
        await page.locator('[data-testid="app"][data-lang="en"]').waitFor();
      }
      const found: Record<string, Found[]> = {};
      const record = async (key: string) => {
        const r = await scan(page);
        found[key] = r.found;
        report[`${lang}${forced ? ' forced-colors' : ''} ${key}`] = { serious: r.found, tabsterDummies: r.dummies };
      };
      for (const tab of TABS) {
        await openTab(page, tab);
        await record(`${tab}/before`);
        await mainAction(page, tab);
        await record(`${tab}/after`);
        // Nothing wider than the pane, results included (data tables scroll in their own box).
        expect([tab, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([tab, WIDTH]);
      }
      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length))).toEqual({});
      await context.close();
    }, 400_000);
  }
}

afterAll(() => {
  const out = path.join(__dirname, '../../test-output');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'axe.json'), JSON.stringify(report, null, 2));
});

/**
 * Press Tab until the focused element is the one with this test id (or matches this selector), at most
 * `max` presses; it must show its focus.
 */
async function tabTo(page: Page, target: string, max = 80): Promise<void> {
  const selector = target.includes('[') ? target : `[data-testid="${target}"]`;
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => !!document.activeElement?.matches(sel), selector)) {
      expect(await page.evaluate(() => document.activeElement!.matches(':focus-visible'))).toBe(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
/** The live region's text: the last one in the pane, or a panel's own (the Consolidate tab holds two panels). */
const live = (page: Page, panel?: string) =>
  (panel ? page.getByTestId(panel).getByTestId('live-region') : page.getByTestId('live-region').last()).innerText();

async function keyboardTab(page: Page, tab: TabId): Promise<void> {
  await page.keyboard.press('Tab');
  // The tab list: arrows move between tabs, Enter/Space select (Fluent's TabList).
  await tabTo(page, 'tab-validate');
  for (const t of ['validate', 'consolidate', 'strategy', 'calendar']) {
    if (t === tab) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Enter');
  await page.getByTestId(`${tab}-panel`).waitFor();
}

async function freshPane() {
  const pane = await openPane(env.browser, `${env.url}/index.html`, WIDTH, 800);
  // The file chooser belongs to the page in front: earlier tests' pages may still be there.
  await pane.page.bringToFront();
  return pane;
}

test('keyboard only — Validate: the sample, the check, focus on the result, the report, a finding', async () => {
  const { context, page } = await freshPane();
  await keyboardTab(page, 'validate');
  await tabTo(page, 'sample-button');
  await page.keyboard.press('Enter');
  await page.getByTestId('file-name').filter({ hasText: 'nakhonsawan' }).waitFor();
  await tabTo(page, 'validate-button');
  await page.keyboard.press('Enter');
  await page.getByTestId('summary').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'summary');
  expect(await live(page)).toContain(await page.getByTestId('summary').innerText());
  await page.keyboard.press('Tab');
  expect(await focusedTestId(page)).toBe('download-report');
  const [report] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(report.suggestedFilename()).toBe('รายงานตรวจสอบ-nakhonsawan-2566-2570.xlsx');
  // The first sheet with errors is open: Tab reaches its first finding, Enter shows its cell.
  await tabTo(page, 'finding');
  const cell = await page.evaluate(() => document.activeElement!.getAttribute('data-cell'));
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="sheet-preview"] [data-cell="${cell}"][data-selected="true"]`).waitFor();
  await context.close();
}, 120_000);

test('keyboard only — Consolidate: the file chooser, the run, focus on the result, the download', async () => {
  const { context, page } = await freshPane();
  // Listen for the file chooser before the keys: playwright turns on its interception asynchronously, and a
  // listener added together with the key press could miss the dialog.
  const chosen = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));
  await keyboardTab(page, 'consolidate');
  await tabTo(page, 'consolidate-choose');
  await page.keyboard.press('Enter');
  const chooser = await chosen;
  await chooser.setFiles(receivedFiles());
  await tabTo(page, 'consolidate-run');
  await page.keyboard.press('Space');
  await page.getByTestId('consolidate-results').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'consolidate-summary');
  expect(await live(page, 'consolidate-panel')).toContain(await page.getByTestId('consolidate-summary').innerText());
  await page.keyboard.press('Tab');
  expect(await focusedTestId(page)).toBe('consolidate-download');
  const [needs] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(needs.suggestedFilename()).toBe('แผนความต้องการอำเภอ.xlsx');
  await context.close();
}, 120_000);

test('keyboard only — Strategy: the issue list by arrow keys, the sample, the check, focus on the result', async () => {
  const { context, page } = await freshPane();
  await keyboardTab(page, 'strategy');
  await tabTo(page, 'strategy-preset');
  await page.keyboard.press('ArrowDown');
  expect(await page.getByTestId('strategy-preset').inputValue()).not.toBe('');
  await tabTo(page, 'strategy-sample');
  await page.keyboard.press('Enter');
  await page.getByTestId('strategy-file-name').filter({ hasText: 'nakhonsawan' }).waitFor();
  await tabTo(page, 'strategy-run');
  await page.keyboard.press('Enter');
  await page.getByTestId('strategy-summary').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'strategy-summary');
  await page.keyboard.press('Tab');
  expect(await focusedTestId(page)).toBe('strategy-download');
  const [fit] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(fit.suggestedFilename()).toBe('ตรวจความสอดคล้อง-nakhonsawan-2566-2570.xlsx');
  await context.close();
}, 120_000);

test('keyboard only — Calendar: the download first, then a step edited in words, English file names', async () => {
  const { context, page } = await freshPane();
  await keyboardTab(page, 'calendar');
  await tabTo(page, 'calendar-download-xlsx');
  const [cal] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(cal.suggestedFilename()).toMatch(/^ปฏิทินการดำเนินงาน-25\d\d\.xlsx$/);
  // The steps group, then the first step, open with Enter; its text is edited by typing.
  await tabTo(page, '[data-testid="calendar-steps-header"] button');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-testid="calendar-step-header"] button');
  await page.keyboard.press('Enter');
  await tabTo(page, 'calendar-step-title');
  expect(await page.getByTestId('calendar-step-title').first().inputValue()).not.toMatch(/[{}]/);
  await page.keyboard.press('End');
  await page.keyboard.type(' (แก้)');
  await page.getByTestId('calendar-step-header').filter({ hasText: '(แก้)' }).first().waitFor();
  // In English the same file gets an English name.
  await page.getByTestId('lang-toggle').click();
  await page.locator('[data-testid="app"][data-lang="en"]').waitFor();
  const [en] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calendar-download-xlsx').click()]);
  expect(en.suggestedFilename()).toMatch(/^planning-calendar-25\d\d\.xlsx$/);
  await context.close();
}, 120_000);
