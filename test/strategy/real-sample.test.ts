/**
 * End to end on the real workbook: xlsx reader → form recognition → strategy matching against the
 * issue list inferred from the sample's own ง. lines.
 */
import { readWorkbookFile } from '../../src/node/files';
import { readPlanSheet } from '../../src/engine/forms/read';
import type { WorkbookModel } from '../../src/engine/model';
import { detectStrategiesSheet, linkUnknownFindings, matchPlanSheet, matchProjects, presetById } from '../../src/engine/strategy';
import labelled from './labelled.json';
import { REAL_SAMPLE } from '../samples';

const ns = presetById('nakhonsawan-2566-2570-inferred')!.list;
const cm = presetById('chiangmai-2566-2570')!.list;
const set = (
  labelled as { sets: Array<{ id: string; items: Array<{ id: string; sheet: string; row: number; name: string; label: string }> }> }
).sets.find((s) => s.id === 'nakhonsawan-sample')!;

let wb: WorkbookModel;
beforeAll(async () => {
  wb = await readWorkbookFile(REAL_SAMPLE);
});

test('no sheet of the sample is taken for an issue list (the linkage sheet แผนงาน included)', () => {
  for (const s of wb.sheets) expect([s.name, detectStrategiesSheet(s)]).toEqual([s.name, false]);
});

test('every labelled project is read by readPlanSheet with the same name and declares its sheet ง. issue', () => {
  const bySheet = new Map<string, typeof set.items>();
  for (const it of set.items) bySheet.set(it.sheet, [...(bySheet.get(it.sheet) ?? []), it]);
  let seen = 0;
  for (const [sheetName, items] of bySheet) {
    const plan = readPlanSheet(wb.sheets.find((s) => s.name === sheetName)!);
    const verdicts = new Map(matchPlanSheet(plan, ns).map((v) => [v.id, v]));
    const names = new Map(plan.projects.map((p) => [p.row + 1, p.name.replace(/\s+/g, ' ')]));
    for (const it of items) {
      const v = verdicts.get(`${sheetName}!${it.row}`);
      expect([it.id, v?.declared, names.get(it.row)]).toEqual([it.id, it.label, it.name.replace(/\s+/g, ' ')]);
      seen++;
    }
    expect(linkUnknownFindings(plan, ns)).toEqual([]);
  }
  expect(seen).toBe(set.items.length);
});

test('against another province the sample ง. lines are unknown links', () => {
  const plan = readPlanSheet(wb.sheets.find((s) => s.name === 'ยุทธ1.1แผนงานสาธารณสุข')!);
  const f = linkUnknownFindings(plan, cm);
  expect(f.length).toBeGreaterThanOrEqual(1);
  expect(f[0]).toMatchObject({ code: 'link-unknown', sheet: 'ยุทธ1.1แผนงานสาธารณสุข', row: 7, column: 'A' });
  expect(matchPlanSheet(plan, cm).every((v) => v.declaredUnknown === '6' && v.status !== 'consistent')).toBe(true);
});

test('matching the same projects again gives the same verdicts (cached terms)', () => {
  const projects = set.items.map((it) => ({ id: it.id, name: it.name }));
  const first = JSON.stringify(matchProjects(projects, ns));
  for (let i = 0; i < 2; i++) expect(JSON.stringify(matchProjects(projects, ns))).toBe(first);
});

test('evidence is whole words: no verdict on the real sample cites a piece of a compound (แล, พื้น, ติด, โรง, ยา …)', () => {
  const pieces = new Set([
    'แล',
    'พื้น',
    'ติด',
    'ตั้ง',
    'โรง',
    'ยา',
    'ยก',
    'ด้อย',
    'ระบาย',
    'พอ',
    'ทุน',
    'ช่วง',
    'อายุ',
    'กำลังกาย',
    'ผู้ประกอบ',
    'เศรษฐกิจพอ',
    'อนามัยสิ่ง',
    'ระบาย',
  ]);
  let verdicts = 0;
  const cited = new Set<string>();
  for (const sheet of wb.sheets) {
    const plan = readPlanSheet(sheet);
    for (const v of matchPlanSheet(plan, ns)) {
      verdicts++;
      for (const w of v.matched) cited.add(w);
    }
  }
  expect(verdicts).toBeGreaterThan(300);
  expect([...cited].filter((w) => pieces.has(w))).toEqual([]);
  // Compounds are cited whole.
  expect([...cited]).toEqual(expect.arrayContaining(['อาสาสมัครสาธารณสุข', 'ดูแลผู้สูงอายุ']));
});

test('the Nakhon Sawan preset: issue names whole, described in Thai and in English', () => {
  const p = presetById('nakhonsawan-2566-2570-inferred')!;
  for (const i of p.list.issues) expect(i.name).not.toMatch(/…|\.\.\.$/);
  expect(p.note).toMatch(/[\u0E00-\u0E7F]/);
  expect(p.noteEn).toMatch(/^Inferred/);
});
