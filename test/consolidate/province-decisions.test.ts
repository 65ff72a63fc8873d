/**
 * The back half of the cycle (issue 26): the province's officer types a decision on each need
 * (ผลการพิจารณาของจังหวัด) into the province's table; a re-run keeps it; `split --by district` carries
 * it; the district consolidates the returned file onto its own table and each decision lands on its
 * need (ranks and notes untouched, unmatched ones listed); `split --by proposer` gives each tambon and
 * อปท. its list back. On .xlsx files as OnePlan writes them and an officer edits them.
 */
import {
  consolidate,
  consolidateJson,
  needsWorkbook,
  readPrevious,
  UNMATCHED_DECISIONS_SHEET,
  type ConsolidateInput,
  type ConsolidateResult,
} from '../../src/engine/consolidate';
import { parseDecision } from '../../src/engine/consolidate/decision';
import { ConsolidateJsonSchema } from '../../src/engine/consolidate/json-schema';
import { splitNeeds } from '../../src/engine/consolidate/split';
import { makeCell, type SheetModel, type WorkbookModel } from '../../src/engine/model';
import { validateWorkbook } from '../../src/engine/validate';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runConsolidate } from '../../src/cli/consolidate';
import { runSplit } from '../../src/cli/split';
import { consolidateView } from '../../src/taskpane/worker/protocol';
import { nodeInflateRaw } from '../../src/node/files';
import { readWorkbookBytes } from '../../src/xlsx/open';
import { writeXlsx } from '../../src/xlsx/write';
import { allWorkbooks, toOutWorkbook } from './fixtures';
import { muangDistrict, phunphinDistrict, roundTrip, type District } from '../roundtrip/fixtures';

const DECISION = 'ผลการพิจารณาของจังหวัด';
const input = (wb: WorkbookModel, file = wb.name, k = 1): ConsolidateInput => ({ file, checksum: String(k).repeat(64), workbook: wb });

function headerCol(sheet: SheetModel, header: string): number {
  for (let r = 0; r < 10; r++) {
    const c = (sheet.rows[r] ?? []).findIndex((x) => x?.w?.replace(/\s+/g, ' ') === header);
    if (c >= 0) return c;
  }
  throw new Error(`no header ${header}`);
}
/** The sheet row (0-based) whose โครงการ cell is `name` (and, when given, whose อำเภอ cell starts with `district`). */
function rowOf(sheet: SheetModel, name: string, district?: string): number {
  const dc = headerCol(sheet, 'อำเภอ');
  const r = sheet.rows.findIndex((row) => row?.[1]?.w === name && (!district || (row?.[dc]?.w ?? '').includes(district)));
  if (r < 0) throw new Error(`no row ${name}`);
  return r;
}
const cellAt = (sheet: SheetModel, r: number, header: string): string => sheet.rows[r]?.[headerCol(sheet, header)]?.w ?? '';
const errorsOf = (wb: WorkbookModel): string[] =>
  validateWorkbook(wb).sheets.flatMap((s) => s.findings.filter((f) => f.severity === 'error').map((f) => `${s.name}: ${f.code}`));

describe('parseDecision: what the province officer types', () => {
  test.each([
    ['บรรจุในแผนพัฒนาจังหวัด', { kind: 'provincial-plan', note: '' }],
    ['บรรจุในแผนปฏิบัติราชการประจำปี ๒๕๖๙', { kind: 'annual-plan', note: '2569' }],
    ['ส่งส่วนราชการ แขวงทางหลวงชนบทสุราษฎร์ธานี (รอผล)', { kind: 'agency', agency: 'แขวงทางหลวงชนบทสุราษฎร์ธานี', note: '(รอผล)' }],
    ['ส่งต่อกรมชลประทาน', { kind: 'agency', agency: 'กรมชลประทาน', note: '' }],
    ['อบจ. รับพิจารณา', { kind: 'pao', note: '' }],
    ['ได้รับงบประมาณ ๒,๕๐๐,๐๐๐ บาท ปี ๒๕๖๘', { kind: 'funded', amount: 2_500_000, year: 2568, note: '' }],
    ['ได้รับงบประมาณ 1,200,000.00 บาท ปีงบประมาณ 2569 งบกลุ่มจังหวัด', { kind: 'funded', amount: 1_200_000, year: 2569, note: 'งบกลุ่มจังหวัด' }],
    ['ไม่ได้รับ - ซ้ำซ้อนกับงบ อปท.', { kind: 'not-funded', note: 'ซ้ำซ้อนกับงบ อปท.' }],
    ['รอข้อมูลเพิ่มเติมจากอำเภอ', { kind: 'note', note: 'รอข้อมูลเพิ่มเติมจากอำเภอ' }],
  ])('%s', (text, want) => {
    expect(parseDecision(text)).toEqual({ ...want, text });
  });
  test('blank and "-" are no decision', () => {
    expect(parseDecision('')).toBeUndefined();
    expect(parseDecision(' - ')).toBeUndefined();
  });
});

