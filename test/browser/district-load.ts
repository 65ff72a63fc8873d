/**
 * A district's load in the browser pane: generated ผ.02/2 workbooks go into the Consolidate tab, matched to
 * the generated files' province (Chiang Mai); observers record main-thread long tasks (PerformanceObserver
 * 'longtask') and every state of the progress bar. No jest here: the browser test asserts what the pane
 * does with it, the bench (`npm run bench`, section 7) how long its main-thread tasks take.
 */
import type { Page } from 'playwright-core';
import { p022Workbook } from '../../bench/gen';

export interface LoadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface LoadReport {
  files: number;
  rowsPerFile: number;
  readingMs: number;
  totalMs: number;
  /** Longest main-thread task while the files were read, and over the whole run. */
  maxLongTaskReadingMs: number;
  longTasksReading: number;
  maxLongTaskWholeRunMs: number;
  /** aria-valuenow of the progress bar while reading, in the order seen. */
  progressValues: number[];
}

interface Probe {
  t0: number;
  longTasks: Array<{ start: number; duration: number }>;
  progress: Array<{ t: number; v: string | null; consolidating: boolean }>;
  done?: number;
}

export function districtFiles(files: number, rows: number): LoadFile[] {
  return Array.from({ length: files }, (_, i) => {
    const f = p022Workbook(i, rows);
    return { name: f.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(f.bytes) };
  });
}

/** Loads `files` into the Consolidate tab of an open pane, runs it and reports what the observers saw. */
export async function runDistrictLoad(page: Page, files: LoadFile[], rowsPerFile: number): Promise<LoadReport> {
  await page.getByTestId('tab-consolidate').click();
  await page.getByTestId('consolidate-panel').waitFor();
  await page.getByTestId('consolidate-strategy').selectOption('chiangmai-2566-2570');
  await page.getByTestId('consolidate-input').setInputFiles(files);
  await page.getByTestId('consolidate-run').waitFor();

  // Observers go in before the run: long tasks (buffered) and every state of the progress bar.
  await page.evaluate(() => {
    const w = window as unknown as { __probe: Probe };
    const probe: Probe = { t0: 0, longTasks: [], progress: [] };
    w.__probe = probe;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    let last: string | null | undefined;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="consolidate-progress"]');
      const panel = document.querySelector('[data-testid="consolidate-panel"]');
      const consolidating = /กำลังรวบรวม|Consolidating/.test(panel?.textContent ?? '');
      if (bar) {
        const v = bar.getAttribute('aria-valuenow');
        if (v !== last) probe.progress.push({ t: performance.now(), v, consolidating });
        last = v;
      }
      if (!probe.done && document.querySelector('[data-testid="consolidate-results"]')) probe.done = performance.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    probe.t0 = performance.now();
  });
  await page.getByTestId('consolidate-run').click();
  // No time limit of its own: the test's timeout bounds it, and speed is the bench's to judge.
  await page.getByTestId('consolidate-results').waitFor({ timeout: 0 });
  // Let the observers deliver the last entries.
  await page.waitForTimeout(300);
  const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);

  // Reading: from the click until the pane switches to the consolidating phase.
  const readEnd = probe.progress.find((p) => p.consolidating)?.t ?? probe.done ?? Infinity;
  const during = (a: number, b: number) => probe.longTasks.filter((x) => x.start < b && x.start + x.duration > a);
  const reading = during(probe.t0, readEnd);
  const whole = during(probe.t0, probe.done ?? Infinity);
  const max = (xs: Array<{ duration: number }>) => Math.round(Math.max(0, ...xs.map((x) => x.duration)));
  return {
    files: files.length,
    rowsPerFile,
    readingMs: Math.round(readEnd - probe.t0),
    totalMs: Math.round((probe.done ?? NaN) - probe.t0),
    maxLongTaskReadingMs: max(reading),
    longTasksReading: reading.length,
    maxLongTaskWholeRunMs: max(whole),
    progressValues: probe.progress.filter((p) => !p.consolidating && p.v !== null).map((p) => Number(p.v)),
  };
}
