/**
 * Strategy verdicts as consolidation keeps them: the part of a verdict it uses, what the matcher is
 * asked about a need, and one shared object per distinct verdict within a run (a million needs share a few).
 */
import { intern } from './extract';
import type { MatchVerdict, ProjectInput } from '../strategy/model';
import type { ProvincialIssue } from './types';

/** The part of a strategy verdict consolidation uses (a full verdict carries scores and matched words). */
export type ItemVerdict = Pick<MatchVerdict, 'status' | 'declared' | 'declaredUnknown' | 'suggested' | 'reason' | 'reasonEn'>;

export function itemVerdict(v: MatchVerdict): ItemVerdict {
  const out: ItemVerdict = { status: v.status, reason: v.reason, reasonEn: v.reasonEn };
  if (v.declared !== undefined) out.declared = v.declared;
  if (v.declaredUnknown !== undefined) out.declaredUnknown = v.declaredUnknown;
  if (v.suggested !== undefined) out.suggested = v.suggested;
  return out;
}

/** What the strategy matcher is asked about a needs item (or a candidate standing for one). */
export function matchInput(name: string, objective: string, target: string, issue: ProvincialIssue | null | undefined): ProjectInput {
  return { id: '', name, objective, target, declared: issue?.text };
}

/** A run's verdict sharer: one object per distinct verdict (consistent with issue 2, …), bounded; owned by one run. */
export function verdictSharer(): (v: ItemVerdict) => ItemVerdict {
  const seen = new Map<string, ItemVerdict>();
  return (v) => {
    const key = `${v.status}\u0000${v.declared ?? ''}\u0000${v.declaredUnknown ?? ''}\u0000${v.suggested ?? ''}\u0000${v.reason}\u0000${v.reasonEn}`;
    const hit = seen.get(key);
    if (hit) return hit;
    if (seen.size >= 100000) seen.clear();
    const own: ItemVerdict = { ...v, reason: intern(v.reason), reasonEn: intern(v.reasonEn) };
    seen.set(key, own);
    return own;
  };
}
