import {
  coreName,
  diceSimilarity,
  extractLocation,
  normalizeThai,
  parseTambon,
  parseVillage,
  wordTokens,
} from '../../src/engine/thai-text';
import { parseIssue } from '../../src/engine/consolidate/issue';

describe('normalizeThai', () => {
  test('abbreviations, village numbers, digits, invisible characters', () => {
    expect(normalizeThai('ก่อสร้างถนน คสล.  ม.๓ ต.นาดี')).toBe('ก่อสร้างถนน คอนกรีตเสริมเหล็ก หมู่ที่ 3 ตำบลนาดี');
    expect(normalizeThai('ก่อสร้างถนนคอนกรีตเสริมเหล็ก (คสล.) หมู่ 3')).toBe('ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3');
    expect(normalizeThai('ปรับปรุง\u200bถ.ลาดยาง หมู่ที่3')).toBe('ปรับปรุงถนน ลาดยาง หมู่ที่ 3');
    expect(normalizeThai('ซ่อมแซม รพ.สต.บ้านนา')).toBe('ซ่อมแซม โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา');
    expect(normalizeThai('ต่อเติม ศพด. อบต.นาดี')).toBe('ต่อเติม ศูนย์พัฒนาเด็กเล็ก องค์การบริหารส่วนตำบลนาดี');
    expect(normalizeThai('ขยายเขตระบบประปาหมู่บ้าน ม.ที่ 5')).toBe('ขยายเขตประปาหมู่บ้าน หมู่ที่ 5');
    expect(normalizeThai('ถนนแอสฟัลท์ติกคอนกรีต ยาว ๑,๒๐๐ ม.')).toBe('ถนนลาดยาง ยาว 1200 เมตร');
    expect(normalizeThai('ทํานา')).toBe('ทำนา');
  });
  test('idempotent', () => {
    for (const s of ['ก่อสร้างถนน คสล. ม.๓ ต.นาดี', 'ถ.ลาดยาง สาย ก-ข', 'รพ.สต. หมู่ 2'])
      expect(normalizeThai(normalizeThai(s))).toBe(normalizeThai(s));
  });
});

describe('locations', () => {
  test('village and tambon from names and cells', () => {
    expect(extractLocation('ก่อสร้างถนน คสล. สายบ้านนา ม.3 ต.นาดี อ.เมือง')).toEqual({ village: 3, tambon: 'นาดี', amphoe: 'เมือง' });
    expect(extractLocation('องค์การบริหารส่วนตำบลหนองบัว').tambon).toBe('หนองบัว');
    expect(extractLocation('เทศบาลตำบลนาดี').tambon).toBe('นาดี');
    expect(parseVillage('๓')).toBe(3);
    expect(parseVillage('หมู่ที่ 12 บ้านดอน')).toBe(12);
    expect(parseVillage('บ้านดอน ม.4')).toBe(4);
    expect(parseVillage('บ้านดอน')).toBeUndefined();
    expect(parseTambon('ต.นาดี')).toBe('นาดี');
    expect(parseTambon('นาดี')).toBe('นาดี');
  });
  test('coreName drops location and leading โครงการ', () => {
    expect(coreName('โครงการก่อสร้างถนน คสล. หมู่ที่ 3 ตำบลนาดี')).toBe('ก่อสร้างถนน คอนกรีตเสริมเหล็ก');
  });
});

test('tokens and similarity', () => {
  const a = new Set(wordTokens(coreName('ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน')));
  const b = new Set(wordTokens(coreName('ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนา - บ้านดอน กว้าง 4 เมตร')));
  expect(diceSimilarity(a, b)).toBeGreaterThanOrEqual(0.75);
  expect(diceSimilarity(a, new Set(wordTokens('ขุดลอกหนองน้ำสาธารณะ')))).toBeLessThan(0.3);
});

describe('provincial issues', () => {
  test('parse link lines and columns', () => {
    expect(parseIssue('ง. ยุทธศาสตร์จังหวัดที่ 6 ยกระดับการแพทย์และสุขภาพ')).toMatchObject({ code: '6', name: 'ยกระดับการแพทย์และสุขภาพ' });
    expect(parseIssue('ประเด็นการพัฒนา: ๒ การขับเคลื่อนเกษตรเพิ่มมูลค่า')).toMatchObject({ code: '2', name: 'การขับเคลื่อนเกษตรเพิ่มมูลค่า' });
    expect(parseIssue('ง. ยุทธศาสตร์การพัฒนาจังหวัดเชียงใหม่ที่ ๓ การยกระดับการค้า')).toMatchObject({ code: '3', name: 'การยกระดับการค้า' });
    expect(parseIssue('ประเด็นการพัฒนาจังหวัดที่ 3')).toMatchObject({ code: '3', name: '' });
    expect(parseIssue('4')).toMatchObject({ code: '4' });
    expect(parseIssue('-')).toBeNull();
    expect(parseIssue('การพัฒนาสังคมปลอดภัย')).toMatchObject({ code: null, name: 'การพัฒนาสังคมปลอดภัย' });
  });
});
