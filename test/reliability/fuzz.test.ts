/**
 * Mutation fuzzing of readWorkbookBytes + validateWorkbook + consolidate (see fuzz-core.ts).
 * CI: 300 cases, seed 1. Longer runs: FUZZ_CASES=100000 FUZZ_SEED=7 npx jest test/reliability/fuzz
 * (or scripts/fuzz.ts; see docs/security.md).
 */
import { nodeInflateRaw } from '../../src/node/files';
import { fuzzSeedFiles, runFuzz } from './fuzz-core';
import { REAL_SAMPLE } from '../samples';

const CASES = Number(process.env.FUZZ_CASES ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 1);

test(
  // No time limit here (speed is the bench's job); scripts/fuzz.ts --max-ms fails slow cases on long runs.
  `${CASES} mutated files: each is read and processed, or refused with a WorkbookReadError naming the file`,
  async () => {
    const t0 = Date.now();
    const res = await runFuzz({
      cases: CASES,
      seed: SEED,
      files: fuzzSeedFiles(REAL_SAMPLE),
      inflateRaw: SEED % 2 ? undefined : nodeInflateRaw,
    });
    console.log(
      `fuzz seed ${SEED}: ${res.cases} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${res.processed} read and processed, ` +
        `${res.readErrors} refused (${JSON.stringify(res.byCode)}); slowest ${res.slowestMs} ms; ${res.failures.length} failures`,
    );
    expect(res.failures.slice(0, 5)).toEqual([]);
    expect(res.cases).toBe(CASES);
  },
  Math.max(60_000, CASES * 6000),
);
