/**
 * The wrap estimator counts lines word by word as LibreOffice prints them. The expected counts are the
 * lines LibreOffice printed for these cells of the real sample's needs table (TH Sarabun New 16 as
 * Laksaman): counting characters against a shortened line said a line or two more.
 */
import type { CellStyle, OutCell, OutSheet } from '../../src/engine/output';
import { linesHeight, mergeLayout, rowHeightFor, RowHeights, wrappedLines } from '../../src/engine/print';

/** A seeded generator of whole numbers below n (the same sequence every run), for the generated rows below. */
function seeded(seed: number): (n: number) => number {
  return (n) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
}

describe('wrappedLines', () => {
  test('Thai without spaces breaks between words, never inside one', () => {
    // "สำนักงาน / ทรัพยากร / น้ำแห่งชาติ / สำนักการ / ประปา" in a column 9 wide …
    expect(wrappedLines('สำนักงานทรัพยากรน้ำแห่งชาติ\nสำนักการประปา', 9)).toBe(5);
    // … and one unit narrower "น้ำแห่งชาติ" no longer fits: "น้ำแห่ง / ชาติ".
    expect(wrappedLines('สำนักงานทรัพยากรน้ำแห่งชาติ\nสำนักการประปา', 8)).toBe(6);
    expect(wrappedLines('กรมโยธาธิการและผังเมือง\nสำนักช่าง', 8)).toBe(4);
    expect(wrappedLines('ส่วนราชการ/หน่วยงาน', 8)).toBe(3);
    // A project name: "ปรับปรุงระบบประปา / เกาะยม (สถานีผลิตน้ำ / ประปา)", 4 lines 13 wide.
    expect(wrappedLines('ปรับปรุงระบบประปาเกาะยม (สถานีผลิตน้ำประปา)', 18)).toBe(3);
    expect(wrappedLines('ปรับปรุงระบบประปาเกาะยม (สถานีผลิตน้ำประปา)', 13)).toBe(4);
    expect(wrappedLines('ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำน่าน ตั้งแต่...', 18)).toBe(3);
  });

  test('a text laid out once per width and weight: asked again, at another width or bold, the same answers', () => {
    const name = 'ก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านหนองบัว หมู่ที่ ๓ ตำบลนาข่า (ต่อจากเดิม)';
    const fresh = [8, 9, 14, 30].map((w) => [wrappedLines(name, w), wrappedLines(name, w, 1, true), wrappedLines(name, w, 1.25)]);
    // Asked again in another order (answers now remembered): the same counts, each width and weight its own.
    const again = [30, 14, 9, 8].map((w) => [wrappedLines(name, w), wrappedLines(name, w, 1, true), wrappedLines(name, w, 1.25)]).reverse();
    expect(again).toEqual(fresh);
    // Bold takes more room, and so does a larger font in the same column.
    expect(fresh).toEqual([
      [10, 12, 15],
      [10, 10, 12],
      [5, 6, 6],
      [3, 3, 3],
    ]);
  });

  test('a text that fits is one line; a blank line still takes one', () => {
    expect(wrappedLines('ทน.นครสวรรค์', 13)).toBe(1);
    expect(wrappedLines('สำนักช่าง\n\nสำนักการประปา', 20)).toBe(3);
  });

  test('Thai with digits: digits stay with the word they touch, spaces break', () => {
    // "ถนนสาย / 12 บ้านนา": the number moves to the next line with what follows it.
    expect(wrappedLines('ถนนสาย 12 บ้านนา', 9)).toBe(2);
    expect(wrappedLines('ถนนสาย ๑๒ บ้านนา', 9)).toBe(2);
    expect(wrappedLines('ถนนสาย 12 บ้านนา', 20)).toBe(1);
    // No break between Thai letters and digits (as in line breaking): one 16-unit word in lines of 7.
    expect(wrappedLines('ราคา1,500,000บาท', 8)).toBe(3);
  });

  test('spaces only separate: leading, trailing and doubled spaces lay out as one', () => {
    const name = 'ถนนสาย 12 บ้านนา ก่อสร้างเขื่อนป้องกันตลิ่ง';
    for (const w of [9, 13, 20]) {
      const once = wrappedLines(name, w);
      expect(wrappedLines(`  ${name.replace(/ /g, '   ')} `, w)).toBe(once);
    }
    expect(wrappedLines('ถนนสาย 12 บ้านนา', 9)).toBe(2);
    expect(wrappedLines('ถนนสาย  12  บ้านนา ', 9)).toBe(2);
  });

  test('a word longer than the column is broken between its characters', () => {
    expect(wrappedLines('Phetchabunprovincialadministrationorganisation', 11)).toBe(5);
    expect(wrappedLines('ดู Phetchabunprovincialadministrationorganisation', 11)).toBe(6);
  });

  test('bold and a larger font take more lines', () => {
    expect(wrappedLines('กรมโยธาธิการและผังเมือง\nสำนักช่าง', 8, 1, true)).toBeGreaterThan(4);
    expect(wrappedLines('สำนักงานทรัพยากรน้ำแห่งชาติ\nสำนักการประปา', 9, 18 / 16)).toBeGreaterThan(5);
  });
});

