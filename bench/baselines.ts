/** The baselines every section compares with, measured in the same run (bench/run.ts). */
import type { GenFile } from './gen';
import { nodeInflateRaw } from '../src/node/files';

/** Median of a non-empty list. */
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Every entry of a zip inflated with node:zlib (the floor no reader can beat). */
export function inflateAll(bytes: Uint8Array): number {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const n = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const method = b.readUInt16LE(p + 10);
    const comp = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nl = b.readUInt16LE(p + 28);
    const el = b.readUInt16LE(p + 30);
    const cl = b.readUInt16LE(p + 32);
    const lo = b.readUInt32LE(p + 42);
    const start = lo + 30 + b.readUInt16LE(lo + 26) + b.readUInt16LE(lo + 28);
    const data = bytes.subarray(start, start + comp);
    total += method === 8 ? nodeInflateRaw(data, size).length : data.length;
    p += 46 + nl + el + cl;
  }
  return total;
}

export async function exceljsLoad(files: GenFile[]): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- exceljs is loaded only when its comparison runs
  const ExcelJS = require('exceljs');
  const t = performance.now();
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.bytes));
  }
  return performance.now() - t;
}
