/**
 * The pane writes sheets that print like the .xlsx files: row heights for wrapped texts (computed,
 * as Excel does not fit written rows), print area without the working columns, narrow margins,
 * the page footer and shrink-to-fit — each only where the requirement set has it.
 */
import { writeSheet } from '../../src/office/excel';
import { reportSheet } from '../../src/engine/validate/report';
import { rowHeightFor } from '../../src/engine/print';
import type { OutSheet } from '../../src/engine/output';
import { FakeExcel } from './fakeExcel';
import { actionPlanWorkbook, buildActionPlan } from '../../src/engine/action-plan';
import { actionPlanInputs } from '../action-plan/fixtures';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function setup(apiVersion: string): FakeExcel {
  const fake = new FakeExcel({ apiVersion });
  uninstall = fake.installOffice();
  return fake;
}

const long = 'ก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านหนองกลางไปบ้านโคกสูง หมู่ที่ 5 ตำบลหนองปลิง อำเภอเมืองนครสวรรค์ จังหวัดนครสวรรค์';

function sheet(): OutSheet {
  return {
    name: 'รายงาน',
    rows: [
      ['ที่', 'โครงการ', 'งบประมาณ', 'ที่มา'],
      [
        1,
        { value: long, style: { wrap: true } },
        { value: 0, style: { numFmt: '#,##0;-#,##0;"-"', shrink: true } },
        'a.xlsx / ผ.02 / แถว 9',
      ],
      [2, { value: 'สั้น', style: { wrap: true } }, 5, 'a.xlsx / ผ.02 / แถว 10'],
    ],
    colWidths: [5, 30, 12, 40],
    page: { orientation: 'landscape', fitWidth: true, columns: 3, footer: 'หน้า &P/&N' },
    fitRows: true,
    printTitleRows: [0, 0],
  };
}

test('ExcelApi 1.9+: heights, print area, margins, footer, shrink-to-fit', async () => {
  const fake = setup('1.13');
  const s = sheet();
  await writeSheet(s, {}, fake.run);
  const ws = fake.sheet('รายงาน');
  const expected = rowHeightFor(s.rows[1], s.colWidths!, 16)!;
  expect(expected).toBeGreaterThan(40); // the long name wraps to several lines
  expect(ws.rowHeights.get(1)).toBe(expected);
  expect(ws.rowHeights.has(2)).toBe(false); // one line: Excel's default height
  expect(ws.pageLayout).toMatchObject({
    paperSize: 'A4',
    orientation: 'Landscape',
    printArea: 'A1:C3',
    printTitleRows: '$1:$1',
    centerFooter: 'หน้า &P/&N',
    leftMargin: 0.3 * 72,
    centerHorizontally: true,
  });
  expect(fake.cell('รายงาน', 'C2')).toMatchObject({ value: 0, numberFormat: '#,##0;-#,##0;"-"' });
});

test('ExcelApi 1.4: heights still set; no page layout and no shrink-to-fit (both 1.9)', async () => {
  const fake = setup('1.4');
  await writeSheet(sheet(), {}, fake.run);
  const ws = fake.sheet('รายงาน');
  expect(ws.rowHeights.get(1)).toBeGreaterThan(40);
  expect(ws.pageLayout).toEqual({});
});

test('the validation report written by the pane keeps its signature block inside the print area', async () => {
  const fake = setup('1.13');
  const s = reportSheet([{ file: 'a.xlsx', ok: true, sheets: [] } as never]);
  await writeSheet(s, {}, fake.run);
  const cols = s.page!.columns!;
  expect(fake.sheet(s.name).pageLayout.printArea).toBe(`A1:${String.fromCharCode(64 + cols)}${s.rows.length}`);
  expect(s.rows.some((r) => typeof r[0] === 'object' && r[0] && String((r[0] as { value: unknown }).value).startsWith('ลงชื่อ'))).toBe(true);
});

test('the action plan written in Excel prints without its provenance column, signed inside the print area', async () => {
  const fake = setup('1.13');
  const plan = buildActionPlan(
    actionPlanInputs().map((workbook) => ({ file: workbook.name, checksum: '', workbook })),
    { fiscalYear: 2569 },
  );
  const sheets = actionPlanWorkbook(plan).sheets;
  for (const s of sheets) await writeSheet(s, {}, fake.run);
  const main = sheets[0];
  // ที่ … หมายเหตุ, then the officer's ผู้รับผิดชอบ / ผลการดำเนินงาน; ที่มา (ไฟล์ / ชีต / แถว) after them, on screen only
  expect(main.page!.columns).toBe(10);
  expect(fake.sheet(main.name).pageLayout.printArea).toBe(`A1:J${main.rows.length}`);
  expect(main.rows.some((r) => typeof r[0] === 'object' && r[0] && String((r[0] as { value: unknown }).value).startsWith('ลงชื่อ'))).toBe(
    true,
  );
});
