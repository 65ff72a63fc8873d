/**
 * `npm run package` (scripts/package.js) run once into os.tmpdir() for a district's address, its zip
 * opened and checked as the IT contact would use it; and the builds that cannot leave a stale or localhost
 * manifest where a production one was (scripts/build-web.js, webpack.config.js).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { buildInto } from '../scripts/build-web';
import { DEV_BASE, deploymentId } from '../scripts/manifest';
import { releaseName, releaseZip } from '../scripts/package';
import { manifestProblems } from './manifest-rules';

const ROOT = path.join(__dirname, '..');
const BASE = 'https://oneplan.amphoe.example/addin/';
const VERSION = '0.1.0.0';
const NAME = `oneplan-${VERSION}-oneplan.amphoe.example-addin`;

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
const gitStatus = () => execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });
const tempDir = (what: string) => fs.mkdtempSync(path.join(os.tmpdir(), `oneplan-${what}-`));
const runPackage = (env: Record<string, string | undefined>, out: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/package.js'), '--out', out], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_BASE_URL: undefined, ADDIN_ID: undefined, ADDIN_VERSION: undefined, ...env },
    encoding: 'utf8',
  });

describe('the release package for https://oneplan.amphoe.example/addin/', () => {
  let out = '';
  let zipPath = '';
  let files: Record<string, Uint8Array> = {};
  let statusBefore = '';
  const text = (f: string) => Buffer.from(files[`${NAME}/${f}`]).toString('utf8');
  const inZipOrder = () => Object.keys(files).map((n) => n.slice(NAME.length + 1));

  beforeAll(() => {
    statusBefore = gitStatus();
    out = path.join(tempDir('package'), 'release');
    const run = runPackage({ ADDIN_BASE_URL: 'https://oneplan.amphoe.example/addin', ADDIN_VERSION: VERSION }, out);
    if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stdout}\n${run.stderr}`);
    zipPath = path.join(out, `${NAME}.zip`);
    files = unzipSync(fs.readFileSync(zipPath));
  }, 15 * 60_000);
  afterAll(() => fs.rmSync(path.dirname(out), { recursive: true, force: true }));

  test('one folder holding the web files, the manifest, the sums and the guide, in sorted order', () => {
    const names = Object.keys(files);
    expect(names.every((n) => n.startsWith(`${NAME}/`))).toBe(true);
    expect(names).toEqual([...names].sort());
    for (const f of ['INSTALL.md', 'SHA256SUMS.txt', 'manifest.xml', 'web/manifest.xml', 'web/taskpane.html', 'web/index.html'])
      expect(names).toContain(`${NAME}/${f}`);
    expect(names).toContain(`${NAME}/web/web.config`);
    expect(names.some((n) => /web\/taskpane\.[0-9a-f]{8}\.js$/.test(n))).toBe(true);
    expect(names).toContain(`${NAME}/web/assets/samples/nakhonsawan-2566-2570.xlsx`);
    // The unzipped folder beside the zip is the same release.
    for (const n of names) expect(sha256(fs.readFileSync(path.join(out, n.slice(NAME.length + 1))))).toBe(sha256(files[n]));
  });

  test('every file is listed in SHA256SUMS.txt with its correct SHA-256, and the zip’s own sum sits beside it', () => {
    const lines = text('SHA256SUMS.txt').trimEnd().split('\n');
    const listed = lines.map((l) => {
      const m = /^([0-9a-f]{64}) {2}(\S.*)$/.exec(l);
      if (!m) throw new Error(`not a sha256sum line: ${l}`);
      return m;
    });
    const inZip = inZipOrder().filter((f) => f !== 'SHA256SUMS.txt');
    expect(listed.map((m) => m[2])).toEqual(inZip);
    for (const [, hash, f] of listed) expect(`${f} ${sha256(files[`${NAME}/${f}`])}`).toBe(`${f} ${hash}`);
    expect(fs.readFileSync(`${zipPath}.sha256`, 'utf8')).toBe(`${sha256(fs.readFileSync(zipPath))}  ${NAME}.zip\n`);
  });

  test('the zip is reproducible: the same files zipped again later give the same bytes', () => {
    const again = releaseZip(out, NAME, [...inZipOrder()].reverse());
    expect(sha256(again)).toBe(sha256(fs.readFileSync(zipPath)));
  });

  test('the manifest passes the schema rules, its URLs all under the base URL at files in the package', () => {
    const xml = text('manifest.xml');
    expect(text('web/manifest.xml')).toBe(xml);
    const inWeb = (f: string) => {
      const b = files[`${NAME}/web/${f}`];
      return b ? Buffer.from(b) : null;
    };
    expect(manifestProblems(xml, BASE, inWeb)).toEqual([]);
    const urls = [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/"(https?:\/\/[^"]+)"/g)]
      .map((m) => m[1])
      .filter((u) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    expect(urls.length).toBeGreaterThan(6);
    for (const u of urls) expect(u.startsWith(BASE)).toBe(true);
    expect(xml.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/localhost/);
    expect(xml).toContain(`<Id>${deploymentId(BASE)}</Id>`);
    expect(xml).toContain(`<Version>${VERSION}</Version>`);
  });

  test('the install guide: Thai first, then English, each with PowerShell and bash commands for this address', () => {
    const guide = text('INSTALL.md');
    expect(guide).not.toMatch(/\{\{|<!--/);
    const english = guide.indexOf('<a id="english"></a>');
    expect(english).toBeGreaterThan(0);
    const [thai, eng] = [guide.slice(0, english), guide.slice(english)];
    expect(thai).toMatch(/^# OnePlan 0\.1\.0\.0 — คู่มือติดตั้งสำหรับผู้ดูแลระบบ/);
    expect(eng).toMatch(/# OnePlan 0\.1\.0\.0 — install guide for the IT contact/);
    for (const half of [thai, eng]) {
      expect(half).toContain('```powershell');
      expect(half).toContain('```bash');
      expect(half).toContain(`${BASE}index.html`); // the browser fallback for old Office
      expect(half).toContain('Integrated apps');
      expect(half).toContain('HKCU:\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs');
      expect(half).toContain('$env:LOCALAPPDATA\\Microsoft\\Office\\16.0\\Wef');
      expect(half).toContain('~/Library/Containers/com.microsoft.Excel/Data/Documents/wef');
      expect(half).toContain(`sha256sum -c`);
      expect(half).toContain(deploymentId(BASE));
    }
    expect(thai).toMatch(/มีไว้สำหรับ \*\*ทดสอบ\*\* ไม่รองรับสำหรับใช้งานจริง/);
    expect(eng).toMatch(/meant for \*\*testing\*\* and is not supported for[\s>]+production/);
    // Thai text, Thai prose: the Thai half is mostly Thai letters outside its code blocks.
    const prose = thai.replace(/```[\s\S]*?```/g, '');
    expect((prose.match(/[\u0E00-\u0E7F]/g) ?? []).length).toBeGreaterThan(2000);
  });

  test('the run left the repository as it was', () => {
    expect(gitStatus()).toBe(statusBefore);
  });
});

describe('what a package run refuses, in Thai and English', () => {
  test.each([
    ['missing', undefined, /ต้องระบุ ADDIN_BASE_URL[\s\S]*ADDIN_BASE_URL is required/],
    ['http', 'http://oneplan.amphoe.example/addin/', /ADDIN_BASE_URL ใช้ไม่ได้[\s\S]*must start with https/],
  ])('%s', (_what, url, message) => {
    const out = path.join(tempDir('package-refused'), 'release');
    const run = runPackage({ ADDIN_BASE_URL: url }, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  test('a folder with other files in it is never replaced', () => {
    const dir = tempDir('package-occupied');
    fs.writeFileSync(path.join(dir, 'แผนพัฒนาอำเภอ.xlsx'), 'the officer’s file');
    const run = runPackage({ ADDIN_BASE_URL: BASE }, dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ไม่ใช่ชุดติดตั้งเดิม[\s\S]*is not an earlier release/);
    expect(fs.readdirSync(dir)).toEqual(['แผนพัฒนาอำเภอ.xlsx']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('release folders are named by host and path', () => {
    expect(releaseName('https://oneplan.amphoe.example/addin/')).toBe('oneplan.amphoe.example-addin');
    expect(releaseName('https://Intranet.Example.go.th:8443/แผน/oneplan/')).toBe(
      'intranet.example.go.th-8443-e0-b9-81-e0-b8-9c-e0-b8-99-oneplan',
    );
  });
});

describe('a build is whole or absent (scripts/build-web.js)', () => {
  let dir = '';
  beforeEach(() => {
    dir = tempDir('build');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (d: string, f: string, s: string) => {
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, f), s);
  };

  test('a successful build replaces the old one entirely', async () => {
    const web = path.join(dir, 'web');
    write(web, 'taskpane.old.js', 'old');
    await buildInto(web, (t) => write(t, 'taskpane.new.js', 'new'));
    expect(fs.readdirSync(web)).toEqual(['taskpane.new.js']);
    expect(fs.readdirSync(dir)).toEqual(['web']);
  });

  test('a failed build leaves no folder: neither the old build nor a half-written one', async () => {
    const web = path.join(dir, 'web');
    write(web, 'manifest.xml', 'the production manifest of last week');
    await expect(
      buildInto(web, (t) => {
        write(t, 'manifest.xml', 'half');
        throw new Error('webpack: Module not found');
      }),
    ).rejects.toThrow('Module not found');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

/** The parts of webpack.config.js's result these tests read. */
interface WebConfig {
  output: { path: string };
  plugins: { patterns?: { from: string; transform?: (content: Buffer) => string }[] }[];
}

