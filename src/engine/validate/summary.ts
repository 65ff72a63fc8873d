/**
 * ผ.01 (summary) against the ผ.02 sheets it summarises: per strategy × กลยุทธ์ × แผนงาน line, each
 * strategy's "รวม" and the grand total, the count and budget of each year must equal what the detail
 * sheets' project rows give.
 */
import { colLetter, type SheetModel } from '../model';
import { yearAmount, type PlanSheet, type ProjectRow } from '../plan';
import { flatText, parseBEYear, thaiToArabic } from '../thai';
import { amountValue, readAmount } from '../values';
import { finding, type Finding } from '../findings';

/**
 * What a summary line totals: a whole ยุทธศาสตร์ (its heading, or the "รวม" under its lines), one
 * แนวทาง/กลยุทธ์ of it, one แผนงาน line, or every project (the grand total "รวมทั้งสิ้น").
 */
type Level = 'strategy' | 'tactic' | 'programme' | 'total';

interface SummaryLine {
  row: number;
  level: Level;
  strategy?: string;
  tactic?: string;
  /** The line as written ("1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", "แผนงานเคหะและชุมชน"). */
  plan: string;
  years: Array<{ year: number; countCol: number; budgetCol: number; count: number | null; budget: number | null }>;
}

/** "(1) แผนงานสาธารณสุข" / "  แผนงานสาธารณสุข" → "สาธารณสุข". */
export function canonicalProgramme(text: string): string {
  return flatText(text)
    .replace(/^[\d.()\s]+/, '')
    .replace(/^แผนงาน/, '')
    .replace(/\s+/g, '')
    .replace(/และ/g, '');
}

function leadingNumber(text: string | undefined, pattern: RegExp): string | undefined {
  if (!text) return undefined;
  const m = pattern.exec(thaiToArabic(text.trim()));
  return m ? m[1] : undefined;
}

/** "1. ยุทธศาสตร์…", "1) ยุทธศาสตร์…", "ยุทธศาสตร์ที่ 1 …" → "1". */
const strategyNumber = (text: string | undefined): string | undefined =>
  leadingNumber(text, /^(\d+)\s*[).]?\s*ยุทธศาสตร์/) ?? leadingNumber(text, /^ยุทธศาสตร์(?:การพัฒนา)?(?:ด้าน)?\S*?ที่\s*(\d+)/);
/** "1.1 แนวทาง…", "1.2 กลยุทธ์…" → "1.1". */
const tacticNumber = (text: string | undefined): string | undefined => leadingNumber(text, /^(\d+\.\d+)\s*(กลยุทธ์|แนวทาง)/);

/** The ผ.01's lines with figures, or undefined when it has no "ปี 25xx" header to read them by. */
export function readSummary(sheet: SheetModel): SummaryLine[] | undefined {
  // Header: a row with two or more "ปี 2566"-like cells, each over a count and a budget column.
  let header = -1;
  let yearCols: Array<{ year: number; col: number }> = [];
  for (let r = 0; r < Math.min(sheet.rows.length, 20) && header < 0; r++) {
    const found: Array<{ year: number; col: number }> = [];
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      if (cell && cell.t === 's' && /ปี/.test(cell.w)) {
        const y = parseBEYear(cell.w);
        if (y) found.push({ year: y, col: c });
      }
    });
    if (found.length >= 2) {
      header = r;
      yearCols = found;
    }
  }
  if (header < 0) return undefined;
  const lines: SummaryLine[] = [];
  let strategy: string | undefined;
  let tactic: string | undefined;
  // Strategies seen, and those closed by their own "รวม" line.
  const strategies: string[] = [];
  const subtotalled = new Set<string>();
  for (let r = header + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const first = row?.find((c) => c && c.t === 's' && c.w.trim() !== '');
    if (!first) continue;
    const text = flatText(first.w);
    // Only the ผ.02 section; ผ.02/2 and ผ.03 blocks follow in the same sheet.
    if (/เกินศักยภาพ|ผ\.\s*0?2\s*\/\s*2|ครุภัณฑ์|ผ\.\s*0?3/.test(text)) break;
    let level: Level;
    let plan = text;
    const sn = strategyNumber(text);
    const tn = sn ? undefined : tacticNumber(text);
    const total = totalKind(text);
    if (total) {
      // A plain "รวม" closes the strategy above when every strategy gets one (the 2561 form); else it is the
      // grand total (old forms write one "รวม" at the end, or it follows the last strategy's own "รวม").
      const closes =
        total === 'plain' &&
        strategy !== undefined &&
        !subtotalled.has(strategy) &&
        strategies.every((x) => x === strategy || subtotalled.has(x));
      if (closes) {
        subtotalled.add(strategy!);
        tactic = undefined;
        level = 'strategy';
        plan = `${text} ยุทธศาสตร์ที่ ${strategy}`;
      } else level = 'total';
    } else if (sn) {
      strategy = sn;
      if (!strategies.includes(sn)) strategies.push(sn);
      tactic = undefined;
      level = 'strategy';
    } else if (tn) {
      tactic = tn;
      level = 'tactic';
    } else if (/^(\(?\d+\)?\s*|\d+(\.\d+){1,2}\s*)?แผนงาน/.test(text)) level = 'programme';
    else continue;
    const years = yearCols.map(({ year, col }) => ({
      year,
      countCol: col,
      budgetCol: col + 1,
      count: amountValue(readAmount(row?.[col])),
      budget: amountValue(readAmount(row?.[col + 1])),
    }));
    // A heading without figures (a ยุทธศาสตร์ line above its แผนงาน lines) totals nothing to compare.
    const blank = (c: number) => readAmount(row?.[c]).kind === 'blank';
    if (level !== 'programme' && yearCols.every(({ col }) => blank(col) && blank(col + 1))) continue;
    lines.push({ row: r, level, strategy: level === 'total' ? undefined : strategy, tactic, plan, years });
  }
  return lines;
}

