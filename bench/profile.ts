/**
 * Summary of V8 CPU profiles (`node --cpu-prof --cpu-prof-dir=DIR bin/oneplan.js consolidate …`): self
 * time by stage of the consolidation and the top functions, so that a profile before and after a change
 * can be put side by side in docs/benchmark.md. Every thread's profile in DIR is summed.
 *
 *   node dist/bench/bench/profile.js DIR [TOP]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Stage of a function, from its file (first match wins). */
const STAGES: Array<[string, RegExp]> = [
  ['decoding UTF-8 into strings', /node:internal\/encoding|^decode|decodeUtf8ViaUtf16|decodeUTF8/],
  ['inflate / deflate (zlib)', /node:zlib|processChunkSync|^Zlib/],
  ['garbage collection', /garbage collector/],
  ['reading sheet XML (xlsx/read, xml)', /xlsx\/(read|xml|zip|open)\.js/],
  ['writing the workbook (xlsx/write, bytes)', /xlsx\/(write|bytes|numfmt)\.js|node\/files\.js/],
  ['duplicate detection (dedupe)', /consolidate\/(dedupe(-keys)?|packed-names)\.js/],
  [
    'candidates (extract, normalise, text caches, thai)',
    /consolidate\/extract\.js|engine\/normalise\.js|text-cache\.js|engine\/thai\.js|RegExp:/,
  ],
  ['recognising plan sheets (forms)', /engine\/forms\//],
  ['tables, ranks, strategy (rest of consolidate)', /engine\/(consolidate|strategy|print)/],
  ['process start, modules, files', /cjs\/loader|bootstrap|wrapSafe|compileFor|openFileHandle|node:internal\/fs|^read$/],
];

export function summarise(dir: string, top = 15): string {
  const self = new Map<string, number>();
  const stage = new Map<string, number>();
  let total = 0;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile;
    const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
    for (let i = 0; i < p.samples.length; i++) {
      const cf = byId.get(p.samples[i])!;
      const ms = (p.timeDeltas[i] ?? 0) / 1000;
      if (cf.functionName === '(idle)') continue;
      const file = cf.url.replace(/^.*\/dist\/(node|bench\/src)\//, '');
      const key = `${cf.functionName || '(anonymous)'} ${file}${cf.url ? ':' + (cf.lineNumber + 1) : ''}`;
      self.set(key, (self.get(key) ?? 0) + ms);
      const st = STAGES.find(([, re]) => re.test(cf.functionName) || re.test(file))?.[0] ?? 'other';
      stage.set(st, (stage.get(st) ?? 0) + ms);
      total += ms;
    }
  }
  const pct = (ms: number) => ((100 * ms) / total).toFixed(1) + ' %';
  const lines = [
    `CPU time ${(total / 1000).toFixed(2)} s (all threads, idle left out)`,
    '',
    '| stage | self time | share |',
    '|---|---|---|',
  ];
  for (const [k, ms] of [...stage].sort((a, b) => b[1] - a[1])) lines.push(`| ${k} | ${(ms / 1000).toFixed(2)} s | ${pct(ms)} |`);
  lines.push('', '| function | self time | share |', '|---|---|---|');
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`| \`${k}\` | ${ms.toFixed(0)} ms | ${pct(ms)} |`);
  return lines.join('\n');
}

if (require.main === module) console.log(summarise(process.argv[2], Number(process.argv[3]) || 15));
