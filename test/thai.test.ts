/**
 * tidySpaces: its shortcut for text with nothing to tidy but its ends gives what the full chain
 * gives; and a total row's label is found behind spaces and invisible characters (forms/read.ts
 * looks at a cell's first visible character before flattening it). formatAmount and thaiOrder, made
 * with one formatter and one collator, give what toLocaleString and localeCompare give.
 */
import { formatAmount, thaiOrder, tidySpaces } from '../src/engine/thai';
import { sheetFromValues } from '../src/engine/model';
import { readPlanSheet } from '../src/engine/forms/read';

/** The chain tidySpaces runs on text that needs it (written out here: the shortcut must agree with it). */
function fullChain(s: string): string {
  return s
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u2007\u202f]+/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join('\n')
    .trim();
}

describe('tidySpaces', () => {
  test.each([
    ['ก่อสร้างถนน คสล. หมู่ที่ ๓ บ้านนาดี', 'ก่อสร้างถนน คสล. หมู่ที่ ๓ บ้านนาดี'],
    ['  ขุดลอกหนองน้ำ ', 'ขุดลอกหนองน้ำ'],
    ['-', '-'],
    ['', ''],
    ['   ', ''],
    ['ถนน  คสล.\u00a0สายบ้านนา', 'ถนน คสล. สายบ้านนา'],
    ['ถนน\u200bคสล.', 'ถนนคสล.'],
    ['ขยายเขตไฟฟ้า\r\nหมู่ที่ 2 \n\n', 'ขยายเขตไฟฟ้า\nหมู่ที่ 2'],
    ['บรรทัด ๑\n\nบรรทัด ๒', 'บรรทัด ๑\n\nบรรทัด ๒'],
    ['\t๒๕๖๘\u2007ปี', '๒๕๖๘ ปี'],
  ])('%j → %j', (input, expected) => {
    expect(tidySpaces(input)).toBe(expected);
    expect(fullChain(input)).toBe(expected);
  });

  test('agrees with the full chain on texts built from every kind of space, break and invisible character', () => {
    const parts = [
      'ถนน',
      'คสล.',
      '๑๒๓',
      '-',
      ' ',
      '  ',
      '\u00a0',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\u200b',
      '\u00ad',
      '\u3000',
      '\u2028',
      '\u202f',
    ];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % parts.length;
    let checked = 0;
    for (let k = 0; k < 5000; k++) {
      let s = '';
      for (let j = 0, n = 1 + (k % 7); j < n; j++) s += parts[next()];
      expect(tidySpaces(s)).toBe(fullChain(s));
      checked++;
    }
    expect(checked).toBe(5000);
  });
});

test('a total row labelled behind spaces or invisible characters is still a total; a project named ร… is not', () => {
  const sheet = sheetFromValues('ผ.02', [
    ['แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๖๗)'],
    ['องค์การบริหารส่วนตำบลนาดี'],
    ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณ', null, 'หน่วยงานรับผิดชอบหลัก'],
    [null, null, null, null, '2566', '2567', null],
    [1, 'ถนน คสล.', 'สัญจร', '1 สาย', 500000, '-', 'กองช่าง'],
    [2, 'รางระบายน้ำ', 'ระบายน้ำ', '1 แห่ง', 100000, 20000, 'กองช่าง'],
    [null, '\u200b\u00a0รวม  งบประมาณ', null, null, 600000, 20000, null],
  ]);
  const plan = readPlanSheet(sheet);
  expect(plan.projects.map((p) => p.name)).toEqual(['ถนน คสล.', 'รางระบายน้ำ']);
  const totals = plan.blocks.flatMap((b) => b.totals);
  expect(totals.map((t) => [t.row, t.label])).toEqual([[6, 'รวม งบประมาณ']]);
});

test('a plan without a ที่ column: a row with details and no amount is a project, a row with neither continues the name above', () => {
  // readBlock looks at a row's details only when there is no ที่ column and no amount (that is what decides).
  const sheet = sheetFromValues('แผนชุมชน', [
    ['แผนชุมชนระดับตำบล ตำบลนาดี'],
    ['โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณ', 'หน่วยงานที่รับผิดชอบ'],
    ['ก่อสร้างถนน คสล.', 'สัญจรสะดวก', '1 สาย', 500000, 'อบต.นาดี'],
    ['หมู่ที่ 3', null, null, null, null],
    ['ขุดลอกคลอง', 'กักเก็บน้ำ', null, '-', null],
    ['ฝึกอาชีพสตรี', null, null, null, 'พัฒนาชุมชน'],
    ['บ้านนา', null, null, null, null],
  ]);
  const plan = readPlanSheet(sheet);
  expect(plan.projects.map((p) => [p.row, p.name])).toEqual([
    [2, 'ก่อสร้างถนน คสล. หมู่ที่ 3'],
    [4, 'ขุดลอกคลอง'],
    [5, 'ฝึกอาชีพสตรี บ้านนา'],
  ]);
});

describe('formatAmount and thaiOrder (one formatter, one collator)', () => {
  it('formats every kind of amount as toLocaleString does, Thai digits too', () => {
    const amounts = [0, -0, 1, 999, 1000, 1504920, 2500000.5, 1234.567, 0.005, 1.005, -1234.567, 123456789.125, 1e21, -0.001];
    for (let i = 0; i < 200; i++) amounts.push(Math.round(((i * 7919) % 10007) * 1000.37) / (i % 3 ? 1 : 100));
    for (const n of amounts) {
      expect(formatAmount(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 2 }));
      expect(formatAmount(n, true)).toBe(
        n.toLocaleString('en-US', { maximumFractionDigits: 2 }).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d))),
      );
    }
    expect(formatAmount(1504920)).toBe('1,504,920');
    expect(formatAmount(1504920, true)).toBe('๑,๕๐๔,๙๒๐');
  });

  it('orders names as localeCompare with the Thai locale does', () => {
    const names = [
      'ตำบลบ้านใหม่',
      'ตำบลบางกะเจ้า',
      'ต.ท่าข้าม',
      'เกาะสมุย',
      'แม่ริม',
      'ไชยา',
      'ก',
      'ข้อ',
      'ค่าย',
      'Zebra',
      'apple',
      '0012.xlsx',
      '๐๐๑๒.xlsx',
      'บ้าน 10',
      'บ้าน 9',
      '',
    ];
    const viaLocale = [...names].sort((a, b) => a.localeCompare(b, 'th'));
    expect([...names].sort(thaiOrder)).toEqual(viaLocale);
    for (const a of names) for (const b of names) expect(Math.sign(thaiOrder(a, b))).toBe(Math.sign(a.localeCompare(b, 'th')));
  });
});
