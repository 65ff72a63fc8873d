/**
 * The gazetteer and place reading: names read whole (บ้าน…, ท่า…, หนอง…, นา…), resolved to DOPA codes in
 * their context, ambiguity left uncoded, misspellings answered with the near names. Real names from
 * จังหวัดนนทบุรี: ตำบลบ้านใหม่ is a tambon of both อำเภอปากเกร็ด (120603) and อำเภอบางใหญ่ (120306).
 */
import { extractLocation, parseTambon, parseVillage } from '../../src/engine/places';
import {
  codesNamed,
  findPlaces,
  fullDistrictName,
  oneDistrict,
  placeName,
  placeOf,
  sameDistrict,
  suggest,
  tambonsOf,
  districtsOf,
} from '../../src/engine/places';
import { GAZETTEER_DATA, GAZETTEER_SOURCE } from '../../src/engine/places/gazetteer-data';
import { _build, isPlaceName, longestName } from '../../src/engine/places/gazetteer';
import { nameAtStart, readName } from '../../src/engine/places/read';
import { normaliseThai } from '../../src/engine/normalise';
import { readXlsx } from '../../src/xlsx/read';
import { districtFile } from '../../bench/gen';
import { REAL_SAMPLE } from '../samples';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

test('the gazetteer holds the country: 77 provinces, their districts and tambons, with the source recorded', () => {
  expect(districtsOf('12').map((d) => d.name)).toEqual(['เมืองนนทบุรี', 'บางกรวย', 'บางใหญ่', 'บางบัวทอง', 'ไทรน้อย', 'ปากเกร็ด']);
  expect(tambonsOf('1206')).toHaveLength(12);
  expect(tambonsOf('1206')).toContainEqual({ code: '120603', name: 'บ้านใหม่' });
  expect(placeName('12')).toBe('นนทบุรี');
  expect(placeName('60')).toBe('นครสวรรค์');
  expect(placeName('999999')).toBeUndefined();
  let provinces = 0;
  for (let p = 10; p < 100; p++) if (placeName(String(p))) provinces++;
  expect(provinces).toBe(77);
  expect(GAZETTEER_SOURCE).toMatchObject({ repository: 'kongvut/thai-province-data', licence: 'MIT' });
  expect(GAZETTEER_SOURCE.commit).toMatch(/^[0-9a-f]{40}$/);
});

test.each([
  ['ตำบลบ้านใหม่ อำเภอทุ่งทอง', 'บ้านใหม่', 'ทุ่งทอง'],
  ['องค์การบริหารส่วนตำบลท่าอิฐ', 'ท่าอิฐ', undefined],
  ['อบต.บ้านใหม่ อ.ปากเกร็ด จ.นนทบุรี', 'บ้านใหม่', 'ปากเกร็ด'],
  ['ทต.หนองบัว', 'หนองบัว', undefined],
  ['เทศบาลตำบลนาดีบ้านนา', 'นาดี', undefined],
  ['ต.บ้านใหม่ หมู่ที่ ๒ บ้านใหม่', 'บ้านใหม่', undefined],
  ['ขุดลอกลำเหมือง ม.2 ต.ท่าอิฐอำเภอปากเกร็ด', 'ท่าอิฐ', 'ปากเกร็ด'],
  // Not in the gazetteer: read whole all the same, up to the next level word or village.
  ['ตำบลบ้านสวนผึ้งงาม อำเภอทุ่งทอง', 'บ้านสวนผึ้งงาม', 'ทุ่งทอง'],
  ['ตำบลหนองน้ำใสบ้านดอน', 'หนองน้ำใส', undefined],
  // A health station (รพ.สต.) names no tambon.
  ['ก่อสร้างอาคาร รพ.สต.บ้านหนองบัว', undefined, undefined],
])('%s: tambon %s, district %s', (text, tambon, amphoe) => {
  const loc = extractLocation(text);
  expect(loc.tambon).toBe(tambon);
  expect(loc.amphoe).toBe(amphoe);
});

test('a tambon cell is read whole, with or without its level word', () => {
  expect(parseTambon('บ้านใหม่')).toBe('บ้านใหม่');
  expect(parseTambon('ต.บ้านใหม่')).toBe('บ้านใหม่');
  expect(parseTambon('ท่า อิฐ')).toBe('ท่าอิฐ');
  expect(parseTambon('หมู่ที่ 3')).toBeUndefined();
});

