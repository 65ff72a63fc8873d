/**
 * Header words → fields (plan-forms.md "header words seen"). Column sets are never hard-coded:
 * a column is whatever its header says, over two or three merged header rows.
 */
import type { Field } from '../plan';
import { flatText, parseBEYear } from '../thai';

/** Most specific first: "ลำดับความสำคัญ" before "ลำดับ", "ปีงบประมาณ" before "งบประมาณ". */
const SYNONYMS: Array<[Field | 'budget', string[]]> = [
  // OnePlan's needs tables' own columns (consolidate/table.ts writes them; a re-run and the province read them back).
  ['countedSource', ['แหล่งที่นับยอด']],
  ['decision', ['ผลการพิจารณาของจังหวัด', 'ผลการพิจารณา']],
  ['counted', ['นับยอด', 'นับรวมยอด', 'นับในยอดรวม']],
  ['proposer', ['อปท./ผู้เสนอ', 'ผู้เสนอโครงการ', 'ผู้เสนอ', 'หน่วยงานที่เสนอ']],
  ['district', ['อำเภอ']],
  // The table's own level's rank (the district's; a province's table: the province's).
  ['sourcePriority', ['ลำดับความสำคัญของอำเภอ', 'ลำดับความสำคัญอำเภอ', 'ลำดับความสำคัญระดับอำเภอ', 'ลำดับความสำคัญของจังหวัด']],
  ['route', ['ส่งถึง', 'ผู้รับเรื่อง', 'ส่งต่อ']],
  ['officerNote', ['บันทึกของอำเภอ', 'บันทึกของจังหวัด']],
  ['priority', ['ลำดับความสำคัญ', 'ความสำคัญ']],
  [
    'agency',
    [
      'หน่วยงานที่จะขอประสาน',
      'หน่วยงานที่ขอประสาน',
      'หน่วยงานที่จะขอรับการสนับสนุน',
      'หน่วยงานที่ขอรับการสนับสนุน',
      'หน่วยงานที่ขอรับการสนับสนุนงบประมาณ',
      'หน่วยงานที่จะขอประสานงบประมาณ',
    ],
  ],
  ['unit', ['หน่วยงานที่รับผิดชอบหลัก', 'หน่วยงานรับผิดชอบหลัก', 'หน่วยงานที่รับผิดชอบ', 'หน่วยงานรับผิดชอบ', 'หน่วยดำเนินการ', 'หน่วยงานดำเนินการ', 'ผู้รับผิดชอบ']],
  ['year', ['ปีงบประมาณ', 'ปีที่ดำเนินการ', 'ปี พ.ศ.', 'ปีที่ขอ']],
  ['fund', ['แหล่งงบประมาณ', 'แหล่งงบ', 'แหล่งที่มาของงบประมาณ']],
  ['no', ['ลำดับที่', 'ลำดับ', 'ที่']],
  ['name', ['ชื่อโครงการ/กิจกรรม', 'แผนงาน/โครงการ', 'โครงการ/กิจกรรม', 'ชื่อโครงการ', 'โครงการ', 'แผนงาน/โครงการสำคัญ', 'แผนงาน/โครงการ/กิจกรรม']],
  ['objective', ['วัตถุประสงค์']],
  ['target', ['เป้าหมาย', 'ปริมาณงาน', 'เป้าหมาย/ปริมาณงาน', 'ผลผลิต']],
  ['kpi', ['ตัวชี้วัด']],
  ['result', ['ผลที่คาดว่าจะได้รับ', 'ผลที่คาดว่าจะได้']],
  ['village', ['หมู่ที่', 'หมู่บ้าน', 'ชุมชน', 'บ้าน']],
  ['tambon', ['ตำบล']],
  ['location', ['พื้นที่ดำเนินการ', 'สถานที่ดำเนินการ', 'พื้นที่', 'สถานที่', 'พิกัดทางภูมิศาสตร์', 'พิกัด']],
  ['class', ['ประเภทการดำเนินการ', 'การดำเนินการ', 'ประเภทโครงการ', 'ประเภท', 'วิธีดำเนินการ']],
  [
    'link',
    [
      'ความสอดคล้องกับยุทธศาสตร์จังหวัด',
      'ความสอดคล้องกับประเด็นการพัฒนา',
      'ประเด็นการพัฒนาจังหวัด',
      'ยุทธศาสตร์จังหวัด',
      'ยุทธศาสตร์การพัฒนาจังหวัด',
      'ประเด็นการพัฒนา',
    ],
  ],
  ['source', ['ที่มา', 'แหล่งที่มา', 'แหล่งข้อมูล']],
  ['note', ['หมายเหตุ']],
  ['budget', ['งบประมาณและที่ผ่านมา', 'งบประมาณ', 'จำนวนเงิน', 'วงเงิน']],
];

