import { parseProvenance, provenanceKey, provenanceMention } from '../../src/engine/consolidate/provenance';

test('a ที่มา line reads back as the row it was written from, whatever the file and sheet are called', () => {
  const refs = [
    { file: 'แผนชุมชนตำบลหนองบัว.xlsx', sheet: 'Sheet1', row: 12 },
    { file: 'อบต.ป่าแดด / ส่งครั้งที่ 2.xlsx', sheet: 'ผ.02 (ปี ๖๙)', row: 7 }, // a "/" in the file name
    { file: 'ความต้องการ อ.เมือง.xlsx', sheet: 'แผนความต้องการอำเภอ', row: 1048576 },
  ];
  for (const ref of refs) expect(parseProvenance(provenanceKey(ref))).toEqual(ref);
  expect(provenanceKey(refs[0])).toBe('แผนชุมชนตำบลหนองบัว.xlsx / Sheet1 / แถว 12');
  expect(provenanceMention(refs[0])).toBe('แผนชุมชนตำบลหนองบัว.xlsx ชีต Sheet1 แถว 12');
  // An officer's edit that is no longer a ที่มา line is no row (the re-run falls back to the place).
  for (const line of ['', '-', 'แผนชุมชน.xlsx / Sheet1']) expect(parseProvenance(line)).toBeUndefined();
});

test('a ที่มา line an officer retyped with Thai digits (แถว ๑๒) names the same row', () => {
  expect(parseProvenance('แผนชุมชนตำบลหนองบัว.xlsx / Sheet1 / แถว ๑๒')).toEqual({ file: 'แผนชุมชนตำบลหนองบัว.xlsx', sheet: 'Sheet1', row: 12 });
  expect(parseProvenance('ผ.02 ปี ๖๙.xlsx / ผ.02 (ปี ๖๙) / แถว ๑๐๗')).toEqual({ file: 'ผ.02 ปี ๖๙.xlsx', sheet: 'ผ.02 (ปี ๖๙)', row: 107 });
  // Digits mixed in one number are still one number; a row that is not a number is no row.
  expect(parseProvenance('a.xlsx / S / แถว ๑2')?.row).toBe(12);
  expect(parseProvenance('a.xlsx / S / แถว สิบสอง')).toBeUndefined();
});
