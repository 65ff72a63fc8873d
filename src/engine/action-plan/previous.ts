/**
 * The action plan already in the output, read back for a re-run: its rows with the officer's columns
 * (ผู้รับผิดชอบ, ผลการดำเนินงาน) and หมายเหตุ, found by their headers (an officer may move or insert
 * columns), their ที่มา, and the group line above each row (a row the officer added names its agency
 * by where it was put).
 */
import { textAt, type SheetModel, type WorkbookModel } from '../model';
import { headerLabel } from '../forms/columns';
import { parseTambon, parseVillage } from '../places';
import { flatText, thaiToArabic } from '../thai';
import { parseAmountText } from '../values';
import { PROVENANCE_HEADER } from '../consolidate/provenance';
import { ACTION_PLAN_TITLE, GRAND_TOTAL, OFFICER_COLUMNS, PLAN_HEADER, SIDE_TH, VANISHED_TITLE } from './sheet';
import type { ActionSide, OfficerCells, PreviousActionPlan, PreviousActionRow } from './types';

/** Rows searched for the title and header. */
const HEAD_ROWS = 12;
/** "งบประมาณ ปี 2569": the amount column, and the fiscal year it names. */
const AMOUNT_HEADER = /^งบประมาณ(?:ปี(\d{4}))?/;

type Columns = Partial<Record<keyof typeof PLAN_HEADER | keyof OfficerCells | 'amount' | 'provenance', number>>;

/** The header row: the one naming the project and ที่มา columns, under the title. */
function findHeader(sheet: SheetModel, title: string): { row: number; cols: Columns; fiscalYear?: number } | undefined {
  const labels = new Map<string, keyof Columns>([
    ...Object.entries(PLAN_HEADER).map(([k, h]) => [headerLabel(h), k as keyof Columns] as const),
    ...OFFICER_COLUMNS.map((o) => [headerLabel(o.header), o.key] as const),
    [headerLabel(PROVENANCE_HEADER), 'provenance'],
  ]);
  let titled = false;
  for (let r = 0; r < Math.min(sheet.rows.length, HEAD_ROWS); r++) {
    const row = sheet.rows[r] ?? [];
    if (row.some((c) => c?.t === 's' && flatText(c.w).includes(title))) titled = true;
    const cols: Columns = {};
    let fiscalYear: number | undefined;
    row.forEach((cell, c) => {
      if (cell?.t !== 's') return;
      const label = headerLabel(thaiToArabic(cell.w));
      const key = labels.get(label);
      if (key && cols[key] === undefined) cols[key] = c;
      const m = AMOUNT_HEADER.exec(label);
      if (m && cols.amount === undefined) {
        cols.amount = c;
        if (m[1]) fiscalYear = Number(m[1]);
      }
    });
    if (titled && cols.name !== undefined && cols.provenance !== undefined) return { row: r, cols, fiscalYear };
  }
  return undefined;
}

/** The group line's side and agency ("ส่วนราชการ: สำนักงาน…"), or undefined when the row is not one. */
function groupLine(label: string): { side: ActionSide; agency: string } | undefined {
  for (const side of ['agency', 'local'] as const) {
    const head = `${SIDE_TH[side]}:`;
    if (label.startsWith(head)) return { side, agency: label.slice(head.length).trim() };
  }
  return undefined;
}

function amountOf(sheet: SheetModel, r: number, c: number | undefined): number {
  const cell = c === undefined ? undefined : sheet.rows[r]?.[c];
  if (typeof cell?.v === 'number') return cell.v;
  const a = parseAmountText(cell?.w ?? '');
  return a?.kind === 'number' ? a.value : 0;
}

/** The project rows under a header: group lines set the side and agency of the rows below them. */
function readRows(sheet: SheetModel, headerRow: number, cols: Columns): PreviousActionRow[] {
  const rows: PreviousActionRow[] = [];
  let group: { side: ActionSide; agency: string } = { side: 'agency', agency: '' };
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const first = flatText(textAt(sheet, r, 0));
    if (first.startsWith(GRAND_TOTAL)) break;
    const g = groupLine(first);
    if (g) group = g;
    const name = textAt(sheet, r, cols.name);
    // Group, tambon and subtotal lines name no project.
    if (g || !name || first.startsWith('รวม')) continue;
    const officer = Object.fromEntries(OFFICER_COLUMNS.map((o) => [o.key, textAt(sheet, r, cols[o.key])])) as unknown as OfficerCells;
    const village = parseVillage(textAt(sheet, r, cols.village));
    const tambon = parseTambon(textAt(sheet, r, cols.tambon));
    rows.push({
      row: r + 1,
      name,
      ...(village !== undefined ? { village } : {}),
      ...(tambon ? { tambon } : {}),
      agency: textAt(sheet, r, cols.agency) || group.agency,
      side: group.side,
      amount: amountOf(sheet, r, cols.amount),
      source: textAt(sheet, r, cols.provenance).split('\n')[0].trim(),
      remark: textAt(sheet, r, cols.remark),
      officer,
    });
  }
  return rows;
}

/**
 * OnePlan's action plan in a workbook (the first sheet that is one), with the rows an earlier re-run
 * listed as gone (their sheet), or undefined when it holds none.
 */
export function readPreviousActionPlan(wb: WorkbookModel): PreviousActionPlan | undefined {
  for (const sheet of wb.sheets) {
    const head = findHeader(sheet, ACTION_PLAN_TITLE);
    if (!head) continue;
    const gone = wb.sheets.flatMap((s) => {
      const h = findHeader(s, VANISHED_TITLE);
      return h ? readRows(s, h.row, h.cols).map((r) => ({ ...r, sheet: s.name })) : [];
    });
    return {
      file: wb.name,
      sheet: sheet.name,
      ...(head.fiscalYear ? { fiscalYear: head.fiscalYear } : {}),
      rows: readRows(sheet, head.row, head.cols),
      ...(gone.length ? { gone } : {}),
    };
  }
  return undefined;
}
