/**
 * manifest.xml checked offline (`npm run validate` needs the network): ids, URLs, icons, resource ids,
 * requirement sets. A small tag scanner is enough: the manifest is ours and has no CDATA or entities.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MIN_EXCEL_API } from '../src/office/excel';

const ROOT = path.join(__dirname, '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

interface Tag {
  name: string;
  attrs: Record<string, string>;
}
const tags: Tag[] = [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<([A-Za-z:]+)((?:\s+[A-Za-z:]+="[^"]*")*)\s*\/?>/g)].map((m) => ({
  name: m[1],
  attrs: Object.fromEntries([...m[2].matchAll(/([A-Za-z:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
}));
const text = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

test('the manifest is well formed enough to scan and names the add-in', () => {
  expect(xml.startsWith('<?xml')).toBe(true);
  expect(tags[0].name).toBe('OfficeApp');
  expect(tags[0].attrs['xsi:type']).toBe('TaskPaneApp');
  expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(text('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(text('DefaultLocale')).toBe('th-TH');
  // Every opening tag is closed (or self-closing): counts balance for the container elements.
  for (const name of ['OfficeApp', 'VersionOverrides', 'Resources', 'Hosts', 'Control', 'Group']) {
    const open = (xml.match(new RegExp(`<${name}[\\s>]`, 'g')) ?? []).length;
    const close = (xml.match(new RegExp(`</${name}>`, 'g')) ?? []).length;
    expect([name, open]).toEqual([name, close]);
  }
});

test('every resid is defined once, and every defined resource is used', () => {
  const used = new Set(tags.filter((t) => t.attrs.resid).map((t) => t.attrs.resid));
  const defined = tags.filter((t) => /^bt:(Image|Url|String)$/.test(t.name) && t.attrs.id).map((t) => t.attrs.id);
  expect(new Set(defined).size).toBe(defined.length);
  for (const id of used) expect(defined).toContain(id);
  for (const id of defined) expect(used).toContain(id);
  // Resource ids are at most 32 characters (Office rejects longer ones).
  for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
});

test('URLs are https on localhost:3000 and point at pages and assets the build produces', () => {
  const urls = tags.flatMap((t) => Object.entries(t.attrs).filter(([k, v]) => k === 'DefaultValue' && /^https?:/.test(v)).map(([, v]) => v));
  expect(urls.length).toBeGreaterThan(5);
  const webpack = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
  for (const u of urls) {
    expect(u).toMatch(/^https:\/\/localhost:3000\//);
    const p = u.replace('https://localhost:3000/', '');
    if (p.startsWith('assets/')) expect(fs.existsSync(path.join(ROOT, p))).toBe(true);
    else expect(webpack).toContain(`filename: '${p}'`);
  }
});

test('icons are PNGs of the size they are declared at', () => {
  const images = tags.filter((t) => t.name === 'bt:Image' && t.attrs.id);
  expect(images.length).toBeGreaterThanOrEqual(3);
  for (const img of images) {
    const size = Number(/(\d+)x\d+/.exec(img.attrs.id)![1]);
    const file = path.join(ROOT, img.attrs.DefaultValue.replace('https://localhost:3000/', ''));
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
  for (const [tag, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]] as const) {
    const t = tags.find((x) => x.name === tag)!;
    const png = fs.readFileSync(path.join(ROOT, t.attrs.DefaultValue.replace('https://localhost:3000/', '')));
    expect(png.readUInt32BE(16)).toBe(size);
  }
});

test('the lowest ExcelApi set the core needs is declared; the button is on the Home tab in Thai and English', () => {
  const set = tags.find((t) => t.name === 'Set' && t.attrs.Name === 'ExcelApi');
  expect(set?.attrs.MinVersion).toBe(MIN_EXCEL_API);
  expect(tags.some((t) => t.name === 'OfficeTab' && t.attrs.id === 'TabHome')).toBe(true);
  expect(xml).toMatch(/<bt:String id="ValidateButton.Label" DefaultValue="ตรวจสอบแผน">\s*<bt:Override Locale="en-US" Value="Validate"\/>/);
  const action = tags.find((t) => t.name === 'Action');
  expect(action?.attrs['xsi:type']).toBe('ShowTaskpane');
});
