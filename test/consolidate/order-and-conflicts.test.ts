/**
 * Every baht accounted for (issue 22): the same files give the same table whatever order they come in;
 * sources of one need that disagree on amount or year are shown and the officer decides; rows in
 * different places are never one need, and a row of unknown place is never dropped on a name alone.
 * On .xlsx files shaped like the real ones (written and read back).
 */
import {
  consolidate,
  consolidateJson,
  Consolidation,
  extractInput,
  needsWorkbook,
  readPrevious,
  DUPLICATES_SHEET,
  type ConsolidateInput,
  type ConsolidateResult,
  type NeedsItem,
} from '../../src/engine/consolidate';
import { ConsolidateJsonSchema } from '../../src/engine/consolidate/json-schema';
import { comparePlaces } from '../../src/engine/consolidate/place';
import { makeCell, sheetFromValues, type SheetModel, type WorkbookModel } from '../../src/engine/model';
import { validateWorkbook } from '../../src/engine/validate';
import { nadiWorkbook, nongbuaWorkbook, p02Sheet, toOutWorkbook, unrelatedWorkbook } from './fixtures';
import { districtPlan, nadiTambonPlan, nongbuaTambonPlan } from './district-fixtures';
import { roundTrip } from '../roundtrip/fixtures';

const viaXlsx = (wb: WorkbookModel): WorkbookModel => roundTrip(toOutWorkbook(wb), wb.name);
const checksumOf = (i: number): string => i.toString(16).padStart(64, '0');
const inputOf = (wb: WorkbookModel, i: number): ConsolidateInput => ({ file: wb.name, checksum: checksumOf(i), workbook: wb });
/** The years a source asks an amount for (a "-" year is none). */
const asked = (b: Record<number, number>): Record<string, number> => Object.fromEntries(Object.entries(b).filter(([, v]) => v));
const ROAD = 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน';
const roadOf = (r: ConsolidateResult): NeedsItem => r.items.find((i) => i.name.startsWith(ROAD) && i.village === 3 && i.tambon === 'นาดี')!;

/** The four files: อบต.นาดี's ผ.02/2 asks 2,500,000 in 2567 for the road, ตำบลนาดี's plan 1,500,000 in 2568. */
const FOUR = [nadiWorkbook(), nongbuaWorkbook(), nadiTambonPlan(), nongbuaTambonPlan()].map(viaXlsx);

/** A deterministic shuffle (mulberry32): the same permutations on every run. */
function permutations<T>(list: readonly T[], n: number, seed = 22): T[][] {
  let s = seed;
  const rnd = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: T[][] = [[...list].reverse()];
  for (let k = 0; k < n; k++) {
    const p = [...list];
    for (let i = p.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [p[i], p[j]] = [p[j], p[i]];
    }
    out.push(p);
  }
  return out;
}

/** What a run gives: its --json, its written sheets, its item ids and ranks. */
const fingerprint = (r: ConsolidateResult): string =>
  JSON.stringify({
    json: consolidateJson(r, 'needs.xlsx'),
    sheets: needsWorkbook(r, { district: 'เมือง' }),
    ids: r.items.map((i) => [i.id, i.rank]),
    dups: r.duplicates.map((d) => d.items.map((m) => m.itemId)),
  });

