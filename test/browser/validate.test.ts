/**
 * The task pane in a plain browser: open the real sample, validate, click a finding, download the report.
 * Also the privacy check: in browser mode no request leaves the local server.
 */
import * as fs from 'fs';
import { externalRequests, openPane, servedBrowser } from './harness';
import { readXlsx } from '../../src/xlsx/read';

const env = servedBrowser();

test('validate the built-in sample, click a finding, download the report — all on localhost', async () => {
  const { context, page, requests } = await openPane(env.browser, `${env.url}/index.html`);
  await page.getByTestId('host-mode').waitFor();
  expect(await page.getByTestId('app').getAttribute('data-host-mode')).toBe('browser');

  await page.getByTestId('sample-button').click();
  await page.getByTestId('file-name').filter({ hasText: 'nakhonsawan' }).waitFor();
  await page.getByTestId('validate-button').click();

  const sheet = page.locator('[data-testid="sheet-item"][data-sheet="ยุทธ1.1แผนงานสาธารณสุข"]');
  await sheet.waitFor({ timeout: 30_000 });
  expect(await sheet.getAttribute('data-kind')).toBe('local-plan');
  expect(await page.locator('[data-testid="sheet-item"][data-sheet="ผ.02.2 ประสาน จว"]').getAttribute('data-kind')).toBe(
    'local-plan-beyond',
  );

  // The 2569 total of ยุทธ1.1 (row 45, column H) is a finding; clicking it selects that cell in the preview.
  const finding = sheet.locator('[data-testid="finding"][data-cell="H45"]');
  // Sheets with errors may open by themselves; open it only when its findings are hidden.
  if (!(await finding.isVisible())) await sheet.getByTestId('sheet-header').click();
  await finding.waitFor();
  expect(await finding.getAttribute('data-severity')).toBe('error');
  expect(await finding.getByTestId('finding-message').innerText()).toContain('7,504,920');
  await finding.click();
  const cell = page.locator('[data-testid="sheet-preview"][data-sheet="ยุทธ1.1แผนงานสาธารณสุข"] [data-cell="H45"]');
  await cell.waitFor();
  expect(await cell.getAttribute('data-selected')).toBe('true');
  expect(await cell.getAttribute('data-severity')).toBe('error');
  expect((await cell.innerText()).replace(/\s/g, '')).toBe('1,504,920');

  // The report downloads as an .xlsx with the findings sheet.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-report').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
  expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
  const report = readXlsx(bytes, download.suggestedFilename());
  expect(report.sheets[0].name).toBe('รายงานตรวจสอบ');
  const texts = report.sheets[0].rows.flatMap((r) => (r ?? []).map((c) => c?.w ?? ''));
  expect(texts.some((t) => t.includes('7,504,920'))).toBe(true);

  // English on request.
  await page.getByTestId('lang-toggle').click();
  await page.locator('[data-testid="app"][data-lang="en"]').waitFor();
  expect(await page.getByTestId('validate-button').innerText()).toBe('Check this file');

  expect(externalRequests(requests, env.url)).toEqual([]);
  expect(requests.some((u) => u.endsWith('.xlsx'))).toBe(true);
  await context.close();
});

test('a file that is not a workbook gets a clear message and the pane keeps working', async () => {
  const { context, page } = await openPane(env.browser, `${env.url}/index.html`);
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'จดหมาย.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip file at all') });
  const bar = page.getByTestId('error-bar');
  await bar.waitFor();
  expect(await bar.innerText()).toContain('จดหมาย.xlsx');
  await page.getByTestId('sample-button').click();
  await page.getByTestId('validate-button').click();
  await page.locator('[data-testid="sheet-item"]').first().waitFor({ timeout: 30_000 });
  await context.close();
});

