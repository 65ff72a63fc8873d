/**
 * Fast minimal .xlsx reader: zip central directory → workbook / rels / styles / shared strings /
 * sheet XML / drawings (text boxes), scanned with indexOf on decoded strings. Pure TypeScript: no fs,
 * no DOM; the raw-deflate inflater is injected (fflate by default; Node passes zlib.inflateRawSync).
 *
 * Bounded against hostile files: per-entry and per-file inflate caps ('too-large'), DOCTYPE refused
 * ('bad-xml'), old .xls / password-protected / .ods / .xlsb detected with a Thai message naming the file.
 */
import type { Cell, CellType, Range, SheetModel, TextBox, WorkbookModel } from '../engine/model';
import { readError, WorkbookReadError } from './errors';
import { BUILTIN_FORMATS, formatGeneral, formatNumber, formatText, isGeneralFormat } from './numfmt';
import {
  attrLocal,
  attrs,
  checkProlog,
  closeOf,
  decodeBytes,
  decodeText,
  decodeUtf8Text,
  innerRaw,
  isNameEnd,
  nextTag,
  relsPathOf,
  resolvePath,
  unescapeXml,
  XmlError,
  type Tag,
  type UnitsToString,
} from './xml';
import { ownString } from '../engine/own-string';
import { byteAt, encodeAscii, findBytes, lastIndexOfBytes, matchesAt, sliceEnd, wordAt } from './byte-scan';
import { richText, sharedStringTable, SLICE } from './shared-strings';
import { fflateInflateRaw } from './inflate-fflate';
import { isOle2, oleHasEncryptedPackage, oleHasStream, ZipArchive, type InflateRaw } from './zip';

export { WorkbookReadError } from './errors';
export type { InflateRaw } from './zip';

export interface ReadOptions {
  /** Raw-deflate inflater; default fflate (browser and Node). Node passes zlib.inflateRawSync. */
  inflateRaw?: InflateRaw;
  /** Zip entries inflated beforehand, by lower-case name, taken in place of `inflateRaw` (ZipArchive). */
  inflated?: ReadonlyMap<string, Uint8Array>;
  /** Largest inflated size of one zip entry (default 1 GiB). */
  maxEntryBytes?: number;
  /** Largest inflated size of all entries read from one file (default 1 GiB). */
  maxTotalBytes?: number;
  /** Read text boxes from drawings (default true). */
  textBoxes?: boolean;
  /** Sheet XML and shared strings are decoded in slices of about this many bytes, cut after a </row> or </si> (default 64 KiB). */
  sheetSliceBytes?: number;
  /** Rows read from each decoded slice of sheet XML, never from its bytes: the reference the byte scanner is tested against. */
  decodedRows?: boolean;
  /** Shared strings' texts made from their UTF-16 units; default TextDecoder. Node passes nodeUnitsToString (src/node/text.ts). */
  unitsToString?: UnitsToString;
  /**
   * Shared-string tables read beforehand from the parts' bytes (sharedStringTable, by the CLI's fetching
   * thread), by lower-case part name, taken in place of reading them: a table that failed is left out.
   */
  sharedStrings?: ReadonlyMap<string, string[]>;
}

const GiB = 1024 * 1024 * 1024;

