/**
 * The built pane (dist/web) served by a tiny static server on 127.0.0.1, and Debian's Chromium driven by
 * playwright-core. No jest here: the bench uses it too. No test downloads a browser.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { CHROMIUM, chromiumMissing } from './chromium';

export const WEB = path.join(__dirname, '../../dist/web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

export function serve(root = WEB): Promise<{ url: string; close: () => Promise<void> }> {
  if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error(`${root}/index.html is missing: run "npm run build:web" first`);
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, p === '/' ? 'index.html' : p);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

export async function launch(): Promise<Browser> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing); // rather than playwright's "Failed to launch … ENOENT"
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page at the task-pane width that records every request it makes. */
export async function openPane(
  browser: Browser,
  url: string,
  width = 360,
  height = 900,
): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: 'th-TH' });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r: Request) => void requests.push(r.url()));
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  return { context, page, requests };
}

/** Every request went to the test server (or stayed inside the page: blob:, data:). */
export function externalRequests(requests: string[], base: string): string[] {
  return requests.filter((u) => !u.startsWith(base + '/') && !/^(blob|data):/.test(u));
}
