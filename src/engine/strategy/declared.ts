/**
 * What a project claims: "ง. ยุทธศาสตร์จังหวัดที่ 6 …", "2", "ประเด็นที่ 2", "ประเด็นการพัฒนาที่ ๒",
 * "ยุทธศาสตร์ที่ 3", "ประเด็นการพัฒนา: การขับเคลื่อนเกษตร…", or the issue's name (fuzzy; truncated
 * names "…" match by prefix). Thai or Arabic digits.
 */
import { INVISIBLE, thaiToArabic } from '../thai';
import type { StrategyList } from './model';

export type Declared = { code: string } | { unknown: number | string };

function clean(s: string): string {
  return thaiToArabic(s).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Letters only (Thai and Latin, lower case), for comparing names. */
function squash(s: string): string {
  return clean(s)
    .toLowerCase()
    .replace(/\.\.\.|…/g, '')
    .replace(/[^\u0e00-\u0e4f\u0e5a-\u0e5ba-z]/g, '');
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of character bigrams, 0..1. */
export function nameSimilarity(a: string, b: string): number {
  const x = squash(a);
  const y = squash(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  // truncated texts ("ยกระดับการแพทย์และสุ...") and names quoted inside longer lines
  const shorter = x.length <= y.length ? x : y;
  const longer = x.length <= y.length ? y : x;
  if (shorter.length >= 8 && longer.includes(shorter)) return 0.95;
  const bx = bigrams(x);
  const by = bigrams(y);
  let common = 0;
  for (const [g, n] of bx) common += Math.min(n, by.get(g) ?? 0);
  return (2 * common) / (x.length - 1 + (y.length - 1));
}

/** Best issue by name, when it is clearly the one meant. */
export function issueByName(text: string, list: StrategyList, min = 0.55): string | undefined {
  let best: { code: string; sim: number } | undefined;
  let second = 0;
  for (const i of list.issues) {
    const sim = nameSimilarity(text, i.name);
    if (!best || sim > best.sim) {
      second = best?.sim ?? 0;
      best = { code: i.code, sim };
    } else if (sim > second) second = sim;
  }
  return best && best.sim >= min && best.sim - second >= 0.05 ? best.code : undefined;
}

const NUMBERED = [
  // ยุทธศาสตร์จังหวัดที่ 6, ประเด็นการพัฒนาที่ 2, ประเด็นยุทธศาสตร์ที่ 1, ยุทธศาสตร์การพัฒนาจังหวัดเชียงใหม่ที่ 3
  /(?:ประเด็น|ยุทธศาสตร์)[^\d]{0,40}?ที่\s*(\d+(?:\.\d+)?)/,
  // ประเด็น 2, ยุทธศาสตร์ 3, issue 2, strategy 4
  /(?:ประเด็น(?:การพัฒนา|ยุทธศาสตร์)?|ยุทธศาสตร์(?:จังหวัด)?|issue|strategy)\s*(?:no\.?\s*)?(\d+(?:\.\d+)?)/i,
  // "2", "2.", "2)", "2 การขับเคลื่อน…"
  /^(\d+(?:\.\d+)?)\.?(?:[)\s]|$)/,
];

/** "…จังหวัดเชียงใหม่ที่ 3 …" → { code: '3', rest: '…' }: the number of an issue named in a link line. */
export function numberedIssue(text: string): { code: string; rest: string } | undefined {
  const m = NUMBERED[0].exec(thaiToArabic(text));
  return m ? { code: m[1].replace(/\.$/, ''), rest: m.input.slice(m.index + m[0].length).replace(/^[\s.:)–-]+/, '') } : undefined;
}

/**
 * Resolve a declared link against the list: `{ code }` when it names an issue of the list,
 * `{ unknown }` (the number, or the text) when it names one the list does not have, undefined when
 * the text declares nothing.
 */
export function resolveDeclared(text: string | undefined | null, list: StrategyList): Declared | undefined {
  if (!text) return undefined;
  let t = clean(text);
  if (!t || /^[-–—.]+$/.test(t) || /^(ไม่ระบุ|ไม่มี|n\/?a)$/i.test(t)) return undefined;
  t = t.replace(/^[ก-ฮ]\.\s*/, ''); // ก.–จ. link-line letter
  // Lines about national plans are not provincial claims.
  if (/^(ยุทธศาสตร์ชาติ|แผนพัฒนาเศรษฐกิจ|sdgs|แผนแม่บท)/i.test(t)) return undefined;

  for (const re of NUMBERED) {
    const m = re.exec(t);
    if (!m) continue;
    const code = m[1].replace(/\.$/, '');
    if (list.issues.some((i) => i.code === code)) return { code };
    const rest = t.slice(m.index + m[0].length).replace(/^[\s.:)–-]+/, '');
    const byName = rest.length >= 6 ? issueByName(rest, list, 0.7) : undefined;
    if (byName) return { code: byName };
    return { unknown: /^\d+$/.test(code) ? Number(code) : code };
  }

  const name = t.replace(/^(ประเด็นการพัฒนา(?:จังหวัด)?|ประเด็นยุทธศาสตร์|ยุทธศาสตร์(?:จังหวัด)?)\s*[:：]?\s*/, '');
  if (!name) return undefined;
  const code = issueByName(name, list);
  return code ? { code } : { unknown: name };
}
