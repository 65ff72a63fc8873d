/**
 * The district action plan in the browser pane (Consolidate tab): the received funded-project files →
 * the plan's summary, groups and left-out sheets → the downloaded workbook, recognised as OnePlan's own;
 * and a re-run merged with last time's plan picked in the browser, as Excel merges with its sheet.
 */
import * as fs from 'fs';
import { externalRequests, openPane, servedBrowser } from './harness';
import { actionPlanInputs, YOTHA } from '../action-plan/fixtures';
import { toOutWorkbook } from '../consolidate/fixtures';
import { writeXlsx } from '../../src/xlsx/write';
import { readXlsx } from '../../src/xlsx/read';
import { readPlanSheet } from '../../src/engine/forms/read';
import { ACTION_VANISHED_SHEET as VANISHED_SHEET } from '../../src/engine/action-plan';
import type { WorkbookModel } from '../../src/engine/model';
import { ADDED, CHECKED, cell, DISTRICT, DRAIN, editedPlan, laterInputs, NURSERY, ROAD, rowOf } from '../action-plan/edited';

const env = servedBrowser();
const file = (wb: WorkbookModel) => ({
  name: wb.name,
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  buffer: Buffer.from(writeXlsx(toOutWorkbook(wb))),
});

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

test("an earlier plan picked in the browser: the officer's columns, หมายเหตุ line and added row kept, the gone row listed; another year's plan refused", async () => {
  const { context, page, requests } = await openPane(env.browser, `${env.url}/index.html`);
  await page.getByTestId('tab-consolidate').click();
  await page.getByTestId('action-plan-panel').waitFor();
  expect(await page.getByTestId('action-plan-previous').innerText()).toBe('ไม่ได้เลือกแผนเดิม: จัดทำแผนใหม่ทั้งหมด');
  await page.getByTestId('action-plan-fy').fill('2569');
  await page.getByTestId('action-plan-district').fill(DISTRICT);
  await page.getByTestId('action-plan-input').setInputFiles(laterInputs().map(file));

  // A received list is no earlier plan: refused by name, nothing picked.
  await page.getByTestId('action-plan-previous-input').setInputFiles(file(laterInputs()[0]));
  await page.getByTestId('action-plan-message').filter({ hasText: 'ไม่มีแผนปฏิบัติการที่ OnePlan จัดทำ' }).waitFor();
  expect(await page.getByTestId('action-plan-previous-clear').count()).toBe(0);

  // The plan downloaded last time, edited by the officer.
  const edited = editedPlan();
  const editedFile = file(edited);
  await page.getByTestId('action-plan-previous-input').setInputFiles(editedFile);
  await page
    .getByTestId('action-plan-previous')
    .filter({ hasText: `${edited.name} (ชีต แผนปฏิบัติการอำเภอ ปี 2569` })
    .waitFor();
  // Dropped among the received files too by mistake: still merged with, not read as funded projects.
  await page.getByTestId('action-plan-input').setInputFiles(editedFile);
  await page.getByTestId('action-plan-run').click();
  const merged = page.getByTestId('action-plan-merged');
  await merged.waitFor({ timeout: 30_000 });
  expect(await Promise.all(['data-kept', 'data-new', 'data-added', 'data-vanished'].map((a) => merged.getAttribute(a)))).toEqual([
    '10',
    '1',
    '1',
    '1',
  ]);
  expect(await page.getByTestId('action-plan-vanished-row').allInnerTexts()).toEqual([expect.stringContaining(DRAIN)]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('action-plan-download').click()]);
  const out = readXlsx(new Uint8Array(fs.readFileSync((await download.path())!)), download.suggestedFilename());
  const s = out.sheets[0];
  expect(cell(s, ROAD, 'ผู้รับผิดชอบ')).toBe('นายช่างโยธา สมชาย ใจดี');
  expect(cell(s, ROAD, 'ผลการดำเนินงาน')).toBe('ลงนามสัญญาแล้ว ๑๕ ม.ค. ๒๕๖๙\nเริ่มงาน ๑ มี.ค. ๒๕๖๙');
  expect(cell(s, ROAD, 'หมายเหตุ').split('\n')).toContain(CHECKED);
  expect(rowOf(s, ADDED)).toBeGreaterThan(0);
  expect(rowOf(s, NURSERY)).toBeGreaterThan(0);
  const gone = out.sheets.find((x) => x.name === VANISHED_SHEET)!;
  expect(gone.rows.some((row) => row?.some((c) => c?.w?.startsWith(DRAIN)))).toBe(true);

  // The plan of 2569 picked for a plan of 2570: refused with a warning, the plan made afresh.
  await page.getByTestId('action-plan-fy').fill('2570');
  await page.getByTestId('action-plan-run').click();
  await page.getByTestId('action-plan-results').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('action-plan-message').innerText()).toContain(`${edited.name} เป็นแผนปฏิบัติการปี 2569: ไม่นำมารวมกับแผนปี 2570`);
  expect(await page.getByTestId('action-plan-merged').count()).toBe(0);

  // Dropped: no earlier plan.
  await page.getByTestId('action-plan-previous-clear').click();
  await page.getByTestId('action-plan-previous').filter({ hasText: 'ไม่ได้เลือกแผนเดิม' }).waitFor();
  expect(externalRequests(requests, env.url)).toEqual([]);
  await context.close();
});
