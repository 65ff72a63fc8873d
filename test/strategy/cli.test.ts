import * as path from 'path';
import * as os from 'os';
import * as fs from 'fs';
import { main } from '../../src/cli/oneplan';
import { readWorkbookFile } from '../../src/node/files';
import { REAL_SAMPLE } from '../samples';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

test('oneplan match lists flagged projects with reasons and writes the mismatch sheet', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneplan-match-'));
  const outFile = path.join(dir, 'fit.xlsx');
  const c = capture();
  const code = await main(['match', REAL_SAMPLE, '--strategies', 'nakhonsawan-2566-2570-inferred', '--json', '--out', outFile], c.io);
  expect(code).toBe(1);
  const json = JSON.parse(c.out.join(''));
  const projects = json.files[0].projects;
  expect(projects.length).toBeGreaterThan(0);
  for (const p of projects) {
    expect(['weak', 'undeclared', 'none']).toContain(p.status);
    expect(p.reason.length).toBeGreaterThan(10);
    expect(p.row).toBeGreaterThan(12);
  }
  // Weak verdicts suggest another issue and say which words matched.
  const weak = projects.find((p: { status: string }) => p.status === 'weak');
  expect(weak.suggested).not.toBe(weak.declared);
  expect(weak.matched.length).toBeGreaterThan(0);
  const wb = await readWorkbookFile(outFile);
  expect(wb.sheets[0].name).toBe('ตรวจความสอดคล้อง');
  const names = wb.sheets[0].rows.map((r) => r?.[3]?.w).filter(Boolean);
  expect(names).toContain(weak.name);
});

test('oneplan match without --strategies is a usage error', async () => {
  const c = capture();
  expect(await main(['match', REAL_SAMPLE], c.io)).toBe(2);
  expect(c.err.join('')).toContain('--strategies');
});

test('--help prints usage and exits 0; an unwritable --out is a usage error found before any work', async () => {
  const h = capture();
  expect(await main(['validate', '--help'], h.io)).toBe(0);
  expect(h.out.join('')).toContain('usage: oneplan validate');
  const c = capture();
  const code = await main(
    ['match', REAL_SAMPLE, '--strategies', 'nakhonsawan-2566-2570-inferred', '--json', '--out', '/dev/null/x/fit.xlsx'],
    c.io,
  );
  expect(code).toBe(2);
  expect(c.err.join('')).toMatch(/เขียน --out "\/dev\/null\/x\/fit.xlsx" ไม่ได้: "\/dev\/null" เป็นไฟล์ ไม่ใช่โฟลเดอร์/);
  expect(c.out.join('')).toBe('');
});
