/**
 * Workload generator for the benchmark: realistic plan workbooks written straight to .xlsx bytes
 * (shared strings, styles, merged two- and three-row headers, section rows, Thai text 30–150
 * characters, budgets per year), deflated with node:zlib at Excel's default level.
 *
 *   p022Workbook(seed, rows)   ผ.02/2 (โครงการที่เกินศักยภาพ) of an อปท.: ก.–จ. lines, a 3-row merged header,
 *                              แผนงาน section lines every ~20 rows, totals
 *   tambonWorkbook(seed, rows) แผนพัฒนาตำบล: 2-row merged header, section rows "1./2./3. โครงการที่…"
 *                              every ~20 rows, a classification column
 * Deterministic (seeded); neighbouring seeds share some projects (duplicates across files).
 */
import { nodeZip } from '../src/node/files';

export function rng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const PLACES = [
  'นาหว้า',
  'ดอนมูล',
  'หนองบัว',
  'ห้วยทราย',
  'โนนสูง',
  'ดอนแก้ว',
  'หนองหญ้าปล้อง',
  'คลองตะเคียน',
  'ใหม่พัฒนา',
  'นาดี',
  'ท่าข้าม',
  'วังน้ำเย็น',
  'ป่าแดง',
  'หัวฝาย',
  'สันทราย',
  'แม่ริม',
  'ทุ่งโพธิ์',
  'เขาแก้ว',
  'บางใหญ่',
  'คลองน้อย',
  'หนองแวง',
  'โคกกลาง',
  'ดงมะไฟ',
  'เหนือคลอง',
  'ใต้ร่มเย็น',
  'หนองปลาไหล',
  'ห้วยยาง',
  'นาคำ',
  'โพนทอง',
  'ศรีสว่าง',
  'บ่อทอง',
  'หนองสนม',
  'ท่าม่วง',
  'ดอนตะโก',
  'ป่าตึง',
  'ห้วยแก้ว',
  'กลางทุ่ง',
  'ทุ่งยาว',
  'หนองตะไก้',
  'โคกสะอาด',
];
const WORKS: Array<[string, string, string, string]> = [
  // [name prefix, objective, target template, agency]
  [
    'ก่อสร้างถนนคอนกรีตเสริมเหล็ก สาย',
    'เพื่อให้ประชาชนสัญจรไปมาได้สะดวกและปลอดภัย',
    'ถนน คสล. กว้าง {w} เมตร ยาว {l} เมตร หนา 0.15 เมตร',
    'กรมทางหลวงชนบท',
  ],
  ['ก่อสร้างถนน คสล. สาย', 'เพื่อการคมนาคมขนส่งผลผลิตทางการเกษตร', 'กว้าง {w} ม. ยาว {l} ม. หรือพื้นที่ไม่น้อยกว่า {a} ตร.ม.', 'องค์การบริหารส่วนจังหวัด'],
  ['ปรับปรุงถนนลาดยางแอสฟัลท์ติกคอนกรีต สาย', 'เพื่อแก้ไขถนนชำรุดเสียหาย ลดอุบัติเหตุ', 'ผิวจราจรกว้าง {w} เมตร ยาว {l} เมตร', 'กรมทางหลวงชนบท'],
  ['ขุดลอกคลองและก่อสร้างฝายชะลอน้ำ บริเวณ', 'เพื่อแก้ไขปัญหาน้ำท่วมและกักเก็บน้ำไว้ใช้ในฤดูแล้ง', 'ขุดลอกยาว {l} เมตร ฝาย 1 แห่ง', 'กรมชลประทาน'],
  [
    'ก่อสร้างระบบประปาหมู่บ้านแบบผิวดินขนาดใหญ่ บ้าน',
    'เพื่อให้ประชาชนมีน้ำสะอาดสำหรับอุปโภคบริโภคอย่างเพียงพอ',
    'ระบบประปา 1 แห่ง ถังสูง {w}0 ลบ.ม.',
    'กรมทรัพยากรน้ำ',
  ],
  [
    'ติดตั้งระบบไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์ (โซลาร์เซลล์) สาย',
    'เพื่อความปลอดภัยในชีวิตและทรัพย์สินของประชาชน',
    'เสาไฟ {w}0 ต้น ระยะทาง {l} เมตร',
    'สำนักงานพลังงานจังหวัด',
  ],
  ['ก่อสร้างอาคารศูนย์พัฒนาเด็กเล็ก บ้าน', 'เพื่อให้เด็กปฐมวัยมีสถานที่เรียนรู้ที่ได้มาตรฐาน', 'อาคาร 1 หลัง พื้นที่ {a} ตารางเมตร', 'กรมส่งเสริมการปกครองท้องถิ่น'],
  [
    'ส่งเสริมการท่องเที่ยวชุมชนและพัฒนาแหล่งท่องเที่ยวเชิงเกษตร บ้าน',
    'เพื่อเพิ่มรายได้ให้ชุมชนจากการท่องเที่ยว',
    'แหล่งท่องเที่ยว 1 แห่ง นักท่องเที่ยว {l} คน/ปี',
    'การท่องเที่ยวแห่งประเทศไทย',
  ],
  ['ฝึกอบรมอาชีพการแปรรูปผลผลิตทางการเกษตรให้กลุ่มวิสาหกิจชุมชน บ้าน', 'เพื่อเพิ่มมูลค่าผลผลิตและสร้างรายได้ให้เกษตรกร', 'เกษตรกร {w}0 คน', 'สำนักงานเกษตรจังหวัด'],
  ['ก่อสร้างอาคาร รพ.สต. และจัดหาครุภัณฑ์การแพทย์ บ้าน', 'เพื่อให้ประชาชนได้รับบริการสาธารณสุขที่ทั่วถึง', 'อาคาร 1 หลัง', 'สำนักงานสาธารณสุขจังหวัด'],
  ['ขุดเจาะบ่อบาดาลเพื่อการเกษตรพร้อมระบบสูบน้ำพลังงานแสงอาทิตย์ บ้าน', 'เพื่อแก้ไขปัญหาภัยแล้งและมีน้ำใช้ทำการเกษตร', 'บ่อบาดาล {w} บ่อ', 'กรมทรัพยากรน้ำบาดาล'],
  ['ก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็กพร้อมบ่อพัก สาย', 'เพื่อระบายน้ำและป้องกันน้ำท่วมขังในชุมชน', 'ยาว {l} เมตร', 'กรมโยธาธิการและผังเมือง'],
  [
    'จัดการขยะมูลฝอยชุมชนแบบครบวงจรและคัดแยกขยะต้นทาง บ้าน',
    'เพื่อลดปริมาณขยะและรักษาสิ่งแวดล้อม',
    'ครัวเรือน {l} ครัวเรือน',
    'สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด',
  ],
  [
    'ป้องกันและควบคุมไฟป่าและหมอกควัน PM 2.5 บริเวณป่าชุมชน',
    'เพื่อลดจุดความร้อนและฝุ่นละอองในพื้นที่',
    'แนวกันไฟ {l} เมตร',
    'สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด',
  ],
];
const TAMBONS = [
  'นาดี',
  'หนองบัว',
  'ท่าศาลา',
  'สันผีเสื้อ',
  'ช้างเผือก',
  'สุเทพ',
  'ป่าแดด',
  'หนองหอย',
  'ท่าวังตาล',
  'ยางเนิ้ง',
  'แม่เหียะ',
  'หนองควาย',
  'สันกลาง',
  'ดอนแก้ว',
  'ริมใต้',
  'ขี้เหล็ก',
  'ดอนเปา',
  'ทุ่งสะโตก',
  'หางดง',
  'น้ำแพร่',
];
const NEAR = [
  'ข้างวัด',
  'หน้าโรงเรียน',
  'ริมคลองชลประทาน',
  'ไปทุ่งนา',
  'เลียบลำห้วย',
  'หลังตลาดสด',
  'ข้างศาลาประชาคม',
  'ไปป่าช้า',
  'หน้าที่ทำการผู้ใหญ่บ้าน',
  'ไปสวนยาง',
  'ข้างสนามกีฬา',
  'ไปอ่างเก็บน้ำ',
  'เข้าหมู่บ้าน',
  'รอบหนองน้ำสาธารณะ',
  'ไปวัดป่า',
  'ข้างโรงสีข้าว',
  'หน้ามัสยิด',
  'ไปโรงเรียนขยายโอกาส',
  'เชื่อมถนนทางหลวง',
  'ข้างบ่อขยะ',
];
const ISSUES = [
  'ง. ยุทธศาสตร์จังหวัดที่ 1 การส่งเสริมอุตสาหกรรมท่องเที่ยวเน้นคุณค่า สร้างสรรค์บนอัตลักษณ์ล้านนา และอุตสาหกรรมไมซ์',
  'ง. ยุทธศาสตร์จังหวัดที่ 2 การขับเคลื่อนเกษตรเพิ่มมูลค่า และเกษตรแปรรูปมูลค่าสูง',
  'ง. ยุทธศาสตร์จังหวัดที่ 3 การพัฒนาเมืองและโครงสร้างพื้นฐาน',
  'ง. ยุทธศาสตร์จังหวัดที่ 4 การพัฒนาคุณภาพชีวิตและสังคม',
];
const PROGRAMMES = [
  'แผนงานเคหะและชุมชน',
  'แผนงานการเกษตร',
  'แผนงานสาธารณสุข',
  'แผนงานการศึกษา',
  'แผนงานอุตสาหกรรมและการโยธา',
  'แผนงานสร้างความเข้มแข็งของชุมชน',
];
const AMPHOE = ['เมือง', 'สันทราย', 'แม่ริม', 'ดอยสะเก็ด', 'หางดง', 'สารภี', 'จอมทอง', 'ฝาง'];

