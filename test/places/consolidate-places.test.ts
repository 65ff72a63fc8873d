/**
 * Places in consolidation, on real-shaped files (merged titles and headers, section rows, Thai digits,
 * "-" nils, through an .xlsx round trip) with real names of อำเภอปากเกร็ด จังหวัดนนทบุรี:
 * ตำบลบ้านใหม่'s community plan asks for a ditch "หมู่ที่ 2 บ้านใหม่" (850,000 in 2569), and อบต.คลองพระอุดม
 * (another tambon of the district) has a ditch of the same name "หมู่ที่ 2" in its own ผ.02. They are two
 * projects in two places: the need keeps its tambon's code and stays in the totals.
 */
import { consolidate, extractInput, needsWorkbook, type ConsolidateInput } from '../../src/engine/consolidate';
import type { WorkbookModel } from '../../src/engine/model';
import { validateWorkbook } from '../../src/engine/validate';
import { p02Sheet, toOutWorkbook } from '../consolidate/fixtures';
import { roundTrip } from '../roundtrip/fixtures';
import { tambonPlan } from './tambon-plan';

const DITCH = 'ขุดลอกลำเหมืองสาธารณะเพื่อการเกษตร';

const banMaiPakKret = (): WorkbookModel =>
  tambonPlan(
    'แผนชุมชนตำบลบ้านใหม่.xlsx',
    ['แผนชุมชนระดับตำบล ตำบลบ้านใหม่ อำเภอปากเกร็ด', 'จังหวัดนนทบุรี'],
    [
      ['๑', `${DITCH} หมู่ที่ 2 บ้านใหม่`, 'ยาว ๑,๒๐๐ เมตร', 'หมู่ที่ ๒', '-', '๘๕๐,๐๐๐', 'กรมชลประทาน'],
      ['๒', 'ติดตั้งไฟฟ้าส่องสว่างทางสาธารณะ', '๒๐ จุด', 'หมู่ที่ ๔', '๓๕๐,๐๐๐', '-', 'การไฟฟ้าส่วนภูมิภาค'],
    ],
  );

/** อบต.คลองพระอุดม: its own ผ.02 holds a ditch of the same name in its หมู่ที่ 2. */
const khlongPhraUdom = (): WorkbookModel => ({
  name: 'อบต.คลองพระอุดม.xlsx',
  sheets: [
    p02Sheet({
      name: 'ผ.02',
      beyond: false,
      organisation: 'องค์การบริหารส่วนตำบลคลองพระอุดม อำเภอปากเกร็ด จังหวัดนนทบุรี',
      provincial: 'ง. ยุทธศาสตร์จังหวัดที่ 1 การพัฒนาโครงสร้างพื้นฐาน',
      years: [2566, 2567, 2568, 2569, 2570],
      projects: [
        {
          name: `${DITCH} หมู่ที่ 2`,
          objective: 'เพื่อให้มีน้ำใช้ในการเกษตร',
          target: 'ยาว 800 เมตร',
          budgets: ['-', '-', '-', 500000, '-'],
          agency: 'กองช่าง',
        },
      ],
    }),
  ],
});

/** ตำบลบ้านใหม่ of อำเภอบางใหญ่: the same tambon name in another district, the same project name. */
const banMaiBangYai = (): WorkbookModel =>
  tambonPlan(
    'แผนชุมชนตำบลบ้านใหม่ บางใหญ่.xlsx',
    ['แผนชุมชนระดับตำบล ต.บ้านใหม่', 'อ.บางใหญ่ จ.นนทบุรี'],
    [['๑', `${DITCH} หมู่ที่ 2 บ้านใหม่`, 'ยาว ๙๐๐ เมตร', 'หมู่ที่ ๒', '-', '๖๐๐,๐๐๐', 'กรมชลประทาน']],
  );

const inputsOf = (wbs: WorkbookModel[]): ConsolidateInput[] =>
  wbs.map((w, i) => ({ file: w.name, checksum: i.toString(16).padStart(64, '0'), workbook: roundTrip(toOutWorkbook(w), w.name) }));

test("a บ้าน… tambon's need keeps its tambon and stays counted beside another tambon's same-named project", async () => {
  const r = await consolidate(inputsOf([khlongPhraUdom(), banMaiPakKret()]));
  const ditch = r.items.find((i) => i.name.startsWith(DITCH))!;
  expect(ditch.tambon).toBe('บ้านใหม่');
  expect(ditch.place).toEqual({ province: '12', district: '1206', tambon: '120603' });
  expect(ditch.inTotals).toBe(true);
  expect(r.totals[2569]).toBe(850000);
  expect(r.totals[2568]).toBe(350000);
  expect(r.duplicates.filter((g) => g.items.some((m) => m.itemId === ditch.id))).toEqual([]);
});

