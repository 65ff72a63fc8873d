/**
 * What goes back down from a province's table: one table per receiver — per agency (the seeds: needs
 * beyond the province's capacity go to the agencies in October), per district (the province tells
 * each district what became of its needs), per proposer (the district tells each tambon and อปท.), and per route (อบจ. / agency / province). Each part keeps
 * every need's provenance and its ranks: the row of the province's table, or in a district's part the row of
 * the district's own table it came from (so the district's decisions go back onto that row).
 */
import { ROUTE_LABEL } from '../classification';
import { groupByIssue } from './grouping';
import type { ConsolidateResult, NeedsItem } from './types';
import { itemWith } from './item-copy';

export const SPLIT_KEYS = ['route', 'agency', 'district', 'proposer'] as const;
export type SplitKey = (typeof SPLIT_KEYS)[number];

/** The receiver a need goes to, by key; needs that name none are gathered under one heading. */
const RECEIVER: Record<SplitKey, { of: (it: NeedsItem) => string | undefined; none: string }> = {
  route: { of: (it) => ROUTE_LABEL[it.route]?.th, none: 'ไม่ระบุผู้รับ' },
  agency: { of: (it) => it.agency, none: 'ไม่ระบุหน่วยงาน' },
  district: { of: (it) => it.district, none: 'ไม่ระบุอำเภอ' },
  // At the district: each tambon and อปท. its own list back, with the province's decisions.
  proposer: { of: (it) => it.organisation, none: 'ไม่ระบุผู้เสนอ' },
};

/** Who a need goes to under `by`, as the table writes it; needs that name none share one heading. */
export function receiverOf(it: NeedsItem, by: SplitKey): string {
  const { of, none } = RECEIVER[by];
  return of(it)?.trim() || none;
}

export interface SplitPart {
  /** The receiver as written in the table ("กรมทางหลวงชนบท", "อำเภอพุนพิน"). */
  receiver: string;
  result: ConsolidateResult;
}

/** One part per receiver, in order of first appearance in the table; totals are the part's own. */
export function splitNeeds(r: ConsolidateResult, by: SplitKey): SplitPart[] {
  const parts = new Map<string, NeedsItem[]>();
  for (const it of r.items) {
    const key = receiverOf(it, by);
    const list = parts.get(key);
    if (list) list.push(it);
    else parts.set(key, [it]);
  }
  return [...parts].map(([receiver, items]) => {
    const ids = new Set(items.map((i) => i.id));
    const files = new Set(items.flatMap((i) => i.sources.map((s) => s.file)));
    const grouped = groupByIssue(by === 'district' ? items.map(fromDistrictTable) : items);
    return {
      receiver,
      result: {
        ...grouped,
        inputs: r.inputs.filter((i) => files.has(i.file)),
        // Duplicates that concern this receiver's needs (the other member may go elsewhere: listed too).
        duplicates: r.duplicates.filter((g) => g.items.some((m) => m.itemId !== undefined && ids.has(m.itemId))),
        strategyMismatches: r.strategyMismatches.filter((m) => ids.has(m.itemId)),
        districtPlan: r.districtPlan,
        notInDistrictPlan: r.notInDistrictPlan.filter((id) => ids.has(id)),
        ...(r.district ? { district: r.district } : {}),
        ...(r.approval ? { approval: r.approval } : {}),
        // The whole table's re-run merge and senders are the province's, not a part's.
        merge: undefined,
        senders: undefined,
      },
    };
  });
}

/**
 * A district's part names the rows of the district's own table its needs came from (the province's
 * ที่มา, read back as each source's origin), so the district takes the decisions back onto exactly those
 * rows (returned-match.ts); a need whose table gave none keeps the province's row.
 */
function fromDistrictTable(it: NeedsItem): NeedsItem {
  if (!it.sources.some((s) => s.origin?.length)) return it;
  return itemWith(it, { sources: it.sources.flatMap((s) => s.origin?.map((o) => ({ ...o, kind: s.kind })) ?? [s]) });
}

/**
 * A file name for a receiver: its name with the characters file systems refuse replaced, and no
 * trailing dot (Windows drops it: "ทต." would become "ทต").
 */
export function receiverFileName(receiver: string): string {
  return (
    receiver
      // eslint-disable-next-line no-control-regex -- control characters are refused in file names
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100)
      .replace(/[. ]+$/, '') || 'ไม่ระบุ'
  );
}

/** One file name per part, in order: a receiver's name, "(2)", "(3)"… after names already taken (case aside, as Windows compares). */
export function partFileNames(parts: readonly SplitPart[], ext = '.xlsx'): string[] {
  const used = new Set<string>();
  return parts.map((p) => {
    const base = receiverFileName(p.receiver);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base} (${k})`;
    used.add(name.toLowerCase());
    return `${name}${ext}`;
  });
}

const BY_TH: Record<SplitKey, string> = { route: 'ผู้รับ', agency: 'หน่วยงาน', district: 'อำเภอ', proposer: 'ผู้เสนอ' };

/** The title line of a part's table: who it is for, how many needs, and which table it was cut from. */
export function partSubtitle(p: SplitPart, by: SplitKey, from: string): string {
  const counted = p.result.items.filter((i) => i.inTotals).length;
  return `ส่งถึง${BY_TH[by]}: ${p.receiver} · ${p.result.items.length} โครงการ (นับยอด ${counted} โครงการ) · จาก ${from}`;
}