// Officers write each project's objective, KPI and expected result in their own words (in the real
// workbook 26–28 of 28 rows of a sheet have distinct texts in each of these columns): compose them from
// phrase pools with the project's place and figures instead of repeating one text per kind of work.
const OBJ_MORE = [
  'และเพื่อยกระดับคุณภาพชีวิตของประชาชนในพื้นที่',
  'ลดความเดือดร้อนของราษฎรที่ได้รับผลกระทบ',
  'ตามความต้องการของประชาคมหมู่บ้าน',
  'ให้สอดคล้องกับแผนพัฒนาหมู่บ้านและแผนชุมชน',
  'และรองรับการขยายตัวของชุมชนในอนาคต',
  'เพื่อส่งเสริมเศรษฐกิจฐานรากของชุมชน',
  'และลดค่าใช้จ่ายในการบำรุงรักษาในระยะยาว',
  'ตามที่ได้รับการร้องขอจากผู้นำชุมชน',
];
const WHO = ['ประชาชน', 'ผู้ใช้เส้นทาง', 'ครัวเรือน', 'เกษตรกร', 'ผู้สูงอายุและผู้พิการ', 'เด็กและเยาวชน', 'ผู้ประกอบการ', 'กลุ่มอาชีพ'];
const KPI_WHAT = [
  'มีความพึงพอใจต่อโครงการ',
  'ได้รับประโยชน์จากโครงการ',
  'ใช้ประโยชน์ได้อย่างทั่วถึง',
  'มีความปลอดภัยในชีวิตและทรัพย์สินเพิ่มขึ้น',
  'มีรายได้เพิ่มขึ้น',
  'ได้รับความสะดวกในการสัญจร',
];
const OUTCOMES = [
  'ประชาชนมีคุณภาพชีวิตที่ดีขึ้น',
  'การคมนาคมสะดวก ลดการเกิดอุบัติเหตุ',
  'ลดปัญหาน้ำท่วมขังและภัยแล้งในพื้นที่',
  'ชุมชนมีรายได้เพิ่มขึ้นอย่างยั่งยืน',
  'ประชาชนได้รับบริการสาธารณะอย่างทั่วถึงและเป็นธรรม',
  'สิ่งแวดล้อมในชุมชนดีขึ้น',
  'เกษตรกรมีน้ำใช้ตลอดทั้งปี',
  'เด็กเล็กได้รับการพัฒนาตามวัย',
];

