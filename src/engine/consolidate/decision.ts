/**
 * The province's decision on a need (ผลการพิจารณาของจังหวัด), as its officer types it in the province's
 * needs table: read leniently into a typed decision, the text as written kept (it is written back as
 * is: nothing the officer wrote is rewritten).
 */
import { flatText } from '../thai';
import { parseAmountText } from '../values';

export const DECISION_KINDS = ['provincial-plan', 'annual-plan', 'agency', 'pao', 'funded', 'not-funded', 'note'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface ProvinceDecision {
  /** 'note': free text only (no decision word recognised). */
  kind: DecisionKind;
  /** ส่งส่วนราชการ <name>: the agency named. */
  agency?: string;
  /** ได้รับงบประมาณ <amount> ปี <year>: baht, and the B.E. fiscal year. */
  amount?: number;
  year?: number;
  /** What the officer wrote beyond the decision words ('' when nothing). */
  note: string;
  /** The cell as written. */
  text: string;
}

/** The decision words, in the order tried: "ไม่ได้รับ" before "ได้รับ", the action plan before the development plan. */
const RULES: Array<[DecisionKind, RegExp]> = [
  ['not-funded', /ไม่ได้รับ(?:การจัดสรร)?(?:งบประมาณ)?/],
  ['funded', /ได้รับ(?:การจัดสรร)?งบ(?:ประมาณ)?/],
  ['annual-plan', /(?:บรรจุ(?:ใน|เข้า)?)?\s*แผนปฏิบัติ(?:ราชการ)?(?:ประจำปี)?(?:ของจังหวัด)?/],
  ['provincial-plan', /(?:บรรจุ(?:ใน|เข้า)?)?\s*แผนพัฒนาจังหวัด/],
  ['pao', /(?:อบจ\.?|องค์การบริหารส่วนจังหวัด)\s*(?:รับ)?(?:พิจารณา|ดำเนินการ)?/],
  // "ส่งส่วนราชการ …", "ส่งให้หน่วยงาน …", or a line that starts "ส่งต่อ …" / "ส่ง …" and names the agency.
  ['agency', /ส่ง(?:ให้|ต่อ(?:ให้)?)?\s*(?:ส่วนราชการ|หน่วยงาน)|^ส่ง(?:ให้|ต่อ(?:ให้)?)?\s*(?=\S)/],
];

/** "ได้รับงบประมาณ ๕๐๐,๐๐๐ บาท ปี ๒๕๖๙ (งบจังหวัด)" → { kind: 'funded', amount: 500000, year: 2569, note: '(งบจังหวัด)' }; undefined when blank. */
export function parseDecision(raw: string | undefined): ProvinceDecision | undefined {
  const text = (raw ?? '').trim();
  const flat = flatText(text);
  if (!flat || /^[-–—]+$/.test(flat)) return undefined;
  for (const [kind, re] of RULES) {
    const m = re.exec(flat);
    if (!m) continue;
    let rest = (flat.slice(0, m.index) + ' ' + flat.slice(m.index + m[0].length)).trim();
    const d: ProvinceDecision = { kind, note: '', text };
    if (kind === 'funded') {
      // "ปี 2569" / "ปีงบประมาณ 2569" / "พ.ศ. 2569", then the amount: the first number left.
      const y = /(?:ปี(?:งบประมาณ)?|พ\.ศ\.)\s*(25\d\d|26\d\d)/.exec(rest);
      if (y) {
        d.year = parseInt(y[1], 10);
        rest = rest.replace(y[0], ' ');
      }
      const a = /(?:จำนวน|เป็นเงิน)?\s*(\d[\d,]*(?:\.\d+)?)\s*(?:บาท|บ\.)?/.exec(rest);
      const amount = a ? parseAmountText(a[1]) : undefined;
      if (a && amount?.kind === 'number') {
        d.amount = amount.value;
        rest = rest.replace(a[0], ' ');
      }
    }
    if (kind === 'agency') {
      // The agency is the rest of its line, up to a bracket or a dash note.
      const ag = /^([^()\-–:;]+)/.exec(rest);
      if (ag?.[1].trim()) {
        d.agency = ag[1].trim();
        rest = rest.slice(ag[0].length);
      }
    }
    d.note = tidyNote(rest);
    return d;
  }
  return { kind: 'note', note: flat, text };
}

function tidyNote(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:\-–/]+|[\s,;:\-–/]+$/g, '')
    .trim();
}
