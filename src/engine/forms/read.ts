/**
 * Reading a worksheet as a plan: find the header blocks, map columns by header words, walk the rows
 * below, attach context lines (ก.–จ., ยุทธศาสตร์ / กลยุทธ์ / แผนงาน, sections, amendments) to the
 * projects under them, and pick out total rows and sub-item rows. Recognition never uses the sheet name.
 */
import { colIndex, textAt, type Cell, type Range, type SheetModel } from '../model';
import type {
  BudgetValue,
  ColumnMap,
  ContextLine,
  Field,
  PlanBlock,
  PlanSheet,
  ProjectContext,
  ProjectRow,
  SubItemRow,
  TotalRow,
} from '../plan';
import { flatText, INVISIBLE_CHARS, parseBEYear, thaiToArabic } from '../thai';
import { amountValueOf, readWholeNumber } from '../values';
import { exactFieldOf, fieldOf, isHeaderNote, yearOfHeader } from './columns';
import { recogniseKind, formCodeOf } from './recognise';
import { SECTION_WORDS } from '../classification';

export interface ReadPlanOptions {
  /** Officer's manual column mapping for this sheet: field → column letter, or "budget:2567" → letter. */
  columnMapping?: Record<string, string>;
}

/** Rows scanned for a header when none was found yet (title blocks are short). */
const MAX_HEADER_SEARCH = 200;

export function readPlanSheet(sheet: SheetModel, opts: ReadPlanOptions = {}): PlanSheet {
  const merges = new MergeIndex(sheet.merges);
  const headers = findHeaderBlocks(sheet, merges);
  const titles = titleLines(sheet, headers.length ? headers[0].rows[0] : Math.min(sheet.rows.length, 12));
  const blocks: PlanBlock[] = [];
  const context: ProjectContext = { links: {} };
  // Lines above the first header set the first block's context.
  for (const line of titles) applyContextLine(context, line);
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const columns = applyMapping(h.columns, opts.columnMapping);
    const end = i + 1 < headers.length ? headers[i + 1].rows[0] : sheet.rows.length;
    const block = readBlock(sheet, h.rows, columns, end, context);
    const prev = blocks[blocks.length - 1];
    // The header repeated at the top of a printed page continues the table above (one table, one total).
    if (prev && !prev.totals.length && sameColumns(prev.columns, columns) && !headedTable(sheet, h.rows[0])) continueBlock(prev, block);
    else blocks.push(block);
  }
  const { kind, reason } = recogniseKind(sheet, titles, blocks);
  if (kind === 'local-plan-beyond') for (const b of blocks) unitAsAgency(b);
  const period = periodOf(titles);
  const organisation = titles.find((t) => ORGANISATION.test(t.text))?.text;
  return {
    name: sheet.name,
    kind,
    kindReason: reason,
    formCode: formCodeOf(sheet, titles),
    titles,
    period,
    organisation,
    blocks,
    projects: blocks.flatMap((b) => b.projects),
  };
}

/** A header under a context line ("ประเด็นการพัฒนา: สังคม", "2.1 แนวทาง…") starts a table of its own. */
function headedTable(sheet: SheetModel, headerRow: number): boolean {
  for (let r = headerRow - 1; r >= 0; r--) {
    const line = firstText(sheet, r);
    if (line) return applyContextLine({ links: {} }, line);
    if (sheet.rows[r]?.some((c) => c && c.w.trim() !== '')) return false;
  }
  return false;
}

function sameColumns(a: ColumnMap, b: ColumnMap): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Adds a page's rows to the table its header repeats. */
function continueBlock(block: PlanBlock, page: PlanBlock): void {
  (block.pageHeaders ??= []).push(page.headerRows);
  block.projects.push(...page.projects);
  block.subItems.push(...page.subItems);
  block.totals.push(...page.totals);
}

/**
 * Real ผ.02/2 sheets often keep the ผ.02 heading "หน่วยงานรับผิดชอบหลัก" over the last column, which
 * there holds the agency asked (อบจ.พะเยา in อบต.แม่ใส's 2567 amendment): with no agency-to-ask column,
 * that column is the agency.
 */
