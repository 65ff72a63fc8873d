/**
 * Task pane strings: Thai first, English on the toggle. The chosen language is kept in
 * localStorage ("oneplan.lang"); Thai is the default.
 */
export type Lang = 'th' | 'en';

const th = {
  appTitle: 'OnePlan แผนเดียวกัน',
  langToggle: 'English',
  langToggleAria: 'เปลี่ยนภาษาเป็นภาษาอังกฤษ',
  tabValidate: 'ตรวจสอบแผน',
  tabConsolidate: 'รวบรวมแผน',
  tabCalendar: 'ปฏิทิน',
  modeExcel: 'เชื่อมต่อกับ Excel',
  modeBrowser: 'โหมดเบราว์เซอร์ (ไม่ต้องใช้ Excel)',
  loading: 'กำลังโหลด…',
  // Validate panel
  dropHint: 'ลากไฟล์ .xlsx มาวางที่นี่ หรือ',
  chooseFile: 'เลือกไฟล์',
  trySample: 'ลองกับไฟล์ตัวอย่าง',
  fileLoaded: 'ไฟล์',
  sheetsCount: (n: number) => `${n} ชีต`,
  notXlsx: 'รองรับเฉพาะไฟล์ .xlsx',
  reading: 'กำลังอ่านไฟล์…',
  validating: 'กำลังตรวจสอบ…',
  validate: 'ตรวจสอบแผน',
  validateExcelHint: 'ตรวจสอบทุกชีตในสมุดงานที่เปิดอยู่',
  noFileYet: 'ยังไม่ได้เลือกไฟล์',
  summary: (sheets: number, errors: number, warnings: number) =>
    `${sheets} ชีต · ข้อผิดพลาด ${errors} · คำเตือน ${warnings}`,
  allGood: 'ไม่พบปัญหา',
  kind: 'ประเภท',
  formCode: 'แบบ',
  projects: 'โครงการ',
  projectsCount: (n: number) => `${n} โครงการ`,
  findingsCount: (n: number) => `${n} รายการ`,
  totals: 'งบประมาณรวมตามปีงบประมาณ',
  fiscalYear: 'ปีงบประมาณ',
  baht: 'บาท',
  noFindings: 'ไม่พบปัญหาในชีตนี้',
  row: 'แถว',
  column: 'คอลัมน์',
  wholeSheet: 'ทั้งชีต',
  fix: 'แก้ไข',
  fixed: 'แก้ไขแล้ว',
  downloadReport: 'ดาวน์โหลดรายงาน',
  writeReport: 'เขียนรายงานลงชีต',
  reportWritten: 'เขียนชีตรายงานแล้ว',
  highlight: 'ไฮไลต์',
  clearHighlights: 'ล้างไฮไลต์',
  preview: 'ตัวอย่างชีต',
  previewSheet: 'ชีต',
  previewTruncated: (rows: number) => `แสดง ${rows} แถวแรก`,
  errorTitle: 'เกิดข้อผิดพลาด',
  severity: { error: 'ข้อผิดพลาด', warning: 'คำเตือน', info: 'ข้อสังเกต' },
  kinds: {
    'local-plan': 'แผนพัฒนาท้องถิ่น (ผ.02)',
    'local-plan-beyond': 'เกินศักยภาพ (ผ.02/2)',
    'local-plan-summary': 'บัญชีสรุป (ผ.01)',
    'tambon-plan': 'แผนพัฒนาตำบล',
    'village-plan': 'แผนพัฒนาหมู่บ้าน',
    'district-needs': 'แผนความต้องการของอำเภอ',
    'district-plan': 'แผนพัฒนาอำเภอ',
    'needs-summary': 'สรุปแผนความต้องการ',
    strategies: 'ประเด็นการพัฒนา/ยุทธศาสตร์',
    calendar: 'ปฏิทิน',
    other: 'อื่น ๆ',
  } as Record<string, string>,
  // Consolidate placeholder
  consolidateComing: 'การรวบรวมแผนจากตำบลและ อปท. เป็นตารางแผนความต้องการของอำเภอ กำลังพัฒนา',
  panelLoadError: 'เปิดแผงนี้ไม่ได้ — ลองโหลดหน้าต่างงานใหม่',
  // Strategy fit panel
  tabStrategy: 'ประเด็นจังหวัด',
  strategyList: 'รายการประเด็นการพัฒนาของจังหวัด',
  strategyChoose: '— เลือกรายการประเด็นการพัฒนา —',
  strategyPresets: 'รายการในตัว',
  strategyFromFile: 'จากไฟล์ของจังหวัด',
  strategyFromWorkbook: 'ชีตในสมุดงานนี้',
  strategySaved: 'ที่เลือกไว้',
  strategyPickFile: 'เปิดไฟล์ของจังหวัด',
  strategyNoList: (file: string) => `ไม่พบรายการประเด็นการพัฒนาในไฟล์ ${file}`,
  strategyIssues: (n: number) => `${n} ประเด็นการพัฒนา`,
  strategyPlan: 'แผนที่จะตรวจ',
  strategyRun: 'ตรวจความสอดคล้อง',
  strategyRunning: 'กำลังตรวจความสอดคล้อง…',
  strategySummary: (projects: number, flagged: number) => `${projects} โครงการ · ต้องตรวจ ${flagged}`,
  strategyNoProjects: 'ไม่พบโครงการในสมุดงานนี้',
  strategyDeclared: 'อ้าง',
  strategySuggested: 'แนะนำ',
  strategyMatched: 'คำที่ตรง',
  strategyNone: '—',
  strategyWriteSheet: 'เขียนชีตผลตรวจ',
  strategySheetWritten: 'เขียนชีตผลตรวจแล้ว',
  strategyDownload: 'ดาวน์โหลด .xlsx',
  strategyFileName: (base: string) => `ตรวจความสอดคล้อง-${base}.xlsx`,
  strategyHighlighted: (n: number) => `ไฮไลต์ ${n} โครงการแล้ว`,
  footer: 'ข้อมูลไม่ถูกส่งออกจากเครื่องของคุณ',
};

