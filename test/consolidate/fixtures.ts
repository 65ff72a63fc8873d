/**
 * Realistic received workbooks for consolidation tests, built as SheetModels (and as OutWorkbooks
 * for the xlsx round trip): two อปท.' ผ.02/2 sheets (3-row merged headers, ง. link lines, '-' nils,
 * Thai digits), one อปท.'s own ผ.02, two tambon plans in different layouts (a classification column;
 * section rows "3. โครงการที่ขอรับการสนับสนุน…"), an unrelated workbook.
 *
 * District: อำเภอเมือง, tambons นาดี and หนองบัว. Expected needs (counted):
 *   2567: 2,500,000 + 800,000 + 3,000,000 + 350,000 = 6,650,000
 *   2568: 1,800,000 + 4,500,000 + 900,000 + 500,000 = 7,700,000   (1,200,000 ประปา already in the ผ.02)
 *   2569: 2,000,000
 */
import type { Candidate } from '../../src/engine/consolidate/extract';
import type { Range, SheetModel, WorkbookModel } from '../../src/engine/model';
import { makeCell } from '../../src/engine/model';
import { coreName, wordTokens } from '../../src/engine/normalise';
import type { OutCell, OutWorkbook } from '../../src/engine/output';

type V = string | number | null;

interface Built {
  rows: V[][];
  merges: Range[];
  texts: Map<string, string>;
  textBoxes: Array<{ text: string; row: number; col: number }>;
}

function toSheet(name: string, b: Built): SheetModel {
  const rows: SheetModel['rows'] = b.rows.map((row, r) =>
    row.map((v, c) => {
      if (v === null || v === '') return undefined;
      return makeCell(v, b.texts.get(`${r}:${c}`));
    }),
  );
  return { name, rows, merges: b.merges, textBoxes: b.textBoxes };
}

export interface P02Project {
  name: string;
  objective: string;
  target: string;
  /** Amount per year column; '-' for nil; a string is written as text (Thai digits). */
  budgets: Array<number | string>;
  kpi?: string;
  agency: string;
}

/** A ผ.02 / ผ.02/2 sheet as in plan-forms.md: titles, ก.–จ. lines, 3-row header, projects, totals. */
export function p02Sheet(opts: {
  name: string;
  beyond: boolean;
  organisation: string;
  provincial: string;
  years: Array<number | string>;
  projects: P02Project[];
}): SheetModel {
  const width = 4 + opts.years.length + 3;
  const last = width - 1;
  const b: Built = { rows: [], merges: [], texts: new Map(), textBoxes: [] };
  const line = (text: string, merge = true) => {
    const r = b.rows.length;
    b.rows.push([text]);
    if (merge) b.merges.push({ r1: r, c1: 0, r2: r, c2: last });
  };
  line('รายละเอียดโครงการพัฒนา');
  line('แผนพัฒนาท้องถิ่น (พ.ศ.2566 - 2570)');
  if (opts.beyond) line('สำหรับ โครงการที่เกินศักยภาพขององค์กรปกครองส่วนท้องถิ่น');
  line(opts.organisation);
  b.textBoxes.push({ text: opts.beyond ? 'แบบ ผ.02/2' : 'แบบ ผ.02', row: 0, col: last });
  line('ก. ยุทธศาสตร์ชาติ 20 ปี ยุทธศาสตร์ที่ 2 การสร้างความสามารถในการแข่งขัน', false);
  line('ข. แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13 หมุดหมายที่ 5', false);
  line('ค. SDGs เป้าหมายที่ 9', false);
  line(opts.provincial, false);
  line('จ. ยุทธศาสตร์การพัฒนาของ อปท. ในเขตจังหวัดที่ 1 การพัฒนาโครงสร้างพื้นฐาน', false);
  line('1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', false);
  line('   1.1 แผนงานเคหะและชุมชน', false);
  const h = b.rows.length;
  const agencyHeader = opts.beyond ? 'หน่วยงานที่จะขอประสาน' : 'หน่วยงานที่รับผิดชอบหลัก';
  b.rows.push([
    'ที่',
    'โครงการ',
    'วัตถุประสงค์',
    'เป้าหมาย',
    'งบประมาณ',
    ...opts.years.slice(1).map(() => null),
    'ตัวชี้วัด (KPI)',
    'ผลที่คาดว่าจะได้รับ',
    agencyHeader,
  ]);
  b.rows.push([null, null, null, '(ผลผลิตของโครงการ)', ...opts.years.map((y) => y), null, null, null]);
  b.rows.push([null, null, null, null, ...opts.years.map(() => '(บาท)'), null, null, null]);
  for (const c of [0, 1, 2, 3, width - 3, width - 2, width - 1]) if (c !== 3) b.merges.push({ r1: h, c1: c, r2: h + 2, c2: c });
  b.merges.push({ r1: h + 1, c1: 3, r2: h + 2, c2: 3 });
  b.merges.push({ r1: h, c1: 4, r2: h, c2: 4 + opts.years.length - 1 });
  const sums = opts.years.map(() => 0);
  opts.projects.forEach((p, i) => {
    const r = b.rows.length;
    const row: V[] = [i + 1, p.name, p.objective, p.target];
    p.budgets.forEach((v, yi) => {
      if (v === '-') {
        row.push('-');
      } else if (typeof v === 'string') {
        row.push(v);
        sums[yi] += Number(v.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/,/g, ''));
      } else {
        row.push(v);
        b.texts.set(`${r}:${4 + yi}`, v.toLocaleString('en-US'));
        sums[yi] += v;
      }
    });
    row.push(p.kpi ?? 'ร้อยละ 80 ของประชาชนพึงพอใจ', 'ประชาชนได้รับความสะดวก', p.agency);
    b.rows.push(row);
  });
  b.rows.push([null, null, null, 'รวมงบประมาณ', ...sums, null, null, null]);
  b.rows.push([null, null, null, 'รวมจำนวนโครงการ', ...sums.map(() => opts.projects.length), null, null, null]);
  return toSheet(opts.name, b);
}

