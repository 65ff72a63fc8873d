/**
 * Each tab's main flow, driven by pointer (for the accessibility scans) — shared by the axe and
 * screenshot tests so both look at the same states: the real sample for Validate and Strategy, the
 * consolidation fixtures for Consolidate, the Rayong calendar for Calendar.
 */
import type { Page } from 'playwright-core';
import { allWorkbooks, toOutWorkbook } from '../consolidate/fixtures';
import { writeXlsx } from '../../src/xlsx/write';

export type TabId = 'validate' | 'consolidate' | 'strategy' | 'calendar';
export const TABS: TabId[] = ['validate', 'consolidate', 'strategy', 'calendar'];

/** The received workbooks of the consolidation tests, as files for an <input type=file>. */
export function receivedFiles() {
  return allWorkbooks().map((wb) => ({
    name: wb.name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(writeXlsx(toOutWorkbook(wb))),
  }));
}

export async function openTab(page: Page, tab: TabId): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId(`${tab}-panel`).waitFor();
}

/** Run the tab's main action and wait for its result. */
export async function mainAction(page: Page, tab: TabId): Promise<void> {
  if (tab === 'validate') {
    await page.getByTestId('sample-button').click();
    await page.getByTestId('file-name').filter({ hasText: 'nakhonsawan' }).waitFor();
    await page.getByTestId('validate-button').click();
    await page.getByTestId('summary').waitFor({ timeout: 30_000 });
  } else if (tab === 'consolidate') {
    await page.getByTestId('consolidate-input').setInputFiles(receivedFiles());
    await page.getByTestId('consolidate-run').click();
    await page.getByTestId('consolidate-results').waitFor({ timeout: 30_000 });
  } else if (tab === 'strategy') {
    await page.getByTestId('strategy-preset').selectOption('nakhonsawan-2566-2570-inferred');
    if (!(await page.getByTestId('strategy-file-name').filter({ hasText: 'nakhonsawan' }).count())) {
      await page.getByTestId('strategy-sample').click();
      await page.getByTestId('strategy-file-name').filter({ hasText: 'nakhonsawan' }).waitFor();
    }
    await page.getByTestId('strategy-run').click();
    await page.getByTestId('strategy-summary').waitFor({ timeout: 30_000 });
  } else {
    await page.getByTestId('calendar-template').selectOption('rayong');
    // The step editor open on its first step: the state an officer edits in.
    await page.locator('[data-testid="calendar-steps-header"] button').click();
    await page.locator('[data-testid="calendar-step-header"] button').first().click();
    await page.getByTestId('calendar-step-title').first().waitFor();
  }
}
