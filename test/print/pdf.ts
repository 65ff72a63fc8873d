/**
 * Every output the way an officer without Excel sees it: LibreOffice prints the .xlsx to PDF, and
 * poppler's pdfinfo / pdftotext / pdftoppm say how many pages, which way up, at what scale, and
 * whether a text printed whole (not cut by a row too short or a column off the page).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const SOFFICE = '/usr/bin/soffice';
export const canPrint = (): boolean => fs.existsSync(SOFFICE) && !!which('pdftotext') && !!which('pdfinfo');

export function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

/** LibreOffice's PDF of each file (converted in one run: LibreOffice starts once). */
export function toPdf(dir: string, xlsx: string[]): string[] {
  execFileSync(SOFFICE, ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...xlsx], {
    stdio: 'pipe',
    timeout: 300_000,
    env: { ...process.env, HOME: dir },
  });
  return xlsx.map((f) => path.join(dir, path.basename(f).replace(/\.xlsx$/, '.pdf')));
}

export interface PageSize {
  width: number;
  height: number;
}

/** Every page's size in points. */
export function pageSizes(pdf: string): PageSize[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', pdf], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export function words(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const out: Word[] = [];
  let page = 0;
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, text: unescape(m[5]), xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4] });
  }
  return out;
}

/**
 * Print scale: the usual height of a word box against the same font's at 100 % (`reference`, from a
 * one-cell sheet printed unscaled). Words of the sheet's font size outnumber titles and headers.
 */
export function printScale(ws: Word[], reference: number): number {
  const counts = new Map<number, number>();
  for (const w of ws) {
    const h = Math.round((w.yMax - w.yMin) * 10) / 10;
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const mode = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return mode / reference;
}

/**
 * Text compared without spaces and Thai marks: pdftotext gives stacked marks in glyph order ("ฟื้น"
 * comes out "ฟ้ื น") and puts a space before some; the letters alone still show a cut text.
 */
const squash = (s: string) => s.replace(/[\s\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+/g, '');

/**
 * Whether `text` printed whole: its pieces follow one another on a line (left to right) and down the
 * lines of one cell (each line starting at the cell's left edge), with no piece missing at the end.
 */
export function printedWhole(ws: Word[], text: string, byPage?: Map<number, Word[]>): boolean {
  const t = squash(text);
  if (!t) return true;
  const pages = byPage ?? groupByPage(ws);
  for (const [, list] of pages) {
    for (const w of list) {
      const s = squash(w.text);
      if (s && t.startsWith(s) && follow(list, w, w.xMin, s.length)) return true;
    }
  }
  return false;

  function follow(list: Word[], cur: Word, x0: number, p: number): boolean {
    if (p >= t.length) return true;
    const h = cur.yMax - cur.yMin;
    const next = list
      .filter(
        (w) =>
          // the next word on the same line, or the first word of the next line of the same cell
          (Math.abs(w.yMin - cur.yMin) < h * 0.3 && w.xMin >= cur.xMax - 1 && w.xMin - cur.xMax < h * 1.5) ||
          (Math.abs(w.xMin - x0) < 1.5 && w.yMin > cur.yMin + h * 0.5 && w.yMin < cur.yMin + h * 2),
      )
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    for (const w of next) {
      const s = squash(w.text);
      if (s && t.startsWith(s, p) && follow(list, w, x0, p + s.length)) return true;
    }
    return false;
  }
}

export function groupByPage(ws: Word[]): Map<number, Word[]> {
  const m = new Map<number, Word[]>();
  for (const w of ws) {
    let l = m.get(w.page);
    if (!l) m.set(w.page, (l = []));
    l.push(w);
  }
  return m;
}

/** PNG of a page (pdftoppm), for the README's screenshots. */
export function pagePng(pdf: string, page: number, outBase: string, dpi = 70): void {
  const pdftoppm = which('pdftoppm');
  if (!pdftoppm) return;
  execFileSync(pdftoppm, ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, outBase]);
}