/** อบต.นาดี: ผ.02/2 (beyond capacity) and its own ผ.02. */
export function nadiWorkbook(): WorkbookModel {
  const years = [2566, 2567, 2568, 2569, 2570];
  return {
    name: 'อบต.นาดี.xlsx',
    sheets: [
      p02Sheet({
        name: 'ผ.02',
        beyond: false,
        organisation: 'องค์การบริหารส่วนตำบลนาดี อำเภอเมือง จังหวัดสุราษฎร์ธานี',
        provincial: 'ง. ยุทธศาสตร์จังหวัดที่ 3 การเชื่อมโยงเส้นทางคมนาคมและศูนย์โลจิสติกส์ภาคใต้ตอนบน',
        years,
        projects: [
          {
            name: 'ก่อสร้างระบบประปาหมู่บ้าน ม.2',
            objective: 'เพื่อให้มีน้ำสะอาดใช้',
            target: 'ระบบประปา 1 แห่ง',
            budgets: ['-', 450000, '-', '-', '-'],
            agency: 'กองช่าง',
          },
          {
            name: 'ซ่อมแซมถนนลูกรังภายในตำบล',
            objective: 'เพื่อการสัญจร',
            target: 'ถนนลูกรัง 5 สาย',
            budgets: [200000, 200000, 200000, 200000, 200000],
            agency: 'กองช่าง',
          },
        ],
      }),
      p02Sheet({
        name: 'ผ.02-2 เกินศักยภาพ',
        beyond: true,
        organisation: 'องค์การบริหารส่วนตำบลนาดี อำเภอเมือง จังหวัดสุราษฎร์ธานี',
        provincial: 'ง. ยุทธศาสตร์จังหวัดที่ 3 การเชื่อมโยงเส้นทางคมนาคมและศูนย์โลจิสติกส์ภาคใต้ตอนบน',
        years,
        projects: [
          {
            name: 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3',
            objective: 'เพื่อให้ประชาชนสัญจรสะดวก',
            target: 'กว้าง 5 ม. ยาว 1,000 ม.',
            budgets: ['-', 2500000, '-', '-', '-'],
            agency: 'กรมทางหลวงชนบท',
          },
          {
            name: 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 4',
            objective: 'เพื่อให้ประชาชนสัญจรสะดวก',
            target: 'กว้าง 5 ม. ยาว 800 ม.',
            budgets: ['-', '-', 1800000, '-', '-'],
            agency: 'กรมทางหลวงชนบท',
          },
          {
            name: 'ขุดลอกคลองนาดี หมู่ที่ ๕',
            objective: 'เพื่อแก้ไขปัญหาน้ำท่วม',
            target: 'ยาว ๒,๐๐๐ เมตร',
            budgets: ['-', '๘๐๐,๐๐๐', '-', '-', '-'],
            agency: 'กรมชลประทาน',
          },
          {
            name: 'ก่อสร้างระบบประปาหมู่บ้าน หมู่ที่ 2',
            objective: 'เพื่อให้มีน้ำสะอาดใช้',
            target: 'ระบบประปา 1 แห่ง',
            budgets: ['-', '-', 1200000, '-', '-'],
            agency: 'การประปาส่วนภูมิภาค',
          },
        ],
      }),
    ],
  };
}

