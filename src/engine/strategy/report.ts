/**
 * Match a whole workbook to the provincial issues and list what does not fit, with suggestions:
 * the data behind the highlights (Excel, browser preview) and the mismatch sheet.
 */
import { colLetter, type WorkbookModel } from '../model';
import { PROJECT_KINDS, type PlanSheet } from '../plan';
import { readPlanSheet } from '../forms/read';
import { DEFAULT_FONT, type CellStyle, type OutCell, type OutSheet } from '../output';
import { pageFooter, signatureBlock, titleBlockRows } from '../print';
import { matchPlanSheet } from './index';
import { z } from 'zod/v4';
import { finding, type Finding } from '../findings';
import { FileErrorCodeSchema } from '../file-error-schema';
import { MATCH_STATUSES, type MatchSettings, type MatchStatus, type MatchVerdict, type StrategyList } from './model';

export interface ProjectMatch {
  sheet: string;
  /** 1-based row and the column letter of the project name: where the highlight goes. */
  row: number;
  column: string;
  name: string;
  verdict: MatchVerdict;
}

/** `oneplan match --json`: per file, the projects shown (flagged, or all with --all); published in docs/schemas. */
export const MatchJsonSchema = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      ok: z.boolean(),
      error: z.object({ code: FileErrorCodeSchema, message: z.string() }).optional(),
      projects: z.array(
        z.object({
          sheet: z.string(),
          row: z.number().int().positive(),
          name: z.string(),
          status: z.enum(MATCH_STATUSES),
          /** The issue the project claims (its code, or the unknown claim as written), or null. */
          declared: z.string().nullable(),
          suggested: z.string().nullable(),
          matched: z.array(z.string()),
          reason: z.string(),
        }),
      ),
    }),
  ),
  /** The mismatch sheet written (--out). */
  output: z.string().optional(),
});
export type MatchJson = z.infer<typeof MatchJsonSchema>;

/** The flagged verdicts as findings (match-none / match-weak / match-undeclared), for the preview and the highlights. */
export function matchFindings(matches: readonly ProjectMatch[]): Finding[] {
  const out: Finding[] = [];
  for (const m of matches) {
    const v = m.verdict;
    const place = { sheet: m.sheet, row: m.row, column: m.column, field: 'strategy' };
    const reason = { reason: v.reason, reasonEn: v.reasonEn };
    if (v.status === 'none') out.push(finding('match-none', reason, place));
    else if (v.status === 'weak') out.push(finding('match-weak', { ...reason, ...(v.suggested ? { suggested: v.suggested } : {}) }, place));
    else if (v.status === 'undeclared')
      out.push(finding('match-undeclared', { ...reason, ...(v.suggested ? { suggested: v.suggested } : {}) }, place));
  }
  return out;
}

export const MISMATCH_SHEET_NAME = { th: 'ตรวจความสอดคล้อง', en: 'Strategy fit' } as const;

/** Statuses the officer must look at; 'consistent' needs nothing. */
export const FLAGGED: ReadonlySet<MatchStatus> = new Set(['weak', 'undeclared', 'none']);

export function matchWorkbook(
  wb: WorkbookModel,
  list: StrategyList,
  settings?: Partial<MatchSettings>,
  plans?: PlanSheet[],
): ProjectMatch[] {
  const out: ProjectMatch[] = [];
  const read = plans ?? wb.sheets.map((s) => readPlanSheet(s));
  for (const plan of read) {
    if (!PROJECT_KINDS.has(plan.kind)) continue;
    const verdicts = matchPlanSheet(plan, list, settings);
    plan.projects.forEach((p, i) => {
      const nameCol = plan.blocks.find((b) => b.projects.includes(p))?.columns.fields.name ?? 1;
      out.push({ sheet: plan.name, row: p.row + 1, column: colLetter(nameCol), name: p.name, verdict: verdicts[i] });
    });
  }
  return out;
}

