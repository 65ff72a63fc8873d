/**
 * The province's development issues (ประเด็นการพัฒนาจังหวัด): each need linked to its issue's code (its
 * declared link, resolved by the strategy module), and the needs that declare an unknown issue, none,
 * or one their text does not fit reported and remarked.
 */
import { intern, type Candidate } from './extract';
import { projectMatcher } from '../strategy/match';
import type { StrategyList } from '../strategy/model';
import { matchInput, type ItemVerdict } from './verdicts';
import type { NeedsItem, StrategyMismatch } from './types';

export interface IssueLinks {
  /** The needs, in the same order; a linked or remarked one is a copy. */
  items: readonly NeedsItem[];
  mismatches: StrategyMismatch[];
}

/** `verdicts`: computed with the files (extractInput), by candidate index. */
export function linkIssues(
  items: readonly NeedsItem[],
  cands: readonly Candidate[],
  list: StrategyList | undefined,
  verdicts?: ReadonlyArray<ItemVerdict | undefined>,
): IssueLinks {
  const mismatches: StrategyMismatch[] = [];
  if (!list?.issues.length) return { items, mismatches };
  // One verdict at a time, consistent ones without their (unused) reason words.
  const match = projectMatcher(list, {}, { lean: true });
  const linked = items.map((it) => {
    // A verdict computed with the file holds when the item asks what its first source asked: always
    // for a single row, and for a group whose first row has every field.
    const keep = cands[it.id];
    const pre = verdicts?.[it.id];
    const v =
      pre && it.objective === keep.objective && it.target === keep.target && it.issue === (keep.issue ?? null)
        ? pre
        : match(matchInput(it.name, it.objective, it.target, it.issue));
    const declared = v.declared ? list.issues.find((x) => x.code === v.declared)! : undefined;
    const issue = declared ? { code: declared.code, name: declared.name, text: it.issue?.text ?? declared.name } : it.issue;
    const status = v.declaredUnknown !== undefined ? 'unknown' : v.status;
    if (status === 'consistent') return declared ? { ...it, issue } : it;
    const src = it.sources[0];
    // Reasons and remarks repeat (same words, same suggestion): one copy each at a million rows.
    mismatches.push({
      itemId: it.id,
      name: it.name,
      file: src.file,
      sheet: src.sheet,
      row: src.row,
      declared: issue?.text ?? '',
      status,
      suggested: v.suggested,
      reason: intern(v.reason),
      reasonEn: intern(v.reasonEn),
    });
    const suggestion = v.suggested ? ` (เสนอประเด็นที่ ${v.suggested})` : '';
    const remark = intern(
      status === 'unknown'
        ? `ประเด็นการพัฒนา "${issue?.text ?? ''}" ไม่มีในแผนพัฒนาจังหวัด${suggestion}`
        : status === 'undeclared' || status === 'none'
          ? `ไม่ระบุประเด็นการพัฒนาจังหวัด${suggestion}`
          : `ประเด็นการพัฒนาอาจไม่สอดคล้อง${suggestion}`,
    );
    return { ...it, issue, remarks: [...it.remarks, remark] };
  });
  return { items: linked, mismatches };
}
