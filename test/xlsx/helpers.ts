/** Test helpers: build small .xlsx packages from XML parts and patch zip headers. */
import { strToU8, zipSync, type Zippable } from 'fflate';

export { REAL_SAMPLE as SAMPLE, REAL_FACTS as FACTS } from '../samples';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function sheetDoc(body: string, extraNs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${R}"${extraNs}>${body}</worksheet>`;
}

/**
 * A minimal package: one or more sheets given as sheet XML, optional shared strings / styles /
 * extra parts (e.g. drawings and sheet rels).
 */
export function makeXlsx(opts: {
  sheets: Array<{ name: string; xml: string; state?: string }>;
  sst?: string;
  styles?: string;
  extra?: Record<string, string>;
  level?: 0 | 6;
}): Uint8Array {
  const files: Zippable = {};
  const n = opts.sheets.length;
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>` +
      opts.sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
        .join('') +
      '</sheets></workbook>',
  );
  let rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    opts.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  if (opts.sst !== undefined) rels += `<Relationship Id="rId${n + 1}" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`;
  if (opts.styles !== undefined) rels += `<Relationship Id="rId${n + 2}" Type="${R}/styles" Target="styles.xml"/>`;
  files['xl/_rels/workbook.xml.rels'] = strToU8(rels + '</Relationships>');
  opts.sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  if (opts.sst !== undefined) files['xl/sharedStrings.xml'] = strToU8(opts.sst);
  if (opts.styles !== undefined) files['xl/styles.xml'] = strToU8(opts.styles);
  for (const [k, v] of Object.entries(opts.extra ?? {})) files[k] = strToU8(v);
  return zipSync(files, { level: opts.level ?? 6 });
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
function w32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

function eocdOf(b: Uint8Array): number {
  for (let i = b.length - 22; i >= 0; i--) if (u32(b, i) === 0x06054b50) return i;
  throw new Error('no EOCD');
}

/** Central directory entries: name → offset of the CD record. */
export function centralEntries(b: Uint8Array): Map<string, number> {
  const e = eocdOf(b);
  const count = u16(b, e + 10);
  let p = u32(b, e + 16);
  const out = new Map<string, number>();
  for (let k = 0; k < count; k++) {
    const nl = u16(b, p + 28);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nl));
    out.set(name, p);
    p += 46 + nl + u16(b, p + 30) + u16(b, p + 32);
  }
  return out;
}

/** Set the declared uncompressed size of an entry (central directory and local header). */
export function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const b = zip.slice();
  const cd = centralEntries(b).get(name);
  if (cd === undefined) throw new Error('no entry ' + name);
  w32(b, cd + 24, size);
  const lo = u32(b, cd + 42);
  w32(b, lo + 22, size);
  return b;
}

/** Rewrite the end of central directory in zip64 form (zip64 EOCD record + locator + 0xFFFF markers). */
export function toZip64(zip: Uint8Array): Uint8Array {
  const e = eocdOf(zip);
  const count = u16(zip, e + 10);
  const cdSize = u32(zip, e + 12);
  const cdOff = u32(zip, e + 16);
  const rec = new Uint8Array(56);
  w32(rec, 0, 0x06064b50);
  w32(rec, 4, 44); // size of remaining record (low 32 bits)
  rec[12] = 45;
  rec[14] = 45;
  w32(rec, 24, count);
  w32(rec, 32, count);
  w32(rec, 40, cdSize);
  w32(rec, 48, cdOff);
  const loc = new Uint8Array(20);
  w32(loc, 0, 0x07064b50);
  w32(loc, 8, e); // offset of the zip64 EOCD record = where the old EOCD started
  w32(loc, 16, 1);
  const eocd = zip.slice(e, e + 22);
  eocd[10] = eocd[11] = eocd[8] = eocd[9] = 0xff;
  w32(eocd, 12, 0xffffffff);
  w32(eocd, 16, 0xffffffff);
  const out = new Uint8Array(e + 56 + 20 + 22);
  out.set(zip.subarray(0, e), 0);
  out.set(rec, e);
  out.set(loc, e + 56);
  out.set(eocd, e + 76);
  return out;
}
