/**
 * Which form a sheet is: by its title lines, its text boxes ("แบบ ผ.02") and its header words —
 * never by the sheet name, which officers abbreviate and misspell.
 *
 * A kind is given only on its own evidence: each kind has small rules (KIND_RULES) that look at the
 * sheet's signs and either say why it is that kind or stay silent. No rule fires → 'other', with the
 * reason saying what was seen. A procurement list with ชื่อโครงการ and ประเภท (ซื้อ/จ้าง) is not a tambon
 * plan: header-only rules need the plan's own columns (budget, objective, target…) and, for a
 * classification, classification words in the rows.
 */
import type { SheetModel } from '../model';
import type { ContextLine, Field, FormKind, PlanBlock } from '../plan';
import { flatText } from '../thai';
import { detectStrategiesSheet } from './issue-list';
import { OWN_OUTPUT_RULES, rowListReason } from './own-output';
import type { KindReason, KindRule, SheetSigns } from './kind-rule';

const FORM_CODE = /ผ\s*\.?\s*0?(\d{1,2})(?:\s*[/.]\s*(\d))?/;

/** "แบบ ผ.02", "แบบ ผ.01 /1", "ผ.02/2" → "ผ.02", "ผ.01/1", "ผ.02/2". */
export function normaliseFormCode(text: string): string | undefined {
  const m = FORM_CODE.exec(flatText(text));
  if (!m) return undefined;
  const main = m[1].padStart(2, '0');
  return m[2] ? `ผ.${main}/${m[2]}` : `ผ.${main}`;
}

/** The form code from a text box (where real workbooks put it) or a short cell in the title area. */
export function formCodeOf(sheet: SheetModel, titles: ContextLine[]): string | undefined {
  // Pushed, not made by filter() and map(): their arrays are packed until TurboFan inlines them and holey
  // after, and the code reading them (inlined into signsOf) was deoptimised by the second kind.
  const candidates: string[] = [];
  for (const t of sheet.textBoxes) if (t.row < 15) candidates.push(t.text);
  for (const t of titles) if (t.text.length < 20) candidates.push(t.text);
  for (const text of candidates) {
    if (!/ผ\s*\.?\s*0/.test(flatText(text))) continue;
    const code = normaliseFormCode(text);
    if (code) return code;
  }
  return undefined;
}

export interface Recognised {
  kind: FormKind;
  reason: KindReason;
}

// ---------------------------------------------------------------------------------------------
// Signs

const CLASS_WORDS = /ดำเนินการเอง|ดำเนินการร่วม|ขอรับการสนับสนุน|ขอรับสนับสนุน|เกินศักยภาพ|เกินขีดความสามารถ|ประสาน/;

const FIELD_TH: Record<Field, string> = {
  no: 'ที่',
  name: 'ชื่อโครงการ',
  objective: 'วัตถุประสงค์',
  target: 'เป้าหมาย',
  location: 'พื้นที่',
  village: 'หมู่บ้าน',
  tambon: 'ตำบล',
  year: 'ปีงบประมาณ',
  amount: 'งบประมาณ',
  fund: 'แหล่งงบประมาณ',
  kpi: 'ตัวชี้วัด',
  result: 'ผลที่คาดว่าจะได้รับ',
  unit: 'หน่วยงานรับผิดชอบ',
  agency: 'หน่วยงานที่ขอประสาน',
  class: 'ประเภท',
  link: 'ยุทธศาสตร์จังหวัด',
  priority: 'ลำดับความสำคัญ',
  note: 'หมายเหตุ',
  source: 'ที่มา',
  counted: 'นับยอด',
  proposer: 'อปท./ผู้เสนอ',
  district: 'อำเภอ',
  sourcePriority: 'ลำดับความสำคัญของอำเภอ',
  route: 'ส่งถึง',
  officerNote: 'บันทึกของอำเภอ',
  countedSource: 'แหล่งที่นับยอด',
  decision: 'ผลการพิจารณาของจังหวัด',
};

export function signsOf(sheet: SheetModel, titles: ContextLine[], blocks: PlanBlock[]): SheetSigns {
  // The first 14 titles' texts joined, pushed (see formCodeOf: one kind of array).
  const firstTitles: string[] = [];
  for (let k = 0; k < titles.length && k < 14; k++) firstTitles.push(titles[k].text);
  const titleText = firstTitles.join(' \n ');
  const fields = new Set(blocks.flatMap((b) => Object.keys(b.columns.fields) as Field[]));
  const yearColumns = Math.max(0, ...blocks.map((b) => b.columns.budgetYears.length));
  const hasBudget = yearColumns > 0 || fields.has('amount');
  let classed = 0;
  let classTotal = 0;
  for (const b of blocks) {
    if (b.columns.fields.class === undefined) continue;
    for (const p of b.projects) {
      if (!p.classification) continue;
      classTotal++;
      if (CLASS_WORDS.test(p.classification)) classed++;
    }
  }
  return {
    sheet,
    titles,
    titleText,
    code: formCodeOf(sheet, titles),
    blocks,
    fields,
    hasBudget,
    yearColumns,
    classWords: classTotal ? classed / classTotal : 0,
  };
}