const STATUS = {
  th: { consistent: 'สอดคล้อง', weak: 'อาจอ้างผิดประเด็น', undeclared: 'ไม่ระบุประเด็น', none: 'ไม่เข้าประเด็นใด' },
  en: { consistent: 'Consistent', weak: 'Weak: another issue fits better', undeclared: 'No declared issue', none: 'Fits no issue' },
} as const;
export const STATUS_FILL: Record<MatchStatus, string> = { consistent: 'C6EFCE', weak: 'FFEB9C', undeclared: 'DDEBF7', none: 'FFC7CE' };

export function statusLabel(s: MatchStatus, lang: 'th' | 'en' = 'th'): string {
  return STATUS[lang][s];
}

/** One row per flagged project: where, what it claims, what fits better, and why. */
export function mismatchSheet(matches: ProjectMatch[], list: StrategyList, lang: 'th' | 'en' = 'th'): OutSheet {
  const th = lang === 'th';
  const head: CellStyle = { bold: true, fill: 'D9E1F2', border: true, align: 'center', valign: 'center', wrap: true };
  const cell: CellStyle = { border: true, valign: 'top', wrap: true };
  const issueName = (code?: string) => {
    if (!code) return '';
    const i = list.issues.find((x) => x.code === code);
    return i ? `${code}. ${i.name}` : code;
  };
  const rows: OutCell[][] = titleBlockRows({
    title: th ? 'โครงการที่ไม่สอดคล้องกับประเด็นการพัฒนาจังหวัด' : 'Projects that do not fit the provincial development issues',
    place: (th ? 'ยุทธศาสตร์จังหวัด: ' : 'Provincial strategy: ') + [list.province, list.period].filter(Boolean).join(' '),
  });
  const headerRow = rows.length;
  // Printed: ลำดับ … เหตุผล; the matched words (how the reason was found) stay on screen.
  const header = th
    ? ['ลำดับ', 'ชีต', 'แถว', 'โครงการ', 'ผลการตรวจ', 'ประเด็นที่อ้าง', 'ประเด็นที่แนะนำ', 'เหตุผล', 'คำที่ตรง']
    : ['No.', 'Sheet', 'Row', 'Project', 'Result', 'Declared issue', 'Suggested issue', 'Reason', 'Matched words'];
  rows.push(header.map((h) => ({ value: h, style: head })));
  let no = 0;
  for (const m of matches) {
    if (!FLAGGED.has(m.verdict.status)) continue;
    no++;
    const v = m.verdict;
    rows.push([
      { value: no, style: { ...cell, align: 'center' } },
      { value: m.sheet, style: cell },
      { value: `${m.column}${m.row}`, style: { ...cell, align: 'center' } },
      { value: m.name, style: cell },
      { value: statusLabel(v.status, lang), style: { ...cell, fill: STATUS_FILL[v.status] } },
      { value: v.declared ? issueName(v.declared) : (v.declaredUnknown ?? ''), style: cell },
      { value: issueName(v.suggested), style: cell },
      { value: th ? v.reason : v.reasonEn, style: cell },
      { value: v.matched.join(', '), style: cell },
    ]);
  }
  if (!no) rows.push([th ? 'ทุกโครงการสอดคล้องกับประเด็นการพัฒนาที่อ้าง' : 'Every project fits the issue it declares']);
  const lastRow = rows.length - 1;
  const colWidths = [6, 16, 7, 36, 13, 20, 20, 37, 22];
  const printed = header.length - 1;
  const sign = signatureBlock(rows.length, colWidths, printed, undefined, lang);
  rows.push(...sign.rows);
  return {
    name: MISMATCH_SHEET_NAME[lang],
    rows,
    merges: [...Array.from({ length: headerRow }, (_, r) => ({ r1: r, c1: 0, r2: r, c2: printed - 1 })), ...sign.merges],
    colWidths,
    freezeRows: headerRow + 1,
    table: no ? { headerRow, lastRow, lastCol: header.length - 1, name: 'OnePlanStrategyFit' } : undefined,
    page: { orientation: 'landscape', fitWidth: true, columns: printed, footer: pageFooter(lang) },
    fitRows: true,
    printTitleRows: [headerRow, headerRow],
    font: { ...DEFAULT_FONT },
  };
}