test('the same tambon name in two districts stays two places; without its district it is not guessed', () => {
  expect(findPlaces('ตำบลบ้านใหม่ อำเภอปากเกร็ด จังหวัดนนทบุรี')).toEqual({ province: '12', district: '1206', tambon: '120603' });
  expect(findPlaces('ตำบลบ้านใหม่ อำเภอบางใหญ่ จังหวัดนนทบุรี')).toEqual({ province: '12', district: '1203', tambon: '120306' });
  // Both are in นนทบุรี: the province alone does not tell them apart.
  expect(findPlaces('ตำบลบ้านใหม่ จังหวัดนนทบุรี')).toEqual({ province: '12' });
  expect(findPlaces('ตำบลบ้านใหม่')).toEqual({});
  expect(codesNamed('บ้านใหม่', 'tambon').length).toBeGreaterThan(10);
  // The run's district (--district) is the context of a file that names none.
  expect(findPlaces('อบต.บ้านใหม่', { province: '12', district: '1203' })).toEqual({ province: '12', district: '1203', tambon: '120306' });
  // The file's own names win over the context.
  expect(findPlaces('ตำบลบ้านใหม่ อำเภอปากเกร็ด', { province: '12', district: '1203' }).tambon).toBe('120603');
});

test('a tambon fills its district and province when it is the only one of its name in the context', () => {
  expect(findPlaces('ตำบลเกาะเกร็ด จังหวัดนนทบุรี')).toEqual({ province: '12', district: '1206', tambon: '120608' });
  expect(placeOf({ tambon: 'คลองพระอุดม' }, { province: '12' })).toEqual({ province: '12', district: '1206', tambon: '120606' });
  // "อำเภอเมือง" is the province's capital district.
  expect(findPlaces('อำเภอเมือง จังหวัดนนทบุรี')).toEqual({ province: '12', district: '1201' });
  expect(findPlaces('อำเภอเมือง')).toEqual({});
  // A district the gazetteer does not know: its tambons are not guessed elsewhere.
  expect(findPlaces('ตำบลเกาะเกร็ด อำเภอทุ่งทอง จังหวัดนนทบุรี')).toEqual({ province: '12' });
});

test('every place of one shape: its three keys always, in one order; as JSON only the known ones, as before', () => {
  const places = [
    placeOf({ tambon: 'คลองพระอุดม' }, { province: '12' }),
    placeOf({ district: 'ปากเกร็ด' }),
    placeOf({}, { province: '12' }),
    placeOf({}),
  ];
  for (const p of places) expect(Object.keys(p)).toEqual(['tambon', 'district', 'province']);
  expect(places.map((p) => JSON.stringify(p))).toEqual([
    '{"tambon":"120606","district":"1206","province":"12"}',
    '{"district":"1206","province":"12"}',
    '{"province":"12"}',
    '{}',
  ]);
});

test('a misspelt tambon gets the near names of its district', () => {
  expect(suggest('บ้านไหม่', 'tambon', { district: '1206' })).toEqual([{ code: '120603', name: 'บ้านใหม่' }]);
  expect(suggest('คลองพระอุดน', 'tambon', { district: '1206' })).toEqual([{ code: '120606', name: 'คลองพระอุดม' }]);
  // A known name, or one far from all of the district's: nothing to suggest.
  expect(suggest('บ้านใหม่', 'tambon', { district: '1206' })).toEqual([]);
  expect(suggest('หนองบัวแดง', 'tambon', { district: '1206' })).toEqual([]);
  expect(suggest('นนทบูรี', 'province')).toEqual([{ code: '12', name: 'นนทบุรี' }]);
});

describe('one district by the gazetteer', () => {
  test('"อำเภอเมือง", "อ.เมือง", "เมือง" in a province are its capital; elsewhere no one district', () => {
    for (const name of ['อำเภอเมือง', 'อ.เมือง', 'อ. เมือง', 'เมือง']) {
      expect(oneDistrict(name, { province: '60' })).toBe('6001');
      expect(fullDistrictName(name, { province: '60' })).toBe('อำเภอเมืองนครสวรรค์');
    }
    expect(oneDistrict('อ.เมือง')).toBeUndefined();
    expect(fullDistrictName('อ.เมือง')).toBe('อ.เมือง');
    expect(fullDistrictName('ชุมแสง')).toBe('อำเภอชุมแสง');
    expect(fullDistrictName('เขตบางรัก')).toBe('เขตบางรัก');
    // A name the gazetteer lacks is written as it was.
    expect(fullDistrictName('อำเภอไม่มีจริง', { province: '60' })).toBe('อำเภอไม่มีจริง');
  });
  test('sameDistrict: the short and the whole name of one capital; two capitals are not one', () => {
    expect(sameDistrict('อ.เมือง', 'อำเภอเมืองสุราษฎร์ธานี')).toBe(true);
    expect(sameDistrict('อ.เมือง', 'อำเภอเมืองสุราษฎร์ธานี', { province: '84' })).toBe(true);
    expect(sameDistrict('อ.เมือง', 'อำเภอเมืองสุราษฎร์ธานี', { province: '60' })).toBe(false);
    expect(sameDistrict('อำเภอเมืองนครสวรรค์', 'อำเภอเมืองสุราษฎร์ธานี')).toBe(false);
    expect(sameDistrict('อำเภอพุนพิน', 'อ.เมือง', { province: '84' })).toBe(false);
  });
});

