/**
 * The consolidation of a folder up to one phase, on this thread alone, for counting instructions with
 * valgrind (bench/instructions.sh): times on a shared machine move ±20 % with its load, a count of
 * instructions does not (docs/benchmark.md, "Counting instructions").
 *
 *   node dist/bench/bench/phase.js PHASE DIR
 *
 * PHASE, each including the ones before it: none (modules only), read (every file read into a
 * Consolidation), finish (duplicates, ranks, tables), model (the needs workbook), xml (every part's
 * bytes made), zip (deflated at the writer's level, as `oneplan consolidate` writes them).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readConsolidateInputsAhead } from '../src/cli/read-input';
import { Consolidation, extractInput, needsFileWorkbook } from '../src/engine/consolidate';
import { presetById } from '../src/engine/strategy/presets';
import { nodeZip } from '../src/node/files';
import { XLSX_LEVEL, xlsxParts } from '../src/xlsx/write';

export const PHASES = ['none', 'read', 'finish', 'model', 'xml', 'zip'] as const;
export type Phase = (typeof PHASES)[number];

/** Runs the consolidation of `dir`'s files up to `phase`; returns what it made (bytes, items), so that nothing is skipped. */
export async function runTo(phase: Phase, dir: string): Promise<number> {
  const upTo = PHASES.indexOf(phase);
  if (upTo < 1) return 0;
  const preset = process.env.ONEPLAN_BENCH_STRATEGIES;
  const strategies = preset ? presetById(preset)?.list : undefined;
  if (preset && !strategies) throw new Error(`no strategy preset ${preset}`);
  const run = new Consolidation({ strategies });
  // Read as `oneplan consolidate` reads on one thread (parallel.ts).
  for await (const input of readConsolidateInputsAhead(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => path.join(dir, f)),
  )) {
    if (strategies) run.addExtracted(extractInput(input, { strategies }), true);
    else run.add(input);
  }
  if (upTo < 2) return 0;
  const result = run.finish();
  if (upTo < 3) return result.items.length;
  const workbook = needsFileWorkbook(result, {});
  if (upTo < 4) return workbook.sheets.length;
  if (upTo < 5) {
    let bytes = 0;
    for (const [, data] of xlsxParts(workbook)) for (const chunk of data instanceof Uint8Array ? [data] : data) bytes += chunk.length;
    return bytes;
  }
  return nodeZip(xlsxParts(workbook), XLSX_LEVEL).length;
}

if (require.main === module) {
  const [phase, dir] = process.argv.slice(2);
  if (!PHASES.includes(phase as Phase) || !dir) {
    console.error(`usage: node dist/bench/bench/phase.js ${PHASES.join('|')} DIR`);
    process.exit(2);
  }
  void runTo(phase as Phase, dir).then((n) => console.log(`${phase}: ${n}`));
}
