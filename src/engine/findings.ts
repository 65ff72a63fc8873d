/**
 * Validation findings: one registry of kinds (like frictionless's errors). Each code has its default
 * severity, its typed details (the figures: stated, computed, year …) and its Thai and English message,
 * made from those details. Checks say only which code, which details and which cell (`finding`); the
 * registry decides the rest, so a code means one thing with one severity everywhere.
 * The zod schemas are the contract with the UI, the CLI's --json (docs/schemas) and the report sheet.
 *
 * Adding a kind: one entry in FINDING_KINDS (the union, the schema and the messages follow).
 */
import { z } from 'zod/v4';
import { formatAmount } from './thai';
import { FORM_KINDS } from './plan';
import { FileErrorCodeSchema } from './file-error-schema';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A Thai text and its English. */
export interface Text {
  th: string;
  en: string;
}

const baht = (n: number) => formatAmount(n);
const year = z.number().int();
/** The B.E. year of an amount, absent when its layout gives none (never printed as year 0). */
const ofYear = z.number().int().optional();
/** " ปี 2567" / " for 2567", or nothing for an amount whose year is not known. */
const yearTh = (y: number | undefined) => (y ? ` ปี ${y}` : '');
const yearEn = (y: number | undefined) => (y ? ` for ${y}` : '');
const amount = z.number();
const none = z.object({});

interface Kind<D extends z.ZodObject> {
  severity: Severity;
  details: D;
  text: (d: z.infer<D>) => Text;
}
const kind = <D extends z.ZodObject>(severity: Severity, details: D, text: (d: z.infer<D>) => Text): Kind<D> => ({
  severity,
  details,
  text,
});

/** Which required column a header lacks. */
const REQUIRED_COLUMNS = {
  budget: { th: 'งบประมาณ', en: 'budget' },
  agency: { th: 'หน่วยงานที่จะขอประสาน', en: 'agency to ask' },
} as const;

/** Why a ผ.01 was compared with nothing. */
const SUMMARY_NOT_COMPARED = {
  'no-header': {
    th: 'ไม่ได้เทียบ ผ.01 กับ ผ.02: ไม่พบหัวตาราง "ปี 25xx" (จำนวนโครงการ / งบประมาณ) ในชีตนี้',
    en: 'ผ.01 not compared with the ผ.02 sheets: no "ปี 25xx" (count / budget) header was found in this sheet',
  },
  'no-lines': {
    th: 'ไม่ได้เทียบ ผ.01 กับ ผ.02: ไม่พบบรรทัดยุทธศาสตร์ แนวทาง/กลยุทธ์ หรือแผนงานที่มีตัวเลข',
    en: 'ผ.01 not compared with the ผ.02 sheets: no strategy, approach or แผนงาน line with figures was found',
  },
  'no-detail-sheet': {
    th: 'ไม่ได้เทียบ ผ.01 กับ ผ.02: ไฟล์นี้ไม่มีชีต ผ.02 (รายละเอียดโครงการพัฒนา)',
    en: 'ผ.01 not compared: this file has no ผ.02 (project detail) sheet',
  },
  'no-detail-match': {
    th: 'ไม่ได้เทียบ ผ.01 กับ ผ.02: ไม่มีโครงการใน ผ.02 ที่อยู่ใต้ยุทธศาสตร์ แนวทาง หรือแผนงานเดียวกับบรรทัดของ ผ.01',
    en: 'ผ.01 not compared: no ผ.02 project sits under the same strategy, approach or แผนงาน as a ผ.01 line',
  },
} as const;