describe('order never matters', () => {
  const inputs: ConsolidateInput[] = [
    ...[...FOUR, viaXlsx(districtPlan()), viaXlsx(unrelatedWorkbook())].map(inputOf),
    { file: 'เสีย.xlsx', checksum: checksumOf(99), error: { code: 'not-zip', message: 'ไม่ใช่ .xlsx', messageEn: 'not an .xlsx' } },
  ];
  let reference: string;
  let first: ConsolidateResult;
  beforeAll(async () => {
    first = await consolidate(inputs);
    reference = fingerprint(first);
  });

  test('the same JSON and the same written sheets for 25 orders of 7 inputs (consolidate)', async () => {
    for (const order of permutations(inputs, 24)) expect(fingerprint(await consolidate(order))).toBe(reference);
  });

  test('the same through the streaming path (add) and the workers’ path (extractInput → addExtracted)', () => {
    for (const order of permutations(inputs, 6, 7)) {
      const streamed = new Consolidation();
      for (const inp of order) streamed.add(inp);
      expect(fingerprint(streamed.finish())).toBe(reference);
      const parallel = new Consolidation();
      for (const inp of order) parallel.addExtracted(extractInput(inp));
      expect(fingerprint(parallel.finish())).toBe(reference);
    }
  });

  test('the issue’s FY 2567 total is one figure, not 3,300,000 one way and 800,000 the other', async () => {
    const a = await consolidate(FOUR.map(inputOf));
    const b = await consolidate([...FOUR].reverse().map(inputOf));
    // The road as the ผ.02/2 asks it, the ditch of นาดี, ทต.หนองบัว's health station: in every order.
    expect(a.totals[2567]).toBe(2_500_000 + 800_000 + 3_000_000);
    expect(b.totals).toEqual(a.totals);
  });
});

