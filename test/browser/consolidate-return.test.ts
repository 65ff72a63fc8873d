/**
 * Issue 26 in the browser pane: the officer picks last run's needs table (downloaded from the pane, then
 * edited: a rank and a note), re-runs, and the edits survive with the merge report shown — the table is
 * not counted as a received file; and the table goes back down as one zip with a file per receiver
 * (a district's proposers; a province's districts, the province's decisions carried), read back here.
 */
import * as fs from 'fs';
import type { FileChooser, Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { externalRequests, openPane, servedBrowser } from './harness';
import { openTab, receivedFiles } from './pane-flows';
import { allWorkbooks, toOutWorkbook } from '../consolidate/fixtures';
import { DECISION, decidedProvinceTable, headerCol } from '../taskpane/province-table';
import { consolidate, NEEDS_SHEET } from '../../src/engine/consolidate';
import { partFileNames, splitNeeds } from '../../src/engine/consolidate/split';
import { readPlanSheet } from '../../src/engine/forms/read';
import { makeCell, type WorkbookModel } from '../../src/engine/model';
import { readXlsx } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { inputsOf } from '../roundtrip/fixtures';

const env = servedBrowser();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WEIR = 'ขุดลอกคลองนาดี พร้อมก่อสร้างฝายชะลอน้ำ';
const ROAD = 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3';
const NOTE = 'นายอำเภอให้เร่งรัด ประชุม ๓ มี.ค.';

async function run(page: Page): Promise<void> {
  await page.getByTestId('consolidate-run').click();
  await page.getByTestId('consolidate-results').waitFor({ timeout: 30_000 });
}

async function downloaded(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync((await d.path())!)) };
}

const inputRows = (page: Page) => page.getByTestId('consolidate-input-row').count();

test("the earlier table picked in the browser: the officer's rank and note survive a re-run, the merge is reported", async () => {
  const { context, page, requests } = await openPane(env.browser, `${env.url}/index.html`);
  await openTab(page, 'consolidate');
  await expect(page.getByTestId('consolidate-previous').innerText()).resolves.toBe('ไม่ได้เลือกตารางเดิม: จัดลำดับใหม่ทั้งหมด');
  await page.getByTestId('consolidate-input').setInputFiles(receivedFiles());
  await run(page);
  const files = await inputRows(page);
  expect(await page.getByTestId('consolidate-merge').count()).toBe(0);

  // Last run's table, as downloaded; the officer ranks the weir first and writes a note on the road.
  const first = await downloaded(page, 'consolidate-download');
  const wb = readXlsx(first.bytes, first.name);
  const sheet = wb.sheets.find((s) => s.name === NEEDS_SHEET)!;
  const rowOf = (name: string) => sheet.rows.findIndex((r) => r?.[1]?.w === name);
  expect(rowOf(WEIR)).toBeGreaterThan(rowOf(ROAD)); // before the officer's rank
  sheet.rows[rowOf(WEIR)]![headerCol(sheet, 'ลำดับความสำคัญของอำเภอ')] = makeCell('๐.๕');
  sheet.rows[rowOf(ROAD)]![headerCol(sheet, 'บันทึกของอำเภอ')] = makeCell(NOTE);
  const edited = 'แผนความต้องการอำเภอ (แก้ไขแล้ว).xlsx';
  const editedFile = { name: edited, mimeType: XLSX, buffer: Buffer.from(writeXlsx(toOutWorkbook(wb))) };

  // A file without a needs table is refused by name, and nothing is picked.
  await page.getByTestId('consolidate-previous-input').setInputFiles(receivedFiles()[0]);
  const refused = page.getByTestId('consolidate-message');
  await refused.waitFor();
  expect(await refused.innerText()).toContain(`ไม่พบตารางแผนความต้องการในไฟล์ "${allWorkbooks()[0].name}"`);
  expect(await page.getByTestId('consolidate-previous-clear').count()).toBe(0);

  await page.getByTestId('consolidate-previous-input').setInputFiles(editedFile);
  await page.getByTestId('consolidate-previous').filter({ hasText: edited }).waitFor();
  // Told to screen readers too.
  expect(await page.getByTestId('consolidate-panel').getByTestId('live-region').innerText()).toContain(edited);
  // Dropped among the received files as well by mistake: still merged with, not read as needs.
  await page.getByTestId('consolidate-input').setInputFiles(editedFile);

  await run(page);
  const merge = page.getByTestId('consolidate-merge');
  expect([await merge.getAttribute('data-kept'), await merge.getAttribute('data-new'), await merge.getAttribute('data-vanished')]).toEqual([
    '10',
    '0',
    '0',
  ]);
  expect(await merge.innerText()).toContain(`รวมกับตารางเดิม (${edited})`);
  expect(await inputRows(page)).toBe(files); // the earlier table is not a received file
  expect(await page.getByTestId('consolidate-message').innerText()).toContain(`${edited} เป็นตารางเดิมที่เลือกไว้`);

  const second = await downloaded(page, 'consolidate-download');
  const table = readPlanSheet(readXlsx(second.bytes, second.name).sheets.find((s) => s.name === NEEDS_SHEET)!);
  const find = (name: string) => table.projects.find((p) => p.name === name)!;
  expect(Number(find(WEIR).sourcePriority)).toBe(0.5);
  expect(find(WEIR).row).toBeLessThan(find(ROAD).row); // and the table in the officer's order
  expect(find(ROAD).officerNote).toBe(NOTE);

  // A file left out of a run: its needs are listed as gone from the earlier table, not silently dropped.
  await page.getByRole('button', { name: 'ล้างรายการ' }).click();
  const [left, ...rest] = receivedFiles();
  await page.getByTestId('consolidate-input').setInputFiles(rest);
  await run(page);
  const gone = Number(await merge.getAttribute('data-vanished'));
  expect(gone).toBeGreaterThan(0);
  const goneNames = await page.getByTestId('consolidate-vanished-row').allInnerTexts();
  expect(goneNames).toHaveLength(gone);
  const leftNames = readXlsx(new Uint8Array(left.buffer), left.name).sheets.flatMap((sh) => readPlanSheet(sh).projects.map((p) => p.name));
  expect(goneNames.every((n) => leftNames.includes(n))).toBe(true);

  // Dropped: the next run ranks afresh, nothing merged.
  await page.getByTestId('consolidate-previous-clear').click();
  await page.getByTestId('consolidate-previous').filter({ hasText: 'ไม่ได้เลือกตารางเดิม' }).waitFor();
  await run(page);
  expect(await page.getByTestId('consolidate-merge').count()).toBe(0);
  expect(externalRequests(requests, env.url)).toEqual([]);
  await context.close();
});

