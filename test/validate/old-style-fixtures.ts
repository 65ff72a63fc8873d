/**
 * An old-style 3-year plan workbook as offices keep them (issue 23: อบต.ไทรย้อย's แผนพัฒนาสามปี 2556–2558,
 * re-saved from .xls), written as a real .xlsx: ผ.01 laid out by ยุทธศาสตร์ / แนวทาง (no แผนงาน lines),
 * and a ผ.02 whose header labels are wrapped over three rows without any merge, repeated at a page
 * break, names wrapped onto the next row, sub-lines "จุดที่ 2/3" with their own amounts, and amounts
 * written as text in every officer's spelling.
 *
 * ผ.02 per แนวทาง and year (sub-lines counted; text amounts read):
 *   1.1  2556: 500,000 + 500,000 + (300,000 + 200,000 + 100,000) = 1,600,000 (3 projects); 2557: 300,000 (1)
 *   1.2  2556: 200,000 (1); 2557: 300,000 + 140,000 = 440,000 (2); 2558: 200,000 (1) ("รอประมาณการ" is no amount)
 *   2.1  50,000 each year (1)
 *   all  2556: 1,850,000; 2557: 790,000; 2558: 250,000
 * ผ.01 disagrees twice (planted): 1.1 2556 says 850,000 (750,000 short), 1.2 2557 says 300,000 (140,000 short);
 * its grand total "รวม" adds up its own lines, so it is short by the same amounts in 2556 and 2557.
 */
import { writeXlsx } from '../../src/xlsx/write';
import type { OutCell, OutSheet } from '../../src/engine/output';

type V = string | number | null;

const money = (v: V): OutCell => (typeof v === 'number' && v >= 10000 ? { value: v, style: { numFmt: '#,##0' } } : v);
const sheet = (name: string, rows: V[][], merges: OutSheet['merges'] = []): OutSheet => ({
  name,
  rows: rows.map((r) => r.map(money)),
  merges,
});

const TITLE_PERIOD = 'แผนพัฒนาสามปี (พ.ศ. 2556 ถึง 2558)';
const ORGANISATION = 'องค์การบริหารส่วนตำบลไทรย้อย อำเภอเด่นชัย จังหวัดแพร่';

/** The ผ.02 header: three rows, labels wrapped inside their cells' columns, no merged cells. */
export const WRAPPED_HEADER: V[][] = [
  ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณและที่ผ่านมา', null, null, 'ผลที่คาดว่า', 'หน่วยงาน'],
  [null, null, null, '(ผลผลิตของ', 2556, 2557, 2558, 'จะได้รับ', 'ที่รับผิดชอบ'],
  [null, null, null, 'โครงการ)', '(บาท)', '(บาท)', '(บาท)', null, null],
];

/** Rows (1-based) the tests name. */
export const ROWS = {
  header: 6,
  road6: 9,
  road3: 11,
  laterite: 13,
  point2: 14,
  point3: 15,
  repeatedHeader: 16,
  ditch: 20,
  light: 21,
  dengue: 24,
  total: 25,
  p01Road: 7,
  p01Water: 8,
  p01Total: 11,
};