describe('disagreeing duplicates are the officer’s decision, shown', () => {
  let r: ConsolidateResult;
  beforeAll(async () => {
    r = await consolidate([...FOUR].reverse().map(inputOf), { district: 'เมือง' });
  });

  test('counted by the rule (the อปท.’s ผ.02/2 before the tambon plan), both asks in the row', () => {
    const road = roadOf(r);
    expect(road.sources.map((s) => s.file)).toEqual(['อบต.นาดี.xlsx', 'แผนพัฒนาตำบลนาดี.xlsx']);
    expect(road.budgets[2567]).toBe(2_500_000);
    expect(road.budgets[2568] ?? 0).toBe(0);
    expect(road.conflict).toMatchObject({ counted: 1, by: 'rule' });
    expect(road.conflict!.budgets[1][2568]).toBe(1_500_000);
    const remark = road.remarks.find((m) => m.startsWith('ยอดไม่ตรงกัน'))!;
    for (const s of ['ปี 2567 2,500,000 บาท', 'ปี 2568 1,500,000 บาท', 'อบต.นาดี.xlsx', 'แผนพัฒนาตำบลนาดี.xlsx', 'นับยอดแหล่ง (1)', 'แหล่งที่นับยอด'])
      expect(remark).toContain(s);
    // Agreeing duplicates stay a plain merge.
    expect(r.items.filter((i) => i.conflict)).toHaveLength(1);
  });

  test('--json carries the conflict (schema-valid), the duplicates sheet shows both asks', () => {
    const j = ConsolidateJsonSchema.parse(consolidateJson(r, null));
    const road = j.needs.items.find((i) => i.name.startsWith(ROAD) && i.village === 3)!;
    expect(road.conflict).toMatchObject({
      counted: 1,
      by: 'rule',
      sources: [
        { file: 'อบต.นาดี.xlsx', budgets: { 2567: 2_500_000 } },
        { file: 'แผนพัฒนาตำบลนาดี.xlsx', budgets: { 2568: 1_500_000 } },
      ],
    });
    const group = j.duplicates.find((d) => d.conflict)!;
    expect(group.items.map((m) => asked(m.budgets!))).toEqual([{ 2567: 2_500_000 }, { 2568: 1_500_000 }]);
    const sheet = roundTrip(needsWorkbook(r), 'needs.xlsx').sheets.find((s) => s.name === DUPLICATES_SHEET)!;
    const rows = sheet.rows.filter((row) => (row?.[2]?.w ?? '').includes('ยอดไม่ตรงกัน')).map((row) => [row![2]!.w, row![10]!.w]);
    expect(rows).toEqual([
      [expect.stringContaining('นับยอดแหล่งนี้ (1)'), 'ปี 2567 2,500,000 บาท'],
      [expect.stringContaining('ไม่นับยอดแหล่งนี้ (2)'), 'ปี 2568 1,500,000 บาท'],
    ]);
  });

  test('validate reports the unresolved conflict on its cell; the officer’s choice is counted and kept across re-runs', async () => {
    const wb = roundTrip(needsWorkbook(r), 'needs.xlsx');
    const s = wb.sheets[0];
    const choice = headerCol(s, 'แหล่งที่นับยอด (เมื่อยอดไม่ตรงกัน)');
    const roadRow = roadRowOf(s);
    const open = validateWorkbook(wb).sheets[0].findings.filter((f) => f.code === 'budget-conflict');
    expect(open.map((f) => [f.row, f.column, f.severity])).toEqual([[roadRow + 1, String.fromCharCode(65 + choice), 'warning']]);
    expect(open[0].message).toContain('ยอดไม่ตรงกันระหว่าง 2 แหล่ง');

    // The officer counts the tambon plan's amount instead (Thai digit), and the files come in another order.
    s.rows[roadRow]![choice] = makeCell('๒');
    const again = await consolidate(FOUR.map(inputOf), { previous: readPrevious(viaXlsx(wb)) });
    // Every need of one shape (item-copy.ts: one map for the code that reads them), made or copied by
    // the duplicates, the ranks, the merge with the previous table and the officer's choice alike.
    const shapes = new Set([...r.items, ...again.items].map((it) => Object.keys(it).join()));
    expect([...shapes]).toEqual([Object.keys(r.items[0]).join()]);
    const road = roadOf(again);
    expect(road.conflict).toMatchObject({ counted: 2, by: 'officer' });
    expect(asked(road.budgets)).toEqual({ 2568: 1_500_000 });
    expect(again.totals[2567]).toBe(r.totals[2567] - 2_500_000);
    expect(again.totals[2568]).toBe(r.totals[2568] + 1_500_000);
    expect(road.remarks.find((m) => m.startsWith('ยอดไม่ตรงกัน'))).toContain('นับยอดแหล่ง (2) ตามที่อำเภอระบุ');

    // Written again: the choice is in its column, validate is satisfied, and a third run keeps it.
    const wb2 = roundTrip(needsWorkbook(again), 'needs.xlsx');
    const row2 = roadRowOf(wb2.sheets[0]);
    expect(wb2.sheets[0].rows[row2]?.[headerCol(wb2.sheets[0], 'แหล่งที่นับยอด (เมื่อยอดไม่ตรงกัน)')]?.w).toBe('2');
    expect(validateWorkbook(wb2).sheets[0].findings.filter((f) => f.code === 'budget-conflict')).toEqual([]);
    const third = await consolidate(FOUR.map(inputOf), { previous: readPrevious(wb2) });
    expect(third.totals).toEqual(again.totals);

    // The province reads the decided table: the officer's amount, and nothing left to ask.
    const province = await consolidate([{ file: 'แผนความต้องการ อ.เมือง.xlsx', checksum: checksumOf(1), workbook: wb2 }]);
    expect(province.totals[2568]).toBe(again.totals[2568]);
    const rolled = roundTrip(needsWorkbook(province, { province: 'สุราษฎร์ธานี' }), 'province.xlsx');
    expect(validateWorkbook(rolled).sheets[0].findings.filter((f) => f.code === 'budget-conflict')).toEqual([]);
  });

  test('a number that names no source is reported, and the rule still counts', async () => {
    const wb = roundTrip(needsWorkbook(r), 'needs.xlsx');
    const s = wb.sheets[0];
    const choice = headerCol(s, 'แหล่งที่นับยอด (เมื่อยอดไม่ตรงกัน)');
    const roadRow = roadRowOf(s);
    s.rows[roadRow]![choice] = makeCell('3');
    const f = validateWorkbook(wb).sheets[0].findings.find((x) => x.code === 'budget-conflict')!;
    expect(f.message).toContain('"3"');
    const again = await consolidate(FOUR.map(inputOf), { previous: readPrevious(viaXlsx(wb)) });
    expect(roadOf(again).conflict).toMatchObject({ counted: 1, by: 'rule' });
    expect(again.totals).toEqual(r.totals);
  });

  test('between sources of one level, the file whose name sorts first counts, whatever the order', async () => {
    const other = nadiTambonPlan();
    other.name = 'ก-แผนพัฒนาตำบลนาดี (ฉบับทบทวน).xlsx';
    other.sheets[0].rows[4]![5] = makeCell(1_700_000, '1,700,000');
    const pair = [viaXlsx(nadiTambonPlan()), viaXlsx(other)];
    for (const order of [pair, [...pair].reverse()]) {
      const road = (await consolidate(order.map(inputOf))).items.find((i) => i.name === ROAD)!;
      expect(road.sources[0].file).toBe(other.name);
      expect(road.budgets[2568]).toBe(1_700_000);
      expect(road.conflict).toMatchObject({ counted: 1, by: 'rule' });
    }
  });
});

