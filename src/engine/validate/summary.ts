/**
 * ผ.01 (summary) against the ผ.02 sheets it summarises: per strategy × กลยุทธ์ × แผนงาน line, the count
 * and budget of each year must equal what the detail sheets' project rows give.
 */
import { colLetter, type SheetModel } from '../model';
import type { PlanSheet } from '../plan';
import { flatText, parseBEYear, thaiToArabic } from '../thai';
import { amountValue, readAmount } from '../values';
import { finding, type Finding } from '../findings';

interface SummaryLine {
  row: number;
  strategy?: string;
  tactic?: string;
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

export function readSummary(sheet: SheetModel): SummaryLine[] {
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
  if (header < 0) return [];
  const lines: SummaryLine[] = [];
  let strategy: string | undefined;
  let tactic: string | undefined;
  for (let r = header + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const first = row?.find((c) => c && c.t === 's' && c.w.trim() !== '');
    if (!first) continue;
    const text = flatText(first.w);
    // Only the ผ.02 section; ผ.02/2 and ผ.03 blocks follow in the same sheet.
    if (/เกินศักยภาพ|ผ\.\s*0?2\s*\/\s*2|ครุภัณฑ์|ผ\.\s*0?3/.test(text)) break;
    const s = leadingNumber(text, /^(\d+)\s*[).]\s*ยุทธศาสตร์/);
    if (s) {
      strategy = s;
      tactic = undefined;
      continue;
    }
    const t = leadingNumber(text, /^(\d+\.\d+)\s*(กลยุทธ์|แนวทาง)/);
    if (t) {
      tactic = t;
      continue;
    }
    if (!/^(\(?\d+\)?\s*)?แผนงาน/.test(text)) continue;
    lines.push({
      row: r,
      strategy,
      tactic,
      plan: text,
      years: yearCols.map(({ year, col }) => ({
        year,
        countCol: col,
        budgetCol: col + 1,
        count: amountValue(readAmount(row?.[col])),
        budget: amountValue(readAmount(row?.[col + 1])),
      })),
    });
  }
  return lines;
}

export function checkSummaries(sheets: SheetModel[], plans: PlanSheet[]): Finding[] {
  const details = plans.filter((p) => p.kind === 'local-plan');
  const findings: Finding[] = [];
  plans.forEach((plan, i) => {
    if (plan.kind !== 'local-plan-summary') return;
    for (const line of readSummary(sheets[i])) {
      // Each project by its own แผนงาน / strategy / tactic lines: one ผ.02 sheet may hold several แผนงาน.
      const key = canonicalProgramme(line.plan);
      const matching = details.flatMap((d) =>
        d.projects
          .filter((p) => {
            const ctx = p.context;
            if (p.afterTotal || !ctx.programme || canonicalProgramme(ctx.programme.text) !== key) return false;
            const ds = leadingNumber(ctx.strategy?.text, /^(\d+)/);
            const dt = leadingNumber(ctx.tactic?.text, /^(\d+\.\d+)/);
            return (!line.strategy || ds === line.strategy) && (!line.tactic || dt === line.tactic);
          })
          .map((p) => ({ sheet: d.name, p })),
      );
      if (!matching.length) continue;
      const names = [...new Set(matching.map((m) => m.sheet))];
      for (const y of line.years) {
        let budget = 0;
        let count = 0;
        for (const { p } of matching) {
          const a = p.budgets.find((b) => b.year === y.year)?.amount ?? 0;
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
  });
  return findings;
}
