/**
 * Lists a re-run can leave empty (the gone rows ไม่มีในรอบนี้, the unmatched decisions), in Excel: the
 * next run with nothing to list empties the sheet OnePlan wrote to one dated line, but only while it
 * still holds what OnePlan wrote (fingerprint in the workbook setting OnePlan.lists); a sheet the
 * officer edited is left as it is and the pane warns. The district's real consolidation, twice.
 */
import {
  consolidate,
  needsWorkbook,
  readPrevious,
  UNMATCHED_DECISIONS_SHEET,
  VANISHED_SHEET,
  type ConsolidateResult,
} from '../../src/engine/consolidate';
import { emptyListLine, LISTS_SETTING, listFingerprint, refreshLists } from '../../src/office/staleLists';
import { createExcelHost } from '../../src/taskpane/host/excelHost';
import { writeRunSheets } from '../../src/taskpane/common/writeRunSheets';
import { STRINGS } from '../../src/taskpane/i18n';
import type { Host } from '../../src/taskpane/host/host';
import { FakeExcel } from '../office/fakeExcel';
import { allWorkbooks } from '../consolidate/fixtures';
import { inputsOf, roundTrip } from '../roundtrip/fixtures';

const LISTS = [VANISHED_SHEET, UNMATCHED_DECISIONS_SHEET];
let fake: FakeExcel;
let uninstall: () => void;
beforeEach(() => {
  fake = new FakeExcel({ apiVersion: '1.13' });
  uninstall = fake.installOffice();
});
afterEach(() => uninstall());

/** Run 1 lacks one tambon's file (its needs listed as gone); run 2, the same files merged with run 1's table, has nothing gone. */
async function twoRuns(): Promise<{ first: ConsolidateResult; again: (host: Host) => Promise<ConsolidateResult> }> {
  const all = allWorkbooks();
  const full = await consolidate(inputsOf(all), { district: 'เมือง' });
  const previous = readPrevious(roundTrip(needsWorkbook(full), 'แผนความต้องการ.xlsx'));
  const first = await consolidate(inputsOf(all.slice(1)), { district: 'เมือง', previous });
  return {
    first,
    again: async (host) =>
      consolidate(inputsOf(all.slice(1)), { district: 'เมือง', previous: readPrevious(await host.readWorkbook({ withOutputs: true })) }),
  };
}
const texts = (sheet: string): string[] =>
  fake
    .sheet(sheet)
    .rows.flatMap((row, r) => (row ?? []).map((_, c) => fake.cell(sheet, `${String.fromCharCode(65 + c)}${r + 1}`).text).filter(Boolean));

test('a re-run with no gone rows empties the gone list OnePlan wrote to one dated line', async () => {
  const host = createExcelHost(fake.run);
  const { first, again } = await twoRuns();
  expect(first.merge!.vanished.length).toBeGreaterThan(0);
  const one = await writeRunSheets(host, needsWorkbook(first).sheets, LISTS);
  expect(one?.intent).toBe('success');
  const goneRows = texts(VANISHED_SHEET);
  expect(goneRows).toEqual(expect.arrayContaining([first.merge!.vanished[0].name]));
  expect(Object.keys(JSON.parse(String(fake.settings.get(LISTS_SETTING))))).toEqual([VANISHED_SHEET]);

  const second = await again(host);
  expect(second.merge!.vanished).toEqual([]);
  expect(needsWorkbook(second).sheets.map((s) => s.name)).not.toContain(VANISHED_SHEET);
  const two = await writeRunSheets(host, needsWorkbook(second).sheets, LISTS);
  const line = texts(VANISHED_SHEET);
  expect(line).toHaveLength(1);
  expect(line[0]).toMatch(/^ไม่มีรายการในรอบนี้ \(\d{1,2} \S+ 25\d\d\)$/);
  expect(two?.intent).toBe('success');
  expect(two!.text(STRINGS.th)).toContain(STRINGS.th.listsCleared([VANISHED_SHEET]));
  expect(two!.text(STRINGS.en)).toContain(STRINGS.en.listsCleared([VANISHED_SHEET]));
  // Emptied, it is still OnePlan's list: a third run with nothing to list leaves it as it is.
  const three = await writeRunSheets(host, needsWorkbook(second).sheets, LISTS);
  expect(texts(VANISHED_SHEET)).toEqual(line);
  expect(three?.intent).toBe('success');
});