export const FINDING_KINDS = {
  // The sheet and its header.
  'no-header': kind('error', none, () => ({
    th: 'ไม่พบแถวหัวตาราง (ที่ / โครงการ / งบประมาณ) — ตรวจชื่อคอลัมน์ หรือกำหนดคอลัมน์เอง',
    en: 'No table header found (ที่ / โครงการ / งบประมาณ): check the column titles or map the columns by hand',
  })),
  'required-column-missing': kind('error', z.object({ column: z.enum(['budget', 'agency']) }), (d) => ({
    th: `ไม่พบคอลัมน์ "${REQUIRED_COLUMNS[d.column].th}" ในหัวตาราง`,
    en: `The header has no "${REQUIRED_COLUMNS[d.column].en}" column`,
  })),
  /** A warning, not an error: many plans name the unit in the project text or the sheet title. */
  'unit-column-missing': kind('warning', none, () => ({
    th: 'ไม่พบคอลัมน์ "หน่วยงานที่รับผิดชอบหลัก" ในหัวตาราง',
    en: 'The header has no "responsible unit" column',
  })),
  /**
   * Never a silent zero: amounts under a header whose year columns were not found count in no year,
   * so the sheet's yearly totals would show nothing. Names the columns seen and the plan period.
   */
  'budget-years-missing': kind(
    'error',
    z.object({ column: z.string(), seen: z.array(z.string()), from: year.optional(), to: year.optional() }),
    (d) => {
      const seen = d.seen.join(', ');
      const period =
        d.from && d.to
          ? { th: ` ช่วงของแผน พ.ศ. ${d.from}–${d.to}`, en: ` The plan period is ${d.from}–${d.to}.` }
          : { th: ' ไม่พบช่วงปีของแผนในหัวเรื่อง', en: ' No plan period was found in the title.' };
      return {
        th: `มีจำนวนเงินในคอลัมน์ ${d.column} แต่ไม่พบคอลัมน์ของแต่ละปีงบประมาณในหัวตาราง จึงไม่นับยอดนี้ในปีใด (หัวตารางที่อ่านได้: ${seen})${period.th} — กำหนดคอลัมน์ปีเอง`,
        en: `Column ${d.column} holds amounts but no column per fiscal year was found in the header, so they count in no year (header read: ${seen}).${period.en} Map the year columns by hand.`,
      };
    },
  ),
  'no-projects': kind('info', none, () => ({ th: 'มีหัวตารางแต่ไม่พบแถวโครงการ', en: 'The table has a header but no project rows' })),
  /** Nothing unchecked passes as "no problems": a sheet read only in part says so (Excel's 5M-cell reads). */
  'sheet-too-large': kind('error', z.object({ cells: z.number().int(), limit: z.number().int() }), (d) => ({
    th: `แผ่นงานนี้ใหญ่ผิดปกติ (ข้อมูลกระจายอยู่ในช่วง ${baht(d.cells)} เซลล์) จึงตรวจเฉพาะ ${baht(d.limit)} เซลล์แรกจากด้านบน — ลบค่าที่หลงอยู่ไกลจากตาราง (เช่น กด Ctrl+End เพื่อหา) แล้วตรวจใหม่`,
    en: `This sheet is abnormally large (its data spans ${baht(d.cells)} cells), so only the first ${baht(d.limit)} cells from the top were checked: delete stray values far from the table (Ctrl+End finds them) and validate again`,
  })),
  'year-outside-period': kind('error', z.object({ year, from: year, to: year }), (d) => ({
    th: `ปี ${d.year} อยู่นอกช่วงของแผน (พ.ศ. ${d.from}–${d.to})`,
    en: `Year ${d.year} is outside the plan period (${d.from}–${d.to})`,
  })),

  // A project row.
  'project-name-missing': kind('error', none, () => ({ th: 'แถวนี้มีลำดับที่แต่ไม่มีชื่อโครงการ', en: 'This row has a number but no project name' })),
  'stray-spaces': kind('info', none, () => ({
    th: 'ชื่อโครงการมีช่องว่างเกินหรือช่องว่างหัวท้าย',
    en: 'The project name has extra or leading/trailing spaces',
  })),
  'budget-not-number': kind('error', z.object({ year: ofYear, text: z.string() }), (d) => ({
    th: `งบประมาณ${yearTh(d.year)} ไม่ใช่ตัวเลข ("${d.text}")`,
    en: `Budget${yearEn(d.year)} is not a number ("${d.text}")`,
  })),
  'budget-negative': kind('error', z.object({ year: ofYear, value: amount }), (d) => ({
    th: `งบประมาณ${yearTh(d.year)} ติดลบ (${baht(d.value)})`,
    en: `Budget${yearEn(d.year)} is negative (${baht(d.value)})`,
  })),
  /** "200,000.-", "200,000  .-", "300,000-.", "๒๐๐,๐๐๐ บาท": all one kind, with the same safe fix. */
  'budget-as-text': kind('info', z.object({ year: ofYear, text: z.string(), value: amount }), (d) => ({
    th: `งบประมาณ${yearTh(d.year)} เป็นข้อความ "${d.text}" — แปลงเป็นตัวเลข ${baht(d.value)} ได้`,
    en: `Budget${yearEn(d.year)} is text "${d.text}"; it can be converted to the number ${baht(d.value)}`,
  })),
  /** One-amount layout: an amount whose year cell is blank or unreadable. */
  'year-missing': kind('error', z.object({ value: amount }), () => ({
    th: 'มีงบประมาณแต่ไม่ระบุปีงบประมาณ (หรือปีอ่านไม่ได้) — ยอดนี้จะไม่ถูกนับในปีใด',
    en: 'A budget without a (readable) fiscal year: it counts in no year',
  })),
  'formula-error': kind('error', z.object({ value: z.string() }), (d) => ({
    th: `เซลล์มีค่าผิดพลาดจากสูตร ${d.value} — ตรวจสูตรที่อ้างอิง`,
    en: `The cell holds a formula error ${d.value}: check what the formula refers to`,
  })),
  'duplicate-project': kind('warning', z.object({ otherRow: z.number().int().positive() }), (d) => ({
    th: `ชื่อโครงการซ้ำกับแถวที่ ${d.otherRow} ในชีตเดียวกัน`,
    en: `Same project name as row ${d.otherRow} of this sheet`,
  })),
  'rows-after-total': kind('warning', none, () => ({
    th: 'โครงการนี้อยู่ใต้แถวรวม จึงไม่ถูกนับในยอดรวม — ย้ายขึ้นไปไว้เหนือแถวรวมหรือปรับยอดรวม',
    en: 'This project is below the total rows, so the totals leave it out: move it above them or update the totals',
  })),
  'unit-missing': kind('warning', none, () => ({ th: 'ไม่ระบุหน่วยงานที่รับผิดชอบหลัก', en: 'No responsible unit' })),
  /**
   * An error wherever the column exists (ผ.02/2 beyond capacity, district needs): a need with no agency
   * cannot be routed to whoever handles it, one of the rules the district must meet before sending.
   */
  'agency-missing': kind('error', none, () => ({ th: 'ไม่ระบุหน่วยงานที่จะขอประสาน', en: 'No agency to ask for support' })),
  'objective-missing': kind('warning', none, () => ({ th: 'ไม่ระบุวัตถุประสงค์', en: 'No objective' })),
  'target-missing': kind('warning', none, () => ({ th: 'ไม่ระบุเป้าหมาย (ผลผลิตของโครงการ)', en: 'No target (output)' })),
  'kpi-missing': kind('warning', none, () => ({ th: 'ไม่ระบุตัวชี้วัด (KPI)', en: 'No KPI' })),

  /** A tambon name its district lacks, close to one it has (the gazetteer's, places/): a misspelling. */
  'tambon-misspelt': kind('warning', z.object({ written: z.string(), district: z.string(), suggestions: z.array(z.string()) }), (d) => ({
    th: `ไม่พบตำบล "${d.written}" ในอำเภอ${d.district} — หมายถึง ${d.suggestions.map((s) => `ตำบล${s}`).join(' หรือ ')} หรือไม่`,
    en: `District ${d.district} has no tambon "${d.written}": did you mean ${d.suggestions.join(' or ')}?`,
  })),

  // Provincial development issues (with a strategy list).
  'link-missing': kind('warning', none, () => ({
    th: 'ไม่พบความเชื่อมโยงกับประเด็นการพัฒนาจังหวัด (บรรทัด ง. ยุทธศาสตร์จังหวัดที่ … หรือคอลัมน์ประเด็นการพัฒนา)',
    en: 'No link to a provincial development issue (ง. ยุทธศาสตร์จังหวัดที่ … line or a development-issue column)',
  })),
  /** An error: the plan names an issue the province does not have, so it is consistent with nothing. */
  'link-unknown': kind('error', z.object({ declared: z.string(), known: z.array(z.string()) }), (d) => ({
    th: `อ้างถึงประเด็นการพัฒนา "${d.declared}" ซึ่งไม่มีในรายการของจังหวัด (มีประเด็นที่ ${d.known.join(', ')})`,
    en: `Refers to development issue "${d.declared}", which is not in the province's list (issues ${d.known.join(', ')})`,
  })),
  /** The strategy tab's verdicts, as findings so the sheet preview and the workbook highlight show them. */
  'match-none': kind('error', z.object({ reason: z.string(), reasonEn: z.string() }), (d) => ({ th: d.reason, en: d.reasonEn })),
  'match-weak': kind('warning', z.object({ reason: z.string(), reasonEn: z.string(), suggested: z.string().optional() }), (d) => ({
    th: d.reason,
    en: d.reasonEn,
  })),
  'match-undeclared': kind('info', z.object({ reason: z.string(), reasonEn: z.string(), suggested: z.string().optional() }), (d) => ({
    th: d.reason,
    en: d.reasonEn,
  })),

  // A district needs table before it goes to the province (one-plan-process.md: ranked, passed by ก.บ.อ.).
  /** No district rank on a need (blank, not a number), or no rank column at all (`noColumn`). */
  'priority-missing': kind('error', z.object({ written: z.string().optional(), noColumn: z.boolean().optional() }), (d) =>
    d.noColumn
      ? {
          th: 'ไม่มีคอลัมน์ลำดับความสำคัญของอำเภอ: ต้องจัดลำดับความสำคัญก่อนส่งจังหวัด',
          en: 'No district rank column: the needs must be ranked before they go to the province',
        }
      : d.written
        ? { th: `ลำดับความสำคัญของอำเภอ "${d.written}" ไม่ใช่ตัวเลข`, en: `District rank "${d.written}" is not a number` }
        : { th: 'ไม่ได้ระบุลำดับความสำคัญของอำเภอ', en: 'No district rank' },
  ),
  'priority-duplicate': kind('warning', z.object({ rank: z.number(), otherRow: z.number().int().positive() }), (d) => ({
    th: `ลำดับความสำคัญของอำเภอ ${d.rank} ซ้ำกับแถวที่ ${d.otherRow}`,
    en: `District rank ${d.rank} is also given on row ${d.otherRow}`,
  })),
  /** Merged sources of a need disagree (ยอดไม่ตรงกัน) and the officer has not named the one counted (แหล่งที่นับยอด). */
  'budget-conflict': kind('warning', z.object({ sources: z.number().int(), written: z.string().optional() }), (d) =>
    d.written
      ? {
          th: `แหล่งที่นับยอด "${d.written}" ไม่ใช่หมายเลขแหล่ง (1–${d.sources}) ในหมายเหตุ: ระบุแหล่งที่จะนับยอด`,
          en: `Counted source "${d.written}" is not a source number (1–${d.sources}) in the remarks: name the source to count`,
        }
      : {
          th: `ยอดไม่ตรงกันระหว่าง ${d.sources} แหล่งที่รวมเป็นรายการเดียว: ตรวจสอบแล้วระบุหมายเลขแหล่งที่นับยอดในคอลัมน์แหล่งที่นับยอด`,
          en: `The ${d.sources} merged sources of this need ask different amounts or years: check them and write the number of the source to count in the counted-source column`,
        },
  ),
  'approval-missing': kind('warning', none, () => ({
    th: 'ยังไม่ได้บันทึกการประชุม ก.บ.อ. ที่เห็นชอบ (ครั้งที่ … เมื่อวันที่ …) ในหัวตาราง',
    en: 'The title block does not record the district committee (ก.บ.อ.) meeting that passed the list (number and date)',
  })),

  // Totals.
  'total-mismatch': kind(
    'error',
    z.object({ label: z.string(), year: ofYear, stated: amount, computed: amount, difference: amount }),
    (d) => ({
      th: `"${d.label}"${yearTh(d.year)} ระบุ ${baht(d.stated)} บาท แต่ผลรวมของโครงการคือ ${baht(d.computed)} บาท (ต่างกัน ${baht(d.difference)})`,
      en: `"${d.label}"${yearEn(d.year)} says ${baht(d.stated)} baht but the projects add up to ${baht(d.computed)} baht (difference ${baht(d.difference)})`,
    }),
  ),
  'total-not-number': kind('error', z.object({ label: z.string(), year: ofYear }), (d) => ({
    th: `"${d.label}"${yearTh(d.year)} ไม่ใช่ตัวเลข`,
    en: `"${d.label}"${yearEn(d.year)} is not a number`,
  })),
  'count-mismatch': kind('error', z.object({ label: z.string(), year: ofYear, stated: z.number(), computed: z.number().int() }), (d) => ({
    th: `"${d.label}"${yearTh(d.year)} ระบุ ${d.stated} โครงการ แต่มีโครงการที่มีงบประมาณ${d.year ? 'ปีนี้' : ''} ${d.computed} โครงการ`,
    en: `"${d.label}"${yearEn(d.year)} says ${d.stated} projects but ${d.computed} projects have a budget${d.year ? ' that year' : ''}`,
  })),
  /** ผ.01 against its ผ.02 sheets: `what` is the count or the budget of the year. */
  'summary-mismatch': kind(
    'error',
    z.object({ plan: z.string(), year, what: z.enum(['count', 'budget']), stated: amount, computed: amount, sheets: z.array(z.string()) }),
    (d) => {
      const sheets = d.sheets.join(', ');
      return d.what === 'budget'
        ? {
            th: `ผ.01 "${d.plan}" ปี ${d.year} ระบุงบประมาณ ${baht(d.stated)} บาท แต่ ผ.02 (${sheets}) รวมได้ ${baht(d.computed)} บาท`,
            en: `ผ.01 "${d.plan}" ${d.year} budget ${baht(d.stated)} differs from the ผ.02 sheets (${sheets}): ${baht(d.computed)}`,
          }
        : {
            th: `ผ.01 "${d.plan}" ปี ${d.year} ระบุ ${d.stated} โครงการ แต่ ผ.02 (${sheets}) มี ${d.computed} โครงการ`,
            en: `ผ.01 "${d.plan}" ${d.year} count ${d.stated} differs from the ผ.02 sheets (${sheets}): ${d.computed}`,
          };
    },
  ),
  /** Nothing checked is never "no problems": a ผ.01 that could not be compared with any ผ.02 says why. */
  'summary-not-compared': kind(
    'warning',
    z.object({ reason: z.enum(['no-header', 'no-lines', 'no-detail-sheet', 'no-detail-match']) }),
    (d) => SUMMARY_NOT_COMPARED[d.reason],
  ),
} as const;

