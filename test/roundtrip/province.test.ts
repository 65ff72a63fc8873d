/**
 * The province rolls up its districts' needs workbooks (as OnePlan writes them) with the same tool:
 * every need once with its district, the district's rank and proposer; kept-out needs stay out; the
 * province's totals are the districts' sums; needs two districts both ask for are reported, not merged;
 * and the province's table is itself valid input one level up.
 */
import { consolidate, needsWorkbook, type ConsolidateResult } from '../../src/engine/consolidate';
import { readPlanSheet } from '../../src/engine/forms/read';
import type { WorkbookModel } from '../../src/engine/model';
import { validateWorkbook } from '../../src/engine/validate';
import { ROUTE_LABEL } from '../../src/engine/classification';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeXlsx } from '../../src/xlsx/write';
import { inputsOf, muangDistrict, phunphinDistrict, roundTrip, type District } from './fixtures';

let muang: District;
let phunphin: District;
let province: ConsolidateResult;
let written: WorkbookModel;

beforeAll(async () => {
  muang = await muangDistrict();
  phunphin = await phunphinDistrict();
  province = await consolidate([
    { file: 'แผนความต้องการ อ.เมือง.xlsx', checksum: '1'.repeat(64), workbook: muang.workbook },
    { file: 'แผนความต้องการ อ.พุนพิน.xlsx', checksum: '2'.repeat(64), workbook: phunphin.workbook },
  ]);
  written = roundTrip(needsWorkbook(province, { province: 'สุราษฎร์ธานี' }), 'แผนความต้องการ จ.สุราษฎร์ธานี.xlsx');
});

const counted = (r: ConsolidateResult): number => r.items.filter((i) => i.inTotals).length;

test('every need comes once, with its district from the table title', () => {
  expect(phunphin.result.items.filter((i) => !i.inTotals).map((i) => i.name)).toEqual(['ก่อสร้างอาคารอเนกประสงค์ หมู่ที่ 2']);
  expect(province.items).toHaveLength(muang.result.items.length + phunphin.result.items.length);
  const byDistrict = (d: string) =>
    province.items
      .filter((i) => i.district === d)
      .map((i) => i.name)
      .sort();
  expect(byDistrict('อำเภอเมืองสุราษฎร์ธานี')).toEqual(muang.result.items.map((i) => i.name).sort());
  expect(byDistrict('อำเภอพุนพิน')).toEqual(phunphin.result.items.map((i) => i.name).sort());
  // In the canonical order of the files (by name: "…อ.พุนพิน" before "…อ.เมือง"), not the order given.
  expect(province.inputs.map((i) => i.district)).toEqual(['อำเภอพุนพิน', 'อำเภอเมืองสุราษฎร์ธานี']);
});

test("kept-out needs stay out and the province's totals are the districts' sums", () => {
  expect(counted(province)).toBe(counted(muang.result) + counted(phunphin.result));
  for (const y of province.years) expect(province.totals[y]).toBe((muang.result.totals[y] ?? 0) + (phunphin.result.totals[y] ?? 0));
  // The figures of the issue: 2568 is 7,700,000 for อำเภอเมือง (1,200,000 kept out), not 8,900,000.
  expect(muang.result.totals[2568]).toBe(7_700_000);
  expect(province.totals[2568]).toBe(7_700_000);
  expect(province.totals[2567]).toBe(6_650_000 + 5_000_000 + 800_000);
  const kept = province.items.filter((i) => !i.inTotals).map((i) => `${i.district}: ${i.name}`);
  expect(kept.sort()).toEqual(['อำเภอพุนพิน: ก่อสร้างอาคารอเนกประสงค์ หมู่ที่ 2', 'อำเภอเมืองสุราษฎร์ธานี: ก่อสร้างระบบประปาหมู่บ้าน หมู่ที่ 2']);
});

