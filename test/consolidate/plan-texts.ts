/**
 * Texts to check a fast path of the text rules against its reference: every text cell of a generated
 * district workbook, a generated tambon plan and the real sample, and the same texts with pieces put
 * in at random places (normalise-tail and normalise-rules tests).
 */
import * as fs from 'node:fs';
import { districtFile, tambonWorkbook } from '../../bench/gen';
import { readXlsx } from '../../src/xlsx/read';
import { REAL_SAMPLE } from '../samples';

/** Every text cell of the workbooks (project names, objectives, targets, titles …); the seeds pick the generated ones. */
export function planTexts(districtSeed: number, tambonSeed: number): string[] {
  const books = [
    districtFile(districtSeed, 150).bytes,
    tambonWorkbook(tambonSeed, 150).bytes,
    new Uint8Array(fs.readFileSync(REAL_SAMPLE)),
  ];
  const out: string[] = [];
  for (const b of books)
    for (const sh of readXlsx(b, 'x.xlsx').sheets)
      for (const r of sh.rows) for (const c of r ?? []) if (c && typeof c.v === 'string') out.push(c.v);
  return out;
}

/** `t` with up to `most` − 1 of `inserts` put in at random places (`next`: a seeded random source). */
export function noised(t: string, next: () => number, inserts: readonly string[], most: number): string {
  let noisy = t;
  for (let k = Math.floor(next() * most); k > 0; k--) {
    const at = Math.floor(next() * (noisy.length + 1));
    noisy = noisy.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + noisy.slice(at);
  }
  return noisy;
}
