/**
 * LibreOffice check: the written calendar .xlsx prints on ONE landscape A4 page (12 steps).
 * Runs when /usr/bin/soffice exists and the xlsx writer is in place; renders test-output/calendar.png
 * with pdftoppm when available.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUILTIN_TEMPLATES, buildCalendar, calendarSheet } from '../../src/engine/calendar';
import { writeXlsx } from '../../src/xlsx/write';

const SOFFICE = '/usr/bin/soffice';

function writerReady(): boolean {
  try {
    writeXlsx({ sheets: [{ name: 'a', rows: [['x']] }] });
    return true;
  } catch {
    return false;
  }
}

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

interface PdfPages {
  pages: number;
  width: number;
  height: number;
}

/** Page count and first page size: pdfinfo when installed, else the PDF's /Type /Page objects and MediaBox. */
function pdfPages(file: string): PdfPages {
  const pdfinfo = which('pdfinfo');
  if (pdfinfo) {
    const out = execFileSync(pdfinfo, [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(out)![1]);
    const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out)!;
    return { pages, width: Number(m[1]), height: Number(m[2]) };
  }
  const text = fs.readFileSync(file).toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const m = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(text)!;
  return { pages, width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) };
}

const ready = fs.existsSync(SOFFICE) && writerReady();

(ready ? describe : describe.skip)('calendar prints on one landscape page (LibreOffice)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneplan-pdf-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['rayong', 2564, true],
    ['dopa', 2571, false],
  ] as const)(
    '%s FY %d',
    (id, fy, thaiDigits) => {
    const cal = buildCalendar(BUILTIN_TEMPLATES[id], fy, { thaiDigits, updatedOn: { year: fy - 2, month: 5, day: 10 } });
    const xlsx = path.join(dir, `calendar-${id}.xlsx`);
    fs.writeFileSync(xlsx, writeXlsx({ sheets: [calendarSheet(cal)] }));
    execFileSync(SOFFICE, ['--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], {
      stdio: 'pipe',
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
    if (id === 'rayong') {
      const out = path.resolve(__dirname, '../../test-output');
      fs.mkdirSync(out, { recursive: true });
      fs.copyFileSync(pdf, path.join(out, 'calendar.pdf'));
      const pdftoppm = which('pdftoppm');
      if (pdftoppm) execFileSync(pdftoppm, ['-png', '-r', '60', '-singlefile', pdf, path.join(out, 'calendar')]);
    }
    const info = pdfPages(pdf);
    expect(info.width).toBeGreaterThan(info.height); // landscape
    expect(Math.round(info.width)).toBe(842); // A4: 842 × 595 pt
    expect(Math.round(info.height)).toBe(595);
    expect(info.pages).toBe(1); // one page wide, and one page in all for ≤ 12 steps
    },
    180_000,
  );
});
