/**
 * Round-2 performance changes keep results: lean strategy verdicts, token arrays vs sets in duplicate
 * detection, shared plans between validate and consolidate, owned cell strings.
 */
import { consolidate, type ConsolidateInput } from '../../src/engine/consolidate';
import { findMatches } from '../../src/engine/consolidate/dedupe';
import type { Candidate } from '../../src/engine/consolidate/extract';
import { readPlanSheet } from '../../src/engine/forms/read';
import type { SheetModel } from '../../src/engine/model';
import type { PlanSheet } from '../../src/engine/plan';
import { matchProjects, presetById, projectMatcher, type ProjectInput } from '../../src/engine/strategy';
import { validateWorkbook } from '../../src/engine/validate';
import { coreName, wordTokens } from '../../src/engine/normalise';
import { ownString } from '../../src/engine/own-string';
import { allWorkbooks } from './fixtures';

const list = presetById('chiangmai-2566-2570')!.list;

test('lean verdicts equal full ones, except the words and reason of consistent verdicts', () => {
  const projects: ProjectInput[] = [
    { id: '1', name: 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3', objective: 'เพื่อการสัญจร', target: 'ยาว 200 เมตร', declared: 'ยุทธศาสตร์จังหวัดที่ 3' },
    { id: '2', name: 'ส่งเสริมการท่องเที่ยวชุมชน', objective: 'เพิ่มรายได้', target: '', declared: 'ยุทธศาสตร์จังหวัดที่ 3' },
    { id: '3', name: 'อบรมผู้สูงอายุ', objective: '', target: '', declared: undefined },
    { id: '4', name: 'ติดตั้งโซลาร์เซลล์', objective: '', target: '', declared: 'ประเด็นที่ 9' },
    { id: '5', name: 'ขุดลอกคลอง', objective: 'กักเก็บน้ำเพื่อการเกษตร', target: '', declared: 'ยุทธศาสตร์จังหวัดที่ 2' },
  ];
  const full = matchProjects(projects, list);
  const lean = projectMatcher(list, {}, { lean: true });
  projects.forEach((p, i) => {
    const v = lean(p);
    if (full[i].status === 'consistent') {
      expect({ ...v, matched: full[i].matched, reason: full[i].reason, reasonEn: full[i].reasonEn }).toEqual(full[i]);
    } else expect(v).toEqual(full[i]);
  });
});

test('duplicate detection: token arrays and token sets give the same pairs', () => {
  const names = [
    'ก่อสร้างถนน คสล. สายนาดี-ดอนมูล หมู่ที่ 3',
    'ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายนาดี ดอนมูล ม.3',
    'ขุดลอกคลองนาดี หมู่ที่ 3',
    'ขุดลอกคลอง นาดี',
    'ก่อสร้างถนน คสล. สายนาดี-ดอนมูล หมู่ที่ 4',
  ];
  const mk = (set: boolean): Candidate[] =>
    names.map((name, i) => {
      const core = coreName(name);
      const t = wordTokens(core);
      return {
        seq: i,
        role: 'need',
        src: { file: 'f', sheet: 's', row: i + 1, kind: 'tambon-plan' },
        name,
        objective: '',
        target: '',
        village: /หมู่ที่ (\d)|ม\.(\d)/.test(name) ? Number(/(\d)$/.exec(name)![1]) : undefined,
        tambon: 'นาดี',
        budgets: {},
        badBudgetYears: [],
        route: 'province',
        issue: null,
        agency: '',
        priority: '',
        note: '',
        compact: core.replace(/ /g, ''),
        tokens: set ? new Set(t) : [...new Set(t)],
      };
    });
  expect(findMatches(mk(false))).toEqual(findMatches(mk(true)));
  expect(findMatches(mk(true)).length).toBeGreaterThan(0);
});

test('validate and consolidate sharing plans give the same consolidation', async () => {
  const wbs = allWorkbooks();
  const plain: ConsolidateInput[] = wbs.map((wb) => ({ file: wb.name, checksum: '', workbook: wb }));
  const plans = new Map<SheetModel, PlanSheet>();
  for (const wb of wbs) validateWorkbook(wb, { strategies: list, plans });
  expect(plans.size).toBeGreaterThan(0);
  const a = await consolidate(plain, { strategies: list });
  const b = await consolidate(plain, { strategies: list, recognise: (s) => plans.get(s) ?? readPlanSheet(s) });
  expect(b).toEqual(a);
});

test('ownString copies without changing the text', () => {
  const big = 'ก่อสร้างถนน '.repeat(1000);
  const cut = big.slice(12, 60);
  expect(ownString(cut)).toBe(cut);
  expect(ownString('สั้น')).toBe('สั้น');
});
