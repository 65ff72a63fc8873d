/**
 * The shape of src/: no module may reach itself through its imports (type-only imports count too), so every
 * layer can be read, tested and changed from the bottom up.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.join(__dirname, '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The file a relative specifier names, as TypeScript resolves it (x.ts, x.tsx, x/index.ts…); undefined for packages. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const tries = [base, ...['.ts', '.tsx'].map((e) => base + e), ...['index.ts', 'index.tsx'].map((i) => path.join(base, i))];
  return tries.find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
}

/** Every src/ file each src/ file imports or re-exports from, including `import type` and `export … from`. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, false);
    const targets = info.importedFiles.map((f) => resolve(file, f.fileName)).filter((p): p is string => !!p);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Each strongly connected set of more than one file (Tarjan), plus files that import themselves: the circles. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const set: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        set.push(w);
      } while (w !== v);
      if (set.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(set.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  test('finds a circle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  test('reads type-only imports, re-exports and dynamic imports as edges', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneplan-graph-'));
    const write = (name: string, text: string): string => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
    const a = write('a.ts', "import type { B } from './b';\nexport type A = B;\n");
    const b = write('b.ts', "export { c } from './c';\nexport type B = number;\n");
    const c = write('c.ts', "export const c = async () => (await import('./a')) && 1;\n");
    try {
      const graph = importGraph([a, b, c]);
      expect([graph.get(a), graph.get(b), graph.get(c)]).toEqual([[b], [c], [a]]);
      expect(cycles(graph)).toEqual([[a, b, c].sort()]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('has no circles', () => {
    const graph = importGraph(sourceFiles(SRC));
    // Guards the check itself: the specifiers resolved to files (an empty graph has no circles either).
    expect([...graph.values()].flat().length).toBeGreaterThan(graph.size);
    const circles = cycles(graph).map((set) => set.map((f) => path.relative(SRC, f).split(path.sep).join('/')).join(' ↔ '));
    expect(circles).toEqual([]);
  });

  test("has no circles between the engine's folders (validate, strategy, forms, consolidate …)", () => {
    // A file at the engine's root (findings.ts, plan.ts, thai.ts) is its own node: shared below every folder.
    const folderOf = (f: string): string => path.relative(path.join(SRC, 'engine'), f).split(path.sep).slice(0, -1).join('/') || f;
    const files = importGraph(sourceFiles(path.join(SRC, 'engine')));
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of files) {
      const from = folderOf(file);
      const edges = folders.get(from) ?? folders.set(from, new Set()).get(from)!;
      for (const t of targets) if (folderOf(t) !== from) edges.add(folderOf(t));
    }
    const graph = new Map([...folders].map(([k, v]) => [k, [...v]]));
    expect(cycles(graph).map((set) => set.join(' ↔ '))).toEqual([]);
  });
});

describe("the consolidation's stages (src/engine/consolidate/pipeline.ts)", () => {
  const DIR = path.join(SRC, 'engine/consolidate');
  /** The modules pipeline.ts chains: each reads another's result only through its type. */
  const STAGES = ['same-need', 'items', 'issue-links', 'duplicates', 'district-plan', 'grouping', 'rank', 'merge', 'returned', 'senders'];

  /** The stages a module imports values (not only types) from. */
  function valueImports(file: string): string[] {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    return source.statements.flatMap((s) => {
      if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) return [];
      const clause = s.importClause;
      const named = clause?.namedBindings;
      const typesOnly =
        !!clause &&
        (clause.isTypeOnly || (!clause.name && !!named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly)));
      const target = path.basename(s.moduleSpecifier.text);
      return !typesOnly && s.moduleSpecifier.text.startsWith('./') && STAGES.includes(target) ? [target] : [];
    });
  }

  test('the check reads type-only imports apart (it can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneplan-stages-'));
    const file = path.join(dir, 'x.ts');
    fs.writeFileSync(
      file,
      "import type { A } from './items';\nimport { type B, rankItems } from './rank';\nimport { type C } from './merge';\n",
    );
    try {
      expect(valueImports(file)).toEqual(['rank']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('each stage exists and imports no other stage but its types', () => {
    const found = STAGES.map((s) => path.join(DIR, `${s}.ts`)).filter((f) => fs.existsSync(f));
    expect(found).toHaveLength(STAGES.length);
    expect(Object.fromEntries(found.map((f) => [path.basename(f, '.ts'), valueImports(f)]))).toEqual(
      Object.fromEntries(STAGES.map((s) => [s, []])),
    );
  });
});

