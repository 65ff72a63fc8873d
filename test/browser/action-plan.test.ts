/**
 * The district action plan in the browser pane (Consolidate tab): the received funded-project files →
 * the plan's summary, groups and left-out sheets → the downloaded workbook, recognised as OnePlan's own.
 */
import * as fs from 'fs';
import { externalRequests, openPane, servedBrowser } from './harness';
import { actionPlanInputs, YOTHA } from '../action-plan/fixtures';
import { toOutWorkbook } from '../consolidate/fixtures';
import { writeXlsx } from '../../src/xlsx/write';
import { readXlsx } from '../../src/xlsx/read';
import { readPlanSheet } from '../../src/engine/forms/read';

const env = servedBrowser();

test('make the action plan of FY 2569 from the received files and download it', async () => {
  const { context, page, requests } = await openPane(env.browser, `${env.url}/index.html`);
  await page.getByTestId('tab-consolidate').click();
  await page.getByTestId('action-plan-panel').waitFor();
  await page.getByTestId('action-plan-fy').fill('๒๕๖๙');
  await page.getByTestId('action-plan-district').fill('อำเภอเมืองนครสวรรค์');
  await page.getByTestId('action-plan-input').setInputFiles(
    actionPlanInputs().map((wb) => ({
      name: wb.name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(writeXlsx(toOutWorkbook(wb))),
    })),
  );
  await page.getByTestId('action-plan-run').click();
  await page.getByTestId('action-plan-results').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('action-plan-summary').innerText()).toBe('11 โครงการ งบประมาณรวม 13,910,000 บาท · อาจซ้ำกัน 2 คู่');
  expect(await page.getByTestId('action-plan-groups').innerText()).toContain(`${YOTHA}: 2 โครงการ 3,300,000 บาท`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('action-plan-download').click()]);
  expect(download.suggestedFilename()).toBe('แผนปฏิบัติการอำเภอ-2569.xlsx');
  const out = readXlsx(new Uint8Array(fs.readFileSync((await download.path())!)), download.suggestedFilename());
  expect(readPlanSheet(out.sheets[0]).kind).toBe('action-plan');
  expect(externalRequests(requests, env.url)).toEqual([]);
  await context.close();
});
