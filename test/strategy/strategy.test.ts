import { sheetFromValues } from '../../src/engine/model';
import type { PlanSheet, ProjectRow } from '../../src/engine/plan';
import {
  STRATEGY_PRESETS,
  StrategyListSchema,
  detectStrategiesSheet,
  linkUnknownFindings,
  matchPlanSheet,
  matchProjects,
  normaliseText,
  presetById,
  readStrategies,
  resolveDeclared,
  terms,
  type StrategyList,
} from '../../src/engine/strategy';

const cm = presetById('chiangmai-2566-2570')!.list;

describe('text', () => {
  test('normalises digits, zero-width, PM 2.5, Latin case and punctuation', () => {
    expect(normaliseText('ฝุ่น\u200bควัน PM 2.5 (๒๕๖๖)')).toBe('ฝุ่นควัน pm25 2566');
    expect(normaliseText('OTOP, SMEs; "ตลาด"')).toBe('otop smes ตลาด');
  });
  test('terms drop stopwords and add word pairs, cached by text', () => {
    const t = terms('โครงการส่งเสริมการท่องเที่ยวเชิงวัฒนธรรมล้านนา');
    expect(t).toEqual(expect.arrayContaining(['ท่องเที่ยว', 'วัฒนธรรม', 'ล้านนา']));
    for (const w of ['โครงการ', 'การ', 'ส่งเสริม', 'เชิง']) expect(t).not.toContain(w);
    expect(terms('โครงการส่งเสริมการท่องเที่ยวเชิงวัฒนธรรมล้านนา')).toBe(t);
    expect(terms('')).toEqual([]);
  });
});

describe('resolveDeclared', () => {
  test.each([
    ['ง. ยุทธศาสตร์จังหวัดที่ 4 การจัดการเชิงรุกในปัญหาฝุ่นควัน', '4'],
    ['2', '2'],
    ['๒', '2'],
    ['3.', '3'],
    ['ประเด็นที่ 2', '2'],
    ['ประเด็นการพัฒนาที่ ๒', '2'],
    ['ยุทธศาสตร์ที่ 3', '3'],
    ['ประเด็นยุทธศาสตร์ที่ 5 การเสริมสร้างสังคม', '5'],
    ['ยุทธศาสตร์การพัฒนาจังหวัดเชียงใหม่ที่ 1', '1'],
    ['ประเด็นการพัฒนา: การขับเคลื่อนเกษตรเพิ่มมูลค่า และเกษตรแปรรูปมูลค่าสูง', '2'],
    ['การขับเคลื่อนเกษตรเพิ่มมูลค่า', '2'],
    ['การจัดการเชิงรุกในปัญหาฝุ่นควัน (PM 2.5) และการรักษ...', '4'],
    ['การส่งเสริมอุตสาหกรรมท่องเที่ยว เน้นคุณค่า', '1'],
  ])('%s → %s', (text, code) => {
    expect(resolveDeclared(text, cm)).toEqual({ code });
  });
  test('issues that are not in the list are unknown', () => {
    expect(resolveDeclared('ง. ยุทธศาสตร์จังหวัดที่ 6. ยกระดับการแพทย์และสุ...', cm)).toEqual({ unknown: 6 });
    expect(resolveDeclared('ประเด็นที่ ๙', cm)).toEqual({ unknown: 9 });
    expect(resolveDeclared('การพัฒนาระบบราชการ', cm)).toEqual({ unknown: 'การพัฒนาระบบราชการ' });
  });
  test('nothing declared', () => {
    for (const t of ['', '  ', '-', undefined, null, 'ไม่ระบุ', 'ก. ยุทธศาสตร์ชาติ 20 ปี ยุทธศาสตร์ที่ 5'])
      expect(resolveDeclared(t, cm)).toBeUndefined();
  });
  test('the sample ง. lines resolve against the inferred Nakhon Sawan list', () => {
    const ns = presetById('nakhonsawan-2566-2570-inferred')!.list;
    expect(resolveDeclared('ง. ยุทธศาสตร์จังหวัดที่ 7 พัฒนาศัยภาพทุนมนุษย์แ...', ns)).toEqual({ code: '7' });
    expect(resolveDeclared('ยกระดับการแพทย์และสุ...', ns)).toEqual({ code: '6' });
  });
});