export function p02Rows(opts: { beyond?: boolean } = {}): V[][] {
  const unit = 'ส่วนโยธา';
  return [
    ['รายละเอียดโครงการพัฒนา'],
    [TITLE_PERIOD],
    [opts.beyond ? 'สำหรับ โครงการที่เกินศักยภาพขององค์กรปกครองส่วนท้องถิ่น' : ORGANISATION],
    ['1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน'],
    ['1.1 แนวทางการพัฒนา ก่อสร้างและปรับปรุงถนน'],
    ...WRAPPED_HEADER,
    [1, 'ก่อสร้างถนน คสล.', 'เพื่อการคมนาคมสะดวก', 'กว้าง 4 ม. ยาว 200 ม.', 500000, '-', '-', 'ประชาชนสัญจรสะดวก', unit],
    [null, 'หมู่ที่ 6', null, 'หนา 0.15 ม.', null, null, null, 'ปลอดภัย', null],
    [2, 'ก่อสร้างถนน คสล.', 'เพื่อการคมนาคมสะดวก', 'กว้าง 4 ม. ยาว 200 ม.', 500000, '-', '-', 'ประชาชนสัญจรสะดวก', unit],
    [null, 'หมู่ที่ 3', null, 'หนา 0.15 ม.', null, null, null, 'ปลอดภัย', null],
    [3, 'ปรับปรุงถนนลูกรังภายในตำบล', 'เพื่อให้ถนนใช้การได้', 'จุดที่ 1 ยาว 300 ม.', 300000, 300000, '-', 'ถนนใช้การได้', unit],
    [null, 'จุดที่ 2', null, 'ยาว 200 ม.', 200000, '-', '-', null, null],
    [null, null, null, 'จุดที่ 3 ยาว 100 ม.', 100000, '-', '-', null, null],
    // The header again at the top of the next printed page.
    ...WRAPPED_HEADER,
    ['1.2 แนวทางการพัฒนา พัฒนาแหล่งน้ำ'],
    [4, 'ขุดลอกลำเหมืองสาธารณะ', 'เพื่อการเกษตร', 'ยาว 1,000 ม.', '200,000  .-', '300,000-.', '๒๐๐,๐๐๐ บาท', 'มีน้ำใช้', unit],
    [5, 'ก่อสร้างฝายชะลอน้ำ', 'เพื่อกักเก็บน้ำ', 'ฝาย 1 แห่ง', '-', 140000, 'รอประมาณการ', 'มีน้ำใช้', unit],
    ['2. ยุทธศาสตร์การพัฒนาด้านสังคม'],
    ['2.1 แนวทางการพัฒนา ส่งเสริมสุขภาพ'],
    [6, 'รณรงค์ป้องกันโรคไข้เลือดออก', 'เพื่อลดผู้ป่วย', 'ทุกหมู่บ้าน', 50000, 50000, 50000, 'ผู้ป่วยลดลง', 'ส่วนสาธารณสุข'],
    [null, 'รวม', null, null, 1850000, 790000, 250000, null, null],
  ];
}

export function p01Rows(): V[][] {
  const head = ['ยุทธศาสตร์', 'ปี 2556', null, 'ปี 2557', null, 'ปี 2558', null];
  const sub = [null, 'จำนวนโครงการ', 'งบประมาณ (บาท)', 'จำนวนโครงการ', 'งบประมาณ (บาท)', 'จำนวนโครงการ', 'งบประมาณ (บาท)'];
  return [
    ['บัญชีสรุปโครงการพัฒนา'],
    [TITLE_PERIOD],
    [ORGANISATION],
    head,
    sub,
    ['1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน'],
    ['1.1 แนวทางการพัฒนา ก่อสร้างและปรับปรุงถนน', 3, 850000, 1, 300000, '-', '-'],
    ['1.2 แนวทางการพัฒนา พัฒนาแหล่งน้ำ', 1, 200000, 2, 300000, 1, 200000],
    ['2. ยุทธศาสตร์การพัฒนาด้านสังคม', 1, 50000, 1, 50000, 1, 50000],
    ['2.1 แนวทางการพัฒนา ส่งเสริมสุขภาพ', 1, 50000, 1, 50000, 1, 50000],
    ['รวม', 5, 1100000, 4, 650000, 2, 250000],
  ];
}

/** The whole workbook as .xlsx bytes. */
export function oldStyleWorkbook(): Uint8Array {
  const p01Merges = [1, 3, 5].map((c) => ({ r1: 3, c1: c, r2: 3, c2: c + 1 }));
  return writeXlsx({ sheets: [sheet('ผ.01', p01Rows(), p01Merges), sheet('ผ.02', p02Rows())] });
}

/** The same ผ.02 layout as a ผ.02/2 (beyond capacity): the rows the district takes into its needs. */
export function oldStyleBeyondWorkbook(): Uint8Array {
  return writeXlsx({ sheets: [sheet('ผ.02-2', p02Rows({ beyond: true }))] });
}

/** A one-amount sheet: "งบประมาณ (บาท)" with no year anywhere in the header, amounts in every row. */
export function undatedWorkbook(): Uint8Array {
  return writeXlsx({
    sheets: [
      sheet('ผ.02', [
        ['รายละเอียดโครงการพัฒนา'],
        ['แผนพัฒนาท้องถิ่น พ.ศ. ๒๕๖๖ - ๒๕๗๐'],
        [ORGANISATION],
        ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณ (บาท)', 'หน่วยงานรับผิดชอบ'],
        [1, 'ก่อสร้างรางระบายน้ำ', 'เพื่อระบายน้ำ', 'ยาว 100 ม.', 250000, 'กองช่าง'],
        [2, 'ซ่อมแซมศาลาประชาคม', 'เพื่อใช้ประชุม', '1 หลัง', '80,000.-', 'กองช่าง'],
      ]),
    ],
  });
}