function unitAsAgency(block: PlanBlock): void {
  const f = block.columns.fields;
  if (f.agency !== undefined || f.unit === undefined) return;
  f.agency = f.unit;
  delete f.unit;
  for (const p of block.projects) {
    p.agency = p.unit;
    p.unit = '';
  }
}

const ORGANISATION = /^(เทศบาล|องค์การบริหารส่วน|อบต\.|อบจ\.|ตำบล|อำเภอ|ศอช\.)/;

/** "พ.ศ. 2556 - 2558", "(พ.ศ. 2556 ถึง 2558)", "ปี 2566-2570", "พ.ศ.๒๕๖๖–๒๕๗๐", "2556 ถึง พ.ศ. 2558". */
const PERIOD = /(25\d\d)\s*(?:[-–—]|ถึง|จนถึง)\s*(?:พ\.\s*ศ\.?|ปี)?\s*(25\d\d)/;

export function periodOf(titles: ContextLine[]): PlanSheet['period'] {
  for (const t of titles) {
    const m = PERIOD.exec(thaiToArabic(t.text));
    if (!m) continue;
    const from = parseInt(m[1], 10);
    const to = parseInt(m[2], 10);
    if (to >= from && to - from < 10) return { from, to };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Merged cells: our readers keep a merged area's value only in its top-left cell.

const MAX_MERGE_CELLS = 1_000_000;

export class MergeIndex {
  private byCell = new Map<number, Range>();
  constructor(merges: Range[]) {
    for (const m of merges) {
      // Only small areas matter for headers; a huge merged area is indexed by its first rows only.
      const r2 = Math.min(m.r2, m.r1 + 10);
      const c2 = Math.min(m.c2, m.c1 + 60);
      for (let r = m.r1; r <= r2; r++) for (let c = m.c1; c <= c2; c++) this.byCell.set(r * 20000 + c, m);
      // A sheet of countless merges (hostile file): stop indexing before the Map limit (2^24) and memory.
      if (this.byCell.size > MAX_MERGE_CELLS) break;
    }
  }
  at(r: number, c: number): Range | undefined {
    return this.byCell.get(r * 20000 + c);
  }
}

/** Text shown at (r, c), taking merged areas into account. */
function shownText(sheet: SheetModel, merges: MergeIndex, r: number, c: number): string {
  const m = merges.at(r, c);
  const cell = m ? sheet.rows[m.r1]?.[m.c1] : sheet.rows[r]?.[c];
  return cell ? cell.w.trim() : '';
}

// ---------------------------------------------------------------------------------------------
// Header blocks

interface HeaderBlock {
  rows: number[];
  columns: ColumnMap;
}

function rowWidth(sheet: SheetModel, r: number): number {
  return sheet.rows[r]?.length ?? 0;
}

/**
 * A header row names the project column word for word and at least two other fields, and holds no
 * numbers but years. (A project row such as "1 | โครงการขุดลอกคลอง | หมู่ที่ 3" only starts with header words.)
 */
function isHeaderRow(sheet: SheetModel, r: number): boolean {
  const row = sheet.rows[r];
  if (!row) return false;
  // Made at the first field word (most rows are projects: a number in their first cell ends the look).
  let seen: Set<string> | undefined;
  let exactName = false;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell) continue;
    if (cell.t === 'n' && !(typeof cell.v === 'number' && cell.v >= 2400 && cell.v <= 2700)) return false;
    if (cell.t !== 's') continue;
    const f = fieldOf(cell.w);
    if (f) (seen ??= new Set()).add(f);
    if (f === 'name' && exactFieldOf(cell.w) === 'name') exactName = true;
  }
  return exactName && seen !== undefined && seen.size >= 3;
}