/** "ชื่อโครงการ, วัตถุประสงค์, งบประมาณ 5 ปี" — the header as the rules saw it. */
export function headerWords(s: SheetSigns): string {
  const words = [...s.fields].filter((f) => f !== 'amount').map((f) => FIELD_TH[f]);
  if (s.yearColumns) words.push(`งบประมาณรายปี ${s.yearColumns} ปี`);
  else if (s.fields.has('amount')) words.push('งบประมาณ');
  return words.join(', ');
}
function headerWordsEn(s: SheetSigns): string {
  const words: string[] = [...s.fields].filter((f) => f !== 'amount');
  if (s.yearColumns) words.push(`budget for ${s.yearColumns} years`);
  else if (s.fields.has('amount')) words.push('budget');
  return words.join(', ');
}

/** The first title line matching `re`, quoted (cut to 60 characters). */
function titleMatching(s: SheetSigns, re: RegExp): string | undefined {
  const line = s.titles.slice(0, 14).find((t) => re.test(t.text));
  if (!line) return undefined;
  return line.text.length > 60 ? line.text.slice(0, 59) + '…' : line.text;
}

const hasProjectTable = (s: SheetSigns): boolean => s.blocks.length > 0;

/** Fields only a plan's project table has (procurement lists, phone lists and budget exports lack them). */
const PLAN_FIELDS: Field[] = [
  'objective',
  'target',
  'kpi',
  'result',
  'unit',
  'agency',
  'village',
  'tambon',
  'location',
  'link',
  'priority',
];
/** The ผ.02 detail columns. */
const DETAIL_FIELDS: Field[] = ['objective', 'target', 'kpi', 'result'];
const count = (s: SheetSigns, fs: Field[]): number => fs.filter((f) => s.fields.has(f)).length;

/** A table that looks like a plan by its header alone: project name, budget, and two plan columns. */
function planHeader(s: SheetSigns): boolean {
  return hasProjectTable(s) && s.fields.has('name') && s.hasBudget && count(s, PLAN_FIELDS) >= 2;
}

// ---------------------------------------------------------------------------------------------
// Rules

/** A rule on a title line (with a project table when `table` is set). */
function byTitle(kind: FormKind, re: RegExp, table: boolean, extra?: (s: SheetSigns) => boolean): KindRule {
  return {
    kind,
    name: 'title',
    test: (s) => {
      if (table && !hasProjectTable(s)) return undefined;
      if (extra && !extra(s)) return undefined;
      const line = titleMatching(s, re);
      if (!line) return undefined;
      return { th: `หัวเรื่อง "${line}"`, en: `title line "${line}"` };
    },
  };
}

/** A rule on the form code (text box or short title cell). */
function byCode(kind: FormKind, match: (code: string) => boolean, table: boolean, extra?: (s: SheetSigns) => boolean): KindRule {
  return {
    kind,
    name: 'form-code',
    test: (s) => {
      if (!s.code || !match(s.code)) return undefined;
      if (table && !hasProjectTable(s)) return undefined;
      if (extra && !extra(s)) return undefined;
      return { th: `แบบ ${s.code}`, en: `form code ${s.code}` };
    },
  };
}

const BEYOND_TITLE = /เกินศักยภาพ|เกินขีดความสามารถ/;
const DETAIL_TITLE = /รายละเอียดโครงการพัฒนา/;
/** The agency-to-ask column without a responsible unit makes a coordination block (some workbooks label it ผ.02/1). */
const agencyOnly = (s: SheetSigns): boolean => s.fields.has('agency') && !s.fields.has('unit');

/**
 * Evidence per kind, first match wins. Add a kind's rule here (a title, a form code, header words):
 * each rule must stand on the kind's own signs, never on "nothing else fitted".
 */
