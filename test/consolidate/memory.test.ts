/**
 * What keeps a million rows under the CLI's heap cap (docs/benchmark.md, issue 25): the run's shared
 * tables are emptied once the items are made (they would otherwise be held while the output is
 * written), and needs of one listed issue share one issue object instead of one each.
 */
import { Consolidation, type ConsolidateInput } from '../../src/engine/consolidate';
import { sharedTableSizes } from '../../src/engine/consolidate/extract';
import { presetById } from '../../src/engine/strategy';
import { nodeInflateRaw } from '../../src/node/files';
import { readXlsx } from '../../src/xlsx/read';
import { districtFile } from '../../bench/gen';
import { allWorkbooks } from './fixtures';

const list = presetById('chiangmai-2566-2570')!.list;

function inputs(): ConsolidateInput[] {
  const out: ConsolidateInput[] = allWorkbooks().map((workbook, i) => ({ file: `fixture-${i}.xlsx`, checksum: String(i), workbook }));
  for (let i = 0; i < 6; i++) {
    const f = districtFile(i, 120);
    out.push({ file: f.name, checksum: `g${i}`, workbook: readXlsx(f.bytes, f.name, { inflateRaw: nodeInflateRaw }) });
  }
  return out;
}

test('finish empties the shared tables; the result keeps its values', () => {
  const run = new Consolidation({ strategies: list });
  for (const inp of inputs()) run.add(inp);
  // Texts, token lists, places and budgets were shared while reading (so the check below can fail).
  expect(sharedTableSizes()).toBeGreaterThan(1000);
  const r = run.finish();
  expect(sharedTableSizes()).toBe(0);
  expect(r.items.length).toBeGreaterThan(400);
  expect(r.items.every((it) => it.name && it.sources.length > 0)).toBe(true);
});

test('needs of one listed issue and text share one issue object', () => {
  const run = new Consolidation({ strategies: list });
  for (const inp of inputs()) run.add(inp);
  const r = run.finish();
  const byKey = new Map<string, Set<object>>();
  for (const it of r.items) {
    if (!it.issue?.code) continue;
    const key = `${it.issue.code}|${it.issue.name}|${it.issue.text}`;
    if (!byKey.has(key)) byKey.set(key, new Set());
    byKey.get(key)!.add(it.issue);
  }
  const counts = [...byKey.values()].map((s) => s.size);
  // Thai issue texts from the generated workbooks and the fixtures, each declared by many needs.
  expect(r.items.filter((it) => it.issue?.code).length).toBeGreaterThan(byKey.size * 10);
  expect(counts.every((n) => n === 1)).toBe(true);
});