export interface GenProject {
  name: string;
  objective: string;
  target: string;
  village: number;
  budgets: number[];
  agency: string;
  kpi: string;
  outcome: string;
}

/** A project of tambon `tb` (seeded by `key`: the same key gives the same project in another file). */
function project(key: number, tb: string): GenProject {
  const r = rng(key * 7919 + 17);
  const [prefix, objective, tmpl, agency] = pick(r, WORKS);
  const a = pick(r, PLACES);
  let b = pick(r, PLACES);
  if (b === a) b = PLACES[(PLACES.indexOf(a) + 7) % PLACES.length];
  const village = 1 + Math.floor(r() * 15);
  const w = 3 + Math.floor(r() * 6);
  const l = (2 + Math.floor(r() * 40)) * 50;
  const extra = r() < 0.35 ? ` (ช่วงที่ ${1 + Math.floor(r() * 3)} ต่อจากโครงการเดิม)` : '';
  const soi = r() < 0.6 ? ` ซอย ${1 + Math.floor(r() * 30)}` : '';
  const near = pick(r, NEAR);
  const name = `${prefix}${a}${prefix.endsWith('สาย') ? '-' + b : ''}${soi} ${near} หมู่ที่ ${village} ตำบล${tb}${extra}`;
  const target = tmpl
    .replace('{w}', String(w))
    .replace('{l}', l.toLocaleString('en-US'))
    .replace('{a}', String(w * l));
  const years = [0, 0, 0, 0, 0];
  const y = Math.floor(r() * 5);
  years[y] = (1 + Math.floor(r() * 90)) * 50000;
  if (r() < 0.3) years[(y + 1) % 5] = (1 + Math.floor(r() * 40)) * 50000;
  // Drawn after the fields above, so names, budgets and duplicates are those of earlier rounds.
  const who = pick(r, WHO);
  const obj = `${objective} ${pick(r, OBJ_MORE)} ${r() < 0.5 ? `บ้าน${a} หมู่ที่ ${village}` : `ตำบล${tb}`}`;
  const objectiveText = r() < 0.4 ? `1. ${obj}\n2. เพื่อให้${who}บ้าน${b}${pick(r, KPI_WHAT)}` : obj;
  const targetText = r() < 0.5 ? `${target} บ้าน${a} หมู่ที่ ${village}` : target;
  const kpi = `ร้อยละ ${60 + 5 * Math.floor(r() * 8)} ของ${who}${r() < 0.5 ? `บ้าน${a}` : `ในหมู่ที่ ${village}`}${pick(r, KPI_WHAT)}`;
  const outcome = `${pick(r, OUTCOMES)} ${r() < 0.5 ? `${who}บ้าน${a}${pick(r, KPI_WHAT)}` : `ตำบล${tb} ${pick(r, OBJ_MORE)}`}`;
  return { name, objective: objectiveText, target: targetText, village, budgets: years, agency, kpi, outcome };
}

