/**
 * Seeded mutation fuzzer for the file readers and the engine (no jest: used by fuzz.test.ts and by
 * scripts/fuzz.ts for long campaigns). Each case takes a valid workbook, mutates it — byte flips,
 * truncations, insertions of XML tokens inside one zip entry (unzip, mutate, re-zip), or the same on
 * the raw file — then reads it (readWorkbookBytes) and runs validateWorkbook and consolidate. The
 * only acceptable exception is WorkbookReadError; each case must finish within `maxMs`.
 * A case is reproducible from (seed, index).
 */
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { consolidate } from '../../src/engine/consolidate';
import { validateWorkbook } from '../../src/engine/validate';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { readWorkbookBytes } from '../../src/xlsx/open';
import type { InflateRaw } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { nadiWorkbook, nongbuaTambonWorkbook, toOutWorkbook } from '../consolidate/fixtures';

export interface FuzzSeedFile {
  name: string;
  bytes: Uint8Array;
}

export interface FuzzOptions {
  cases: number;
  seed: number;
  files: FuzzSeedFile[];
  /** A case slower than this is a failure (default: no limit; scripts/fuzz.ts gives 5000 ms). */
  maxMs?: number;
  inflateRaw?: InflateRaw;
  /** First case index (to resume or reproduce one case). */
  from?: number;
  onProgress?: (done: number, result: FuzzResult) => void;
}

export interface FuzzFailure {
  index: number;
  seed: number;
  file: string;
  mutation: string;
  problem: string;
}

export interface FuzzResult {
  cases: number;
  /** Cases refused with a WorkbookReadError (the expected outcome for most broken files). */
  readErrors: number;
  /** Cases read and run through validate + consolidate. */
  processed: number;
  failures: FuzzFailure[];
  slowestMs: number;
  byCode: Record<string, number>;
}

