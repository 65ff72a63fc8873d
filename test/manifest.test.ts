/**
 * The add-in manifests checked offline against the rules in test/manifest-rules.ts (Microsoft's published
 * manifest schemas and what Office checks when it loads one): manifest.xml (the developer's) and the
 * manifest scripts/manifest.js makes for a deployment. The manifest inside a built release zip is checked by
 * test/package.test.ts. `xmllint --schema OfficeAppManifestV1_1.xsd` by hand (README, "Checking the
 * manifest") checks the rest.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEV_BASE, deploymentFromEnv, deploymentId, manifestFor, manifestVersion, normaliseBaseUrl } from '../scripts/manifest';
import { UUID, all, manifestProblems, parseXml } from './manifest-rules';

const ROOT = path.join(__dirname, '..');
const devXml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const pkgVersion: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const webpackConfig = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');

const DEPLOY_BASE = 'https://intranet.example.go.th/oneplan/';
const deployed = manifestFor(devXml, deploymentFromEnv({ ADDIN_BASE_URL: 'https://intranet.example.go.th/oneplan' }, pkgVersion)!);

describe.each([
  ['manifest.xml', devXml, DEV_BASE],
  ['the production manifest', deployed, DEPLOY_BASE],
])('%s', (_name, xml, base) => {
  test('passes every schema rule the add-in relies on', () => {
    expect(manifestProblems(xml, base)).toEqual([]);
  });

  test('the button is on the Home tab in Thai and English and opens the task pane', () => {
    const root = parseXml(xml);
    expect(all(root).some((e) => e.name === 'OfficeTab' && e.attrs.id === 'TabHome')).toBe(true);
    expect(xml).toMatch(
      /<bt:String id="ValidateButton.Label" DefaultValue="ตรวจสอบแผน">\s*<bt:Override Locale="en-US" Value="Validate"\/>/,
    );
    expect(all(root).find((e) => e.name === 'Action')?.attrs['xsi:type']).toBe('ShowTaskpane');
  });

  test('the version follows package.json', () => {
    expect(parseXml(xml).children.find((c) => c.name === 'Version')?.text).toBe(manifestVersion(pkgVersion));
  });
});

describe('each rule catches the edit that breaks it', () => {
  const broken = (from: string | RegExp, to: string) => {
    const xml = devXml.replace(from, to);
    expect(xml).not.toBe(devXml);
    return manifestProblems(xml, DEV_BASE).join('\n');
  };
  test.each([
    ['an empty AppDomains', /(<SupportUrl [^>]*\/>)/, '$1<AppDomains/>', /AppDomains> holds no <AppDomain/],
    [
      'Hosts before AppDomains',
      /(<SupportUrl [^>]*\/>)/,
      '<AppDomains><AppDomain>https://example.org</AppDomain></AppDomains>$1',
      /<SupportUrl> comes after <AppDomains>/,
    ],
    [
      'a label pointing at a long string',
      '<Label resid="ValidateButton.Label"/>',
      '<Label resid="ValidateButton.Tooltip"/>',
      /on <Label> is a bt:LongStrings resource/,
    ],
    ['a resid over 32 characters', /"Icon\.80x80"/g, '"Icon.80x80.for.the.ribbon.button.big"', /must have 1–32 characters/],
    ['a short string over 125 characters', 'DefaultValue="ตรวจสอบแผน"', `DefaultValue="${'ก'.repeat(126)}"`, /must have 1–125 characters/],
    ['a missing 80px icon', /\s*<bt:Image size="80" resid="Icon.80x80"\/>/g, '', /lacks the 80px image/],
    [
      'an icon of the wrong size',
      'assets/icon-32.png"/>\n        <bt:Image id="Icon.80x80"',
      'assets/icon-64.png"/>\n        <bt:Image id="Icon.80x80"',
      /icon-64.png is 64×64, declared 32×32/,
    ],
    [
      'an http URL',
      'https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
      'http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
      /is not https/,
    ],
    ['a page the build does not write', 'commands.html', 'command.html', /the build writes no command.html/],
    ['an unclosed element', '</Supertip>', '', /not well-formed/],
    ['a Version with letters', /<Version>[^<]*</, '<Version>1.0-beta<', /Version "1.0-beta"/],
  ])('%s', (_what, from, to, expected) => {
    expect(broken(from, to)).toMatch(expected);
  });
});

describe('the production manifest (scripts/manifest.js)', () => {
  test('rewrites every URL to the base, keeps everything else', () => {
    expect(deployed.replace(/<!--[\s\S]*?-->/g, '')).not.toContain('localhost');
    const urls = [...deployed.matchAll(/"(https?:\/\/[^"]+)"/g)]
      .map((m) => m[1])
      .filter((u) => !u.startsWith('http://schemas') && !u.startsWith('http://www.w3.org'));
    expect(urls.length).toBe([...devXml.matchAll(/"https:\/\/localhost:3000\//g)].length);
    for (const u of urls) expect(u.startsWith(DEPLOY_BASE)).toBe(true);
    // Outside URLs, Id and Version the two are the same text.
    const strip = (x: string) =>
      x
        .replace(/"https:\/\/[^"]+"/g, '""')
        .replace(/<Id>[^<]*<\/Id>/, '')
        .replace(/<Version>[^<]*<\/Version>/, '');
    expect(strip(deployed)).toBe(strip(devXml));
  });

  test('one Id per deployment: stable for an address, different across addresses and from the developer’s', () => {
    const idOf = (env: Record<string, string>) => /<Id>([^<]*)<\/Id>/.exec(manifestFor(devXml, deploymentFromEnv(env, pkgVersion)!))![1];
    const a = idOf({ ADDIN_BASE_URL: 'https://a.example.go.th/oneplan/' });
    expect(idOf({ ADDIN_BASE_URL: 'https://a.example.go.th/oneplan' })).toBe(a);
    expect(idOf({ ADDIN_BASE_URL: 'https://b.example.go.th/oneplan/' })).not.toBe(a);
    expect(a).not.toBe(/<Id>([^<]*)<\/Id>/.exec(devXml)![1]);
    expect(a).toMatch(UUID);
    expect(a[14]).toBe('5');
    expect(deploymentId('https://a.example.go.th/oneplan/')).toBe(a);
    // Moving the server keeps the installed add-in when the old Id is given.
    expect(idOf({ ADDIN_BASE_URL: 'https://b.example.go.th/oneplan/', ADDIN_ID: a })).toBe(a);
    // The version can be raised for an update.
    const v = manifestFor(devXml, deploymentFromEnv({ ADDIN_BASE_URL: 'https://a.example.go.th/', ADDIN_VERSION: '0.1.0.7' }, pkgVersion)!);
    expect(v).toContain('<Version>0.1.0.7</Version>');
  });

  test('refuses what Office would refuse, with the variable named', () => {
    expect(() => normaliseBaseUrl('http://intranet/oneplan/')).toThrow(/ADDIN_BASE_URL must start with https/);
    expect(() => normaliseBaseUrl('intranet/oneplan')).toThrow(/ADDIN_BASE_URL is not a URL/);
    expect(() => normaliseBaseUrl('https://intranet/oneplan/?x=1')).toThrow(/plain folder address/);
    expect(normaliseBaseUrl('https://Intranet.example.go.th/a/b')).toBe('https://intranet.example.go.th/a/b/');
    const d = deploymentFromEnv({ ADDIN_BASE_URL: 'https://a.example.go.th/' }, pkgVersion)!;
    expect(() => manifestFor(devXml, { ...d, id: 'not-a-guid' })).toThrow(/ADDIN_ID must be a GUID/);
    expect(() => manifestFor(devXml, { ...d, version: '1.2.3.4.5' })).toThrow(/ADDIN_VERSION/);
    expect(deploymentFromEnv({}, pkgVersion)).toBeNull();
  });

  test('webpack writes it for `npm run package` only; dist/web holds the developer’s manifest', () => {
    expect(webpackConfig).toMatch(/deploymentFromEnv\(process\.env/);
    expect(webpackConfig).toMatch(/from: 'manifest\.xml',\s*to: 'manifest\.xml'/);
    // What the last `npm run build` (or the test run's rebuild) wrote: always the developer's manifest.
    const built = path.join(ROOT, 'dist/web/manifest.xml');
    if (fs.existsSync(built)) {
      const xml = fs.readFileSync(built, 'utf8');
      expect(/<SourceLocation DefaultValue="([^"]*)taskpane\.html"/.exec(xml)![1]).toBe(DEV_BASE);
      expect(manifestProblems(xml, DEV_BASE)).toEqual([]);
    }
  });
});
