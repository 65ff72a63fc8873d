/**
 * The district's settings of the Consolidate tab, remembered per workbook (host settings): the district's
 * name (and its province's, to tell "อำเภอเมือง" apart), the names added to the gazetteer's tambons (who is
 * expected to send), the ก.บ.อ. approval, and the classification word lists.
 * Kept as the officer typed them; turned into engine options when a run starts.
 */
import { expectedSenders, type Approval, type ClassWords, type ConsolidateOptions, type ExpectedSenders } from '../../engine/consolidate';
import { DEFAULT_CLASS_WORDS } from '../../engine/classification';
import { parseThaiDate } from '../../engine/calendar/thai';
import { thaiToArabic } from '../../engine/thai';
import type { Host } from '../host/host';

export const DISTRICT_SETTING_KEY = 'oneplan.consolidate.district';

export interface DistrictSettings {
  district: string;
  /** The province: places the district ("อำเภอเมือง"); alone, the province's roll-up (its districts send). */
  province: string;
  /** One name a line: added to the gazetteer's tambons of the district (อปท., agencies). */
  roster: string;
  meeting: string;
  /** As typed: "15/5/2568", "15 พฤษภาคม 2568". */
  date: string;
  /** Comma-separated; '' = the defaults. */
  pao: string;
  agency: string;
  support: string;
}

export const EMPTY_DISTRICT: DistrictSettings = {
  district: '',
  province: '',
  roster: '',
  meeting: '',
  date: '',
  pao: '',
  agency: '',
  support: '',
};

/** The default lists, shown as placeholders. */
export const DEFAULT_WORDS_TEXT: Record<keyof ClassWords, string> = {
  pao: DEFAULT_CLASS_WORDS.pao.join(', '),
  agency: DEFAULT_CLASS_WORDS.agency.join(', '),
  support: DEFAULT_CLASS_WORDS.support.join(', '),
};

export async function loadDistrictSettings(host: Host): Promise<DistrictSettings> {
  try {
    const raw = await host.getSetting(DISTRICT_SETTING_KEY);
    const v = raw ? (JSON.parse(raw) as Partial<DistrictSettings>) : {};
    const out = { ...EMPTY_DISTRICT };
    for (const k of Object.keys(out) as Array<keyof DistrictSettings>) if (typeof v[k] === 'string') out[k] = v[k] as string;
    return out;
  } catch {
    return { ...EMPTY_DISTRICT };
  }
}

export function saveDistrictSettings(host: Host, s: DistrictSettings): void {
  host.setSetting(DISTRICT_SETTING_KEY, JSON.stringify(s)).catch(() => undefined);
}

/** The approval when both fields are filled and the date reads; else undefined (`approvalError` says why). */
export function approvalOf(s: DistrictSettings): Approval | undefined {
  const date = s.date.trim() ? parseThaiDate(s.date) : undefined;
  const meeting = thaiToArabic(s.meeting).replace(/\s+/g, '');
  return meeting && date ? { meeting, date } : undefined;
}

/** 'date' when a date is typed but does not read, 'half' when only one of the two is filled. */
export function approvalError(s: DistrictSettings): 'date' | 'half' | undefined {
  if (s.date.trim() && !parseThaiDate(s.date)) return 'date';
  if (!s.meeting.trim() !== !s.date.trim()) return 'half';
  return undefined;
}

const list = (text: string): string[] | undefined => {
  const l = text
    .split(/[,;|\n]/)
    .map((w) => w.trim())
    .filter(Boolean);
  return l.length ? l : undefined;
};

/** The roster's names, one a line (numbering and blank lines dropped). */
export function rosterNames(s: DistrictSettings): string[] {
  return s.roster
    .split('\n')
    .map((l) => l.replace(/^\s*[\d๐-๙]+[.)]?\s+/, '').trim())
    .filter(Boolean);
}

/** Who must send as the CLI finds them: the gazetteer's tambons (or districts) and the roster's names. */
export function placeSenders(s: DistrictSettings): ExpectedSenders | undefined {
  return expectedSenders({ district: s.district, province: s.province }, rosterNames(s));
}

/** Engine options of the settings (the issue list and the previous table are added by the caller). */
export function districtOptions(
  s: DistrictSettings,
): Pick<ConsolidateOptions, 'district' | 'province' | 'expected' | 'approval' | 'classWords'> {
  const classWords: Partial<ClassWords> = {};
  for (const k of ['pao', 'agency', 'support'] as const) {
    const l = list(s[k]);
    if (l) classWords[k] = l;
  }
  // A name the gazetteer does not know (the field says so) leaves the typed names alone.
  const place = placeSenders(s);
  const expected = place?.ok ? place.names : rosterNames(s);
  return {
    ...(s.district.trim() ? { district: s.district.trim() } : {}),
    ...(s.province.trim() ? { province: s.province.trim() } : {}),
    ...(expected.length ? { expected } : {}),
    ...(approvalOf(s) ? { approval: approvalOf(s) } : {}),
    ...(Object.keys(classWords).length ? { classWords } : {}),
  };
}