/** ตำบลบ้านใหม่ อำเภอทุ่งทอง's plan (the layout of นาดี's): a tambon whose name begins with บ้าน (the case). */
function banMaiTambonPlan(): WorkbookModel {
  const wb = nadiTambonPlan();
  const rows = wb.sheets[0].rows;
  const [title, place, ditch] = sheetFromValues('x', [
    ['แผนพัฒนาตำบลบ้านใหม่ ประจำปีงบประมาณ ๒๕๖๙'],
    ['ตำบลบ้านใหม่ อำเภอทุ่งทอง จังหวัดกำแพงเพชร'],
    [
      '๑',
      'ขุดลอกลำเหมืองสาธารณะเพื่อการเกษตร หมู่ที่ 2 บ้านใหม่',
      'เพื่อการเกษตร',
      'ยาว ๑,๒๐๐ ม.',
      '-',
      '-',
      '๘๕๐,๐๐๐',
      '๓',
      'ขอรับการสนับสนุน',
      'กรมชลประทาน',
      '๑',
    ],
  ]).rows;
  rows.splice(0, 2, title, place);
  rows.splice(4, rows.length - 4, ditch);
  return { name: 'แผนพัฒนาตำบลบ้านใหม่.xlsx', sheets: wb.sheets };
}

/** อบต.หนองบัว (another tambon of อำเภอทุ่งทอง): its own ผ.02 has "… หมู่ที่ 2" of the same name. */
function nongbuaLocalPlan(): WorkbookModel {
  return {
    name: 'อบต.หนองบัว.xlsx',
    sheets: [
      p02Sheet({
        name: 'ผ.02',
        beyond: false,
        organisation: 'องค์การบริหารส่วนตำบลหนองบัว อำเภอทุ่งทอง จังหวัดกำแพงเพชร',
        provincial: 'ง. ยุทธศาสตร์จังหวัดที่ 3 การพัฒนาโครงสร้างพื้นฐาน',
        years: [2566, 2567, 2568, 2569, 2570],
        projects: [
          {
            name: 'ขุดลอกลำเหมืองสาธารณะเพื่อการเกษตร หมู่ที่ 2',
            objective: 'เพื่อการเกษตร',
            target: 'ยาว 1,000 ม.',
            budgets: ['-', '-', '-', 700000, '-'],
            agency: 'กองช่าง',
          },
        ],
      }),
    ],
  };
}

