/**
 * The province's development issues (ประเด็นการพัฒนาจังหวัด): each need linked to its issue's code (its
 * declared link, resolved by the strategy module), and the needs that declare an unknown issue, none,
 * or one their text does not fit reported and remarked. Read from the rows that are one need, before
 * the items are made (needsItems takes the links: no item is copied for them).
 */
import { intern, type Candidate } from './extract';
import { projectMatcher } from '../strategy/match';
import type { StrategyList } from '../strategy/model';
import { matchInput, type ItemVerdict } from './verdicts';
import { issueOf, pick } from './asked';
import type { SameNeeds } from './same-need';
import type { ProvincialIssue, StrategyMismatch } from './types';

/** A need's issue as linked to the list, and its remark when it does not fit. */
export interface IssueLink {
  issue: ProvincialIssue | null;
  remark?: string;
}

export interface IssueLinks {
  /** By the root of each need's group; none for a need the list leaves as it was. */
  links: ReadonlyArray<IssueLink | undefined>;
  mismatches: StrategyMismatch[];
}

/** `verdicts`: computed with the files (extractInput), by candidate index. */
export function linkIssues(
  cands: readonly Candidate[],
  same: SameNeeds,
  list: StrategyList | undefined,
  verdicts?: ReadonlyArray<ItemVerdict | undefined>,
): IssueLinks {
  const links: Array<IssueLink | undefined> = [];
  const mismatches: StrategyMismatch[] = [];
  if (!list?.issues.length) return { links, mismatches };
  // One verdict at a time, consistent ones without their (unused) reason words.
  const match = projectMatcher(list, {}, { lean: true });
  // One issue object per listed issue and text: needs of one issue share it (1M rows: ~30 MB).
  const issues = new Map<object, Map<string, ProvincialIssue>>();
  const issueFor = (d: { code: string; name: string }, text: string): ProvincialIssue => {
    let byText = issues.get(d);
    if (!byText) issues.set(d, (byText = new Map()));
    let it = byText.get(text);
    if (!it) byText.set(text, (it = { code: d.code, name: d.name, text }));
    return it;
  };
  for (let r = 0; r < cands.length; r++) {
    if (cands[r].role !== 'need' || same.root[r] !== r) continue;
    const members = same.members.get(r) ?? [r];
    const keep = cands[members[0]];
    const objective = pick(cands, members, 'objective');
    const target = pick(cands, members, 'target');
    const asked = issueOf(cands, members);
    // A verdict computed with the file holds when the need asks what its kept source asked: always
    // for a single row, and for a group whose kept row has every field.
    const pre = verdicts?.[members[0]];
    const v =
      pre && objective === keep.objective && target === keep.target && asked === (keep.issue ?? null)
        ? pre
        : match(matchInput(keep.name, objective, target, asked));
    const declared = v.declared ? list.issues.find((x) => x.code === v.declared)! : undefined;
    const issue = declared ? issueFor(declared, asked?.text ?? declared.name) : asked;
    const status = v.declaredUnknown !== undefined ? 'unknown' : v.status;
    if (status === 'consistent') {
      if (declared) links[r] = { issue };
      continue;
    }
    // Reasons and remarks repeat (same words, same suggestion): one copy each at a million rows.
    mismatches.push({
      itemId: members[0],
      name: keep.name,
      file: keep.src.file,
      sheet: keep.src.sheet,
      row: keep.src.row,
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
    links[r] = { issue, remark };
  }
  return { links, mismatches };
}
