/**
 * What a need asks, from the rows that are one need (the kept source first, same-need.ts): each text
 * field the kept source's, else the first other source's that has one. The needs items and the issue
 * links read it alike.
 */
import type { Candidate } from './extract';
import type { ProvincialIssue } from './types';

export type TextField = 'objective' | 'target' | 'agency' | 'priority';

/** The field from the kept source (first member), else the first other member that has it. */
export function pick<K extends TextField>(cands: readonly Candidate[], members: readonly number[], k: K): string {
  for (const m of members) if (cands[m][k]) return cands[m][k];
  return '';
}

/** The provincial issue the need's sources link to (the kept source's first). */
export function issueOf(cands: readonly Candidate[], members: readonly number[]): ProvincialIssue | null {
  for (const m of members) if (cands[m].issue) return cands[m].issue!;
  return null;
}
