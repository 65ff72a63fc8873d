/** Shared helpers for the reliability tests: the CLI io, TIS-620 encoding, temp folders. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { WorkbookReadError } from '../../src/xlsx/errors';

/** The WorkbookReadError `f` throws (anything else fails the test); checks the message names the file. */
export function readErrorOf(f: () => unknown, file: string): WorkbookReadError {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(WorkbookReadError);
  const e = err as WorkbookReadError;
  expect(e.message).toContain(`"${file}"`);
  expect(e.messageEn).toContain(file);
  expect(e.message).toMatch(/[\u0E00-\u0E7F]/);
  return e;
}

export function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

/** Thai text → TIS-620 bytes (U+0E01..U+0E5B → 0xA1..0xFB; ASCII as is). */
export function tis620(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else if (c >= 0x0e01 && c <= 0x0e5b) out[i] = c - 0x0e01 + 0xa1;
    else throw new Error(`not in TIS-620: U+${c.toString(16)}`);
  }
  return out;
}

/** A temporary folder with the given files; returns paths by name and a cleanup. */
export function tempFiles(files: Record<string, Uint8Array | string>): { dir: string; p: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'oneplan-rel-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  return { dir, p: (name) => path.join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
