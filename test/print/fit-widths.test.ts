/**
 * The needs table's printed text columns share their room so that rows take the fewest lines (a row is
 * as tall as its tallest cell): names, routes and agencies as the real sample's needs have them.
 */
import { fitTextWidths } from '../../src/engine/consolidate/table';
import { wrappedLines } from '../../src/engine/print';

interface Need {
  name: string;
  route: string;
  agency: string;
}

const NAMES = [
  'ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำน่าน ตั้งแต่สะพานเดชาติวงศ์ถึงท่าน้ำวัดโพธาราม',
  'ปรับปรุงระบบประปาเกาะยม (สถานีผลิตน้ำประปา)',
  'ก่อสร้างผิวจราจรคอนกรีตเสริมเหล็ก พร้อมท่อระบายน้ำ ซอยโกสีย์ 12',
  'ปรับปรุงท่อประปาซอยรวมใจพัฒนา',
  'จัดทำระบบสายสื่อสารรวมใต้ดินสายที่ 2 ถนนดาวดึงส์',
];
const AGENCIES = ['กรมโยธาธิการและผังเมือง\nสำนักช่าง', 'สำนักงานทรัพยากรน้ำแห่งชาติ\nสำนักการประปา', 'สำนักงบประมาณ\nสำนักช่าง', 'สำนักการประปา'];
const needs: Need[] = Array.from({ length: 40 }, (_, i) => ({
  name: NAMES[i % NAMES.length],
  route: i % 4 ? 'ส่วนราชการ/หน่วยงาน' : 'อบจ. (เกินขีดความสามารถของ อปท.)',
  agency: AGENCIES[i % AGENCIES.length],
}));
const texts = [(n: Need) => n.name, (n: Need) => n.route, (n: Need) => n.agency];

/** Lines of all the needs' rows with these widths. */
const rowLines = (widths: number[]): number =>
  needs.reduce((sum, n) => sum + Math.max(...texts.map((get, k) => wrappedLines(get(n), widths[k]))), 0);

test('the widths fill the room, none under 8, and the rows take fewer lines than shares by length', () => {
  let saved = 0;
  for (const room of [30, 36, 45, 60]) {
    const widths = fitTextWidths(needs, texts, room);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(room);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(8);
    // The earlier rule: each column as wide as its texts' usual length.
    const lengths = texts.map((get) => needs.reduce((a, n) => a + get(n).length, 0));
    const total = lengths.reduce((a, b) => a + b, 0);
    const shares = lengths.map((l) => Math.max(8, Math.floor((room * l) / total)));
    shares[0] = room - shares[1] - shares[2];
    expect(rowLines(widths)).toBeLessThanOrEqual(rowLines(shares));
    saved += rowLines(shares) - rowLines(widths);
  }
  // 40 needs at 36, 45 and 60 units: 164 / 136 / 104 lines against 178 / 170 / 120.
  expect(saved).toBeGreaterThan(40);
});

test('room to spare goes where it saves lines: a short column is not widened past its texts', () => {
  const widths = fitTextWidths(needs, texts, 90);
  expect(widths.reduce((a, b) => a + b, 0)).toBe(90);
  // Every route and agency line fits whole; the name takes the rest.
  expect(needs.every((n) => wrappedLines(n.agency, widths[2]) === n.agency.split('\n').length)).toBe(true);
  expect(widths[0]).toBeGreaterThan(widths[1]);
  expect(widths[0]).toBeGreaterThan(widths[2]);
});

test('no text column: no widths; no room beyond the minimum: 8 each', () => {
  expect(fitTextWidths(needs, [], 40)).toEqual([]);
  expect(fitTextWidths(needs, texts, 20)).toEqual([8, 8, 8]);
});

/**
 * fitTextWidths as first written: every try of a width sums each sampled row's tallest cell afresh
 * from every column's lines. The rounds now read the other columns once; the widths must not move.
 */
function referenceWidths<T>(items: readonly T[], get: ReadonlyArray<(it: T) => string | undefined>, room: number): number[] {
  const n = get.length;
  if (!n) return [];
  const widths = get.map(() => 8);
  let left = room - n * 8;
  if (left <= 0) return widths;
  const step = Math.max(1, Math.floor(items.length / 200));
  const sample: string[][] = [];
  for (let i = 0; i < items.length; i += step) sample.push(get.map((g) => g(items[i]) ?? ''));
  const linesAt = (k: number, w: number): number[] => sample.map((row) => (row[k] ? wrappedLines(row[k], w) : 1));
  const wider = (k: number, d: number): [number, number] => {
    const mine = linesAt(k, widths[k] + d);
    let rows = 0;
    let own = 0;
    for (let i = 0; i < sample.length; i++) {
      let tallest = mine[i];
      for (let j = 0; j < n; j++) if (j !== k) tallest = Math.max(tallest, linesAt(j, widths[j])[i]);
      rows += tallest;
      own += mine[i];
    }
    return [rows, own];
  };
  while (left > 0) {
    const now = wider(0, 0)[0];
    let pick = { k: 0, d: 1, rate: -1, own: Infinity };
    for (let k = 0; k < n; k++) {
      for (let d = 1; d <= Math.min(6, left); d++) {
        const [rows, own] = wider(k, d);
        const rate = (now - rows) / d;
        const ownRate = (own - wider(k, 0)[1]) / d;
        if (rate > pick.rate || (rate === pick.rate && ownRate < pick.own)) pick = { k, d, rate, own: ownRate };
      }
    }
    widths[pick.k] += pick.d;
    left -= pick.d;
  }
  return widths;
}

test('the widths are the ones the first, plainer search finds, for one to four columns and every room', () => {
  // Columns whose texts compete: names long and short, a route, agencies of two lines, an empty one.
  const more = [...needs.map((n) => n.name).reverse(), 'ก', ''];
  const columns: Array<(n: Need) => string | undefined> = [
    (n) => n.name,
    (n) => n.agency,
    (n) => n.route,
    (n) => more[needs.indexOf(n) % more.length] || undefined,
  ];
  let seen = 0;
  for (let count = 1; count <= 4; count++) {
    const get = columns.slice(0, count);
    for (const room of [8 * count + 1, 8 * count + 5, 30, 41, 57, 80]) {
      const want = referenceWidths(needs, get, room);
      expect({ count, room, widths: fitTextWidths(needs, get, room) }).toEqual({ count, room, widths: want });
      seen += new Set(want).size;
    }
  }
  expect(seen).toBeGreaterThan(30);
});
