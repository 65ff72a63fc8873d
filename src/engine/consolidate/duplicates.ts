/**
 * The duplicates sheet (โครงการซ้ำ) and what it says on the needs: merged groups, possible duplicates
 * (at most MAX_POSSIBLE per need, the rest counted), and needs already in an อปท.'s own plan (ผ.02: out
 * of the totals when the row is known to be in the need's own place). Matches with the district's
 * development plan are handed on (district-plan.ts).
 */
import { intern, type Candidate } from './extract';
import type { Match } from './dedupe';
import { comparePlaces } from './place';
import { provenanceMention } from './provenance';
import type { NeedsItems } from './items';
import type { SameNeeds } from './same-need';
import type { DuplicateGroup, DuplicateMember, NeedsItem } from './types';
import { itemWith } from './item-copy';

/** Possible duplicates listed per needs item (the most similar first). */
export const MAX_POSSIBLE = 3;

/** A reference row (local or district plan) alike to a need: the strongest match and the need's row that made it. */
export interface Reference {
  confidence: DuplicateGroup['confidence'];
  similarity: number;
  need: number;
}

/** Per group root, the reference rows alike to its need, by candidate index. */
export type References = ReadonlyMap<number, ReadonlyMap<number, Reference>>;

export interface Duplicates {
  /** The needs, in the same order; a remarked one (or one out of the totals) is a copy. */
  items: readonly NeedsItem[];
  /** Merged groups, possible pairs and local-plan matches, in the sheet's order. */
  duplicates: DuplicateGroup[];
  /** The district development plan's rows alike to each need (district-plan.ts). */
  districtPlan: References;
}

const rank = (c: DuplicateGroup['confidence']): number => (c === 'exact' ? 0 : c === 'likely' ? 1 : 2);
const round2 = (x: number): number => Math.round(x * 100) / 100;
const orgOf = (c: Candidate): string => c.organisation ?? c.src.file;

