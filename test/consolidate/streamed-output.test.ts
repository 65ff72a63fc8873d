/**
 * The needs and duplicates tables are made row by row for the file writer (needsFileWorkbook), so a
 * national table is never held as cell objects. Same file as the whole sheets (needsWorkbook), part
 * by part, on the fixtures (local-plan rows out of the totals, merged and possible duplicates) and on
 * a result without duplicates; and the writer asks for rows one at a time, in order.
 */
import { unzipSync } from 'fflate';
import { consolidate, needsFileWorkbook, needsWorkbook, type ConsolidateResult } from '../../src/engine/consolidate';
import { isStreamed, type StreamedSheet } from '../../src/engine/output';
import { presetById } from '../../src/engine/strategy';
import { writeXlsx } from '../../src/xlsx/write';
import { allWorkbooks, nadiWorkbook } from './fixtures';

const created = new Date(Date.UTC(2026, 11, 1));
function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(unzipSync(bytes))) out[k] = Buffer.from(v).toString('utf8');
  return out;
}

async function result(wbs = allWorkbooks()): Promise<ConsolidateResult> {
  return consolidate(
    wbs.map((workbook) => ({ file: `${workbook.name}.xlsx`, checksum: 'x', workbook })),
    { strategies: presetById('suratthani')!.list },
  );
}

test('needsFileWorkbook writes the same file as needsWorkbook (fixtures with local-plan rows and duplicates)', async () => {
  const r = await result();
  expect(r.items.some((i) => !i.inTotals)).toBe(true);
  expect(r.duplicates.length).toBeGreaterThan(0);
  const whole = parts(writeXlsx(needsWorkbook(r), { created }));
  const streamed = parts(writeXlsx(needsFileWorkbook(r), { created }));
  expect(Object.keys(streamed).sort()).toEqual(Object.keys(whole).sort());
  for (const k of Object.keys(whole)) expect([k, streamed[k]]).toEqual([k, whole[k]]);
  // the excluded-items note and the issue groups are there
  expect(whole['xl/sharedStrings.xml']).toContain('หมายเหตุ: ไม่นับยอด');
  // Each need's ที่มา is its own: written in its cell, kept out of the shared strings (a million labels never repeated).
  const sheet = whole['xl/worksheets/sheet1.xml'];
  const first = `${r.items[0].sources[0].file} / `;
  expect(sheet).toContain(`t="inlineStr"><is><t>${first}`);
  expect(whole['xl/sharedStrings.xml']).not.toContain(first);
  expect(sheet.match(/t="inlineStr"/g)).toHaveLength(r.items.length);
});

test('the same without duplicates ("ไม่พบโครงการซ้ำ"), and the rows are asked for in order, each once', async () => {
  const r = await result([nadiWorkbook()]);
  r.duplicates = [];
  const whole = parts(writeXlsx(needsWorkbook(r), { created }));
  const wb = needsFileWorkbook(r);
  const asked: Array<[string, number]> = [];
  for (const s of wb.sheets)
    if (isStreamed(s)) {
      const rowAt = s.rowAt;
      (s as StreamedSheet).rowAt = (i) => (asked.push([s.name, i]), rowAt(i));
    }
  const streamed = parts(writeXlsx(wb, { created }));
  for (const k of Object.keys(whole)) expect([k, streamed[k]]).toEqual([k, whole[k]]);
  expect(whole['xl/sharedStrings.xml']).toContain('ไม่พบโครงการซ้ำ');
  for (const s of wb.sheets.filter(isStreamed)) {
    // rows of merged title cells are looked at once more for their style; every other row once, in order
    const rows = asked.filter(([n]) => n === s.name).map(([, i]) => i);
    const body = rows.filter((i) => !(s.merges ?? []).some((m) => m.r1 <= i && i <= m.r2));
    expect(body).toEqual([...new Set(body)].sort((a, b) => a - b));
    expect(new Set(rows).size).toBe(s.rowCount);
  }
});