describe('readStrategies / detectStrategiesSheet', () => {
  test('table with header, Thai digits, continuation rows and keywords', () => {
    const sheet = sheetFromValues('ประเด็นการพัฒนา', [
      ['ประเด็นการพัฒนาจังหวัดเชียงใหม่ พ.ศ. ๒๕๖๖ - ๒๕๗๐'],
      [],
      ['ประเด็นการพัฒนาที่', 'ประเด็นการพัฒนา', 'เป้าประสงค์', 'แนวทางการพัฒนา', 'คำสำคัญ'],
      ['๑', 'การส่งเสริมอุตสาหกรรมท่องเที่ยว', 'รายได้ท่องเที่ยวเพิ่มขึ้น', '1) พัฒนาแหล่งท่องเที่ยว', 'ท่องเที่ยว, ล้านนา'],
      [null, null, null, '2) ส่งเสริมไมซ์', 'MICE'],
      ['๒', 'การขับเคลื่อนเกษตรเพิ่มมูลค่า', null, 'แปรรูปผลผลิต', 'เกษตร; แปรรูป'],
      [],
      ['3', 'การจัดการฝุ่นควัน'],
    ]);
    expect(detectStrategiesSheet(sheet)).toBe(true);
    const list = readStrategies(sheet)!;
    expect(list.province).toBe('เชียงใหม่');
    expect(list.period).toBe('2566-2570');
    expect(list.issues.map((i) => i.code)).toEqual(['1', '2', '3']);
    expect(list.issues[0]).toEqual({
      code: '1',
      name: 'การส่งเสริมอุตสาหกรรมท่องเที่ยว',
      goals: 'รายได้ท่องเที่ยวเพิ่มขึ้น',
      approaches: '1) พัฒนาแหล่งท่องเที่ยว\n2) ส่งเสริมไมซ์',
      keywords: ['ท่องเที่ยว', 'ล้านนา', 'MICE'],
    });
    expect(list.issues[1].keywords).toEqual(['เกษตร', 'แปรรูป']);
    expect(StrategyListSchema.safeParse(list).success).toBe(true);
  });
  test('"ยุทธศาสตร์" header with numbered names and a กลยุทธ์ column', () => {
    const sheet = sheetFromValues('s', [
      ['ยุทธศาสตร์', 'กลยุทธ์'],
      ['1. การเพิ่มศักยภาพการแข่งขันภาคเกษตร', 'เพิ่มผลผลิตปาล์มน้ำมัน'],
      ['2. การส่งเสริมอุตสาหกรรมบริการและการท่องเที่ยวที่ยั่งยืน', 'ท่องเที่ยวชุมชน'],
    ]);
    expect(detectStrategiesSheet(sheet)).toBe(true);
    expect(readStrategies(sheet)!.issues).toEqual([
      { code: '1', name: 'การเพิ่มศักยภาพการแข่งขันภาคเกษตร', approaches: 'เพิ่มผลผลิตปาล์มน้ำมัน' },
      { code: '2', name: 'การส่งเสริมอุตสาหกรรมบริการและการท่องเที่ยวที่ยั่งยืน', approaches: 'ท่องเที่ยวชุมชน' },
    ]);
  });
  test('lines without a header', () => {
    const sheet = sheetFromValues('s', [
      ['ประเด็นการพัฒนาจังหวัดสุราษฎร์ธานี'],
      ['ประเด็นการพัฒนาที่ ๑ การเพิ่มศักยภาพการแข่งขันภาคเกษตร และอุตสาหกรรมเกษตร'],
      ['ประเด็นการพัฒนาที่ 2: การส่งเสริมอุตสาหกรรมบริการและการท่องเที่ยวที่ยั่งยืน'],
    ]);
    expect(detectStrategiesSheet(sheet)).toBe(true);
    const list = readStrategies(sheet)!;
    expect(list.province).toBe('สุราษฎร์ธานี');
    expect(list.issues.map((i) => [i.code, i.name])).toEqual([
      ['1', 'การเพิ่มศักยภาพการแข่งขันภาคเกษตร และอุตสาหกรรมเกษตร'],
      ['2', 'การส่งเสริมอุตสาหกรรมบริการและการท่องเที่ยวที่ยั่งยืน'],
    ]);
  });
  test('plan forms and linkage tables are not issue lists', () => {
    const p02 = sheetFromValues('ผ.02', [
      ['รายละเอียดโครงการพัฒนา'],
      ['ง. ยุทธศาสตร์จังหวัดที่ 6 ยกระดับการแพทย์'],
      ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณ'],
      [1, 'ก่อสร้างถนน', 'เพื่อ', 'ถนน 1 สาย', 100000],
    ]);
    const linkage = sheetFromValues('แผนงาน', [
      ['ที่', 'ยุทธศาสตร์ชาติ 20 ปี', 'แผนพัฒนาเศรษฐกิจฯ', 'ยุทธศาสตร์จังหวัด', 'ยุทธศาสตร์ อปท.', 'กลยุทธ์', 'แผนงาน'],
      [1, '5. ยุทธศาสตร์ด้านการสร้างการเติบโต', 'หมุดหมายที่ 4', '4. พัฒนาพลังงานทดแทน', '1. ด้านสาธารณสุข', '1. ส่งเสริม', 'แผนงานสาธารณสุข'],
      [2, '3. ยุทธศาสตร์ด้านคน', 'หมุดหมายที่ 12', '7 พัฒนาศักยภาพทุนมนุษย์', '2. ด้านการศึกษา', '1. พัฒนา', 'แผนงานการศึกษา'],
    ]);
    for (const s of [p02, linkage, sheetFromValues('e', [])]) {
      expect(detectStrategiesSheet(s)).toBe(false);
      expect(readStrategies(s)).toBeUndefined();
    }
  });
});

