/**
 * The list of provincial development issues on a sheet the province sends, read by content like the plan
 * forms (recognise.ts asks whether a sheet is one; strategy/read.ts checks what it reads). Two layouts:
 *  - a table with a header row: ประเด็นการพัฒนาที่ / ลำดับ / รหัส / ที่ | ประเด็นการพัฒนา / ยุทธศาสตร์ |
 *    เป้าประสงค์ | แนวทางการพัฒนา / กลยุทธ์ | คำสำคัญ (any subset with a name column; rows below an
 *    issue with no number and no name continue it, e.g. one approach per row);
 *  - no header: lines "ประเด็นการพัฒนาที่ 1 การส่งเสริม…" in one column.
 * Thai or Arabic digits.
 */
import { textAt, type SheetModel } from '../model';
import { INVISIBLE, thaiToArabic } from '../thai';

/** An issue as the sheet writes it (strategy/model.ts's StrategyIssue is it, checked). */
export interface IssueRow {
  code: string;
  name: string;
  goals?: string;
  approaches?: string;
  keywords?: string[];
}

/** The issues a sheet lists, with the province and period its titles name. */
export interface IssueListSheet {
  province?: string;
  period?: string;
  issues: IssueRow[];
}

type Col = 'code' | 'name' | 'goals' | 'approaches' | 'keywords';

const HEADER_SCAN_ROWS = 20;

function norm(s: string): string {
  return thaiToArabic(s).replace(INVISIBLE, '').replace(/\s+/g, '').toLowerCase();
}

function headerKind(raw: string): Col | undefined {
  const h = norm(raw);
  if (!h) return undefined;
  if (/^(ประเด็นการพัฒนาที่|ประเด็นที่|ประเด็นยุทธศาสตร์ที่|ยุทธศาสตร์ที่|ลำดับ(ที่)?|รหัส|ที่|no\.?|code)$/.test(h)) return 'code';
  if (/^(คำสำคัญ|คำค้น|keywords?)/.test(h)) return 'keywords';
  if (/^(เป้าประสงค์|เป้าหมาย(การพัฒนา)?)/.test(h)) return 'goals';
  if (/^(แนวทาง|กลยุทธ์|กลยุทธ)/.test(h)) return 'approaches';
  if (/^(ประเด็นการพัฒนา|ประเด็นยุทธศาสตร์|ยุทธศาสตร์(การพัฒนา)?(จังหวัด)?|strategy|issue)/.test(h)) return 'name';
  return undefined;
}

interface Header {
  row: number;
  cols: Partial<Record<Col, number>>;
  /** Header cells naming a strategy column (more than one: a linkage table, not an issue list). */
  nameCols: number;
  /** Header mentions projects or budgets: a plan form, not an issue list. */
  planLike: boolean;
}

function findHeader(sheet: SheetModel): Header | undefined {
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const cols: Header['cols'] = {};
    let nameCols = 0;
    let planLike = false;
    for (let c = 0; c < row.length; c++) {
      const t = textAt(sheet, r, c);
      if (!t) continue;
      if (/โครงการ|งบประมาณ/.test(t)) planLike = true;
      const k = headerKind(t);
      if (!k) continue;
      if (k === 'name') nameCols++;
      if (cols[k] === undefined) cols[k] = c;
    }
    if (
      cols.name !== undefined &&
      (cols.code !== undefined || cols.goals !== undefined || cols.approaches !== undefined || cols.keywords !== undefined)
    )
      return { row: r, cols, nameCols, planLike };
  }
  return undefined;
}

/** "1", "๑.", "ประเด็นการพัฒนาที่ 2", "ยุทธศาสตร์ที่ 3" → "1"/"2"/"3". */
function codeOf(raw: string): string | undefined {
  const t = thaiToArabic(raw).trim();
  const m = /^(?:(?:ประเด็น(?:การพัฒนา|ยุทธศาสตร์)?|ยุทธศาสตร์)\s*(?:ที่)?\s*)?(\d+(?:\.\d+)?)\.?$/.exec(t);
  return m ? m[1] : undefined;
}

/** A name cell that starts with its number: "1. การส่งเสริม…", "ประเด็นการพัฒนาที่ 1 การส่งเสริม…". */
function splitNumbered(raw: string): { code: string; name: string } | undefined {
  const t = thaiToArabic(raw).trim();
  const m = /^(?:(?:ประเด็น(?:การพัฒนา|ยุทธศาสตร์)?|ยุทธศาสตร์(?:จังหวัด)?)\s*(?:ที่)?\s*)?(\d+(?:\.\d+)?)\s*[.):：]?\s+(\S[\s\S]*)$/.exec(t);
  return m ? { code: m[1].replace(/\.$/, ''), name: m[2].trim() } : undefined;
}

