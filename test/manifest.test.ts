/**
 * The add-in manifests checked offline against the rules of Microsoft's published manifest schemas
 * (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd in
 * OfficeDev/office-js-docs-pr, docs/overview/schemas/taskpane) that this manifest relies on, plus the
 * rules Office applies when it loads one (resource kinds, icon sizes). Office validates a manifest
 * against those schemas when an add-in is sideloaded or deployed, so each rule here is one way an edit
 * could stop OnePlan from installing. Checked: manifest.xml (the developer's) and the manifest
 * `ADDIN_BASE_URL=… npm run build` writes (scripts/manifest.js).
 * `xmllint --schema OfficeAppManifestV1_1.xsd` by hand (README, "Checking the manifest") checks the rest.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MIN_EXCEL_API } from '../src/office/excel';
import { DEV_BASE, deploymentFromEnv, deploymentId, manifestFor, manifestVersion, normaliseBaseUrl } from '../scripts/manifest';

const ROOT = path.join(__dirname, '..');
const devXml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const pkgVersion: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const webpackConfig = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');

// ---------------------------------------------------------------------------------------------
// A strict little XML tree (the manifest is ours: no CDATA, no DTD; entities are the five standard ones)
// ---------------------------------------------------------------------------------------------

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  parent?: El;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function parseXml(xml: string): El {
  if (!xml.startsWith('<?xml')) throw new Error('no XML declaration');
  const body = xml.replace(/^<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const top = stack[stack.length - 1];
    if (m[6]) throw new Error(`stray "<" at ${m.index}`);
    if (m[5] !== undefined) {
      if (m[5].trim()) top.text += unescape(m[5]);
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) {
      if (a[1] in attrs) throw new Error(`attribute ${a[1]} twice on <${name}>`);
      attrs[a[1]] = unescape(a[2]);
    }
    const el: El = { name, attrs, children: [], text: '', parent: top };
    top.children.push(el);
    if (!selfClose) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is not closed`);
  if (root.children.length !== 1) throw new Error('more than one root element');
  return root.children[0];
}

const all = (el: El): El[] => [el, ...el.children.flatMap(all)];
const child = (el: El, name: string) => el.children.find((c) => c.name === name);

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

/** OfficeApp's children in schema order (OfficeApp sequence, then TaskPaneApp's extension). */
const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'];
/** Nested sequences the manifest uses (TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd). */
const ORDERS: Record<string, string[]> = {
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title'],
  'bt:Resources': ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^([0-9]{1,5})(\.[0-9]{1,5}){0,3}$/;
const CULTURE = /^([a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(-[a-zA-Z]{2,3}(_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/;
/** Resource kind each referring element needs (bt:ShortResourceReference, …): Office looks a resid up only there. */
const RESID_KIND: Record<string, 'bt:ShortStrings' | 'bt:LongStrings' | 'bt:Urls' | 'bt:Images'> = {
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
  LearnMoreUrl: 'bt:Urls',
  FunctionFile: 'bt:Urls',
  SourceLocation: 'bt:Urls',
  'bt:Image': 'bt:Images',
};
/** Icon sizes Office needs on the desktop ribbon (16, 32, 80); the others it accepts. */
const ICON_SIZES_REQUIRED = [16, 32, 80];
const ICON_SIZES_ALLOWED = [16, 20, 24, 32, 40, 48, 64, 80];

/** Which file of the build a manifest URL points at (null when it does not point under `base`). */
function builtFile(url: string, base: string): string | null {
  if (!url.startsWith(base)) return null;
  return url.slice(base.length).replace(/[?#].*$/, '');
}

/** Every rule; returns the broken ones (an empty list means the manifest installs as far as we can tell offline). */
function manifestProblems(xml: string, base: string): string[] {
  const problems: string[] = [];
  const fail = (msg: string) => problems.push(msg);
  let root: El;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [`not well-formed: ${(e as Error).message}`];
  }
  if (root.name !== 'OfficeApp' || root.attrs['xsi:type'] !== 'TaskPaneApp') fail('root is not <OfficeApp xsi:type="TaskPaneApp">');
  if (root.attrs.xmlns !== 'http://schemas.microsoft.com/office/appforoffice/1.1') fail('OfficeApp namespace is not appforoffice/1.1');

  // Element order and presence.
  const names = root.children.map((c) => c.name);
  const positions = names.map((n) => OFFICE_APP_ORDER.indexOf(n));
  names.forEach((n, i) => {
    if (positions[i] < 0) fail(`unknown element <${n}> in OfficeApp`);
    else if (i > 0 && positions[i] <= positions[i - 1])
      fail(`<${n}> comes after <${names[i - 1]}> (schema order: ${OFFICE_APP_ORDER.join(', ')})`);
  });
  for (const r of REQUIRED) if (!names.includes(r)) fail(`<${r}> is missing`);
  for (const el of all(root)) {
    const order = ORDERS[el.name];
    if (!order) continue;
    const kids = el.children.map((c) => order.indexOf(c.name));
    kids.forEach((k, i) => {
      if (k >= 0 && i > 0 && kids[i - 1] >= 0 && k < kids[i - 1])
        fail(`<${el.children[i].name}> comes before <${el.children[i - 1].name}> in <${el.name}>`);
    });
  }

  // Empty containers the schema forbids (AppDomains needs at least one AppDomain, and so on).
  for (const [container, item] of [
    ['AppDomains', 'AppDomain'],
    ['Hosts', 'Host'],
    ['Sets', 'Set'],
    ['Icon', 'bt:Image'],
  ] as const) {
    for (const el of all(root).filter((e) => e.name === container)) {
      if (!el.children.some((c) => c.name === item)) fail(`<${container}> holds no <${item}>`);
    }
  }
  for (const d of all(root).filter((e) => e.name === 'AppDomain'))
    if (!/^https:\/\/[^/]+/.test(d.text.trim())) fail(`AppDomain "${d.text}" is not an https origin`);

  // Simple types.
  const text = (n: string) => child(root, n)?.text.trim() ?? '';
  if (!UUID.test(text('Id'))) fail(`Id "${text('Id')}" is not a GUID`);
  if (!VERSION.test(text('Version'))) fail(`Version "${text('Version')}" is not n.n.n.n`);
  if (!CULTURE.test(text('DefaultLocale'))) fail(`DefaultLocale "${text('DefaultLocale')}" is not a culture name`);
  const lengthOf = (el: El | undefined, max: number, what: string) => {
    if (!el) return;
    const values = [el.attrs.DefaultValue, ...el.children.filter((c) => /Override$/.test(c.name)).map((c) => c.attrs.Value)];
    for (const v of values) if (v === undefined || v.length < 1 || v.length > max) fail(`${what} "${v}" must have 1–${max} characters`);
    for (const o of el.children.filter((c) => /Override$/.test(c.name)))
      if (!CULTURE.test(o.attrs.Locale ?? '')) fail(`${what} override locale "${o.attrs.Locale}"`);
  };
  if ((text('ProviderName').length || 999) > 125) fail('ProviderName must have 1–125 characters');
  lengthOf(child(root, 'DisplayName'), 125, 'DisplayName');
  lengthOf(child(root, 'Description'), 250, 'Description');

  // Resources: ids ≤ 32 characters, defined once, each used, each used where its kind is expected.
  const resources = all(root).find((e) => e.name === 'Resources');
  const defined = new Map<string, { kind: string; el: El }>();
  for (const group of resources?.children ?? []) {
    for (const r of group.children) {
      const id = r.attrs.id ?? '';
      if (id.length < 1 || id.length > 32) fail(`resource id "${id}" must have 1–32 characters`);
      if (defined.has(id)) fail(`resource id "${id}" is defined twice`);
      defined.set(id, { kind: group.name, el: r });
      const max = group.name === 'bt:ShortStrings' ? 125 : group.name === 'bt:LongStrings' ? 250 : 2048;
      lengthOf(r, max, `${group.name} ${id}`);
    }
  }
  const used = new Set<string>();
  for (const el of all(root).filter((e) => e.attrs.resid !== undefined)) {
    const id = el.attrs.resid;
    used.add(id);
    const want = RESID_KIND[el.name];
    const got = defined.get(id);
    if (!got) fail(`resid "${id}" on <${el.name}> is not defined`);
    else if (want && got.kind !== want) fail(`resid "${id}" on <${el.name}> is a ${got.kind} resource; <${el.name}> needs ${want}`);
  }
  for (const id of defined.keys()) if (!used.has(id)) fail(`resource "${id}" is never used`);

  // Icons: the ribbon's three sizes on each Icon, every image a PNG of its declared size under 100 KB.
  const imageUrl = new Map([...defined].filter(([, d]) => d.kind === 'bt:Images').map(([id, d]) => [id, d.el.attrs.DefaultValue]));
  for (const icon of all(root).filter((e) => e.name === 'Icon')) {
    const sizes = icon.children.map((c) => Number(c.attrs.size));
    for (const s of ICON_SIZES_REQUIRED) if (!sizes.includes(s)) fail(`an <Icon> lacks the ${s}px image`);
    for (const c of icon.children) {
      const size = Number(c.attrs.size);
      if (!ICON_SIZES_ALLOWED.includes(size)) fail(`icon size ${c.attrs.size} is not one Office uses`);
      const url = imageUrl.get(c.attrs.resid);
      if (url) checkPng(url, size, `${c.attrs.resid} (size ${size})`);
    }
  }
  const iconUrl = child(root, 'IconUrl')?.attrs.DefaultValue;
  const hiRes = child(root, 'HighResolutionIconUrl')?.attrs.DefaultValue;
  if (iconUrl) checkPng(iconUrl, 32, 'IconUrl');
  if (hiRes) checkPng(hiRes, 64, 'HighResolutionIconUrl');
  function checkPng(url: string, size: number, what: string) {
    const file = builtFile(url, base);
    if (file === null || !file.startsWith('assets/')) return; // reported with the URLs below
    const p = path.join(ROOT, file);
    if (!fs.existsSync(p)) return fail(`${what}: ${file} does not exist`);
    const png = fs.readFileSync(p);
    if (png.subarray(1, 4).toString('latin1') !== 'PNG') return fail(`${what}: ${file} is not a PNG`);
    const wh = [png.readUInt32BE(16), png.readUInt32BE(20)];
    if (wh[0] !== size || wh[1] !== size) fail(`${what}: ${file} is ${wh.join('×')}, declared ${size}×${size}`);
    if (png.length > 100 * 1024) fail(`${what}: ${file} is over 100 KB`);
  }

  // URLs: every one https, under the deployment's base, at a file the build writes.
  const urls: string[] = [];
  for (const el of all(root)) {
    const isUrlSetting =
      ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].includes(el.name) || (el.name === 'SourceLocation' && !el.attrs.resid);
    if (isUrlSetting || (el.name === 'bt:Url' && el.attrs.id) || (el.name === 'bt:Image' && el.attrs.id)) {
      urls.push(el.attrs.DefaultValue, ...el.children.filter((c) => /Override$/.test(c.name)).map((c) => c.attrs.Value));
    }
  }
  if (urls.length < 6) fail(`only ${urls.length} URLs found`);
  for (const u of urls) {
    if (!u || !u.startsWith('https://')) fail(`URL "${u}" is not https`);
    else if (u.length > 2048) fail(`URL "${u.slice(0, 40)}…" is over 2048 characters`);
    const file = u ? builtFile(u, base) : null;
    if (file === null) fail(`URL "${u}" is not under ${base}`);
    else if (file.startsWith('assets/')) {
      if (!fs.existsSync(path.join(ROOT, file))) fail(`URL "${u}": ${file} does not exist`);
    } else if (!webpackConfig.includes(`filename: '${file}'`)) fail(`URL "${u}": the build writes no ${file}`);
  }
  if (/localhost/.test(xml.replace(/<!--[\s\S]*?-->/g, '')) && base !== DEV_BASE) fail('a deployment manifest still names localhost');

  // What the add-in needs from Excel.
  const sets = all(root).filter((e) => e.name === 'Set');
  const excelSet = sets.find((s) => s.attrs.Name === 'ExcelApi');
  if (excelSet?.attrs.MinVersion !== MIN_EXCEL_API)
    fail(`ExcelApi MinVersion is ${excelSet?.attrs.MinVersion}, the code's minimum is ${MIN_EXCEL_API}`);
  if (text('Permissions') !== 'ReadWriteDocument') fail('Permissions must be ReadWriteDocument (the add-in writes sheets)');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

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

  test('webpack writes it when ADDIN_BASE_URL is set, and the developer’s manifest otherwise', () => {
    expect(webpackConfig).toMatch(/deploymentFromEnv\(process\.env/);
    expect(webpackConfig).toMatch(/from: 'manifest\.xml',\s*to: 'manifest\.xml'/);
    // What the last build wrote (plain `npm run build` in `npm test`): the developer's manifest or a deployment's, valid either way.
    const built = path.join(ROOT, 'dist/web/manifest.xml');
    if (fs.existsSync(built)) {
      const xml = fs.readFileSync(built, 'utf8');
      const base = /<SourceLocation DefaultValue="([^"]*)taskpane\.html"/.exec(xml)![1];
      expect(manifestProblems(xml, base)).toEqual([]);
    }
  });
});
