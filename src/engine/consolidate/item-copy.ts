/**
 * A need's copy with some fields changed, for the stages after items.ts (each copies an item it changes).
 * One literal of every field, in the order items.ts makes them: every item then has one shape (V8 map).
 * A spread (`{ ...it, rank }`) gave its copies a map of their own, and a copy of a copy another, so the
 * code reading items met several (the table's cell functions were deoptimised by each new one).
 */
import type { NeedsItem } from './types';

/** Every field of a need, its optional ones too: a field added to NeedsItem must be copied here. */
type AllFields = { [K in keyof Required<NeedsItem>]: NeedsItem[K] };

export function itemWith(it: NeedsItem, changes: Partial<NeedsItem>): NeedsItem {
  const c: AllFields = {
    id: it.id,
    name: it.name,
    objective: it.objective,
    target: it.target,
    village: it.village,
    tambon: it.tambon,
    organisation: it.organisation,
    budgets: it.budgets,
    badBudgetYears: it.badBudgetYears,
    issue: it.issue,
    agency: it.agency,
    priority: it.priority,
    note: it.note,
    sources: it.sources,
    inTotals: it.inTotals,
    remarks: it.remarks,
    route: it.route,
    rank: it.rank,
    inDistrictPlan: it.inDistrictPlan,
    officerNote: it.officerNote,
    district: it.district,
    decision: it.decision,
    place: it.place,
    parts: it.parts,
    conflict: it.conflict,
    status: it.status,
  };
  return Object.assign(c, changes);
}