const REL_OFFICE_DOC = '/officeDocument';
/** Excel's grid: 1,048,576 rows × 16,384 columns (0-based last indices). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

interface Rel {
  type: string;
  target: string;
  external: boolean;
}

export function readXlsx(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): WorkbookModel {
  const file = fileName;
  if (bytes.length === 0) throw readError('not-zip', file, 'empty file', 'ไฟล์ว่าง ไม่มีข้อมูล');
  if (isOle2(bytes)) {
    if (oleHasEncryptedPackage(bytes)) throw readError('encrypted', file);
    // An old Word .doc (renamed or picked by mistake) is OLE2 too: say Word, not "old Excel".
    if (oleHasStream(bytes, 'WordDocument')) throw readError('word-document', file, '.doc');
    throw readError('xls-format', file);
  }
  try {
    return new Reader(bytes, file, opts).read();
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    if (e instanceof XmlError) throw readError('bad-xml', file, e.message);
    if (e instanceof RangeError) throw readError('too-large', file, e.message);
    throw readError('corrupt', file, (e as Error)?.message ?? String(e));
  }
}

class Reader {
  private readonly zip: ZipArchive;
  private sst: string[] = [];
  /** Number format code per cellXfs index; undefined = General. */
  private xfFmt: Array<string | undefined> = [];
  /** cellXfs index → format has a text section with literals ("@" plus text). */
  private xfTextFmt: boolean[] = [];
  private date1904 = false;

  constructor(
    bytes: Uint8Array,
    private readonly file: string,
    private readonly opts: ReadOptions,
  ) {
    this.zip = new ZipArchive(
      bytes,
      file,
      opts.inflateRaw ?? fflateInflateRaw,
      {
        maxEntryBytes: opts.maxEntryBytes ?? GiB,
        maxTotalBytes: opts.maxTotalBytes ?? GiB,
      },
      opts.inflated,
    );
  }

  private text(part: string, check = true): string | undefined {
    const b = this.zip.read(part);
    if (!b) return undefined;
    const s = decodeBytes(b);
    if (check) checkProlog(s, part);
    return s;
  }

  private rels(part: string): Map<string, Rel> {
    const out = new Map<string, Rel>();
    const relsPart = relsPathOf(part);
    const s = this.text(relsPart);
    if (!s) return out;
    for (let t = nextTag(s, 0); t; t = nextTag(s, t.end + 1)) {
      if (t.close || t.name !== 'Relationship') continue;
      const a = attrs(s, t);
      if (!a.Id || !a.Target) continue;
      const external = a.TargetMode === 'External';
      let target = a.Target;
      if (!external) {
        try {
          target = decodeURIComponent(target);
        } catch {
          /* keep as is */
        }
        target = resolvePath(part, target);
      }
      out.set(a.Id, { type: a.Type ?? '', target, external });
    }
    return out;
  }

  read(): WorkbookModel {
    const zip = this.zip;
    // OpenDocument spreadsheet?
    if (zip.has('mimetype')) {
      const m = new TextDecoder().decode(zip.read('mimetype') ?? new Uint8Array());
      if (m.includes('opendocument.spreadsheet')) throw readError('ods', this.file);
    }
    let wbPath = 'xl/workbook.xml';
    for (const r of this.rels('').values()) {
      if (r.type.endsWith(REL_OFFICE_DOC) && !r.external) wbPath = r.target;
    }
    // The package's main part says what it is: a Word document or a presentation is no workbook, even named .xlsx.
    if (!/^xl\//i.test(wbPath) && !zip.has('xl/workbook.xml')) {
      if (/^word\//i.test(wbPath)) throw readError('word-document', this.file, '.docx');
      if (/^ppt\//i.test(wbPath)) throw readError('not-spreadsheet', this.file, 'PowerPoint');
    }
    if (!zip.has(wbPath)) {
      if (zip.has('xl/workbook.xml')) wbPath = 'xl/workbook.xml';
      else if (zip.has('xl/workbook.bin') || /\.bin$/i.test(wbPath)) throw readError('xlsb-format', this.file);
      else if (zip.has('content.xml') && zip.has('meta.xml')) throw readError('ods', this.file);
      else if (zip.has('word/document.xml')) throw readError('word-document', this.file, '.docx');
      else if (zip.has('ppt/presentation.xml')) throw readError('not-spreadsheet', this.file, 'PowerPoint');
      else throw readError('not-spreadsheet', this.file);
    }
    if (/\.bin$/i.test(wbPath)) throw readError('xlsb-format', this.file);
    const wbXml = this.text(wbPath) as string;
    const wbRels = this.rels(wbPath);

    let sstPath: string | undefined;
    let stylesPath: string | undefined;
    for (const r of wbRels.values()) {
      if (r.external) continue;
      if (r.type.endsWith('/sharedStrings')) sstPath = r.target;
      else if (r.type.endsWith('/styles')) stylesPath = r.target;
    }
    sstPath ??= zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined;
    stylesPath ??= zip.has('xl/styles.xml') ? 'xl/styles.xml' : undefined;
    if (stylesPath && zip.has(stylesPath)) this.parseStyles(this.text(stylesPath) as string);
    if (sstPath && zip.has(sstPath)) this.sst = this.sharedStrings(sstPath);

    const sheets: SheetModel[] = [];
    for (let t = nextTag(wbXml, 0); t; t = nextTag(wbXml, t.end + 1)) {
      if (t.close) continue;
      if (t.name === 'workbookPr') {
        const d = attrs(wbXml, t).date1904;
        this.date1904 = d === '1' || d === 'true';
      } else if (t.name === 'sheet') {
        const a = attrs(wbXml, t);
        const rid = attrLocal(a, 'id');
        const rel = rid ? wbRels.get(rid) : undefined;
        const name = a.name ?? `Sheet${sheets.length + 1}`;
        // rows made with holes from the start (most sheets skip a row somewhere): one kind of array for every sheet.
        const sheet: SheetModel = { name, rows: new Array<Array<Cell | undefined> | undefined>(0), merges: [], textBoxes: [] };
        if (a.state === 'hidden' || a.state === 'veryHidden') sheet.hidden = true;
        // A declared sheet without its part is damage, not an empty sheet: its projects would be lost unseen.
        if (!rid || !rel) {
          const where = `"${name}" → ${rid ?? 'r:id'} (${relsPathOf(wbPath)})`;
          throw readError('missing-part', this.file, where, where);
        }
        if (rel.external || !zip.has(rel.target))
          throw readError('missing-part', this.file, `"${name}" → ${rel.target}`, `"${name}" → ${rel.target}`);
        if (rel.type.endsWith('/worksheet')) this.parseSheet(rel.target, sheet);
        else if (this.opts.textBoxes !== false) this.parseSheetDrawings(rel.target, sheet); // chartsheet, dialogsheet
        sheets.push(sheet);
      } else if (t.name === 'definedNames' || t.name === 'calcPr') {
        // nothing needed after the sheet list
      }
    }
    return { name: this.file, sheets };
  }

  private parseStyles(s: string): void {
    const custom = new Map<number, string>();
    const xfIds: number[] = [];
    let inCellXfs = false;
    for (let t = nextTag(s, 0); t; t = nextTag(s, t.end + 1)) {
      if (t.name === 'cellXfs') {
        inCellXfs = !t.close && !t.selfClose;
        continue;
      }
      if (t.close) continue;
      if (t.name === 'numFmt') {
        const a = attrs(s, t);
        if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(parseInt(a.numFmtId, 10), a.formatCode);
      } else if (t.name === 'xf' && inCellXfs) {
        const a = attrs(s, t);
        xfIds.push(a.numFmtId ? parseInt(a.numFmtId, 10) : 0);
      }
    }
    // Pushed, not made by map(): map's arrays are packed until TurboFan inlines it and holey after, a
    // second kind of array for the row scanner's look-ups (a deoptimisation of parseRowBytes then).
    const xfFmt: Array<string | undefined> = [];
    const xfTextFmt: boolean[] = [];
    for (const id of xfIds) {
      const code = custom.get(id) ?? BUILTIN_FORMATS[id];
      const c = isGeneralFormat(code) ? undefined : code;
      xfFmt.push(c);
      xfTextFmt.push(!!c && c !== '@' && /@/.test(c.replace(/"[^"]*"/g, '')));
    }
    this.xfFmt = xfFmt;
    this.xfTextFmt = xfTextFmt;
  }

  private parseSheet(path: string, sheet: SheetModel): void {
    const b = this.zip.read(path) as Uint8Array;
    // Locate <sheetData ...> and </sheetData> in the bytes; decode the rows in slices.
    const sdName = findBytes(b, SHEET_DATA, 0);
    let headEnd = b.length;
    let bodyStart = -1;
    let bodyEnd = -1;
    let prefix = '';
    if (sdName >= 0) {
      // '<' or '<prefix:' before the name
      let lt = sdName - 1;
      while (lt >= 0 && b[lt] !== 0x3c) lt--;
      if (lt >= 0 && b[sdName - 1] === 0x3a) prefix = new TextDecoder().decode(b.subarray(lt + 1, sdName));
      headEnd = Math.max(0, lt);
      const gt = b.indexOf(0x3e, sdName);
      if (gt > 0 && b[gt - 1] !== 0x2f) {
        bodyStart = gt + 1;
        bodyEnd = lastIndexOfBytes(b, encodeAscii('</' + prefix + 'sheetData>'), b.length - 1);
        if (bodyEnd < bodyStart) bodyEnd = b.length;
      }
    }
    const head = decodeBytes(b.subarray(0, headEnd));
    checkProlog(head + '<', path);
    const state: RowState = { row: -1, col: 0, shared: new Map() };
    if (bodyStart >= 0) {
      const closeRow = encodeAscii('</' + prefix + 'row>');
      const slice = this.opts.sheetSliceBytes ?? SLICE;
      for (let p = bodyStart, q = p; p < bodyEnd; p = q) {
        q = sliceEnd(b, p, bodyEnd, closeRow, slice);
        const part = b.subarray(p, q);
        // Scanned as bytes (no string per slice, texts decoded alone), else decoded and scanned (the reference).
        if (this.opts.decodedRows !== true && bytesScannable(part, prefix)) this.parseRowBytes(part, prefix, state, sheet.rows);
        else this.parseRows(decodeBytes(part), prefix, state, sheet.rows);
      }
    }
    const tail = bodyEnd >= 0 ? decodeBytes(b.subarray(bodyEnd)) : sdName < 0 ? head : '';
    sheet.merges = parseMerges(tail);
    if (this.opts.textBoxes !== false) this.parseSheetDrawings(path, sheet);
  }

  /**
   * The shared-string table (sharedStringTable), or the one read beforehand from the same bytes
   * (ReadOptions.sharedStrings). The part is read either way: its checks and its bytes counted.
   */
  private sharedStrings(part: string): string[] {
    const b = this.zip.read(part) as Uint8Array;
    const ready = this.opts.sharedStrings?.get(part.toLowerCase());
    return ready ?? sharedStringTable(b, part, this.opts.unitsToString, this.opts.sheetSliceBytes ?? SLICE);
  }

  private parseSheetDrawings(path: string, sheet: SheetModel): void {
    const rels = this.rels(path);
    for (const r of rels.values()) {
      if (r.external || !r.type.endsWith('/drawing') || !this.zip.has(r.target)) continue;
      const s = this.text(r.target) as string;
      for (const tb of parseTextBoxes(s)) sheet.textBoxes.push(tb);
    }
  }

  /** The hot loop: rows and cells of one slice of sheetData. */
  private parseRows(s: string, P: string, st: RowState, rows: SheetModel['rows']): void {
    const rowOpen = '<' + P + 'row';
    const cOpen = '<' + P + 'c';
    const cClose = '</' + P + 'c>';
    const plen = P.length;
    const sst = this.sst;
    const xfFmt = this.xfFmt;
    const xfTextFmt = this.xfTextFmt;
    const date1904 = this.date1904;
    const n = s.length;
    let p = s.indexOf('<');
    while (p >= 0) {
      const c1 = s.charCodeAt(p + 1);
      if (c1 === 0x2f || c1 === 0x21 || c1 === 0x3f) {
        p = s.indexOf('<', p + 2);
        continue;
      }
      if (s.startsWith(cOpen, p) && isNameEnd(s.charCodeAt(p + cOpen.length))) {
        const gt = s.indexOf('>', p);
        if (gt < 0) break;
        // attributes r, s, t
        let col = -1;
        let rowNum = -1;
        let xf = 0;
        let tc = 0; // first char of t
        let tlen = 0;
        let i = p + cOpen.length;
        while (i < gt) {
          const eq = s.indexOf('=', i);
          if (eq < 0 || eq > gt) break;
          let ns = i;
          while (ns < eq && s.charCodeAt(ns) <= 0x20) ns++;
          let ne = eq;
          while (ne > ns && s.charCodeAt(ne - 1) <= 0x20) ne--;
          let vq = eq + 1;
          while (vq < gt && s.charCodeAt(vq) !== 0x22 && s.charCodeAt(vq) !== 0x27) vq++;
          const ve = s.indexOf(s[vq], vq + 1);
          if (ve < 0) break;
          if (ne - ns === 1) {
            const an = s.charCodeAt(ns);
            if (an === 0x72 /* r */) {
              let k = vq + 1;
              let c = 0;
              let ch = s.charCodeAt(k);
              if (ch === 0x24) ch = s.charCodeAt(++k);
              while ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) {
                c = c * 26 + (ch & 0x1f);
                ch = s.charCodeAt(++k);
              }
              if (ch === 0x24) ch = s.charCodeAt(++k);
              let r = 0;
              while (ch >= 48 && ch <= 57) {
                r = r * 10 + (ch - 48);
                ch = s.charCodeAt(++k);
              }
              if (c > 0) col = c - 1;
              if (r > 0) rowNum = r - 1;
            } else if (an === 0x73 /* s */) {
              let k = vq + 1;
              let v = 0;
              let ch = s.charCodeAt(k);
              while (ch >= 48 && ch <= 57) {
                v = v * 10 + (ch - 48);
                ch = s.charCodeAt(++k);
              }
              xf = v;
            } else if (an === 0x74 /* t */) {
              tc = s.charCodeAt(vq + 1);
              tlen = ve - vq - 1;
            }
          }
          i = ve + 1;
        }
        col = placeCell(st, rowNum, col);
        if (s.charCodeAt(gt - 1) === 0x2f) {
          p = s.indexOf('<', gt + 1);
          continue;
        }
        let cEnd = s.indexOf(cClose, gt + 1);
        if (cEnd < 0) cEnd = n;
        // children: v, f, is
        let vs = -1;
        let vEnd = -1;
        let ftext: string | undefined;
        let inline: string | undefined;
        let q = s.indexOf('<', gt + 1);
        while (q >= 0 && q < cEnd) {
          if (s.charCodeAt(q + 1) === 0x2f) {
            q = s.indexOf('<', q + 2);
            continue;
          }
          const nm = q + 1 + plen;
          const ch = s.charCodeAt(nm);
          const g = s.indexOf('>', nm);
          if (g < 0) break;
          if (ch === 0x76 /* v */ && isNameEnd(s.charCodeAt(nm + 1))) {
            if (s.charCodeAt(g - 1) !== 0x2f) {
              vs = g + 1;
              vEnd = s.indexOf('<', vs);
              q = vEnd;
            } else q = s.indexOf('<', g + 1);
          } else if (ch === 0x66 /* f */ && isNameEnd(s.charCodeAt(nm + 1))) {
            const selfClose = s.charCodeAt(g - 1) === 0x2f;
            const fe = selfClose ? g : s.indexOf('<', g + 1);
            const txt = selfClose ? '' : unescapeXml(s.slice(g + 1, fe));
            ftext = this.formula(s.slice(q, g), txt, st, rowNumOr(st.row), col);
            q = selfClose ? s.indexOf('<', g + 1) : fe;
          } else if (ch === 0x69 /* i */ && s.charCodeAt(nm + 1) === 0x73 && isNameEnd(s.charCodeAt(nm + 2))) {
            const isClose = s.indexOf('</' + P + 'is>', g);
            const ie = isClose < 0 || isClose > cEnd ? cEnd : isClose;
            inline = s.charCodeAt(g - 1) === 0x2f ? '' : ownString(richText(s, g + 1, ie));
            q = s.indexOf('<', ie + 1);
          } else q = s.indexOf('<', g + 1);
        }
        p = s.indexOf('<', cEnd + cClose.length);
        // value (in VALUE)
        const fmt = xfFmt[xf];
        let found: boolean;
        if (inline !== undefined && (tc === 0x69 || vs < 0)) found = stringValue(inline, fmt, xfTextFmt[xf]);
        else if (vs < 0) continue;
        // shared string: its index read in place (no string made per cell)
        else if (tc === 0x73 && tlen === 1) found = stringValue(sst[indexAt(s, vs, vEnd)], fmt, xfTextFmt[xf]);
        else found = textValue(tc, s.slice(vs, vEnd), fmt, xfTextFmt[xf], date1904);
        if (found) putCell(rows, st.row, col, ftext, fmt);
        continue;
      }
      if (s.startsWith(rowOpen, p) && isNameEnd(s.charCodeAt(p + rowOpen.length))) {
        const gt = s.indexOf('>', p);
        if (gt < 0) break;
        let r = -1;
        const ri = indexOfAttr(s, p + rowOpen.length, gt, 'r');
        if (ri >= 0) {
          let k = ri;
          let ch = s.charCodeAt(k);
          r = 0;
          while (ch >= 48 && ch <= 57) {
            r = r * 10 + (ch - 48);
            ch = s.charCodeAt(++k);
          }
          r -= 1;
        }
        st.row = r >= 0 ? r : st.row + 1;
        st.col = 0;
        p = s.indexOf('<', gt + 1);
        continue;
      }
      p = s.indexOf('<', p + 1);
    }
  }

  /**
   * parseRows of a slice's bytes, not decoded (bytesScannable says when): tags and attributes are
   * ASCII and UTF-8 never puts an ASCII byte inside a character, so each tag is found where the
   * decoded slice has it. Only texts are decoded, each alone (textAt: as cut from the decoded slice);
   * shared-string indices and whole numbers are read from the bytes. The same steps as parseRows.
   */
  private parseRowBytes(s: Uint8Array, P: string, st: RowState, rows: SheetModel['rows']): void {
    const rowOpen = encodeAscii('<' + P + 'row');
    const cOpen = encodeAscii('<' + P + 'c');
    const cClose = encodeAscii('</' + P + 'c>');
    const isClose = encodeAscii('</' + P + 'is>');
    const vOpen = encodeAscii('<' + P + 'v>');
    const vcClose = encodeAscii('</' + P + 'v></' + P + 'c>');
    const cLen = cOpen.length;
    const plen = P.length;
    const sst = this.sst;
    const xfFmt = this.xfFmt;
    const xfTextFmt = this.xfTextFmt;
    const date1904 = this.date1904;
    const n = s.length;
    const view = new DataView(s.buffer, s.byteOffset, s.byteLength);
    let p = byteAt(s, 0x3c, 0);
    while (p >= 0) {
      const c1 = s[p + 1];
      if (c1 === 0x2f || c1 === 0x21 || c1 === 0x3f) {
        p = byteAt(s, 0x3c, p + 2);
        continue;
      }
      if ((plen === 0 ? c1 === 0x63 : matchesAt(s, cOpen, p)) && isNameEnd(s[p + cLen])) {
        // attributes r, s, t
        let col = -1;
        let rowNum = -1;
        let xf = 0;
        let tc = 0; // first byte of t
        let tlen = 0;
        // The usual tag, ` r="B5" s="3" t="s">` (a space before each of r, s and t, its value in double
        // quotes and of letters and digits only), read in one pass as the loop below reads it (no ">" before
        // this one's end); any other tag is read by the loop.
        let gt = -1;
        for (let k = p + cLen; ;) {
          // Four bytes in one read (wordAt): ' ', the name, '=', '"' (or '>', or '/>').
          const w = wordAt(s, view, k);
          const b0 = w & 0xff;
          if (b0 === 0x3e) gt = k;
          else if (b0 === 0x2f) gt = (w & 0xff00) === 0x3e00 ? k + 1 : -1;
          if (gt >= 0 || (w & 0xffff00ff) !== 0x223d0020) break;
          const an = (w >>> 8) & 0xff;
          let m = k + 4;
          let ch = s[m];
          if (an === 0x72 /* r */) {
            let c = 0;
            if (ch === 0x24) ch = s[++m];
            while ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) {
              c = c * 26 + (ch & 0x1f);
              ch = s[++m];
            }
            if (ch === 0x24) ch = s[++m];
            let r = 0;
            while (ch >= 48 && ch <= 57) {
              r = r * 10 + (ch - 48);
              ch = s[++m];
            }
            if (c > 0) col = c - 1;
            if (r > 0) rowNum = r - 1;
          } else if (an === 0x73 /* s */) {
            let v = 0;
            while (ch >= 48 && ch <= 57) {
              v = v * 10 + (ch - 48);
              ch = s[++m];
            }
            xf = v;
          } else if (an === 0x74 /* t */) {
            while ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) ch = s[++m];
            tc = s[k + 4];
            tlen = m - k - 4;
          } else break;
          if (ch !== 0x22) break;
          k = m + 1;
        }
        if (gt < 0) {
          gt = byteAt(s, 0x3e, p);
          if (gt < 0) break;
          col = rowNum = -1;
          xf = tc = tlen = 0;
          let i = p + cLen;
          while (i < gt) {
            const eq = byteAt(s, 0x3d, i);
            if (eq < 0 || eq > gt) break;
            let ns = i;
            while (ns < eq && s[ns] <= 0x20) ns++;
            let ne = eq;
            while (ne > ns && s[ne - 1] <= 0x20) ne--;
            let vq = eq + 1;
            while (vq < gt && s[vq] !== 0x22 && s[vq] !== 0x27) vq++;
            const ve = byteAt(s, s[vq], vq + 1);
            if (ve < 0) break;
            if (ne - ns === 1) {
              const an = s[ns];
              if (an === 0x72 /* r */) {
                let k = vq + 1;
                let c = 0;
                let ch = s[k];
                if (ch === 0x24) ch = s[++k];
                while ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) {
                  c = c * 26 + (ch & 0x1f);
                  ch = s[++k];
                }
                if (ch === 0x24) ch = s[++k];
                let r = 0;
                while (ch >= 48 && ch <= 57) {
                  r = r * 10 + (ch - 48);
                  ch = s[++k];
                }
                if (c > 0) col = c - 1;
                if (r > 0) rowNum = r - 1;
              } else if (an === 0x73 /* s */) {
                let k = vq + 1;
                let v = 0;
                let ch = s[k];
                while (ch >= 48 && ch <= 57) {
                  v = v * 10 + (ch - 48);
                  ch = s[++k];
                }
                xf = v;
              } else if (an === 0x74 /* t */) {
                // A first byte of 0x80 or more is no ASCII type letter, as its character is none.
                tc = s[vq + 1];
                tlen = ve - vq - 1;
              }
            }
            i = ve + 1;
          }
        }
        col = placeCell(st, rowNum, col);
        if (s[gt - 1] === 0x2f) {
          p = byteAt(s, 0x3c, gt + 1);
          continue;
        }
        // children: v, f, is
        let vs = -1;
        let vEnd = -1;
        let ftext: string | undefined;
        let inline: string | undefined;
        let cEnd: number;
        let q: number;
        // Most cells are `<v>…</v></c>` and nothing else: the value and the cell's end read in one pass
        // (what the search for </c> and the walk over the children below find there: no "<" between).
        // Without a prefix, "<v>" and "</v></c>" are compared a word at a time (wordAt; "<" at ve is byteAt's).
        const ve = (plen === 0 ? (wordAt(s, view, gt + 1) & 0xffffff) === 0x3e763c : s[gt + 1] === 0x3c && matchesAt(s, vOpen, gt + 1))
          ? byteAt(s, 0x3c, gt + 1 + vOpen.length)
          : -1;
        if (
          ve >= 0 &&
          (plen === 0 ? wordAt(s, view, ve) === 0x3e762f3c && wordAt(s, view, ve + 4) === 0x3e632f3c : matchesAt(s, vcClose, ve))
        ) {
          vs = gt + 1 + vOpen.length;
          vEnd = ve;
          cEnd = ve + vcClose.length - cClose.length;
          q = -1;
        } else {
          cEnd = findBytes(s, cClose, gt + 1);
          if (cEnd < 0) cEnd = n;
          q = byteAt(s, 0x3c, gt + 1);
        }
        while (q >= 0 && q < cEnd) {
          if (s[q + 1] === 0x2f) {
            q = byteAt(s, 0x3c, q + 2);
            continue;
          }
          const nm = q + 1 + plen;
          const ch = s[nm];
          const g = byteAt(s, 0x3e, nm);
          if (g < 0) break;
          if (ch === 0x76 /* v */ && isNameEnd(s[nm + 1])) {
            if (s[g - 1] !== 0x2f) {
              vs = g + 1;
              vEnd = byteAt(s, 0x3c, vs);
              q = vEnd;
            } else q = byteAt(s, 0x3c, g + 1);
          } else if (ch === 0x66 /* f */ && isNameEnd(s[nm + 1])) {
            const selfClose = s[g - 1] === 0x2f;
            const fe = selfClose ? g : byteAt(s, 0x3c, g + 1);
            const txt = selfClose ? '' : unescapeXml(textAt(s, g + 1, fe));
            ftext = this.formula(decodeUtf8Text(s, q, g), txt, st, rowNumOr(st.row), col);
            q = selfClose ? byteAt(s, 0x3c, g + 1) : fe;
          } else if (ch === 0x69 /* i */ && s[nm + 1] === 0x73 && isNameEnd(s[nm + 2])) {
            const close = findBytes(s, isClose, g);
            const ie = close < 0 || close > cEnd ? cEnd : close;
            // richText of the text alone: its searches stop at its end as they stopped at `ie`.
            const inner = s[g - 1] === 0x2f ? '' : decodeUtf8Text(s, g + 1, ie);
            inline = inner === '' ? '' : ownString(richText(inner, 0, inner.length));
            q = byteAt(s, 0x3c, ie + 1);
          } else q = byteAt(s, 0x3c, g + 1);
        }
        p = byteAt(s, 0x3c, cEnd + cClose.length);
        // value (in VALUE)
        const fmt = xfFmt[xf];
        let found: boolean;
        if (inline !== undefined && (tc === 0x69 || vs < 0)) found = stringValue(inline, fmt, xfTextFmt[xf]);
        else if (vs < 0) continue;
        else if (tc === 0x73 && tlen === 1) found = stringValue(sst[indexAtBytes(s, vs, vEnd)], fmt, xfTextFmt[xf]);
        else {
          // A whole number (amounts, years) read in place; any other text converted as parseRows converts it.
          const num = (tc === 0 || tc === 0x6e) && vEnd >= 0 ? wholeAt(s, vs, vEnd) : NaN;
          found = num === num ? numberValue(num, fmt, date1904) : textValue(tc, textAt(s, vs, vEnd), fmt, xfTextFmt[xf], date1904);
        }
        if (found) putCell(rows, st.row, col, ftext, fmt);
        continue;
      }
      if (matchesAt(s, rowOpen, p) && isNameEnd(s[p + rowOpen.length])) {
        const gt = byteAt(s, 0x3e, p);
        if (gt < 0) break;
        let r = -1;
        const ri = indexOfAttrBytes(s, p + rowOpen.length, gt, 0x72 /* r */);
        if (ri >= 0) {
          let k = ri;
          let ch = s[k];
          r = 0;
          while (ch >= 48 && ch <= 57) {
            r = r * 10 + (ch - 48);
            ch = s[++k];
          }
          r -= 1;
        }
        st.row = r >= 0 ? r : st.row + 1;
        st.col = 0;
        p = byteAt(s, 0x3c, gt + 1);
        continue;
      }
      p = byteAt(s, 0x3c, p + 1);
    }
  }

  /** Formula text of a cell; shared formulas are shifted from their master cell. */
  private formula(tag: string, txt: string, st: RowState, row: number, col: number): string | undefined {
    // attributes t / si / ref on <f> (`tag`: from its "<" to before its ">")
    if (tag.indexOf('shared') < 0) return txt === '' ? undefined : txt;
    const si = /\bsi\s*=\s*["'](\d+)["']/.exec(tag)?.[1];
    if (si === undefined) return txt === '' ? undefined : txt;
    if (txt !== '') {
      st.shared.set(si, { f: txt, row, col });
      return txt;
    }
    const m = st.shared.get(si);
    if (!m) return undefined;
    return shiftFormula(m.f, row - m.row, col - m.col);
  }
}