describe('webpack.config.js: plain builds and test runs never write a deployment manifest into dist/web', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../webpack.config.js') as (env: object, argv: object) => Promise<WebConfig>;
  const saved = process.env.ADDIN_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  });
  const manifestPattern = (c: WebConfig) => c.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === 'manifest.xml')!;

  test('without ADDIN_BASE_URL: dist/web with the developer’s manifest', async () => {
    delete process.env.ADDIN_BASE_URL;
    const c = await config({}, { mode: 'production' });
    expect(c.output.path).toBe(path.join(ROOT, 'dist/web'));
    expect(manifestPattern(c).transform).toBeUndefined();
  });

  test('ADDIN_BASE_URL in a plain build is refused, pointing to npm run package', async () => {
    process.env.ADDIN_BASE_URL = BASE;
    await expect(config({}, { mode: 'production' })).rejects.toThrow(/npm run package[\s\S]*npm run package/);
  });

  test('the package build writes the deployment’s manifest into its own folder', async () => {
    process.env.ADDIN_BASE_URL = BASE;
    const out = path.join(os.tmpdir(), 'oneplan-release-not-written', 'web');
    const c = await config({ out, release: true }, { mode: 'production' });
    expect(c.output.path).toBe(out);
    const xml = manifestPattern(c).transform!(fs.readFileSync(path.join(ROOT, 'manifest.xml')));
    expect(xml).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
    expect(xml.replace(/<!--[\s\S]*?-->/g, '')).not.toContain(DEV_BASE);
  });
});
