/**
 * The pane's per-receiver download (issue 26): the needs table cut as `oneplan split` cuts it, each part
 * a needs workbook named by its receiver, all in one zip whose Thai names Windows accepts. Read back:
 * the province's table gives each district only its own needs, with the province's decisions.
 */
import { unzipSync } from 'fflate';
import { consolidate } from '../../src/engine/consolidate';
import { partFileNames, receiverFileName, splitNeeds, type SplitPart } from '../../src/engine/consolidate/split';
import { readPlanSheet } from '../../src/engine/forms/read';
import { readXlsx } from '../../src/xlsx/read';
import { receiverZip } from '../../src/taskpane/consolidate/receiverZip';
import { consolidateView } from '../../src/taskpane/worker/protocol';
import { allWorkbooks } from '../consolidate/fixtures';
import { inputsOf } from '../roundtrip/fixtures';
import { DECISION, decidedProvinceTable, headerCol } from './province-table';

const part = (receiver: string) => ({ receiver }) as SplitPart;

test('file names: forbidden characters replaced, no trailing dot, the same receiver twice numbered', () => {
  expect(receiverFileName('อบต.ท่าข้าม/ทต.ท่าข้าม')).toBe('อบต.ท่าข้าม_ทต.ท่าข้าม');
  expect(receiverFileName('ทต. ')).toBe('ทต');
  expect(receiverFileName('...')).toBe('ไม่ระบุ');
  expect(partFileNames([part('อำเภอเมือง'), part('อำเภอเมือง'), part('ABC'), part('abc')])).toEqual([
    'อำเภอเมือง.xlsx',
    'อำเภอเมือง (2).xlsx',
    'ABC.xlsx',
    'abc (2).xlsx',
  ]);
});

test("a province's table: one file per district in the zip, each with its own needs and the province's decisions", async () => {
  const { workbook, decisions } = await decidedProvinceTable();
  const r = await consolidate([{ file: workbook.name, checksum: '3'.repeat(64), workbook }]);
  const view = consolidateView(r);
  expect(view.receivers.district).toBe(2);

  const zip = unzipSync(receiverZip(r, 'district', workbook.name));
  const names = Object.keys(zip);
  expect(names).toEqual(partFileNames(splitNeeds(r, 'district')));
  expect(names).toHaveLength(2);
  for (const d of decisions) {
    const file = names.find((n) => n.includes(d.district))!;
    const sheet = readXlsx(zip[file], file).sheets[0];
    const table = readPlanSheet(sheet);
    // Only this district's needs, each still naming it.
    const want = r.items.filter((i) => i.district?.includes(d.district)).map((i) => i.name);
    expect(table.projects.map((p) => p.name).sort()).toEqual(want.sort());
    const col = headerCol(sheet, DECISION);
    const row = sheet.rows.find((x) => x?.[1]?.w === d.name)!;
    expect(row[col]?.w).toBe(d.decision);
    // The title says who it is for and where it was cut from.
    const titles = sheet.rows.slice(0, 6).flatMap((x) => (x ?? []).map((c) => c?.w ?? ''));
    expect(titles.some((t) => t.includes(`ส่งถึงอำเภอ: `) && t.includes(workbook.name))).toBe(true);
  }
});

test("a district's run: one file per proposer, every need in exactly one", async () => {
  const r = await consolidate(inputsOf(allWorkbooks()));
  const parts = splitNeeds(r, 'proposer');
  expect(consolidateView(r).receivers.proposer).toBe(parts.length);
  expect(parts.length).toBeGreaterThan(1);
  const zip = unzipSync(receiverZip(r, 'proposer', '4 ไฟล์'));
  const read = Object.entries(zip).map(([name, bytes]) => ({ name, projects: readPlanSheet(readXlsx(bytes, name).sheets[0]).projects }));
  expect(read.map((x) => x.name)).toEqual(partFileNames(parts));
  read.forEach((x, k) => expect(x.projects.map((p) => p.name)).toEqual(parts[k].result.items.map((i) => i.name)));
  expect(read.flatMap((x) => x.projects).length).toBe(r.items.length);
});