/**
 * Where a cell goes, from its reference (`rowNum`, `col`: -1 where its `r` gave none): a cell without
 * a column follows the row's previous cell, as ECMA-376 places it; the row and the next column are kept
 * in `st`. Both row scanners (characters and bytes) place cells by it. Returns the cell's column.
 */
function placeCell(st: RowState, rowNum: number, col: number): number {
  if (rowNum >= 0) st.row = rowNum;
  else if (st.row < 0) st.row = 0;
  const at = col < 0 ? st.col : col;
  st.col = at + 1;
  return at;
}

interface RowState {
  row: number;
  col: number;
  shared: Map<string, { f: string; row: number; col: number }>;
}

/** What stringValue, numberValue or textValue found: a cell's value, type and shown text (one object reused: no tuple per cell). */
const VALUE: { v: number | string | boolean; t: CellType; w: string } = { v: '', t: 's', w: '' };

/** A cell's text (an inline or shared string), in VALUE; false when it holds none. `textFmt`: its format has a text section with literals. */
function stringValue(str: string | undefined, fmt: string | undefined, textFmt: boolean | undefined): boolean {
  if (str === undefined || str === '') return false;
  VALUE.v = str;
  VALUE.t = 's';
  VALUE.w = textFmt ? formatText(str, fmt) : str;
  return true;
}