/**
 * The layout as first written, without wrap.ts's caches and shortcuts: every text split into paragraphs
 * and space-separated chunks, every chunk segmented afresh, pieces filled into lines one by one.
 */
const SEGMENTER = new Intl.Segmenter('th', { granularity: 'word' });
function referenceLines(text: string, width: number, scale = 1, bold = false): number {
  const room = Math.max(1, (width - 1) / scale);
  const k = bold ? 1.1 : 1;
  const seg = SEGMENTER;
  const units = (s: string) => s.replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200b-\u200d\u2060\ufeff\u00ad]/g, '').length;
  const thai = (ch: string) => /[\u0e01-\u0e3a\u0e40-\u0e4e]/.test(ch);
  let lines = 0;
  for (const para of text.split('\n')) {
    if (para.length * k <= room) {
      lines++;
      continue;
    }
    let n = 1;
    let used = 0;
    for (const chunk of para.split(' ').filter((x) => x !== '')) {
      const widths: number[] = [];
      if (![...chunk].some(thai)) widths.push(units(chunk));
      else {
        let piece = '';
        for (const { segment } of seg.segment(chunk)) {
          if (piece && thai(piece[piece.length - 1]) && thai(segment[0])) {
            widths.push(units(piece));
            piece = '';
          }
          piece += segment;
        }
        if (piece) widths.push(units(piece));
      }
      widths.forEach((u, j) => {
        const w = u * k;
        const gap = j === 0 && used > 0 ? k : 0;
        if (used + gap + w <= room) used += gap + w;
        else {
          if (used > 0) n++;
          const extra = Math.max(0, Math.ceil(w / room) - 1);
          n += extra;
          used = w - extra * room;
        }
      });
    }
    lines += n;
  }
  return lines;
}

