/**
 * Provincial development issue (ประเด็นการพัฒนาจังหวัด) of a project: parsed from the link column
 * or the sheet's link line ("ง. ยุทธศาสตร์จังหวัดที่ 6 ยกระดับการแพทย์…", "ประเด็นการพัฒนา: 2 การ…"),
 * and resolved against the strategy catalogue when the officer gave one.
 */
import { fromThaiDigits } from '../thai';
import { compactThai, diceSimilarity, normalizeThai, wordTokens } from '../thai-text';
import type { ProvincialIssue, StrategyIssue } from './types';

const ISSUE_HEAD =
  /^(?:ความสอดคล้องกับ)?\s*(?:ประเด็น\s*ยุทธศาสตร์|ประเด็น\s*การ\s*พัฒนา|ประเด็น|ยุทธศาสตร์\s*(?:การ\s*พัฒนา\s*)?(?:ของ\s*)?จังหวัด|ยุทธศาสตร์)\s*(?:จังหวัด\s*)?/;

/** Parses a link text; null when it is empty or a nil mark. */
export function parseIssue(raw: string | undefined): ProvincialIssue | null {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!text || /^[-–—]+$/.test(text)) return null;
  let s = fromThaiDigits(text);
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
    name = s.replace(/^[:：]\s*/, '');
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

/**
 * Resolves an issue against the catalogue: by code, else by name (compact equality or token
 * similarity ≥ 0.6). Returns the catalogue entry, or undefined when nothing fits.
 */
export function resolveIssue(issue: ProvincialIssue, catalogue: readonly StrategyIssue[]): StrategyIssue | undefined {
  const byName = (): StrategyIssue | undefined => {
    if (!issue.name) return undefined;
    const c = compactThai(issue.name);
    const exact = catalogue.find((s) => compactThai(s.name) === c || (c.length >= 8 && compactThai(s.name).startsWith(c)));
    if (exact) return exact;
    const tok = new Set(wordTokens(normalizeThai(issue.name)));
    let best: StrategyIssue | undefined;
    let bestSim = 0.6;
    for (const s of catalogue) {
      const sim = diceSimilarity(tok, new Set(wordTokens(normalizeThai(s.name))));
      if (sim >= bestSim) {
        best = s;
        bestSim = sim;
      }
    }
    return best;
  };
  if (issue.code) {
    const hit = catalogue.find((s) => fromThaiDigits(s.code).replace(/\.$/, '') === issue.code);
    // A code whose name clearly says something else: trust the name.
    if (hit) {
      if (!issue.name) return hit;
      const named = byName();
      return named ?? hit;
    }
  }
  return byName();
}

/**
 * A strategy catalogue from plain lines ("1. การส่งเสริม…", "2\tการขับเคลื่อน…", CSV "code,name").
 * Lines without a leading number are skipped.
 */
export function parseStrategyLines(lines: readonly string[]): StrategyIssue[] {
  const out: StrategyIssue[] = [];
  for (const line of lines) {
    const p = parseIssue(line.replace(/^"|"$/g, '').replace(/^(\S+?)\s*[,\t]\s*/, '$1 '));
    if (p && p.code && p.name) out.push({ code: p.code, name: p.name });
  }
  return out;
}
