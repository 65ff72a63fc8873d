/**
 * Consolidation split per file (extractInput in a worker thread, Consolidation.addExtracted here)
 * must give exactly what one-at-a-time consolidation gives: same items, duplicates, verdicts, notes.
 * structuredClone stands in for the thread boundary (postMessage clones the same way).
 */
import { readFileSync } from 'node:fs';
import { consolidate, Consolidation, extractInput, type ConsolidateInput } from '../../src/engine/consolidate';
import { presetById } from '../../src/engine/strategy';
import { nodeInflateRaw } from '../../src/node/files';
import { readXlsx } from '../../src/xlsx/read';
import { allWorkbooks, p02Sheet } from './fixtures';
import { districtFile } from '../../bench/gen';
import { REAL_SAMPLE } from '../samples';

const list = presetById('chiangmai-2566-2570')!.list;

function inputs(): ConsolidateInput[] {
  const real = REAL_SAMPLE;
  const out: ConsolidateInput[] = [
    {
      file: 'nakhonsawan-2566-2570.xlsx',
      checksum: 'r',
      workbook: readXlsx(new Uint8Array(readFileSync(real)), 'nakhonsawan-2566-2570.xlsx', { inflateRaw: nodeInflateRaw }),
    },
    ...allWorkbooks().map((workbook, i) => ({ file: `fixture-${i}.xlsx`, checksum: String(i), workbook })),
    { file: 'broken.xlsx', checksum: 'b', error: { code: 'corrupt', message: 'ไฟล์เสีย', messageEn: 'corrupt' } },
  ];
  for (let i = 0; i < 12; i++) {
    const f = districtFile(i, 120);
    out.push({ file: f.name, checksum: `g${i}`, workbook: readXlsx(f.bytes, f.name, { inflateRaw: nodeInflateRaw }) });
  }
  return out;
}

test('extractInput in another thread + addExtracted = consolidate, with and without a strategy list', async () => {
  for (const strategies of [list, undefined]) {
    const whole = await consolidate(inputs(), { strategies });
    const split = new Consolidation({ strategies });
    for (const inp of inputs()) split.addExtracted(structuredClone(extractInput(inp, { strategies })));
    const parts = split.finish();
    expect(parts).toEqual(whole);
    expect(whole.items.length).toBeGreaterThan(500);
    expect(whole.duplicates.some((d) => d.confidence === 'likely')).toBe(true);
    if (strategies) expect(whole.strategyMismatches.length).toBeGreaterThan(50);
  }
}, 60_000);

test('a precomputed verdict is used only where the needs item asks what its first row asked', () => {
  // One project in two files: the first row has no objective, the second has one. The merged item takes
  // the second's objective, so the first row's own verdict (scored without it) must not be reused;
  // a project found once keeps its precomputed verdict.
  const years = [2566, 2567, 2568, 2569, 2570];
  const sheet = (objective: string, extra: boolean) =>
    p02Sheet({
      name: 'ผ.02-2',
      beyond: true,
      organisation: 'องค์การบริหารส่วนตำบลนาดี อำเภอเมือง จังหวัดเชียงใหม่',
      provincial: 'ง. ยุทธศาสตร์จังหวัดที่ 1 การส่งเสริมอุตสาหกรรมท่องเที่ยวเน้นคุณค่า',
      years,
      projects: [
        {
          name: 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนาดี-บ้านดอน หมู่ที่ 3',
          objective,
          target: 'ยาว 500 เมตร',
          budgets: [500000, '-', '-', '-', '-'],
          agency: 'กรมทางหลวงชนบท',
        },
        ...(extra
          ? [
              {
                name: 'ฝึกอบรมอาชีพการแปรรูปผลผลิตทางการเกษตร หมู่ที่ 5',
                objective: 'เพื่อเพิ่มรายได้',
                target: 'เกษตรกร 30 คน',
                budgets: ['-', 100000, '-', '-', '-'],
                agency: 'สำนักงานเกษตรจังหวัด',
              },
            ]
          : []),
      ],
    });
  const inp: ConsolidateInput[] = [
    { file: 'a.xlsx', checksum: 'a', workbook: { name: 'a.xlsx', sheets: [sheet('', true)] } },
    {
      file: 'b.xlsx',
      checksum: 'b',
      workbook: { name: 'b.xlsx', sheets: [sheet('เพื่อส่งเสริมการท่องเที่ยวเชิงเกษตรและการคมนาคมของนักท่องเที่ยว', false)] },
    },
  ];
  const split = new Consolidation({ strategies: list });
  for (const i of inp) {
    const ex = extractInput(i, { strategies: list });
    // Poison every precomputed verdict: one that is used shows up in the result.
    ex.verdicts = ex.verdicts?.map((v) =>
      v ? { ...v, status: 'none' as const, declared: undefined, reason: 'POISON', reasonEn: 'POISON' } : v,
    );
    split.addExtracted(ex);
  }
  const r = split.finish();
  expect(r.items).toHaveLength(2);
  const road = r.items.find((it) => it.name.includes('ถนน'))!;
  const training = r.items.find((it) => it.name.includes('ฝึกอบรม'))!;
  expect(road.sources).toHaveLength(2);
  expect(road.objective).toContain('ท่องเที่ยว');
  const reasonOf = (id: number) => r.strategyMismatches.find((m) => m.itemId === id)?.reason;
  expect(reasonOf(road.id)).not.toBe('POISON'); // scored again with the merged fields
  expect(reasonOf(training.id)).toBe('POISON'); // its own verdict, from the file
});
