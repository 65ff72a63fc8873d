import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { capNeeded, DEFAULT_HEAP_MB } from '../../src/cli/capped';
import { runConsolidate } from '../../src/cli/consolidate';
import { threadsFor } from '../../src/cli/readers';
import { Consolidation, NEEDS_SHEET } from '../../src/engine/consolidate';
import { districtFile } from '../../bench/gen';
import { textAt } from '../../src/engine/model';
import { readXlsx } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { allWorkbooks, toOutWorkbook } from './fixtures';

const inflateRaw = (d: Uint8Array) => new Uint8Array(zlib.inflateRawSync(d));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oneplan-consolidate-'));
  const inbox = path.join(dir, 'inbox');
  fs.mkdirSync(inbox);
  allWorkbooks().forEach((wb, i) => writeFileSync(path.join(inbox, `${i + 1}-${wb.name}`), writeXlsx(toOutWorkbook(wb))));
  writeFileSync(path.join(inbox, '3-เสีย.xlsx'), 'this is not a zip file');
  writeFileSync(path.join(inbox, 'notes.txt'), 'ignored: not .xlsx');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

test('bad usage exits 2', async () => {
  const a = io();
  expect(await runConsolidate([], a.io)).toBe(2);
  expect(await runConsolidate([path.join(dir, 'inbox')], a.io)).toBe(2); // no --out, no --json
  expect(await runConsolidate([path.join(dir, 'inbox'), '--out'], a.io)).toBe(2);
  expect(await runConsolidate([path.join(dir, 'inbox'), '--bogus', '--json'], a.io)).toBe(2);
});

test('folder in, needs workbook out, --json report; a broken file makes exit 1', async () => {
  const a = io();
  const out = path.join(dir, 'out', 'needs.xlsx');
  const code = await runConsolidate([path.join(dir, 'inbox'), '--out', out, '--json'], a.io);
  expect(a.err.join('')).toBe('');
  expect(code).toBe(1);
  const j = JSON.parse(a.out.join(''));
  expect(j.inputs).toHaveLength(6);
  const broken = j.inputs.find((i: { file: string }) => i.file.endsWith('3-เสีย.xlsx'));
  expect(broken.status).toBe('failed');
  expect(broken.error.code).toEqual(expect.any(String));
  expect(broken.error.messageEn).toMatch(/[A-Za-z]/); // the reader's English message comes along
  expect(j.inputs.find((i: { file: string }) => i.file.endsWith('รายชื่อผู้เข้าประชุม.xlsx')).status).toBe('skipped');
  expect(j.inputs.every((i: { checksum: string }) => /^[0-9a-f]{64}$/.test(i.checksum))).toBe(true);
  expect(j.needs.projects).toBe(10);
  expect(j.needs.totals).toEqual({ '2566': 0, '2567': 6650000, '2568': 7700000, '2569': 2000000, '2570': 0 });
  expect(j.duplicates.map((d: { confidence: string }) => d.confidence)).toEqual(['exact', 'exact', 'exact', 'exact', 'likely', 'possible']);
  expect(j.strategy).toEqual({ mismatches: [] });
  expect(j.output).toBe(out);

  // The written file reads back: the needs sheet with Thai project names and the grand total.
  const wb = readXlsx(new Uint8Array(readFileSync(out)), 'needs.xlsx', { inflateRaw });
  expect(wb.sheets).toHaveLength(4);
  const needs = wb.sheets.find((s) => s.name === NEEDS_SHEET)!;
  const texts = needs.rows.map((_, r) => textAt(needs, r, 1));
  expect(texts).toContain('ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3');
  expect(texts).toContain('รวมทั้งสิ้น');
  // The formula-looking note is a text cell, not a formula.
  const cells = needs.rows.flatMap((r) => r ?? []);
  const hyper = cells.find((c) => c && typeof c.v === 'string' && c.v.includes('HYPERLINK'));
  expect(hyper?.t).toBe('s');
  expect(cells.some((c) => c?.f)).toBe(false);

  // LibreOffice, when installed, opens it and sees the Thai names.
  if (existsSync('/usr/bin/soffice')) {
    const conv = path.join(dir, 'csv');
    execFileSync('/usr/bin/soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', conv, out], {
      timeout: 120000,
      stdio: 'ignore',
      env: { ...process.env, HOME: dir },
    });
    const csv = readFileSync(path.join(conv, readdirSync(conv)[0]), 'utf8');
    expect(csv).toContain('ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3');
    expect(csv).toContain('ส่งเสริมการท่องเที่ยวชุมชนล่องเรือชมหิ่งห้อย');
  }
}, 180000);

