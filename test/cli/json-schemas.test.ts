/** The published JSON Schemas (docs/schemas) are current, and real `--json` outputs of every command pass them. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { main } from '../../src/cli/oneplan';
import { jsonSchemas, schemaFileText, type JsonCommand } from '../../src/cli/schemas';
import { writeXlsx } from '../../src/xlsx/write';
import { allWorkbooks, toOutWorkbook } from '../consolidate/fixtures';
import { REAL_SAMPLE } from '../samples';
import { actionPlanInputs } from '../action-plan/fixtures';

const schemas = jsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validators = Object.fromEntries(Object.entries(schemas).map(([c, s]) => [c, ajv.compile(s)])) as Record<
  JsonCommand,
  ReturnType<typeof ajv.compile>
>;

async function run(argv: string[]): Promise<{ code: number; json: unknown }> {
  const out: string[] = [];
  const code = await main(argv, { out: (s) => void out.push(s), err: () => undefined });
  return { code, json: JSON.parse(out.join('')) };
}

function expectValid(command: JsonCommand, json: unknown): void {
  const ok = validators[command](json);
  expect(validators[command].errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oneplan-schemas-'));
  allWorkbooks().forEach((wb, i) => writeFileSync(path.join(dir, `${i + 1}-${wb.name}`), writeXlsx(toOutWorkbook(wb))));
  writeFileSync(path.join(dir, 'เสีย.xlsx'), 'not a zip');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(Object.keys(schemas) as JsonCommand[])('docs/schemas/%s.schema.json is current (npm run schemas)', (command) => {
  const file = path.join(__dirname, '../../docs/schemas', `${command}.schema.json`);
  expect(readFileSync(file, 'utf8')).toBe(schemaFileText(schemas[command]));
});

test('validate --json (Thai and English, an unreadable file) passes its schema; findings carry typed details', async () => {
  for (const lang of ['th', 'en']) {
    const { code, json } = await run([
      'validate',
      REAL_SAMPLE,
      path.join(dir, 'เสีย.xlsx'),
      '--strategies',
      'nakhonsawan-2566-2570-inferred',
      '--json',
      '--lang',
      lang,
    ]);
    expect(code).toBe(1);
    expectValid('validate', json);
    const files = (
      json as { files: Array<{ ok: boolean; sheets: Array<{ findings: Array<{ code: string; details: Record<string, unknown> }> }> }> }
    ).files;
    expect(files.map((f) => f.ok)).toEqual([true, false]);
    const total = files[0].sheets.flatMap((s) => s.findings).find((f) => f.code === 'total-mismatch');
    expect(total?.details).toEqual(
      expect.objectContaining({ stated: expect.any(Number), computed: expect.any(Number), year: expect.any(Number) }),
    );
  }
});

test('a file error carries a registered code (src/engine/file-errors.ts); any other code fails the schema', async () => {
  const { json } = await run(['validate', path.join(dir, 'เสีย.xlsx'), '--json']);
  const error = (json as { files: Array<{ error: { code: string } }> }).files[0].error;
  expect(error.code).toBe('not-zip');
  expect(validators.validate(json)).toBe(true);
  error.code = 'EACCES';
  expect(validators.validate(json)).toBe(false);
});

test("a finding without its details, or with another code's details, fails the schema", async () => {
  const { json } = await run(['validate', REAL_SAMPLE, '--json']);
  const f = (json as { files: Array<{ sheets: Array<{ findings: Array<Record<string, unknown>> }> }> }).files[0].sheets.flatMap(
    (s) => s.findings,
  )[0];
  const original = { ...f };
  delete f.details;
  expect(validators.validate(json)).toBe(false);
  Object.assign(f, original, { code: 'total-mismatch', details: {} });
  expect(validators.validate(json)).toBe(false);
});

test('consolidate --json (a broken file among good ones) passes its schema', async () => {
  const { code, json } = await run(['consolidate', dir, '--strategies', 'nakhonsawan-2566-2570-inferred', '--json']);
  expect(code).toBe(1);
  expectValid('consolidate', json);
  const j = json as { inputs: Array<{ status: string }>; needs: { items: unknown[] } };
  expect(j.inputs.map((i) => i.status)).toContain('failed');
  expect(j.needs.items.length).toBeGreaterThan(0);
});

test('match --json --all passes its schema', async () => {
  const { json } = await run(['match', REAL_SAMPLE, '--strategies', 'nakhonsawan-2566-2570-inferred', '--json', '--all']);
  expectValid('match', json);
  const statuses = new Set((json as { files: Array<{ projects: Array<{ status: string }> }> }).files[0].projects.map((p) => p.status));
  expect(statuses.has('consistent')).toBe(true);
});

test('calendar --json passes its schema', async () => {
  for (const template of ['dopa', 'rayong']) {
    const { code, json } = await run(['calendar', '--fiscal-year', '2571', '--template', template, '--thai-digits', '--json']);
    expect(code).toBe(0);
    expectValid('calendar', json);
    expect((json as { steps: unknown[] }).steps.length).toBeGreaterThan(3);
  }
});

test('action-plan --json passes its schema', async () => {
  const inputs = path.join(dir, 'action-plan');
  mkdirSync(inputs);
  for (const wb of actionPlanInputs()) writeFileSync(path.join(inputs, wb.name), writeXlsx(toOutWorkbook(wb)));
  const { code, json } = await run(['action-plan', inputs, '--fiscal-year', '2569', '--json']);
  expect(code).toBe(0);
  expectValid('action-plan', json);
  expect((json as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
});
