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
  // By reason, then the other fields compared: no key string joined per verdict (~400 characters
  // copied and hashed for each of a million needs, on the thread that takes every file's results).
  const byReason = new Map<string, ItemVerdict[]>();
  let size = 0;
  const same = (x: ItemVerdict, v: ItemVerdict): boolean =>
    x.status === v.status &&
    (x.declared ?? '') === (v.declared ?? '') &&
    (x.declaredUnknown ?? '') === (v.declaredUnknown ?? '') &&
    (x.suggested ?? '') === (v.suggested ?? '') &&
    x.reasonEn === v.reasonEn;
  return (v) => {
    let list = byReason.get(v.reason);
    if (list) for (const x of list) if (same(x, v)) return x;
    if (size >= 100000) {
      byReason.clear();
      size = 0;
      list = undefined;
    }
    const own: ItemVerdict = { ...v, reason: intern(v.reason), reasonEn: intern(v.reasonEn) };
    if (list) list.push(own);
    else byReason.set(v.reason, [own]);
    size++;
    return own;
  };
}
