/** The real sample workbook: structure, known cells, and every cell against exceljs (test oracle only). */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Cell, WorkbookModel } from '../../src/engine/model';
import { textAt } from '../../src/engine/model';
import { readWorkbookFile } from '../../src/node/files';
import { readXlsx } from '../../src/xlsx/read';
import { FACTS, SAMPLE } from './helpers';

const facts = JSON.parse(readFileSync(FACTS, 'utf8')) as { sheets: Array<{ name: string; included_in_workbook: boolean }> };
const bytes = new Uint8Array(readFileSync(SAMPLE));

let wb: WorkbookModel;
beforeAll(() => {
  wb = readXlsx(bytes, 'nakhonsawan-2566-2570.xlsx');
});

const sheet = (name: string) => {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error('no sheet ' + name);
  return s;
};

test('31 sheets in the original order with the original names', () => {
  const expected = facts.sheets.filter((s) => s.included_in_workbook).map((s) => s.name);
  expect(expected).toHaveLength(31);
  expect(wb.sheets.map((s) => s.name)).toEqual(expected);
  expect(wb.name).toBe('nakhonsawan-2566-2570.xlsx');
  expect(wb.sheets.some((s) => s.hidden)).toBe(false);
});

test('every cell of one shape: v, t, w, f, z, in this order, f and z undefined when none', () => {
  // One shape keeps the code that reads cells (forms, signs) from being deoptimised file after file.
  let cells = 0;
  for (const s of wb.sheets) {
    for (const row of s.rows) {
      if (row === undefined) continue;
      for (const c of row) {
        if (c === undefined) continue;
        expect(Object.keys(c)).toEqual(['v', 't', 'w', 'f', 'z']);
        cells++;
      }
    }
  }
  expect(cells).toBeGreaterThan(1000);
});

test('346 merged regions and 120 text boxes, with the form code "แบบ ผ.02"', () => {
  expect(wb.sheets.reduce((a, s) => a + s.merges.length, 0)).toBe(346);
  const boxes = wb.sheets.flatMap((s) => s.textBoxes);
  expect(boxes).toHaveLength(120);
  expect(boxes.some((b) => /แบบ\s*ผ\.?\s*02/.test(b.text))).toBe(true);
  const s11 = sheet('ยุทธ1.1แผนงานสาธารณสุข');
  expect(s11.textBoxes[0]).toEqual({ text: 'แบบ ผ.02', row: 0, col: 10 });
  expect(s11.textBoxes.map((b) => b.text)).toContain('แก้ไข ครั้งที่ 2 / 2568');
});

test('ผ.02 sheet: header row 12, budgets with thousands separators', () => {
  const s = sheet('ยุทธ1.1แผนงานสาธารณสุข');
  const header = [0, 1, 2, 3, 4].map((c) => textAt(s, 11, c));
  expect(header).toEqual(['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณ']);
  expect(textAt(s, 11, 9)).toBe('ตัวชี้วัด\n(KPI)');
  expect(textAt(s, 11, 11)).toBe('หน่วยงานที่รับผิดชอบหลัก');
  expect(textAt(s, 12, 4)).toBe('2566');
  const e15 = s.rows[14]?.[4] as Cell;
  expect(e15).toMatchObject({ v: 50000, t: 'n', w: '50,000', z: '#,##0' });
  const e18 = s.rows[17]?.[4] as Cell;
  expect(e18.v).toBe(250000);
  expect(e18.w).toBe('250,000');
  // header merge over the five year columns
  expect(s.merges).toContainEqual({ r1: 11, c1: 4, r2: 11, c2: 8 });
  // total row 45 (รวมงบประมาณ in the target column)
  expect(textAt(s, 44, 3)).toBe('รวมงบประมาณ');
  expect(s.rows[44]?.[4]?.v).toBe(1632820);
  expect(s.rows[44]?.[4]?.w).toBe('1,632,820');
});

test('"-" nil budget cell is text "-"', () => {
  const s = sheet('ยุทธ6.3ผง.การพานิชย์');
  const cell = s.rows[19]?.[4] as Cell;
  expect(cell.t).toBe('s');
  expect(cell.w.trim()).toBe('-');
});

test('empty sheets have no rows', () => {
  expect(sheet('กราฟ').rows.filter(Boolean)).toHaveLength(0);
  expect(sheet('Sheet2').rows.filter(Boolean)).toHaveLength(0);
});

test('Node adapter (zlib) gives the same model as the default fflate inflater', async () => {
  const viaNode = await readWorkbookFile(SAMPLE);
  expect(viaNode).toEqual(wb);
});

// ---------------------------------------------------------------------------------------------

function excelValue(v: ExcelJS.CellValue): number | string | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o) return excelValue((o.result ?? null) as ExcelJS.CellValue);
  if ('error' in o) return String(o.error);
  if ('text' in o) return String(o.text);
  return null;
}

const norm = (x: unknown): unknown => (typeof x === 'string' ? x.replace(/\r\n?/g, '\n') : x);

test('every non-empty cell of every sheet equals exceljs', async () => {
  const xl = new ExcelJS.Workbook();
  await xl.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  expect(xl.worksheets.map((w) => w.name).sort()).toEqual(wb.sheets.map((s) => s.name).sort());
  let compared = 0;
  for (const ws of xl.worksheets) {
    const ours = sheet(ws.name);
    const seen = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row, rn) => {
      row.eachCell({ includeEmpty: false }, (cell, cn) => {
        if (cell.isMerged && cell.master.address !== cell.address) return; // exceljs repeats the master's value
        const ev = norm(excelValue(cell.value));
        if (ev === null || ev === '') return;
        const mine = ours.rows[rn - 1]?.[cn - 1];
        expect({ at: `${ws.name}!${cell.address}`, v: mine ? norm(mine.v) : undefined }).toEqual({
          at: `${ws.name}!${cell.address}`,
          v: ev,
        });
        seen.add(`${rn - 1},${cn - 1}`);
        compared++;
      });
    });
    // and nothing extra on our side
    ours.rows.forEach((r, ri) =>
      r?.forEach((c, ci) => {
        if (c)
          expect({ at: `${ws.name}!${ri},${ci}`, seen: seen.has(`${ri},${ci}`) }).toEqual({ at: `${ws.name}!${ri},${ci}`, seen: true });
      }),
    );
    // merges too
    const xm = ((ws.model as unknown as { merges?: string[] }).merges ?? []).length;
    expect({ sheet: ws.name, merges: ours.merges.length }).toEqual({ sheet: ws.name, merges: xm });
  }
  expect(compared).toBeGreaterThan(5000);
});