test('an officer maps a column by hand; the mapping is remembered for the workbook and applied', async () => {
  const { context, page } = await openPane(env.browser, `${env.url}/index.html`);
  await page.getByTestId('sample-button').click();
  await page.getByTestId('file-name').filter({ hasText: 'nakhonsawan' }).waitFor();
  await page.getByTestId('validate-button').click();
  const sheet = page.locator('[data-testid="sheet-item"][data-sheet="ยุทธ1.1แผนงานสาธารณสุข"]');
  await sheet.waitFor({ timeout: 30_000 });
  const total = sheet.locator('[data-testid="finding"][data-cell="H45"]');
  if (!(await total.isVisible())) await sheet.getByTestId('sheet-header').click();
  await total.waitFor();

  // Say that the 2569 budget is in column I: the 2569 total is then read from I45 and agrees.
  await sheet.getByTestId('map-columns').click();
  const form = sheet.getByTestId('column-mapping');
  expect(await form.locator('[data-field="budget:2569"]').inputValue()).toBe('H');
  await form.locator('[data-field="budget:2569"]').fill('i');
  await form.getByTestId('save-mapping').click();
  await total.waitFor({ state: 'detached' });
  const stored = await page.evaluate(() => localStorage.getItem('oneplan.wb.nakhonsawan-2566-2570.xlsx.columnMapping'));
  expect(JSON.parse(stored!)).toEqual({ 'ยุทธ1.1แผนงานสาธารณสุข': { 'budget:2569': 'I' } });

  // Opening the form again and saving without a change keeps the mapping.
  await sheet.getByTestId('map-columns').click();
  expect(await sheet.getByTestId('column-mapping').locator('[data-field="budget:2569"]').inputValue()).toBe('I');
  await sheet.getByTestId('save-mapping').click();
  await sheet.getByTestId('map-columns').waitFor();
  await page.waitForTimeout(300);
  const again = await page.evaluate(() => localStorage.getItem('oneplan.wb.nakhonsawan-2566-2570.xlsx.columnMapping'));
  expect(JSON.parse(again!)).toEqual({ 'ยุทธ1.1แผนงานสาธารณสุข': { 'budget:2569': 'I' } });
  expect(await total.count()).toBe(0);

  // Back to the header's columns: the finding returns.
  await sheet.getByTestId('map-columns').click();
  await sheet.getByTestId('reset-mapping').click();
  await total.waitFor();
  await context.close();
});

test('nothing checked is never "no problems": a procurement list is an error, a calendar-only file says nothing was checked', async () => {
  const { writeXlsx } = await import('../../src/xlsx/write');
  const procurement = writeXlsx({
    sheets: [
      {
        name: 'TOR',
        rows: [
          ['ลำดับ', 'ประเภท (ซื้อ/จ้าง)', 'ช่วงวงเงิน', 'รหัสโครงการ', 'ชื่อโครงการ', 'วงเงินงบประมาณ (บาท)', 'หน่วยงานที่รับผิดชอบ'],
          [1, 'ซื้อ', '100,000 - 500,000', '67011400001', 'จัดซื้อวัสดุสำนักงาน', 150000, 'กองคลัง'],
          [2, 'จ้าง', '100,000 - 500,000', '67011400002', 'จ้างเหมาบริการทำความสะอาด', 250000, 'กองคลัง'],
        ],
      },
    ],
  });
  const calendar = writeXlsx({
    sheets: [{ name: 'ปฏิทิน', rows: [['ปฏิทินการดำเนินงาน ปีงบประมาณ 2568'], ['ขั้นตอน', 'ช่วงเวลา'], ['1. ประชาคมหมู่บ้าน', 'ต.ค. 2567']] }],
  });
  const { context, page } = await openPane(env.browser, `${env.url}/index.html`);
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'จัดซื้อ.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(procurement) });
  await page.getByTestId('validate-button').click();
  await page.getByTestId('report-error').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('report-error').innerText()).toMatch(/1 ชีต ไม่มีชีตใดเป็นแบบแผน/);
  expect(await page.getByTestId('validate-panel').innerText()).not.toContain('ไม่พบปัญหา');
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'ปฏิทิน.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(calendar) });
  await page.getByTestId('validate-button').click();
  await page
    .getByText(/ไม่ได้ตรวจสอบสิ่งใด/)
    .first()
    .waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('summary').innerText()).toMatch(/^ไม่ได้ตรวจสอบสิ่งใด/);
  expect(await page.getByTestId('validate-panel').innerText()).not.toContain('ไม่พบปัญหา');
  await context.close();
});