/** A cell's number, in VALUE, shown in its format. */
function numberValue(num: number, fmt: string | undefined, date1904: boolean): true {
  VALUE.v = num;
  VALUE.t = 'n';
  VALUE.w = fmt === undefined ? formatGeneral(num) : formatNumber(num, fmt, date1904);
  return true;
}

/**
 * A cell's value from the text of its <v> (`tc`: the first character of its t attribute; not a
 * shared string's index), in VALUE; false when the cell holds nothing. `textFmt`: its format has a
 * text section with literals.
 */
function textValue(tc: number, raw: string, fmt: string | undefined, textFmt: boolean | undefined, date1904: boolean): boolean {
  let v: number | string | boolean;
  let t: CellType;
  let w: string;
  if (tc === 0 || tc === 0x6e /* n */) {
    if (raw === '') return false;
    const num = +raw;
    if (num === num) return numberValue(num, fmt, date1904);
    const str = ownString(decodeText(raw));
    v = str;
    t = 's';
    w = str;
  } else if (tc === 0x73 /* str */ || tc === 0x69 /* inlineStr with <v> */) {
    const str = ownString(decodeText(raw));
    if (str === '') return false;
    v = str;
    t = 's';
    w = textFmt ? formatText(str, fmt) : str;
  } else if (tc === 0x62 /* b */) {
    v = raw.trim() === '1' || raw.trim() === 'true';
    t = 'b';
    w = v ? 'TRUE' : 'FALSE';
  } else if (tc === 0x65 /* e */) {
    v = unescapeXml(raw);
    t = 'e';
    w = v;
  } else if (tc === 0x64 /* d: ISO 8601 date */) {
    const num = isoToSerial(raw, date1904);
    if (num === undefined) {
      v = raw;
      t = 's';
      w = raw;
    } else {
      v = num;
      t = 'n';
      w = formatNumber(num, fmt ?? 'd/m/yyyy', date1904);
    }
  } else {
    const str = ownString(decodeText(raw));
    if (str === '') return false;
    v = str;
    t = 's';
    w = str;
  }
  VALUE.v = v;
  VALUE.t = t;
  VALUE.w = w;
  return true;
}

