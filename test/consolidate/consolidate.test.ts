import {
  consolidate,
  consolidateCandidates,
  consolidateJson,
  MAX_POSSIBLE,
  needsWorkbook,
  NEEDS_SHEET,
  type ConsolidateInput,
  type ConsolidateResult,
} from '../../src/engine/consolidate';
import { compare, findMatches } from '../../src/engine/consolidate/dedupe';
import { amountWidth } from '../../src/engine/consolidate/table';
import type { Candidate } from '../../src/engine/consolidate/extract';
import { readPlanSheet } from '../../src/engine/forms/read';
import type { OutCell } from '../../src/engine/output';
import { OutSheetSchema } from '../../src/engine/output-schema';
import type { StrategyList } from '../../src/engine/strategy/model';
import { allWorkbooks, candidate } from './fixtures';
import { roundTrip } from '../roundtrip/fixtures';

const checksum = (i: number) => i.toString(16).padStart(64, '0');

function inputs(): ConsolidateInput[] {
  const list: ConsolidateInput[] = allWorkbooks().map((wb, i) => ({ file: wb.name, checksum: checksum(i + 1), workbook: wb }));
  list.splice(2, 0, {
    file: 'เสีย.xlsx',
    checksum: checksum(99),
    error: { code: 'not-zip', message: 'ไฟล์ เสีย.xlsx ไม่ใช่ไฟล์ .xlsx', messageEn: 'เสีย.xlsx is not an .xlsx file' },
  });
  return list;
}

const value = (c: OutCell | undefined): unknown => (c !== null && typeof c === 'object' ? c.value : c);

let result: ConsolidateResult;
beforeAll(async () => {
  result = await consolidate(inputs());
});

const byName = (name: string) => result.items.find((i) => i.name === name)!;

test('inputs: ok, failed, skipped, with sheet kinds', () => {
  const st = Object.fromEntries(result.inputs.map((i) => [i.file, i.status]));
  expect(st).toEqual({
    'อบต.นาดี.xlsx': 'ok',
    'ทต.หนองบัว.xlsx': 'ok',
    'เสีย.xlsx': 'failed',
    'แผนพัฒนาตำบลนาดี.xlsx': 'ok',
    'แผนชุมชนตำบลหนองบัว.xlsx': 'ok',
    'รายชื่อผู้เข้าประชุม.xlsx': 'skipped',
  });
  const nadi = result.inputs.find((i) => i.file === 'อบต.นาดี.xlsx')!;
  expect(nadi.sheets.map((s) => [s.kind, s.projects, s.taken])).toEqual([
    ['local-plan', 2, 0],
    ['local-plan-beyond', 4, 4],
  ]);
  const input = (file: string) => result.inputs.find((i) => i.file === file)!;
  expect(input('เสีย.xlsx').error?.code).toBe('not-zip');
  expect(input('รายชื่อผู้เข้าประชุม.xlsx').sheets[0].note).toMatch(/^ไม่ใช่แบบแผนที่มีรายการโครงการ \(.+\)$/);
  // Notes in English too, for the task pane's English mode and --json.
  expect(input('รายชื่อผู้เข้าประชุม.xlsx').sheets[0].noteEn).toMatch(/^Not a plan form with project rows \(.+\)$/);
  expect([input('รายชื่อผู้เข้าประชุม.xlsx').note, input('รายชื่อผู้เข้าประชุม.xlsx').noteEn]).toEqual([
    'ไม่พบชีตแผนที่มีรายการโครงการ',
    'No plan sheet with project rows',
  ]);
  expect(input('อบต.นาดี.xlsx').sheets[0].noteEn).toMatch(/^Local development plan/);
  // Tambon plans: only the support / beyond-capacity projects.
  expect(input('แผนพัฒนาตำบลนาดี.xlsx').taken).toBe(4);
  expect(input('แผนชุมชนตำบลหนองบัว.xlsx').taken).toBe(3);
});

