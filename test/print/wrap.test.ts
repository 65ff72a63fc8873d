/**
 * The wrap estimator counts lines word by word as LibreOffice prints them. The expected counts are the
 * lines LibreOffice printed for these cells of the real sample's needs table (TH Sarabun New 16 as
 * Laksaman): counting characters against a shortened line said a line or two more.
 */
import { linesHeight, rowHeightFor, wrappedLines } from '../../src/engine/print';

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

test('a row is as tall as its tallest wrapped cell, estimated word by word', () => {
  const body = { wrap: true };
  const cells = [
    { value: 'ปรับปรุงระบบประปาเกาะยม (สถานีผลิตน้ำประปา)', style: body },
    { value: 'สำนักงานทรัพยากรน้ำแห่งชาติ\nสำนักการประปา', style: body },
  ];
  expect(rowHeightFor(cells, [18, 9], 16)).toBe(linesHeight(5, 16));
  expect(rowHeightFor(cells, [13, 20], 16)).toBe(linesHeight(4, 16));
});
