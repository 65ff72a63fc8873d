/**
 * taskpane.html (the page Excel loads) with Office.js unreachable: the pane must start in browser mode
 * and work. Office.js is routed to abort (what happens offline); every other request stays on the
 * test server.
 */
import { externalRequests, servedBrowser } from './harness';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const env = servedBrowser();

test('taskpane.html starts in browser mode when office.js cannot load, and loads the sample', async () => {
  const context = await env.browser.newContext({ viewport: { width: 350, height: 900 }, locale: 'th-TH' });
  const page = await context.newPage();
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  page.on('pageerror', (e) => void pageErrors.push(e.message));
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort('internetdisconnected'));
  // Anything else off-site would be a bug: fail it loudly instead of reaching the network.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('blockedbyclient'));

  await page.goto(`${env.url}/taskpane.html`);
  const app = page.getByTestId('app');
  await app.waitFor({ timeout: 10_000 });
  expect(await app.getAttribute('data-host-mode')).toBe('browser');
  expect(await page.getByTestId('host-mode').innerText()).toContain('เบราว์เซอร์');

  await page.getByTestId('sample-button').click();
  await page.getByTestId('file-name').filter({ hasText: 'nakhonsawan-2566-2570.xlsx' }).waitFor({ timeout: 20_000 });
  await page.getByTestId('validate-button').click();
  await page.getByTestId('summary').waitFor({ timeout: 30_000 });

  expect(pageErrors).toEqual([]);
  // The only request off the test server is the (aborted) Office.js script.
  expect(externalRequests(requests, env.url)).toEqual([OFFICE_JS]);
  await context.close();
});
