import { BUILTIN_TEMPLATES, CalendarTemplateSchema, buildCalendar, calendarIcs, escapeText, foldLine } from '../../src/engine/calendar';

const NOW = new Date(Date.UTC(2025, 10, 20, 3, 4, 5));
const octets = (s: string): number => Buffer.byteLength(s, 'utf8');
/** RFC 5545 unfolding: CRLF followed by one space or tab is removed. */
const unfold = (s: string): string => s.replace(/\r\n[ \t]/g, '');

describe('ics', () => {
  test('escaping of TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  test('folding at 75 octets never splits a UTF-8 character', () => {
    const line = 'SUMMARY:' + 'แผนพัฒนาจังหวัดระยอง '.repeat(20);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
    expect(folded).not.toContain('\uFFFD');
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
    const ascii = foldLine('X'.repeat(200));
    expect(ascii.split('\r\n').map(octets)).toEqual([75, 75, 52]);
  });

  test('structure: CRLF, all-day events with exclusive DTEND, deterministic UIDs', () => {
    const cal = buildCalendar(BUILTIN_TEMPLATES.rayong, 2564, { thaiDigits: true, updatedOn: { year: 2562, month: 5, day: 10 } });
    const ics = calendarIcs(cal, { now: NOW });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of ics.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
    const lines = unfold(ics).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.find((l) => l.startsWith('PRODID:'))).toBeDefined();
    expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(12);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(12);
    // Step 1: Jan–Feb 2562 B.E. = 2019 C.E.; DTEND is 1 March (exclusive).
    const ev1 = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1);
    expect(ev1).toContain('DTSTART;VALUE=DATE:20190101');
    expect(ev1).toContain('DTEND;VALUE=DATE:20190301');
    expect(ev1).toContain('DTSTAMP:20251120T030405Z');
    expect(ev1.find((l) => l.startsWith('SUMMARY:'))).toBe('SUMMARY:๑. แผนชุมชน/แผนพัฒนาหมู่บ้าน/แผนพัฒนาท้องถิ่น');
    // Commas in the detail are escaped; newlines are \n.
    const desc = ev1.find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(desc).toContain('\\n');
    expect(desc).not.toMatch(/[^\\],/);
    // Step 12 (September): DTEND 1 October.
    expect(lines.filter((l) => l.startsWith('DTEND'))[11]).toBe('DTEND;VALUE=DATE:20191001');
    // UIDs: unique, and the same on a rebuild (re-import updates the events).
    const uids = lines.filter((l) => l.startsWith('UID:'));
    expect(new Set(uids).size).toBe(12);
    const again = unfold(calendarIcs(buildCalendar(BUILTIN_TEMPLATES.rayong, 2564, { thaiDigits: true }), { now: new Date() }));
    expect(again.split('\r\n').filter((l) => l.startsWith('UID:'))).toEqual(uids);
    // Another fiscal year → other UIDs.
    const other = unfold(calendarIcs(buildCalendar(BUILTIN_TEMPLATES.rayong, 2565), { now: NOW }));
    expect(other.split('\r\n').filter((l) => l.startsWith('UID:'))[0]).not.toBe(uids[0]);
  });

  test('a deadline becomes its own one-day event; December steps end in January', () => {
    const t = CalendarTemplateSchema.parse({
      id: 'd',
      name: 'd',
      steps: [{ id: 'a', title: 'ส่งโครงการ, ลำดับความสำคัญ; แผน\\ฯ', startMonth: 12, endMonth: 12, deadline: { month: 12, day: 31 } }],
    });
    const lines = unfold(calendarIcs(buildCalendar(t, 2571), { now: NOW })).split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('DTEND;VALUE=DATE:20270101'); // Dec 2569 B.E. = 2026 → 1 Jan 2027
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines.filter((l) => l === 'DTEND;VALUE=DATE:20270101')).toHaveLength(2);
    expect(lines).toContain('SUMMARY:1. ส่งโครงการ\\, ลำดับความสำคัญ\\; แผน\\\\ฯ');
  });
});
