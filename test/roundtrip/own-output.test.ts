/**
 * Every workbook OnePlan writes re-validates: no error, no finding but the details the sources really
 * lacked, each sheet recognised for what it is from its content (the sheet names are changed here to
 * prove it), and the needs kept out of the totals marked so the totals check agrees.
 */
import * as path from 'path';
import { consolidate, needsWorkbook, type ConsolidateResult } from '../../src/engine/consolidate';
import type { WorkbookModel } from '../../src/engine/model';
import type { OutWorkbook } from '../../src/engine/output';
import { readPlanSheet } from '../../src/engine/forms/read';
import { validateWorkbook } from '../../src/engine/validate';
import type { Finding, WorkbookReport } from '../../src/engine/findings';
import { reportWorkbook } from '../../src/engine/validate/report';
import { matchWorkbook, mismatchSheet } from '../../src/engine/strategy/report';
import { presetById } from '../../src/engine/strategy/presets';
import { BUILTIN_TEMPLATES, buildCalendar, calendarSheet } from '../../src/engine/calendar';
import { readWorkbookFile } from '../../src/node/files';
import { allWorkbooks } from '../consolidate/fixtures';
import { inputsOf, muangDistrict, roundTrip } from './fixtures';

/** Findings about details a source did not give: the only ones a correct output may carry. */
const SOURCE_GAPS = new Set<Finding['code']>(['objective-missing', 'target-missing', 'kpi-missing']);
/** The officer's step after the run: the ก.บ.อ. meeting is recorded once it has passed the list. */
const OFFICER_STEPS = new Set<Finding['code']>(['approval-missing']);

/** Sheet names as an officer might rename them: recognition must not need ours. */
function renamed(out: OutWorkbook): OutWorkbook {
  return { sheets: out.sheets.map((s, i) => ({ ...s, name: `Sheet${i + 1}` })) };
}

function check(wb: WorkbookModel): WorkbookReport {
  const report = validateWorkbook(wb);
  // Checked, and known for what it is (a workbook of reports is not "nothing checked").
  expect(report.error).toBeUndefined();
  expect(report.ok).toBe(true);
  const bad = report.sheets.flatMap((s) =>
    s.findings
      .filter((f) => f.severity === 'error' || !(SOURCE_GAPS.has(f.code) || OFFICER_STEPS.has(f.code)))
      .map((f) => `${s.name}!${f.column}${f.row} ${f.code}: ${f.message}`),
  );
  expect(bad).toEqual([]);
  return report;
}

const kinds = (r: WorkbookReport): string[] => r.sheets.map((s) => s.kind);

/** Each source-gap finding sits on a need whose sources gave no such detail. */
function gapsAreReal(wb: WorkbookModel, report: WorkbookReport, result: ConsolidateResult): void {
  const plan = readPlanSheet(wb.sheets[0]);
  const gaps = report.sheets[0].findings.filter((f) => SOURCE_GAPS.has(f.code));
  for (const f of gaps) {
    const k = plan.projects.findIndex((p) => p.row + 1 === f.row);
    expect(k).toBeGreaterThanOrEqual(0);
    const item = result.items[k];
    expect(item.name).toBe(plan.projects[k].name);
    if (f.code === 'objective-missing') expect(item.objective).toBe('');
    if (f.code === 'target-missing') expect(item.target).toBe('');
  }
}

describe('the district needs workbook validates as it was written', () => {
  let result: ConsolidateResult;
  let wb: WorkbookModel;
  let report: WorkbookReport;
  beforeAll(async () => {
    result = await consolidate(inputsOf(allWorkbooks()));
    wb = roundTrip(renamed(needsWorkbook(result, { district: 'เมืองสุราษฎร์ธานี' })), 'needs.xlsx');
    report = check(wb);
  });

  it('recognises each sheet from its content', () => {
    expect(kinds(report)).toEqual(['district-needs', 'needs-summary', 'other', 'other']);
  });

  it('agrees with its totals: the need already in the อปท. plan is written as not counted', () => {
    const kept = result.items.filter((i) => !i.inTotals);
    expect(kept.map((i) => i.name)).toEqual(['ก่อสร้างระบบประปาหมู่บ้าน หมู่ที่ 2']);
    const plan = readPlanSheet(wb.sheets[0]);
    const row = plan.projects.find((p) => p.name === kept[0].name)!;
    expect(row.outOfTotals).toBe(true);
    const col = plan.blocks[0].columns.fields.counted!;
    expect(wb.sheets[0].rows[row.row]?.[col]?.w).toBe('ไม่นับ');
    expect(plan.projects.filter((p) => p.outOfTotals)).toHaveLength(1);
    // What the validator sums is what the consolidation counted (2568 has the 1,200,000 kept out).
    expect(report.sheets[0].totals).toEqual({ '2566': 0, '2567': 6650000, '2568': 7700000, '2569': 2000000, '2570': 0 });
  });

  it('finds only details the sources lacked', () => {
    const gaps = report.sheets[0].findings;
    expect(gaps.map((f) => f.code)).toEqual(['approval-missing', 'objective-missing']);
    gapsAreReal(wb, report, result);
  });

  it('reads back every need with its proposer and counted flag', () => {
    const plan = readPlanSheet(wb.sheets[0]);
    expect(plan.projects.map((p) => p.name)).toEqual(result.items.map((i) => i.name));
    expect(plan.projects.map((p) => p.proposer)).toEqual(result.items.map((i) => i.organisation ?? ''));
    expect(plan.projects.map((p) => !p.outOfTotals)).toEqual(result.items.map((i) => i.inTotals));
  });

  it('titles the table with the district once', () => {
    expect(wb.sheets[0].rows[0]?.[0]?.w).toBe('แผนความต้องการของอำเภอเมืองสุราษฎร์ธานี');
    const again = roundTrip(needsWorkbook(result, { district: 'อำเภอเมืองสุราษฎร์ธานี' }), 'x.xlsx');
    expect(again.sheets[0].rows[0]?.[0]?.w).toBe('แผนความต้องการของอำเภอเมืองสุราษฎร์ธานี');
  });
});