export function listDuplicates(cands: readonly Candidate[], same: SameNeeds, needs: NeedsItems): Duplicates {
  const { root, confidence, similarity } = same;
  const itemOf = (r: number): NeedsItem | undefined => {
    const k = needs.at[r];
    return k === undefined ? undefined : needs.items[k];
  };
  // What each need gains here, in order; the items are copied once at the end.
  const remarks = new Map<NeedsItem, string[]>();
  const remark = (it: NeedsItem, text: string): void => {
    const list = remarks.get(it);
    if (list) list.push(text);
    else remarks.set(it, [text]);
  };
  const outOfTotals = new Set<NeedsItem>();

  const member = (i: number): DuplicateMember => {
    const c = cands[i];
    return {
      file: c.src.file,
      sheet: c.src.sheet,
      row: c.src.row,
      name: c.name,
      village: c.village,
      tambon: c.tambon,
      itemId: c.role === 'need' ? itemOf(root[i])?.id : undefined,
      localPlan: c.role === 'local' ? true : undefined,
    };
  };
  const duplicates: DuplicateGroup[] = [];
  for (const [r, members] of same.members) {
    const conflict = itemOf(r)?.conflict;
    duplicates.push({
      confidence: confidence.get(r) ?? 'exact',
      merged: true,
      localPlan: false,
      similarity: round2(similarity.get(r) ?? 1),
      ...(conflict ? { conflict: true } : {}),
      // Members in the item's source order: member k asks conflict.budgets[k].
      items: members.map((m, k) => (conflict ? { ...member(m), budgets: conflict.budgets[k] } : member(m))),
    });
  }
  const possibleSeen = new Set<string>();
  const possible: Array<{ ra: number; rb: number; m: Match }> = [];
  const localByRoot = new Map<number, Map<number, Reference>>();
  const districtByRoot = new Map<number, Map<number, Reference>>();
  for (const m of [...same.matches, ...same.refused]) {
    const ca = cands[m.a];
    const cb = cands[m.b];
    if (ca.role !== 'need' || cb.role !== 'need') {
      if (ca.role !== 'need' && cb.role !== 'need') continue;
      const [needIdx, localIdx] = ca.role !== 'need' ? [m.b, m.a] : [m.a, m.b];
      const r = root[needIdx];
      const byRoot = cands[localIdx].role === 'local' ? localByRoot : districtByRoot;
      const map = byRoot.get(r) ?? new Map<number, Reference>();
      const prev = map.get(localIdx);
      if (!prev || rank(m.confidence) < rank(prev.confidence) || (m.confidence === prev.confidence && needIdx < prev.need))
        map.set(localIdx, { confidence: m.confidence, similarity: m.similarity, need: needIdx });
      byRoot.set(r, map);
      continue;
    }
    const ra = root[m.a];
    const rb = root[m.b];
    if (ra === rb) continue;
    const key = ra < rb ? `${ra}:${rb}` : `${rb}:${ra}`;
    if (possibleSeen.has(key)) continue;
    possibleSeen.add(key);
    possible.push({ ra, rb, m });
  }
  // Possible duplicates: at most MAX_POSSIBLE per item, the most similar ones (a generic name in a
  // big village otherwise lists dozens); the rest are counted in a remark. Listed in match order.
  const shown = new Set<(typeof possible)[number]>();
  const count = new Map<number, number>();
  const hidden = new Map<number, number>();
  for (const p of [...possible].sort((x, y) => y.m.similarity - x.m.similarity || x.m.a - y.m.a || x.m.b - y.m.b)) {
    const na = count.get(p.ra) ?? 0;
    const nb = count.get(p.rb) ?? 0;
    if (na >= MAX_POSSIBLE || nb >= MAX_POSSIBLE) {
      hidden.set(p.ra, (hidden.get(p.ra) ?? 0) + 1);
      hidden.set(p.rb, (hidden.get(p.rb) ?? 0) + 1);
      continue;
    }
    count.set(p.ra, na + 1);
    count.set(p.rb, nb + 1);
    shown.add(p);
  }
  for (const p of possible) {
    if (!shown.has(p)) continue;
    const { m, ra, rb } = p;
    duplicates.push({
      confidence: 'possible',
      merged: false,
      localPlan: false,
      similarity: round2(m.similarity),
      items: [member(m.a), member(m.b)],
    });
    const ia = itemOf(ra);
    const ib = itemOf(rb);
    if (ia && ib) {
      remark(ia, `อาจซ้ำกับ "${ib.name}" (${provenanceMention(ib.sources[0])}) โปรดตรวจสอบ`);
      remark(ib, `อาจซ้ำกับ "${ia.name}" (${provenanceMention(ia.sources[0])}) โปรดตรวจสอบ`);
    }
  }
  for (const [r, n] of hidden) {
    const it = itemOf(r);
    if (it) remark(it, intern(`และอาจซ้ำกับโครงการอื่นอีก ${n} รายการที่คล้ายน้อยกว่า (ไม่ได้แสดงในชีตโครงการซ้ำ)`));
  }
  for (const [r, locals] of localByRoot) {
    const item = itemOf(r);
    if (!item) continue;
    for (const [localIdx, m] of [...locals.entries()].sort((x, y) => x[0] - y[0])) {
      const lc = cands[localIdx];
      // Out of the totals only when the local plan's row is known to be in the need's own place.
      const firm = m.confidence !== 'possible' && comparePlaces(cands[m.need], lc) === 'same';
      if (firm) {
        outOfTotals.add(item);
        remark(item, `มีในแผนพัฒนาท้องถิ่นของ ${orgOf(lc)} (${provenanceMention(lc.src)}) ไม่นับยอด`);
      } else {
        remark(item, `อาจมีในแผนพัฒนาท้องถิ่นของ ${orgOf(lc)} (${provenanceMention(lc.src)}) โปรดตรวจสอบ`);
      }
      duplicates.push({
        confidence: firm ? m.confidence : 'possible',
        merged: false,
        localPlan: true,
        similarity: round2(m.similarity),
        items: [member(r), member(localIdx)],
      });
    }
  }
  duplicates.sort((x, y) => rank(x.confidence) - rank(y.confidence) || Number(x.localPlan) - Number(y.localPlan) || seqOf(x) - seqOf(y));
  const items = needs.items.map((it) => {
    const more = remarks.get(it);
    if (!more && !outOfTotals.has(it)) return it;
    return itemWith(it, { inTotals: it.inTotals && !outOfTotals.has(it), remarks: more ? [...it.remarks, ...more] : it.remarks });
  });
  return { items, duplicates, districtPlan: districtByRoot };
}

function seqOf(g: DuplicateGroup): number {
  return g.items[0].itemId ?? 0;
}