test('the same tambon name in two districts gives two codes; a district is filled from its tambon', () => {
  const [pakKret, bangYai] = [banMaiPakKret(), banMaiBangYai()].map((w) => extractInput(inputsOf([w])[0]).candidates[0]);
  expect(pakKret.place).toEqual({ province: '12', district: '1206', tambon: '120603' });
  expect(bangYai.place).toEqual({ province: '12', district: '1203', tambon: '120306' });
  // A file that names only its tambon and province: the run's district (--district) places it.
  const bare = tambonPlan(
    'บ้านใหม่.xlsx',
    ['แผนชุมชนระดับตำบล ตำบลบ้านใหม่', 'จังหวัดนนทบุรี'],
    [['๑', 'ก่อสร้างลานกีฬา', '๑ แห่ง', 'หมู่ที่ ๓', '๒๐๐,๐๐๐', '-', 'อบจ.']],
  );
  expect(extractInput(inputsOf([bare])[0]).candidates[0].place).toEqual({ province: '12' });
  expect(extractInput(inputsOf([bare])[0], { district: 'อำเภอบางใหญ่' }).candidates[0].place).toEqual({
    province: '12',
    district: '1203',
    tambon: '120306',
  });
  // A tambon unique in its province fills the district the file does not name.
  const kohKret = tambonPlan(
    'เกาะเกร็ด.xlsx',
    ['แผนชุมชนระดับตำบล ตำบลเกาะเกร็ด', 'จังหวัดนนทบุรี'],
    [['๑', 'ก่อสร้างเขื่อนป้องกันตลิ่ง', '๑ แห่ง', 'หมู่ที่ ๑', '๒,๐๐๐,๐๐๐', '-', 'กรมโยธาธิการและผังเมือง']],
  );
  expect(extractInput(inputsOf([kohKret])[0]).candidates[0].place).toEqual({ province: '12', district: '1206', tambon: '120608' });
});

test('fictional places are still read as names, without codes: nothing is lost', async () => {
  const wb = tambonPlan(
    'นาดี.xlsx',
    ['แผนชุมชนระดับตำบล ตำบลบ้านสวนผึ้งงาม', 'อำเภอทุ่งทอง จังหวัดนนทบุรี'],
    [['๑', 'ก่อสร้างลานกีฬา', '๑ แห่ง', 'หมู่ที่ ๓', '๒๐๐,๐๐๐', '-', 'อบจ.']],
  );
  const r = await consolidate(inputsOf([wb]));
  expect(r.items[0].tambon).toBe('บ้านสวนผึ้งงาม');
  expect(r.items[0].place).toEqual({ province: '12' });
});

test('a misspelt tambon is reported with the near names of its district', () => {
  const wb = tambonPlan(
    'บ้านไหม่.xlsx',
    ['แผนชุมชนระดับตำบล ตำบลบ้านไหม่ อำเภอปากเกร็ด', 'จังหวัดนนทบุรี'],
    [['๑', 'ก่อสร้างลานกีฬา', '๑ แห่ง', 'หมู่ที่ ๓', '๒๐๐,๐๐๐', '-', 'อบจ.']],
  );
  const findings = validateWorkbook(inputsOf([wb])[0].workbook!).sheets.flatMap((s) =>
    s.findings.filter((f) => f.code === 'tambon-misspelt'),
  );
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    severity: 'warning',
    row: 1,
    details: { written: 'บ้านไหม่', district: 'ปากเกร็ด', suggestions: ['บ้านใหม่'] },
  });
  expect(findings[0].message).toBe('ไม่พบตำบล "บ้านไหม่" ในอำเภอปากเกร็ด — หมายถึง ตำบลบ้านใหม่ หรือไม่');
  // The correct spelling: no finding.
  expect(
    validateWorkbook(inputsOf([banMaiPakKret()])[0].workbook!)
      .sheets.flatMap((s) => s.findings)
      .filter((f) => f.code === 'tambon-misspelt'),
  ).toEqual([]);
});

test("at the province, a district's needs table gives each need its codes (the table's district, the row's tambon)", async () => {
  const district = await consolidate(inputsOf([khlongPhraUdom(), banMaiPakKret()]), { district: 'ปากเกร็ด' });
  expect(district.items.find((i) => i.name.startsWith(DITCH))!.place).toEqual({ province: '12', district: '1206', tambon: '120603' });
  const table = roundTrip(needsWorkbook(district), 'แผนความต้องการ ปากเกร็ด.xlsx');
  const province = await consolidate([{ file: table.name, checksum: 'a'.repeat(64), workbook: table }]);
  const ditch = province.items.find((i) => i.name.startsWith(DITCH))!;
  expect(ditch.district).toBe('อำเภอปากเกร็ด');
  expect(ditch.tambon).toBe('บ้านใหม่');
  expect(ditch.place).toEqual({ province: '12', district: '1206', tambon: '120603' });
  expect(province.totals[2569]).toBe(850000);
});

test('--province tells "อำเภอเมือง" apart: the province\'s capital district and its tambons get their codes', () => {
  const wb = tambonPlan(
    'ท่าทราย.xlsx',
    ['แผนชุมชนระดับตำบล ตำบลท่าทราย', 'อำเภอเมือง'],
    [['๑', 'ก่อสร้างลานกีฬา', '๑ แห่ง', 'หมู่ที่ ๓', '๒๐๐,๐๐๐', '-', 'อบจ.']],
  );
  const [input] = inputsOf([wb]);
  expect(extractInput(input).candidates[0].place).toBeUndefined();
  expect(extractInput(input, { province: 'จังหวัดนนทบุรี' }).candidates[0].place).toEqual({
    province: '12',
    district: '1201',
    tambon: '120105',
  });
});
