/**
 * The form reader's project rows: one literal for plain forms, another for a needs table as consolidation
 * writes it, spreads for a needs table that lacks some of its own columns; each way the same fields in the
 * same order (what a re-run, validate and the pane read).
 */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { consolidate, needsWorkbook } from '../src/engine/consolidate';
import { _mayBeTotal, readPlanSheet } from '../src/engine/forms/read';
import type { ProjectRow } from '../src/engine/plan';
import { readXlsx } from '../src/xlsx/read';
import { districtFile } from '../bench/gen';
import { allWorkbooks } from './consolidate/fixtures';
import { roundTrip } from './roundtrip/fixtures';
import { REAL_SAMPLE } from './samples';

/** Every field a project row may have, in the order the reader writes them. */
const ORDER = [
  'row',
  'no',
  'name',
  'objective',
  'target',
  'location',
  'village',
  'tambon',
  'kpi',
  'unit',
  'agency',
  'classification',
  'priority',
  'route',
  'officerNote',
  'countedSource',
  'decision',
  'provenance',
  'link',
  'note',
  'budgets',
  'context',
  'afterTotal',
  'outOfTotals',
  'proposer',
  'district',
  'sourcePriority',
  'parts',
];

test('project rows of plain plans and of a needs table: the fields in one order, the needs columns where read', async () => {
  const inflateRaw = (d: Uint8Array) => new Uint8Array(zlib.inflateRawSync(d));
  const rows: ProjectRow[] = [];
  for (const bytes of [new Uint8Array(fs.readFileSync(REAL_SAMPLE)), districtFile(0, 60).bytes, districtFile(1, 60).bytes])
    for (const sheet of readXlsx(bytes, 'x.xlsx', { inflateRaw }).sheets) rows.push(...readPlanSheet(sheet).projects);
  const plain = rows.length;
  // A district's needs table read back (as its province and a re-run read it): proposer, district, route, นับยอด …
  const r = await consolidate(
    allWorkbooks().map((wb, k) => ({ file: wb.name, checksum: String(k).repeat(64), workbook: wb })),
    { district: 'เมืองสุราษฎร์ธานี' },
  );
  const byHand: ProjectRow[] = [];
  for (const sheet of roundTrip(needsWorkbook(r), 'แผนความต้องการ.xlsx').sheets) {
    const plan = readPlanSheet(sheet);
    if (plan.kind !== 'district-needs') continue;
    rows.push(...plan.projects);
    // Kept by hand without its ผลการพิจารณาของจังหวัด column (its heading cleared): the other needs columns read by spreads.
    const head = plan.blocks[0].headerRows[0];
    const c = sheet.rows[head]!.findIndex((cell) => cell?.w === 'ผลการพิจารณาของจังหวัด');
    expect(c).toBeGreaterThan(0);
    sheet.rows[head]![c] = undefined;
    byHand.push(...readPlanSheet(sheet).projects);
  }
  expect(plain).toBeGreaterThan(100);
  expect(rows.length - plain).toBeGreaterThan(3);
  expect(byHand.length).toBe(rows.length - plain);
  for (const p of [...rows, ...byHand]) expect(Object.keys(p)).toEqual(ORDER.filter((k) => k in p));
  const needs = rows.slice(plain);
  for (const k of ['route', 'officerNote', 'decision', 'provenance', 'proposer', 'district', 'sourcePriority'])
    expect([k, needs.every((p) => k in p)]).toEqual([k, true]);
  expect(rows.slice(0, plain).some((p) => 'route' in p || 'proposer' in p)).toBe(false);
  expect(byHand.some((p) => 'decision' in p)).toBe(false);
  expect(byHand.every((p) => 'route' in p && 'sourcePriority' in p)).toBe(true);
});

test('a total row’s label looked for only where the text may start with ร: the regex’s answer on every first character and on plan texts', () => {
  const { mayBeTotal, MAY_BE_TOTAL } = _mayBeTotal;
  const texts: string[] = [];
  for (let c = 0; c < 0x3100; c++) {
    const ch = String.fromCharCode(c);
    texts.push(ch, `${ch}รวม`, `${ch}${ch}รวม`, `${ch} รวมงบประมาณ`);
  }
  for (const bytes of [new Uint8Array(fs.readFileSync(REAL_SAMPLE)), districtFile(4, 100).bytes])
    for (const sh of readXlsx(bytes, 'x.xlsx', { inflateRaw: (d) => new Uint8Array(zlib.inflateRawSync(d)) }).sheets)
      for (const r of sh.rows) for (const c of r ?? []) if (c && typeof c.v === 'string') texts.push(c.w, ` ${c.w}`, `\u200b${c.w}`);
  texts.push('', 'รวม', '\ufeffรวม', '\u00a0รวม', '\u200bรวม', 'ร', ' ร');
  let yes = 0;
  for (const t of texts) {
    const want = MAY_BE_TOTAL.test(t);
    expect([t, mayBeTotal(t)]).toEqual([t, want]);
    if (want) yes++;
  }
  expect(yes).toBeGreaterThan(100);
});