type Kinds = typeof FINDING_KINDS;
export type FindingCode = keyof Kinds;
export const FINDING_CODES = Object.keys(FINDING_KINDS) as FindingCode[];
/** The typed details of a code. */
export type FindingDetails<C extends FindingCode> = z.infer<Kinds[C]['details']>;

/** Labels of the safe fixes. */
export const FIX_LABELS = {
  number: (value: number): Text => ({ th: `แปลงเป็นตัวเลข ${baht(value)}`, en: `Convert to the number ${baht(value)}` }),
  spaces: (): Text => ({ th: 'ตัดช่องว่างเกิน', en: 'Remove extra spaces' }),
};

/** A safe fix, applied only when the officer clicks it: write `value` into the cell. */
export const FixSchema = z.object({
  row: z.number().int().positive(),
  column: z.string(),
  value: z.union([z.number(), z.string()]),
  label: z.string(),
  labelEn: z.string(),
});
export type Fix = z.infer<typeof FixSchema>;

const FindingBaseSchema = z.object({
  severity: z.enum(SEVERITIES),
  /** Thai message (the default language; the CLI's --json --lang en puts the English here). */
  message: z.string(),
  messageEn: z.string(),
  sheet: z.string(),
  /** 1-based sheet row, or null for a finding on the whole sheet. */
  row: z.number().int().positive().nullable(),
  /** Column letter, or null. */
  column: z.string().nullable(),
  field: z.string().optional(),
  fix: FixSchema.optional(),
});