/** Header cell text → a comparable label: one line, no parenthesised notes, no spaces. */
export function headerLabel(text: string): string {
  return flatText(text)
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, '')
    .replace(/[:：.]$/, '');
}

/** Synonyms without spaces, computed once. */
const SYN_EXACT = new Map<string, Field | 'budget'>();
const SYN_PREFIX: Array<[string, Field | 'budget']> = [];
for (const [field, words] of SYNONYMS) {
  for (const w of words) {
    const ww = w.replace(/\s+/g, '');
    if (!SYN_EXACT.has(ww)) SYN_EXACT.set(ww, field);
  }
}
for (const [field, words] of SYNONYMS) {
  for (const w of words) {
    const ww = w.replace(/\s+/g, '');
    if (ww.length >= 3 && field !== 'no') SYN_PREFIX.push([ww, field]);
  }
}

const FIELD_CACHE = new Map<string, Field | 'budget' | null>();
const FIELD_CACHE_MAX = 20000;

/** Field named by a header text, or undefined. Whole-label match (or label starting with the synonym). */
export function fieldOf(text: string): Field | 'budget' | undefined {
  const hit = FIELD_CACHE.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const f = fieldOfLabel(headerLabel(text));
  // Short texts repeat (header words, "-", classification words); long ones are project texts.
  if (text.length <= 64) {
    if (FIELD_CACHE.size >= FIELD_CACHE_MAX) FIELD_CACHE.clear();
    FIELD_CACHE.set(text, f ?? null);
  }
  return f;
}

/** Field named by a header text word for word (no prefix match): what makes a row a header row. */
export function exactFieldOf(text: string): Field | 'budget' | undefined {
  return SYN_EXACT.get(headerLabel(text));
}

function fieldOfLabel(label: string): Field | 'budget' | undefined {
  if (label === '' || label.length > 40) return undefined;
  const exact = SYN_EXACT.get(label);
  if (exact) return exact;
  // "งบประมาณ(บาท)", "โครงการ/กิจกรรม": a longer label that starts with a synonym of 3+ letters.
  for (const [ww, field] of SYN_PREFIX) if (label.startsWith(ww)) return field;
  return undefined;
}

/** A header cell that is only a B.E. year ("2566", "พ.ศ. ๒๕๗๑", "ปี 2567", "2566 (บาท)"). */
export function yearOfHeader(text: string): number | undefined {
  const rest = flatText(text)
    .replace(/\([^)]*\)/g, '')
    .replace(/พ\.ศ\.?|(ปี)?งบประมาณ|ปี|บาท/g, '')
    .replace(/\s+/g, '');
  if (!/^\d{4}$/.test(rest)) return undefined;
  return parseBEYear(rest);
}

/** Header texts that only qualify the column above ("(บาท)", "(ผลผลิตของโครงการ)"). */
export function isHeaderNote(text: string): boolean {
  const t = flatText(text);
  return /^\(.*\)$/.test(t) || t === 'บาท';
}