function findHeaderBlocks(sheet: SheetModel, merges: MergeIndex): HeaderBlock[] {
  const blocks: HeaderBlock[] = [];
  const n = sheet.rows.length;
  for (let r = 0; r < n; r++) {
    if (!blocks.length && r > MAX_HEADER_SEARCH) break;
    const row = sheet.rows[r];
    if (!row || !isHeaderRow(sheet, r)) continue;
    const rows = [r];
    while (rows.length < 4 && isHeaderContinuation(sheet, merges, rows, rows[rows.length - 1] + 1)) {
      rows.push(rows[rows.length - 1] + 1);
    }
    blocks.push({ rows, columns: columnsOf(sheet, merges, rows) });
    r = rows[rows.length - 1];
  }
  return blocks;
}

/** A provincial issue line with its number: a context line, however short. */
const NUMBERED_ISSUE = /^(ประเด็นการพัฒนา|ยุทธศาสตร์)\S*\s*(ที่)?\s*[\d๐-๙]/;

/** A column's header texts over the given rows, top to bottom, each once. */
function columnTexts(sheet: SheetModel, merges: MergeIndex, rows: number[], c: number): string[] {
  const texts: string[] = [];
  for (const r of rows) {
    const t = shownText(sheet, merges, r, c);
    if (t && texts[texts.length - 1] !== t) texts.push(t);
  }
  return texts;
}

/** A piece of a parenthesised note wrapped over rows without a merge: "(ผลผลิตของ" / "โครงการ)". */
const NOTE_PIECE = /^\([^)]*$|^[^(]*\)$/;

/**
 * A label wrapped onto this row without a merge: the text above and this one together name a field
 * ("หน่วยงาน" + "ที่รับผิดชอบ", "ผลที่คาดว่า" + "จะได้รับ"), or it is a piece of a parenthesised note.
 */
function continuesLabel(above: string[], text: string): boolean {
  const t = flatText(text);
  if (NOTE_PIECE.test(t)) return true;
  return above.length > 0 && fieldOf(above[above.length - 1]) === undefined && fieldOf(`${above.join(' ')} ${t}`) !== undefined;
}

/** Short text without digits under a labelled column: a wrapped label word, when the row shows a surer sign. */
const labelWord = (text: string): boolean => text.length <= 20 && !/[\d๐-๙]/.test(text);

/**
 * Rows under a header row that still belong to it: years, "(บาท)", repeated or merged-down labels,
 * and labels officers wrapped over several rows without merging them.
 */
function isHeaderContinuation(sheet: SheetModel, merges: MergeIndex, rows: number[], r: number): boolean {
  if (r >= sheet.rows.length) return false;
  const top = rows[0];
  // A missing row is blank: header only when a vertical merge from the header reaches it (below).
  const row = sheet.rows[r] ?? [];
  let any = false;
  let sure = false;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || cell.w.trim() === '') continue;
    any = true;
    const m = merges.at(r, c);
    const t = cell.w;
    if ((m && m.r1 >= top && m.r1 < r) || yearOfHeader(t) !== undefined || isHeaderNote(t)) {
      sure = true;
      continue;
    }
    // A numbered issue line under the header ("ประเด็นการพัฒนาที่ 2" of a needs table) is content, not a label.
    if (NUMBERED_ISSUE.test(flatText(t))) return false;
    if (fieldOf(t)) {
      sure = true;
      continue;
    }
    // Same text as the header cell above (files that repeat merged labels in every cell).
    if (flatText(t) === flatText(shownText(sheet, merges, top, c))) {
      sure = true;
      continue;
    }
    const above = columnTexts(sheet, merges, rows, c);
    if (cell.t === 's' && continuesLabel(above, t)) {
      sure = true;
      continue;
    }
    if (cell.t === 's' && above.length && labelWord(flatText(t))) continue;
    return false;
  }
  if (any) return sure;
  // A blank row: header only when a vertical merge from the header reaches it.
  for (let c = 0; c < rowWidth(sheet, top); c++) {
    const m = merges.at(r, c);
    if (m && m.r1 >= top && m.r1 < r) return true;
  }
  return false;
}

