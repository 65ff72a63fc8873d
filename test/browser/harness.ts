/**
 * Browser tests: the production build (dist/web) served by a tiny static server on 127.0.0.1, driven
 * by playwright-core in Debian's Chromium. No test downloads a browser.
 */
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { chromiumMissing } from './chromium';
import { launch, serve } from './serve';

export * from './serve';

/** Screenshots taken by the tests go to the ignored test-output/; `npm run screenshots` refreshes the README's. */
export const SCREENSHOTS = process.env.ONEPLAN_SCREENSHOTS
  ? path.resolve(process.env.ONEPLAN_SCREENSHOTS)
  : path.join(__dirname, '../../test-output/screenshots');

/**
 * Serves dist/web and launches Chromium for the tests of one file, closing both afterwards. Without Chromium
 * (outside CI: test/global-setup.js said why, once) the file's tests, defined after this call, are skipped.
 */
export function servedBrowser(): { readonly url: string; readonly browser: Browser } {
  if (chromiumMissing() && !process.env.CI) Object.assign(globalThis, { test: test.skip, it: it.skip });
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}