describe('the other outputs validate as they were written', () => {
  it('the needs workbook of the real sample (เทศบาลนครนครสวรรค์)', async () => {
    const real = await readWorkbookFile(path.join(__dirname, '../../assets/samples/nakhonsawan-2566-2570.xlsx'));
    const result = await consolidate(inputsOf([real]));
    expect(result.items.length).toBeGreaterThan(0);
    const wb = roundTrip(renamed(needsWorkbook(result)), 'needs.xlsx');
    const report = check(wb);
    expect(kinds(report)).toEqual(['district-needs', 'needs-summary', 'other', 'other']);
    expect(report.sheets[0].projects).toBe(result.items.length);
    for (const y of result.years) expect(report.sheets[0].totals[y] ?? 0).toBe(result.totals[y]);
    gapsAreReal(wb, report, result);
  });

  it('the validation report, with findings in it', () => {
    const reports = allWorkbooks().map((w) => validateWorkbook(w));
    expect(reports.flatMap((r) => r.sheets.flatMap((s) => s.findings)).length).toBeGreaterThan(0);
    const report = check(roundTrip(renamed(reportWorkbook(reports)), 'report.xlsx'));
    expect(kinds(report)).toEqual(['other', 'other']);
    expect(report.sheets.flatMap((s) => s.findings)).toEqual([]);
  });

  it('the strategy match report, with flagged projects in it', () => {
    const list = presetById('suratthani')!.list;
    const matches = allWorkbooks().flatMap((w) => matchWorkbook(w, list));
    expect(matches.length).toBeGreaterThan(0);
    const report = check(roundTrip(renamed({ sheets: [mismatchSheet(matches, list)] }), 'match.xlsx'));
    expect(kinds(report)).toEqual(['other']);
  });

  it('the calendar', () => {
    const report = check(roundTrip(renamed({ sheets: [calendarSheet(buildCalendar(BUILTIN_TEMPLATES.rayong, 2564))] }), 'calendar.xlsx'));
    expect(kinds(report)).toEqual(['calendar']);
  });

  it('the needs workbook read back is consolidated to the same table (a district re-reading its own)', async () => {
    const d = await muangDistrict();
    const again = await consolidate(inputsOf([d.workbook]));
    expect(again.items.map((i) => i.name)).toEqual(d.result.items.map((i) => i.name));
    expect(again.totals).toEqual(d.result.totals);
    expect(again.items.map((i) => i.organisation)).toEqual(d.result.items.map((i) => i.organisation));
  });
});

test('a needs table whose first group has a short issue label reads back whole (the label is not a header word)', async () => {
  const [wb] = allWorkbooks().slice(2, 3); // the tambon plan: issues declared as bare numbers ("3", "2")
  const result = await consolidate(inputsOf([wb]));
  expect(result.groups[0].label.length).toBeLessThanOrEqual(40);
  const back = roundTrip(needsWorkbook(result), 'needs.xlsx');
  const plan = readPlanSheet(back.sheets[0]);
  expect(plan.blocks[0].columns.fields.name).toBe(1);
  expect(plan.projects.map((p) => p.name)).toEqual(result.items.map((i) => i.name));
  expect(check(back).sheets[0].projects).toBe(result.items.length);
});

test('a re-run with a roster: the follow-up and vanished sheets validate and are not plans', async () => {
  const { readPrevious } = await import('../../src/engine/consolidate/merge');
  const first = await consolidate(inputsOf(allWorkbooks()), { district: 'เมืองสุราษฎร์ธานี' });
  const prev = readPrevious(roundTrip(needsWorkbook(first), 'needs.xlsx'));
  expect(prev).toBeDefined();
  // ทต.หนองบัว's ผ.02/2 is withdrawn (its needs vanish) and one expected sender has not sent.
  const again = await consolidate(inputsOf(allWorkbooks().filter((w) => w.name !== 'ทต.หนองบัว.xlsx')), {
    previous: prev,
    expected: ['องค์การบริหารส่วนตำบลนาดี', 'เทศบาลตำบลหนองบัว', 'องค์การบริหารส่วนตำบลท่าข้าม'],
  });
  const out = needsWorkbook(again);
  const { FOLLOWUP_SHEET, VANISHED_SHEET } = await import('../../src/engine/consolidate/table');
  expect(out.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([FOLLOWUP_SHEET, VANISHED_SHEET]));
  const report = check(roundTrip(renamed(out), 'needs-again.xlsx'));
  expect(report.sheets[0].kind).toBe('district-needs');
  expect(
    report.sheets
      .slice(1)
      .map((s) => s.kind)
      .filter((k) => k !== 'other' && k !== 'needs-summary'),
  ).toEqual([]);
});
