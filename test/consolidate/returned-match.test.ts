/**
 * The province's decisions back onto the district's own rows by provenance (issue 26): the district's
 * table is sent (and renamed by e-mail), the province consolidates it and types decisions, `split --by
 * district` gives the district its part, and the district consolidates the part onto its table. Two needs
 * share a name in different tambons; each decision lands on exactly its row. A need takes one decision:
 * a second one, or one that fits several needs, is listed with its reason.
 */
import {
  consolidate,
  consolidateJson,
  needsWorkbook,
  readPrevious,
  UNMATCHED_DECISIONS_SHEET,
  type ConsolidateInput,
} from '../../src/engine/consolidate';
import { ConsolidateJsonSchema } from '../../src/engine/consolidate/json-schema';
import { splitNeeds } from '../../src/engine/consolidate/split';
import { matchReturned } from '../../src/engine/consolidate/returned-match';
import { makeCell, type SheetModel, type WorkbookModel } from '../../src/engine/model';
import type { NeedsItem, PreviousRow, ReturnedDecision } from '../../src/engine/consolidate/types';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runSplit } from '../../src/cli/split';
import { nodeInflateRaw } from '../../src/node/files';
import { readWorkbookBytes } from '../../src/xlsx/open';
import { writeXlsx } from '../../src/xlsx/write';
import { allWorkbooks, p02Sheet, toOutWorkbook } from './fixtures';
import { districtNeeds, phunphinDistrict, roundTrip, type District } from '../roundtrip/fixtures';

const CANAL = 'ขุดลอกคลองส่งน้ำสาธารณะ';
const DECISION = 'ผลการพิจารณาของจังหวัด';
const SENT_AS = 'อำเภอเมือง-ส่งจังหวัด (1).xlsx';
const input = (wb: WorkbookModel, file = wb.name, k = 1): ConsolidateInput => ({ file, checksum: String(k).repeat(64), workbook: wb });

/** An อปท.'s projects beyond its capacity (ผ.02/2): one canal, 2569. */
function beyond(file: string, organisation: string, amount: number): WorkbookModel {
  return {
    name: file,
    sheets: [
      p02Sheet({
        name: 'ผ.02-2 คลอง',
        beyond: true,
        organisation,
        provincial: 'ง. ยุทธศาสตร์จังหวัดที่ 3 การเชื่อมโยงเส้นทางคมนาคมและศูนย์โลจิสติกส์ภาคใต้ตอนบน',
        years: [2566, 2567, 2568, 2569, 2570],
        projects: [
          { name: CANAL, objective: 'เพื่อการเกษตร', target: 'ยาว ๒ กม.', budgets: ['-', '-', '-', amount, '-'], agency: 'กรมชลประทาน' },
        ],
      }),
    ],
  };
}
const districtInputs = (): WorkbookModel[] => [
  ...allWorkbooks(),
  beyond('อบต.นาดี-คลอง.xlsx', 'องค์การบริหารส่วนตำบลนาดี อำเภอเมือง จังหวัดสุราษฎร์ธานี', 500000),
  beyond('ทต.หนองบัว-คลอง.xlsx', 'เทศบาลตำบลหนองบัว อำเภอเมือง จังหวัดสุราษฎร์ธานี', 700000),
];

function headerCol(sheet: SheetModel, header: string): number {
  for (let r = 0; r < 10; r++) {
    const c = (sheet.rows[r] ?? []).findIndex((x) => x?.w?.replace(/\s+/g, ' ') === header);
    if (c >= 0) return c;
  }
  throw new Error(`no header ${header}`);
}
/** The row (0-based) of the canal in a tambon. */
function canalRow(sheet: SheetModel, tambon: string): number {
  const t = headerCol(sheet, 'ตำบล');
  const r = sheet.rows.findIndex((row) => row?.[1]?.w === CANAL && (row?.[t]?.w ?? '').includes(tambon));
  if (r < 0) throw new Error(`no canal in ${tambon}`);
  return r;
}
const canal = (items: NeedsItem[], tambon: string) => items.find((i) => i.name === CANAL && i.tambon === tambon)!;