describe('place-aware duplicates', () => {
  const DITCH = 'ขุดลอกลำเหมืองสาธารณะเพื่อการเกษตร';
  const PLACES = {
    บ้านใหม่: { province: '62', district: '6208', tambon: '620803' },
    หนองบัว: { province: '62', district: '6208', tambon: '620805' },
  };

  /** The run with the gazetteer's codes set on the rows (places/ fills them in extraction). */
  function runWithPlaces(place: (file: string) => (typeof PLACES)[keyof typeof PLACES] | undefined, dropTambon = false): ConsolidateResult {
    const run = new Consolidation();
    [banMaiTambonPlan(), nongbuaLocalPlan()].map(viaXlsx).forEach((wb, i) => {
      const ex = extractInput(inputOf(wb, i));
      for (const c of ex.candidates) {
        const p = place(c.src.file);
        if (p) c.place = p;
        if (dropTambon && c.role === 'need') delete c.tambon;
      }
      run.addExtracted(ex);
    });
    return run.finish();
  }
  const ditchOf = (r: ConsolidateResult): NeedsItem => r.items.find((i) => i.name.startsWith(DITCH))!;

  test('comparePlaces: codes first, then tambon names, else unknown', () => {
    expect(comparePlaces({ place: { tambon: '620803' } }, { place: { tambon: '620805' } })).toBe('different');
    expect(comparePlaces({ place: { district: '6208' }, tambon: 'นาดี' }, { place: { district: '6201' }, tambon: 'นาดี' })).toBe('different');
    expect(comparePlaces({ place: { tambon: '620803' }, tambon: 'ก' }, { place: { tambon: '620803' }, tambon: 'ข' })).toBe('same');
    expect(comparePlaces({ tambon: 'นาดี' }, { tambon: 'นาดี' })).toBe('same');
    expect(comparePlaces({ tambon: 'นาดี' }, { tambon: 'หนองบัว' })).toBe('different');
    expect(comparePlaces({ tambon: 'นาดี' }, {})).toBe('unknown');
    expect(comparePlaces({ place: { province: '62' } }, { place: { province: '62' } })).toBe('unknown');
  });

  test('the issue’s ditch in ตำบลบ้านใหม่ stays in the FY 2569 totals beside อบต.หนองบัว’s ผ.02', async () => {
    const plain = await consolidate([banMaiTambonPlan(), nongbuaLocalPlan()].map(viaXlsx).map(inputOf));
    expect(ditchOf(plain).inTotals).toBe(true);
    expect(plain.totals[2569]).toBe(850_000);
    expect(ditchOf(plain).remarks.join('\n')).not.toMatch(/ไม่นับยอด/);
  });

  test('different tambon codes: never paired, counted', () => {
    const r = runWithPlaces((f) => (f.includes('บ้านใหม่') ? PLACES['บ้านใหม่'] : PLACES['หนองบัว']));
    expect(ditchOf(r).inTotals).toBe(true);
    expect(r.totals[2569]).toBe(850_000);
    expect(r.duplicates).toEqual([]);
  });

  test('an unknown place: flagged "possible", still counted', () => {
    const r = runWithPlaces(() => undefined, true);
    expect(ditchOf(r).inTotals).toBe(true);
    expect(r.duplicates.map((d) => [d.confidence, d.localPlan])).toEqual([['possible', true]]);
    expect(ditchOf(r).remarks.join('\n')).toContain('อาจมีในแผนพัฒนาท้องถิ่นของ');
  });

  test('the same tambon code: already in the local plan, out of the totals (the rule still holds)', () => {
    const r = runWithPlaces(() => PLACES['หนองบัว']);
    expect(ditchOf(r).inTotals).toBe(false);
    expect(r.totals[2569]).toBe(0);
  });

  test('two requests of unknown place are not merged on their name alone', () => {
    const run = new Consolidation();
    FOUR.slice(0, 3).forEach((wb, i) => {
      const ex = extractInput(inputOf(wb, i));
      if (wb.name === 'แผนพัฒนาตำบลนาดี.xlsx') for (const c of ex.candidates) delete c.tambon;
      run.addExtracted(ex);
    });
    const r = run.finish();
    const roads = r.items.filter((i) => i.name.startsWith(ROAD) && (i.village ?? 3) === 3 && i.tambon !== 'หนองบัว');
    expect(roads).toHaveLength(2);
    expect(roads.every((i) => i.inTotals && !i.conflict)).toBe(true);
    expect(r.duplicates.some((d) => d.confidence === 'possible' && d.items.every((m) => m.name.startsWith(ROAD)))).toBe(true);
  });
});

/** The row of หมู่ที่ 3's road in a needs table, its columns found by header (the table's order is free). */
function roadRowOf(sheet: SheetModel): number {
  const name = headerCol(sheet, 'โครงการ');
  const village = headerCol(sheet, 'หมู่ที่');
  return sheet.rows.findIndex((row) => row?.[name]?.w?.startsWith(ROAD) && row?.[village]?.w === '3');
}

function headerCol(sheet: SheetModel, header: string): number {
  for (let r = 0; r < 10; r++) {
    const c = (sheet.rows[r] ?? []).findIndex((x) => x?.w === header);
    if (c >= 0) return c;
  }
  throw new Error(`no header ${header}`);
}
