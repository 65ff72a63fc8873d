/**
 * iCalendar (RFC 5545) export: one all-day VEVENT per step (DTSTART = first day of the start month,
 * DTEND = first day after the end month, exclusive) and one per exact deadline. CRLF line ends,
 * lines folded at 75 octets without splitting a UTF-8 character, TEXT values escaped, UIDs
 * deterministic (same template, year and step → same UID, so re-importing updates the events).
 */
import type { BuiltCalendar, BuiltStep } from './build';
import { type ThaiDate, addDays, beToCe, digits, ymIndex } from './thai';

export interface IcsOptions {
  /** DTSTAMP; default now. Pass a fixed date for reproducible files. */
  now?: Date;
  /** Right-hand side of the UIDs. */
  uidDomain?: string;
  /** Calendar name (X-WR-CALNAME); default the first title line. */
  name?: string;
}

/** Escapes a TEXT value: backslash, semicolon, comma, newlines (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const utf8 = (s: string): number => new TextEncoder().encode(s).length;

/**
 * Folds a content line: no line longer than 75 octets (UTF-8), continuation lines start with one
 * space (which counts toward their 75). Never splits a character (code point).
 */
export function foldLine(line: string, limit = 75): string {
  if (utf8(line) <= limit) return line;
  const out: string[] = [];
  let cur = '';
  let curLen = 0;
  let max = limit;
  for (const ch of line) {
    const n = utf8(ch);
    if (curLen + n > max) {
      out.push(cur);
      cur = ' ';
      curLen = 1;
      max = limit;
    }
    cur += ch;
    curLen += n;
  }
  out.push(cur);
  return out.join('\r\n');
}

/** 'YYYYMMDD' (C.E.) of a B.E. date. */
function icsDate(d: ThaiDate): string {
  return `${beToCe(d.year)}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
}

function icsStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** FNV-1a 32-bit, hex: a short stable hash for UIDs. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function stepDescription(s: BuiltStep): string {
  return [
    s.detail,
    s.unit ? `หน่วยดำเนินการ: ${s.unit}` : '',
    `วัน/เดือน/ปี: ${s.label}`,
    s.deadline ? `ภายใน${s.deadline.text}` : '',
    s.note ? `หมายเหตุ: ${s.note}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function calendarIcs(cal: BuiltCalendar, opts: IcsOptions = {}): string {
  const domain = opts.uidDomain ?? 'oneplan.local';
  const stamp = icsStamp(opts.now ?? new Date());
  const name = opts.name ?? cal.titleLines.join(' ') ?? cal.templateName;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//OnePlan//Planning Calendar//TH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name || cal.templateName)}`,
  ];
  const uid = (s: BuiltStep, kind: string): string =>
    `oneplan-${fnv1a(cal.templateId)}-${cal.fiscalYear}-${s.no}-${kind}-${fnv1a(`${s.id}|${s.title}`)}@${domain}`;
  for (const s of cal.steps) {
    const start: ThaiDate = { ...s.startYm, day: 1 };
    const afterEnd = ymIndex(s.endYm) + 1;
    const end: ThaiDate = { year: Math.floor(afterEnd / 12), month: (afterEnd % 12) + 1, day: 1 };
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid(s, 'step')}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(start)}`,
      `DTEND;VALUE=DATE:${icsDate(end)}`,
      `SUMMARY:${escapeText(`${digits(s.no, cal.thaiDigits)}. ${s.title}`)}`,
      `DESCRIPTION:${escapeText(stepDescription(s))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
    if (s.deadline) {
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid(s, 'deadline')}`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${icsDate(s.deadline)}`,
        `DTEND;VALUE=DATE:${icsDate(addDays(s.deadline, 1))}`,
        `SUMMARY:${escapeText(`กำหนดส่ง: ${digits(s.no, cal.thaiDigits)}. ${s.title}`)}`,
        `DESCRIPTION:${escapeText(`ภายใน${s.deadline.text}\n${stepDescription(s)}`)}`,
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map((l) => foldLine(l)).join('\r\n') + '\r\n';
}