/** The zip's parts, read back. */
function parts(zip: Uint8Array): Array<{ name: string; wb: WorkbookModel }> {
  return Object.entries(unzipSync(zip)).map(([name, bytes]) => ({ name, wb: readXlsx(bytes, name) }));
}

test('one file per receiver: a district run by proposer, a province table by district with its decisions', async () => {
  const { context, page, requests } = await openPane(env.browser, `${env.url}/index.html`);
  await openTab(page, 'consolidate');
  const received = receivedFiles();
  await page.getByTestId('consolidate-input').setInputFiles(received);
  await run(page);
  // A district's table goes back to its proposers (tambons and อปท.) unless the officer picks otherwise.
  expect(await page.getByTestId('consolidate-split-by').inputValue()).toBe('proposer');
  const byProposer = await downloaded(page, 'consolidate-split-download');
  expect(byProposer.name).toBe('แผนความต้องการ-แยกตามผู้เสนอ.zip');
  const expected = splitNeeds(await consolidate(inputsOf(allWorkbooks())), 'proposer');
  const got = parts(byProposer.bytes);
  expect(got.map((p) => p.name)).toEqual(partFileNames(expected));
  got.forEach((p, k) =>
    expect(readPlanSheet(p.wb.sheets[0]).projects.map((x) => x.name)).toEqual(expected[k].result.items.map((i) => i.name)),
  );
  await page
    .getByTestId('consolidate-message')
    .filter({ hasText: `ดาวน์โหลดแล้ว ${expected.length} ไฟล์` })
    .waitFor();

  // The province's table consolidated alone: by district, each part with its district's needs and decisions.
  const { workbook, decisions } = await decidedProvinceTable();
  await page.getByRole('button', { name: 'ล้างรายการ' }).click();
  await page
    .getByTestId('consolidate-input')
    .setInputFiles({ name: workbook.name, mimeType: XLSX, buffer: Buffer.from(writeXlsx(toOutWorkbook(workbook))) });
  await run(page);
  expect(await page.getByTestId('consolidate-split-by').inputValue()).toBe('district');
  const byDistrict = parts((await downloaded(page, 'consolidate-split-download')).bytes);
  expect(byDistrict).toHaveLength(2);
  for (const d of decisions) {
    const part = byDistrict.find((p) => p.name.includes(d.district))!;
    const sheet = part.wb.sheets[0];
    const plan = readPlanSheet(sheet);
    expect(plan.projects.every((p) => (p.district ?? '').includes(d.district))).toBe(true);
    const row = sheet.rows.find((r) => r?.[1]?.w === d.name)!;
    expect(row[headerCol(sheet, DECISION)]?.w).toBe(d.decision);
  }
  expect(externalRequests(requests, env.url)).toEqual([]);
  await context.close();
});

test('keyboard only: the earlier-table chooser is reached by Tab, opens with Enter, and the pick is announced', async () => {
  const { context, page } = await openPane(env.browser, `${env.url}/index.html`);
  await openTab(page, 'consolidate');
  await page.bringToFront();
  // The province's table, picked to re-run at the province with its decisions kept.
  const table = (await decidedProvinceTable()).workbook;
  const chosen = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));
  await page.getByTestId('tab-consolidate').focus();
  for (
    let i = 0;
    i < 80 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'consolidate-previous-choose'));
    i++
  )
    await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement!.matches(':focus-visible'))).toBe(true);
  await page.keyboard.press('Enter');
  await (await chosen).setFiles({ name: table.name, mimeType: XLSX, buffer: Buffer.from(writeXlsx(toOutWorkbook(table))) });
  await page.getByTestId('consolidate-previous').filter({ hasText: table.name }).waitFor();
  expect(await page.getByTestId('consolidate-panel').getByTestId('live-region').innerText()).toContain(`ตารางเดิม: ${table.name}`);
  await context.close();
});
