/**
 * Worker side of parallel.ts: reads the files it is given, one at a time, and sends back what
 * consolidation needs of each (extractInput: report, candidates, strategy verdicts). The workbook
 * itself never leaves the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractInput, type ClassWords } from '../engine/consolidate';
import type { SheetModel } from '../engine/model';
import type { PlanSheet } from '../engine/plan';
import { readPlanSheet } from '../engine/forms/read';
import type { StrategyList } from '../engine/strategy/model';
import { validateWorkbook } from '../engine/validate';
import { readConsolidateInput } from './read-input';

const { strategies, classWords, district, province, validate } = workerData as {
  strategies?: StrategyList;
  classWords?: Partial<ClassWords>;
  /** --district / --province: the run's place, where the files' place names are resolved to codes. */
  district?: string;
  province?: string;
  validate?: boolean;
};

parentPort!.on('message', async (m: { i: number; file: string }) => {
  try {
    const input = await readConsolidateInput(m.file);
    // Validate and consolidate read each sheet's plan once (as the task pane does).
    const plans = new Map<SheetModel, PlanSheet>();
    if (validate && input.workbook)
      input.findings = validateWorkbook(input.workbook, { strategies, plans }).sheets.reduce((n, s) => n + s.findings.length, 0);
    const ex = extractInput(input, { strategies, classWords, district, province, recognise: (s) => plans.get(s) ?? readPlanSheet(s) });
    parentPort!.postMessage({ i: m.i, ex });
  } catch (e) {
    parentPort!.postMessage({ i: m.i, error: (e as Error)?.message ?? String(e) });
  }
});