/** The cell VALUE holds into its row (made when absent), unless it lies beyond Excel's grid (XFD1048576: a hostile file; rows stay dense arrays). */
function putCell(rows: SheetModel['rows'], r: number, col: number, ftext: string | undefined, fmt: string | undefined): void {
  const { v, t, w } = VALUE;
  // Every cell of one shape, f and z always present (undefined when none): the code that reads cells
  // (the forms' columns and signs) then meets one map, not one per combination, and is not deoptimised
  // by a file whose first cells differ from the last file's. Nothing tells a missing key from undefined.
  const cell: Cell = { v, t, w, f: ftext, z: fmt };
  if (col > MAX_COL || r > MAX_ROW) return;
  let row = rows[r];
  // A row made with holes (new Array(0): no room taken), as most rows come to have: every row array of one kind.
  if (row === undefined) rows[r] = row = new Array<Cell | undefined>(0);
  row[col] = cell;
}

/** s.slice(from, to) of the decoded slice whose bytes are `b` (`to` -1: up to its last character, as slice(from, -1)). */
function textAt(b: Uint8Array, from: number, to: number): string {
  return to < 0 ? decodeUtf8Text(b, from, b.length).slice(0, -1) : decodeUtf8Text(b, from, to);
}

/** indexAt on bytes: up to 9 digits read in place, anything else converted as text. */
function indexAtBytes(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 9) return +textAt(b, from, to);
  let v = 0;
  for (let k = from; k < to; k++) {
    const d = b[k] - 48;
    if (d < 0 || d > 9) return +textAt(b, from, to);
    v = v * 10 + d;
  }
  return v;
}