test('wrappedLines counts the lines the reference layout counts, for texts long and short, new and asked again', () => {
  // Varied Thai: long names without spaces, spaces single and doubled, digits Thai and Arabic, Latin,
  // "-", brackets, abbreviations, line breaks, marks above and below, a zero-width space.
  const words = [
    'ก่อสร้าง',
    'ถนนคอนกรีตเสริมเหล็ก',
    'สาย',
    'บ้านหนองบัว',
    '-',
    'บ้านโคกสูง',
    'หมู่ที่',
    '๓',
    '12',
    'ตำบลนาข่า',
    '(ต่อจากเดิม)',
    'รพ.สต.',
    'คสล.',
    'Phetchabun',
    'km',
    'ขนาดกว้าง',
    '5.00',
    'เมตร',
    'ยาว',
    '1,250',
    'ปรับปรุงระบบประปาหมู่บ้านแบบบาดาลขนาดใหญ่',
    'สำนักงานทรัพยากรน้ำแห่งชาติ',
    'กรมส่งเสริมการปกครองท้องถิ่น',
    'ที่',
    'ไร่',
    'น้ำ',
    'ซอย\u200bวัด',
    'ค.ส.ล.',
    'และ',
    'พร้อม',
    'ฯลฯ',
    // Chunks without a Thai letter: Thai digits, baht, zero-width characters, a soft hyphen, an emoji.
    '๑๒๓',
    '฿1,500',
    '12\u200b34',
    'Kho\u00adrat',
    '\u2060',
    'A-1/2',
    '😀',
  ];
  const rand = seeded(7);
  const texts: string[] = [];
  for (let i = 0; i < 400; i++) {
    let t = '';
    const count = 1 + rand(i % 4 === 0 ? 40 : 12);
    // Every fourth text a long name on one paragraph (laid out without a cache), the others with line breaks too.
    const seps = i % 4 === 0 ? ['', ' ', ' ', '  ', '-'] : ['', ' ', ' ', '  ', '\n', '-'];
    for (let w = 0; w < count; w++) t += words[rand(words.length)] + seps[rand(seps.length)];
    texts.push(i % 9 === 0 ? ` ${t}` : t);
  }
  expect(texts.some((t) => t.length > 150 && !t.includes('\n'))).toBe(true);
  expect(texts.some((t) => t.length < 40)).toBe(true);
  const cases: Array<[number, number, boolean]> = [
    [5, 1, false],
    [8, 1, false],
    [9, 1, true],
    [14, 1, false],
    [14, 18 / 16, false],
    [30, 1, true],
  ];
  // Each text at each width, then all again (short ones now remembered) in another order.
  const fresh = cases.map(([w, sc, b]) => texts.map((t) => wrappedLines(t, w, sc, b)));
  const again = [...cases]
    .reverse()
    .map(([w, sc, b]) => texts.map((t) => wrappedLines(t, w, sc, b)))
    .reverse();
  const reference = cases.map(([w, sc, b]) => texts.map((t) => referenceLines(t, w, sc, b)));
  expect(fresh).toEqual(reference);
  expect(again).toEqual(reference);
  expect(Math.max(...reference.flat())).toBeGreaterThan(10);
});

test('a row is as tall as its tallest wrapped cell, estimated word by word', () => {
  const body = { wrap: true };
  const cells = [
    { value: 'ปรับปรุงระบบประปาเกาะยม (สถานีผลิตน้ำประปา)', style: body },
    { value: 'สำนักงานทรัพยากรน้ำแห่งชาติ\nสำนักการประปา', style: body },
  ];
  expect(rowHeightFor(cells, [18, 9], 16)).toBe(linesHeight(5, 16));
  expect(rowHeightFor(cells, [13, 20], 16)).toBe(linesHeight(4, 16));
});