test('needs items, merged duplicates and totals to the baht', () => {
  expect(result.items).toHaveLength(10);
  expect(result.years).toEqual([2566, 2567, 2568, 2569, 2570]);
  expect(result.totals).toEqual({ 2566: 0, 2567: 6_650_000, 2568: 7_700_000, 2569: 2_000_000, 2570: 0 });
  const road3 = byName('ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3');
  // The อบต.'s row is kept (first source); the tambon plan's row is listed as a second source.
  expect(road3.sources.map((s) => [s.file, s.row])).toEqual([
    ['อบต.นาดี.xlsx', 15],
    ['แผนพัฒนาตำบลนาดี.xlsx', 5],
  ]);
  expect(road3.budgets[2567]).toBe(2_500_000);
  expect(road3.priority).toBe('1');
  expect(road3.village).toBe(3);
  expect(road3.tambon).toBe('นาดี');
  // Thai digits in the amount cell.
  expect(byName('ขุดลอกคลองนาดี หมู่ที่ ๕').budgets[2567]).toBe(800_000);
  // Already in the อบต.'s own plan: listed, not counted.
  const water = byName('ก่อสร้างระบบประปาหมู่บ้าน หมู่ที่ 2');
  expect(water.inTotals).toBe(false);
  expect(water.remarks.join(' ')).toContain('มีในแผนพัฒนาท้องถิ่นของ องค์การบริหารส่วนตำบลนาดี');
  // Excluded classifications do not come in.
  expect(result.items.find((i) => i.name.includes('อาชีพเสริม'))).toBeUndefined();
  expect(result.items.find((i) => i.name.includes('ปุ๋ยหมัก'))).toBeUndefined();
});

test('near misses stay apart: another village, another tambon', () => {
  const roads = result.items.filter((i) => /บ้านนา.?-?.?บ้านดอน/.test(i.name.replace(/\s/g, '')) || i.name.includes('บ้านนา'));
  const keys = roads.map((r) => `${r.tambon}/${r.village}`).sort();
  expect(keys).toEqual(['นาดี/3', 'นาดี/4', 'หนองบัว/3']);
  const v4 = roads.find((r) => r.village === 4)!;
  expect(v4.sources).toHaveLength(2); // ผ.02/2 หมู่ที่ 4 + tambon plan "ช่วงที่ 2" (likely)
});

test('duplicate groups: exact, likely, possible, local plan', () => {
  const sig = result.duplicates.map(
    (d) =>
      `${d.confidence}${d.merged ? '+merged' : ''}${d.localPlan ? '+local' : ''}:${d.items.map((m) => `${m.file}#${m.row}`).join(',')}`,
  );
  expect(sig).toEqual([
    // Listed in the canonical order of the files (by name), whatever order they were given in.
    'exact+merged:ทต.หนองบัว.xlsx#15,แผนชุมชนตำบลหนองบัว.xlsx#11',
    'exact+merged:ทต.หนองบัว.xlsx#16,แผนชุมชนตำบลหนองบัว.xlsx#12',
    'exact+merged:อบต.นาดี.xlsx#15,แผนพัฒนาตำบลนาดี.xlsx#5',
    'exact+local:อบต.นาดี.xlsx#18,อบต.นาดี.xlsx#14',
    'likely+merged:อบต.นาดี.xlsx#16,แผนพัฒนาตำบลนาดี.xlsx#9',
    'possible:อบต.นาดี.xlsx#17,แผนพัฒนาตำบลนาดี.xlsx#6',
  ]);
  // Possible duplicates are both counted and flagged for the officer.
  const weir = byName('ขุดลอกคลองนาดี พร้อมก่อสร้างฝายชะลอน้ำ');
  expect(weir.inTotals).toBe(true);
  expect(weir.remarks.join(' ')).toContain('อาจซ้ำ');
});

