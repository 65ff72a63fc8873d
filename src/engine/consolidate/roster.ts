/**
 * Who has not sent yet: the district's roster of tambons and อปท. against the files received. Names
 * match across the ways they are written: องค์การบริหารส่วนตำบลนาดี = อบต.นาดี = อบต. นาดี,
 * เทศบาลตำบลหนองบัว = ทต.หนองบัว, ตำบลนาดี = ต.นาดี. A sender is known by its sheets' organisation
 * lines and by its file name (the only name an unreadable file has).
 */
import type { WorkbookModel } from '../model';
import { flatText, INVISIBLE, thaiToArabic } from '../thai';
import { daysBetween, type ThaiDate } from '../calendar/thai';
import { sameDistrict } from '../places';
import type { SkippedFile } from './skipped';
import type { InputReport, SenderStatus, SendersReport } from './types';

/** Kind of body and its name: "อบต" + "นาดี". An empty type matches any kind ("นาดี" alone in a roster). */
export interface SenderKey {
  type: string;
  name: string;
}

/**
 * Full forms and abbreviations (with a dot, or a space after them) → one type; longer alternatives first.
 * A name never starts with another type ("แผนชุมชนระดับตำบล ตำบลหนองบัว" names หนองบัว).
 */
const TYPE_RE =
  /(องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร|เทศบาล|ตำบล|(?<![ก-๛])(?:อบต|อบจ|ทต|ทม|ทน)(?:\s*\.|\s+)|(?<![ก-๛])ต\s*\.)\s*(?!ตำบล|เทศบาล|องค์การ)([ก-๛]+)/g;
const TYPE_MAP = new Map<string, string>([
  ['องค์การบริหารส่วนตำบล', 'อบต'],
  ['องค์การบริหารส่วนจังหวัด', 'อบจ'],
  ['เทศบาลตำบล', 'ทต'],
  ['เทศบาลเมือง', 'ทม'],
  ['เทศบาลนคร', 'ทน'],
  ['เทศบาล', 'ท'],
  ['ตำบล', 'ต'],
]);

function clean(text: string): string {
  return thaiToArabic(flatText(text).normalize('NFC')).replace(INVISIBLE, '');
}

/** The name after the type, cut where the district / province / a village begins. */
function nameOf(raw: string): string {
  return raw.split(/อำเภอ|จังหวัด|หมู่ที่|ประจำปี|พ\.ศ/)[0];
}

/**
 * The sender a text names, or undefined. `atStart`: the type must open the text (a roster cell "1. อบต.นาดี");
 * otherwise it may be anywhere ("แผนพัฒนาตำบลนาดี", "2-อบต.นาดี.xlsx").
 */
export function senderKey(text: string, atStart = false): SenderKey | undefined {
  const s = clean(text).replace(/\.(xlsx|xls|csv)$/i, '');
  for (const m of s.matchAll(TYPE_RE)) {
    if (atStart && s.slice(0, m.index).replace(/^[\s\d.)\-–]*/, '') !== '') return undefined;
    const word = m[1].replace(/[.\s]/g, '');
    const type = TYPE_MAP.get(word) ?? word;
    const name = nameOf(m[2]);
    if (name.length >= 2) return { type, name };
  }
  return undefined;
}

/** How a printed table names a body: the abbreviation officials write, or the word for a tambon or a เทศบาล. */
const SHORT_TYPE: Record<string, string> = { ต: 'ตำบล', ท: 'เทศบาล' };

/**
 * The proposer's short form for a printed table: "เทศบาลตำบลหนองบัว อำเภอเมือง จังหวัด…" → "ทต.หนองบัว",
 * "องค์การบริหารส่วนตำบลนาดี" → "อบต.นาดี", "ตำบลนาดี อำเภอเมือง…" → "ตำบลนาดี". Another text is cut where
 * its district or province begins (the table's title names them).
 */
export function proposerShort(text: string): string {
  const k = senderKey(text);
  if (k) return SHORT_TYPE[k.type] ? `${SHORT_TYPE[k.type]}${k.name}` : `${k.type}.${k.name}`;
  return flatText(text)
    .split(/\s+(?=อำเภอ|จังหวัด|อ\.|จ\.)/)[0]
    .trim();
}

/** A roster entry written without a type ("นาดี"). */
export function bareKey(text: string): SenderKey | undefined {
  const s = clean(text)
    .replace(/^[\s\d.)\-–]*/, '')
    .replace(/\s+/g, '');
  return /^[ก-๛]{2,}$/.test(s) ? { type: '', name: s } : undefined;
}

/** A district as a province's roster or a needs table names it: "อำเภอปากเกร็ด", "อ.ปากเกร็ด" (type "อ"). */
export function districtKey(text: string): SenderKey | undefined {
  const m = /^[\s\d.)\-–]*(?:อำเภอ|อ\s*\.)\s*([ก-๛]{2,})/.exec(clean(text));
  return m && nameOf(m[1]).length >= 2 ? { type: 'อ', name: nameOf(m[1]) } : undefined;
}

