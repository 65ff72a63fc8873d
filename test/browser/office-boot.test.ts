/**
 * taskpane.html booted with the real Office.js (@microsoft/office-js, the files Microsoft's CDN serves),
 * delivered to Chromium through playwright's request routing at the CDN address: no network. Outside an
 * Office host Office.onReady answers with no host, so the pane must start in browser mode, with no
 * script error and no Content-Security-Policy violation other than Office.js's own telemetry.
 */
import * as fs from 'fs';
import * as path from 'path';
import { externalRequests, servedBrowser } from './harness';

const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = path.join(__dirname, '../../node_modules/@microsoft/office-js/dist');

const env = servedBrowser();

test('the built pane starts with the real Office.js outside Office: browser mode, no CSP violation of ours', async () => {
  const context = await env.browser.newContext({ viewport: { width: 350, height: 900 }, locale: 'th-TH' });
  const page = await context.newPage();
  const requests: string[] = [];
  const served: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  page.on('pageerror', (e) => void pageErrors.push(e.message));
  // Collect CSP violations as the page reports them.
  await context.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  // Office.js and the files it loads after itself, from the npm package; nothing else leaves the test server.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, async (route) => {
    const url = route.request().url();
    if (url.startsWith(CDN)) {
      const file = path.join(OFFICE_DIST, decodeURIComponent(new URL(url).pathname.slice('/lib/1/hosted/'.length)));
      if (file.startsWith(OFFICE_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        served.push(path.relative(OFFICE_DIST, file));
        return route.fulfill({ path: file, contentType: 'application/javascript' });
      }
      return route.fulfill({ status: 404, body: '' });
    }
    return route.abort('blockedbyclient');
  });

  await page.goto(`${env.url}/taskpane.html`);
  const app = page.getByTestId('app');
  await app.waitFor({ timeout: 30_000 });
  expect(await app.getAttribute('data-host-mode')).toBe('browser');
  expect(served).toContain('office.js');
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe('function');
  // The page for old Office stayed hidden: this engine runs the bundle.
  expect(await page.locator('#needs-newer-office').count()).toBe(0);

  await page.getByTestId('sample-button').click();
  await page.getByTestId('file-name').filter({ hasText: 'nakhonsawan-2566-2570.xlsx' }).waitFor({ timeout: 20_000 });

  expect(pageErrors).toEqual([]);
  const csp: string[] = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  // Office.js opens its own telemetry frame (telemetryservice.firstpartyapps.oaspapps.com) or posts to
  // Microsoft hosts; the page's CSP blocks those, which is intended (no telemetry). Nothing else may be.
  const telemetry = /^(frame-src|connect-src|child-src) https:\/\/[^ ]*\.(oaspapps\.com|microsoft\.com|office\.com|office\.net|live\.com)/;
  const ours = csp.filter((v) => !telemetry.test(v));
  expect(csp.length - ours.length).toBeLessThanOrEqual(5);
  expect(ours).toEqual([]);
  // Every request off the test server went to the Office.js CDN address (and was answered locally).
  for (const u of externalRequests(requests, env.url)) expect(u.startsWith(CDN)).toBe(true);
  await context.close();
});