test('readName: the first name of each level as reading every marker match in turn (real and generated cells)', () => {
  // readName skips texts without the level word and walks the matches with exec; the reference walks matchAll.
  const MARKERS = {
    tambon: /(?<!สุขภาพ)ตำบล ?(?=([ก-๛]+))/g,
    district: /อำเภอ ?(?=([ก-๛]+))/g,
    province: /จังหวัด ?(?=([ก-๛]+))/g,
  } as const;
  const reference = (s: string, level: keyof typeof MARKERS): string | undefined => {
    for (const m of s.matchAll(MARKERS[level])) {
      const name = nameAtStart(m[1], level);
      if (name) return name;
    }
    return undefined;
  };
  const inflateRaw = (d: Uint8Array) => new Uint8Array(zlib.inflateRawSync(d));
  const texts = ['ตำบลบ้านใหม่ อำเภอปากเกร็ด จังหวัดนนทบุรี', 'โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา ตำบลนาดี', 'อำเภอ 12 อำเภอเมือง', 'ตำบล'];
  for (const bytes of [new Uint8Array(fs.readFileSync(REAL_SAMPLE)), districtFile(2, 100).bytes, districtFile(3, 100).bytes])
    for (const sh of readXlsx(bytes, 'x.xlsx', { inflateRaw }).sheets)
      for (const row of sh.rows) for (const c of row ?? []) if (c && typeof c.v === 'string') texts.push(normaliseThai(c.v));
  let named = 0;
  for (const s of texts)
    for (const level of ['tambon', 'district', 'province'] as const) {
      const want = reference(s, level);
      if (want) named++;
      expect([s, level, readName(s, level)]).toEqual([s, level, want]);
    }
  expect(texts.length).toBeGreaterThan(1000);
  expect(named).toBeGreaterThan(200);
});

test('nameAtStart: the longest known name, else the text up to the first end word (as split(…)[0] read it)', () => {
  // nameAtStart cuts an unknown name at the first end word with one exec; the reference splits as before.
  const END_OF_UNKNOWN = /อำเภอ|จังหวัด|หมู่ที่|ตำบล|(?<=[ก-๛]{2})บ้าน/;
  const AFTER_NAME = /^(?:อำเภอ|จังหวัด|ตำบล|หมู่|บ้าน|ชุมชน)/;
  const reference = (run: string, level: 'tambon' | 'district' | 'province'): string | undefined => {
    for (let n = Math.min(run.length, longestName(level)); n >= 2; n--) {
      const name = run.slice(0, n);
      if (isPlaceName(name, level, true) && (n === run.length || AFTER_NAME.test(run.slice(n)))) return name;
    }
    const cut = run.split(END_OF_UNKNOWN)[0];
    return cut.length > 0 ? cut : undefined;
  };
  const inflateRaw = (d: Uint8Array) => new Uint8Array(zlib.inflateRawSync(d));
  const runs = ['บ้านใหม่', 'นาดีบ้านนา', 'ไม่มีจริงอำเภอเมือง', 'บ้านนาบ้านดอน', 'ตำบลนาดี', 'กขบ้าน', 'กบ้าน', 'หมู่ที่'];
  for (const bytes of [new Uint8Array(fs.readFileSync(REAL_SAMPLE)), districtFile(2, 100).bytes])
    for (const sh of readXlsx(bytes, 'x.xlsx', { inflateRaw }).sheets)
      for (const row of sh.rows)
        for (const c of row ?? [])
          if (c && typeof c.v === 'string')
            for (const m of normaliseThai(c.v).matchAll(/[ก-๛]+/g)) runs.push(m[0], m[0].slice(m[0].length >> 1));
  let cut = 0;
  for (const run of runs)
    for (const level of ['tambon', 'district', 'province'] as const) {
      const want = reference(run, level);
      if (want !== undefined && want !== run && !isPlaceName(want, level, true)) cut++;
      expect([run, level, nameAtStart(run, level)]).toEqual([run, level, want]);
    }
  expect(runs.length).toBeGreaterThan(1000);
  expect(cut).toBeGreaterThan(50);
});