/** "(ผลผลิตของ", "โครงการ)" → "(ผลผลิตของ โครงการ)": a note wrapped over rows is one text. */
function joinNotePieces(texts: string[]): string[] {
  const out: string[] = [];
  let open = false;
  for (const t of texts) {
    if (open) out[out.length - 1] += ` ${t}`;
    else out.push(t);
    const joined = out[out.length - 1];
    open = (joined.match(/\(/g)?.length ?? 0) > (joined.match(/\)/g)?.length ?? 0);
  }
  return out;
}

/** Year columns that are not the plan's budget: local ordinances, or money spent in past years. */
function notPlanBudget(label: string): boolean {
  if (/เทศบัญญัติ|ข้อบัญญัติ/.test(label)) return true;
  // "งบประมาณและที่ผ่านมา" is the older forms' budget heading; "ที่ผ่านมา" alone is past spending.
  return /ที่ผ่านมา/.test(label) && !/งบประมาณและที่ผ่านมา/.test(label);
}

function columnsOf(sheet: SheetModel, merges: MergeIndex, rows: number[]): ColumnMap {
  const width = Math.max(...rows.map((r) => rowWidth(sheet, r)));
  const fields: ColumnMap['fields'] = {};
  const years: Array<{ year: number; col: number; underBudget: boolean; ordinance: boolean; bare: boolean }> = [];
  let budgetCol: number | undefined;
  for (let c = 0; c < width; c++) {
    const texts = joinNotePieces(columnTexts(sheet, merges, rows, c));
    if (!texts.length) continue;
    // The first year a text names, by a loop (a map() then find(): two kinds of array, see budgetsOf).
    let year: number | undefined;
    for (let k = 0; k < texts.length && year === undefined; k++) year = yearOfHeader(texts[k]);
    const all = texts.join(' ');
    if (year !== undefined) {
      years.push({
        year,
        col: c,
        underBudget: /งบประมาณ/.test(all),
        ordinance: notPlanBudget(all),
        // Only a year (and "(บาท)"): no other heading claims the column.
        bare: texts.every((t) => yearOfHeader(t) !== undefined || isHeaderNote(t)),
      });
      continue;
    }
    // The most specific text (lowest header row) decides, falling back to the ones above.
    let field: Field | 'budget' | undefined;
    for (let i = texts.length - 1; i >= 0 && !field; i--) field = fieldOf(texts[i]);
    // A label wrapped over rows ("หน่วยงาน" / "ที่รับผิดชอบ") names its field only whole.
    field ??= fieldOf(all);
    if (!field) continue;
    if (field === 'budget') {
      if (budgetCol === undefined) budgetCol = c;
      continue;
    }
    if (fields[field] === undefined) fields[field] = c;
  }
  let chosen = years.filter((y) => (y.underBudget || y.bare) && !y.ordinance);
  if (!chosen.length) chosen = years.filter((y) => !y.ordinance);
  const budgetYears: ColumnMap['budgetYears'] = [];
  for (const y of chosen) if (!budgetYears.some((b) => b.year === y.year)) budgetYears.push({ year: y.year, col: y.col });
  if (!budgetYears.length && budgetCol !== undefined) fields.amount = budgetCol;
  return { fields, budgetYears };
}

function applyMapping(columns: ColumnMap, mapping: Record<string, string> | undefined): ColumnMap {
  if (!mapping) return columns;
  const fields = { ...columns.fields };
  let budgetYears = columns.budgetYears;
  for (const [key, letter] of Object.entries(mapping)) {
    const col = colIndex(letter.toUpperCase());
    const m = /^budget:(\d{4})$/.exec(key);
    if (m) {
      const year = parseInt(m[1], 10);
      budgetYears = [...budgetYears.filter((b) => b.year !== year), { year, col }].sort((a, b) => a.year - b.year);
    } else fields[key as Field] = col;
  }
  return { fields, budgetYears };
}

// ---------------------------------------------------------------------------------------------
// Context lines

function firstText(sheet: SheetModel, r: number): ContextLine | undefined {
  const row = sheet.rows[r];
  if (!row) return undefined;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (cell && cell.t === 's' && cell.w.trim() !== '') return { row: r, col: c, text: flatText(cell.w) };
  }
  return undefined;
}