export const KIND_RULES: KindRule[] = [
  // OnePlan's own outputs first: its summary sits under a แผนความต้องการ title too.
  ...OWN_OUTPUT_RULES,
  byTitle('calendar', /ปฏิทิน(การ)?ดำเนินงาน|ปฏิทินการจัดทำแผน/, false),
  byTitle('district-needs', /แผนความต้องการ/, false),
  // The district's (5-year) development plan: a reference the needs must be in, never a source of needs.
  byTitle('district-plan', /แผนพัฒนา\s*อำเภอ/, true),
  byTitle('local-plan-summary', /บัญชีสรุปโครงการ/, false),
  byCode('local-plan-summary', (c) => c.startsWith('ผ.01'), false),
  byTitle('local-plan-beyond', BEYOND_TITLE, true),
  byCode('local-plan-beyond', (c) => c === 'ผ.02/2', true),
  {
    kind: 'local-plan-beyond',
    name: 'title+agency',
    test: (s) => {
      if (!hasProjectTable(s) || !agencyOnly(s)) return undefined;
      const by = titleMatching(s, DETAIL_TITLE) ?? (s.code?.startsWith('ผ.02') ? `แบบ ${s.code}` : undefined);
      if (!by) return undefined;
      return {
        th: `"${by}" และคอลัมน์หน่วยงานที่ขอประสาน (ไม่มีหน่วยงานรับผิดชอบ)`,
        en: `"${by}" with an agency-to-ask column (no responsible unit)`,
      };
    },
  },
  byTitle('local-plan', DETAIL_TITLE, true),
  byCode('local-plan', (c) => c.startsWith('ผ.02'), true),
  byTitle('tambon-plan', /แผนพัฒนาตำบล|แผนชุมชนระดับตำบล|แผนตำบล/, true),
  byTitle('village-plan', /แผนพัฒนาหมู่บ้าน|แผนหมู่บ้าน|แผนชุมชน/, true),
  byTitle('district-needs', /อำเภอ/, true, (s) => s.fields.has('agency') && s.hasBudget),
  // Header words alone (CSV exports, sheets whose title rows were cut off).
  {
    kind: 'local-plan',
    name: 'header',
    test: (s) =>
      planHeader(s) && s.yearColumns >= 2 && count(s, DETAIL_FIELDS) >= 2
        ? { th: `หัวตารางแบบ ผ.02: ${headerWords(s)}`, en: `ผ.02 header: ${headerWordsEn(s)}` }
        : undefined,
  },
  {
    kind: 'tambon-plan',
    name: 'header+classification',
    test: (s) =>
      planHeader(s) && s.classWords >= 0.5
        ? {
            th: `หัวตาราง ${headerWords(s)} และประเภทการดำเนินการ (ดำเนินการเอง/ขอรับการสนับสนุน…) ในแถวโครงการ`,
            en: `header ${headerWordsEn(s)} with classification words (do ourselves / request support…) in the rows`,
          }
        : undefined,
  },
  {
    kind: 'village-plan',
    name: 'header+village',
    test: (s) =>
      planHeader(s) && s.fields.has('village') && !s.fields.has('tambon')
        ? { th: `หัวตาราง ${headerWords(s)} (มีหมู่บ้าน ไม่มีตำบล)`, en: `header ${headerWordsEn(s)} (village, no tambon)` }
        : undefined,
  },
  {
    kind: 'strategies',
    name: 'issue-list',
    test: (s) =>
      detectStrategiesSheet(s.sheet)
        ? { th: 'รายการประเด็นการพัฒนา (ตั้งแต่ 2 ประเด็น)', en: 'a list of development issues (2 or more)' }
        : undefined,
  },
];

/** Why no rule fired: what the sheet has and what a plan form would need. */
function otherReason(s: SheetSigns): KindReason {
  if (!s.blocks.length) {
    const first = s.titles[0]?.text;
    const q = first ? ` (${first.length > 40 ? first.slice(0, 39) + '…' : first})` : '';
    return s.titles.length
      ? {
          th: `ไม่มีหัวตารางโครงการ (ต้องมีคอลัมน์ชื่อโครงการ และอย่างน้อยอีก 2 คอลัมน์ของแบบแผน)${q}`,
          en: `no project table header (needs a project-name column and 2 more plan columns)${q}`,
        }
      : { th: 'ชีตว่าง', en: 'empty sheet' };
  }
  const missing: string[] = [];
  const missingEn: string[] = [];
  if (!s.hasBudget) {
    missing.push('งบประมาณ');
    missingEn.push('budget');
  }
  if (count(s, PLAN_FIELDS) < 2) {
    missing.push('วัตถุประสงค์/เป้าหมาย/หน่วยงาน/หมู่บ้าน');
    missingEn.push('objective/target/agency/village');
  }
  if (!missing.length) {
    missing.push('หัวเรื่องหรือรหัสแบบ (ผ.02, แผนพัฒนาหมู่บ้าน/ตำบล)');
    missingEn.push('a title line or form code (ผ.02, village/tambon plan)');
  }
  return {
    th: `หัวตารางมี ${headerWords(s)} แต่ไม่มี${missing.join(', ')}`,
    en: `header has ${headerWordsEn(s)} but no ${missingEn.join(', ')}`,
  };
}

export function recogniseKind(sheet: SheetModel, titles: ContextLine[], blocks: PlanBlock[]): Recognised {
  const signs = signsOf(sheet, titles, blocks);
  // OnePlan's duplicates, sources and report sheets list rows of other files (under a needs title too).
  const list = rowListReason(signs);
  if (list) return { kind: 'other', reason: list };
  for (const rule of KIND_RULES) {
    const reason = rule.test(signs);
    if (reason) return { kind: rule.kind, reason };
  }
  return { kind: 'other', reason: otherReason(signs) };
}