/**
 * +text of b[from, to) where it is a whole number of up to 15 digits (an optional "-" before them:
 * exact as a double, as +text gives it, "-0" as -0); NaN for anything else (the caller converts the text).
 */
function wholeAt(b: Uint8Array, from: number, to: number): number {
  const neg = b[from] === 0x2d;
  let k = neg ? from + 1 : from;
  if (k >= to || to - k > 15) return NaN;
  let v = 0;
  for (; k < to; k++) {
    const d = b[k] - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

/** Is every byte ASCII? */
function asciiOnly(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return false;
  return true;
}

/**
 * Can a slice be scanned as bytes (parseRowBytes) with the result of scanning its decoded text? Not
 * when decodeBytes would read it otherwise (a byte-order mark at its start), nor when a prefix is
 * skipped by its length (bytes for characters) unless every character is one byte.
 */
function bytesScannable(b: Uint8Array, prefix: string): boolean {
  const c = b[0];
  if (c === 0xef || c === 0xff || c === 0xfe) return false;
  if (prefix === '') return true;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) >= 0x80) return false;
  return asciiOnly(b);
}

/** indexOfAttr on bytes, for a one-letter name: the attribute's name as trimmed text (decoded where it is not ASCII). */
function indexOfAttrBytes(s: Uint8Array, from: number, to: number, name: number): number {
  let i = from;
  while (i < to) {
    const eq = byteAt(s, 0x3d, i);
    if (eq < 0 || eq > to) return -1;
    let vq = eq + 1;
    while (vq < to && s[vq] !== 0x22 && s[vq] !== 0x27) vq++;
    if (nameIs(s, i, eq, name)) return vq + 1;
    const ve = byteAt(s, s[vq], vq + 1);
    if (ve < 0) return -1;
    i = ve + 1;
  }
  return -1;
}

