/**
 * A project's sub-lines ("จุดที่ 2", "จุดที่ 3" with their own amounts, forms/read.ts): counted in its
 * budgets, and shown as its parts so the officer sees what the total is made of.
 */
import type { ProjectRow } from '../plan';
import { formatAmount } from '../thai';
import type { NeedsPart, ProjectFields, SourceRef } from './types';

/** The sub-lines of a project row as the needs table keeps them (row 1-based; unreadable amounts count 0). */
export function partsOf(p: ProjectRow): NeedsPart[] {
  return (p.parts ?? []).map((part) => {
    const budgets: Record<number, number> = {};
    for (const b of part.budgets) if (b.year) budgets[b.year] = (budgets[b.year] ?? 0) + (b.amount ?? 0);
    return { name: part.text, row: part.row + 1, budgets };
  });
}

/** "300,000 (2556), 300,000 (2557)": a line's amounts by year, nil years left out. */
function amountsText(b: Record<number, number>): string {
  return Object.keys(b)
    .sort()
    .filter((y) => b[Number(y)])
    .map((y) => `${formatAmount(b[Number(y)])} (${y})`)
    .join(', ');
}

/**
 * The remark listing a project's lines: its own row's amounts (its budgets less its parts'), then each part.
 * "ประกอบด้วย: แถว 13 300,000 (2556), 300,000 (2557); แถว 14 จุดที่ 2 200,000 (2556)".
 */
export function partsRemark(it: Pick<ProjectFields, 'budgets' | 'parts'>, src: SourceRef): string {
  const parts = it.parts ?? [];
  const own: Record<number, number> = { ...it.budgets };
  for (const p of parts) for (const y in p.budgets) own[y] = (own[y] ?? 0) - p.budgets[y];
  const lines = [
    `แถว ${src.row} ${amountsText(own) || 'ไม่ระบุงบประมาณ'}`,
    ...parts.map((p) => `แถว ${p.row} ${p.name} ${amountsText(p.budgets)}`),
  ];
  return `ประกอบด้วย: ${lines.join('; ')}`;
}