test('RowHeights gives every row of a sheet the height rowHeightFor gives it', () => {
  // Seeded rows: texts short and long, with line breaks, wrapped or not, bold or larger by cell or by
  // row, numbers and blanks; merged across and down some rows, hidden columns, a printed width, rows
  // wider than the widths (some with holes in them).
  const rand = seeded(11);
  const texts = [
    'ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองบัว - บ้านโคกสูง หมู่ที่ ๓ ตำบลนาข่า (ต่อจากเดิม)',
    'สำนักงานทรัพยากรน้ำแห่งชาติ\nสำนักการประปา',
    'กรมทางหลวงชนบท',
    'ทต.หนองบัว',
    'นับ',
    'บรรทัดหนึ่ง\nบรรทัดสอง\nบรรทัดสาม',
    '',
    'ปรับปรุงระบบประปาหมู่บ้านแบบบาดาลขนาดใหญ่ บ้านคลองตะเคียน ซอย 21 ข้างโรงสีข้าว',
  ];
  const styles: Array<CellStyle | undefined> = [
    undefined,
    { wrap: true },
    { wrap: true, bold: true },
    { wrap: true, size: 18 },
    { wrap: false },
    { bold: true },
    { wrap: true, size: 14 },
  ];
  const cell = (): OutCell => {
    const k = rand(10);
    if (k === 0) return null;
    if (k === 1) return rand(1000);
    if (k === 2) return texts[rand(texts.length)];
    return { value: rand(5) ? texts[rand(texts.length)] : rand(100), style: styles[rand(styles.length)] };
  };
  const rows: OutCell[][] = [];
  for (let r = 0; r < 300; r++) {
    const row = Array.from({ length: 1 + rand(14) }, cell);
    if (r % 17 === 0) delete row[rand(row.length)];
    rows.push(row);
  }
  const rowStyles: Array<CellStyle | undefined> = rows.map(() => (rand(8) === 0 ? styles[rand(styles.length)] : undefined));
  const merges = [
    { r1: 3, c1: 1, r2: 3, c2: 4 },
    { r1: 10, c1: 0, r2: 12, c2: 1 },
    { r1: 40, c1: 6, r2: 40, c2: 2 },
  ];
  const sheets: Array<Pick<OutSheet, 'merges' | 'colWidths' | 'hiddenCols' | 'page'>> = [
    {
      colWidths: [5, 30, 9, 12, 14, 8, 20, 10],
      merges,
      hiddenCols: [2, 5],
      page: { orientation: 'landscape', fitWidth: true, columns: 7 },
    },
    { colWidths: [5, 30, 9, 12], merges },
    { colWidths: [12, 8, 40, 9, 16, 11, 30, 6, 30, 9, 9, 9, 9, 9, 9], hiddenCols: [3] },
    {},
  ];
  for (const sheet of sheets) {
    const heights = new RowHeights(sheet, 16);
    const layout = mergeLayout(sheet);
    const got = rows.map((row, r) => heights.of(r, row, rowStyles[r]));
    const want = rows.map((row, r) =>
      rowHeightFor(
        row,
        sheet.colWidths ?? [],
        16,
        rowStyles[r],
        layout.spans.get(r),
        layout.tall.get(r),
        sheet.page?.columns,
        new Set(sheet.hiddenCols),
      ),
    );
    expect(got).toEqual(want);
    expect(want.filter((h) => h !== undefined).length).toBeGreaterThan(50);
    expect(new Set(want).size).toBeGreaterThan(4);
  }
});

test("RowHeights on a table's rows: each column's style read once while it stays the same object, read again when it changes", () => {
  // Rows as the needs table has them: every printed text wrapped, each column's cells sharing one
  // style object down the rows; now and then a row whose column has another style object (bold, larger,
  // not wrapped, or an equal copy), then the first one again. Each row as rowHeightFor gives it.
  const rand = seeded(5);
  const texts = [
    'ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองบัว - บ้านโคกสูง หมู่ที่ ๓ ตำบลนาข่า (ต่อจากเดิม)',
    'ปรับปรุงระบบประปาหมู่บ้านแบบบาดาลขนาดใหญ่ บ้านคลองตะเคียน ซอย 21 ข้างโรงสีข้าว',
    'สำนักงานทรัพยากรน้ำแห่งชาติ',
    'กรมทางหลวงชนบท',
    'หนองบัว',
    'บรรทัดหนึ่ง\nบรรทัดสอง',
    '',
  ];
  const body: CellStyle = { border: true, wrap: true, valign: 'top' };
  const center: CellStyle = { border: true, wrap: true, align: 'center' };
  const others: CellStyle[] = [
    { border: true, wrap: true, bold: true },
    { wrap: true, size: 20 },
    { border: true, wrap: false, shrink: true },
    { border: true, wrap: true, valign: 'top' },
    { bold: true, size: 18 },
  ];
  const columns = [center, body, body, center, body, body, center];
  const rows: OutCell[][] = [];
  for (let r = 0; r < 400; r++) {
    const odd = rand(9) === 0 ? rand(columns.length) : -1;
    rows.push(
      columns.map((st, c): OutCell => {
        if (c === 0) return { value: r + 1, style: st };
        return { value: texts[rand(texts.length)], style: c === odd ? others[rand(others.length)] : st };
      }),
    );
  }
  const sheet = { colWidths: [5, 30, 9, 12, 14, 8, 10], hiddenCols: [5] };
  const heights = new RowHeights(sheet, 16);
  const got = rows.map((row, r) => heights.of(r, row, undefined));
  const want = rows.map((row) =>
    rowHeightFor(row, sheet.colWidths, 16, undefined, undefined, undefined, Infinity, new Set(sheet.hiddenCols)),
  );
  expect(got).toEqual(want);
  expect(new Set(want).size).toBeGreaterThan(4);
});
