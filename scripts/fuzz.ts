/**
 * Long fuzzing campaign (see test/reliability/fuzz-core.ts and docs/security.md):
 *   npx tsc -p tsconfig.fuzz.json && node dist/fuzz/scripts/fuzz.js --cases 100000 --seed 7
 * Options: --cases N (default 100000), --seed S (default: time), --from I (first case index),
 * --max-ms MS (default 5000), --zlib (Node's inflater instead of fflate), --sample PATH.
 * Prints progress every 1,000 cases and each failure with its (seed, index) to reproduce it:
 *   node dist/fuzz/scripts/fuzz.js --seed S --from I --cases 1
 * Exit 1 when a case threw something other than WorkbookReadError or was too slow.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { nodeInflateRaw } from '../src/node/files';
import { fuzzSeedFiles, runFuzz } from '../test/reliability/fuzz-core';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function run(): Promise<number> {
  const cases = Number(arg('cases') ?? 100_000);
  const seed = Number(arg('seed') ?? Date.now() % 1_000_000);
  const from = Number(arg('from') ?? 0);
  const maxMs = Number(arg('max-ms') ?? 5000);
  const repo = path.resolve(__dirname, existsSync(path.resolve(__dirname, '../package.json')) ? '..' : '../../..');
  const sample = arg('sample') ?? path.resolve(repo, 'assets/samples/nakhonsawan-2566-2570.xlsx');
  const files = fuzzSeedFiles(existsSync(sample) ? sample : undefined);
  const t0 = Date.now();
  let reported = 0;
  const res = await runFuzz({
    cases,
    seed,
    from,
    maxMs,
    files,
    inflateRaw: process.argv.includes('--zlib') ? nodeInflateRaw : undefined,
    onProgress: (done, r) => {
      for (; reported < r.failures.length; reported++) process.stderr.write(`FAILURE ${JSON.stringify(r.failures[reported])}\n`);
      if (done % 1000 === 0)
        process.stdout.write(`${done}/${cases} cases, ${r.failures.length} failures, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    },
  });
  process.stdout.write(
    `fuzz seed ${seed}: ${res.cases} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s — ${res.processed} read and processed, ` +
      `${res.readErrors} refused with WorkbookReadError ${JSON.stringify(res.byCode)}, slowest ${res.slowestMs} ms, ${res.failures.length} failures\n`,
  );
  return res.failures.length ? 1 : 0;
}

run().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(String(e?.stack ?? e) + '\n');
    process.exit(2);
  },
);