function splitKeywords(s: string): string[] {
  return s
    .split(/[,，、;；|\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function appendText(a: string | undefined, b: string): string {
  return a ? `${a}\n${b}` : b;
}

function titleInfo(sheet: SheetModel, lastRow: number): { province?: string; period?: string } {
  const out: { province?: string; period?: string } = {};
  for (let r = 0; r < lastRow; r++) {
    for (let c = 0; c < (sheet.rows[r]?.length ?? 0); c++) {
      const t = thaiToArabic(textAt(sheet, r, c));
      if (!t) continue;
      const p = /จังหวัด\s*([ก-๙]+?)(?=\s|$|\(|พ\.ศ|ปี|\d)/.exec(t);
      if (p && !out.province && !/^(ที่|ของ)$/.test(p[1])) out.province = p[1];
      const y = /(25\d\d)\s*[-–—]\s*(25\d\d)/.exec(t);
      if (y && !out.period) out.period = `${y[1]}-${y[2]}`;
    }
  }
  return out;
}

function finish(issues: IssueRow[], info: { province?: string; period?: string }): IssueListSheet | undefined {
  const seen = new Set<string>();
  const uniq = issues.filter((i) => i.name && !seen.has(i.code) && seen.add(i.code));
  return uniq.length ? { ...info, issues: uniq } : undefined;
}

function readTable(sheet: SheetModel, h: Header): IssueListSheet | undefined {
  const issues: IssueRow[] = [];
  let cur: IssueRow | undefined;
  const col = (r: number, k: Col) => (h.cols[k] === undefined ? '' : textAt(sheet, r, h.cols[k]!));
  for (let r = h.row + 1; r < sheet.rows.length; r++) {
    const codeText = col(r, 'code');
    const nameText = col(r, 'name');
    const goals = col(r, 'goals');
    const approaches = col(r, 'approaches');
    const keywords = col(r, 'keywords');
    if (!codeText && !nameText && !goals && !approaches && !keywords) continue;
    let code = codeText ? codeOf(codeText) : undefined;
    let name = nameText;
    if (!code && name) {
      const s = splitNumbered(name);
      if (s) ({ code, name } = s);
    }
    if (!code && codeText && !name) {
      const s = splitNumbered(codeText); // "ประเด็นการพัฒนาที่ 1 การส่งเสริม…" all in the first column
      if (s) ({ code, name } = s);
    }
    if (/^(รวม|หมายเหตุ)/.test(codeText || nameText)) break;
    const startsNew = code !== undefined || (!!name && (h.cols.code === undefined || !cur));
    if (startsNew) {
      cur = { code: code ?? String(issues.length + 1), name: name.trim() };
      issues.push(cur);
    } else if (name && cur) {
      cur.name = `${cur.name} ${name.trim()}`; // a wrapped name continued on the next row
    }
    if (!cur) continue;
    if (goals) cur.goals = appendText(cur.goals, goals);
    if (approaches) cur.approaches = appendText(cur.approaches, approaches);
    if (keywords) cur.keywords = [...(cur.keywords ?? []), ...splitKeywords(keywords)];
  }
  return finish(issues, titleInfo(sheet, h.row));
}

const LINE = /^\s*(?:ประเด็นการพัฒนา|ประเด็นยุทธศาสตร์)\s*(?:จังหวัด\S*\s*)?ที่\s*([0-9๐-๙]+)\s*[.:：)]?\s*(\S.*)$/s;

function readLines(sheet: SheetModel): IssueListSheet | undefined {
  const issues: IssueRow[] = [];
  let firstRow = sheet.rows.length;
  for (let r = 0; r < sheet.rows.length; r++) {
    for (let c = 0; c < (sheet.rows[r]?.length ?? 0); c++) {
      const m = LINE.exec(textAt(sheet, r, c));
      if (!m) continue;
      firstRow = Math.min(firstRow, r);
      issues.push({ code: thaiToArabic(m[1]), name: m[2].trim() });
      break;
    }
  }
  return issues.length >= 2 ? finish(issues, titleInfo(sheet, firstRow)) : undefined;
}

/** The issue list on a sheet, or undefined when the sheet holds none. */
export function readIssueList(sheet: SheetModel): IssueListSheet | undefined {
  const h = findHeader(sheet);
  if (h && !h.planLike && h.nameCols === 1) {
    const list = readTable(sheet, h);
    if (list) return list;
  }
  return h?.planLike ? undefined : readLines(sheet);
}

/**
 * True when the sheet is a list of development issues (form kind 'strategies'): a header with an
 * issue-name column and at least two issues; "ยุทธศาสตร์" alone as the name header also needs a goals,
 * approaches or keywords column (linkage tables and plan forms have "ยุทธศาสตร์…" headers too).
 */
export function detectStrategiesSheet(sheet: SheetModel): boolean {
  const h = findHeader(sheet);
  if (h) {
    if (h.planLike || h.nameCols !== 1) return false;
    const nameHeader = norm(textAt(sheet, h.row, h.cols.name!));
    const strong = /^(ประเด็นการพัฒนา|ประเด็นยุทธศาสตร์)/.test(nameHeader);
    const extra = h.cols.goals !== undefined || h.cols.approaches !== undefined || h.cols.keywords !== undefined;
    if (!strong && !extra) return false;
    const list = readTable(sheet, h);
    return !!list && list.issues.length >= 2;
  }
  const list = readLines(sheet);
  return !!list && list.issues.length >= 2;
}
