/** The calendar tab in the browser: pick a fiscal year and template, see the sheet preview, download .ics. */
import * as fs from 'fs';
import { externalRequests, openPane, servedBrowser } from './harness';

const env = servedBrowser();

test('the Rayong calendar for FY 2564 renders its steps in 2562 with Thai month labels', async () => {
  const { context, page, requests } = await openPane(env.browser, `${env.url}/index.html`, 320, 900);
  await page.getByTestId('tab-calendar').click();
  await page.getByTestId('calendar-panel').waitFor();
  await page.getByTestId('calendar-template').selectOption('rayong');
  const fy = page.getByTestId('calendar-fy');
  await fy.fill('2564');
  await fy.press('Tab');
  const preview = page.getByTestId('calendar-preview');
  await preview.waitFor();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="calendar-preview"]')?.textContent?.includes('๖๒') ||
      document.querySelector('[data-testid="calendar-preview"]')?.textContent?.includes(' 62'),
  );
  const text = await preview.innerText();
  expect(text).toMatch(/ม\.ค\. – ก\.พ\. (๖๒|62)/);
  expect(text).toContain('หน่วยดำเนินการ');
  // Gantt bars: filled month cells.
  const filled = await preview.locator('td[style*="background"]').count();
  expect(filled).toBeGreaterThan(12);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calendar-download-ics').click()]);
  const ics = fs.readFileSync((await download.path())!, 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics).toContain('DTSTART;VALUE=DATE:2019');
  expect(externalRequests(requests, env.url)).toEqual([]);
  await context.close();
});