describe('what a reading thread loads (src/cli/extract-worker.ts)', () => {
  /** src/ files `file` imports or re-exports values from (type-only imports left out: they are gone at run time). */
  function valueEdges(file: string): string[] {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    return source.statements.flatMap((s) => {
      if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
        const clause = s.importClause;
        const named = clause?.namedBindings;
        const typesOnly =
          !!clause &&
          (clause.isTypeOnly || (!clause.name && !!named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly)));
        const to = typesOnly ? undefined : resolve(file, s.moduleSpecifier.text);
        return to ? [to] : [];
      }
      if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) && !s.isTypeOnly) {
        const to = resolve(file, s.moduleSpecifier.text);
        return to ? [to] : [];
      }
      return [];
    });
  }
  const reached = (start: string): Set<string> => {
    const seen = new Set<string>([start]);
    for (const f of seen) for (const g of valueEdges(f)) seen.add(g);
    return seen;
  };
  // Its start is inside the reading phase: the consolidation's stages and the calendar it never uses
  // cost ~90 ms there (read-input.ts imports extractInput from consolidate/collect, not the index).
  const AWAY = ['engine/consolidate/consolidation.ts', 'engine/consolidate/pipeline.ts', 'engine/calendar/build.ts'];
  // The zod schemas, in modules of their own, load zod (~160 M instructions, ~15 % of a command's start):
  // no thread of a consolidation loads them (a strategy list from a file loads its schema when read).
  const SCHEMAS = [
    'engine/file-error-schema.ts',
    'engine/output-schema.ts',
    'engine/consolidate/json-schema.ts',
    'engine/strategy/schema.ts',
    'engine/calendar/schema.ts',
    'engine/calendar/json.ts',
  ];
  // What of the engine the fetching thread loads: the zip's error texts and the string copy of the XML helpers.
  const ENGINE_LEAVES = ['engine/file-errors.ts', 'engine/own-string.ts'];
  const from = (entry: string) => [...reached(path.join(SRC, entry))].map((f) => path.relative(SRC, f).split(path.sep).join('/'));

  test('the main thread does load the stages, and each schema module is one: it loads zod (the checks can fail)', () => {
    const fromMain = from('cli/consolidate.ts');
    for (const f of AWAY) expect(fromMain).toContain(f);
    for (const f of SCHEMAS) expect(fs.readFileSync(path.join(SRC, f), 'utf8')).toMatch(/^import \{ z \} from 'zod\/v4';$/m);
  });

  test('a reading thread reaches reading and extraction, not the stages, calendar or schemas', () => {
    const fromWorker = from('cli/extract-worker.ts');
    expect(fromWorker).toEqual(expect.arrayContaining(['cli/read-input.ts', 'engine/consolidate/collect.ts', 'xlsx/read.ts']));
    expect(fromWorker.filter((f) => AWAY.includes(f) || SCHEMAS.includes(f))).toEqual([]);
  });

  test('the fetching thread reaches the zip and the shared-string table, not the reader nor the engine', () => {
    const fromFetcher = from('cli/fetch-worker.ts');
    expect(fromFetcher).toEqual(expect.arrayContaining(['xlsx/zip.ts', 'xlsx/shared-strings.ts']));
    expect(fromFetcher.filter((f) => f === 'xlsx/read.ts' || (f.startsWith('engine/') && !ENGINE_LEAVES.includes(f)))).toEqual([]);
  });

  test('the main thread of a consolidation reaches no schema', () => {
    expect(from('cli/consolidate.ts').filter((f) => SCHEMAS.includes(f))).toEqual([]);
  });
});
