/**
 * How officers classify a project (a classification column or a section row "3. โครงการที่ขอรับการ
 * สนับสนุน…"), and where a need goes (its route). One rule for columns and section rows; the word
 * lists are a setting (CLI --class-words, the pane's settings), these are the defaults.
 *
 * Routes, from the seed letters (One Plan process notes, "what the district must meet"):
 *   pao      beyond the อปท.'s capacity → provincial local-plan coordination committee → อบจ.
 *   agency   a government agency's duty → the district works with that agency (named)
 *   province to ก.บ.จ. for the provincial plan and its annual action plan
 */
import { normaliseThai } from './normalise';

export const ROUTES = ['pao', 'agency', 'province'] as const;
export type Route = (typeof ROUTES)[number];

/** What a classification says: beyond capacity, an agency's duty, a request for support; null: none of these. */
export type ClassKind = 'pao' | 'agency' | 'support';

export interface ClassWords {
  /** Beyond the อปท.'s capacity. */
  pao: string[];
  /** To coordinate with a government agency. */
  agency: string[];
  /** Asking for outside support (route from the agency column). */
  support: string[];
}

export const DEFAULT_CLASS_WORDS: ClassWords = {
  pao: ['เกินศักยภาพ', 'เกินขีดความสามารถ', 'เกินขีดความสามารถของ อปท.', 'เกินศักยภาพของ อปท.'],
  agency: ['ประสานส่วนราชการ', 'ประสานหน่วยงาน', 'ประสานโครงการ', 'ภารกิจส่วนราชการ'],
  support: ['ขอรับการสนับสนุน', 'ขอรับสนับสนุน', 'ขอสนับสนุน'],
};

/** A partial setting filled from the defaults (an empty list is kept: the officer switched it off). */
export function classWordsOf(w: Partial<ClassWords> | undefined): ClassWords {
  return {
    pao: w?.pao ?? DEFAULT_CLASS_WORDS.pao,
    agency: w?.agency ?? DEFAULT_CLASS_WORDS.agency,
    support: w?.support ?? DEFAULT_CLASS_WORDS.support,
  };
}

/** Text → comparable: normalised (อปท./ส่วนราชการ spellings, Thai digits), no spaces. */
const squash = (s: string): string => normaliseThai(s).replace(/ /g, '');

interface Compiled {
  lists: Array<[ClassKind, string[]]>;
  said: Map<string, ClassKind | null>;
}
const COMPILED = new WeakMap<ClassWords, Compiled>();

function compiled(words: ClassWords): Compiled {
  let c = COMPILED.get(words);
  if (!c) {
    const norm = (l: string[]) => [...new Set(l.map(squash).filter(Boolean))];
    // Most specific first: "ประสานส่วนราชการ" before a support word it may contain.
    c = {
      lists: [
        ['pao', norm(words.pao)],
        ['agency', norm(words.agency)],
        ['support', norm(words.support)],
      ],
      said: new Map(),
    };
    COMPILED.set(words, c);
  }
  return c;
}

/** Does `text` hold `w`, not negated ("ไม่เกินศักยภาพ")? */
function holds(text: string, w: string): boolean {
  for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1))
    if (!text.slice(Math.max(0, at - 3), at).endsWith('ไม่')) return true;
  return false;
}

/** What a classification text says (column cell or section row), or null. Memoised per text. */
export function classify(text: string | undefined, words: ClassWords = DEFAULT_CLASS_WORDS): ClassKind | null {
  const key = text ?? '';
  if (!key.trim()) return null;
  const c = compiled(words);
  const hit = c.said.get(key);
  if (hit !== undefined) return hit;
  const n = squash(key);
  let v: ClassKind | null = null;
  for (const [kind, list] of c.lists)
    if (list.some((w) => holds(n, w))) {
      v = kind;
      break;
    }
  if (c.said.size >= 10000) c.said.clear();
  c.said.set(key, v);
  return v;
}

/** Words that make a row a classification section row, whatever the lists say (own / joint work too). */
export const SECTION_WORDS =
  /ขอรับ(การ)?สนับสนุน|ขอสนับสนุน|เกินศักย|เกินขีดความสามารถ|ดำเนินการเอง|ดำเนินการร่วม|ประสานโครงการ|ประสานส่วนราชการ|ประสานหน่วยงาน/;

/** The provincial administrative organisation (อบจ.) named in an agency cell. */
const PAO = /อบจ|องค์การบริหารส่วนจังหวัด/;
/** An agency cell naming a local or community body, or nothing: not a government agency to coordinate with. */
const NOT_AGENCY = /^(?:-+|–|ไม่มี|อบต|ทต|ทม|ทน|เทศบาล|องค์การบริหารส่วนตำบล|อปท|คณะกรรมการ|ชุมชน|หมู่บ้าน|กม\.?|ประชาชน|กอง|สำนักปลัด|งาน)/;

/**
 * The default route of a need: the agency column naming the อบจ. → pao; classed as an agency's duty, or
 * naming a government agency → agency; beyond the อปท.'s capacity (by its class or its ผ.02/2 sheet) →
 * pao; else → province. The officer changes any of them.
 */
export function defaultRoute(kind: ClassKind | null, agency: string, beyondSheet: boolean): Route {
  const a = normaliseThai(agency).trim();
  if (PAO.test(a)) return 'pao';
  if (kind === 'agency') return 'agency';
  if (a && !NOT_AGENCY.test(a)) return 'agency';
  if (kind === 'pao' || beyondSheet) return 'pao';
  return 'province';
}

/** Route labels as written in the needs table (Thai) and shown in English. */
export const ROUTE_LABEL: Record<Route, { th: string; en: string }> = {
  pao: { th: 'อบจ. (เกินขีดความสามารถของ อปท.)', en: 'PAO (beyond the local authority)' },
  agency: { th: 'ส่วนราชการ/หน่วยงาน', en: 'Government agency' },
  province: { th: 'จังหวัด (ก.บ.จ.)', en: 'Province (PDC)' },
};

/** A route as the officer may type it back into the table ("อบจ.", "ส่วนราชการ", "จังหวัด", "agency"…), or null. */
export function parseRoute(text: string | undefined): Route | null {
  const t = (text ?? '').trim().toLowerCase();
  if (!t) return null;
  if ((ROUTES as readonly string[]).includes(t)) return t as Route;
  if (/อบจ|องค์การบริหารส่วนจังหวัด|เกินขีด|เกินศักย|ประสานแผนพัฒนาท้องถิ่น|^pao/.test(t)) return 'pao';
  if (/ส่วนราชการ|หน่วยงาน|กรม|agency/.test(t)) return 'agency';
  if (/จังหวัด|ก\.?บ\.?จ|province/.test(t)) return 'province';
  return null;
}