/** ทต.หนองบัว: ผ.02/2 with a Thai-digit link line. */
export function nongbuaWorkbook(): WorkbookModel {
  return {
    name: 'ทต.หนองบัว.xlsx',
    sheets: [
      p02Sheet({
        name: 'ผ02_2',
        beyond: true,
        organisation: 'เทศบาลตำบลหนองบัว อำเภอเมือง จังหวัดสุราษฎร์ธานี',
        provincial: 'ง. ยุทธศาสตร์จังหวัดที่ ๔ การพัฒนาสังคมปลอดภัย คุณภาพชีวิตที่ดี',
        years: [2566, 2567, 2568, 2569, 2570],
        projects: [
          {
            name: 'ก่อสร้างอาคาร รพ.สต.บ้านหนองบัว หมู่ที่ 1',
            objective: 'เพื่อบริการสุขภาพ',
            target: 'อาคาร 1 หลัง',
            budgets: ['-', 3000000, '-', '-', '-'],
            agency: 'สำนักงานสาธารณสุขจังหวัด',
          },
          {
            name: 'ปรับปรุงถนนลาดยางสายหนองบัว-ห้วยทราย หมู่ที่ 6',
            objective: 'เพื่อความปลอดภัยในการสัญจร',
            target: 'ยาว 3 กม.',
            budgets: ['-', '-', 4500000, '-', '-'],
            agency: 'องค์การบริหารส่วนจังหวัด',
          },
          {
            name: 'ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3',
            objective: 'เพื่อการสัญจร',
            target: 'ยาว 500 ม.',
            budgets: ['-', '-', '-', 2000000, '-'],
            agency: 'กรมทางหลวงชนบท',
          },
        ],
      }),
    ],
  };
}

