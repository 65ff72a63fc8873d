/**
 * Task pane entry. Decides the host, then renders inside Office.onReady (template practice):
 *
 * - Office.js did not load (offline, blocked, plain browser without network) → `typeof Office === 'undefined'`
 *   → browser mode at once.
 * - Office.js loaded but the page is not inside an Office host → Office.onReady resolves with host null
 *   → browser mode. If onReady has not answered within OFFICE_TIMEOUT_MS → browser mode too.
 * - Office.onReady says host Excel → Excel mode (the Office.js adapter is loaded on demand).
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { BrowserHost } from './host/browserHost';
import type { Host } from './host/host';

/**
 * Only taskpane.html (the page Excel opens) loads Office.js, and only there is Office defined: a slow
 * office network or a cold start may take seconds before onReady, so wait long before giving up on Excel.
 */
const OFFICE_TIMEOUT_MS = 15000;

type HostKind = 'excel' | 'browser';

function detectHost(): Promise<HostKind> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve('browser');
  return new Promise<HostKind>((resolve) => {
    const timer = setTimeout(() => resolve('browser'), OFFICE_TIMEOUT_MS);
    try {
      Office.onReady((info) => {
        clearTimeout(timer);
        resolve(info && info.host === Office.HostType.Excel ? 'excel' : 'browser');
      });
    } catch {
      clearTimeout(timer);
      resolve('browser');
    }
  });
}

async function makeHost(kind: HostKind): Promise<Host> {
  if (kind === 'excel') {
    try {
      const { createExcelHost } = await import(/* webpackChunkName: "excel-host" */ './host/excelHost');
      return createExcelHost();
    } catch (e) {
      console.error('OnePlan: Excel adapter failed to load, using browser mode', e);
    }
  }
  return new BrowserHost();
}

async function main(): Promise<void> {
  const kind = await detectHost();
  const host = await makeHost(kind);
  document.documentElement.dataset.hostMode = host.mode;
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(<App host={host} />);
}

void main();
