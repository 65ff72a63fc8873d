/**
 * Which rows are one need: duplicate detection (dedupe.ts) over every candidate, then the groups of
 * requests merged into one need, each group's members in the counting order (conflict.ts: the kept
 * source first).
 */
import { findMatches, mergeGroups, type Match } from './dedupe';
import { releaseMatchKeys, type Candidate } from './extract';
import { countingOrder } from './conflict';

export interface SameNeeds extends ReturnType<typeof mergeGroups> {
  /** Every pair found alike (requests, local-plan and district-plan rows). */
  matches: readonly Match[];
  /**
   * The candidates of each group of two or more requests, by its root, in the counting order (only
   * such groups get a list: a map and an array per need cost ~60 MB at a million rows).
   */
  members: ReadonlyMap<number, readonly number[]>;
}

/**
 * `release`: the candidates are the caller's to give up: their compact names and tokens (a third of a
 * candidate, read only here) are dropped once matched, before the later stages (the peak at 1M rows).
 */
export function sameNeeds(cands: readonly Candidate[], release: boolean): SameNeeds {
  const matches = findMatches(cands);
  if (release) for (let i = 0; i < cands.length; i++) releaseMatchKeys(cands[i]);
  const groups = mergeGroups(cands, matches);
  const { root } = groups;
  const members = new Map<number, number[]>();
  cands.forEach((c, i) => {
    if (c.role !== 'need' || root[i] === i) return;
    const list = members.get(root[i]);
    if (list) list.push(i);
    else members.set(root[i], [root[i], i]);
  });
  for (const list of members.values()) list.sort((x, y) => countingOrder(cands[x], cands[y]));
  return { ...groups, matches, members };
}
