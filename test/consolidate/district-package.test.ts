/**
 * The district's package for the province (issue 14): classification words, routes, the district plan as
 * a reference, the default rank order, re-runs that keep the officer's work, the ก.บ.อ. approval, and who
 * has not sent — on .xlsx files shaped like the real ones (written and read back).
 */
import {
  consolidate,
  consolidateJson,
  needsWorkbook,
  readPrevious,
  readRoster,
  NEEDS_SHEET,
  FOLLOWUP_SHEET,
  VANISHED_SHEET,
  type ConsolidateInput,
  type ConsolidateResult,
} from '../../src/engine/consolidate';
import { classify, DEFAULT_CLASS_WORDS, defaultRoute, parseRoute } from '../../src/engine/classification';
import { senderKey } from '../../src/engine/consolidate/roster';
import { makeCell, sheetFromValues, type SheetModel, type WorkbookModel } from '../../src/engine/model';
import { readPlanSheet } from '../../src/engine/forms/read';
import { validateWorkbook } from '../../src/engine/validate';
import { toOutWorkbook, nadiWorkbook, nongbuaWorkbook } from './fixtures';
import { districtPlan, nadiTambonPlan, nongbuaTambonPlan, roster } from './district-fixtures';
import { roundTrip } from '../roundtrip/fixtures';
import { ConsolidateJsonSchema } from '../../src/engine/consolidate/json-schema';

/** Every fixture goes through .xlsx bytes first: what the officer's files really are. */
const viaXlsx = (wb: WorkbookModel): WorkbookModel => roundTrip(toOutWorkbook(wb), wb.name);
const inputsOf = (wbs: WorkbookModel[]): ConsolidateInput[] =>
  wbs.map((w, i) => ({ file: w.name, checksum: i.toString(16).padStart(64, '0'), workbook: viaXlsx(w) }));
const names = (r: ConsolidateResult) => r.items.map((i) => i.name);