// ---------------------------------------------------------------------------------------------
// Direct xlsx writer (just enough of SpreadsheetML, as Excel writes it)

type V = string | number | null | { n: number; s: number };

class Sheet {
  rows: V[][] = [];
  merges: string[] = [];
  private sst = new Map<string, number>();
  strings: string[] = [];
  cols: number[] = [];
  si(s: string): number {
    let i = this.sst.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.sst.set(s, i);
      this.strings.push(s);
    }
    return i;
  }
}

const COL = (c: number): string =>
  c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26));
const esc = (s: string): string =>
  /[&<>"]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : s;

function sheetXml(sh: Sheet): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">',
    `<dimension ref="A1:${COL(sh.cols.length - 1)}${sh.rows.length}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="21"/><cols>`,
  ];
  sh.cols.forEach((w, i) => out.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
  out.push('</cols><sheetData>');
  sh.rows.forEach((row, r) => {
    const rn = r + 1;
    // As Excel writes a table row: its height grown to the wrapped text, and empty cells kept for
    // their borders.
    let lines = 1;
    for (const v of row) if (typeof v === 'string') lines = Math.max(lines, Math.ceil(v.length / 28) + (v.match(/\n/g)?.length ?? 0));
    let s = `<row r="${rn}" spans="1:${sh.cols.length}"${lines > 1 ? ` ht="${(lines * 21.75).toFixed(2)}" customHeight="1"` : ''} x14ac:dyDescent="0.55">`;
    const table = row.length > 1;
    for (let c = 0; c < (table ? sh.cols.length : row.length); c++) {
      const v = row[c];
      if (v === null || v === undefined) {
        if (table) s += `<c r="${COL(c)}${rn}" s="1"/>`;
        continue;
      }
      const ref = COL(c) + rn;
      if (typeof v === 'string') s += `<c r="${ref}" s="1" t="s"><v>${sh.si(v)}</v></c>`;
      else if (typeof v === 'number') s += `<c r="${ref}" s="1"><v>${v}</v></c>`;
      else s += `<c r="${ref}" s="${v.s}"><v>${v.n}</v></c>`;
    }
    out.push(s + '</row>');
  });
  out.push('</sheetData>');
  if (sh.merges.length)
    out.push(`<mergeCells count="${sh.merges.length}">`, ...sh.merges.map((m) => `<mergeCell ref="${m}"/>`), '</mergeCells>');
  out.push(
    '<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>',
  );
  return out.join('');
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0;\\-#,##0;&quot;-&quot;"/></numFmts>' +
  '<fonts count="2"><font><sz val="16"/><name val="TH SarabunPSK"/></font><font><b/><sz val="16"/><name val="TH SarabunPSK"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="3" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function sstXml(strings: string[]): string {
  const parts = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">`,
  ];
  for (const s of strings) parts.push(`<si><t xml:space="preserve">${esc(s)}</t></si>`);
  parts.push('</sst>');
  return parts.join('');
}

