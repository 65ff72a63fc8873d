import { writeSheet } from '../../src/office/write';
import { sheetName } from '../../src/engine/sheet-name';
import { writeXlsx } from '../../src/xlsx/write';
import { readXlsx } from '../../src/xlsx/read';
import { FakeExcel } from './fakeExcel';

// Names as the tables are titled, cut where a naive cut would hurt.
const NEEDS = 'ความต้องการของอำเภอแม่ริม จังหวัดเชียงใหม่'; // unit 31 (0-based) is the vowel mark of "วั" in "จังหวัด"
const TRICKY = [
  NEEDS,
  'ผ.01/2569: [ร่าง]*?\\',
  "'ร่าง'",
  'แผนพัฒนาท้องถิ่น ปี ๒๕๖๖-๒๕๗๐ 🏠🏠', // the first emoji's two halves either side of unit 31
  'ก'.repeat(30) + 'เก', // a vowel written before its consonant at the cut
  'รายงานการตรวจสอบแผนพัฒนาหมู่บ้าน ตำบลหนองบัว', // 45 units, and the next one alike after cutting
  'รายงานการตรวจสอบแผนพัฒนาหมู่บ้าน ตำบลหนองแก',
  'แผน\nงาน',
  'History',
  ' ',
];

test('a naive cut would split the tricky names (so the next test can fail)', () => {
  expect(/\p{M}/u.test(NEEDS[31])).toBe(true);
  expect(TRICKY[3].slice(0, 31).at(-1)).toMatch(/[\uD800-\uDBFF]/);
});

test('the download and Excel name every sheet the same, by the rule Excel accepts', async () => {
  const sheets = TRICKY.map((name, i) => ({ name, rows: [[`แผ่นที่ ${i + 1}`]] }));
  const inFile = readXlsx(writeXlsx({ sheets }), 'ผลลัพธ์.xlsx').sheets.map((s) => s.name);

  const fake = new FakeExcel();
  const uninstall = fake.installOffice();
  const inExcel: string[] = [];
  try {
    // The fake refuses a name Excel refuses (too long, forbidden characters, quotes at the ends, taken).
    for (const s of sheets) inExcel.push((await writeSheet(s, {}, fake.run)).name);
  } finally {
    uninstall();
  }

  expect(inExcel).toEqual(inFile);
  expect(inFile).toEqual([
    'ความต้องการของอำเภอแม่ริม จังห', // "วั" kept whole or not at all
    'ผ.01_2569_ _ร่าง____',
    'ร่าง',
    'แผนพัฒนาท้องถิ่น ปี ๒๕๖๖-๒๕๗๐',
    'ก'.repeat(30),
    'รายงานการตรวจสอบแผนพัฒนาหมู่บ้า',
    'รายงานการตรวจสอบแผนพัฒนาห (2)', // "หมู่" kept whole or not at all
    'แผน งาน',
    'History (OnePlan)',
    'OnePlan',
  ]);
  for (const n of inFile) {
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n).not.toMatch(/^\p{M}|\p{M}$|[\uD800-\uDBFF]$/u);
  }
});

test('a name already valid is kept as written', () => {
  for (const n of ['ผ.02', 'แผนปฏิบัติการอำเภอ', 'ความต้องการ (2)', 'x'.repeat(31)]) expect(sheetName(n)).toBe(n);
});
