/**
 * The district's package in the pane (browser): the district settings (name, roster, ก.บ.อ. approval)
 * remembered across tabs, a run with a district plan among the received files, who has not sent, the
 * needs not in the district plan, routes — and the downloaded table titled with the district and the approval.
 */
import * as fs from 'fs';
import { strToU8, zipSync } from 'fflate';
import { externalRequests, openPane, servedBrowser } from './harness';
import { toOutWorkbook } from '../consolidate/fixtures';
import { districtPlan, nadiTambonPlan, nongbuaTambonPlan } from '../consolidate/district-fixtures';
import { writeXlsx } from '../../src/xlsx/write';
import { readXlsx } from '../../src/xlsx/read';

const env = servedBrowser();

test('district settings, senders, district plan and routes in the pane; the table carries them', async () => {
  const { context, page, requests } = await openPane(env.browser, `${env.url}/index.html`);
  await page.getByTestId('tab-consolidate').click();
  await page.getByTestId('consolidate-panel').waitFor();

  await page.getByTestId('consolidate-district').getByRole('button').first().click();
  await page.getByTestId('consolidate-district-name').fill('เมือง');
  await page.getByTestId('consolidate-roster').fill('ตำบลนาดี\nต.หนองบัว\nเทศบาลตำบลบางกุ้ง');
  await page.getByTestId('consolidate-meeting').fill('3/2568');
  await page.getByTestId('consolidate-meeting-date').fill('15 พฤษภาคม 2568');

  const files = [nadiTambonPlan(), nongbuaTambonPlan(), districtPlan()].map((wb) => ({
    name: wb.name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(writeXlsx(toOutWorkbook(wb))),
  }));
  // What also comes in: a Word document named for a roster sender, and Excel's lock file of an open plan.
  const word = zipSync({
    '_rels/.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
  });
  files.push(
    { name: 'เทศบาลตำบลบางกุ้ง.xlsx', mimeType: files[0].mimeType, buffer: Buffer.from(word) },
    { name: '~$แผนพัฒนาตำบลนาดี.xlsx', mimeType: files[0].mimeType, buffer: Buffer.from('lock') },
  );
  await page.getByTestId('consolidate-input').setInputFiles(files);
  await page.getByTestId('consolidate-run').click();
  await page.getByTestId('consolidate-results').waitFor({ timeout: 30_000 });

  expect(Number(await page.getByTestId('consolidate-not-in-plan').getAttribute('data-count'))).toBe(4);
  expect(await page.getByTestId('consolidate-routes').innerText()).toBe('ส่งถึง: อบจ. 3 · ส่วนราชการ 3 · จังหวัด (ก.บ.จ.) 1');
  expect(await page.getByTestId('consolidate-no-approval').count()).toBe(0);
  const senders = await page
    .getByTestId('consolidate-sender')
    .evaluateAll((rows) => rows.map((r) => [r.textContent, r.getAttribute('data-status')]));
  expect(senders.map((s) => s[1])).toEqual(['received', 'received', 'unreadable']);
  expect(senders[2][0]).toMatch(/ส่งมาแล้วแต่ใช้ไม่ได้\s*เทศบาลตำบลบางกุ้ง: ไฟล์ "เทศบาลตำบลบางกุ้ง.xlsx" เป็นเอกสาร Word/);
  const skipped = await page.getByTestId('consolidate-skipped-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reason')));
  expect(skipped).toEqual(['temp']);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('consolidate-download').click()]);
  const out = readXlsx(new Uint8Array(fs.readFileSync((await download.path())!)), download.suggestedFilename());
  const titles = out.sheets[0].rows.slice(0, 5).map((r) => r?.[0]?.w ?? '');
  expect(titles[0]).toBe('แผนความต้องการของอำเภอเมือง');
  expect(titles.join('\n')).toContain('ในการประชุมครั้งที่ 3/2568 เมื่อวันที่ 15 พฤษภาคม 2568');
  expect(out.sheets.map((s) => s.name)).toContain('ติดตามการส่งแผน');

  // The settings are remembered: leave the tab and come back.
  await page.getByTestId('tab-strategy').click();
  await page.getByTestId('tab-consolidate').click();
  await page.getByTestId('consolidate-panel').waitFor();
  await page.getByTestId('consolidate-district').getByRole('button').first().click();
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="consolidate-district-name"]') as HTMLInputElement | null)?.value === 'เมือง',
  );
  expect(await page.getByTestId('consolidate-roster').inputValue()).toContain('เทศบาลตำบลบางกุ้ง');
  // "เมือง" is in every province: the field says so, and the typed names alone are expected.
  expect(await page.getByTestId('consolidate-panel').innerText()).toContain('มีอำเภอชื่อ "เมือง" มากกว่าหนึ่งแห่ง');
  // With its province, the gazetteer's eleven tambons of อำเภอเมืองสุราษฎร์ธานี come first, the typed names after.
  await page.getByTestId('consolidate-province-name').fill('สุราษฎร์ธานี');
  expect(await page.getByTestId('consolidate-expected').innerText()).toMatch(/^ต้องส่งแผน 14 แห่ง: ตำบลทุกตำบลของอำเภอ/);
  expect(externalRequests(requests, env.url)).toEqual([]);
  await context.close();
});