test('village numbers: the same as the regexes (หมู่ที่ then 1–3 digits and no 4th; 1–3 leading digits) on cells and odd numbers', () => {
  // locationOfNormalised and parseVillage read the number in place; the regexes are the reference.
  const inflateRaw = (d: Uint8Array) => new Uint8Array(zlib.inflateRawSync(d));
  const texts: string[] = [];
  for (const bytes of [new Uint8Array(fs.readFileSync(REAL_SAMPLE)), districtFile(2, 100).bytes])
    for (const sh of readXlsx(bytes, 'x.xlsx', { inflateRaw }).sheets)
      for (const row of sh.rows) for (const c of row ?? []) if (c && typeof c.v === 'string') texts.push(c.v);
  for (const n of ['', '0', '3', '07', '123', '1234', '12345', '๓', '3.5', '3a', ' 3'])
    texts.push(`หมู่ที่ ${n}`, `${n}`, `ถนน หมู่ที่ ${n} หมู่ที่ 4`, `ม.${n} ตำบลนาดี`, `หมู่ที่${n}`, `${n} บ้านนา`);
  let read = 0;
  for (const t of texts) {
    const s = normaliseThai(t);
    const m = /หมู่ที่ (\d{1,3})(?!\d)/.exec(s);
    const fromName = m ? Number(m[1]) : undefined;
    const lead = /^(\d{1,3})(?!\d)/.exec(s);
    const fromCell = s ? (fromName ?? (lead ? Number(lead[1]) : undefined)) : undefined;
    if (fromCell !== undefined) read++;
    expect([t, extractLocation(t).village, parseVillage(t)]).toEqual([t, fromName, fromCell]);
  }
  expect(read).toBeGreaterThan(200);
});

/** The index as it was built before the lines were read in place (split per line and per "|"): the reference. */
function referenceBuild(data: string) {
  const names = new Map<string, string>();
  const byName = { province: new Map<string, string[]>(), district: new Map<string, string[]>(), tambon: new Map<string, string[]>() };
  const children = new Map<string, string[]>();
  const longest = { province: 0, district: 0, tambon: 0 };
  const add = (map: Map<string, string[]>, key: string, code: string): void => {
    const list = map.get(key);
    if (!list) map.set(key, [code]);
    else if (!list.includes(code)) list.push(code);
  };
  const put = (level: 'province' | 'district' | 'tambon', code: string, name: string, parent?: string): void => {
    names.set(code, name);
    add(byName[level], name.replace(/[\s.]+/g, ''), code);
    longest[level] = Math.max(longest[level], name.length);
    if (parent) add(children, parent, code);
  };
  for (const line of data.split('\n')) {
    if (/^\d{2}\D/.test(line)) {
      put('province', line.slice(0, 2), line.slice(2));
      continue;
    }
    const [head, ...tambons] = line.split('|');
    const district = head.slice(0, 4);
    const name = head.slice(4).replace(/^เขต/, '');
    put('district', district, name, district.slice(0, 2));
    if (name.startsWith('เมือง') && district.endsWith('01')) add(byName.district, 'เมือง', district);
    for (const t of tambons) put('tambon', district + t.slice(0, 2), t.slice(2), district);
  }
  return { names, byName, children, longest };
}

/** Maps as their entries in order (toEqual on Maps ignores the order placesAt and tambonsOf list by). */
const entries = (m: Map<string, unknown>): unknown[] => [...m];

test.each([
  ['the gazetteer', GAZETTEER_DATA],
  [
    'odd lines',
    '10กรุงเทพมหานคร\n1001เขตพระนคร|01พระบรม มหาราชวัง|02วัด.ราช||03\n1002เมืองเก่า\n\n12นนทบุรี\n1201เมืองนนทบุรี|01บางกระสอ|01บางกระสอ|\n120|1x\n99\n1\n1201เมืองนนทบุรี|02ตลาดขวัญ|\n|05x|06',
  ],
  ['a trailing line break', '60นครสวรรค์\n6001เมืองนครสวรรค์|01ปากน้ำโพ\n'],
  ['nothing', ''],
])('the index read in place is the one of the lines split (%s)', (_, data) => {
  const ref = referenceBuild(data);
  const index = _build.buildIndex(data);
  const tree = _build.buildTree(data);
  for (const level of ['province', 'district', 'tambon'] as const) expect(entries(index.byName[level])).toEqual(entries(ref.byName[level]));
  expect(index.longest).toEqual(ref.longest);
  expect(entries(tree.names)).toEqual(entries(ref.names));
  expect(entries(tree.children)).toEqual(entries(ref.children));
});