test('grouped by provincial development issue, ไม่ระบุ last', () => {
  expect(result.groups.map((g) => [g.code, g.items.length, g.counted])).toEqual([
    ['2', 1, 1],
    ['3', 5, 4],
    ['4', 3, 3],
    [null, 1, 1],
  ]);
  expect(result.groups[3].label).toBe('ไม่บุ'.replace('ไม่บุ', 'ไม่ระบุ'));
  expect(result.groups[1].totals).toEqual({ 2566: 0, 2567: 3_300_000, 2568: 2_700_000, 2569: 0, 2570: 0 });
  // Within a group, priority 1 before 2 before unnumbered.
  expect(result.groups[1].items[0].priority).toBe('1');
});

test("the needs table read back (a re-run, the province): the proposer's whole line from its hidden column, the issue by number", () => {
  const wb = roundTrip(needsWorkbook(result, { district: 'อำเภอเมือง' }), 'needs.xlsx');
  const table = readPlanSheet(wb.sheets.find((s) => s.name === NEEDS_SHEET)!);
  const road = table.projects.find((p) => p.name === 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3')!;
  // Readers take the first อปท./ผู้เสนอ column: the whole line, not the printed "อบต.นาดี".
  expect(road.proposer).toBe('องค์การบริหารส่วนตำบลนาดี อำเภอเมือง จังหวัดสุราษฎร์ธานี');
  expect(road.link).toBe('3 การเชื่อมโยงเส้นทางคมนาคมและศูนย์โลจิสติกส์ภาคใต้ตอนบน');
});

test("printed only when they tell the page something: นับยอด while a need is not counted, อำเภอ in a province's table", () => {
  const printedHeaders = (wb: ReturnType<typeof needsWorkbook>): string[] => {
    const s = wb.sheets[0];
    const hidden = new Set(s.hiddenCols);
    const row = s.rows[s.table!.headerRow].map(value);
    return row.slice(0, s.page!.columns).flatMap((h, c) => (hidden.has(c) ? [] : [String(h)]));
  };
  expect(result.items.some((i) => !i.inTotals)).toBe(true);
  expect(printedHeaders(needsWorkbook(result, { district: 'อำเภอเมือง' }))).toContain('นับยอด');
  const counted = { ...result, items: result.items.map((i) => ({ ...i, inTotals: true })) };
  expect(printedHeaders(needsWorkbook(counted, { district: 'อำเภอเมือง' }))).not.toContain('นับยอด');
  // One district's needs: no อำเภอ on its own paper, whether or not the needs name it; a province's table prints it.
  const named = { ...result, items: result.items.map((i) => ({ ...i, district: 'เมืองสุราษฎร์ธานี' })) };
  expect(printedHeaders(needsWorkbook(named, { district: 'อำเภอเมือง' }))).not.toContain('อำเภอ');
  expect(printedHeaders(needsWorkbook(named, { province: 'สุราษฎร์ธานี' }))).toContain('อำเภอ');
});

test('needs workbook: sheets, grouped rows, totals, plain strings', () => {
  const wb = needsWorkbook(result, { district: 'อำเภอเมือง' });
  expect(wb.sheets.map((s) => s.name)).toHaveLength(4);
  for (const s of wb.sheets) expect(() => OutSheetSchema.parse(s)).not.toThrow();
  const needs = wb.sheets[0];
  expect(needs.name).toBe(NEEDS_SHEET);
  // Title, fiscal years, the ก.บ.อ. approval line, the run's line, then the header.
  expect(needs.freezeRows).toBe(5);
  expect(needs.page).toMatchObject({ orientation: 'landscape', fitWidth: true, footer: 'หน้า &P/&N' });
  expect(needs.fitRows).toBe(true);
  expect(needs.font?.name).toBe('TH Sarabun New');
  expect(needs.table?.headerRow).toBe(4);
  const header = needs.rows[4].map(value);
  // Printed columns add up to 118 units (77 % on A4 landscape); the long free texts and the working columns
  // are outside the print area.
  const printed = needs.page!.columns!;
  const hidden = new Set(needs.hiddenCols);
  expect(needs.colWidths!.slice(0, printed).reduce((a, w, c) => a + (hidden.has(c) ? 0 : w), 0)).toBe(118);
  expect(header.slice(printed)).toEqual(expect.arrayContaining(['วัตถุประสงค์', 'เป้าหมาย (ผลผลิตของโครงการ)', 'หมายเหตุ']));
  expect(header.slice(printed - 5, printed)).toEqual([
    'นับยอด',
    'ลำดับความสำคัญของอำเภอ',
    'ส่งถึง (ผู้รับเรื่อง)',
    'หน่วยงานที่จะขอประสาน',
    'อยู่ในแผนพัฒนาอำเภอ',
  ]);
  expect(header.slice(printed)).toContain('ที่มา (ไฟล์ / ชีต / แถว)');
  // Hidden from print, kept in the sheet: the proposer's whole line (its short form prints beside it),
  // the years no need asks an amount for, the columns no need fills (อำเภอ in a district's own table,
  // the in-plan mark without a district plan).
  expect([...hidden].map((c) => header[c])).toEqual([
    'อำเภอ',
    'อปท./ผู้เสนอ',
    'ปีงบประมาณ 2566 (บาท)',
    'ปีงบประมาณ 2570 (บาท)',
    'อยู่ในแผนพัฒนาอำเภอ',
  ]);
  const road = needs.rows.find((r) => value(r[1]) === 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3')!;
  const at = (h: string) => value(road[header.indexOf(h)]);
  expect(at('อปท./ผู้เสนอ')).toBe('องค์การบริหารส่วนตำบลนาดี อำเภอเมือง จังหวัดสุราษฎร์ธานี');
  expect(at('อปท./ผู้เสนอ (ย่อ)')).toBe('อบต.นาดี');
  expect(at('ประเด็นการพัฒนาจังหวัด')).toBe('3 การเชื่อมโยงเส้นทางคมนาคมและศูนย์โลจิสติกส์ภาคใต้ตอนบน');
  expect(at('หน่วยงานที่จะขอประสาน')).toBe('กรมทางหลวงชนบท');
  expect(at('ปีงบประมาณ 2566 (บาท)')).toBe(0); // a hidden year keeps its zeros
  // The signature block closes the table.
  expect(needs.rows.slice(-3).map((r) => String(value(r[0])))).toEqual([
    expect.stringMatching(/^ลงชื่อ \.+ ผู้จัดทำ$/),
    expect.stringMatching(/^\( \.+ \)$/),
    expect.stringMatching(/^ตำแหน่ง \.+$/),
  ]);
  expect(header.slice(0, 2)).toEqual(['ที่', 'โครงการ']);
  const y2567 = header.findIndex((h) => String(h).includes('2567'));
  const grand = needs.rows.find((r) => value(r[1]) === 'รวมทั้งสิ้น')!;
  expect(value(grand[y2567])).toBe(6_650_000);
  const amountCell = grand[y2567] as { style?: { numFmt?: string } };
  expect(amountCell.style?.numFmt).toBe('#,##0;-#,##0;"-"'); // zero prints "-", the cell stays a number
  const subtotals = needs.rows.filter((r) => String(value(r[1])).startsWith('รวม ประเด็น') || value(r[1]) === 'รวม ไม่ระบุ');
  expect(subtotals).toHaveLength(4);
  // A project named like a formula stays a string cell without a formula.
  const all = wb.sheets.flatMap((s) => s.rows.flat());
  expect(all.some((c) => c !== null && typeof c === 'object' && c.formula)).toBe(false);
  const hyper = all.find((c) => typeof value(c) === 'string' && String(value(c)).includes('=HYPERLINK'));
  expect(hyper).toBeDefined();
  // Sources sheet: every file with status and checksum.
  const sources = wb.sheets[3];
  expect(sources.rows.slice(2).map((r) => value(r[1]))).toEqual(result.inputs.map((i) => i.file));
  expect(sources.rows.slice(2).map((r) => value(r[8]))).toContain(checksum(99));
  // Summary like ผ.01: last row รวมทั้งสิ้น with counted projects and budgets.
  const summary = wb.sheets[1];
  const last = summary.rows.find((r) => value(r[0]) === 'รวมทั้งสิ้น')!.map(value);
  expect(last[last.length - 2]).toBe(9);
  expect(last[last.length - 1]).toBe(6_650_000 + 7_700_000 + 2_000_000);
});

test('the summary counts, per issue and year, the counted needs that ask more than 0 that year', () => {
  // Varied: needs left out of the totals, amounts records shared between needs (as extract.ts shares
  // equal amounts), years asked 0 and years not asked at all.
  const shared: Record<number, number> = { 2567: 0, 2568: 500_000 };
  const groups = result.groups.map((g, gi) => ({
    ...g,
    items: g.items.map((it, k) => ({ ...it, inTotals: (gi + k) % 3 !== 0, budgets: k % 2 ? shared : it.budgets })),
  }));
  const varied: ConsolidateResult = { ...result, groups, items: groups.flatMap((g) => g.items) };
  const summary = needsWorkbook(varied).sheets[1];
  expect(groups.length).toBeGreaterThan(2);
  for (const g of groups) {
    const row = summary.rows.find((r) => value(r[0]) === g.label)!.map(value);
    const counted = g.items.filter((it) => it.inTotals);
    const counts = varied.years.map((y) => counted.filter((it) => (it.budgets[y] ?? 0) > 0).length);
    expect([g.label, row.filter((_, i) => i % 2 === 1)]).toEqual([g.label, [...counts, counted.length]]);
  }
});

test('the amount columns are as wide as the largest amount any need asks, counted or not, however the needs are listed', () => {
  const years = result.years;
  const big = 98_765_432_100;
  // The largest amount in a need left out of the totals, its record shared with another need.
  const record: Record<number, number> = { [years[2]]: big, [years[3]]: 5 };
  const groups = result.groups.map((g, gi) => ({
    ...g,
    items: g.items.map((it, k) => (gi === 1 && k < 2 ? { ...it, inTotals: k === 1, budgets: record } : it)),
  }));
  const inOrder: ConsolidateResult = { ...result, groups, items: groups.flatMap((g) => g.items) };
  // The needs listed in another order than their groups', one more in no group asking ten times more.
  const extra = { ...result.items[0], budgets: { [years[0]]: big * 10 } };
  const listed: ConsolidateResult = { ...inOrder, items: [...inOrder.items].reverse().concat(extra) };
  const yearWidths = (r: ConsolidateResult): number[] => {
    const needs = needsWorkbook(r).sheets[0];
    const header = needs.rows.find((row) => value(row[0]) === 'ที่')!.map(value);
    return header.flatMap((h, c) => (String(h).startsWith('ปีงบประมาณ') ? [needs.colWidths![c]] : []));
  };
  const widest = (r: ConsolidateResult) => Math.max(...r.items.flatMap((it) => years.map((y) => it.budgets[y] ?? 0)));
  expect(widest(inOrder)).toBe(big);
  expect(widest(listed)).toBe(big * 10);
  expect(yearWidths(inOrder)).toEqual(years.map(() => amountWidth(big, 12)));
  expect(yearWidths(listed)).toEqual(years.map(() => amountWidth(big * 10, 12)));
  expect(amountWidth(big * 10, 12)).toBeGreaterThan(amountWidth(big, 12));
});

test('JSON shape for the CLI', () => {
  const j = consolidateJson(result, 'needs.xlsx');
  expect(j.needs.projects).toBe(10);
  expect(j.needs.totals).toEqual({ '2566': 0, '2567': 6650000, '2568': 7700000, '2569': 2000000, '2570': 0 });
  expect(j.inputs.find((i) => i.file === 'เสีย.xlsx')).toMatchObject({ file: 'เสีย.xlsx', status: 'failed', error: { code: 'not-zip' } });
  expect(j.needs.items[0]).toHaveProperty('strategy');
  expect(j.duplicates[0].items[0]).toEqual({ file: 'ทต.หนองบัว.xlsx', sheet: 'ผ02_2', row: 15, name: expect.any(String) });
  expect(j.output).toBe('needs.xlsx');
});

test('strategy list: links resolved, unknown and missing reported', async () => {
  const list: StrategyList = {
    issues: [
      { code: '1', name: 'การเพิ่มศักยภาพการแข่งขันภาคเกษตร และอุตสาหกรรมเกษตร' },
      { code: '2', name: 'การส่งเสริมอุตสาหกรรมบริการและการท่องเที่ยวที่ยั่งยืน' },
      { code: '3', name: 'การเชื่อมโยงเส้นทางคมนาคมและศูนย์โลจิสติกส์ภาคใต้ตอนบน' },
      { code: '5', name: 'การสร้างฐานทรัพยากรธรรมชาติที่มั่นคง' },
    ],
  };
  const r = await consolidate(inputs(), { strategies: list });
  const statuses = r.strategyMismatches.map((m) => m.status);
  expect(statuses.filter((s) => s === 'unknown')).toHaveLength(3); // ทต.หนองบัว: ยุทธศาสตร์จังหวัดที่ 4
  expect(r.strategyMismatches.find((m) => m.name.startsWith('ติดตั้งไฟฟ้า'))).toBeDefined();
});

test('progress and cancel', async () => {
  const seen: Array<[number, number]> = [];
  await consolidate(inputs(), { onProgress: (d, t) => seen.push([d, t]) });
  expect(seen[0]).toEqual([0, 6]);
  expect(seen[seen.length - 1]).toEqual([6, 6]);
  const ctl = new AbortController();
  const p = consolidate(inputs(), { signal: ctl.signal, onProgress: (d) => d === 2 && ctl.abort() });
  await expect(p).rejects.toMatchObject({ name: 'AbortError' });
});

test('support words are a setting', async () => {
  const r = await consolidate(inputs(), { classWords: { pao: [], agency: [], support: ['ดำเนินการเอง'] } });
  expect(r.items.find((i) => i.name.includes('อาชีพเสริม'))).toBeDefined();
  expect(r.items.find((i) => i.name.startsWith('ติดตั้งไฟฟ้า'))).toBeUndefined();
});

test('a district needs table is a valid input (re-reading our own output)', async () => {
  const wb = needsWorkbook(result);
  const { sheetFromValues } = await import('../../src/engine/model');
  const values = wb.sheets[0].rows.map((r) => r.map((c) => value(c) as string | number | null));
  const merges = wb.sheets[0].merges ?? [];
  const sheet = sheetFromValues(NEEDS_SHEET, values, merges);
  const plan = readPlanSheet(sheet);
  expect(plan.kind).toBe('district-needs');
  const again = await consolidate([{ file: 'needs.xlsx', checksum: checksum(7), workbook: { name: 'needs.xlsx', sheets: [sheet] } }]);
  expect(again.items).toHaveLength(10);
  // The need already in a local plan is written "ไม่นับ" and stays out of the totals read back.
  expect(again.totals[2567]).toBe(6_650_000);
  expect(again.totals[2568]).toBe(7_700_000);
  expect(again.items.filter((i) => !i.inTotals).map((i) => i.name)).toEqual(['ก่อสร้างระบบประปาหมู่บ้าน หมู่ที่ 2']);
});

describe('blocking scales linearly', () => {
  const cand = (i: number, name: string, village: number | undefined, tambon: string) => candidate(i, name, village, tambon, 'set');
  test('20,000 projects with heavy vocabulary overlap: every pair respects village and tambon', () => {
    const works = ['ก่อสร้างถนน คสล.', 'ขุดลอกคลอง', 'ก่อสร้างรางระบายน้ำ', 'ติดตั้งไฟฟ้าส่องสว่าง', 'ขยายเขตประปา', 'ปรับปรุงศาลาประชาคม'];
    const places = ['บ้านนา', 'บ้านดอน', 'หนองบัว', 'ห้วยทราย', 'โคกสูง', 'ท่าช้าง', 'นาดี', 'วังน้ำ'];
    const cands: Candidate[] = [];
    for (let i = 0; i < 20000; i++) {
      const name = `${works[i % works.length]} สาย${places[i % 8]}-${places[(i >> 3) % 8]} ซอย ${i % 97} หมู่ที่ ${(i % 15) + 1}`;
      cands.push(cand(i, name, (i % 15) + 1, `ตำบล${i % 40}`));
    }
    const matches = findMatches(cands);
    // Every reported pair respects village and tambon.
    const bad = matches.filter((m) => cands[m.a].village !== cands[m.b].village || cands[m.a].tambon !== cands[m.b].tambon);
    expect(bad).toHaveLength(0);
    expect(matches.length).toBeGreaterThan(0);
  });
});

describe('duplicates within one village', () => {
  const mk = candidate;
  const sig = (cs: Candidate[]) => findMatches(cs).map((m) => `${m.a}-${m.b}:${m.confidence}`);

  test('words replaced on both sides are not merged: another soi, another landmark', () => {
    const cs = [
      mk(0, 'ก่อสร้างอาคาร รพ.สต. และจัดหาครุภัณฑ์การแพทย์ บ้านคลองตะเคียน ซอย 21 ข้างโรงสีข้าว หมู่ที่ 3 ตำบลนาดี (ช่วงที่ 2 ต่อจากโครงการเดิม)', 3, 'นาดี'),
      mk(1, 'ก่อสร้างอาคาร รพ.สต. และจัดหาครุภัณฑ์การแพทย์ บ้านท่าข้าม ซอย 28 ข้างวัด หมู่ที่ 3 ตำบลนาดี (ช่วงที่ 3 ต่อจากโครงการเดิม)', 3, 'นาดี'),
      mk(2, 'ก่อสร้างระบบประปาหมู่บ้านแบบผิวดินขนาดใหญ่ บ้านป่าแดง ซอย 8 ริมคลองชลประทาน หมู่ที่ 3 ตำบลนาดี', 3, 'นาดี'),
      mk(3, 'ก่อสร้างระบบประปาหมู่บ้านแบบผิวดินขนาดใหญ่ บ้านเขาแก้ว ซอย 7 ไปวัดป่า หมู่ที่ 3 ตำบลนาดี', 3, 'นาดี'),
      // One name adds words to the other: the same project written twice.
      mk(4, 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 4', 4, 'นาดี'),
      mk(5, 'ก่อสร้างถนน คสล.สายบ้านนา–บ้านดอน ช่วงที่ 2', 4, 'นาดี'),
    ];
    // 0-1 share 80 % of their words but each has its own place, soi and phase: flagged, not merged.
    expect(sig(cs)).toEqual(['0-1:possible', '4-5:likely']);
  });

  test('a word cut short in a truncated cell ("พัฒน" / "พัฒนา"): possible, never merged', () => {
    // From the real workbook: the second cell was cut off mid-word.
    const cs = [
      mk(0, 'ปรับปรุงท่อประปาชุมชนหนองสาหร่ายพัฒนา', 5, 'ปากน้ำโพ'),
      mk(1, 'ปรับปรุงท่อประปาชุมชนหนองสาหร่ายพัฒน (บริเวณวงษ์ทองเจริญ)', 5, 'ปากน้ำโพ'),
      // Not a cut word: "สายที่ 1" and "สายที่ 2" are two cables on two roads.
      mk(2, 'จัดทำระบบสายสื่อสารรวมใต้ดินสายที่ 1 ถนนวงศ์สวรรค์', 5, 'ปากน้ำโพ'),
      mk(3, 'จัดทำระบบสายสื่อสารรวมใต้ดินสายที่ 2 ถนนดาวดึงส์', 5, 'ปากน้ำโพ'),
    ];
    expect(sig(cs)).toEqual(['0-1:possible']);
    expect(compare(cs[0], cs[1])?.confidence).toBe('possible');
    expect(compare(cs[2], cs[3])).toBeNull();
  });

  test('possible duplicates: at most MAX_POSSIBLE listed per item, the rest counted in a remark', () => {
    const cs = [1, 2, 3, 4, 5, 6].map((k) => mk(k - 1, `ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนา-บ้านดอน ข้างวัดป่า ซอย ${k} หมู่ที่ 5`, 5, 'นาดี'));
    expect(findMatches(cs)).toHaveLength(15); // every pair: another soi, Dice ≥ 0.8
    const res = consolidateCandidates([], cs);
    expect(res.items).toHaveLength(6); // none merged
    const pairs = res.duplicates.filter((d) => d.confidence === 'possible');
    const per = new Map<number, number>();
    for (const d of pairs) for (const m of d.items) per.set(m.itemId!, (per.get(m.itemId!) ?? 0) + 1);
    expect(Math.max(...per.values())).toBe(MAX_POSSIBLE);
    expect(pairs.length).toBeLessThan(15);
    const capped = res.items.filter((i) => i.remarks.some((r) => r.startsWith('และอาจซ้ำกับโครงการอื่นอีก')));
    expect(capped.length).toBeGreaterThan(0);
    for (const it of res.items) {
      const listed = it.remarks.filter((r) => r.startsWith('อาจซ้ำกับ')).length;
      const more = Number(/อีก (\d+) รายการ/.exec(it.remarks.join(' '))?.[1] ?? 0);
      expect(listed + more).toBe(5); // every other item, listed or counted
    }
  });

  test('the village block is per tambon: หมู่ที่ 3 of 2,000 tambons is not one block', () => {
    const cs: Candidate[] = [];
    for (let t = 0; t < 2000; t++) {
      cs.push(mk(cs.length, `ปรับปรุงศาลาประชาคม หมู่ที่ 3`, 3, `ตำบล${t}`));
      cs.push(mk(cs.length, `ขุดลอกหนองสาธารณะประจำหมู่บ้าน หมู่ที่ 3`, 3, `ตำบล${t}`));
    }
    // The same text in every tambon: only pairs inside one tambon (none here) may match.
    expect(findMatches(cs)).toEqual([]);
    // and the same village of one tambon still meets: a copy of row 0 in tambon 0.
    cs.push(mk(cs.length, 'ปรับปรุงศาลาประชาคม หมู่ที่ 3', 3, 'ตำบล0'));
    expect(sig(cs)).toEqual([`0-${cs.length - 1}:exact`]);
  });
});

test('a name written in 2,000 tambons: each tambon still finds its own copies', () => {
  const mk = (i: number, village: number | undefined, tambon: string) => candidate(i, 'ปรับปรุงศาลาประชาคม', village, tambon);
  const cs: Candidate[] = [];
  for (let t = 0; t < 2000; t++) cs.push(mk(cs.length, undefined, `ตำบล${t}`));
  cs.push(mk(cs.length, undefined, 'ตำบล0'));
  // No village: only the name block can bring row 0 and its copy (row 2000) together.
  expect(findMatches(cs).map((m) => `${m.a}-${m.b}:${m.confidence}`)).toEqual(['0-2000:exact']);
});