describe("classification: the seeds' words, one rule for columns and section rows, a setting", () => {
  test('the ways officers write it', () => {
    expect(classify('เกินขีดความสามารถของ อปท.')).toBe('pao');
    expect(classify('เกินขีดความ สามารถขององค์กรปกครองส่วนท้องถิ่น')).toBe('pao');
    expect(classify('เกินศักยภาพ')).toBe('pao');
    expect(classify('ประสานส่วนราชการ')).toBe('agency');
    expect(classify('ประสานหน่วยงาน')).toBe('agency');
    expect(classify('ขอรับ การสนับสนุน')).toBe('support');
    expect(classify('3. โครงการที่ขอรับการสนับสนุนจากหน่วยงานภายนอก')).toBe('support');
    expect(classify('ไม่เกินศักยภาพ')).toBeNull();
    expect(classify('ดำเนินการเอง')).toBeNull();
    expect(classify('')).toBeNull();
  });

  test("routes follow the class and the agency named; the officer's words read back", () => {
    expect(defaultRoute('support', 'อบจ.สุราษฎร์ธานี', false)).toBe('pao');
    expect(defaultRoute('agency', '', false)).toBe('agency');
    expect(defaultRoute('support', 'กรมชลประทาน', false)).toBe('agency');
    expect(defaultRoute('pao', '', false)).toBe('pao');
    expect(defaultRoute(null, 'กองช่าง', true)).toBe('pao');
    expect(defaultRoute('support', '-', false)).toBe('province');
    expect(['อบจ.', 'ส่วนราชการ/หน่วยงาน', 'จังหวัด (ก.บ.จ.)', 'agency', 'หมอ'].map(parseRoute)).toEqual([
      'pao',
      'agency',
      'province',
      'agency',
      null,
    ]);
  });

  test('column and section rows take the same words: nothing the seeds say is lost', async () => {
    const r = await consolidate(inputsOf([nadiTambonPlan(), nongbuaTambonPlan()]));
    const n = names(r);
    // Column: เกินขีดความสามารถของ อปท., ประสานส่วนราชการ, ขอรับการสนับสนุน, "ขอรับ การสนับสนุน".
    expect(n).toEqual(
      expect.arrayContaining([
        'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน',
        'ขุดลอกหนองน้ำสาธารณะบ้านนาดี',
        'ก่อสร้างศาลาอเนกประสงค์',
        'ส่งเสริมการท่องเที่ยวชุมชน',
      ]),
    );
    // Section rows: "2. โครงการที่เกินขีดความสามารถของ อปท.", "3. โครงการที่ประสานส่วนราชการ".
    expect(n).toEqual(expect.arrayContaining(['ก่อสร้างสะพานข้ามคลองหนองบัว', 'ขยายเขตไฟฟ้าแรงต่ำ', 'ซ่อมแซมถนนลาดยางสายหนองบัว-ท่าทอง']));
    expect(n).not.toContain('ฝึกอบรมอาชีพจักสาน'); // ดำเนินการเอง
    expect(n).not.toContain('ปรับปรุงระบบประปาหมู่บ้าน'); // ไม่เกินศักยภาพ
    expect(n).not.toContain('รณรงค์ทำความสะอาดหมู่บ้าน');
    expect(r.items).toHaveLength(7);
    const route = Object.fromEntries(r.items.map((i) => [i.name, i.route]));
    expect(route).toMatchObject({
      ส่งเสริมการท่องเที่ยวชุมชน: 'province',
      'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน': 'pao',
      ก่อสร้างสะพานข้ามคลองหนองบัว: 'pao',
      ขยายเขตไฟฟ้าแรงต่ำ: 'agency',
      'ซ่อมแซมถนนลาดยางสายหนองบัว-ท่าทอง': 'agency',
      ขุดลอกหนองน้ำสาธารณะบ้านนาดี: 'agency',
      ก่อสร้างศาลาอเนกประสงค์: 'pao',
    });
  });

  test('the word lists are a setting: a list switched off takes its rows out', async () => {
    const r = await consolidate(inputsOf([nadiTambonPlan(), nongbuaTambonPlan()]), { classWords: { agency: [] } });
    expect(names(r)).not.toContain('ขุดลอกหนองน้ำสาธารณะบ้านนาดี');
    expect(names(r)).not.toContain('ซ่อมแซมถนนลาดยางสายหนองบัว-ท่าทอง');
    const own = await consolidate(inputsOf([nadiTambonPlan()]), { classWords: { ...DEFAULT_CLASS_WORDS, support: ['ดำเนินการเอง'] } });
    expect(names(own)).toContain('ฝึกอบรมอาชีพจักสาน');
  });
});

describe('the district plan: a reference the needs must be in, never a reason to drop one', () => {
  let r: ConsolidateResult;
  beforeAll(async () => {
    r = await consolidate(inputsOf([nadiTambonPlan(), nongbuaTambonPlan(), districtPlan()]));
  });

  test('recognised as district-plan, its rows never needs', () => {
    const plan = readPlanSheet(viaXlsx(districtPlan()).sheets[0]);
    expect(plan.kind).toBe('district-plan');
    expect(plan.projects).toHaveLength(4);
    expect(r.inputs[2].sheets[0]).toMatchObject({ kind: 'district-plan', projects: 4, taken: 0 });
    expect(names(r)).not.toContain('ก่อสร้างอาคารอเนกประสงค์ที่ว่าการอำเภอ');
    expect(r.districtPlan).toEqual({ sheets: 1, projects: 4 });
  });

  test('each need says whether the plan holds it; the others are flagged, all counted', () => {
    const inPlan = Object.fromEntries(r.items.map((i) => [i.name, i.inDistrictPlan]));
    expect(inPlan).toEqual({
      ส่งเสริมการท่องเที่ยวชุมชน: false,
      'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน': true,
      ก่อสร้างสะพานข้ามคลองหนองบัว: true,
      ขยายเขตไฟฟ้าแรงต่ำ: false,
      'ซ่อมแซมถนนลาดยางสายหนองบัว-ท่าทอง': false,
      ขุดลอกหนองน้ำสาธารณะบ้านนาดี: true,
      ก่อสร้างศาลาอเนกประสงค์: false,
    });
    expect(r.items.every((i) => i.inTotals)).toBe(true);
    expect(r.totals).toEqual({ 2568: 1_500_000 + 300_000 + 2_000_000, 2569: 600_000 + 200_000 + 400_000 + 3_000_000 });
    expect(r.notInDistrictPlan).toHaveLength(4);
    const flagged = r.items.find((i) => i.name === 'ขยายเขตไฟฟ้าแรงต่ำ')!;
    expect(flagged.remarks.join()).toMatch(/ไม่มีในแผนพัฒนาอำเภอ/);
    expect(r.duplicates).toEqual([]);
  });

  test('without a district plan: null, no flags', async () => {
    const plain = await consolidate(inputsOf([nadiTambonPlan()]));
    expect(plain.items.every((i) => i.inDistrictPlan === null)).toBe(true);
    expect(plain.districtPlan).toBeNull();
    expect(plain.items.some((i) => i.remarks.some((m) => /แผนพัฒนาอำเภอ/.test(m)))).toBe(false);
  });
});