test('human output and exit 0 when every file reads', async () => {
  const a = io();
  const inbox = path.join(dir, 'inbox');
  const good = readdirSync(inbox)
    .filter((n) => n.endsWith('.xlsx') && !n.includes('เสีย'))
    .map((n) => path.join(inbox, n));
  const code = await runConsolidate([...good, '--out', path.join(dir, 'ok.xlsx')], a.io);
  expect(code).toBe(0);
  const text = a.out.join('');
  expect(text).toContain('แผนความต้องการ: 10 โครงการ (นับยอด 9)');
  expect(text).toContain('ปีงบประมาณ 2567: 6,650,000 บาท');
});

test('files are read one at a time: each is added to the consolidation before the next is read', async () => {
  // One thread (no compiled worker under jest) reads each file synchronously: its reads of the inbox are counted.
  const nodeFs = jest.requireActual<typeof fs>('node:fs');
  const inbox = path.join(dir, 'inbox');
  const reads: string[] = [];
  const seen: number[] = [];
  const readOrig = nodeFs.readFileSync;
  const addOrig = Consolidation.prototype.add;
  const readSpy = jest.spyOn(nodeFs, 'readFileSync').mockImplementation(((...a: unknown[]) => {
    if (String(a[0]).startsWith(inbox)) reads.push(String(a[0]));
    return readOrig.apply(nodeFs, a as Parameters<typeof readOrig>);
  }) as typeof readOrig);
  const addSpy = jest.spyOn(Consolidation.prototype, 'add').mockImplementation(function (this: unknown, ...a: unknown[]) {
    seen.push(reads.length);
    return addOrig.apply(this, a as Parameters<typeof addOrig>);
  });
  try {
    await runConsolidate([inbox, '--json'], io().io);
  } finally {
    readSpy.mockRestore();
    addSpy.mockRestore();
  }
  expect(seen).toEqual([1, 2, 3, 4, 5, 6]); // add #k right after read #k, never all reads first
});

/** A folder of `n` generated district workbooks (bench/gen.ts) of `rows` project rows each. */
function districtFolder(name: string, n: number, rows: number): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 0; i < n; i++) {
    const f = districtFile(i, rows);
    writeFileSync(path.join(folder, f.name), f.bytes);
  }
  return folder;
}

/** The compiled command (npm test builds dist/node before jest runs), with extra environment. */
function oneplanConsolidate(args: string[], env: Record<string, string>) {
  const bin = path.resolve(__dirname, '../../bin/oneplan.js');
  return spawnSync(process.execPath, [bin, 'consolidate', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env },
  });
}

