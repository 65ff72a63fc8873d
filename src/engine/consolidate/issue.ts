/**
 * Provincial development issue (ประเด็นการพัฒนาจังหวัด) of a project: parsed from the link column
 * or the sheet's link line ("ง. ยุทธศาสตร์จังหวัดที่ 6 ยกระดับการแพทย์…", "ประเด็นการพัฒนา: 2 การ…"),
 * for grouping; the strategy module (../strategy) resolves it against the province's list.
 */
import { thaiToArabic } from '../thai';
import { compactThai } from '../normalise';
import type { ProvincialIssue } from './types';
import { numberedIssue } from '../strategy/declared';

const ISSUE_HEAD =
  /^(?:ความสอดคล้องกับ)?\s*(?:ประเด็น\s*ยุทธศาสตร์|ประเด็น\s*การ\s*พัฒนา|ประเด็น|ยุทธศาสตร์\s*(?:การ\s*พัฒนา\s*)?(?:ของ\s*)?จังหวัด|ยุทธศาสตร์)\s*(?:จังหวัด\s*)?/;

/** Parses a link text; null when it is empty or a nil mark. */
export function parseIssue(raw: string | undefined): ProvincialIssue | null {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!text || /^[-–—]+$/.test(text)) return null;
  let s = thaiToArabic(text);
  // Link-line letter: "ง. ", "ก) ".
  s = s.replace(/^[ก-ฮ][.)]\s*/, '');
  for (let i = 0; i < 2; i++) s = s.replace(ISSUE_HEAD, '').replace(/^[:：]?\s*(?:ที่)?\s*/, '');
  const m = /^(\d{1,2}(?:\.\d{1,2})?)(?![\d,])\s*[.):：-]?\s*(.*)$/.exec(s) ?? null;
  let code: string | null = null;
  let name = s;
  if (m) {
    code = m[1];
    name = m[2];
  } else {
    // "ยุทธศาสตร์การพัฒนาจังหวัดเชียงใหม่ที่ 3 …": a province name between the heading and the number.
    const n = numberedIssue(text);
    if (n) {
      code = n.code;
      name = n.rest;
    } else name = s.replace(/^[:：]\s*/, '');
  }
  name = name.trim();
  return { code, name, text };
}

/** Key that groups equal issues: the code, else the compact name. */
export function issueKey(issue: ProvincialIssue | null): string {
  if (!issue) return '';
  if (issue.code) return `#${issue.code}`;
  return issue.name ? `=${compactThai(issue.name)}` : '';
}

export function issueLabel(issue: ProvincialIssue | null, lang: 'th' | 'en' = 'th'): string {
  if (!issue) return lang === 'th' ? 'ไม่ระบุ' : 'Not specified';
  if (issue.code) return `${lang === 'th' ? 'ประเด็นการพัฒนาที่' : 'Development issue'} ${issue.code}${issue.name ? ' ' + issue.name : ''}`;
  return issue.name || issue.text;
}
