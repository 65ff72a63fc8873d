/**
 * Strategy matching (issue 4): which provincial development issue each project serves, and which
 * projects fit none or fit another issue better than the one they declare.
 */
import { colLetter } from '../model';
import type { PlanSheet, ProjectRow } from '../plan';
import { finding, type Finding } from '../findings';
import { resolveDeclared } from './declared';
import { matchProjects } from './match';
import type { MatchSettings, MatchVerdict, ProjectInput, StrategyList } from './model';

export * from './model';
export * from './schema';
export { resolveDeclared, nameSimilarity, issueByName, type Declared } from './declared';
export { matchProjects, projectMatcher, bestIssue, buildIndex } from './match';
export { readStrategies, detectStrategiesSheet } from './read';
export { STRATEGY_PRESETS, presetById, type StrategyPreset } from './presets';
export { terms, normaliseText, STOPWORDS } from './text';

/** The project's claim: its link column when filled, else the sheet's provincial (ง.) line above it. */
export function declaredText(p: ProjectRow): string | undefined {
  return p.link?.trim() || p.context.provincial?.text || undefined;
}

/** Project id used by the plan helpers: "sheet!row" (1-based row). */
export function projectId(sheet: string, p: ProjectRow): string {
  return `${sheet}!${p.row + 1}`;
}

export function projectsOfPlan(plan: PlanSheet): ProjectInput[] {
  return plan.projects.map((p) => ({
    id: projectId(plan.name, p),
    name: p.name,
    objective: p.objective,
    target: p.target,
    declared: declaredText(p),
  }));
}

export function matchPlanSheet(plan: PlanSheet, list: StrategyList, settings?: Partial<MatchSettings>): MatchVerdict[] {
  return matchProjects(projectsOfPlan(plan), list, settings);
}

/**
 * 'link-unknown' findings: projects whose declared link names an issue that is not in the list.
 * On the link cell when the link column declares it, else once per distinct provincial line (on that line).
 */
export function linkUnknownFindings(plan: PlanSheet, list: StrategyList): Finding[] {
  const out: Finding[] = [];
  const seenLines = new Set<string>();
  const linkCol = new Map<number, number | undefined>();
  for (const b of plan.blocks) for (const p of b.projects) linkCol.set(p.row, b.columns.fields.link);
  for (const p of plan.projects) {
    const fromColumn = !!p.link?.trim();
    const text = declaredText(p);
    if (!text) continue;
    const r = resolveDeclared(text, list);
    if (!r || !('unknown' in r)) continue;
    const details = { declared: String(r.unknown), known: list.issues.map((i) => i.code) };
    if (fromColumn) {
      const c = linkCol.get(p.row);
      out.push(
        finding('link-unknown', details, {
          sheet: plan.name,
          row: p.row + 1,
          column: c === undefined ? null : colLetter(c),
          field: 'link',
        }),
      );
    } else {
      const line = p.context.provincial!;
      const key = `${line.row}:${line.col}`;
      if (seenLines.has(key)) continue;
      seenLines.add(key);
      out.push(finding('link-unknown', details, { sheet: plan.name, row: line.row + 1, column: colLetter(line.col), field: 'link' }));
    }
  }
  return out;
}