test("each need keeps its proposer, agency, and the district's rank as its source's", () => {
  for (const d of [muang, phunphin]) {
    // Province ids follow the input rows: the district's table order.
    const mine = province.items.filter((i) => i.district === `อำเภอ${d.name}`).sort((a, b) => a.id - b.id);
    d.result.items.forEach((it, k) => {
      const p = mine[k];
      expect(p.name).toBe(it.name);
      expect(p.organisation).toBe(it.organisation);
      expect(p.agency).toBe(it.agency);
      expect(p.priority).toBe(it.rank === null ? '' : String(it.rank));
    });
  }
  // The province ranks its own table 1…N; the districts' ranks stay beside it.
  expect(province.items.map((i) => i.rank).sort((a, b) => a! - b!)).toEqual(province.items.map((_, k) => k + 1));
});

test('a need named alike in both districts stays two needs, both counted: two districts are two places, never paired', () => {
  const dredging = province.items.filter((i) => /ขุดลอกคลองนาดี หมู่ที่/.test(i.name));
  expect(dredging).toHaveLength(2);
  expect(new Set(dredging.map((i) => i.place?.district)).size).toBe(2); // the gazetteer's codes of the two districts
  expect(dredging.every((i) => i.inTotals)).toBe(true);
  // No group pairs rows of the two districts (a district's own possible duplicates are still listed).
  expect(province.duplicates.filter((g) => new Set(g.items.map((m) => m.file)).size > 1)).toEqual([]);
  // Duplicates the district merged are not merged again, nor split.
  expect(province.duplicates.filter((g) => g.merged)).toEqual([]);
});