function titleLines(sheet: SheetModel, end: number): ContextLine[] {
  const out: ContextLine[] = [];
  for (let r = 0; r < end; r++) {
    const line = firstText(sheet, r);
    if (line) out.push(line);
  }
  return out;
}

const LINK_LINE = /^([ก-จ])\s*\.\s*(.+)$/;
const PROVINCIAL = /ยุทธศาสตร์(การพัฒนา)?จังหวัด|ประเด็นการพัฒนา(จังหวัด)?/;
const AMENDMENT = /^(เพิ่มเติม|แก้ไข|เปลี่ยนแปลง|ทบทวน)\s*(ครั้งที่|ฉบับที่)?\s*\d/;

/** Update the running context with one line; returns false when the line is not a context line. */
export function applyContextLine(ctx: ProjectContext, line: ContextLine): boolean {
  const text = line.text;
  const link = LINK_LINE.exec(text);
  if (link && text.length > 4) {
    const letter = link[1];
    if (letter === 'ก') {
      // A new ก. line starts a new block of links: forget the lower levels of the previous one.
      ctx.links = {};
      ctx.provincial = undefined;
      ctx.strategy = ctx.tactic = ctx.programme = ctx.section = ctx.amendment = undefined;
    }
    ctx.links[letter] = line;
    if (PROVINCIAL.test(text) && !/ในเขตจังหวัด/.test(text)) ctx.provincial = line;
    return true;
  }
  if (/^ประเด็นการพัฒนา(จังหวัด)?(ที่)?\s*[:：]?/.test(text) || /^ยุทธศาสตร์(การพัฒนา)?จังหวัด/.test(text)) {
    ctx.provincial = line;
    ctx.section = ctx.amendment = undefined;
    return true;
  }
  if (AMENDMENT.test(text)) {
    ctx.amendment = line;
    return true;
  }
  if (/^(\d+[.)]\s*)?(โครงการ|ประเภท).*/.test(text) && SECTION_WORDS.test(text.replace(/\s+/g, ''))) {
    ctx.section = line;
    ctx.amendment = undefined;
    return true;
  }
  if (/^\d+\s*[.)]?\s*ยุทธศาสตร์/.test(text)) {
    ctx.strategy = line;
    ctx.tactic = ctx.programme = ctx.amendment = undefined;
    return true;
  }
  if (/^\d+\.\d+\s*(กลยุทธ์|แนวทาง)/.test(text) || /^กลยุทธ์/.test(text)) {
    ctx.tactic = line;
    ctx.programme = ctx.amendment = undefined;
    return true;
  }
  if (/^(\(\d+\)\s*|\d+(\.\d+){1,2}\s*)?แผนงาน/.test(text)) {
    ctx.programme = line;
    ctx.amendment = undefined;
    return true;
  }
  return false;
}

/**
 * Every field named, in one order (undefined when none): the running context gains its lines in the
 * sheet's order, so a spread of it gave the rows' contexts several shapes (toCandidate was deoptimised
 * reading one it had not met).
 */
function snapshot(ctx: ProjectContext): ProjectContext {
  return {
    links: { ...ctx.links },
    provincial: ctx.provincial,
    strategy: ctx.strategy,
    tactic: ctx.tactic,
    programme: ctx.programme,
    section: ctx.section,
    amendment: ctx.amendment,
  };
}

// ---------------------------------------------------------------------------------------------
// Rows of a block

/** A นับยอด cell saying the row is left out of the totals ("ไม่นับ", "ไม่นับยอด", "✗", "no"). */
const NOT_COUNTED = /^(ไม่|✗|✘|×|no\b|false$)/i;

/** A budget line of the project above, in its name column: "จุดที่ 2", "- ช่วงที่ 3", "ระยะที่ 2". */
const SUB_LINE = /^[-–•*]?\s*(จุดที่|ช่วงที่|ระยะที่|สายที่|แห่งที่|ส่วนที่|งวดที่)\s*[\d๐-๙]/;