/** Is the text of b[from, to), trimmed as String.prototype.trim trims, the one ASCII letter `name`? */
function nameIs(b: Uint8Array, from: number, to: number, name: number): boolean {
  for (let k = from; k < to; k++) if (b[k] >= 0x80) return decodeUtf8Text(b, from, to).trim() === String.fromCharCode(name);
  let a = from;
  let z = to;
  while (a < z && isTrimmed(b[a])) a++;
  while (z > a && isTrimmed(b[z - 1])) z--;
  return z - a === 1 && b[a] === name;
}

/** The ASCII characters trim removes: tab, line feed, vertical tab, form feed, carriage return, space. */
function isTrimmed(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** +s.slice(from, to), a shared string's index: up to 9 digits read in place, anything else converted as text. */
function indexAt(s: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return +s.slice(from, to);
  let v = 0;
  for (let k = from; k < to; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return +s.slice(from, to);
    v = v * 10 + d;
  }
  return v;
}

function rowNumOr(r: number): number {
  return r < 0 ? 0 : r;
}

/** Start of the value of attribute `name` inside [from, to), or -1. */
function indexOfAttr(s: string, from: number, to: number, name: string): number {
  let i = from;
  while (i < to) {
    const eq = s.indexOf('=', i);
    if (eq < 0 || eq > to) return -1;
    const nm = s.slice(i, eq).trim();
    let vq = eq + 1;
    while (vq < to && s.charCodeAt(vq) !== 0x22 && s.charCodeAt(vq) !== 0x27) vq++;
    if (nm === name) return vq + 1;
    const ve = s.indexOf(s[vq], vq + 1);
    if (ve < 0) return -1;
    i = ve + 1;
  }
  return -1;
}

const SHEET_DATA = encodeAscii('sheetData');

function parseRef(ref: string): { r: number; c: number } | undefined {
  // Past the end read as 0 (neither letter nor digit, as charCodeAt's NaN): a read out of bounds, at the
  // end of every reference, deoptimised the compiled function once a run.
  const n = ref.length;
  let k = 0;
  let c = 0;
  let ch = n > 0 ? ref.charCodeAt(0) : 0;
  if (ch === 0x24) ch = ++k < n ? ref.charCodeAt(k) : 0;
  while ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) {
    c = c * 26 + (ch & 0x1f);
    ch = ++k < n ? ref.charCodeAt(k) : 0;
  }
  if (ch === 0x24) ch = ++k < n ? ref.charCodeAt(k) : 0;
  let r = 0;
  while (ch >= 48 && ch <= 57) {
    r = r * 10 + (ch - 48);
    ch = ++k < n ? ref.charCodeAt(k) : 0;
  }
  if (c === 0 || r === 0) return undefined;
  return { r: r - 1, c: c - 1 };
}

