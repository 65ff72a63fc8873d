/** `oneplan action-plan` on .xlsx files: exit codes, --json against its schema, and the written plan validates clean. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { main, type Io } from '../../src/cli/oneplan';
import { jsonSchemas } from '../../src/cli/schemas';
import { readWorkbookFile } from '../../src/node/files';
import { readPlanSheet } from '../../src/engine/forms/read';
import { validateWorkbook } from '../../src/engine/validate';
import { writeXlsx } from '../../src/xlsx/write';
import { toOutWorkbook, unrelatedWorkbook } from '../consolidate/fixtures';
import { actionPlanInputs, YOTHA } from './fixtures';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s) };
  const code = await main(['action-plan', ...argv], io);
  return { code, out, err };
}

let dir: string;
let inputs: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oneplan-action-'));
  inputs = path.join(dir, 'ได้รับ');
  mkdirSync(inputs);
  for (const wb of actionPlanInputs()) writeFileSync(path.join(inputs, wb.name), writeXlsx(toOutWorkbook(wb)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('oneplan action-plan', () => {
  test('a folder of received files → the plan (exit 0), --json valid against docs/schemas/action-plan', async () => {
    const out = path.join(dir, 'แผนปฏิบัติการ-2569.xlsx');
    const r = await run([inputs, '--fiscal-year', '๒๕๖๙', '--district', 'อำเภอเมืองนครสวรรค์', '--out', out, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(jsonSchemas()['action-plan']);
    expect(validate(json)).toBe(true);
    expect(json).toMatchObject({ fiscalYear: 2569, district: 'อำเภอเมืองนครสวรรค์', out, total: 13_910_000 });
    expect(json.rows).toHaveLength(11);
    expect(json.duplicates).toHaveLength(2);
    expect(json.groups[0]).toMatchObject({ agency: YOTHA, total: 3_300_000 });
  });

  test('the written plan is recognised as OnePlan’s action plan and validates without errors', async () => {
    const out = path.join(dir, 'plan.xlsx');
    expect((await run([inputs, '--fiscal-year', '2569', '--district', 'อำเภอเมืองนครสวรรค์', '--out', out])).code).toBe(0);
    const wb = await readWorkbookFile(out);
    const main = wb.sheets[0];
    const plan = readPlanSheet(main);
    expect(plan.kind).toBe('action-plan');
    expect(plan.titles[0].text).toBe('แผนปฏิบัติการประจำปีของอำเภอเมืองนครสวรรค์');
    const report = validateWorkbook(wb);
    expect(report.ok).toBe(true);
    expect(report.sheets.flatMap((s) => s.findings).filter((f) => f.severity === 'error')).toEqual([]);
    // Group, tambon, subtotal and total rows as printed; provenance on every project row.
    const texts = main.rows.map((row) => (row ?? []).map((c) => c?.w ?? ''));
    const at = (label: string) => texts.find((t) => t[0] === label || t[0].startsWith(`${label} (`));
    expect(at(`ส่วนราชการ: ${YOTHA}`)).toBeDefined();
    expect(at('รวมตำบลนาดี')?.[5]).toBe('2,500,000');
    expect(at(`รวม ${YOTHA}`)?.[5]).toBe('3,300,000');
    expect(at('รวมส่วนราชการ')?.[5]).toBe('8,650,000');
    expect(at('รวมองค์กรปกครองส่วนท้องถิ่น')?.[5]).toBe('5,260,000');
    expect(at('รวมทั้งสิ้น')?.[5]).toBe('13,910,000');
    expect(at('รวมทั้งสิ้น')?.[0]).toBe('รวมทั้งสิ้น (11 โครงการ)');
    const projects = texts.filter((t) => /^\d+$/.test(t[0]));
    expect(projects).toHaveLength(11);
    for (const p of projects) expect(p[10]).toMatch(/\.xlsx \/ .+ \/ แถว \d+$/);
    expect(projects.find((p) => p[1].startsWith('ขุดลอกคลอง') && p[4] === YOTHA)?.[7]).toContain('กับที่');
    expect(wb.sheets.map((s) => s.name)).toEqual(['แผนปฏิบัติการอำเภอ', 'โครงการที่อาจซ้ำกัน', 'แหล่งข้อมูลแผนปฏิบัติการ']);
  });

  test('no funded project in the files: exit 1 with a message, not an empty plan passed as fine', async () => {
    const only = path.join(dir, 'unrelated.xlsx');
    writeFileSync(only, writeXlsx(toOutWorkbook(unrelatedWorkbook())));
    const r = await run([only, '--fiscal-year', '2569', '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('ไม่พบโครงการที่ได้รับงบประมาณปี 2569');
  });

  test('a file that cannot be read: exit 1, named, the plan still made from the others', async () => {
    const bad = path.join(dir, 'เสีย.xlsx');
    writeFileSync(bad, 'not a zip');
    const r = await run([inputs, bad, '--fiscal-year', '2569', '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('เสีย.xlsx');
    expect(JSON.parse(r.out).rows).toHaveLength(11);
  });

  test.each([
    [['--fiscal-year', '2569', '--json'], 'give at least one file'],
    [['x.xlsx', '--json'], '--fiscal-year N is required'],
    [['x.xlsx', '--fiscal-year', '69', '--json'], 'is not a year'],
    [['x.xlsx', '--fiscal-year', '2569'], 'give --out OUT.xlsx or --json'],
    [['x.xlsx', '--fiscal-year', '2569', '--out', 'plan.pdf'], 'must end in .xlsx'],
  ])('bad usage %j: exit 2', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