/** Notes and signature lines under a table: never a project's wrapped text. */
const FOOTNOTE = /^(หมายเหตุ|ลงชื่อ|ลงนาม|ผู้จัดทำ|ผู้ตรวจ|ผู้รับรอง|ผู้อนุมัติ|ผู้เสนอ|ที่มา\s*[:：]|\*)/;

/** What a spread of an absent optional field adds: one shared empty object, not a new one per field per row. */
const NO_FIELDS = Object.freeze({});

/** Fields whose text officers wrap onto the next row(s) of a project. */
const WRAPPED_FIELDS = ['name', 'objective', 'target', 'kpi', 'unit', 'agency', 'location', 'village', 'tambon'] as const;

/** "รวม", "รวมงบประมาณ", "รวมจำนวนโครงการ", "รวมทั้งสิ้น", "รวม 5 ปี" — not a project named "รวมกลุ่มอาชีพ…". */
const TOTAL_LABEL = /^รวม(?:$|\s|งบ|จำนวน|ทั้ง|ยอด|เงิน|ประเด็น|ปี|แผน|โครงการ)/;

function readBlock(sheet: SheetModel, headerRows: number[], columns: ColumnMap, end: number, context: ProjectContext): PlanBlock {
  const projects: ProjectRow[] = [];
  const subItems: SubItemRow[] = [];
  const totals: TotalRow[] = [];
  const f = columns.fields;
  const firstBudgetCol = columns.budgetYears.length
    ? Math.min(...columns.budgetYears.map((b) => b.col))
    : (f.amount ?? Number.MAX_SAFE_INTEGER);
  let snap = snapshot(context);
  let dirty = false;
  // The project the next rows may continue (wrapped texts) or add budget lines to; none after a total or a context line.
  let current: ProjectRow | undefined;
  const text = (r: number, c: number | undefined): string => textAt(sheet, r, c);
  // No column only a needs table (or a form with a นับยอด column) has: every project row is one plain literal.
  const plainRow =
    f.route === undefined &&
    f.officerNote === undefined &&
    f.countedSource === undefined &&
    f.decision === undefined &&
    f.source === undefined &&
    f.counted === undefined &&
    f.proposer === undefined &&
    f.district === undefined &&
    f.sourcePriority === undefined;
  // A needs table as consolidation writes it (needsProject): the five columns a hand-kept table may lack all there.
  const needsRow =
    f.route !== undefined &&
    f.officerNote !== undefined &&
    f.countedSource !== undefined &&
    f.decision !== undefined &&
    f.source !== undefined;
  const hasDetail = (r: number): boolean => [f.objective, f.target, f.unit, f.agency, f.village].some((c) => text(r, c) !== '');

  for (let r = headerRows[headerRows.length - 1] + 1; r < end; r++) {
    const row = sheet.rows[r];
    if (!row || !row.some((c) => c && c.w.trim() !== '')) continue;
    const budgets = budgetsOf(sheet, r, columns);
    const hasAmounts = budgets.some((b) => b.amount !== null && b.amount !== 0);

    // Total rows: a "รวม…" label left of the budget columns.
    const label = totalLabelOf(row, firstBudgetCol);
    const no = f.no !== undefined ? readWholeNumber(row[f.no]) : null;
    if (label && no === null) {
      current = undefined;
      totals.push({
        row: r,
        label,
        kind: /จำนวน/.test(label) ? 'count' : 'budget',
        values: budgets.map((b) => ({ year: b.year, col: b.col, value: b.amount })),
      });
      continue;
    }

    const name = text(r, f.name);
    if (no === null && !hasAmounts) {
      // Context lines inside the table: amendments, sections, ประเด็นการพัฒนา.
      const line = firstText(sheet, r);
      if (line && applyContextLine(context, line)) {
        dirty = true;
        current = undefined;
        continue;
      }
    }
    if (current && no === null && hasAmounts && (name === '' || SUB_LINE.test(name))) {
      const part: SubItemRow = { row: r, text: name || (firstText(sheet, r)?.text ?? ''), budgets };
      (current.parts ??= []).push(part);
      // Still a sub-item for the total rows that count such lines on their own.
      subItems.push(part);
      continue;
    }
    // Without a ที่ column a new project shows a budget or its details; a wrapped name line shows neither.
    // (Its details are looked at only when that decides: most rows have a ที่.)
    const isProject = no !== null || (name !== '' && (hasAmounts || (f.no === undefined && hasDetail(r))));
    if (isProject) {
      if (dirty) {
        snap = snapshot(context);
        dirty = false;
      }
      if (needsRow) {
        projects.push((current = needsProject(sheet, f, r, no, name, budgets, snap)));
        continue;
      }
      // A form without the needs tables' own columns (most plans) takes the literal without spreads: the
      // fields after a spread are defined one by one (a fifth of readBlock). The same keys in the same order.
      current = plainRow
        ? {
            row: r,
            no,
            name,
            objective: text(r, f.objective),
            target: text(r, f.target),
            location: text(r, f.location),
            village: text(r, f.village),
            tambon: text(r, f.tambon),
            kpi: text(r, f.kpi),
            unit: text(r, f.unit),
            agency: text(r, f.agency),
            classification: text(r, f.class),
            priority: text(r, f.priority),
            link: text(r, f.link),
            note: text(r, f.note),
            budgets,
            context: snap,
            afterTotal: false,
          }
        : {
            row: r,
            no,
            name,
            objective: text(r, f.objective),
            target: text(r, f.target),
            location: text(r, f.location),
            village: text(r, f.village),
            tambon: text(r, f.tambon),
            kpi: text(r, f.kpi),
            unit: text(r, f.unit),
            agency: text(r, f.agency),
            classification: text(r, f.class),
            priority: text(r, f.priority),
            ...(f.route !== undefined ? { route: text(r, f.route) } : NO_FIELDS),
            ...(f.officerNote !== undefined ? { officerNote: text(r, f.officerNote) } : NO_FIELDS),
            ...(f.countedSource !== undefined ? { countedSource: text(r, f.countedSource) } : NO_FIELDS),
            ...(f.decision !== undefined ? { decision: text(r, f.decision) } : NO_FIELDS),
            ...(f.source !== undefined ? { provenance: text(r, f.source) } : NO_FIELDS),
            link: text(r, f.link),
            note: text(r, f.note),
            budgets,
            context: snap,
            afterTotal: false,
            ...(f.counted !== undefined && NOT_COUNTED.test(text(r, f.counted)) ? { outOfTotals: true } : NO_FIELDS),
            ...(f.proposer !== undefined ? { proposer: text(r, f.proposer) } : NO_FIELDS),
            ...(f.district !== undefined ? { district: text(r, f.district) } : NO_FIELDS),
            ...(f.sourcePriority !== undefined ? { sourcePriority: text(r, f.sourcePriority) } : NO_FIELDS),
          };
      projects.push(current);
    } else if (hasAmounts && name === '') {
      const line = firstText(sheet, r);
      subItems.push({ row: r, text: line?.text ?? '', budgets });
    } else if (FOOTNOTE.test(firstText(sheet, r)?.text ?? '')) {
      current = undefined;
    } else if (current && no === null && !hasAmounts) {
      // A row without number or amount under a project continues its wrapped texts ("…ถนน คสล." / "หมู่ที่ 6").
      for (const field of WRAPPED_FIELDS) {
        const more = text(r, f[field]);
        if (more) current[field] = current[field] ? `${current[field]} ${more}` : more;
      }
    }
  }
  // Projects below the block's last total row are counted by no total (subtotals above them do count).
  if (totals.length) {
    const last = totals[totals.length - 1].row;
    for (const p of projects) p.afterTotal = p.row > last;
  }
  return { headerRows, columns, projects, subItems, totals };
}