test("the province's workbook: titled, every need with its district, summaries by issue and by district, and it validates", () => {
  const rows = written.sheets[0].rows;
  expect(rows[0]?.[0]?.w).toBe('แผนความต้องการของจังหวัดสุราษฎร์ธานี');
  const plan = readPlanSheet(written.sheets[0]);
  expect(plan.kind).toBe('district-needs');
  expect(plan.projects.map((p) => p.district)).toEqual(province.items.map((i) => i.district));
  expect(plan.projects.map((p) => p.priority)).toEqual(province.items.map((i) => i.priority));
  expect(plan.projects.map((p) => p.sourcePriority)).toEqual(province.items.map((i) => String(i.rank)));
  const report = validateWorkbook(written);
  expect(report.sheets.map((s) => s.kind)).toEqual(['district-needs', 'needs-summary', 'needs-summary', 'other', 'other']);
  const bad = report.sheets.flatMap((s) =>
    s.findings.filter((f) => f.severity === 'error' || !['objective-missing', 'target-missing', 'kpi-missing'].includes(f.code)),
  );
  expect(bad).toEqual([]);
  for (const y of province.years) expect(report.sheets[0].totals[y] ?? 0).toBe(province.totals[y]);

  // By district: each district's total row is that district's own total, the last row their sum.
  const summary = written.sheets[2];
  expect(summary.rows[0]?.[0]?.w).toMatch(/จำแนกตามอำเภอ/);
  const years = province.years;
  const yearCol = (y: number) => 3 + 2 * years.indexOf(y);
  const num = (r: number, c: number) => Number(summary.rows[r]?.[c]?.v ?? 0);
  for (const d of [muang, phunphin]) {
    const r = summary.rows.findIndex((row) => row?.[1]?.w === `รวม อำเภอ${d.name}`);
    expect(r).toBeGreaterThan(0);
    for (const y of years) expect(num(r, yearCol(y))).toBe(d.result.totals[y] ?? 0);
  }
  // The grand total closes the table (the signature block follows it).
  const last = Array.from(summary.rows, (row) => row?.[0]?.w).indexOf('รวมทั้งสิ้น');
  expect(last).toBeGreaterThan(0);
  expect(Array.from(summary.rows.slice(last + 1), (row) => row?.[0]?.w ?? '').filter(Boolean)).toEqual([
    expect.stringMatching(/^ลงชื่อ/),
    expect.stringMatching(/^\(/),
    expect.stringMatching(/^ตำแหน่ง/),
  ]);
  for (const y of years) expect(num(last, yearCol(y))).toBe(province.totals[y]);
});

test("the province's table is valid input one level up: same needs, districts from its column, same totals", async () => {
  const up = await consolidate(inputsOf([written]));
  expect(up.items).toHaveLength(province.items.length);
  expect(up.totals).toEqual(province.totals);
  expect(up.items.map((i) => i.district).sort()).toEqual(province.items.map((i) => i.district).sort());
  expect(up.items.filter((i) => !i.inTotals)).toHaveLength(2);
});

describe('oneplan consolidate --province', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneplan-province-'));
    fs.mkdirSync(path.join(dir, 'districts'));
    fs.writeFileSync(path.join(dir, 'districts', 'เมือง.xlsx'), writeXlsx(muang.out));
    fs.writeFileSync(path.join(dir, 'districts', 'พุนพิน.xlsx'), writeXlsx(phunphin.out));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a folder of district workbooks: the province's table and a --json naming each need's district", async () => {
    const { runConsolidate } = await import('../../src/cli/consolidate');
    const out: string[] = [];
    const err: string[] = [];
    const file = path.join(dir, 'province.xlsx');
    const code = await runConsolidate([path.join(dir, 'districts'), '--province', 'สุราษฎร์ธานี', '--out', file, '--json'], {
      out: (s) => void out.push(s),
      err: (s) => void err.push(s),
    });
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const j = JSON.parse(out.join(''));
    expect(j.inputs.map((i: { district?: string }) => i.district).sort()).toEqual(['อำเภอพุนพิน', 'อำเภอเมืองสุราษฎร์ธานี']);
    expect(j.needs.items.every((i: { district?: string }) => i.district)).toBe(true);
    const totals: Record<string, number> = {};
    for (const y of province.years) totals[String(y)] = province.totals[y];
    expect(j.needs.totals).toEqual(totals);
    const { readWorkbookFile } = await import('../../src/node/files');
    const wb = await readWorkbookFile(file);
    expect(wb.sheets[0].rows[0]?.[0]?.w).toBe('แผนความต้องการของจังหวัดสุราษฎร์ธานี');
    const usage: string[] = [];
    expect(
      await runConsolidate([dir, '--province', 'ก', '--district', 'ข', '--json'], { out: () => undefined, err: (s) => void usage.push(s) }),
    ).toBe(2);
  });

  test("who must send: the province's districts from the gazetteer, each due by the calendar's step (July)", async () => {
    const { runConsolidate } = await import('../../src/cli/consolidate');
    const out: string[] = [];
    const args = [path.join(dir, 'districts'), '--province', 'สุราษฎร์ธานี', '--out', path.join(dir, 'senders.xlsx'), '--json'];
    const today = { year: 2569, month: 8, day: 5 };
    expect(await runConsolidate(args, { out: (s) => void out.push(s), err: () => undefined }, { today })).toBe(0);
    const s = JSON.parse(out.join('')).senders;
    expect(s.expected).toHaveLength(19);
    expect(s.expected).toContain('อำเภอเกาะสมุย');
    expect(s.received).toEqual(['อำเภอเมืองสุราษฎร์ธานี', 'อำเภอพุนพิน']);
    expect(s.missing).toHaveLength(17);
    const samui = s.entries.find((e: { name: string }) => e.name === 'อำเภอเกาะสมุย');
    expect(samui).toMatchObject({ status: 'missing', due: '2569-07-31', daysLate: 5 });
  });
});

