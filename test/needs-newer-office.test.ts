/**
 * src/taskpane/needs-newer-office.js: parses as ES5 (Internet Explorer 11 runs it), shows in Thai and
 * English which Office OnePlan needs where the ES2022 bundle cannot run, stays silent where it can,
 * and agrees with what manifest.xml and the README declare.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { MIN_EXCEL_API } from '../src/office/excel';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const acorn: { parse(src: string, opts: { ecmaVersion: number }): unknown } = require('acorn');

const ROOT = path.join(__dirname, '..');
const SCRIPT = fs.readFileSync(path.join(ROOT, 'src/taskpane/needs-newer-office.js'), 'utf8');

interface FakeNode {
  tag: string;
  attrs: Record<string, string>;
  children: FakeNode[];
  text: string;
  style: Record<string, string>;
}

/** Just enough DOM for the script, and a RegExp that may refuse lookbehind like IE11 / Safari < 16.4. */
function run(engine: { lookbehind: boolean; es2022: boolean; readyState?: string }) {
  const node = (tag: string): FakeNode & Record<string, unknown> => {
    const n: FakeNode & Record<string, unknown> = {
      tag,
      attrs: {},
      children: [],
      text: '',
      style: {},
      get firstChild() {
        return n.children[0] ?? null;
      },
      appendChild: (c: FakeNode) => n.children.push(c),
      removeChild: (c: FakeNode) => n.children.splice(n.children.indexOf(c), 1),
      setAttribute: (k: string, v: string) => (n.attrs[k] = v),
      getAttribute: (k: string) => n.attrs[k] ?? null,
    };
    return n;
  };
  const root = node('div');
  root.children.push({ tag: '#text', attrs: {}, children: [], text: 'กำลังเปิด OnePlan… / Loading…', style: {} });
  const listeners: Record<string, Array<(e: unknown) => void>> = {};
  const documentElement = node('html');
  const document = {
    readyState: engine.readyState ?? 'interactive',
    documentElement,
    body: node('body'),
    getElementById: (id: string) => (id === 'root' ? root : null),
    createElement: node,
    createTextNode: (text: string) => ({ tag: '#text', attrs: {}, children: [], text, style: {} }),
    addEventListener: (t: string, f: () => void) => (listeners['doc:' + t] ??= []).push(f),
  };
  const OldRegExp = function (src: string) {
    if (!engine.lookbehind && src.includes('(?<')) throw new SyntaxError('Invalid regular expression');
    return new RegExp(src);
  };
  // An old engine's Object has no hasOwn.
  const ObjectCtor = engine.es2022 ? Object : { prototype: Object.prototype };
  const sandbox: Record<string, unknown> = {
    document,
    RegExp: OldRegExp,
    Object: ObjectCtor,
    Promise,
    String,
    window: {
      addEventListener: (t: string, f: (e: unknown) => void) => (listeners['win:' + t] ??= []).push(f),
    },
  };
  // `[]` literals take the realm's Array: an old engine lacks at/findLast on it.
  const context = vm.createContext(sandbox);
  if (!engine.es2022) vm.runInContext('delete Array.prototype.at; delete Array.prototype.findLast;', context);
  vm.runInContext(SCRIPT, context);
  const textOf = (n: FakeNode): string => n.text + n.children.map(textOf).join('\n');
  return {
    root,
    text: () => textOf(root),
    fire: (type: string, e: unknown) => (listeners[type] ?? []).forEach((f) => f(e)),
    documentElement,
  };
}

test('parses as ES5 (no let, const, arrows, classes, template strings)', () => {
  expect(() => acorn.parse(SCRIPT, { ecmaVersion: 5 })).not.toThrow();
  // And the check is real: ES2015 syntax is refused.
  expect(() => acorn.parse('var f = () => 1;', { ecmaVersion: 5 })).toThrow();
});

test('an engine without regex lookbehind (IE11, Edge Legacy, Safari before 16.4) gets the Thai and English page', () => {
  const pane = run({ lookbehind: false, es2022: false });
  const text = pane.text();
  expect(text).not.toContain('Loading…');
  expect(text).toContain('OnePlan ใช้กับ Excel รุ่นนี้ไม่ได้');
  expect(text).toContain('OnePlan cannot run in this version of Excel');
  for (const need of ['Microsoft 365', 'Office 2021', 'WebView2', 'Excel on the web', 'Safari 16.4']) expect(text).toContain(need);
  expect(text).toMatch(/Office 2016 และ 2019/);
});

test('an engine with lookbehind but without ES2022 built-ins gets it too, once the page is parsed', () => {
  const pane = run({ lookbehind: true, es2022: false, readyState: 'loading' });
  expect(pane.text()).toContain('Loading…');
  pane.fire('doc:DOMContentLoaded', {});
  expect(pane.text()).toContain('OnePlan cannot run in this version of Excel');
});

test('a modern engine sees nothing; a syntax error before the pane starts shows the page, after it does not', () => {
  const pane = run({ lookbehind: true, es2022: true });
  expect(pane.text()).toContain('Loading…');
  pane.documentElement.attrs['data-host-mode'] = 'excel';
  pane.fire('win:error', { message: 'SyntaxError: Unexpected token' });
  expect(pane.text()).toContain('Loading…');

  const early = run({ lookbehind: true, es2022: true });
  early.fire('win:error', { message: "SyntaxError: Unexpected token '{'" });
  expect(early.text()).toContain('OnePlan cannot run in this version of Excel');
});

test('the page Excel opens loads it before the bundle, and the build copies it', () => {
  const html = fs.readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
  expect(html).toMatch(/<script src="needs-newer-office\.js"><\/script>/);
  const webpack = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
  expect(webpack).toContain("to: 'needs-newer-office.js'");
});

test('manifest comment, README and code agree on the requirement set and the Office versions', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const declared = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)![1];
  expect(declared).toBe(MIN_EXCEL_API);
  const comment = /<!--([\s\S]*?)-->/.exec(manifest)![1];
  expect(comment).toContain(`ExcelApi ${declared}`);
  expect(comment).toContain('Safari 16.4');
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain(`ExcelApi ${declared}`);
  for (const s of ['Safari 16.4', 'WebView2', 'Office 2016']) expect(readme).toContain(s);
});