describe("ranking: issue first, then every source's first choice before anyone's second", () => {
  test('the default order and the district rank', async () => {
    const r = await consolidate(inputsOf([nadiTambonPlan(), nongbuaTambonPlan()]));
    expect(r.items.map((i) => [i.rank, i.name, i.priority])).toEqual([
      [1, 'ส่งเสริมการท่องเที่ยวชุมชน', '๔'],
      // Equal turns in the canonical order of the files (by name: แผนชุมชน… before แผนพัฒนา…), not the order given.
      [2, 'ก่อสร้างสะพานข้ามคลองหนองบัว', '๑'],
      [3, 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน', '๒'],
      [4, 'ขยายเขตไฟฟ้าแรงต่ำ', '๒'],
      [5, 'ซ่อมแซมถนนลาดยางสายหนองบัว-ท่าทอง', '๓'],
      [6, 'ขุดลอกหนองน้ำสาธารณะบ้านนาดี', '๑'],
      [7, 'ก่อสร้างศาลาอเนกประสงค์', '๓'],
    ]);
  });

  test('unranked ผ.02/2 rows take their turns in sheet order', async () => {
    const r = await consolidate(inputsOf([nadiWorkbook(), nongbuaTambonPlan()]));
    const issue3 = r.groups.find((g) => g.code === '3')!.items;
    // อบต.นาดี's ผ.02/2 rows take turns with หนองบัว's ranks ๑, ๒, ๓ (its first row with their ๑, …).
    expect(issue3.map((i) => i.name)).toEqual([
      'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3',
      'ก่อสร้างสะพานข้ามคลองหนองบัว',
      'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 4',
      'ขยายเขตไฟฟ้าแรงต่ำ',
      'ขุดลอกคลองนาดี หมู่ที่ ๕',
      'ซ่อมแซมถนนลาดยางสายหนองบัว-ท่าทอง',
      'ก่อสร้างระบบประปาหมู่บ้าน หมู่ที่ 2',
    ]);
    expect(r.items.map((i) => i.rank)).toEqual(r.items.map((_, k) => k + 1));
  });
});

/** Column of a header in the written needs sheet (the header row holds "ที่" in A). */
function col(sheet: SheetModel, header: string): { row: number; col: number } {
  for (let r = 0; r < 10; r++) {
    const c = (sheet.rows[r] ?? []).findIndex((x) => x?.w === header);
    if (c >= 0) return { row: r, col: c };
  }
  throw new Error(`no header ${header}`);
}
const rowOf = (sheet: SheetModel, name: string): number => sheet.rows.findIndex((r) => r?.[1]?.w === name);
const set = (sheet: SheetModel, r: number, c: number, v: string | number | null) => {
  const row = (sheet.rows[r] ??= []);
  row[c] = makeCell(v);
};

describe("re-running keeps the officer's work", () => {
  let first: ConsolidateResult;
  let edited: WorkbookModel;
  let again: ConsolidateResult;
  beforeAll(async () => {
    first = await consolidate(inputsOf([nadiTambonPlan(), nongbuaTambonPlan(), districtPlan()]), { district: 'เมือง' });
    edited = roundTrip(needsWorkbook(first), 'needs.xlsx');
    // The officer ranks, routes, annotates and records the ก.บ.อ. meeting, in Excel.
    const s = edited.sheets[0];
    const rank = col(s, 'ลำดับความสำคัญของอำเภอ').col;
    const route = col(s, 'ส่งถึง (ผู้รับเรื่อง)').col;
    const note = col(s, 'บันทึกของอำเภอ').col;
    set(s, rowOf(s, 'ขยายเขตไฟฟ้าแรงต่ำ'), rank, '๑');
    set(s, rowOf(s, 'ส่งเสริมการท่องเที่ยวชุมชน'), rank, 4);
    set(s, rowOf(s, 'ก่อสร้างศาลาอเนกประสงค์'), route, 'ส่วนราชการ');
    set(s, rowOf(s, 'ก่อสร้างสะพานข้ามคลองหนองบัว'), note, 'รอแบบแปลนจากโยธาธิการ');
    const approvalRow = s.rows.findIndex((r) => /ก\.บ\.อ\./.test(r?.[0]?.w ?? ''));
    set(s, approvalRow, 0, 'ผ่านความเห็นชอบของคณะกรรมการบริหารงานอำเภอ (ก.บ.อ.) ในการประชุมครั้งที่ ๓/๒๕๖๘ เมื่อวันที่ ๑๕ พฤษภาคม ๒๕๖๘');
    // A late file arrives (ทต.หนองบัว's ผ.02/2) and นาดี withdraws its tourism need.
    const nadi = nadiTambonPlan();
    nadi.sheets[0].rows = nadi.sheets[0].rows.filter((r) => r?.[1]?.w !== 'ส่งเสริมการท่องเที่ยวชุมชน');
    const prev = readPrevious(
      roundTrip(
        {
          sheets: edited.sheets.map((x) => ({
            name: x.name,
            rows: x.rows.map((r) => (r ?? []).map((c) => (c ? (typeof c.v === 'number' ? c.v : c.w) : null))),
            merges: x.merges,
          })),
        },
        'needs.xlsx',
      ),
    );
    expect(prev).toBeDefined();
    again = await consolidate(inputsOf([nadi, nongbuaTambonPlan(), districtPlan(), nongbuaWorkbook()]), { previous: prev });
  });

  test('ranks, routes, notes and approval of needs still present are kept', () => {
    const by = Object.fromEntries(again.items.map((i) => [i.name, i]));
    expect(by['ขยายเขตไฟฟ้าแรงต่ำ'].rank).toBe(1);
    expect(by['ก่อสร้างศาลาอเนกประสงค์'].route).toBe('agency');
    expect(by['ก่อสร้างสะพานข้ามคลองหนองบัว'].officerNote).toBe('รอแบบแปลนจากโยธาธิการ');
    expect(by['ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน'].rank).toBe(3);
    expect(again.approval).toEqual({ meeting: '3/2568', date: { year: 2568, month: 5, day: 15 } });
    expect(again.district).toBe('อำเภอเมือง');
    expect(again.items.every((i) => i.district === 'อำเภอเมือง')).toBe(true);
  });

  test("new needs are marked new and ranked after the officer's last; vanished ones are listed", () => {
    const fresh = again.items.filter((i) => i.status === 'new');
    expect(fresh.map((i) => i.name).sort()).toEqual(
      ['ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3', 'ก่อสร้างอาคาร รพ.สต.บ้านหนองบัว หมู่ที่ 1', 'ปรับปรุงถนนลาดยางสายหนองบัว-ห้วยทราย หมู่ที่ 6'].sort(),
    );
    expect(fresh.map((i) => i.rank!).sort((a, b) => a - b)).toEqual([8, 9, 10]);
    expect(fresh.every((i) => i.remarks.some((m) => m.startsWith('ใหม่')))).toBe(true);
    expect(again.merge).toMatchObject({ kept: 6, new: 3 });
    expect(again.merge!.vanished.map((v) => [v.name, v.rank])).toEqual([['ส่งเสริมการท่องเที่ยวชุมชน', 4]]);
    // Within an issue the table follows the officer's ranks.
    const issue3 = again.groups.find((g) => g.code === '3')!.items.map((i) => i.rank);
    expect(issue3).toEqual([...issue3].sort((a, b) => (a ?? 99) - (b ?? 99)));
  });

  test('the written table prints the approval, lists the vanished, and validates clean of package findings', () => {
    const wb = roundTrip(needsWorkbook(again), 'needs.xlsx');
    const s = wb.sheets[0];
    expect(s.rows[0]?.[0]?.w).toBe('แผนความต้องการของอำเภอเมือง');
    expect(
      s.rows
        .slice(0, 5)
        .map((r) => r?.[0]?.w ?? '')
        .join('\n'),
    ).toContain('ในการประชุมครั้งที่ 3/2568 เมื่อวันที่ 15 พฤษภาคม 2568');
    expect(wb.sheets.map((x) => x.name)).toContain(VANISHED_SHEET);
    const codes = validateWorkbook(wb).sheets[0].findings.map((f) => f.code);
    expect(codes).not.toContain('approval-missing');
    expect(codes).not.toContain('priority-missing');
    expect(codes).not.toContain('priority-duplicate');
  });
});

describe('validate a district needs sheet: ranks and approval', () => {
  test('priority-missing, priority-duplicate and approval-missing on their cells', async () => {
    const r = await consolidate(inputsOf([nadiTambonPlan(), nongbuaTambonPlan()]));
    const wb = roundTrip(needsWorkbook(r), 'needs.xlsx');
    const s = wb.sheets[0];
    const rank = col(s, 'ลำดับความสำคัญของอำเภอ').col;
    const blank = rowOf(s, 'ขยายเขตไฟฟ้าแรงต่ำ');
    const dup = rowOf(s, 'ก่อสร้างศาลาอเนกประสงค์');
    set(s, blank, rank, null);
    set(s, dup, rank, '๓'); // the road is 3 already
    set(s, rowOf(s, 'ขุดลอกหนองน้ำสาธารณะบ้านนาดี'), rank, 'ด่วน');
    const f = validateWorkbook(wb).sheets[0].findings;
    const letter = String.fromCharCode(65 + rank);
    expect(f.filter((x) => x.code.startsWith('priority-')).map((x) => [x.code, x.row, x.column, x.severity])).toEqual(
      [
        ['priority-missing', blank + 1, letter, 'error'],
        ['priority-missing', rowOf(s, 'ขุดลอกหนองน้ำสาธารณะบ้านนาดี') + 1, letter, 'error'],
        ['priority-duplicate', dup + 1, letter, 'warning'],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    expect(f.find((x) => x.code === 'priority-missing' && x.row === rowOf(s, 'ขุดลอกหนองน้ำสาธารณะบ้านนาดี') + 1)?.message).toContain('"ด่วน"');
    expect(f.find((x) => x.code === 'priority-duplicate')?.message).toContain(`แถวที่ ${rowOf(s, 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน') + 1}`);
    const approval = f.find((x) => x.code === 'approval-missing')!;
    expect(approval.severity).toBe('warning');
    expect(s.rows[approval.row! - 1]?.[0]?.w).toMatch(/ก\.บ\.อ\..*\.\.\.\./);
  });

  test('a hand-made needs sheet without any rank column', () => {
    const sheet = sheetFromValues('x', [
      ['แผนความต้องการของอำเภอเมือง'],
      ['ที่', 'โครงการ', 'งบประมาณ', 'หน่วยงานที่จะขอประสาน'],
      [1, 'ขุดลอกคลอง', 100000, 'กรมชลประทาน'],
    ]);
    const f = validateWorkbook({ name: 'x.xlsx', sheets: [sheet] }).sheets[0].findings;
    expect(f.find((x) => x.code === 'priority-missing')).toMatchObject({ row: 2, column: null });
  });
});

describe('who has not sent', () => {
  test('names match across full and abbreviated forms', () => {
    const k = (s: string) => senderKey(s, true);
    expect(k('องค์การบริหารส่วนตำบลนาดี')).toEqual(k('อบต.นาดี'));
    expect(k('อบต. นาดี')).toEqual(k('อบต.นาดี'));
    expect(k('เทศบาลตำบลหนองบัว')).toEqual(k('ทต.หนองบัว'));
    expect(k('ตำบลนาดี')).toEqual(k('ต.นาดี'));
    expect(k('ตำบลนาดี')).not.toEqual(k('อบต.นาดี'));
    expect(senderKey('องค์การบริหารส่วนตำบลนาดี อำเภอเมือง จังหวัดสุราษฎร์ธานี')).toEqual({ type: 'อบต', name: 'นาดี' });
    expect(senderKey('3-อบต.ท่าทอง.xlsx')).toEqual({ type: 'อบต', name: 'ท่าทอง' });
    expect(senderKey('รพ.สต.บ้านนา')).toBeUndefined();
  });

  test('received, unreadable and missing, with a follow-up sheet and JSON', async () => {
    const expected = readRoster(viaXlsx(roster()));
    expect(expected).toEqual(['ตำบลนาดี', 'ต.หนองบัว', 'องค์การบริหารส่วนตำบลนาดี', 'ทต. หนองบัว', 'อบต.ท่าทอง', 'เทศบาลตำบลบางกุ้ง']);
    const inputs = [
      ...inputsOf([nadiTambonPlan(), nongbuaTambonPlan(), nadiWorkbook(), nongbuaWorkbook()]),
      { file: 'inbox/อบต.ท่าทอง.xlsx', checksum: '', error: { code: 'not-zip' as const, message: 'อ่านไม่ได้', messageEn: 'unreadable' } },
    ];
    const r = await consolidate(inputs, { expected, district: 'อ.เมือง' });
    expect(r.senders).toMatchObject({
      received: ['ตำบลนาดี', 'ต.หนองบัว', 'องค์การบริหารส่วนตำบลนาดี', 'ทต. หนองบัว'],
      unreadable: ['อบต.ท่าทอง'],
      missing: ['เทศบาลตำบลบางกุ้ง'],
    });
    const wb = needsWorkbook(r);
    const follow = wb.sheets.find((s) => s.name === FOLLOWUP_SHEET)!;
    const text = follow.rows.map((row) => row.map((c) => (c && typeof c === 'object' && 'value' in c ? c.value : c)).join('|'));
    expect(text.find((t) => t.includes('เทศบาลตำบลบางกุ้ง'))).toContain('ยังไม่ส่ง');
    expect(text.find((t) => t.includes('อบต.ท่าทอง'))).toContain('ส่งมาแล้วแต่ใช้ไม่ได้: อ่านไม่ได้');
    expect(wb.sheets[0].name).toBe(NEEDS_SHEET);

    const j = ConsolidateJsonSchema.parse(consolidateJson(r, null));
    expect(j.senders).toMatchObject({ expected, received: r.senders!.received, unreadable: ['อบต.ท่าทอง'], missing: ['เทศบาลตำบลบางกุ้ง'] });
    expect(j.senders!.entries.find((e) => e.name === 'อบต.ท่าทอง')).toMatchObject({ reason: 'อ่านไม่ได้', reasonEn: 'unreadable' });
    expect(j.district).toBe('อำเภอเมือง');
    const item = j.needs.items.find((i) => i.name === 'ขยายเขตไฟฟ้าแรงต่ำ')!;
    expect(item).toMatchObject({
      district: 'อำเภอเมือง',
      route: 'agency',
      sourcePriority: '๒',
      objective: '',
      target: '๒ กม.',
      inDistrictPlan: null,
    });
    expect(typeof item.priority).toBe('number');
  });
});