/** "รวมทั้งสิ้น" / "รวมทั้งหมด": the grand total; a plain "รวม": a strategy's or the grand total (by place). */
function totalKind(text: string): 'grand' | 'plain' | undefined {
  const t = text.replace(/\s+/g, '');
  return /^รวม(ทั้งสิ้น|ทั้งหมด|ทุกยุทธศาสตร์)/.test(t) ? 'grand' : t === 'รวม' ? 'plain' : undefined;
}

/** Whether a detail project is under the summary line: its ยุทธศาสตร์, its แนวทาง/กลยุทธ์, or its แผนงาน line. */
function underLine(line: SummaryLine, p: ProjectRow): boolean {
  if (line.level === 'total') return true;
  const ctx = p.context;
  const ds = strategyNumber(ctx.strategy?.text);
  const dt = tacticNumber(ctx.tactic?.text);
  if (line.strategy && ds !== line.strategy) return false;
  if (line.level === 'strategy') return ds !== undefined;
  if (line.tactic && dt !== line.tactic) return false;
  if (line.level === 'tactic') return dt !== undefined;
  return !!ctx.programme && canonicalProgramme(ctx.programme.text) === canonicalProgramme(line.plan);
}

/**
 * Each ผ.01 against the ผ.02 sheets of its workbook, line by line (ยุทธศาสตร์, แนวทาง, แผนงาน: whichever
 * carry figures), per year. A summary compared with nothing says why.
 */
export function checkSummaries(sheets: SheetModel[], plans: PlanSheet[]): Finding[] {
  const details = plans.filter((p) => p.kind === 'local-plan');
  const findings: Finding[] = [];
  plans.forEach((plan, i) => {
    if (plan.kind !== 'local-plan-summary') return;
    const lines = readSummary(sheets[i]);
    let compared = false;
    for (const line of lines ?? []) {
      // Each project by its own context lines: one ผ.02 sheet may hold several แผนงาน.
      const matching = details.flatMap((d) =>
        d.projects.filter((p) => !p.afterTotal && underLine(line, p)).map((p) => ({ sheet: d.name, p })),
      );
      if (!matching.length) continue;
      compared = true;
      const names = [...new Set(matching.map((m) => m.sheet))];
      for (const y of line.years) {
        let budget = 0;
        let count = 0;
        for (const { p } of matching) {
          const a = yearAmount(p, y.year);
          budget += a;
          if (a > 0) count++;
        }
        const push = (what: 'count' | 'budget', stated: number, detail: number, col: number) => {
          const details = { plan: line.plan, year: y.year, what, stated, computed: detail, sheets: names };
          findings.push(finding('summary-mismatch', details, { sheet: plan.name, row: line.row + 1, column: colLetter(col), field: what }));
        };
        if (y.count !== null && y.count !== count) push('count', y.count, count, y.countCol);
        if (y.budget !== null && Math.abs(y.budget - budget) >= 0.5) push('budget', y.budget, budget, y.budgetCol);
      }
    }
    if (!compared) {
      const reason = !lines ? 'no-header' : !lines.length ? 'no-lines' : !details.length ? 'no-detail-sheet' : 'no-detail-match';
      findings.push(finding('summary-not-compared', { reason }, { sheet: plan.name, row: null, column: null }));
    }
  });
  return findings;
}