test('a gone list the officer edited is left as it is, and the pane warns (Thai and English)', async () => {
  const host = createExcelHost(fake.run);
  const { first, again } = await twoRuns();
  await writeRunSheets(host, needsWorkbook(first).sheets, LISTS);
  const before = texts(VANISHED_SHEET);
  // The officer writes why one need is gone, in the list itself.
  const rows = fake.sheet(VANISHED_SHEET).rows.length;
  fake.setValues(VANISHED_SHEET, `A${rows + 2}`, [['ตำบลนาดีส่งแผนใหม่ ๑๕ มี.ค. ๒๕๖๙']]);
  const note = await writeRunSheets(host, needsWorkbook(await again(host)).sheets, LISTS);
  expect(texts(VANISHED_SHEET)).toEqual([...before, 'ตำบลนาดีส่งแผนใหม่ ๑๕ มี.ค. ๒๕๖๙']);
  expect(note?.intent).toBe('warning');
  expect(note!.text(STRINGS.th)).toContain(STRINGS.th.listsEdited([VANISHED_SHEET]));
  expect(note!.text(STRINGS.en)).toContain(STRINGS.en.listsEdited([VANISHED_SHEET]));
});

test('refreshLists: only the lists of this output, only sheets OnePlan remembers, and a sheet gone from the workbook forgotten', async () => {
  // The unmatched decisions OnePlan wrote, and an officer's sheet that happens to have a list's name.
  fake.addSheet(UNMATCHED_DECISIONS_SHEET);
  fake.setValues(UNMATCHED_DECISIONS_SHEET, 'A1', [
    ['ผลการพิจารณาของจังหวัดที่ไม่พบรายการในตารางของอำเภอ', null, null],
    ['ที่', 'โครงการ', 'ผลการพิจารณาของจังหวัด'],
    [1, 'โครงการที่จังหวัดพิมพ์ชื่อใหม่', 'ไม่ได้รับ'],
  ]);
  fake.addSheet(VANISHED_SHEET);
  fake.setValues(VANISHED_SHEET, 'A1', [['บันทึกของเจ้าหน้าที่ (ไม่ใช่ของ OnePlan)']]);
  fake.settings.set(
    LISTS_SETTING,
    JSON.stringify({
      [UNMATCHED_DECISIONS_SHEET]: listFingerprint([
        ['ผลการพิจารณาของจังหวัดที่ไม่พบรายการในตารางของอำเภอ', '', ''],
        ['ที่', 'โครงการ', 'ผลการพิจารณาของจังหวัด'],
        [1, 'โครงการที่จังหวัดพิมพ์ชื่อใหม่', 'ไม่ได้รับ'],
      ]),
      ชีตที่ถูกลบไปแล้ว: '1:0',
    }),
  );
  // The action plan's run lists gone rows only: the consolidation's unmatched decisions are not its to empty.
  expect(await refreshLists([], [VANISHED_SHEET], '6 ธ.ค. 2569', fake.run)).toEqual({ cleared: [], edited: [] });
  expect(fake.cell(UNMATCHED_DECISIONS_SHEET, 'B3').value).toBe('โครงการที่จังหวัดพิมพ์ชื่อใหม่');
  expect(fake.cell(VANISHED_SHEET, 'A1').value).toBe('บันทึกของเจ้าหน้าที่ (ไม่ใช่ของ OnePlan)');
  // The consolidation's run with no unmatched decisions: emptied, dated.
  expect(await refreshLists([], LISTS, '6 ธ.ค. 2569', fake.run)).toEqual({ cleared: [UNMATCHED_DECISIONS_SHEET], edited: [] });
  expect(fake.cell(UNMATCHED_DECISIONS_SHEET, 'A1').value).toBe(emptyListLine('6 ธ.ค. 2569'));
  expect(fake.cell(UNMATCHED_DECISIONS_SHEET, 'B3').value).toBeNull();
  expect(Object.keys(JSON.parse(String(fake.settings.get(LISTS_SETTING))))).toEqual([UNMATCHED_DECISIONS_SHEET]);
});