describe('from the province back to the district', () => {
  let muang: District;
  let phunphin: District;
  /** อำเภอเมือง's table after its officer ranked and annotated it (the one it sent). */
  let muangSent: WorkbookModel;
  let province: ConsolidateResult;
  /** The province's table with its officer's decisions typed in. */
  let decided: WorkbookModel;
  const ranked: Record<string, { rank: string; note: string }> = {};
  let names: string[];

  beforeAll(async () => {
    muang = await muangDistrict();
    phunphin = await phunphinDistrict();
    // The district officer reverses the first three ranks and writes a note on each.
    muangSent = muang.workbook;
    const s = muangSent.sheets[0];
    names = muang.result.items.slice(0, 3).map((i) => i.name);
    names.forEach((name, k) => {
      const r = rowOf(s, name);
      s.rows[r]![headerCol(s, 'ลำดับความสำคัญของอำเภอ')] = makeCell(String(3 - k));
      s.rows[r]![headerCol(s, 'บันทึกของอำเภอ')] = makeCell(`ประชุมหัวหน้าส่วน ครั้งที่ ${k + 1}`);
      ranked[name] = { rank: String(3 - k), note: `ประชุมหัวหน้าส่วน ครั้งที่ ${k + 1}` };
    });
    muangSent = roundTrip(toOutWorkbook(muangSent), 'แผนความต้องการ อ.เมือง.xlsx');
    province = await consolidate(
      [input(muangSent, 'แผนความต้องการ อ.เมือง.xlsx', 1), input(phunphin.workbook, 'แผนความต้องการ อ.พุนพิน.xlsx', 2)],
      {
        province: 'สุราษฎร์ธานี',
      },
    );
    decided = roundTrip(needsWorkbook(province, { province: 'สุราษฎร์ธานี' }), 'แผนความต้องการจังหวัด.xlsx');
    const p = decided.sheets[0];
    const col = headerCol(p, DECISION);
    // Written blank by OnePlan.
    expect(p.rows.slice(headerCol(p, DECISION) + 1).every((row) => !row?.[col]?.w)).toBe(true);
    p.rows[rowOf(p, names[0], 'เมือง')]![col] = makeCell('ได้รับงบประมาณ ๒,๕๐๐,๐๐๐ บาท ปี ๒๕๖๘');
    p.rows[rowOf(p, names[1], 'เมือง')]![col] = makeCell('ส่งส่วนราชการ แขวงทางหลวงชนบทสุราษฎร์ธานี (รอผล)');
    // A need the province retyped (its name and ที่มา no longer name the district's row): listed, not dropped.
    const lost = rowOf(p, names[2], 'เมือง');
    p.rows[lost]![col] = makeCell('ไม่ได้รับ');
    p.rows[lost]![1] = makeCell('โครงการที่จังหวัดพิมพ์ชื่อใหม่');
    p.rows[lost]![headerCol(p, 'ที่มา (ไฟล์ / ชีต / แถว)')] = makeCell('');
    const other = phunphin.result.items[0].name;
    p.rows[rowOf(p, other, 'พุนพิน')]![col] = makeCell('อบจ. รับพิจารณา');
  });

  test('the province table has the column, blank, and reads the typed decisions back', async () => {
    const back = await consolidate([input(decided)]);
    const kinds = back.items.filter((i) => i.decision).map((i) => [i.decision!.kind, i.decision!.amount ?? null]);
    expect(kinds.sort()).toEqual([
      ['agency', null],
      ['funded', 2_500_000],
      ['not-funded', null],
      ['pao', null],
    ]);
  });

  test('a re-run at the province keeps the decisions (typed in --json)', async () => {
    const again = await consolidate(
      [input(muangSent, 'แผนความต้องการ อ.เมือง.xlsx', 1), input(phunphin.workbook, 'แผนความต้องการ อ.พุนพิน.xlsx', 2)],
      {
        province: 'สุราษฎร์ธานี',
        previous: readPrevious(decided),
      },
    );
    const funded = again.items.find((i) => i.name === names[0] && i.district?.includes('เมือง'))!;
    expect(funded.decision).toMatchObject({ kind: 'funded', amount: 2_500_000, year: 2568 });
    const json = ConsolidateJsonSchema.parse(consolidateJson(again, null));
    expect(
      json.needs.items
        .filter((i) => i.decision)
        .map((i) => i.decision!.kind)
        .sort(),
    ).toEqual(['agency', 'funded', 'pao']);
    // The retyped row is another need now: its decision stays with the province's vanished row.
    expect(again.merge?.vanished.map((v) => v.name)).toContain('โครงการที่จังหวัดพิมพ์ชื่อใหม่');
    const againWb = roundTrip(needsWorkbook(again, { province: 'สุราษฎร์ธานี' }), 'again.xlsx');
    expect(errorsOf(againWb)).toEqual([]);
    const written = againWb.sheets[0];
    expect(cellAt(written, rowOf(written, names[0], 'เมือง'), DECISION)).toBe('ได้รับงบประมาณ ๒,๕๐๐,๐๐๐ บาท ปี ๒๕๖๘');
  });

  test('the whole province table returned: decisions land by provenance (ที่มา names the district table row), other districts\u2019 rows left out', async () => {
    const inputs = [...allWorkbooks().map((wb, k) => input(wb, wb.name, k + 3)), input(decided, 'แผนความต้องการจังหวัด.xlsx', 9)];
    const back = await consolidate(inputs, { previous: readPrevious(muangSent) });
    expect(back.items).toHaveLength(muang.result.items.length);
    expect(back.returned).toMatchObject({ applied: 2, unmatched: [{ name: 'โครงการที่จังหวัดพิมพ์ชื่อใหม่' }] });
    expect(back.items.find((i) => i.name === names[0])!.decision?.kind).toBe('funded');
    expect(back.items.filter((i) => i.decision?.kind === 'pao')).toEqual([]);
  });

  test('a province file naming the district "อ.เมือง" / "อำเภอเมือง": its decisions land on อำเภอเมืองสุราษฎร์ธานี by the gazetteer', async () => {
    const retyped = roundTrip(toOutWorkbook(decided), 'แผนความต้องการจังหวัด.xlsx');
    const p = retyped.sheets[0];
    const dc = headerCol(p, 'อำเภอ');
    p.rows[rowOf(p, names[0], 'เมือง')]![dc] = makeCell('อ.เมือง');
    p.rows[rowOf(p, names[1], 'เมือง')]![dc] = makeCell('อำเภอเมือง');
    const inputs = [...allWorkbooks().map((wb, k) => input(wb, wb.name, k + 3)), input(retyped, 'แผนความต้องการจังหวัด.xlsx', 9)];
    for (const opts of [{ province: 'สุราษฎร์ธานี' }, {}]) {
      const back = await consolidate(inputs, { ...opts, previous: readPrevious(muangSent) });
      expect(back.district).toBe('อำเภอเมืองสุราษฎร์ธานี');
      expect(back.returned).toMatchObject({ applied: 2 });
      expect(back.items.find((i) => i.name === names[0])!.decision?.kind).toBe('funded');
      expect(back.items.find((i) => i.name === names[1])!.decision?.kind).toBe('agency');
      // พุนพิน's row is still another district's.
      expect(back.items.filter((i) => i.decision?.kind === 'pao')).toEqual([]);
    }
  });

  test('the province table writes each district by its whole name (a table titled "อ.เมือง" is อำเภอเมืองสุราษฎร์ธานี)', async () => {
    const short = roundTrip(toOutWorkbook(muangSent), 'แผนความต้องการ อ.เมือง.xlsx');
    const title = short.sheets[0].rows[0]!.findIndex((c) => c?.w === 'แผนความต้องการของอำเภอเมืองสุราษฎร์ธานี');
    expect(title).toBeGreaterThanOrEqual(0);
    short.sheets[0].rows[0]![title] = makeCell('แผนความต้องการของ อ.เมือง');
    const result = await consolidate(
      [input(short, 'แผนความต้องการ อ.เมือง.xlsx', 1), input(phunphin.workbook, 'แผนความต้องการ อ.พุนพิน.xlsx', 2)],
      {
        province: 'สุราษฎร์ธานี',
      },
    );
    expect([...new Set(result.items.map((i) => i.district))].sort()).toEqual(['อำเภอพุนพิน', 'อำเภอเมืองสุราษฎร์ธานี']);
    const t = roundTrip(needsWorkbook(result, { province: 'สุราษฎร์ธานี' }), 'จังหวัด.xlsx').sheets[0];
    expect(cellAt(t, rowOf(t, names[0]), 'อำเภอ')).toBe('อำเภอเมืองสุราษฎร์ธานี');
    // split --by district names the part by it too.
    expect(
      splitNeeds(result, 'district')
        .map((part) => part.receiver)
        .sort(),
    ).toEqual(['อำเภอพุนพิน', 'อำเภอเมืองสุราษฎร์ธานี']);
  });

  test('split --by district carries the decisions; the district takes them back onto its own table', async () => {
    const parts = splitNeeds(await consolidate([input(decided)]), 'district');
    const muangPart = parts.find((p) => p.receiver.includes('เมือง'))!;
    const partWb = roundTrip(needsWorkbook(muangPart.result, { province: 'สุราษฎร์ธานี' }), 'อำเภอเมืองสุราษฎร์ธานี.xlsx');
    expect(cellAt(partWb.sheets[0], rowOf(partWb.sheets[0], names[1]), DECISION)).toBe('ส่งส่วนราชการ แขวงทางหลวงชนบทสุราษฎร์ธานี (รอผล)');
    expect(errorsOf(partWb)).toEqual([]);

    // The district: its received files again, its own table as the officer left it, and the returned part.
    const inputs = [...allWorkbooks().map((wb, k) => input(wb, wb.name, k + 3)), input(partWb, 'ผลการพิจารณา จ.สุราษฎร์ธานี.xlsx', 9)];
    const back = await consolidate(inputs, { previous: readPrevious(muangSent) });
    expect(back.items).toHaveLength(muang.result.items.length);
    expect(back.items.every((i) => i.status === 'kept')).toBe(true);
    for (const name of names) {
      const it = back.items.find((i) => i.name === name)!;
      expect([String(it.rank), it.officerNote]).toEqual([ranked[name].rank, ranked[name].note]);
    }
    expect(back.items.find((i) => i.name === names[0])!.decision).toMatchObject({ kind: 'funded', amount: 2_500_000, year: 2568 });
    expect(back.items.find((i) => i.name === names[1])!.decision).toMatchObject({ kind: 'agency', agency: 'แขวงทางหลวงชนบทสุราษฎร์ธานี' });
    expect(back.items.find((i) => i.name === names[2])!.decision).toBeUndefined();
    expect(back.returned).toMatchObject({ applied: 2, unmatched: [{ name: 'โครงการที่จังหวัดพิมพ์ชื่อใหม่', decision: { kind: 'not-funded' } }] });
    const rep = back.inputs.find((i) => i.file.startsWith('ผลการพิจารณา'))!;
    expect([rep.taken, rep.note]).toEqual([0, expect.stringContaining('ไม่นับเป็นความต้องการใหม่')]);
    expect(ConsolidateJsonSchema.parse(consolidateJson(back, null)).returned?.unmatched).toHaveLength(1);
    // The pane's summary line says it too.
    expect(consolidateView(back).returned).toEqual({ applied: 2, unmatched: 1 });

    // Written: the decisions in their column, the unmatched one listed, validate clean; a re-run keeps them.
    const out = roundTrip(needsWorkbook(back), 'แผนความต้องการ อ.เมือง.xlsx');
    const t = out.sheets[0];
    expect(cellAt(t, rowOf(t, names[0]), DECISION)).toBe('ได้รับงบประมาณ ๒,๕๐๐,๐๐๐ บาท ปี ๒๕๖๘');
    expect(cellAt(t, rowOf(t, names[0]), 'ลำดับความสำคัญของอำเภอ')).toBe(ranked[names[0]].rank);
    const u = out.sheets.find((s) => s.name === UNMATCHED_DECISIONS_SHEET)!;
    expect(u.rows.some((row) => row?.[1]?.w === 'โครงการที่จังหวัดพิมพ์ชื่อใหม่' && row?.[4]?.w === 'ไม่ได้รับ')).toBe(true);
    expect(errorsOf(out)).toEqual([]);
    const rerun = await consolidate(
      allWorkbooks().map((wb, k) => input(wb, wb.name, k + 3)),
      { previous: readPrevious(out) },
    );
    expect(rerun.items.find((i) => i.name === names[1])!.decision?.kind).toBe('agency');

    // split --by proposer: each tambon and อปท. its own list, with the decisions.
    const byProposer = splitNeeds(await consolidate([input(out)]), 'proposer');
    expect(byProposer.length).toBeGreaterThan(1);
    const withFunded = byProposer.find((p) => p.result.items.some((i) => i.name === names[0]))!;
    expect(withFunded.result.items.every((i) => i.organisation === withFunded.receiver)).toBe(true);
    const pw = roundTrip(needsWorkbook(withFunded.result), 'part.xlsx').sheets[0];
    expect(cellAt(pw, rowOf(pw, names[0]), DECISION)).toBe('ได้รับงบประมาณ ๒,๕๐๐,๐๐๐ บาท ปี ๒๕๖๘');
  });

  test('the CLI: split --by district, consolidate onto the district table with the returned file, split --by proposer', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oneplan-decisions-'));
    try {
      const io = { out: (x: string) => void out.push(x), err: (x: string) => void err.push(x) };
      const out: string[] = [];
      const err: string[] = [];
      const provinceFile = path.join(dir, 'แผนความต้องการจังหวัด.xlsx');
      writeFileSync(provinceFile, writeXlsx(toOutWorkbook(decided)));
      expect(await runSplit([provinceFile, '--by', 'district', '--out', path.join(dir, 'อำเภอ'), '--province', 'สุราษฎร์ธานี'], io)).toBe(0);
      const part = readdirSync(path.join(dir, 'อำเภอ')).find((f) => f.includes('เมือง'))!;
      const inbox = path.join(dir, 'รับมา');
      mkdirSync(inbox);
      for (const wb of allWorkbooks()) writeFileSync(path.join(inbox, wb.name), writeXlsx(toOutWorkbook(wb)));
      writeFileSync(path.join(inbox, 'ผลการพิจารณาจังหวัด.xlsx'), readFileSync(path.join(dir, 'อำเภอ', part)));
      const table = path.join(dir, 'แผนความต้องการ อ.เมือง.xlsx');
      writeFileSync(table, writeXlsx(toOutWorkbook(muangSent)));
      out.length = 0;
      expect(await runConsolidate([inbox, '--out', table, '--json'], io)).toBe(0);
      const json = ConsolidateJsonSchema.parse(JSON.parse(out.join('')));
      expect(json.returned).toMatchObject({ applied: 2, unmatched: [{ name: 'โครงการที่จังหวัดพิมพ์ชื่อใหม่' }] });
      expect(json.needs.items.find((i) => i.name === names[0])).toMatchObject({
        priority: Number(ranked[names[0]].rank),
        decision: { kind: 'funded' },
      });

      expect(await runSplit([table, '--by', 'proposer', '--out', path.join(dir, 'ผู้เสนอ')], io)).toBe(0);
      const files = readdirSync(path.join(dir, 'ผู้เสนอ'));
      expect(files.length).toBeGreaterThan(1);
      const decisions = files.flatMap((f) => {
        const wb = readWorkbookBytes(new Uint8Array(readFileSync(path.join(dir, 'ผู้เสนอ', f))), f, { inflateRaw: nodeInflateRaw });
        const sh = wb.sheets[0];
        const col = headerCol(sh, DECISION);
        return sh.rows.flatMap((row) => (row?.[col]?.w && row[col]!.w !== DECISION ? [[f, row[1]?.w, row[col]!.w]] : []));
      });
      expect(decisions.map(([, name, d]) => [name, d]).sort()).toEqual(
        [
          [names[0], 'ได้รับงบประมาณ ๒,๕๐๐,๐๐๐ บาท ปี ๒๕๖๘'],
          [names[1], 'ส่งส่วนราชการ แขวงทางหลวงชนบทสุราษฎร์ธานี (รอผล)'],
        ].sort(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