/** แผนพัฒนาตำบลนาดี: one header row per field, budgets under a merged "งบประมาณ (บาท)", a classification column. */
export function nadiTambonWorkbook(): WorkbookModel {
  const b: Built = { rows: [], merges: [], texts: new Map(), textBoxes: [] };
  const last = 11;
  b.rows.push(['แผนพัฒนาตำบลนาดี ประจำปีงบประมาณ 2567']);
  b.rows.push(['ตำบลนาดี อำเภอเมือง จังหวัดสุราษฎร์ธานี']);
  b.merges.push({ r1: 0, c1: 0, r2: 0, c2: last }, { r1: 1, c1: 0, r2: 1, c2: last });
  b.rows.push([
    'ลำดับ',
    'ชื่อโครงการ',
    'วัตถุประสงค์',
    'เป้าหมาย',
    'หมู่ที่',
    'งบประมาณ (บาท)',
    null,
    'ประเด็นการพัฒนาจังหวัด',
    'การดำเนินการ',
    'หน่วยงานที่ขอรับการสนับสนุน',
    'ลำดับความสำคัญ',
    'หมายเหตุ',
  ]);
  b.rows.push([null, null, null, null, null, 2567, 2568, null, null, null, null, null]);
  for (const c of [0, 1, 2, 3, 4, 7, 8, 9, 10, 11]) b.merges.push({ r1: 2, c1: c, r2: 3, c2: c });
  b.merges.push({ r1: 2, c1: 5, r2: 2, c2: 6 });
  const rows: V[][] = [
    [1, 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนา - บ้านดอน', 'เพื่อการสัญจร', 'ยาว 1 กม.', '3', 2500000, '-', '3', 'ขอรับการสนับสนุน', 'ทช.', 1, null],
    [2, 'ขุดลอกคลองนาดี พร้อมก่อสร้างฝายชะลอน้ำ', 'เพื่อกักเก็บน้ำ', 'ฝาย 1 แห่ง', 'ม.5', '-', 900000, '3', 'เกินศักยภาพ', 'กรมชลประทาน', 2, null],
    [3, 'จัดอบรมอาชีพเสริมให้กลุ่มแม่บ้าน', 'เพื่อเพิ่มรายได้', '30 คน', '2', 50000, '-', '2', 'ดำเนินการเอง', '-', null, null],
    [4, 'ติดตั้งไฟฟ้าส่องสว่างทางสาธารณะ', 'เพื่อความปลอดภัย', '20 จุด', 'หมู่ 7', 350000, '-', null, 'ขอรับการสนับสนุน', 'การไฟฟ้าส่วนภูมิภาค', 3, null],
    [5, 'ก่อสร้างถนน คสล.สายบ้านนา–บ้านดอน ช่วงที่ 2', 'เพื่อการสัญจร', 'ยาว 800 ม.', '4', '-', 1800000, '3', 'ขอรับการสนับสนุน', 'ทช.', 4, null],
  ];
  for (const row of rows) {
    const r = b.rows.length;
    row.forEach((v, c) => {
      if (typeof v === 'number' && (c === 5 || c === 6)) b.texts.set(`${r}:${c}`, v.toLocaleString('en-US'));
    });
    b.rows.push(row);
  }
  return { name: 'แผนพัฒนาตำบลนาดี.xlsx', sheets: [toSheet('แผนตำบล', b)] };
}

/** แผนชุมชนตำบลหนองบัว: section rows classify the projects; a ประเด็นการพัฒนา line; Thai digits. */
export function nongbuaTambonWorkbook(): WorkbookModel {
  const b: Built = { rows: [], merges: [], texts: new Map(), textBoxes: [] };
  const last = 7;
  const line = (text: string) => {
    const r = b.rows.length;
    b.rows.push([text]);
    b.merges.push({ r1: r, c1: 0, r2: r, c2: last });
  };
  line('แผนชุมชนระดับตำบล ตำบลหนองบัว');
  line('อำเภอเมือง จังหวัดสุราษฎร์ธานี');
  b.rows.push(['ที่', 'โครงการ/กิจกรรม', 'เป้าหมาย', 'พื้นที่ดำเนินการ', 'งบประมาณ (บาท)', null, 'หน่วยดำเนินการ', 'หมายเหตุ']);
  b.rows.push([null, null, null, null, 'พ.ศ. ๒๕๖๗', 'พ.ศ. ๒๕๖๘', null, null]);
  for (const c of [0, 1, 2, 3, 6, 7]) b.merges.push({ r1: 2, c1: c, r2: 3, c2: c });
  b.merges.push({ r1: 2, c1: 4, r2: 2, c2: 5 });
  line('ประเด็นการพัฒนา: 2 การส่งเสริมอุตสาหกรรมบริการและการท่องเที่ยวที่ยั่งยืน');
  line('1. โครงการที่ชุมชนดำเนินการเอง');
  b.rows.push([1, 'รณรงค์ทำความสะอาดหมู่บ้าน', 'ทุกครัวเรือน', 'หมู่ที่ 1-8', '-', '-', 'คณะกรรมการหมู่บ้าน', null]);
  line('2. โครงการที่ดำเนินการร่วมกับ อปท./หน่วยงาน');
  b.rows.push([1, 'ฝึกอบรมการทำปุ๋ยหมัก', '50 คน', 'หมู่ที่ 2', 30000, '-', 'เทศบาลตำบลหนองบัว', null]);
  line('3. โครงการที่ขอรับการสนับสนุนจากหน่วยงานภายนอก');
  b.rows.push([1, 'ก่อสร้างอาคาร รพ.สต. บ้านหนองบัว', '1 หลัง', 'ม.1 ต.หนองบัว', '๓,๐๐๐,๐๐๐', '-', 'สำนักงานสาธารณสุขจังหวัด', null]);
  b.rows.push([2, 'ปรับปรุงถ.ลาดยาง สายหนองบัว-ห้วยทราย', '3 กม.', 'หมู่ที่ 6', '-', '๔,๕๐๐,๐๐๐', 'อบจ.', null]);
  b.rows.push([
    3,
    'ส่งเสริมการท่องเที่ยวชุมชนล่องเรือชมหิ่งห้อย',
    '1 เส้นทาง',
    'หมู่ที่ 8',
    '-',
    500000,
    'การท่องเที่ยวแห่งประเทศไทย',
    '=HYPERLINK("http://x","y")',
  ]);
  const r = b.rows.length - 1;
  b.texts.set(`${r}:5`, '500,000');
  return { name: 'แผนชุมชนตำบลหนองบัว.xlsx', sheets: [toSheet('Sheet1', b)] };
}

/** Not a plan: a meeting attendance list. */
export function unrelatedWorkbook(): WorkbookModel {
  const b: Built = { rows: [], merges: [], texts: new Map(), textBoxes: [] };
  b.rows.push(['รายชื่อผู้เข้าร่วมประชุมประชาคมตำบล']);
  b.rows.push(['ลำดับ', 'ชื่อ-สกุล', 'ตำแหน่ง', 'เบอร์โทร']);
  b.rows.push([1, 'นายสมชาย ใจดี', 'ผู้ใหญ่บ้าน', '081-234-5678']);
  b.rows.push([2, 'นางสาวสมหญิง รักถิ่น', 'อสม.', '089-999-0000']);
  return { name: 'รายชื่อผู้เข้าประชุม.xlsx', sheets: [toSheet('รายชื่อ', b)] };
}

export function allWorkbooks(): WorkbookModel[] {
  return [nadiWorkbook(), nongbuaWorkbook(), nadiTambonWorkbook(), nongbuaTambonWorkbook(), unrelatedWorkbook()];
}

/** A SheetModel as an OutWorkbook sheet (for writeXlsx → readXlsx round trips). */
export function toOutWorkbook(wb: WorkbookModel): OutWorkbook {
  return {
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((row) =>
        (row ?? []).map((cell): OutCell => {
          if (!cell) return null;
          if (typeof cell.v === 'number') return cell.w.includes(',') ? { value: cell.v, style: { numFmt: '#,##0' } } : cell.v;
          return cell.w;
        }),
      ),
      merges: s.merges,
    })),
  };
}