/** mulberry32: small, fast, good enough for fuzzing. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '<',
  '>',
  '/>',
  '</c>',
  '<c r="A1">',
  '<row>',
  '</row>',
  '<v>',
  '</v>',
  '<is><t>',
  '</t></is>',
  't="s"',
  't="e"',
  't="inlineStr"',
  '&amp;',
  '&lol;',
  '&#xFFFF;',
  '&#99999999;',
  '_x0000_',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?x ',
  '?>',
  '"',
  "'",
  '=',
  ':',
  'x:',
  '99999999999',
  '-1',
  'r="XFD1048576"',
  'r="ZZZZ99999999"',
  '<si>',
  '</si>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<f t="shared" si="0"/>',
  '<f>',
  '</f>',
  's="9999"',
  '\u0E01\u0E02',
  '\uFFFD',
  '\0',
  '\r\n',
  '<xdr:twoCellAnchor>',
  '<a:t>',
  '<sheetData>',
  '</sheetData>',
].map((t) => new TextEncoder().encode(t));

function mutateBytes(b: Uint8Array, rnd: () => number): { out: Uint8Array; what: string } {
  const n = b.length;
  const at = () => Math.floor(rnd() * (n + 1));
  const kind = Math.floor(rnd() * 6);
  if (n === 0) return { out: TOKENS[Math.floor(rnd() * TOKENS.length)], what: 'token-into-empty' };
  switch (kind) {
    case 0: {
      const out = b.slice();
      const k = 1 + Math.floor(rnd() * 8);
      for (let i = 0; i < k; i++) out[Math.floor(rnd() * n)] ^= 1 << Math.floor(rnd() * 8);
      return { out, what: `flip×${k}` };
    }
    case 1: {
      const p = at();
      return { out: b.slice(0, p), what: `truncate@${p}` };
    }
    case 2: {
      const p = at();
      const t = TOKENS[Math.floor(rnd() * TOKENS.length)];
      const out = new Uint8Array(n + t.length);
      out.set(b.subarray(0, p));
      out.set(t, p);
      out.set(b.subarray(p), p + t.length);
      return { out, what: `insert@${p}` };
    }
    case 3: {
      const p = at();
      const len = Math.floor(rnd() * Math.min(4096, n - Math.min(p, n) + 1));
      return { out: new Uint8Array([...b.subarray(0, p), ...b.subarray(p + len)]), what: `delete@${p}+${len}` };
    }
    case 4: {
      // duplicate a slice (grows nesting / repeats elements)
      const p = at();
      const len = Math.min(n - Math.min(p, n), 1 + Math.floor(rnd() * 2048));
      const times = 1 + Math.floor(rnd() * 16);
      const slice = b.subarray(p, p + len);
      const out = new Uint8Array(n + slice.length * times);
      out.set(b.subarray(0, p + len));
      for (let i = 0; i < times; i++) out.set(slice, p + len + i * slice.length);
      out.set(b.subarray(p + len), p + len + times * slice.length);
      return { out, what: `repeat@${p}+${len}×${times}` };
    }
    default: {
      const out = b.slice();
      const p = Math.floor(rnd() * n);
      const len = Math.min(n - p, 1 + Math.floor(rnd() * 64));
      for (let i = 0; i < len; i++) out[p + i] = Math.floor(rnd() * 256);
      return { out, what: `random@${p}+${len}` };
    }
  }
}

/** One mutated file for case (seed, index). */
export function mutateCase(
  files: FuzzSeedFile[],
  entries: Array<Record<string, Uint8Array> | undefined>,
  seed: number,
  index: number,
): { name: string; bytes: Uint8Array; mutation: string } {
  const rnd = prng((seed * 0x9e3779b1 + index * 0x85ebca6b) >>> 0);
  const fi = Math.floor(rnd() * files.length);
  const file = files[fi];
  const parts = entries[fi];
  if (!parts || rnd() < 0.25) {
    const m = mutateBytes(file.bytes, rnd);
    return { name: file.name, bytes: m.out, mutation: `raw ${m.what}` };
  }
  const names = Object.keys(parts);
  // XML parts are the interesting ones; prefer sheets, shared strings, workbook, rels, drawings
  const name = names[Math.floor(rnd() * names.length)];
  const rounds = 1 + Math.floor(rnd() * 3);
  let data = parts[name];
  const what: string[] = [];
  for (let i = 0; i < rounds; i++) {
    const m = mutateBytes(data, rnd);
    data = m.out;
    what.push(m.what);
  }
  const z: Zippable = {};
  for (const k of names) z[k] = k === name ? data : parts[k];
  const bytes = zipSync(z, { level: rnd() < 0.5 ? 0 : 1 });
  return { name: file.name, bytes, mutation: `${name}: ${what.join(', ')}` };
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const maxMs = opts.maxMs ?? Infinity;
  const entries = opts.files.map((f) => {
    try {
      return unzipSync(f.bytes);
    } catch {
      return undefined;
    }
  });
  const result: FuzzResult = { cases: 0, readErrors: 0, processed: 0, failures: [], slowestMs: 0, byCode: {} };
  const from = opts.from ?? 0;
  for (let index = from; index < from + opts.cases; index++) {
    const c = mutateCase(opts.files, entries, opts.seed, index);
    const fail = (problem: string) => result.failures.push({ index, seed: opts.seed, file: c.name, mutation: c.mutation, problem });
    const t0 = Date.now();
    try {
      const wb = readWorkbookBytes(c.bytes, c.name, { inflateRaw: opts.inflateRaw, maxEntryBytes: 64 << 20, maxTotalBytes: 128 << 20 });
      validateWorkbook(wb);
      await consolidate([{ file: c.name, checksum: '', workbook: wb }]);
      result.processed++;
    } catch (e) {
      if (e instanceof WorkbookReadError) {
        result.readErrors++;
        result.byCode[e.code] = (result.byCode[e.code] ?? 0) + 1;
        if (!e.message.includes(c.name)) fail(`message does not name the file: ${e.message}`);
      } else fail(`uncaught ${(e as Error)?.name}: ${(e as Error)?.message ?? e}\n${(e as Error)?.stack ?? ''}`);
    }
    const ms = Date.now() - t0;
    result.slowestMs = Math.max(result.slowestMs, ms);
    if (ms > maxMs) fail(`took ${ms} ms`);
    result.cases++;
    opts.onProgress?.(result.cases, result);
  }
  return result;
}

/** The valid files mutated: a generated two-form workbook, a Thai CSV, and the real sample (when present). */
export function fuzzSeedFiles(samplePath?: string): FuzzSeedFile[] {
  const small = writeXlsx(toOutWorkbook({ name: 'x', sheets: [...nadiWorkbook().sheets, ...nongbuaTambonWorkbook().sheets] }));
  const csv = new TextEncoder().encode('ลำดับ,โครงการ,งบประมาณ\n1,"ถนน, หมู่ 3","1,500,000"\n2,คลอง,๘๐๐๐๐๐\n');
  const files: FuzzSeedFile[] = [
    { name: 'อบต.นาดี.xlsx', bytes: small },
    { name: 'แผน.csv', bytes: csv },
  ];
  if (samplePath) files.push({ name: 'nakhonsawan-2566-2570.xlsx', bytes: new Uint8Array(readFileSync(samplePath)) });
  return files;
}
