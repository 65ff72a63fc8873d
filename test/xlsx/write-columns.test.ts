/**
 * The writer keeps each column's last style object with its index, so a cell styled like the one above
 * it skips the style lookups, and finds a shared string with nothing to clean or escape by one scan.
 * Checked on a needs-like sheet whose columns repeat, alternate and change their styles and texts
 * (shared objects, equal copies, texts cleaned or cut, row styles between): every cell must name the
 * style of its own style and the shared string of its own cleaned text, each written as escapeXml does.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { CellStyle, OutCell, OutSheet } from '../../src/engine/output';
import { edgeSpace, escapeXml, writeXlsx } from '../../src/xlsx/write';

/** A small deterministic generator (a failure must replay). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BODY: CellStyle = { border: true, wrap: true, valign: 'top' };
const CENTER: CellStyle = { ...BODY, align: 'center' };
const NUM: CellStyle = { border: true, valign: 'top', align: 'right', numFmt: '#,##0;-#,##0;"-"' };
const GREY: CellStyle = { ...CENTER, italic: true, color: '808080' };
const BAND: CellStyle = { bold: true, fill: 'F2F2F2' };

const NAMES = ['ก่อสร้างถนน คสล. สายบ้านหนองบัว', 'ขุดลอกคลองส่งน้ำ หมู่ที่ 3', 'ปรับปรุงระบบประปาหมู่บ้าน', 'ติดตั้งไฟฟ้าส่องสว่าง'];
const AGENCIES = ['องค์การบริหารส่วนจังหวัด', 'กรมชลประทาน', 'สำนักงานทรัพยากรน้ำแห่งชาติ', ''];
/** Texts the writer cleans or cuts: the cleaned text shares its index with the text written clean. */
const DIRTY = ['ถนน\u0001สายใหม่', 'ถนนสายใหม่', 'ก'.repeat(32770), 'ก'.repeat(32767), 'a & b < c', '_x0041_ ตำบล'];

/** A fresh string equal to `s` (not the same object). */
const copy = (s: string): string => (' ' + s).slice(1);

function sheet(seed: number): OutSheet {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const rows: OutCell[][] = [];
  const rowStyles: Record<string, CellStyle> = {};
  for (let r = 0; r < 400; r++) {
    // Runs of rows alike (a column's cell like the one above), then changes.
    const run = next() < 0.6 && rows.length ? rows[rows.length - 1] : undefined;
    const style = (s: CellStyle): CellStyle => (next() < 0.3 ? { ...s } : s); // an equal copy, or the shared constant
    const text = (s: string): string => (next() < 0.3 ? copy(s) : s);
    const row: OutCell[] = [
      { value: r + 1, style: style(CENTER) },
      { value: text(run && next() < 0.5 ? ((run[1] as { value: string }).value ?? '') : pick(NAMES) + ` ${r % 7}`), style: style(BODY) },
      { value: text(pick(AGENCIES)), style: style(next() < 0.2 ? GREY : BODY) },
      { value: text(pick(DIRTY)), style: next() < 0.1 ? undefined : style(CENTER) },
      { value: Math.floor(next() * 5) * 100000, style: style(NUM) },
      next() < 0.2 ? null : text(pick(['นับ', 'ไม่นับ'])),
    ];
    rows.push(row);
    if (next() < 0.05) rowStyles[String(r)] = style(BAND);
  }
  return { name: 'แผน', rows, rowStyles };
}

/** The parts of a written workbook as text. */
function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** Each written cell: its reference, style index and, for a shared string, its index. */
function cells(xml: string): Array<{ ref: string; s: number; v?: number }> {
  return [...xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?( t="s")?(?:\/>|>(?:<v>(\d+)<\/v>)?)/g)].map((m) => ({
    ref: m[1],
    s: Number(m[2] ?? 0),
    ...(m[3] ? { v: Number(m[4]) } : {}),
  }));
}

const unescape = (s: string): string =>
  s
    .replace(/_x005F_(x[0-9A-Fa-f]{4}_)/g, '_$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#13;/g, '\r')
    .replace(/&amp;/g, '&');

test.each([1, 2, 3])('every cell names its own shared string and style, however its column repeats (seed %i)', (seed) => {
  const sh = sheet(seed);
  const p = parts(writeXlsx({ sheets: [sh] }));
  const sst = [...p['xl/sharedStrings.xml'].matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => unescape(m[1]));
  const written = cells(p['xl/worksheets/sheet1.xml']);
  // The style of each distinct style content (with its row's style), as the first cell with it got.
  const styleOf = new Map<string, number>();
  let texts = 0;
  for (const c of written) {
    const [, col, rowNo] = /([A-Z]+)(\d+)/.exec(c.ref)!;
    const r = Number(rowNo) - 1;
    const k = col.charCodeAt(0) - 65;
    const cell = sh.rows[r][k];
    const boxed = cell !== null && typeof cell === 'object';
    const value = boxed ? cell.value : cell;
    const own = { ...sh.rowStyles?.[String(r)], ...(boxed ? cell.style : undefined) };
    const key = JSON.stringify(Object.entries(own).sort());
    if (!styleOf.has(key)) styleOf.set(key, c.s);
    expect([c.ref, c.s]).toEqual([c.ref, styleOf.get(key)]);
    if (typeof value === 'string' && value !== '') {
      texts++;
      const clean = value.split('\u0001').join('').slice(0, 32767);
      expect([c.ref, sst[c.v!]]).toEqual([c.ref, clean]);
    }
  }
  // Distinct style contents have distinct styles; the table counts every text and lists each once.
  expect(new Set(styleOf.values()).size).toBe(styleOf.size);
  expect(new Set(sst).size).toBe(sst.length);
  expect(p['xl/sharedStrings.xml']).toContain(`count="${texts}" uniqueCount="${sst.length}"`);
  // Each text as escapeXml writes it (the table writes most texts as they are, found plain once).
  const raw = [...p['xl/sharedStrings.xml'].matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1]);
  expect(raw).toEqual(sst.map((t) => (edgeSpace(t) ? '<t xml:space="preserve">' : '<t>') + escapeXml(t) + '</t>'));
  expect(raw.some((x) => x.includes('&amp;') || x.includes('_x005F_'))).toBe(true);
});

test('the same rows written with every style and text a fresh copy: the same bytes', () => {
  const sh = sheet(7);
  const fresh: OutSheet = {
    ...sh,
    rows: sh.rows.map((row) =>
      row.map((cell) =>
        cell !== null && typeof cell === 'object'
          ? { value: typeof cell.value === 'string' ? copy(cell.value) : cell.value, ...(cell.style ? { style: { ...cell.style } } : {}) }
          : typeof cell === 'string'
            ? copy(cell)
            : cell,
      ),
    ),
  };
  const created = new Date(0);
  expect(parts(writeXlsx({ sheets: [fresh] }, { created }))).toEqual(parts(writeXlsx({ sheets: [sh] }, { created })));
});
