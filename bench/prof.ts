import { districtFile, type GenFile } from './gen';
import { readXlsx } from '../src/xlsx/read';
import { writeXlsx } from '../src/xlsx/write';
import { nodeInflateRaw, nodeZip } from '../src/node/files';
import { validateWorkbook } from '../src/engine/validate';
import { consolidate, needsWorkbook, type ConsolidateInput } from '../src/engine/consolidate';
import { presetById } from '../src/engine/strategy';
import { clearTermCache } from '../src/engine/strategy/text';
import { readPlanSheet } from '../src/engine/forms/read';
import type { SheetModel } from '../src/engine/model';
import type { PlanSheet } from '../src/engine/plan';
import { clearTokenCache } from '../src/engine/thai-text';
const STRATEGIES = presetById('chiangmai-2566-2570')!.list;
const now = () => performance.now();
async function main() {
  const n = Number(process.argv[2] ?? 200);
  const files: GenFile[] = [];
  for (let i = 0; i < n; i++) files.push(districtFile(i, 300));
  for (let run = 0; run < Number(process.argv[3] ?? 1); run++) {
    clearTermCache(); clearTokenCache();
    const t0 = now();
    const inputs: ConsolidateInput[] = files.map((f) => ({ file: f.name, checksum: '', workbook: readXlsx(f.bytes, f.name, { inflateRaw: nodeInflateRaw }) }));
    const t1 = now();
    for (const i of inputs) i.findings = validateWorkbook(i.workbook!, { strategies: STRATEGIES }).sheets.reduce((n, s) => n + s.findings.length, 0);
    const t2 = now();
    const res = await consolidate(inputs, { strategies: STRATEGIES });
    const t3 = now();
    const bytes = writeXlsx(needsWorkbook(res), { zip: nodeZip });
    const t4 = now();
    console.log(JSON.stringify({ read: t1 - t0, validate: t2 - t1, cons: t3 - t2, write: t4 - t3, total: t4 - t0, items: res.items.length, dups: res.duplicates.length, mism: res.strategyMismatches.length, out: bytes.length }));
  }
}
main();