describe('bin/oneplan.js consolidate: files read by worker threads', () => {
  const run = (args: string[], workers: string) => oneplanConsolidate(args, { ONEPLAN_WORKERS: workers });

  test('threads by default: one per core up to 8, but one on two cores; ONEPLAN_WORKERS asks; a handful of files is read here', () => {
    expect(threadsFor(200, undefined, 2)).toBe(1);
    expect(threadsFor(200, undefined, 1)).toBe(1);
    expect(threadsFor(200, undefined, 4)).toBe(4);
    expect(threadsFor(200, undefined, 16)).toBe(8);
    expect(threadsFor(200, '2', 2)).toBe(2);
    expect(threadsFor(200, '1', 8)).toBe(1);
    expect(threadsFor(200, 'many', 4)).toBe(4);
    expect(threadsFor(200, '0', 4)).toBe(4);
    expect(threadsFor(5, '8', 8)).toBe(5);
    expect(threadsFor(3, undefined, 8)).toBe(1);
  });

  test('3 threads give what one thread gives, in file order; unreadable files are named and the rest goes on', () => {
    expect(existsSync(path.resolve(__dirname, '../../dist/node/cli/extract-worker.js'))).toBe(true);
    const folder = districtFolder('threads', 9, 150);
    writeFileSync(path.join(folder, 'เสีย.xlsx'), Buffer.from('PK\u0003\u0004 not really a zip'));
    writeFileSync(path.join(folder, 'ว่าง.xlsx'), Buffer.alloc(0));
    const one = run([folder, '--strategies', 'chiangmai-2566-2570', '--json'], '1');
    const three = run([folder, '--strategies', 'chiangmai-2566-2570', '--json'], '3');
    expect(one.status).toBe(1); // a file failed
    expect(three.status).toBe(1);
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(three.stdout);
    expect(b).toEqual(a);
    expect(a.needs.projects).toBeGreaterThan(800);
    expect(a.strategy.mismatches.length).toBeGreaterThan(100);
    const failed = a.inputs.filter((i: { status: string }) => i.status === 'failed').map((i: { file: string }) => path.basename(i.file));
    expect(failed.sort()).toEqual(['ว่าง.xlsx', 'เสีย.xlsx'].sort());
  }, 120_000);
});

describe('bin/oneplan.js consolidate: reading threads started with the command (readers.ts)', () => {
  // spawnSync's timeout only turns a process that never ends (a waiting thread keeping it alive) into a
  // failure (status null) instead of a hung test; no time is asserted.
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [path.resolve(__dirname, '../../bin/oneplan.js'), 'consolidate', ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      timeout: 60_000,
      env: { ...process.env, ...env },
    });

  test('a usage error, a run of a few files and a heap-capped run each end, with what one thread gives', () => {
    const missing = run([path.join(dir, 'ไม่มี'), '--json'], { ONEPLAN_WORKERS: '3' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('ไม่มี');

    const few = districtFolder('few-threads', 3, 60); // under 4 files: read on this thread, the others ended
    const fewOne = run([few, '--json'], { ONEPLAN_WORKERS: '1' });
    const fewThree = run([few, '--json'], { ONEPLAN_WORKERS: '3' });
    expect(fewThree.status).toBe(0);
    expect(JSON.parse(fewThree.stdout)).toEqual(JSON.parse(fewOne.stdout));

    const some = districtFolder('capped-threads', 6, 200); // the capped worker starts threads of its own
    const capped = run([some, '--json'], { ONEPLAN_WORKERS: '3', ONEPLAN_MAX_HEAP_MB: '1' });
    const free = run([some, '--json'], { ONEPLAN_WORKERS: '1', ONEPLAN_MAX_HEAP_MB: '0' });
    expect(capped.status).toBe(0);
    expect(capped.stderr).toContain('running again');
    expect(JSON.parse(capped.stdout).needs).toEqual(JSON.parse(free.stdout).needs);
    expect(JSON.parse(free.stdout).needs.projects).toBeGreaterThan(700);
  }, 120_000);
});

describe('bin/oneplan.js consolidate: its start', () => {
  test("loads the consolidation, not the validation's findings registry (~160 M instructions of schemas at every start)", () => {
    // The compiled command's modules, as a consolidation loads them (npm test builds dist/node before jest runs).
    const cli = path.resolve(__dirname, '../../dist/node/cli/consolidate.js');
    const probe = `require(${JSON.stringify(cli)}); console.log(JSON.stringify(Object.keys(require.cache)))`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const loaded = (JSON.parse(r.stdout) as string[]).map((f) => f.split(path.sep).join('/'));
    expect(loaded.some((f) => f.endsWith('dist/node/engine/consolidate/consolidation.js'))).toBe(true);
    expect(loaded.filter((f) => f.endsWith('dist/node/engine/findings.js'))).toEqual([]);
  });

  test('a run, its JSON, a built-in issue list, district and province included, never loads zod (~160 M instructions at every start)', () => {
    const folder = districtFolder('no-zod', 3, 20);
    const bin = path.resolve(__dirname, '../../bin/oneplan.js');
    const args = ['consolidate', folder, '--json', '--out', path.join(dir, 'no-zod.xlsx'), '--strategies', 'chiangmai-2566-2570'];
    const loadedBy = (extra: string[]) => {
      // The command run in-process (no heap-capped worker), its loaded modules listed when it ends.
      const probe =
        `process.argv = [process.argv[0], ${JSON.stringify(bin)}, ...${JSON.stringify([...args, ...extra])}];` +
        `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));` +
        `require(${JSON.stringify(bin)});`;
      const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: { ...process.env, ONEPLAN_MAX_HEAP_MB: '0' } });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).needs.projects).toBeGreaterThan(0);
      const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '))!;
      return (JSON.parse(line.slice(7)) as string[]).map((f) => f.split(path.sep).join('/'));
    };
    for (const loaded of [loadedBy([]), loadedBy(['--district', 'เมือง', '--province', 'เชียงใหม่'])]) {
      expect(loaded.some((f) => f.endsWith('dist/node/engine/consolidate/json.js'))).toBe(true);
      expect(loaded.filter((f) => f.includes('/node_modules/zod/'))).toEqual([]);
    }
  });
});