/** Where a finding is, and what the officer may click to fix it. */
export type FindingPlace = Pick<z.infer<typeof FindingBaseSchema>, 'sheet' | 'row' | 'column' | 'field' | 'fix'>;

/** One finding: its code, the registry's severity and messages, its details, its cell. */
export type Finding = { [C in FindingCode]: z.infer<typeof FindingBaseSchema> & { code: C; details: FindingDetails<C> } }[FindingCode];

export const FindingSchema = z.discriminatedUnion(
  'code',
  FINDING_CODES.map((code) => FindingBaseSchema.extend({ code: z.literal(code), details: FINDING_KINDS[code].details })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
) as unknown as z.ZodType<Finding>;

/** The registry's text of a code with these details. */
export function findingText<C extends FindingCode>(code: C, details: FindingDetails<C>): Text {
  return (FINDING_KINDS[code].text as (d: FindingDetails<C>) => Text)(details);
}

/** A finding of `code` at `place`: severity and both messages come from the registry. */
export function finding<C extends FindingCode>(code: C, details: FindingDetails<C>, place: FindingPlace): Finding {
  const text = findingText(code, details);
  const { field, fix, ...at } = place;
  return {
    code,
    severity: FINDING_KINDS[code].severity,
    message: text.th,
    messageEn: text.en,
    ...at,
    ...(field ? { field } : {}),
    ...(fix ? { fix } : {}),
    details,
  } as Finding;
}

export const SheetReportSchema = z.object({
  name: z.string(),
  kind: z.enum(FORM_KINDS),
  /** Why the sheet was read as its kind (title line, form code, header words), or what it lacks. */
  kindReason: z.string().optional(),
  kindReasonEn: z.string().optional(),
  formCode: z.string().optional(),
  projects: z.number().int().nonnegative(),
  totals: z.record(z.string(), z.number()),
  /** Where the fields were found (field → column letter; budget years as "budget:2567"), first table. */
  columns: z.record(z.string(), z.string()).optional(),
  findings: z.array(FindingSchema),
});
export type SheetReport = z.infer<typeof SheetReportSchema>;

export const WorkbookReportSchema = z.object({
  file: z.string(),
  ok: z.boolean(),
  /** A file that could not be read, or holds no plan sheet (`no-plan-sheet`): nothing was checked. */
  error: z.object({ code: FileErrorCodeSchema, message: z.string(), messageEn: z.string().optional() }).optional(),
  sheets: z.array(SheetReportSchema),
});
export type WorkbookReport = z.infer<typeof WorkbookReportSchema>;

/** `oneplan validate --json` (messages in the --lang chosen); published in docs/schemas. */
export const ValidateJsonSchema = z.object({ files: z.array(WorkbookReportSchema) });
export type ValidateJson = z.infer<typeof ValidateJsonSchema>;
