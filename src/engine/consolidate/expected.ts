/**
 * Who must send, without typing a roster: a district's tambons ("ตำบล<name>") or a province's districts
 * ("อำเภอ<name>") from the official gazetteer (places/), with the names the officer adds (อปท., agencies);
 * and when they must send by: the date given, else the calendar template's step for that level's sending.
 * Shared by the CLI (--district/--province, --due) and the pane's district settings.
 */
// The modules themselves, not the calendar's barrel (its schemas would load zod with every consolidation).
import { builtinTemplate } from '../calendar/templates';
import { buildCalendar } from '../calendar/build';
import { daysInMonth, type ThaiDate } from '../calendar/thai';
import { bareProvinceName, codesNamed, districtsOf, placeName, placeOf, suggest, tambonsOf, type KnownPlace } from '../places';
import { bareKey, districtKey, senderKey } from './roster';

/** Who sends to the run: a district's tambons (and อปท.), or a province's districts. */
export type SenderLevel = 'tambon' | 'district';

export type ExpectedSenders =
  | { ok: true; level: SenderLevel; names: string[]; place: { province: string; district?: string } }
  | { ok: false; message: string; messageEn: string; suggestions: string[] };

const bareDistrict = (s: string): string => s.trim().replace(/^(อำเภอ|อ\.|เขต)\s*/, '');

/** "อำเภอปากเกร็ด จังหวัดนนทบุรี": how a suggestion names a district anywhere in the country. */
const districtInProvince = (p: KnownPlace): string => `อำเภอ${p.name} จังหวัด${placeName(p.code.slice(0, 2))}`;

const LEVEL_EN = { อำเภอ: 'district', จังหวัด: 'province' } as const;

/** A name the gazetteer lacks (with the nearest ones), or a district name it has in several provinces. */
function notFound(what: keyof typeof LEVEL_EN, name: string, suggestions: string[], ambiguous = false): ExpectedSenders {
  const list = suggestions.join(', ');
  if (ambiguous)
    return {
      ok: false,
      message: `มี${what}ชื่อ "${name}" มากกว่าหนึ่งแห่ง: ระบุจังหวัดด้วย (${list})`,
      messageEn: `more than one ${LEVEL_EN[what]} is named "${name}": give the province too (${list})`,
      suggestions,
    };
  return {
    ok: false,
    message: `ไม่พบ${what} "${name}" ในทำเนียบพื้นที่ของกรมการปกครอง${list ? ` ใกล้เคียง: ${list}` : ''}`,
    messageEn: `no ${LEVEL_EN[what]} "${name}" in the official gazetteer${list ? `; did you mean: ${list}` : ''}`,
    suggestions,
  };
}

/**
 * The senders expected by a run: with a district, its tambons; with a province alone (a province's roll-up),
 * its districts; then `extra` (a roster), leaving out names that are already on the list. Undefined when
 * the run names no place; an unknown or ambiguous name, with the nearest known ones.
 */
export function expectedSenders(run: { district?: string; province?: string }, extra: readonly string[] = []): ExpectedSenders | undefined {
  const d = run.district ? bareDistrict(run.district) : '';
  const p = run.province ? bareProvinceName(run.province) : '';
  if (!d && !p) return undefined;
  const provinces = p ? codesNamed(p, 'province') : [];
  if (p && provinces.length !== 1)
    return notFound(
      'จังหวัด',
      p,
      suggest(p, 'province').map((x) => `จังหวัด${x.name}`),
    );
  const province = provinces[0] as string | undefined;
  if (!d)
    return withExtra(
      'district',
      { province: province! },
      districtsOf(province!).map((x) => `อำเภอ${x.name}`),
      extra,
    );
  const within = province ? { province } : undefined;
  const codes = codesNamed(d, 'district', within);
  if (codes.length > 1)
    return notFound(
      'อำเภอ',
      d,
      codes.map((c) => districtInProvince({ code: c, name: placeName(c)! })),
      true,
    );
  if (!codes.length)
    return notFound(
      'อำเภอ',
      d,
      suggest(d, 'district', within).map((x) => (province ? `อำเภอ${x.name}` : districtInProvince(x))),
    );
  const place = { province: codes[0].slice(0, 2), district: codes[0] };
  return withExtra(
    'tambon',
    place,
    tambonsOf(codes[0]).map((t) => `ตำบล${t.name}`),
    extra,
  );
}

/** The gazetteer's names, then the officer's that are not the same body (ต.บางตลาด = ตำบลบางตลาด). */
function withExtra(
  level: SenderLevel,
  place: { province: string; district?: string },
  names: string[],
  extra: readonly string[],
): ExpectedSenders {
  const keyOf = (n: string) => senderKey(n, true) ?? districtKey(n) ?? bareKey(n);
  const listed = new Set(names.map((n) => keyOf(n)!.name));
  // A province's district as the gazetteer names it: "อ.เมือง" there is its capital, เมือง<province>.
  const named = (name: string): string =>
    level === 'district' ? (placeName(placeOf({ district: name }, place).district ?? '') ?? name) : name;
  const same = (n: string): boolean => {
    const k = keyOf(n);
    // "บางตลาด" alone, or written with this level's word, is the gazetteer's.
    return !!k && listed.has(named(k.name)) && (k.type === '' || k.type === (level === 'tambon' ? 'ต' : 'อ'));
  };
  return { ok: true, level, place, names: [...names, ...extra.filter((n) => !same(n))] };
}

/** Which calendar step is a level's sending: its title or note says it sends to the level above. */
const SENDS_TO: Record<SenderLevel, RegExp> = { tambon: /ส่ง.*(ไปยัง|ให้)อำเภอ/, district: /^อำเภอส่ง.*(ไปยัง|ให้)จังหวัด/ };

/**
 * The due date of a level's plans from the calendar (กระทรวงมหาดไทย template) for the cycle running in
 * `today`'s year: the step's deadline, else the last day of its end month. The cycle's steps run from
 * January to October, so in November and December the officer is already gathering the next year's:
 * its dates are the ones due. Undefined unless exactly one step is that level's sending.
 */
export function calendarDue(level: SenderLevel, today: ThaiDate): ThaiDate | undefined {
  const template = builtinTemplate('dopa');
  const cycle = today.month >= 11 ? today.year + 1 : today.year;
  const cal = buildCalendar(template, cycle - template.yearOffset, { updatedOn: today });
  const steps = cal.steps.filter((s) => SENDS_TO[level].test(s.title) || SENDS_TO[level].test(s.note));
  if (steps.length !== 1) return undefined;
  const s = steps[0];
  if (s.deadline) return { year: s.deadline.year, month: s.deadline.month, day: s.deadline.day };
  return { ...s.endYm, day: daysInMonth(s.endYm.year, s.endYm.month) };
}