describe('bin/oneplan.js consolidate: a worker with a capped heap', () => {
  test('only inputs whose run may take half the cap move to the capped worker', async () => {
    const folder = districtFolder('sizes', 3, 300);
    const files = readdirSync(folder).map((f) => path.join(folder, f));
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    expect(bytes).toBeGreaterThan(50_000);
    // ~20 bytes of heap per byte of .xlsx: 3 files of 300 rows stay in-process under the default cap …
    expect(await capNeeded(files, DEFAULT_HEAP_MB)).toBe(false);
    expect(await capNeeded(files.slice(0, 1), DEFAULT_HEAP_MB)).toBe(false);
    // … and move under a cap near what they need, as a province's thousands of files do under the default.
    const nearMb = Math.floor((bytes * 20 * 2) / 2 ** 20);
    expect(await capNeeded(files, nearMb)).toBe(true);
    expect(await capNeeded(files, nearMb + 2)).toBe(false);
    expect(await capNeeded([path.join(folder, 'ไม่มี.xlsx')], 1)).toBe(false);
  });

  const run = (args: string[], cap: string) => oneplanConsolidate(args, { ONEPLAN_MAX_HEAP_MB: cap });

  test('too small a cap: run again with twice the heap, output printed once, same result as without a cap', () => {
    // npm test builds dist/node before jest runs.
    expect(existsSync(path.resolve(__dirname, '../../dist/node/cli/worker.js'))).toBe(true);
    const many = districtFolder('many', 20, 300);
    const capped = run([many, '--json'], '8');
    expect(capped.status).toBe(0);
    expect(capped.stderr).toContain('running again with 16 MB');
    const free = run([many, '--json'], '0'); // in-process, no worker
    expect(free.status).toBe(0);
    expect(free.stderr).toBe('');
    const a = JSON.parse(capped.stdout);
    const b = JSON.parse(free.stdout);
    expect(a.needs).toEqual(b.needs);
    expect(a.needs.projects).toBeGreaterThan(3000);
  }, 120_000);
});

describe('bin/oneplan.js consolidate: ONEPLAN_TIMING', () => {
  test('logs each phase once, in order, in milliseconds since the start; silent without it', () => {
    const folder = districtFolder('timing', 4, 40);
    const out = path.join(dir, 'timing.xlsx');
    const timed = oneplanConsolidate([folder, '--out', out], { ONEPLAN_TIMING: '1' });
    expect(timed.status).toBe(0);
    const phases = [...timed.stderr.matchAll(/^oneplan timing: (.+) (\d+) ms$/gm)];
    // A few small files: in-process, no heap-capped thread (capped.ts: capNeeded).
    expect(phases.map((m) => m[1])).toEqual([
      'reading files',
      'files read',
      'consolidated',
      'workbook made',
      'sheets made and deflated',
      'written',
    ]);
    const ms = phases.map((m) => Number(m[2]));
    expect([...ms].sort((a, b) => a - b)).toEqual(ms);
    fs.rmSync(out);
    const quiet = oneplanConsolidate([folder, '--out', out], {});
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
  }, 120_000);
});