export type Strings = typeof th;

const en: Strings = {
  appTitle: 'OnePlan',
  langToggle: 'ภาษาไทย',
  langToggleAria: 'Switch language to Thai',
  tabValidate: 'Validate',
  tabConsolidate: 'Consolidate',
  tabCalendar: 'Calendar',
  modeExcel: 'Connected to Excel',
  modeBrowser: 'Browser mode (no Excel needed)',
  loading: 'Loading…',
  dropHint: 'Drop an .xlsx file here, or',
  chooseFile: 'Choose file',
  trySample: 'Try the sample file',
  fileLoaded: 'File',
  sheetsCount: (n: number) => `${n} sheet${n === 1 ? '' : 's'}`,
  notXlsx: 'Only .xlsx files are supported',
  reading: 'Reading the file…',
  validating: 'Validating…',
  validate: 'Validate plan',
  validateExcelHint: 'Checks every sheet of the open workbook',
  noFileYet: 'No file chosen yet',
  summary: (sheets: number, errors: number, warnings: number) =>
    `${sheets} sheets · ${errors} errors · ${warnings} warnings`,
  allGood: 'No problems found',
  kind: 'Kind',
  formCode: 'Form',
  projects: 'Projects',
  projectsCount: (n: number) => `${n} project${n === 1 ? '' : 's'}`,
  findingsCount: (n: number) => `${n} finding${n === 1 ? '' : 's'}`,
  totals: 'Budget totals by fiscal year',
  fiscalYear: 'FY',
  baht: 'THB',
  noFindings: 'No problems on this sheet',
  row: 'row',
  column: 'column',
  wholeSheet: 'whole sheet',
  fix: 'Fix',
  fixed: 'Fixed',
  downloadReport: 'Download report',
  writeReport: 'Write report sheet',
  reportWritten: 'Report sheet written',
  highlight: 'Highlight',
  clearHighlights: 'Clear highlights',
  preview: 'Sheet preview',
  previewSheet: 'Sheet',
  previewTruncated: (rows: number) => `showing the first ${rows} rows`,
  errorTitle: 'Something went wrong',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  kinds: {
    'local-plan': 'Local plan (ผ.02)',
    'local-plan-beyond': 'Beyond capacity (ผ.02/2)',
    'local-plan-summary': 'Summary (ผ.01)',
    'tambon-plan': 'Tambon plan',
    'village-plan': 'Village plan',
    'district-needs': 'District needs plan',
    'district-plan': 'District development plan',
    'needs-summary': 'Needs summary',
    strategies: 'Development issues',
    calendar: 'Calendar',
    other: 'Other',
  },
  consolidateComing: 'Consolidating tambon and local plans into the district needs table is coming soon',
  panelLoadError: 'Could not open this panel: reload the task pane',
  tabStrategy: 'Strategy fit',
  strategyList: 'Provincial development issues',
  strategyChoose: '— Choose an issue list —',
  strategyPresets: 'Built-in lists',
  strategyFromFile: 'From the province’s file',
  strategyFromWorkbook: 'Sheets of this workbook',
  strategySaved: 'Remembered',
  strategyPickFile: 'Open the province’s file',
  strategyNoList: (file: string) => `No list of development issues found in ${file}`,
  strategyIssues: (n: number) => `${n} development issue${n === 1 ? '' : 's'}`,
  strategyPlan: 'Plan to check',
  strategyRun: 'Check strategy fit',
  strategyRunning: 'Checking strategy fit…',
  strategySummary: (projects: number, flagged: number) => `${projects} projects · ${flagged} to review`,
  strategyNoProjects: 'No projects found in this workbook',
  strategyDeclared: 'declared',
  strategySuggested: 'suggested',
  strategyMatched: 'matched words',
  strategyNone: '—',
  strategyWriteSheet: 'Write result sheet',
  strategySheetWritten: 'Result sheet written',
  strategyDownload: 'Download .xlsx',
  strategyFileName: (base: string) => `strategy-fit-${base}.xlsx`,
  strategyHighlighted: (n: number) => `${n} projects highlighted`,
  footer: 'Your data never leaves this computer',
};

export const STRINGS: Record<Lang, Strings> = { th, en };

const KEY = 'oneplan.lang';

export function loadLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

export function saveLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(KEY, lang);
  } catch {
    /* private mode: keep in memory only */
  }
}

const nf = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 });

/** 1504920 → "1,504,920" (Thai locale, Arabic digits as worksheets use). */
export function formatNumber(n: number): string {
  return nf.format(n);
}

/** A year key from a report ("2566", or a C.E. year) → B.E. year number. */
export function beYear(key: string | number): number {
  const y = typeof key === 'number' ? key : parseInt(String(key), 10);
  if (!Number.isFinite(y)) return NaN;
  return y < 2400 ? y + 543 : y;
}