describe('what goes back down: one workbook per route, per agency and per district', () => {
  let table: ConsolidateResult;
  beforeAll(async () => {
    table = await consolidate([{ file: 'แผนความต้องการ จ.สุราษฎร์ธานี.xlsx', checksum: '3'.repeat(64), workbook: written }]);
  });

  test.each(['route', 'agency', 'district'] as const)(
    'by %s: every need in exactly one part, the parts add up to the province, each part valid and traceable',
    async (by) => {
      const { splitNeeds } = await import('../../src/engine/consolidate/split');
      const ranks = new Map(table.items.map((i) => [i.id, i.rank]));
      const parts = splitNeeds(table, by);
      // Going back down keeps the province's ranks (a part is not re-ranked 1…N).
      for (const p of parts) for (const it of p.result.items) expect(it.rank).toBe(ranks.get(it.id));
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.reduce((n, p) => n + p.result.items.length, 0)).toBe(table.items.length);
      for (const y of table.years) expect(parts.reduce((s, p) => s + (p.result.totals[y] ?? 0), 0)).toBe(province.totals[y]);
      for (const p of parts) {
        const own = (i: (typeof p.result.items)[number]) =>
          by === 'agency' ? i.agency : by === 'route' ? ROUTE_LABEL[i.route].th : i.district;
        expect(p.result.items.every((i) => (own(i) || '').trim() === p.receiver || (!own(i) && /^ไม่ระบุ/.test(p.receiver)))).toBe(true);
        const wb = roundTrip(needsWorkbook(p.result, { province: 'สุราษฎร์ธานี', subtitle: `ส่งถึง ${p.receiver}` }), `${p.receiver}.xlsx`);
        const report = validateWorkbook(wb);
        expect(report.sheets.flatMap((s) => s.findings.filter((f) => f.severity === 'error'))).toEqual([]);
        // Provenance: each need names its district and the row it came from — of the province's table, or,
        // in a district's part, of the district's own table (where its decisions go back to).
        const plan = readPlanSheet(wb.sheets[0]);
        expect(plan.projects.every((r) => r.district)).toBe(true);
        for (const it of p.result.items)
          expect(it.sources[0].file).toBe(
            by === 'district' ? `แผนความต้องการ อ.${p.receiver.includes('เมือง') ? 'เมือง' : 'พุนพิน'}.xlsx` : 'แผนความต้องการ จ.สุราษฎร์ธานี.xlsx',
          );
      }
      if (by === 'agency') {
        const rural = parts.find((p) => p.receiver === 'กรมทางหลวงชนบท')!;
        const fromDistricts = [muang, phunphin].flatMap((d) =>
          d.result.items.filter((i) => i.agency === 'กรมทางหลวงชนบท').map(() => `อำเภอ${d.name}`),
        );
        expect(rural.result.items.map((i) => i.district).sort()).toEqual(fromDistricts.sort());
        expect(new Set(fromDistricts).size).toBe(2);
      }
    },
  );

  test('oneplan split --by agency writes one workbook per agency', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { writeXlsx } = await import('../../src/xlsx/write');
    const { runSplit } = await import('../../src/cli/split');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneplan-split-'));
    try {
      const src = path.join(dir, 'province.xlsx');
      fs.writeFileSync(src, writeXlsx(needsWorkbook(province, { province: 'สุราษฎร์ธานี' })));
      const out: string[] = [];
      const code = await runSplit([src, '--by', 'agency', '--out', path.join(dir, 'agencies'), '--province', 'สุราษฎร์ธานี', '--json'], {
        out: (s) => void out.push(s),
        err: (s) => void out.push(s),
      });
      expect(code).toBe(0);
      const j = JSON.parse(out.join(''));
      const files = fs.readdirSync(path.join(dir, 'agencies')).sort();
      expect(files).toEqual(j.parts.map((p: { file: string }) => path.basename(p.file)).sort());
      expect(files).toContain('กรมทางหลวงชนบท.xlsx');
      expect(j.parts.reduce((n: number, p: { projects: number }) => n + p.projects, 0)).toBe(province.items.length);
      expect(await runSplit([src, '--by', 'colour', '--out', dir], { out: () => undefined, err: () => undefined })).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
