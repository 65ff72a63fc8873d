/**
 * Excel on the web refuses a request over its size limit as a whole (RequestPayloadSizeLimitExceeded,
 * nothing in it runs). The writer keeps its requests under an estimate (CHUNK_BYTES); where Excel counts
 * more than the estimate, the refused request goes again in halves until each part fits.
 */
import { writeSheet } from '../../src/office/excel';
import { CHUNK_BYTES, inHalves } from '../../src/office/write';
import type { OutSheet } from '../../src/engine/output';
import { FakeExcel, FakeOfficeError } from './fakeExcel';

let fake: FakeExcel;
let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function web(limit: number): FakeExcel {
  fake = new FakeExcel({ apiVersion: '1.13' }).asExcelOnTheWeb();
  fake.requestLimit = limit;
  uninstall = fake.installOffice();
  return fake;
}

/** A needs-like table: Thai names and objectives, a village, amounts ("-" for nil), a header row. */
function bigTable(rows: number): OutSheet {
  const body = Array.from({ length: rows }, (_, i) => [
    i + 1,
    `ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองบัว-บ้านนาดี หมู่ที่ ${(i % 12) + 1} ตำบลนาดี (รายการที่ ${i + 1})`,
    'เพื่อให้ประชาชนสัญจรไปมาได้สะดวกและปลอดภัย ลดอุบัติเหตุบนท้องถนน',
    { value: i % 3 === 0 ? 0 : 1_000 * (i + 1), style: { numFmt: '#,##0;-#,##0;"-"' } },
    i % 5 === 0 ? '-' : 'กรมทางหลวงชนบท',
  ]);
  return { name: 'แผนความต้องการ', rows: [['ที่', 'โครงการ', 'วัตถุประสงค์', 'ปีงบประมาณ 2569 (บาท)', 'หน่วยงาน'], ...body] };
}

test('the fake refuses an over-limit request as Excel on the web does, and runs nothing of it', async () => {
  web(10_000);
  fake.addSheet('S');
  const big = Array.from({ length: 200 }, (_, i) => [`ข้อความยาวพอสมควร แถวที่ ${i}`]);
  const attempt = fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('S').getRange('A1:A200').values = big;
    await ctx.sync();
  });
  await expect(attempt).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  expect(fake.cell('S', 'A1').value).toBeNull();
});

test('inHalves: a refused batch goes again in halves, the first half with what rode on it; other errors pass', async () => {
  const sent: Array<[number, number]> = [];
  let before = 0;
  let pending: [number, number] | undefined;
  const sync = async () => {
    const [a, b] = pending!;
    if (b - a > 3) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'too big');
    sent.push([a, b]);
  };
  await inHalves(
    0,
    10,
    (a, b) => void (pending = [a, b]),
    sync,
    () => before++,
  );
  expect(sent).toEqual([
    [0, 2],
    [2, 5],
    [5, 7],
    [7, 10],
  ]);
  expect(before).toBe(3); // 0–10 refused, 0–5 refused, 0–2 sent: the setup went with each first half
  await expect(
    inHalves(
      0,
      10,
      () => undefined,
      async () => Promise.reject(new FakeOfficeError('InvalidArgument', 'no')),
    ),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
});

test('a large table through the fake Excel on the web: refused requests retried in halves, every row written', async () => {
  // A limit under the writer's estimate per request: every request the estimate lets through is refused
  // at first, as when Excel counts its own encoding larger than ours.
  web(CHUNK_BYTES / 4);
  const sheet = bigTable(20_000);
  const result = await writeSheet(sheet, {}, fake.run);
  const refused = fake.syncLog.filter((s) => s.bytes > fake.requestLimit!);
  expect(refused.length).toBeGreaterThan(0);
  expect(result.name).toBe('แผนความต้องการ');
  for (const r of [1, 2, 7_777, 20_000]) {
    const row = sheet.rows[r];
    expect(fake.cell('แผนความต้องการ', `B${r + 1}`).value).toBe(row[1]);
    expect(fake.cell('แผนความต้องการ', `E${r + 1}`).value).toBe(row[4]);
  }
  expect(fake.cell('แผนความต้องการ', 'D2')).toMatchObject({ value: 0, numberFormat: '#,##0;-#,##0;"-"' });
  // Written once each: no row written twice, none skipped (the refused requests ran nothing).
  const valueWrites = fake.writes.filter((w) => w.what === 'values').map((w) => w.address);
  const rowsWritten = valueWrites.reduce((n, a) => {
    const m = /^A(\d+):[A-Z]+(\d+)$/.exec(a)!;
    return n + Number(m[2]) - Number(m[1]) + 1;
  }, 0);
  expect(rowsWritten).toBe(sheet.rows.length);
  console.log(
    `20,001 rows on the web at a ${fake.requestLimit! / 1e6} MB limit: ${fake.syncLog.length} syncs, ${refused.length} refused and retried in halves`,
  );
});