/**
 * A 2561-regulation ผ.01 that mixes figured ยุทธศาสตร์ lines with its แผนงาน lines ("1.1 แผนงาน…",
 * "(1) แผนงาน…"), a "รวม" under each strategy and "รวมทั้งสิ้น" at the end, with the ผ.02 it summarises.
 *
 * ผ.02: strategy 1: เคหะ 500,000 (2566) + 300,000 (2567), เกษตร 200,000 (2566); strategy 2: สาธารณสุข
 * 50,000 each year. All: 2566 750,000 (3 projects), 2567 350,000 (2).
 * Planted: strategy 2's "รวม" says 2 projects and 90,000 in 2567 (1 and 50,000), "รวมทั้งสิ้น" says
 * 300,000 in 2567 (350,000). Every other line agrees, strategy 1's "รวม" included.
 */
export const MIXED_ROWS = { strategy2Total: 12, grandTotal: 13 };

export function mixedSummaryWorkbook(): Uint8Array {
  const period = 'แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)';
  const p01: V[][] = [
    ['บัญชีสรุปโครงการพัฒนา'],
    [period],
    [ORGANISATION],
    ['ยุทธศาสตร์', 'ปี 2566', null, 'ปี 2567', null],
    [null, 'จำนวนโครงการ', 'งบประมาณ (บาท)', 'จำนวนโครงการ', 'งบประมาณ (บาท)'],
    ['1) ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 2, 700000, 1, 300000],
    ['   1.1 แผนงานเคหะและชุมชน', 1, 500000, 1, 300000],
    ['   1.2 แผนงานการเกษตร', 1, 200000, '-', '-'],
    ['รวม', 2, 700000, 1, 300000],
    ['2) ยุทธศาสตร์การพัฒนาด้านสังคม', 1, 50000, 1, 50000],
    ['   (1) แผนงานสาธารณสุข', 1, 50000, 1, 50000],
    ['รวม', 1, 50000, 2, 90000],
    ['รวมทั้งสิ้น', 3, 750000, 2, 300000],
  ];
  const p02: V[][] = [
    ['รายละเอียดโครงการพัฒนา'],
    [period],
    [ORGANISATION],
    ['1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน'],
    ['1.1 แผนงานเคหะและชุมชน'],
    ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย (ผลผลิตของโครงการ)', 'งบประมาณ', null, 'ผลที่คาดว่าจะได้รับ', 'หน่วยงานรับผิดชอบหลัก'],
    [null, null, null, null, 2566, 2567, null, null],
    [1, 'ก่อสร้างถนน คสล. หมู่ที่ 2', 'เพื่อการคมนาคม', 'ยาว 200 ม.', 500000, 300000, 'สัญจรสะดวก', 'กองช่าง'],
    ['1.2 แผนงานการเกษตร'],
    [2, 'ขุดลอกคลองส่งน้ำ', 'เพื่อการเกษตร', 'ยาว 1,000 ม.', 200000, '-', 'มีน้ำใช้', 'กองช่าง'],
    ['2. ยุทธศาสตร์การพัฒนาด้านสังคม'],
    ['2.1 แผนงานสาธารณสุข'],
    [3, 'รณรงค์ป้องกันโรคไข้เลือดออก', 'เพื่อลดผู้ป่วย', 'ทุกหมู่บ้าน', 50000, 50000, 'ผู้ป่วยลดลง', 'กองสาธารณสุข'],
    [null, 'รวม', null, null, 750000, 350000, null, null],
  ];
  const budgetMerge = [{ r1: 5, c1: 4, r2: 5, c2: 5 }];
  const p01Merges = [1, 3].map((c) => ({ r1: 3, c1: c, r2: 3, c2: c + 1 }));
  return writeXlsx({ sheets: [sheet('ผ.01', p01, p01Merges), sheet('ผ.02', p02, budgetMerge)] });
}