function parseMerges(tail: string): Range[] {
  const out: Range[] = [];
  let i = tail.indexOf('mergeCell');
  while (i >= 0) {
    const gt = tail.indexOf('>', i);
    if (gt < 0) break;
    if (isNameEnd(tail.charCodeAt(i + 9))) {
      const vi = indexOfAttr(tail, i + 9, gt, 'ref');
      if (vi >= 0) {
        const ve = tail.indexOf(tail[vi - 1], vi);
        const ref = tail.slice(vi, ve);
        const colon = ref.indexOf(':');
        const a = parseRef(colon >= 0 ? ref.slice(0, colon) : ref);
        const b = colon >= 0 ? parseRef(ref.slice(colon + 1)) : a;
        if (a && b && Math.min(a.r, b.r) <= MAX_ROW && Math.min(a.c, b.c) <= MAX_COL) {
          out.push({
            r1: Math.min(a.r, b.r),
            c1: Math.min(a.c, b.c),
            r2: Math.min(MAX_ROW, Math.max(a.r, b.r)),
            c2: Math.min(MAX_COL, Math.max(a.c, b.c)),
          });
        }
      }
    }
    i = tail.indexOf('mergeCell', gt);
  }
  return out;
}

/** Text boxes (shapes with text) of a drawing part, anchored at their top-left cell. */
export function parseTextBoxes(s: string): TextBox[] {
  const out: TextBox[] = [];
  const walk = (from: number, to: number, anchor: { row: number; col: number } | undefined): void => {
    for (let t = nextTag(s, from, to); t && t.start < to; t = nextTag(s, t.end + 1, to)) {
      if (t.close) continue;
      const name = t.name;
      if (name === 'Fallback') {
        t = { ...t, end: closeOf(s, t, to) };
        continue;
      }
      if (name === 'twoCellAnchor' || name === 'oneCellAnchor' || name === 'absoluteAnchor') {
        const end = closeOf(s, t, to);
        // Anchors are top-level in a drawing: a nested one (hostile file) is skipped, not recursed
        // into (no stack overflow, no quadratic rescans).
        if (!anchor) walk(t.end + 1, end, anchorOf(s, t.end + 1, end));
        t = { ...t, end };
        continue;
      }
      if (name === 'txBody' && anchor) {
        const end = closeOf(s, t, to);
        const text = bodyText(s, t.end + 1, end);
        if (text.trim() !== '') out.push({ text, row: anchor.row, col: anchor.col });
        t = { ...t, end };
      }
    }
  };
  walk(0, s.length, undefined);
  return out;
}

function anchorOf(s: string, from: number, to: number): { row: number; col: number } {
  for (let t = nextTag(s, from, to); t && t.start < to; t = nextTag(s, t.end + 1, to)) {
    if (!t.close && t.name === 'from') {
      const end = closeOf(s, t, to);
      let row = 0;
      let col = 0;
      for (let u = nextTag(s, t.end + 1, end); u && u.start < end; u = nextTag(s, u.end + 1, end)) {
        if (u.close) continue;
        if (u.name === 'row') row = parseInt(innerRaw(s, u, end), 10) || 0;
        else if (u.name === 'col') col = parseInt(innerRaw(s, u, end), 10) || 0;
      }
      return { row, col };
    }
    if (!t.close && (t.name === 'sp' || t.name === 'grpSp' || t.name === 'pic')) break;
  }
  return { row: 0, col: 0 };
}

function bodyText(s: string, from: number, to: number): string {
  const paras: string[] = [];
  let cur: string | undefined;
  for (let t: Tag | undefined = nextTag(s, from, to); t && t.start < to; t = nextTag(s, t.end + 1, to)) {
    if (t.close) continue;
    if (t.name === 'p') {
      if (cur !== undefined) paras.push(cur);
      cur = '';
    } else if (t.name === 't') {
      const end = closeOf(s, t, to);
      cur = (cur ?? '') + decodeText(s.slice(t.end + 1, end));
      t = { ...t, end: end };
    } else if (t.name === 'br') cur = (cur ?? '') + '\n';
    else if (t.name === 'Fallback') t = { ...t, end: closeOf(s, t, to) };
  }
  if (cur !== undefined) paras.push(cur);
  const text = paras.join('\n');
  // trailing line breaks removed with a loop (the regex /\n+$/ is quadratic on many breaks)
  let e = text.length;
  while (e > 0 && text.charCodeAt(e - 1) === 0x0a) e--;
  return e === text.length ? text : text.slice(0, e);
}

/** Shift the relative A1 references of a shared formula by (dr, dc); strings and sheet names kept. */
export function shiftFormula(f: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return f;
  let out = '';
  let i = 0;
  const re = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(!.])/g;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      const j = f.indexOf(ch, i + 1);
      const e = j < 0 ? f.length : j + 1;
      out += f.slice(i, e);
      i = e;
      continue;
    }
    // segment until next quote
    let e = i;
    while (e < f.length && f[e] !== '"' && f[e] !== "'") e++;
    const seg = f.slice(i, e);
    out += seg.replace(re, (m, d1: string, letters: string, d2: string, digits: string, off: number) => {
      const prev = off > 0 ? seg[off - 1] : '';
      if (prev && /[\w.]/.test(prev)) return m;
      let c = 0;
      for (const L of letters.toUpperCase()) c = c * 26 + (L.charCodeAt(0) - 64);
      if (c > 16384) return m;
      const nc = d1 ? c : c + dc;
      const nr = d2 ? +digits : +digits + dr;
      if (nc < 1 || nr < 1) return '#REF!';
      let L = '';
      for (let n = nc; n > 0; n = Math.floor((n - 1) / 26)) L = String.fromCharCode(65 + ((n - 1) % 26)) + L;
      return d1 + L + d2 + nr;
    });
    i = e;
  }
  return out;
}

function isoToSerial(raw: string, date1904: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(raw.trim());
  if (!m) {
    const t = /^(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(raw.trim());
    if (!t) return undefined;
    return (+t[1] * 3600 + +t[2] * 60 + (t[3] ? +t[3] : 0)) / 86400;
  }
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, 0) + (m[6] ? +m[6] * 1000 : 0);
  let serial = ms / 86400000 + 25569;
  if (serial < 61) serial -= 1; // before the fake 29 Feb 1900
  if (date1904) serial -= 1462;
  return serial;
}