/** Candidate indices in duplicate detection's name order (compact name, tambon, village, index), written the plain way: the reference for nameOrder. */
export function nameOrderReference(cands: readonly Candidate[]): number[] {
  return Array.from(cands.keys()).sort((x, y) => {
    const a = cands[x];
    const b = cands[y];
    if (a.compact !== b.compact) return a.compact < b.compact ? -1 : 1;
    if ((a.tambon ?? '') !== (b.tambon ?? '')) return (a.tambon ?? '') < (b.tambon ?? '') ? -1 : 1;
    return (a.village ?? -1) - (b.village ?? -1) || x - y;
  });
}

/** A request candidate as extraction makes it (tokens as a Set or, like extraction, a distinct array). */
export function candidate(
  i: number,
  name: string,
  village: number | undefined,
  tambon: string | undefined,
  tokens: 'set' | 'array' = 'array',
): Candidate {
  const core = coreName(name);
  const words = wordTokens(core);
  return {
    seq: i,
    role: 'need',
    src: { file: `f${i}.xlsx`, sheet: 's', row: i + 1, kind: 'tambon-plan' },
    name,
    objective: '',
    target: '',
    village,
    tambon,
    budgets: {},
    badBudgetYears: [],
    issue: null,
    agency: '',
    priority: '',
    note: '',
    route: 'province',
    compact: core.replace(/ /g, ''),
    tokens: tokens === 'set' ? new Set(words) : [...new Set(words)],
  };
}

/** A small deterministic generator (no Math.random: a failure must replay). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