/** A zip with deflated entries (level 6, as Excel): the CLI's own node:zlib zipper. */
export function zip(files: Array<[string, string | Uint8Array]>, level = 6): Uint8Array {
  return nodeZip(
    files.map(([name, content]) => [name, typeof content === 'string' ? Buffer.from(content, 'utf8') : content]),
    level,
  );
}

function workbookBytes(sheetName: string, sh: Sheet): Uint8Array {
  const xml = sheetXml(sh); // fills the shared strings
  const CT =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    ['[Content_Types].xml', CT],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><workbookPr/><sheets><sheet name="${esc(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
    ['xl/sharedStrings.xml', sstXml(sh.strings)],
    ['xl/worksheets/sheet1.xml', xml],
  ]);
}

/** Tambon of file pair k (files 2k and 2k+1: its อปท.'s ผ.02/2 and its tambon plan). */
function tambonName(k: number): string {
  const base = TAMBONS[k % TAMBONS.length];
  const n = Math.floor(k / TAMBONS.length);
  return n === 0 ? base : base + String.fromCharCode(0x0e01 + (n % 40)) + (n >= 40 ? String(Math.floor(n / 40)) : '');
}

const YEARS = [2566, 2567, 2568, 2569, 2570];
const money = (n: number): V => ({ n, s: 2 });

export interface GenFile {
  name: string;
  bytes: Uint8Array;
  /** Project rows written. */
  projects: number;
}

/**
 * ผ.02/2 of อปท. number `seed`: `projects` project rows, a แผนงาน line every ~20 rows.
 * Projects are keyed by tambon and row so that files `seed` and `seed ^ 1` share about 10 %.
 */
export function p022Workbook(seed: number, projects: number): GenFile {
  const r = rng(seed);
  const tb = tambonName(seed >> 1);
  const amphoe = pick(r, AMPHOE);
  const sh = new Sheet();
  const W = 12; // ที่ โครงการ วัตถุประสงค์ เป้าหมาย 2566..2570 KPI ผล หน่วยงาน
  sh.cols = [6, 45, 35, 30, 13, 13, 13, 13, 13, 25, 25, 25];
  const line = (t: string, merge: boolean) => {
    const n = sh.rows.length + 1;
    sh.rows.push([t]);
    if (merge) sh.merges.push(`A${n}:L${n}`);
  };
  line('รายละเอียดโครงการพัฒนา', true);
  line('แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)', true);
  line('สำหรับ โครงการที่เกินศักยภาพขององค์กรปกครองส่วนท้องถิ่น', true);
  line(`องค์การบริหารส่วนตำบล${tb} อำเภอ${amphoe} จังหวัดเชียงใหม่`, true);
  line('ก. ยุทธศาสตร์ชาติ 20 ปี ยุทธศาสตร์ที่ 2 การสร้างความสามารถในการแข่งขัน', false);
  line('ข. แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13 หมุดหมายที่ 5', false);
  line('ค. SDGs เป้าหมายที่ 9', false);
  line(pick(r, ISSUES), false);
  line('จ. ยุทธศาสตร์การพัฒนาของ อปท. ในเขตจังหวัดที่ 1 การพัฒนาโครงสร้างพื้นฐาน', false);
  line('1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', false);
  const h = sh.rows.length + 1;
  sh.rows.push([
    'ที่',
    'โครงการ',
    'วัตถุประสงค์',
    'เป้าหมาย',
    'งบประมาณ',
    null,
    null,
    null,
    null,
    'ตัวชี้วัด (KPI)',
    'ผลที่คาดว่าจะได้รับ',
    'หน่วยงานที่จะขอประสาน',
  ]);
  sh.rows.push([null, null, null, '(ผลผลิตของโครงการ)', ...YEARS, null, null, null]);
  sh.rows.push([null, null, null, null, ...YEARS.map(() => '(บาท)'), null, null, null]);
  for (const c of ['A', 'B', 'C', 'J', 'K', 'L']) sh.merges.push(`${c}${h}:${c}${h + 2}`);
  sh.merges.push(`D${h + 1}:D${h + 2}`, `E${h}:I${h}`);
  const sums = [0, 0, 0, 0, 0];
  let k = 0;
  let prog = 0;
  for (let i = 0; i < projects; i++) {
    if (i % 20 === 0) line(`   1.${++prog} ${PROGRAMMES[(prog - 1) % PROGRAMMES.length]}`, false);
    // every 10th project also appears in the neighbour's file (and in the tambon plan of the same seed)
    const key = i % 10 === 0 ? (seed >> 1) * 100003 + i : seed * 100003 + i + 50000;
    const p = project(key, tb);
    p.budgets.forEach((v, y) => (sums[y] += v));
    sh.rows.push([++k, p.name, p.objective, p.target, ...p.budgets.map((v) => (v ? money(v) : '-')), p.kpi, p.outcome, p.agency]);
  }
  sh.rows.push([null, null, null, 'รวมงบประมาณ', ...sums.map((v) => ({ n: v, s: 3 })), null, null, null]);
  void W;
  return { name: `ผ0202_อบต${tb}_${seed}.xlsx`, bytes: workbookBytes('ผ.02-2', sh), projects };
}