/**
 * The project row of a needs table as consolidation writes it (its route, note, counted source, decision
 * and ที่มา columns all there): one literal, the optional fields at its end set one by one. The spreads
 * readBlock gives the other tables are a runtime call each per row (a re-run reads its 40k-row table so);
 * these are the same keys in the same order. Apart from readBlock, so that a plain form's reading does not
 * compile it.
 */
function needsProject(
  sheet: SheetModel,
  f: ColumnMap['fields'],
  r: number,
  no: number | null,
  name: string,
  budgets: BudgetValue[],
  context: ProjectContext,
): ProjectRow {
  const p: ProjectRow = {
    row: r,
    no,
    name,
    objective: textAt(sheet, r, f.objective),
    target: textAt(sheet, r, f.target),
    location: textAt(sheet, r, f.location),
    village: textAt(sheet, r, f.village),
    tambon: textAt(sheet, r, f.tambon),
    kpi: textAt(sheet, r, f.kpi),
    unit: textAt(sheet, r, f.unit),
    agency: textAt(sheet, r, f.agency),
    classification: textAt(sheet, r, f.class),
    priority: textAt(sheet, r, f.priority),
    route: textAt(sheet, r, f.route),
    officerNote: textAt(sheet, r, f.officerNote),
    countedSource: textAt(sheet, r, f.countedSource),
    decision: textAt(sheet, r, f.decision),
    provenance: textAt(sheet, r, f.source),
    link: textAt(sheet, r, f.link),
    note: textAt(sheet, r, f.note),
    budgets,
    context,
    afterTotal: false,
  };
  if (f.counted !== undefined && NOT_COUNTED.test(textAt(sheet, r, f.counted))) p.outOfTotals = true;
  if (f.proposer !== undefined) p.proposer = textAt(sheet, r, f.proposer);
  if (f.district !== undefined) p.district = textAt(sheet, r, f.district);
  if (f.sourcePriority !== undefined) p.sourcePriority = textAt(sheet, r, f.sourcePriority);
  return p;
}

