/**
 * Every string the task pane shows, in one table: Thai first, English on the toggle. Panels take the
 * table for their language (`STRINGS[lang]`) and show the engine's own messages through `say` /
 * `findingMessage`, so no panel keeps strings of its own. The chosen language is kept in localStorage
 * ("oneplan.lang"); Thai is the default.
 */
import type { Finding } from '../engine/findings';
import type { SplitKey } from '../engine/consolidate/split';

export type Lang = 'th' | 'en';

const fmt = (n: number) => n.toLocaleString('en-US');

/** The receiver in a per-receiver zip's Thai name ("แผนความต้องการ-แยกตามอำเภอ.zip"). */
const SPLIT_WORD: Record<SplitKey, string> = { district: 'อำเภอ', proposer: 'ผู้เสนอ', agency: 'หน่วยงาน', route: 'ผู้รับเรื่อง' };

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
  validateExcelHint: 'ตรวจสอบทุกชีตในสมุดงานที่เปิดอยู่',
  noFileYet: 'ยังไม่ได้เลือกไฟล์',
  summary: (sheets: number, errors: number, warnings: number) => `${sheets} ชีต · ข้อผิดพลาด ${errors} · คำเตือน ${warnings}`,
  allGood: 'ไม่พบปัญหา',
  nothingChecked: (sheets: number) => `ไม่ได้ตรวจสอบสิ่งใด: ไม่มีชีตแบบแผนในไฟล์นี้ (${sheets} ชีตเป็นเอกสารชนิดอื่น)`,
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
  /** After a write: which earlier sheets of ours were rewritten in place (their contents replaced). */
  sheetsReplaced: (names: string[]) =>
    `— เขียนทับชีต ${names.map((n) => `"${n}"`).join(', ')} ที่ OnePlan สร้างไว้ก่อน (ข้อมูลเดิมในชีตนั้นถูกแทนที่ สูตรที่อ้างถึงชีตยังใช้ได้)`,
  listsCleared: (names: string[]) => `— ชีต ${names.map((n) => `"${n}"`).join(', ')} ไม่มีรายการในรอบนี้แล้ว: เหลือบรรทัดเดียวที่บอกวันที่`,
  listsEdited: (names: string[]) =>
    `ชีต ${names.map((n) => `"${n}"`).join(', ')} ยังแสดงรายการของรอบก่อน (รอบนี้ไม่มีรายการ) แต่มีการแก้ไขในชีต จึงไม่เขียนทับ — ตรวจดูและลบเองถ้าไม่ใช้แล้ว`,
  copied: 'คัดลอกแล้ว วางในไฟล์ใหม่หรือโปรแกรมปฏิทินได้ (Excel for Mac ดาวน์โหลดไฟล์จากหน้าต่างนี้ไม่ได้)',
  calCopyIcs: 'คัดลอกปฏิทิน (.ics)',
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
    'action-plan': 'แผนปฏิบัติการประจำปีของอำเภอ',
    strategies: 'ประเด็นการพัฒนา/ยุทธศาสตร์',
    calendar: 'ปฏิทิน',
    other: 'อื่น ๆ',
  } as Record<string, string>,
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
  // Shared pieces
  planFileHint: 'ลากไฟล์แผน (.xlsx หรือ .csv) มาวางที่นี่ หรือ',
  resultsHeading: 'ผลการตรวจ',
  // Validate (the tab and its button name different things: the tab the job, the button the action)
  validateAction: 'ตรวจแผ่นงานนี้',
  validateFileAction: 'ตรวจไฟล์นี้',
  reportFileName: (base: string) => `รายงานตรวจสอบ-${base}.xlsx`,
  sheetsHeading: (n: number) => `ชีตที่ตรวจ (${n})`,
  findingsOn: (sheet: string, errors: number, warnings: number) => `${sheet}: ข้อผิดพลาด ${errors} คำเตือน ${warnings}`,
  fileChanged: (name: string) => `ไฟล์ที่เปิดเปลี่ยนเป็น ${name} แล้ว — กดตรวจแผ่นงานนี้อีกครั้งก่อนแก้`,
  fixLabel: (what: string) => `แก้ไข: ${what}`,
  // Column mapping
  mapColumns: 'กำหนดคอลัมน์เอง',
  mapHint: 'ระบุตัวอักษรคอลัมน์ (เช่น B) ของแต่ละช่อง — เว้นว่างถ้าไม่มี',
  mapSet: ' (กำหนดไว้แล้ว)',
  mapSave: 'บันทึกและตรวจใหม่',
  mapReset: 'กลับไปใช้หัวตาราง',
  mapClose: 'ปิด',
  mapFields: {
    no: 'ที่',
    name: 'โครงการ',
    objective: 'วัตถุประสงค์',
    target: 'เป้าหมาย',
    village: 'หมู่ที่/ชุมชน',
    tambon: 'ตำบล',
    kpi: 'ตัวชี้วัด',
    unit: 'หน่วยงานรับผิดชอบ',
    agency: 'หน่วยงานที่จะขอประสาน',
    link: 'ประเด็นการพัฒนาจังหวัด',
    amount: 'งบประมาณ (คอลัมน์เดียว)',
    year: 'ปีงบประมาณ',
  } as Record<string, string>,
  mapBudget: (year: string) => `งบประมาณ ${year}`,
  // Consolidate
  consDrop: 'ลากไฟล์ที่ได้รับ (แผนตำบล แผนหมู่บ้าน ผ.02 ผ.02/2 — .xlsx หรือ .csv) มาวางที่นี่ หรือ',
  consChoose: 'เลือกไฟล์',
  consChosen: (n: number) => `เลือกแล้ว ${n} ไฟล์`,
  consClear: 'ล้างรายการ',
  consRun: 'รวบรวมเป็นแผนความต้องการของอำเภอ',
  consRunOpen: 'รวบรวมจากชีตในสมุดงานที่เปิดอยู่',
  consReading: (d: number, t: number) => `กำลังอ่านไฟล์ ${d}/${t}`,
  consConsolidating: (d: number, t: number) => `กำลังรวบรวม ${d}/${t}`,
  cancel: 'ยกเลิก',
  consCancelled: 'ยกเลิกการรวบรวมแล้ว',
  consInputs: (n: number) => `ไฟล์ที่รวบรวม (${n})`,
  consSkipped: (n: number) => `ไฟล์ที่ข้าม (${n})`,
  consFile: 'ไฟล์',
  consStatus: 'สถานะ',
  consDetail: 'รายละเอียด',
  consStatuses: { ok: 'อ่านได้', skipped: 'ข้าม', failed: 'อ่านไม่ได้' } as Record<string, string>,
  consProjects: (read: number, taken: number) => `${read} โครงการ · นำเข้า ${taken}`,
  consAllTaken: 'นำเข้าทุกโครงการ',
  consNeeds: (n: number, counted: number) => `แผนความต้องการ ${n} โครงการ (นับยอด ${counted})`,
  consSummary: (files: number, needs: number, dups: number, failed: number) =>
    `${files} ไฟล์ → ${fmt(needs)} โครงการ · อาจซ้ำ ${fmt(dups)} กลุ่ม${failed ? ` · อ่านไม่ได้/ข้าม ${failed} ไฟล์` : ''}`,
  consTotals: 'งบประมาณรวมตามปีงบประมาณ',
  consYear: 'ปีงบประมาณ',
  consAmount: 'งบประมาณ (บาท)',
  consDuplicates: (n: number) => `โครงการที่อาจซ้ำกัน (${fmt(n)} กลุ่ม)`,
  consNoDuplicates: 'ไม่พบโครงการซ้ำ',
  consConfidence: { exact: 'ซ้ำตรงกัน', likely: 'น่าจะซ้ำ', possible: 'อาจซ้ำ — ให้ตรวจสอบ' } as Record<string, string>,
  consMerged: 'รวมเป็นรายการเดียว',
  consMoreDuplicates: (n: number) => `และอีก ${n} กลุ่ม (ดูทั้งหมดในไฟล์ที่ดาวน์โหลด)`,
  consLocal: 'มีในแผนพัฒนาท้องถิ่นแล้ว',
  consWrite: 'เขียนชีตลงในสมุดงาน',
  consWritten: 'เขียนชีตแล้ว',
  consDownload: 'ดาวน์โหลดแผนความต้องการ (.xlsx)',
  consFileName: 'แผนความต้องการอำเภอ.xlsx',
  // The district's annual action plan (a section of the Consolidate tab)
  apTitle: 'แผนปฏิบัติการประจำปีของอำเภอ',
  apIntro:
    'รวมโครงการที่ได้รับงบประมาณในพื้นที่อำเภอของปีงบประมาณหนึ่ง: บัญชีโครงการของส่วนราชการที่จังหวัดแจ้ง โครงการของอำเภอ และข้อบัญญัติ/เทศบัญญัติงบประมาณ หรือแผนพัฒนาท้องถิ่น (ผ.02) ของ อปท.',
  apFiscalYear: 'ปีงบประมาณ (พ.ศ.)',
  apFiscalYearBad: 'ใส่ปี พ.ศ. 4 หลัก เช่น 2569',
  apDistrict: 'อำเภอ',
  apDrop: 'ลากไฟล์บัญชีโครงการที่ได้รับงบประมาณ ข้อบัญญัติ/เทศบัญญัติ หรือ ผ.02 (.xlsx) มาวางที่นี่ หรือ',
  apChoose: 'เลือกไฟล์',
  apPrevHint: 'แผนปฏิบัติการที่ดาวน์โหลดไว้ครั้งก่อน (ถ้ามี): ผู้รับผิดชอบ ผลการดำเนินงาน หมายเหตุ และแถวที่อำเภอเพิ่มเองจะคงไว้ในแผนใหม่ — ลากมาวางที่นี่ หรือ',
  apPrevChoose: 'เลือกแผนเดิม',
  apPrevNone: 'ไม่ได้เลือกแผนเดิม: จัดทำแผนใหม่ทั้งหมด',
  apPrevPicked: (file: string, sheet: string, n: number, fy?: number) =>
    `แผนเดิม: ${file} (ชีต ${sheet}${fy ? ` ปี ${fy}` : ''}, ${fmt(n)} โครงการ) — ไม่นับเป็นไฟล์ที่รวบรวม`,
  apPrevClear: 'ไม่ใช้แผนเดิม',
  apPrevNoPlan: (file: string) => `${file} ไม่มีแผนปฏิบัติการที่ OnePlan จัดทำ (ชีตแผนปฏิบัติการอำเภอ): เลือกไฟล์แผนที่ดาวน์โหลดไว้ครั้งก่อน`,
  apPrevOtherYear: (file: string, other: number, fy: number) =>
    `${file} เป็นแผนปฏิบัติการปี ${other}: ไม่นำมารวมกับแผนปี ${fy} (จัดทำแผนปี ${fy} ใหม่ทั้งหมด) — เลือกแผนปี ${fy} หรือแก้ปีงบประมาณ`,
  apVanished: (n: number) => `โครงการในแผนเดิมที่ไม่มีในไฟล์ครั้งนี้ (${fmt(n)})`,
  apChosen: (n: number) => `ไฟล์ที่เลือก ${fmt(n)} ไฟล์`,
  apRun: 'จัดทำแผนปฏิบัติการ',
  apSummary: (rows: number, total: number, dups: number) =>
    `${fmt(rows)} โครงการ งบประมาณรวม ${fmt(total)} บาท${dups ? ` · อาจซ้ำกัน ${fmt(dups)} คู่` : ''}`,
  apNone: (fy: number) => `ไม่พบโครงการที่ได้รับงบประมาณปี ${fy} ในไฟล์ที่เลือก`,
  apGroup: (agency: string, n: number, total: number) => `${agency}: ${fmt(n)} โครงการ ${fmt(total)} บาท`,
  apLeftOut: 'ไม่นำมารวม',
  apProblems: (n: number) => `เซลล์ที่อ่านไม่ได้ ${fmt(n)} เซลล์`,
  apDownload: 'ดาวน์โหลดแผนปฏิบัติการ (.xlsx)',
  apFileName: (fy: number) => `แผนปฏิบัติการอำเภอ-${fy}.xlsx`,
  apOtherYear: (other: number, fy: number) =>
    `สมุดงานนี้มีแผนปฏิบัติการปี ${other} อยู่แล้ว: ไม่เขียนทับแผนปี ${fy} ลงไป (ดาวน์โหลดแทน หรือเปลี่ยนชื่อชีตเดิมก่อน)`,
  apMerged: (kept: number, fresh: number, added: number, vanished: number) =>
    `รวมกับแผนเดิม: คงผู้รับผิดชอบ/ผลการดำเนินงาน/หมายเหตุไว้ ${fmt(kept)} โครงการ · ใหม่ ${fmt(fresh)} · อำเภอเพิ่มเอง ${fmt(added)}${vanished ? ` · ไม่มีในรอบนี้ ${fmt(vanished)} (ดูชีตแผนปฏิบัติการที่ไม่มีในรอบนี้)` : ''}`,
  consStrategy: 'ตรวจกับประเด็นการพัฒนาจังหวัด',
  consStrategyNone: 'ไม่ตรวจ (จัดกลุ่มตามที่ไฟล์ระบุ)',
  consStrategySaved: (label: string) => `รายการที่บันทึกไว้${label ? `: ${label}` : ''}`,
  consMismatches: (n: number) =>
    n ? `ประเด็นการพัฒนาไม่สอดคล้อง/ไม่ระบุ ${fmt(n)} โครงการ (ดูเหตุผลในชีตผลลัพธ์)` : 'ทุกโครงการสอดคล้องกับประเด็นการพัฒนาที่ระบุ',
  consNoWorkbook: 'ยังไม่มีสมุดงานที่เปิดอยู่',
  consDistrictGroup: 'ข้อมูลอำเภอ: ชื่อ รายชื่อผู้ส่ง การประชุม ก.บ.อ. คำจัดประเภท',
  consDistrictName: 'ชื่ออำเภอ',
  consProvinceName: 'จังหวัด',
  consExpected: (n: number, level: 'tambon' | 'district') =>
    level === 'tambon'
      ? `ต้องส่งแผน ${fmt(n)} แห่ง: ตำบลทุกตำบลของอำเภอตามทำเนียบของกรมการปกครอง และชื่อที่เพิ่มด้านล่าง`
      : `ต้องส่งแผน ${fmt(n)} แห่ง: อำเภอทุกอำเภอของจังหวัดตามทำเนียบของกรมการปกครอง และชื่อที่เพิ่มด้านล่าง`,
  consRoster: 'อปท. และหน่วยงานที่ต้องส่งแผนเพิ่มจากตำบล (บรรทัดละหนึ่งชื่อ)',
  consMeeting: 'ก.บ.อ. ประชุมครั้งที่',
  consMeetingDate: 'วันที่ประชุม (พ.ศ.)',
  consApprovalDate: 'อ่านวันที่ไม่ได้ (เช่น 15/5/2568 หรือ 15 พฤษภาคม 2568)',
  consApprovalHalf: 'กรอกทั้งครั้งที่และวันที่ประชุม',
  consWordsPao: 'คำที่หมายถึงเกินขีดความสามารถของ อปท. (ส่ง อบจ.)',
  consWordsAgency: 'คำที่หมายถึงประสานส่วนราชการ',
  consWordsSupport: 'คำที่หมายถึงขอรับการสนับสนุน',
  consWordsHint: 'คั่นด้วยจุลภาค เว้นว่าง = ใช้ค่าเริ่มต้น',
  consRoutes: (pao: number, agency: number, province: number) =>
    `ส่งถึง: อบจ. ${fmt(pao)} · ส่วนราชการ ${fmt(agency)} · จังหวัด (ก.บ.จ.) ${fmt(province)}`,
  consNotInPlan: (n: number) => (n ? `ไม่มีในแผนพัฒนาอำเภอ ${fmt(n)} โครงการ (ต้องบรรจุก่อนส่งจังหวัด)` : 'ทุกโครงการอยู่ในแผนพัฒนาอำเภอ'),
  consNoApproval: 'ยังไม่ได้บันทึกการประชุม ก.บ.อ. ที่เห็นชอบ (กรอกในข้อมูลอำเภอ หรือในหัวตาราง)',
  consSenders: (received: number, expected: number) => `ส่งแผนแล้ว ${fmt(received)} จาก ${fmt(expected)} แห่ง`,
  consSenderStatus: { received: 'ส่งแล้ว', unreadable: 'ส่งมาแล้วแต่ใช้ไม่ได้', missing: 'ยังไม่ส่ง' },
  consMerged2: (kept: number, fresh: number, gone: number, file?: string) =>
    `รวมกับตารางเดิม${file ? ` (${file})` : 'ในสมุดงาน'}: คงลำดับ/บันทึกไว้ ${fmt(kept)} · ใหม่ ${fmt(fresh)} · หายไป ${fmt(gone)}`,
  consVanished: (n: number) => `โครงการในตารางเดิมที่ไม่มีในไฟล์ที่รวบรวมครั้งนี้ (${fmt(n)})`,
  consPrevHint: 'ตารางแผนความต้องการที่ดาวน์โหลดไว้ครั้งก่อน (ถ้ามี): ลำดับ ผู้รับเรื่อง บันทึก และผลการพิจารณาที่แก้ไว้จะคงไว้ในตารางใหม่ — ลากมาวางที่นี่ หรือ',
  consPrevChoose: 'เลือกตารางเดิม',
  consPrevNone: 'ไม่ได้เลือกตารางเดิม: จัดลำดับใหม่ทั้งหมด',
  consPrevPicked: (file: string, sheet: string, n: number) => `ตารางเดิม: ${file} (ชีต ${sheet}, ${fmt(n)} โครงการ) — ไม่นับเป็นไฟล์ที่รวบรวม`,
  consPrevClear: 'ไม่ใช้ตารางเดิม',
  consPrevNoTable: (file: string) =>
    `ไม่พบตารางแผนความต้องการในไฟล์ "${file}" (ชีตที่มีคอลัมน์ลำดับความสำคัญของอำเภอ): เลือกไฟล์ที่ OnePlan ดาวน์โหลดไว้ครั้งก่อน`,
  consPrevNotInput: (file: string) => `${file} เป็นตารางเดิมที่เลือกไว้: ใช้รวมลำดับและบันทึก ไม่นับเป็นไฟล์ที่รวบรวม`,
  consSplitBy: 'แยกไฟล์ส่งกลับให้ผู้รับแต่ละราย',
  consSplitKeys: {
    district: (n: number) => `ตามอำเภอ (${fmt(n)} ไฟล์)`,
    proposer: (n: number) => `ตามผู้เสนอ: ตำบล/อปท. (${fmt(n)} ไฟล์)`,
    agency: (n: number) => `ตามหน่วยงาน (${fmt(n)} ไฟล์)`,
    route: (n: number) => `ตามผู้รับเรื่อง: อบจ./ส่วนราชการ/จังหวัด (${fmt(n)} ไฟล์)`,
  } as Record<SplitKey, (n: number) => string>,
  consSplitDownload: 'ดาวน์โหลดแยกไฟล์ (.zip)',
  consSplitFileName: (by: SplitKey) => `แผนความต้องการ-แยกตาม${SPLIT_WORD[by]}.zip`,
  consSplitDone: (n: number, zip: string) => `ดาวน์โหลดแล้ว ${fmt(n)} ไฟล์ รวมใน ${zip}`,
  consReturned: (applied: number, unmatched: number) =>
    `ผลการพิจารณาของจังหวัด: ใส่ในตาราง ${fmt(applied)} โครงการ${unmatched ? ` · ไม่พบรายการ ${fmt(unmatched)} (ดูชีตผลการพิจารณาที่ไม่พบรายการ)` : ''}`,
  // Calendar
  calTemplate: 'แม่แบบปฏิทิน',
  calCustom: 'แม่แบบที่แก้ไขเอง',
  calFiscalYear: 'ปีงบประมาณ (พ.ศ.)',
  calOffset: 'ขั้นตอนอยู่ในปี พ.ศ.',
  calOffsetHint: (y: number, k: number) => `ปีงบประมาณ ${k >= 0 ? '+' : '−'} ${Math.abs(k)} = พ.ศ. ${y}`,
  calThaiDigits: 'ใช้เลขไทย',
  calDetails: 'แสดงรายละเอียดขั้นตอนในชีต',
  calSteps: (n: number) => `ขั้นตอน (${n})`,
  calStep: (no: string | number) => `ขั้นตอนที่ ${no}`,
  calTitle: 'การดำเนินงาน',
  calUnit: 'หน่วยดำเนินการ',
  calFrom: 'เริ่ม',
  calTo: 'ถึง',
  calDeadline: 'ภายในวันที่',
  calDeadlineHint: 'เช่น 15 มิ.ย. 2569',
  calBadDate: 'วันที่ไม่ถูกต้อง',
  calAddStep: 'เพิ่มขั้นตอน',
  calNewStep: 'ขั้นตอนใหม่',
  calRemove: (no: string | number) => `ลบขั้นตอนที่ ${no}`,
  calUp: (no: string | number) => `เลื่อนขั้นตอนที่ ${no} ขึ้น`,
  calReset: 'คืนค่าแม่แบบ',
  calExportJson: 'บันทึกแม่แบบ (.json)',
  calImportJson: 'เปิดแม่แบบ (.json)',
  calBadTemplate: 'ไฟล์แม่แบบไม่ถูกต้อง',
  calWarnings: (n: number) => `คำเตือน (${n})`,
  calPreview: 'ตัวอย่างปฏิทิน',
  calCreate: 'สร้างชีตปฏิทิน',
  calCreated: 'สร้างชีตปฏิทินในสมุดงานแล้ว',
  calDownloadXlsx: 'ดาวน์โหลดปฏิทิน (.xlsx)',
  calDownloadIcs: 'ดาวน์โหลดปฏิทิน (.ics)',
  calSummary: (fy: number, steps: number, from: string, to: string) => `ปีงบประมาณ ${fy}: ${steps} ขั้นตอน ${from} – ${to}`,
  calFileBase: (fy: number) => `ปฏิทินการดำเนินงาน-${fy}`,
  calTemplateFile: (id: string) => `แม่แบบปฏิทิน-${id}.json`,
  calVariables: 'ค่าที่เปลี่ยนตามปีงบประมาณ',
  calVars: { fy: 'ปีงบประมาณ', year: 'ปี พ.ศ. ของขั้นตอน', planStart: 'ปีแรกของแผน', planEnd: 'ปีสุดท้ายของแผน', updated: 'วันที่ปรับปรุง' } as Record<
    string,
    string
  >,
  failed: 'ทำไม่สำเร็จ',
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
  validateExcelHint: 'Checks every sheet of the open workbook',
  noFileYet: 'No file chosen yet',
  summary: (sheets: number, errors: number, warnings: number) => `${sheets} sheets · ${errors} errors · ${warnings} warnings`,
  allGood: 'No problems found',
  nothingChecked: (sheets: number) =>
    `Nothing was checked: this file has no plan sheet (${sheets} sheet${sheets === 1 ? ' is another kind' : 's are other kinds'} of document)`,
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
  sheetsReplaced: (names: string[]) =>
    `— rewrote ${names.map((n) => `"${n}"`).join(', ')}, made by OnePlan before (its earlier contents were replaced; formulas pointing at it still work)`,
  listsCleared: (names: string[]) => `— ${names.map((n) => `"${n}"`).join(', ')}: nothing to list this run, one dated line left`,
  listsEdited: (names: string[]) =>
    `${names.map((n) => `"${n}"`).join(', ')} still show${names.length === 1 ? 's' : ''} last run's rows (this run has none), but the sheet was edited, so it was not written over — check it and delete it if no longer needed`,
  copied: 'Copied: paste it into a new file or a calendar app (Excel for Mac cannot download files from this pane)',
  calCopyIcs: 'Copy calendar (.ics)',
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
    'action-plan': "District's annual action plan",
    strategies: 'Development issues',
    calendar: 'Calendar',
    other: 'Other',
  },
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
  planFileHint: 'Drop a plan file (.xlsx or .csv) here, or',
  resultsHeading: 'Results',
  validateAction: 'Check this workbook',
  validateFileAction: 'Check this file',
  reportFileName: (base: string) => `validation-report-${base}.xlsx`,
  sheetsHeading: (n: number) => `Sheets checked (${n})`,
  findingsOn: (sheet: string, errors: number, warnings: number) => `${sheet}: ${errors} errors, ${warnings} warnings`,
  fileChanged: (name: string) => `The open file is now ${name}: check it again before fixing`,
  fixLabel: (what: string) => `Fix: ${what}`,
  mapColumns: 'Map columns by hand',
  mapHint: 'Column letter (e.g. B) for each field; leave blank when absent',
  mapSet: ' (set)',
  mapSave: 'Save and check again',
  mapReset: 'Use the header again',
  mapClose: 'Close',
  mapFields: {
    no: 'No.',
    name: 'Project',
    objective: 'Objective',
    target: 'Target',
    village: 'Village',
    tambon: 'Tambon',
    kpi: 'KPI',
    unit: 'Responsible unit',
    agency: 'Agency to ask',
    link: 'Provincial issue',
    amount: 'Budget (one column)',
    year: 'Fiscal year',
  },
  mapBudget: (year: string) => `Budget ${year}`,
  consDrop: 'Drop the received files (tambon, village, ผ.02, ผ.02/2 plans — .xlsx or .csv) here, or',
  consChoose: 'Choose files',
  consChosen: (n: number) => `${n} file${n === 1 ? '' : 's'} chosen`,
  consClear: 'Clear',
  consRun: 'Consolidate into the district needs table',
  consRunOpen: 'Consolidate the sheets of this workbook',
  consReading: (d: number, t: number) => `Reading files ${d}/${t}`,
  consConsolidating: (d: number, t: number) => `Consolidating ${d}/${t}`,
  cancel: 'Cancel',
  consCancelled: 'Consolidation cancelled',
  consInputs: (n: number) => `Files (${n})`,
  consSkipped: (n: number) => `Files left out (${n})`,
  consFile: 'File',
  consStatus: 'Status',
  consDetail: 'Details',
  consStatuses: { ok: 'Read', skipped: 'Skipped', failed: 'Failed' },
  consProjects: (read: number, taken: number) => `${read} projects · ${taken} taken`,
  consAllTaken: 'all taken',
  consNeeds: (n: number, counted: number) => `Needs table: ${n} projects (${counted} counted)`,
  consSummary: (files: number, needs: number, dups: number, failed: number) =>
    `${files} files → ${fmt(needs)} projects · ${fmt(dups)} possible duplicate groups${failed ? ` · ${failed} files failed or skipped` : ''}`,
  consTotals: 'Budget totals by fiscal year',
  consYear: 'Fiscal year',
  consAmount: 'Budget (baht)',
  consDuplicates: (n: number) => `Possible duplicates (${fmt(n)} groups)`,
  consNoDuplicates: 'No duplicates found',
  consConfidence: { exact: 'Exact', likely: 'Likely', possible: 'Possible — please check' },
  consMerged: 'merged into one',
  consMoreDuplicates: (n: number) => `and ${n} more groups (all are in the downloaded file)`,
  consLocal: 'already in a local plan',
  consWrite: 'Write sheets to the workbook',
  consWritten: 'Sheets written',
  consDownload: 'Download the needs table (.xlsx)',
  consFileName: 'district-needs.xlsx',
  apTitle: "District's annual action plan",
  apIntro:
    "The funded projects in the district for one fiscal year: the province's list of agencies' projects, the district's own, and each local authority's budget ordinance or local plan (ผ.02).",
  apFiscalYear: 'Fiscal year (B.E.)',
  apFiscalYearBad: 'Give a 4-digit B.E. year, e.g. 2569',
  apDistrict: 'District',
  apDrop: 'Drop the lists of funded projects, budget ordinances or ผ.02 plans (.xlsx) here, or',
  apChoose: 'Choose files',
  apPrevHint:
    "Last time's action plan, if any (the responsible persons, progress, remarks and rows the district added are kept): drop it here, or",
  apPrevChoose: 'Choose the earlier plan',
  apPrevNone: 'No earlier plan: the plan is made afresh',
  apPrevPicked: (file: string, sheet: string, n: number, fy?: number) =>
    `Earlier plan: ${file} (sheet ${sheet}${fy ? `, FY ${fy}` : ''}, ${fmt(n)} project${n === 1 ? '' : 's'}) — not counted as a received file`,
  apPrevClear: 'Do not use the earlier plan',
  apPrevNoPlan: (file: string) =>
    `${file} holds no action plan made by OnePlan (sheet แผนปฏิบัติการอำเภอ): choose the plan downloaded last time`,
  apPrevOtherYear: (file: string, other: number, fy: number) =>
    `${file} is the action plan of FY ${other}: not merged into the plan of ${fy} (made afresh) — choose the plan of ${fy} or correct the fiscal year`,
  apVanished: (n: number) => `Projects of the earlier plan not in this run's files (${fmt(n)})`,
  apChosen: (n: number) => `${fmt(n)} file${n === 1 ? '' : 's'} chosen`,
  apRun: 'Make the action plan',
  apSummary: (rows: number, total: number, dups: number) =>
    `${fmt(rows)} project${rows === 1 ? '' : 's'}, ${fmt(total)} baht in all${dups ? ` · ${fmt(dups)} possible duplicate pair${dups === 1 ? '' : 's'}` : ''}`,
  apNone: (fy: number) => `No project funded in ${fy} was found in the chosen files`,
  apGroup: (agency: string, n: number, total: number) => `${agency}: ${fmt(n)} project${n === 1 ? '' : 's'}, ${fmt(total)} baht`,
  apLeftOut: 'Not taken',
  apProblems: (n: number) => `${fmt(n)} cell${n === 1 ? '' : 's'} could not be read`,
  apDownload: 'Download the action plan (.xlsx)',
  apFileName: (fy: number) => `district-action-plan-${fy}.xlsx`,
  apOtherYear: (other: number, fy: number) =>
    `This workbook already holds the action plan of ${other}: the plan of ${fy} is not written over it (download it instead, or rename the old sheet first)`,
  apMerged: (kept: number, fresh: number, added: number, vanished: number) =>
    `Merged with the earlier plan: ${fmt(kept)} kept with their responsible person, progress and remarks · ${fmt(fresh)} new · ${fmt(added)} added by the district${vanished ? ` · ${fmt(vanished)} gone from the inputs (sheet แผนปฏิบัติการที่ไม่มีในรอบนี้)` : ''}`,
  consStrategy: "Check against the province's development issues",
  consStrategyNone: 'No check (grouped as the files declare)',
  consStrategySaved: (label: string) => `Remembered list${label ? `: ${label}` : ''}`,
  consMismatches: (n: number) =>
    n
      ? `${fmt(n)} projects declare no development issue, an unknown one or one that does not fit (reasons in the result sheets)`
      : 'Every project fits the development issue it declares',
  consNoWorkbook: 'No workbook is open',
  consDistrictGroup: 'District: name, roster, ก.บ.อ. approval, classification words',
  consDistrictName: 'District name',
  consProvinceName: 'Province',
  consExpected: (n: number, level: 'tambon' | 'district') =>
    level === 'tambon'
      ? `${fmt(n)} expected to send: every tambon of the district in the official gazetteer, and the names added below`
      : `${fmt(n)} expected to send: every district of the province in the official gazetteer, and the names added below`,
  consRoster: 'Local authorities and agencies expected to send besides the tambons (one a line)',
  consMeeting: 'ก.บ.อ. meeting no.',
  consMeetingDate: 'Meeting date (B.E.)',
  consApprovalDate: 'Cannot read the date (e.g. 15/5/2568 or 15 พฤษภาคม 2568)',
  consApprovalHalf: 'Fill in both the meeting number and its date',
  consWordsPao: 'Words for beyond the local authority (to the PAO)',
  consWordsAgency: 'Words for coordinating with an agency',
  consWordsSupport: 'Words for asking for support',
  consWordsHint: 'Comma-separated; empty = the defaults',
  consRoutes: (pao: number, agency: number, province: number) =>
    `Routes: PAO ${fmt(pao)} · agencies ${fmt(agency)} · province ${fmt(province)}`,
  consNotInPlan: (n: number) =>
    n ? `${fmt(n)} needs are not in the district plan (add them before sending)` : 'Every need is in the district plan',
  consNoApproval: 'No ก.บ.อ. approval recorded yet (fill it in the district settings or the title block)',
  consSenders: (received: number, expected: number) => `${fmt(received)} of ${fmt(expected)} have sent their plans`,
  consSenderStatus: { received: 'received', unreadable: 'received, unusable', missing: 'not yet' },
  consMerged2: (kept: number, fresh: number, gone: number, file?: string) =>
    `Merged with the ${file ? `earlier table (${file})` : 'table in the workbook'}: ${fmt(kept)} kept with their ranks and notes · ${fmt(fresh)} new · ${fmt(gone)} gone`,
  consVanished: (n: number) => `Needs of the earlier table not in this run's files (${fmt(n)})`,
  consPrevHint: "Last time's needs table, if any (the ranks, receivers, notes and decisions edited in it are kept): drop it here, or",
  consPrevChoose: 'Choose the earlier table',
  consPrevNone: 'No earlier table: every need ranked afresh',
  consPrevPicked: (file: string, sheet: string, n: number) =>
    `Earlier table: ${file} (sheet ${sheet}, ${fmt(n)} needs) — not counted as a received file`,
  consPrevClear: 'Do not use the earlier table',
  consPrevNoTable: (file: string) =>
    `"${file}" holds no needs table (a sheet with the district rank column): pick the file OnePlan downloaded last time`,
  consPrevNotInput: (file: string) => `${file} is the earlier table chosen above: merged with, not counted as a received file`,
  consSplitBy: 'One file back to each receiver',
  consSplitKeys: {
    district: (n: number) => `by district (${fmt(n)} files)`,
    proposer: (n: number) => `by proposer: tambon / local government (${fmt(n)} files)`,
    agency: (n: number) => `by agency (${fmt(n)} files)`,
    route: (n: number) => `by receiver: PAO / agencies / province (${fmt(n)} files)`,
  },
  consSplitDownload: 'Download one file per receiver (.zip)',
  consSplitFileName: (by: SplitKey) => `district-needs-by-${by}.zip`,
  consSplitDone: (n: number, zip: string) => `Downloaded ${fmt(n)} files in ${zip}`,
  consReturned: (applied: number, unmatched: number) =>
    `The province's decisions: ${fmt(applied)} needs filled${unmatched ? ` · ${fmt(unmatched)} match no need (listed in a sheet of their own)` : ''}`,
  calTemplate: 'Calendar template',
  calCustom: 'Edited template',
  calFiscalYear: 'Fiscal year (B.E.)',
  calOffset: 'Steps fall in B.E. year',
  calOffsetHint: (y: number, k: number) => `fiscal year ${k >= 0 ? '+' : '−'} ${Math.abs(k)} = ${y} B.E.`,
  calThaiDigits: 'Thai digits',
  calDetails: 'Step details in the sheet',
  calSteps: (n: number) => `Steps (${n})`,
  calStep: (no: string | number) => `Step ${no}`,
  calTitle: 'Activity',
  calUnit: 'Responsible unit',
  calFrom: 'From',
  calTo: 'To',
  calDeadline: 'Deadline',
  calDeadlineHint: 'e.g. 15/6/2569',
  calBadDate: 'Not a date',
  calAddStep: 'Add step',
  calNewStep: 'New step',
  calRemove: (no: string | number) => `Remove step ${no}`,
  calUp: (no: string | number) => `Move step ${no} up`,
  calReset: 'Reset template',
  calExportJson: 'Save template (.json)',
  calImportJson: 'Open template (.json)',
  calBadTemplate: 'Not a valid template file',
  calWarnings: (n: number) => `Warnings (${n})`,
  calPreview: 'Preview',
  calCreate: 'Create calendar sheet',
  calCreated: 'Calendar sheet written to the workbook',
  calDownloadXlsx: 'Download calendar (.xlsx)',
  calDownloadIcs: 'Download calendar (.ics)',
  calSummary: (fy: number, steps: number, from: string, to: string) => `FY ${fy}: ${steps} steps, ${from} – ${to}`,
  calFileBase: (fy: number) => `planning-calendar-${fy}`,
  calTemplateFile: (id: string) => `calendar-template-${id}.json`,
  calVariables: 'Values that follow the fiscal year',
  calVars: {
    fy: 'fiscal year',
    year: 'steps’ B.E. year',
    planStart: 'plan’s first year',
    planEnd: 'plan’s last year',
    updated: 'date updated',
  },
  failed: 'Failed',
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

/** A message the engine or the reader wrote in both languages, in the officer's language. */
export function say(x: { message: string; messageEn?: string }, lang: Lang): string {
  return lang === 'en' && x.messageEn ? x.messageEn : x.message;
}

/** A finding's message (written by the findings registry in both languages): the one place the pane turns a finding into words. */
export function findingMessage(f: Finding, lang: Lang): string {
  return say(f, lang);
}

/** A reason written as Thai `note` / English `noteEn` (consolidation's file and sheet notes). */
export function noteText(x: { note?: string; noteEn?: string }, lang: Lang): string {
  return x.note ? say({ message: x.note, messageEn: x.noteEn }, lang) : '';
}

/** The officer's language for any error: reader and pane errors carry Thai and English. */
export function errorText(e: unknown, lang: Lang): string {
  const err = e as { message?: unknown; messageEn?: unknown } | null | undefined;
  if (err && typeof err.message === 'string')
    return say({ message: err.message, messageEn: typeof err.messageEn === 'string' ? err.messageEn : undefined }, lang);
  return String(e);
}

/** A file name without its folder and extension, for names of files the pane saves. */
export function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'workbook';
}