describe('matchProjects', () => {
  const projects = [
    { id: 'a', name: 'โครงการส่งเสริมการแปรรูปลำไยอบแห้ง', declared: '2' },
    { id: 'b', name: 'โครงการอบรมการแปรรูปและเพิ่มมูลค่าผลผลิตการเกษตร', declared: 'ประเด็นที่ 5' },
    { id: 'c', name: 'โครงการจัดทำแนวกันไฟป้องกันไฟป่าและหมอกควัน' },
    { id: 'd', name: 'โครงการจัดซื้อเครื่องถ่ายเอกสาร' },
    { id: 'e', name: 'โครงการจัดซื้อเครื่องถ่ายเอกสาร', declared: '3' },
    { id: 'f', name: 'ติดตั้งกล้องวงจรปิด', declared: 'ประเด็นที่ 9' },
  ];
  const v = matchProjects(projects, cm);

  test('statuses', () => {
    expect(v.map((x) => [x.id, x.status, x.declared, x.suggested])).toEqual([
      ['a', 'consistent', '2', undefined],
      ['b', 'weak', '5', '2'],
      ['c', 'undeclared', undefined, '4'],
      ['d', 'none', undefined, undefined],
      ['e', 'consistent', '3', undefined],
      ['f', 'undeclared', undefined, '5'],
    ]);
    expect(v[5].declaredUnknown).toBe('9');
  });
  test('every verdict lists the matched words and explains itself', () => {
    expect(v[0].matched).toEqual(expect.arrayContaining(['แปรรูป', 'ลำไย']));
    expect(v[1].matched).toEqual(expect.arrayContaining(['แปรรูป']));
    expect(v[1].reason).toMatch(/^ชื่อโครงการตรงกับประเด็นที่ 2 \(คำที่ตรง: .*แปรรูป.*\) มากกว่าประเด็นที่ประกาศ \(ประเด็นที่ 5/);
    expect(v[1].reasonEn).toMatch(/fits issue 2 .* better than the declared issue 5/);
    expect(v[2].matched).toEqual(expect.arrayContaining(['ไฟป่า', 'หมอกควัน']));
    expect(v[3].matched).toEqual([]);
    expect(v[3].reason).toContain('ไม่ตรงกับประเด็นการพัฒนาใด');
    expect(v[4].reason).toContain('ยึดตามประเด็นที่ประกาศ');
    expect(v[5].reason).toContain('ไม่มีในรายการ');
    for (const x of v) expect(Object.keys(x.scores)).toEqual(['1', '2', '3', '4', '5']);
  });
  test('deterministic and settings apply', () => {
    expect(matchProjects(projects, cm)).toEqual(v);
    const strict = matchProjects(projects, cm, { threshold: 100 });
    expect(strict[2].status).toBe('none');
    expect(matchProjects(projects, cm, { margin: 100 })[1].status).toBe('consistent');
    expect(matchProjects(projects, cm, { flagUnmatchedDeclared: true })[4].status).toBe('none');
  });
  test("matched words are the project's own phrases", () => {
    const [x] = matchProjects([{ id: 'x', name: 'ติดตั้งแผงโซลาร์เซลล์บนหลังคา' }], cm);
    expect(x.matched).toContain('โซลาร์เซลล์');
  });
  test('Thai and Arabic digits and zero-width characters score the same', () => {
    const [x, y] = matchProjects(
      [
        { id: 'x', name: 'รณรงค์ลดฝุ่น PM 2.5 หมู่ที่ ๓' },
        { id: 'y', name: 'รณรงค์ลด\u200bฝุ่น PM2.5 หมู่ที่ 3' },
      ],
      cm,
    );
    expect(x.scores).toEqual(y.scores);
    expect(x.suggested).toBe('4');
  });
  test('a list read from a sheet works the same as a preset', () => {
    const list: StrategyList = {
      issues: [
        { code: '1', name: 'เกษตร' },
        { code: '2', name: 'ท่องเที่ยว' },
      ],
    };
    const [r] = matchProjects([{ id: 'r', name: 'ส่งเสริมการท่องเที่ยวชุมชน', declared: '1' }], list);
    expect(r.status).toBe('weak');
    expect(r.suggested).toBe('2');
  });
});

describe('a declared issue is challenged only on words that clearly outweigh it', () => {
  const ns = presetById('nakhonsawan-2566-2570-inferred')!.list;
  test('one generic word of another issue is said, not a challenge', () => {
    // "ปลอดภัย" of food safety is a word of issue 7 (safety of life and property); the health issue stands.
    const [v] = matchProjects([{ id: 'a', name: 'ตลาดสดน่าซื้อ อาหารปลอดภัย', declared: 'ประเด็นที่ 6' }], ns);
    expect(v).toMatchObject({ status: 'consistent', declared: '6' });
    expect(v.reason).toContain('คำที่ชี้ไปทางประเด็นที่ 7 (ปลอดภัย) ยังไม่พอจะแย้ง');
    expect(v.reasonEn).toContain('the words pointing to issue 7 (ปลอดภัย) are too few to challenge it');
    // A word only in an issue's prose (ระบบ) counts half: ลงทุน + ระบบ is not enough.
    const [w] = matchProjects([{ id: 'b', name: 'เอกชนร่วมลงทุนระบบกำจัดขยะมูลฝอย', declared: 'ประเด็นที่ 6' }], ns);
    expect(w.status).toBe('consistent');
  });
  test('two words the other issue states challenge, and the reason names them whole', () => {
    const [v] = matchProjects([{ id: 'a', name: 'ติดตั้งระบบผลิตไฟฟ้าจากพลังงานแสงอาทิตย์', declared: 'ประเด็นที่ 7' }], ns);
    expect(v).toMatchObject({ status: 'weak', declared: '7', suggested: '5' });
    // ไฟฟ้า, พลังงาน: words of issue 5 (1 each); ระบบ: only in its prose (½)
    expect(v.reason).toMatch(
      /^ชื่อโครงการตรงกับประเด็นที่ 5 \(คำที่ตรง: (ไฟฟ้า, พลังงาน|พลังงาน, ไฟฟ้า), ระบบ\) มากกว่าประเด็นที่ประกาศ \(ประเด็นที่ 7, ไม่มีคำที่ตรง\)$/,
    );
    expect(v.matched.slice(0, 2).sort()).toEqual(['พลังงาน', 'ไฟฟ้า']);
    // The same words (worth 2½) do not challenge with minWords 3.
    expect(matchProjects([{ id: 'a', name: 'ติดตั้งระบบผลิตไฟฟ้าจากพลังงานแสงอาทิตย์', declared: '7' }], ns, { minWords: 3 })[0].status).toBe(
      'consistent',
    );
  });
  test("words of the other issue's prose count half: MICE and three words of its approaches challenge", () => {
    const [v] = matchProjects([{ id: 'a', name: 'ส่งเสริมการจัดประชุมสัมมนาและนิทรรศการ (MICE) ในอำเภอ', declared: '2' }], cm);
    expect(v).toMatchObject({ status: 'weak', suggested: '1' });
    expect(v.matched).toEqual(expect.arrayContaining(['mice', 'ประชุม', 'สัมมนา', 'นิทรรศการ']));
  });
  test('a piece of a longer word is never cited for the declared issue ("ยา" of ยาเสพติด)', () => {
    const [v] = matchProjects([{ id: 'a', name: 'ศูนย์ฟื้นฟูสภาพทางสังคม (ยาเสพติด) ของเด็กและเยาวชน', declared: '6' }], ns);
    expect(v).toMatchObject({ status: 'weak', suggested: '7' });
    expect(v.reason).toContain('(ประเด็นที่ 6, ไม่มีคำที่ตรง)');
  });
});

describe('plan helpers', () => {
  const row = (r: number, name: string, link = '', provincial?: { row: number; col: number; text: string }): ProjectRow => ({
    row: r,
    no: 1,
    name,
    objective: '',
    target: '',
    location: '',
    village: '',
    tambon: '',
    kpi: '',
    unit: '',
    agency: '',
    classification: '',
    priority: '',
    link,
    note: '',
    budgets: [],
    context: { links: {}, provincial },
    afterTotal: false,
  });
  const line = { row: 3, col: 0, text: 'ง. ยุทธศาสตร์จังหวัดที่ 6 ยกระดับการแพทย์' };
  const projects = [
    row(10, 'ก่อสร้างถนน คสล. และวางท่อระบายน้ำ', '', line),
    row(11, 'ตรวจสุขภาพผู้สูงอายุ', '', line),
    row(12, 'ส่งเสริมท่องเที่ยว', 'ประเด็นที่ ๘'),
  ];
  const plan: PlanSheet = {
    name: 'ผ.02',
    kind: 'local-plan',
    titles: [],
    projects,
    blocks: [{ headerRows: [8, 9], columns: { fields: { name: 1, link: 14 }, budgetYears: [] }, projects, subItems: [], totals: [] }],
  };
  test('link-unknown findings: once per provincial line, and on the link cell', () => {
    const f = linkUnknownFindings(plan, cm);
    expect(f.map((x) => [x.code, x.row, x.column])).toEqual([
      ['link-unknown', 4, 'A'],
      ['link-unknown', 13, 'O'],
    ]);
    expect(f[0].message).toContain('ไม่มีในรายการ');
  });
  test('matchPlanSheet uses the link column, else the ง. line', () => {
    const ns = presetById('nakhonsawan-2566-2570-inferred')!.list;
    const v = matchPlanSheet(plan, ns);
    expect(v.map((x) => x.id)).toEqual(['ผ.02!11', 'ผ.02!12', 'ผ.02!13']);
    expect(v[0]).toMatchObject({ declared: '6', status: 'weak', suggested: '5' });
    expect(v[1]).toMatchObject({ declared: '6', status: 'consistent' });
    expect(v[2].declaredUnknown).toBe('8');
  });
});

describe('presets', () => {
  test('valid, unique codes, Chiang Mai names as published', () => {
    for (const p of STRATEGY_PRESETS) {
      expect(StrategyListSchema.safeParse(p.list).success).toBe(true);
      expect(new Set(p.list.issues.map((i) => i.code)).size).toBe(p.list.issues.length);
    }
    expect(cm.issues).toHaveLength(5);
    expect(cm.issues[1].name).toBe('การขับเคลื่อนเกษตรเพิ่มมูลค่า และเกษตรแปรรูปมูลค่าสูง');
    expect(presetById('suratthani')!.list.issues).toHaveLength(5);
  });
});
