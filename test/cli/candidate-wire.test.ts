/**
 * The candidates a reading thread sends (candidate-wire.ts) arrive as they left: every field, in the
 * same key order (the table's JSON follows it), shared values shared with this thread's, and a
 * consolidation of what arrived equals one of the files read here. structuredClone with a transfer
 * list stands in for postMessage (the same algorithm).
 */
import { readFileSync } from 'node:fs';
import { consolidate, Consolidation, extractInput, needsFileWorkbook, type ConsolidateInput } from '../../src/engine/consolidate';
import { internedTexts, shareTexts, sharedBudgets, sharedTokens, type Candidate } from '../../src/engine/consolidate/extract';
import { decodeCandidates, encodeCandidates, fromWire, toWire, wireBuffers } from '../../src/cli/candidate-wire';
import { nodeInflateRaw, nodeZip } from '../../src/node/files';
import { readXlsx } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { districtFile } from '../../bench/gen';
import { allWorkbooks } from '../consolidate/fixtures';
import { REAL_SAMPLE } from '../samples';

/** Real-shaped inputs: the real workbook, the fixtures (Thai digits, blanks, "-"), generated ผ.02/2 and tambon plans, and a district's needs table as OnePlan writes it. */
function inputs(): ConsolidateInput[] {
  const out: ConsolidateInput[] = [
    {
      file: 'real.xlsx',
      checksum: 'r',
      workbook: readXlsx(new Uint8Array(readFileSync(REAL_SAMPLE)), 'real.xlsx', { inflateRaw: nodeInflateRaw }),
    },
    ...allWorkbooks().map((workbook, i) => ({ file: `fixture-${i}.xlsx`, checksum: String(i), workbook })),
  ];
  for (let i = 0; i < 4; i++) {
    const f = districtFile(i, 60);
    out.push({ file: f.name, checksum: `g${i}`, workbook: readXlsx(f.bytes, f.name, { inflateRaw: nodeInflateRaw }) });
  }
  const c = new Consolidation({});
  out.slice(1).forEach((x) => c.add(x));
  const bytes = writeXlsx(needsFileWorkbook(c.finish(), { district: 'เมืองนาดี' }), { zip: nodeZip });
  out.push({ file: 'อำเภอเมืองนาดี.xlsx', checksum: 'n', workbook: readXlsx(bytes, 'อำเภอเมืองนาดี.xlsx', { inflateRaw: nodeInflateRaw }) });
  return out;
}

/** Over the wire as a worker sends it: encoded, cloned with its buffers transferred, decoded. */
function sent(cands: Candidate[]): Candidate[] {
  const w = encodeCandidates(cands);
  const arrived = structuredClone(w, { transfer: wireBuffers(w) });
  expect(w.cols.byteLength).toBe(0); // moved, not copied
  return decodeCandidates(arrived);
}

/** Keys in order, recursively, with undefined values kept (JSON.stringify would drop them). */
const shape = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(shape)
    : v && typeof v === 'object'
      ? Object.entries(v).map(([k, x]) => [k, x === undefined ? 'undefined' : shape(x)])
      : v;