function sameSender(roster: SenderKey, sender: SenderKey): boolean {
  if (roster.name !== sender.name)
    return sender.type === 'อ' && (roster.type === 'อ' || !roster.type) && sameDistrict(roster.name, sender.name); // "เมือง" of a table titled อำเภอเมือง is the roster's เมืองสุราษฎร์ธานี
  if (!roster.type || roster.type === sender.type) return true;
  // "เทศบาล…" without its level matches any เทศบาล.
  const muni = (t: string) => t === 'ท' || t === 'ทต' || t === 'ทม' || t === 'ทน';
  return (roster.type === 'ท' && muni(sender.type)) || (sender.type === 'ท' && muni(roster.type));
}

const HEADER_WORDS = /^(ที่|ลำดับ|ลำดับที่|ชื่อ|ชื่อหน่วยงาน|หน่วยงาน|อปท\.?|รายชื่อ.*|หมายเหตุ|name)$/i;

/**
 * The roster's names, in order: from each row, the first cell naming a tambon or อปท.; a roster
 * without such names (plain names, one a row) gives each row's first text cell. Title lines
 * ("รายชื่อ อปท. ในอำเภอเมือง") are left out.
 */
export function readRoster(wb: WorkbookModel): string[] {
  for (const sheet of wb.sheets) {
    const typed: string[] = [];
    const plain: string[] = [];
    for (const row of sheet.rows) {
      if (!row) continue;
      const texts = row.filter((c) => c && c.t === 's' && c.w.trim() !== '').map((c) => flatText(c!.w).trim());
      if (!texts.length || texts.some((t) => /^(รายชื่อ|บัญชีรายชื่อ|รายการ)/.test(t))) continue;
      const named = texts.find((t) => senderKey(t, true));
      if (named) typed.push(named);
      else {
        const first = texts.find((t) => !HEADER_WORDS.test(t.replace(/\s+/g, '')) && bareKey(t));
        if (first) plain.push(first);
      }
    }
    if (typed.length) return typed;
    if (plain.length) return plain;
  }
  return [];
}

/** What a sender's file gave: a plan sheet read, or why not. */
interface Sent {
  file: string;
  usable: boolean;
  why: string;
  whyEn: string;
  keys: SenderKey[];
}

function sentOf(inp: InputReport): Sent {
  const keys: SenderKey[] = [];
  const base = inp.file.split(/[\\/]/).pop() ?? inp.file;
  const fromFile = senderKey(base) ?? districtKey(base);
  if (fromFile) keys.push(fromFile);
  // A district's needs table, read by its province: the district it names.
  const district = inp.district ? districtKey(inp.district) : undefined;
  if (district) keys.push(district);
  for (const s of inp.sheets) {
    const k = s.organisation ? senderKey(s.organisation) : undefined;
    if (k) keys.push(k);
  }
  // Only a plan sheet read counts ('ok'); a file with no plan sheet ('skipped') is no plan received.
  const why = inp.error?.message ?? inp.note ?? 'ไม่พบชีตแผนที่มีรายการโครงการ';
  const whyEn = inp.error?.messageEn ?? inp.noteEn ?? 'No plan sheet with project rows';
  return { file: inp.file, usable: inp.status === 'ok', why, whyEn, keys };
}

/** A file the folder scan left out: only its name tells whose it is. */
function sentSkipped(f: SkippedFile): Sent | undefined {
  if (f.reason === 'folder' || f.reason === 'temp') return undefined;
  const base = f.file.split(/[\\/]/).pop() ?? f.file;
  const key = senderKey(base) ?? districtKey(base);
  return { file: f.file, usable: false, why: f.message, whyEn: f.messageEn, keys: key ? [key] : [] };
}

/** When plans are due and the day the run counts lateness on. */
export interface SendersDates {
  due?: ThaiDate;
  today: ThaiDate;
}

/**
 * Which roster entries sent a usable plan (a plan sheet of theirs was read), sent only something
 * unusable (with why: the reader's message, "no plan sheet", a Word document left out), or nothing;
 * with a due date, each entry carries it, and those without a usable plan how many days late they are.
 */
export function sendersOf(
  expected: readonly string[],
  inputs: readonly InputReport[],
  skipped: readonly SkippedFile[] = [],
  dates?: SendersDates,
): SendersReport {
  const sent = [...inputs.map(sentOf), ...skipped.flatMap((f) => sentSkipped(f) ?? [])];
  const out: SendersReport = { expected: [...expected], received: [], unreadable: [], missing: [], entries: [] };
  for (const name of expected) {
    const key = senderKey(name, true) ?? districtKey(name) ?? bareKey(name);
    const files = key ? sent.filter((s) => s.keys.some((k) => sameSender(key, k))) : [];
    const unusable = files.filter((f) => !f.usable);
    const status: SenderStatus = files.length > unusable.length ? 'received' : files.length ? 'unreadable' : 'missing';
    out[status].push(name);
    const entry: SendersReport['entries'][number] = { name, status, files: files.map((f) => f.file) };
    if (status === 'unreadable') {
      entry.reason = unusable.map((f) => f.why).join('; ');
      entry.reasonEn = unusable.map((f) => f.whyEn).join('; ');
    }
    if (dates?.due) {
      entry.due = dates.due;
      if (status !== 'received') entry.daysLate = Math.max(0, daysBetween(dates.due, dates.today));
    }
    out.entries.push(entry);
  }
  return out;
}
