/**
 * The needs table's columns come from one ordered list each side of the amounts (NEEDS_HEAD, NEEDS_TAIL):
 * its header row and every need's cells must agree. Written as Excel reads it, each column is found by its
 * header and must hold that need's value; and the form reader (what a re-run and the province read) must
 * take each field from the column its header names.
 */
import { consolidate, NEEDS_HEAD, NEEDS_TAIL, needsWorkbook, readPrevious, type NeedsItem } from '../../src/engine/consolidate';
import { parseDecision } from '../../src/engine/consolidate/decision';
import { provenanceKey } from '../../src/engine/consolidate/provenance';
import { proposerShort } from '../../src/engine/consolidate/roster';
import { ROUTE_LABEL } from '../../src/engine/classification';
import { readPlanSheet } from '../../src/engine/forms/read';
import type { SheetModel } from '../../src/engine/model';
import { roundTrip } from '../roundtrip/fixtures';
import { allWorkbooks } from './fixtures';

const blank = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** What each column shows for need number `no`, written out here apart from the table's own list. */
const EXPECTED: Record<string, (it: NeedsItem, no: number) => string> = {
  ที่: (_, no) => String(no),
  โครงการ: (it) => it.name,
  วัตถุประสงค์: (it) => it.objective,
  'เป้าหมาย (ผลผลิตของโครงการ)': (it) => it.target,
  หมู่ที่: (it) => blank(it.village),
  ตำบล: (it) => blank(it.tambon),
  อำเภอ: (it) => blank(it.district),
  'อปท./ผู้เสนอ': (it) => blank(it.organisation),
  'อปท./ผู้เสนอ (ย่อ)': (it) => (it.organisation ? proposerShort(it.organisation) : ''),
  นับยอด: (it) => (it.inTotals ? 'นับ' : 'ไม่นับ'),
  ลำดับความสำคัญของอำเภอ: (it) => blank(it.rank),
  'ส่งถึง (ผู้รับเรื่อง)': (it) => ROUTE_LABEL[it.route].th,
  หน่วยงานที่จะขอประสาน: (it) => it.agency,
  อยู่ในแผนพัฒนาอำเภอ: (it) => (it.inDistrictPlan === null ? '' : it.inDistrictPlan ? 'มี' : 'ไม่มี'),
  ประเด็นการพัฒนาจังหวัด: (it) => (it.issue ? (it.issue.code ?? '') : 'ไม่ระบุ'),
  'ลำดับความสำคัญ (ของแหล่งที่มา)': (it) => it.priority,
  'ที่มา (ไฟล์ / ชีต / แถว)': (it) => it.sources.map(provenanceKey).join('\n'),
  หมายเหตุ: (it) => [it.note, ...it.remarks].filter(Boolean).join('\n'),
  บันทึกของอำเภอ: (it) => it.officerNote,
  'แหล่งที่นับยอด (เมื่อยอดไม่ตรงกัน)': (it) => (it.conflict?.by === 'officer' ? String(it.conflict.counted) : ''),
  ผลการพิจารณาของจังหวัด: (it) => blank(it.decision?.text),
};

/** Every need in table order with its sheet row, by its number in the ที่ column. */
function needRows(sheet: SheetModel, headerRow: number, items: readonly NeedsItem[]): Array<[NeedsItem, number]> {
  const out: Array<[NeedsItem, number]> = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const no = Number(sheet.rows[r]?.[0]?.w);
    if (Number.isInteger(no) && no >= 1) out.push([items[no - 1], r]);
  }
  return out;
}

describe('the needs table: header row and cells from one list', () => {
  let items: NeedsItem[];
  let sheet: SheetModel;
  let header: string[];
  let headerRow: number;

  beforeAll(async () => {
    const r = await consolidate(
      allWorkbooks().map((wb, k) => ({ file: wb.name, checksum: String(k).repeat(64), workbook: wb })),
      {
        district: 'เมืองสุราษฎร์ธานี',
      },
    );
    // Officer's work in every working column, each need's distinct (a swapped pair of columns shows).
    r.items.forEach((it, k) => {
      it.officerNote = `บันทึก ${k + 1}`;
      it.decision = parseDecision(k % 2 ? 'อบจ. รับพิจารณา' : `ได้รับงบประมาณ ${k + 1},000 บาท ปี 2569`);
    });
    items = r.groups.flatMap((g) => g.items);
    sheet = roundTrip(needsWorkbook(r), 'แผนความต้องการ.xlsx').sheets[0];
    headerRow = sheet.rows.findIndex((row) => row?.[0]?.w === 'ที่');
    header = Array.from(sheet.rows[headerRow]!, (c) => c?.w ?? '');
  });

  test('every column the lists name is checked here (a new column needs its expectation)', () => {
    expect([...NEEDS_HEAD, ...NEEDS_TAIL].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(header.filter((h) => !/^ปีงบประมาณ \d{4} \(บาท\)$/.test(h))).toEqual([...NEEDS_HEAD, ...NEEDS_TAIL]);
  });

  test("each column, found by its header, holds that need's value", () => {
    const rows = needRows(sheet, headerRow, items);
    expect(rows).toHaveLength(items.length);
    for (const [h, want] of Object.entries(EXPECTED)) {
      const col = header.indexOf(h);
      for (const [it, r] of rows) {
        const got = sheet.rows[r]?.[col]?.w ?? '';
        const no = Number(sheet.rows[r]![0]!.w);
        // The issue cell starts with its number (its name follows).
        if (h === 'ประเด็นการพัฒนาจังหวัด') expect([h, no, got.split(' ')[0]]).toEqual([h, no, want(it, no)]);
        else expect([h, no, got]).toEqual([h, no, want(it, no)]);
      }
    }
  });

  test('each year column holds that year’s amount', () => {
    for (const [it, r] of needRows(sheet, headerRow, items))
      for (const [y, amount] of Object.entries(it.budgets)) {
        const col = header.indexOf(`ปีงบประมาณ ${y} (บาท)`);
        expect([y, sheet.rows[r]?.[col]?.v]).toEqual([y, amount]);
      }
  });

  test('a re-run finds its previous rows by header: each row’s ที่มา and the officer’s work', () => {
    const prev = readPrevious({ name: 'แผนความต้องการ.xlsx', sheets: [sheet] })!;
    expect(prev.rows.map((p) => [p.name, p.source, p.officerNote, p.decision])).toEqual(
      items.map((it) => [it.name, provenanceKey(it.sources[0]), it.officerNote, it.decision?.text]),
    );
  });

  test('the form reader (a re-run, the province) takes each field from its header’s column', () => {
    const plan = readPlanSheet(sheet);
    expect(plan.kind).toBe('district-needs');
    expect(plan.projects).toHaveLength(items.length);
    plan.projects.forEach((p, k) => {
      const it = items[k];
      expect([p.name, p.objective, p.target, p.village, p.tambon, p.district, p.proposer]).toEqual([
        it.name,
        it.objective,
        it.target,
        blank(it.village),
        blank(it.tambon),
        it.district,
        blank(it.organisation),
      ]);
      expect([p.sourcePriority, p.route, p.agency, p.officerNote, p.decision, p.priority]).toEqual([
        blank(it.rank),
        ROUTE_LABEL[it.route].th,
        it.agency,
        it.officerNote,
        it.decision?.text,
        it.priority,
      ]);
    });
  });
});