/** What flatText keeps first is a "ร": the only texts that can be a total's label (flattening every name, objective and target of every row cost more than reading them). */
const MAY_BE_TOTAL = new RegExp(`^[\\s${INVISIBLE_CHARS}]*ร`);

/**
 * MAY_BE_TOTAL.test(text), answered without the regex where the text starts with a Thai character
 * other than ร (most names, objectives and targets): no Thai character is a space or invisible.
 */
function mayBeTotal(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 0x0e00 && c <= 0x0e7f && c !== 0x0e23) return false;
  return MAY_BE_TOTAL.test(text);
}

/** mayBeTotal and its regex, for tests. */
export const _mayBeTotal = { mayBeTotal, MAY_BE_TOTAL };

function totalLabelOf(row: Array<Cell | undefined>, firstBudgetCol: number): string | undefined {
  const limit = Math.min(row.length, firstBudgetCol);
  for (let c = 0; c < limit; c++) {
    const cell = row[c];
    if (!cell || cell.t !== 's' || !mayBeTotal(cell.w)) continue;
    const t = flatText(cell.w);
    if (TOTAL_LABEL.test(t) && t.length <= 40) return t;
  }
  return undefined;
}

function budgetsOf(sheet: SheetModel, r: number, columns: ColumnMap): BudgetValue[] {
  const row = sheet.rows[r];
  if (columns.budgetYears.length) {
    // Pushed, not made by map(): map's arrays are packed until TurboFan inlines it and holey after,
    // two kinds of array for the code reading every row's amounts (amountsOf, readBlock's some()).
    const out: BudgetValue[] = [];
    for (const { year, col } of columns.budgetYears) {
      const cell = row?.[col];
      out.push({ year, col, amount: amountValueOf(cell), cell });
    }
    return out;
  }
  const amountCol = columns.fields.amount;
  const yearCol = columns.fields.year;
  if (amountCol === undefined) return [];
  const cell = row?.[amountCol];
  const yearText = yearCol !== undefined ? (row?.[yearCol]?.w ?? '') : '';
  const year = parseBEYear(yearText) ?? 0;
  return [{ year, col: amountCol, amount: amountValueOf(cell), cell }];
}
