/**
 * The pane at Excel desktop's narrow default width (320 px): the four tabs on one line, each seen and
 * clicked, and no panel wider than the pane (a long preset name in a <select>, the tab row), in Thai
 * and English.
 */
import { openPane, servedBrowser } from './harness';

const env = servedBrowser();
const WIDTH = 320;

test(`at ${WIDTH} px the tabs are on one line inside the pane and no panel scrolls sideways`, async () => {
  const { context, page } = await openPane(env.browser, `${env.url}/index.html`, WIDTH, 700);
  const tabs = ['tab-validate', 'tab-consolidate', 'tab-strategy', 'tab-calendar'];
  for (const lang of ['th', 'en']) {
    if (lang === 'en') {
      await page.getByTestId('lang-toggle').click();
      await page.locator('[data-testid="app"][data-lang="en"]').waitFor();
    }
    // One line: every tab starts at the first one's top (they wrapped to a second line before).
    const tops = await Promise.all(tabs.map(async (id) => Math.round((await page.getByTestId(id).boundingBox())!.y)));
    expect([lang, tops]).toEqual([lang, tabs.map(() => tops[0])]);
    for (const id of tabs) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect([lang, id, box.x >= 0 && box.x + box.width <= WIDTH]).toEqual([lang, id, true]);
      await page.getByTestId(id).click();
      if (id === 'tab-consolidate') await page.getByTestId('consolidate-strategy').selectOption('nakhonsawan-2566-2570-inferred');
      await page.waitForTimeout(100);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect([lang, id, scroll]).toEqual([lang, id, WIDTH]);
    }
  }
  await context.close();
});