describe('decisions from the split part land on the district’s own rows', () => {
  let district: District;
  let decided: WorkbookModel;
  let part: WorkbookModel;

  beforeAll(async () => {
    district = await districtNeeds('เมืองสุราษฎร์ธานี', districtInputs(), 'แผนความต้องการ อ.เมือง.xlsx');
    const phunphin = await phunphinDistrict();
    // The province received the district's table renamed by e-mail.
    const province = await consolidate([input(district.workbook, SENT_AS, 1), input(phunphin.workbook, 'แผนความต้องการ อ.พุนพิน.xlsx', 2)], {
      province: 'สุราษฎร์ธานี',
    });
    decided = roundTrip(needsWorkbook(province, { province: 'สุราษฎร์ธานี' }), 'แผนความต้องการจังหวัด.xlsx');
    const p = decided.sheets[0];
    p.rows[canalRow(p, 'นาดี')]![headerCol(p, DECISION)] = makeCell('ได้รับงบประมาณ ๕๐๐,๐๐๐ บาท ปี ๒๕๖๙');
    p.rows[canalRow(p, 'หนองบัว')]![headerCol(p, DECISION)] = makeCell('ไม่ได้รับ - ซ้ำซ้อนกับงบ อปท.');
    const parts = splitNeeds(await consolidate([input(decided)]), 'district');
    part = roundTrip(needsWorkbook(parts.find((x) => x.receiver.includes('เมือง'))!.result, { province: 'สุราษฎร์ธานี' }), 'ผลการพิจารณา.xlsx');
  });

  test('the district table holds the two canals, in two tambons', () => {
    expect(district.result.items.filter((i) => i.name === CANAL).map((i) => i.tambon)).toEqual(expect.arrayContaining(['นาดี', 'หนองบัว']));
    // The part's ที่มา names the district's table as the province received it.
    const s = part.sheets[0];
    expect(s.rows[canalRow(s, 'นาดี')]![headerCol(s, 'ที่มา (ไฟล์ / ชีต / แถว)')]?.w).toMatch(
      new RegExp(`^${SENT_AS.replace(/[()]/g, '\\$&')} / .+ / แถว \\d+$`),
    );
  });

  test('consolidated onto the district table: each decision on its canal, nothing unmatched, ranks untouched', async () => {
    const back = await consolidate(
      [...districtInputs().map((wb, k) => input(wb, wb.name, k + 3)), input(part, 'ผลการพิจารณา จ.สุราษฎร์ธานี.xlsx', 9)],
      { previous: readPrevious(district.workbook) },
    );
    expect(canal(back.items, 'นาดี').decision).toMatchObject({ kind: 'funded', amount: 500_000, year: 2569 });
    expect(canal(back.items, 'หนองบัว').decision).toMatchObject({ kind: 'not-funded', note: 'ซ้ำซ้อนกับงบ อปท.' });
    expect(back.returned).toMatchObject({ applied: 2, unmatched: [] });
    expect(back.items.every((i) => i.status === 'kept')).toBe(true);
  });

  test('by provenance, not by place: a part whose tambons were retyped still lands on the rows its ที่มา names', async () => {
    const back = await consolidate(
      districtInputs().map((wb, k) => input(wb, wb.name, k + 3)),
      { previous: readPrevious(district.workbook) },
    );
    const prev = readPrevious(district.workbook)!;
    const previousRow = new Map<NeedsItem, PreviousRow>();
    for (const it of back.items) {
      const p = prev.rows.find((r) => r.name === it.name && r.tambon === it.tambon);
      if (p) previousRow.set(it, p);
    }
    const rep = (await consolidate([input(part, 'ผลการพิจารณา.xlsx', 9)], { previous: prev })).inputs[0];
    const decisions = (rep.returned ?? []).filter((d) => d.name === CANAL);
    expect(decisions).toHaveLength(2);
    // The province swapped the two tambons: place alone would put each decision on the other canal.
    const swapped: ReturnedDecision[] = decisions.map((d) => ({ ...d, tambon: d.tambon === 'นาดี' ? 'หนองบัว' : 'นาดี' }));
    const m = matchReturned(back.items, swapped, previousRow, prev.sheet);
    expect(m.given.map((g) => [g.decision.decision.kind, g.item.tambon]).sort()).toEqual([
      ['funded', 'นาดี'],
      ['not-funded', 'หนองบัว'],
    ]);
    // Without ที่มา (a retyped row): name and place, each on the canal of its tambon.
    const bare = decisions.map((d) => ({ ...d, sources: [] }));
    const byPlace = matchReturned(back.items, bare, previousRow, prev.sheet);
    expect(byPlace.given.map((g) => [g.decision.decision.kind, g.item.tambon]).sort()).toEqual([
      ['funded', 'นาดี'],
      ['not-funded', 'หนองบัว'],
    ]);
    // Without ที่มา and without a tambon: the name fits two needs — listed, not guessed.
    const noPlace = matchReturned(back.items, [{ ...bare[0], tambon: undefined }], previousRow, prev.sheet);
    expect(noPlace.given).toEqual([]);
    expect(noPlace.unmatched).toMatchObject([{ reason: 'not-found' }]);
  });

  test('two decisions on one row: the second is listed with its reason (sheet, --json), not put on the row silently', async () => {
    // The province's officer copied the นาดี canal's row and typed another decision on the copy.
    const p = decided.sheets[0];
    const r = canalRow(p, 'นาดี');
    const copy = p.rows[r]!.map((c) => c && { ...c });
    copy[headerCol(p, DECISION)] = makeCell('อบจ. รับพิจารณา');
    const rows = [...p.rows.slice(0, r + 1), copy, ...p.rows.slice(r + 1)];
    const merges = p.merges.map((m) => (m.r1 > r ? { ...m, r1: m.r1 + 1, r2: m.r2 + 1 } : m));
    const copied: WorkbookModel = { name: 'แผนความต้องการจังหวัด.xlsx', sheets: [{ ...p, rows, merges }] };
    const back = await consolidate(
      [...districtInputs().map((wb, k) => input(wb, wb.name, k + 3)), input(copied, 'แผนความต้องการจังหวัด.xlsx', 9)],
      { previous: readPrevious(district.workbook) },
    );
    expect(canal(back.items, 'นาดี').decision?.kind).toBe('funded');
    expect(back.returned?.applied).toBe(2);
    expect(back.returned?.unmatched).toMatchObject([
      {
        name: CANAL,
        tambon: 'นาดี',
        decision: { kind: 'pao' },
        reason: 'taken',
        message: expect.stringContaining('ได้รับผลการพิจารณาจาก แผนความต้องการจังหวัด.xlsx'),
      },
    ]);
    const json = ConsolidateJsonSchema.parse(consolidateJson(back, null));
    expect(json.returned?.unmatched[0]).toMatchObject({ reason: 'taken', messageEn: expect.stringContaining('not given twice') });
    const u = roundTrip(needsWorkbook(back), 'out.xlsx').sheets.find((s) => s.name === UNMATCHED_DECISIONS_SHEET)!;
    expect(u.rows.some((row) => row?.[1]?.w === CANAL && row?.[4]?.w === 'อบจ. รับพิจารณา' && (row?.[9]?.w ?? '').includes('จึงไม่ใส่ซ้ำ'))).toBe(
      true,
    );
  });

  test('oneplan split --by district writes the same ที่มา: the district table’s rows as the province received it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oneplan-returned-'));
    try {
      const file = path.join(dir, 'แผนความต้องการจังหวัด.xlsx');
      writeFileSync(file, writeXlsx(toOutWorkbook(decided)));
      const io = { out: () => undefined, err: () => undefined };
      expect(await runSplit([file, '--by', 'district', '--out', path.join(dir, 'อำเภอ'), '--province', 'สุราษฎร์ธานี'], io)).toBe(0);
      const name = readdirSync(path.join(dir, 'อำเภอ')).find((f) => f.includes('เมือง'))!;
      const s = readWorkbookBytes(new Uint8Array(readFileSync(path.join(dir, 'อำเภอ', name))), name, { inflateRaw: nodeInflateRaw })
        .sheets[0];
      const written = s.rows[canalRow(s, 'หนองบัว')]![headerCol(s, 'ที่มา (ไฟล์ / ชีต / แถว)')]?.w ?? '';
      const own = district.workbook.sheets[0];
      expect(written).toBe(`${SENT_AS} / ${own.name} / แถว ${canalRow(own, 'หนองบัว') + 1}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
