/**
 * The rules of Microsoft's published add-in manifest schemas (OfficeAppManifestV1_1.xsd,
 * TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd in OfficeDev/office-js-docs-pr,
 * docs/overview/schemas/taskpane) that OnePlan's manifest relies on, plus the rules Office applies when it
 * loads one (resource kinds, icon sizes), checked offline. Office validates a manifest against those schemas
 * when an add-in is sideloaded or deployed, so each rule is one way an edit could stop OnePlan from
 * installing. Used by test/manifest.test.ts (manifest.xml and scripts/manifest.js's output) and
 * test/package.test.ts (the manifest inside a release zip, against the files beside it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { MIN_EXCEL_API } from '../src/office/excel';
import { DEV_BASE } from '../scripts/manifest';

const ROOT = path.join(__dirname, '..');
const webpackConfig = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');

/** The bytes of a file of the build by its path under the base URL, or null when the build has none. */
export type FileAt = (file: string) => Buffer | null;

/** Before a build: assets/ from the repository, pages by webpack.config.js's HtmlWebpackPlugin filenames. */
export const sourceFile: FileAt = (file) => {
  if (file.startsWith('assets/')) {
    const p = path.join(ROOT, file);
    return fs.existsSync(p) ? fs.readFileSync(p) : null;
  }
  return webpackConfig.includes(`filename: '${file}'`) ? Buffer.alloc(0) : null;
};

// ---------------------------------------------------------------------------------------------
// A strict little XML tree (the manifest is ours: no CDATA, no DTD; entities are the five standard ones)
// ---------------------------------------------------------------------------------------------

export interface El {
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

export function parseXml(xml: string): El {
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

export const all = (el: El): El[] => [el, ...el.children.flatMap(all)];
export const child = (el: El, name: string) => el.children.find((c) => c.name === name);

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
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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
export function manifestProblems(xml: string, base: string, fileAt: FileAt = sourceFile): string[] {
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
    if (file === null) return; // reported with the URLs below
    const png = fileAt(file);
    if (!png) return fail(`${what}: ${file} does not exist`);
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
    else if (!fileAt(file)) fail(`URL "${u}": the build writes no ${file}`);
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