test('every candidate of real-shaped files arrives with the same fields in the same order, shared values shared', () => {
  const all = inputs().flatMap((inp) => extractInput(inp).candidates);
  expect(all.length).toBeGreaterThan(300);
  // The inputs hold what the wire must carry: Thai digits, blanks, "-", needs-table rows with a district and a place.
  expect(all.some((c) => /[๐-๙]/.test(c.name))).toBe(true);
  expect(all.some((c) => c.objective === '' || c.target === '')).toBe(true);
  expect(all.some((c) => Object.values(c.budgets).includes(0))).toBe(true); // "-" nil amounts
  expect(all.some((c) => c.src.kind === 'district-needs' && c.district)).toBe(true);
  expect(all.some((c) => c.place) && all.some((c) => !c.place)).toBe(true);
  expect(all.some((c) => c.village === undefined) && all.some((c) => c.village !== undefined)).toBe(true);
  expect(all.some((c) => c.issue !== null) && all.some((c) => c.issue === null)).toBe(true);

  const back = sent(all);
  expect(shape(back)).toEqual(shape(structuredClone(all)));
  for (const c of back) expect(sharedBudgets(c.budgets)).toBe(c.budgets);
  // One object per distinct issue of the file (a clone made one per row).
  const issues = new Set(back.map((c) => c.issue).filter(Boolean));
  expect(issues.size).toBeLessThan(back.filter((c) => c.issue).length);
  // Sent again (the same projects in later files): their token lists are shared on arrival.
  const again = sent(all);
  const third = sent(all);
  expect(shape(third)).toEqual(shape(back));
  third.forEach((c, i) => expect(c.tokens).toBe(again[i].tokens));
  expect(sharedTokens(third[0].tokens as readonly string[])).toBe(third[0].tokens);
});

test('fields beyond the columns arrive too, in their place: kept-out, parts, decisions, origins, odd values', () => {
  const base = extractInput(inputs()[1]).candidates;
  expect(base.length).toBeGreaterThan(4);
  const cands = structuredClone(base);
  cands[0].keptOut = true;
  cands[0].parts = [{ name: 'จุดที่ ๒ บ้านนา', row: 12, budgets: { 2568: 150000 } }];
  cands[1].decision = { kind: 'agency', agency: 'กรมทางหลวงชนบท', note: '', text: 'ส่งส่วนราชการ กรมทางหลวงชนบท' };
  cands[1].fromProvince = true;
  cands[2].src.origin = [{ file: 'อำเภอเมือง.xlsx', sheet: 'ความต้องการ', row: 7 }];
  cands[2].badBudgetYears = [2567, 2569];
  cands[3].village = 2.5;
  cands[3].tokens = new Set(['ถนน', 'คสล.']);
  cands[4].tambon = undefined;
  cands[4].organisation = cands[4].src.organisation = undefined;
  const back = sent(cands);
  expect(shape(back)).toEqual(shape(cands));
  // A Set of tokens (accepted by Candidate) stays a Set (of this thread's realm or jest's).
  expect(Object.prototype.toString.call(back[3].tokens)).toBe('[object Set]');
  expect([...back[3].tokens]).toEqual(['ถนน', 'คสล.']);
  expect(Object.keys(back[0]).slice(-2)).toEqual(Object.keys(cands[0]).slice(-2));
});

test('a consolidation of what arrived over the wire equals one of the files read here', async () => {
  const whole = await consolidate(inputs(), {});
  const split = new Consolidation({});
  for (const inp of inputs()) {
    const { ex, transfer } = toWire(extractInput(inp));
    // As parallel.ts takes them: their values already shared on arrival.
    split.addExtracted(fromWire(structuredClone(ex, { transfer })), true);
  }
  const parts = split.finish();
  expect(parts).toEqual(whole);
  expect(whole.items.length).toBeGreaterThan(200);
}, 60_000);

test("a reading thread that shares no texts (shareTexts(false)) sends what one that shares does; the main thread's consolidation is the same", async () => {
  const whole = await consolidate(inputs(), {});
  const sentAlone: ReturnType<typeof toWire>[] = [];
  shareTexts(false);
  try {
    // As extract-worker.ts reads: no run-long table of texts in this thread.
    for (const inp of inputs()) sentAlone.push(toWire(extractInput(inp)));
    expect(internedTexts()).toBe(0);
  } finally {
    shareTexts(true);
  }
  const split = new Consolidation({});
  for (const { ex, transfer } of sentAlone) split.addExtracted(fromWire(structuredClone(ex, { transfer })), true);
  expect(split.finish()).toEqual(whole);
  // Sharing is back on for the main thread's own files.
  extractInput(inputs()[1]);
  expect(internedTexts()).toBeGreaterThan(0);
}, 60_000);