/** แผนพัฒนาตำบล of tambon `seed`: sections every ~20 rows; section 3 (support) rows are the needs. */
export function tambonWorkbook(seed: number, projects: number): GenFile {
  const r = rng(seed + 99991);
  const tb = tambonName(seed >> 1);
  const amphoe = pick(r, AMPHOE);
  const sh = new Sheet();
  sh.cols = [6, 45, 35, 30, 10, 13, 13, 25, 20, 25, 10, 15];
  const line = (t: string) => {
    const n = sh.rows.length + 1;
    sh.rows.push([t]);
    sh.merges.push(`A${n}:L${n}`);
  };
  line(`แผนพัฒนาตำบล${tb} ประจำปีงบประมาณ 2567 - 2568`);
  line(`ตำบล${tb} อำเภอ${amphoe} จังหวัดเชียงใหม่`);
  const h = sh.rows.length + 1;
  sh.rows.push([
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
  sh.rows.push([null, null, null, null, null, 2567, 2568, null, null, null, null, null]);
  for (const c of ['A', 'B', 'C', 'D', 'E', 'H', 'I', 'J', 'K', 'L']) sh.merges.push(`${c}${h}:${c}${h + 1}`);
  sh.merges.push(`F${h}:G${h}`);
  const SECTIONS = ['1. โครงการที่ชุมชนดำเนินการเอง', '2. โครงการที่ดำเนินการร่วมกับ อปท./หน่วยงาน', '3. โครงการที่ขอรับการสนับสนุนจากหน่วยงานภายนอก'];
  let no = 0;
  for (let i = 0; i < projects; i++) {
    if (i % 20 === 0) {
      line(SECTIONS[(i / 20) % 3 === 2 ? 2 : (i / 20) % 3]);
      no = 0;
    }
    const support = Math.floor(i / 20) % 3 === 2;
    const key = i % 10 === 0 ? (seed >> 1) * 100003 + i : seed * 100003 + i + 70000;
    const p = project(key, tb);
    const cls = support ? (r() < 0.5 ? 'ขอรับการสนับสนุน' : 'เกินศักยภาพ') : 'ดำเนินการเอง';
    sh.rows.push([
      ++no,
      p.name,
      p.objective,
      p.target,
      String(p.village),
      p.budgets[1] ? money(p.budgets[1]) : '-',
      p.budgets[2] ? money(p.budgets[2]) : '-',
      String(1 + Math.floor(r() * 5)),
      cls,
      support ? p.agency : '-',
      no,
      null,
    ]);
  }
  return { name: `แผนตำบล${tb}_${seed}.xlsx`, bytes: workbookBytes('แผนตำบล', sh), projects };
}

/** File `i` of a district / the country: alternating ผ.02/2 and tambon plans. */
export function districtFile(i: number, projects: number): GenFile {
  return i % 2 === 0 ? p022Workbook(i, projects) : tambonWorkbook(i, projects);
}

/** One big ผ.02/2 sheet. */
export function bigSheet(projects: number): GenFile {
  return p022Workbook(424242, projects);
}
