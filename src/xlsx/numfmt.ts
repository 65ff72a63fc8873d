/**
 * Excel number formats → displayed text (what the officer sees). Covers General, digit placeholders
 * with grouping / scaling / percent / exponent, up to four sections with "-" zero sections (accounting
 * formats), literals, [$฿-41E] currency, [Red] / [>=100] conditions, Thai digits, dates and times
 * (Gregorian or Buddhist year). Padding (`_x`) and fill (`*x`) characters are dropped and the result
 * trimmed, so "  1,500 " in Excel reads "1,500".
 */

/** Built-in number formats by id (ECMA-376 18.8.30, plus the Thai-locale ids). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '#,##0;-#,##0',
  6: '#,##0;[Red]-#,##0',
  7: '#,##0.00;-#,##0.00',
  8: '#,##0.00;[Red]-#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'd/m/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'd/m/yyyy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-',
  42: '_-* #,##0 "฿"_-;-* #,##0 "฿"_-;_-* "-" "฿"_-;_-@_-',
  43: '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-',
  44: '_-* #,##0.00 "฿"_-;-* #,##0.00 "฿"_-;_-* "-"?? "฿"_-;_-@_-',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  48: '##0.0E+0',
  49: '@',
  59: 't0',
  60: 't0.00',
  61: 't#,##0',
  62: 't#,##0.00',
  67: 't0%',
  68: 't0.00%',
  69: 't# ?/?',
  70: 't# ??/??',
  71: 'ว/ด/ปปปป',
  72: 'ว-ดดด-ปป',
  73: 'ว-ดดด',
  74: 'ดดด-ปป',
  75: 'ช:นน',
  76: 'ช:นน:ทท',
  77: 'ว/ด/ปปปป ช:นน',
  78: 'นน:ทท',
  79: '[ช]:นน:ทท',
  80: 'นน:ทท.0',
  81: 'd/m/bb',
};

export function isGeneralFormat(code: string | undefined): boolean {
  return !code || code === 'General' || code === 'general' || code === 'GENERAL';
}

/** Excel "General" for numbers: integers plain, otherwise about 10 significant digits, E notation for extremes. */
export function formatGeneral(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '#NUM!' : v < 0 ? '#NUM!' : '#VALUE!';
  const a = Math.abs(v);
  if (Number.isInteger(v) && a < 1e11) return v === 0 ? '0' : String(v);
  if (a >= 1e11 || a < 1e-9) {
    const s = v.toExponential(5); // 1.23457e+11
    const m = /^(-?\d(?:\.\d*?)?)0*e([+-])(\d+)$/.exec(s);
    if (!m) return s.toUpperCase();
    const mant = m[1].endsWith('.') ? m[1].slice(0, -1) : m[1];
    return `${mant}E${m[2]}${m[3].length < 2 ? '0' + m[3] : m[3]}`;
  }
  const intDigits = a >= 1 ? Math.floor(Math.log10(a)) + 1 : 1;
  const dec = Math.max(0, (a >= 1 ? 10 : 9) - (a >= 1 ? intDigits : 0));
  let s = a.toFixed(dec);
  if (s.indexOf('.') >= 0) s = s.replace(/\.?0+$/, '');
  if (s === '0') return '0';
  return v < 0 ? '-' + s : s;
}

// ---------------------------------------------------------------------------------------------
// Compiled formats

type Tok =
  | { k: 'lit'; s: string }
  | { k: 'dig'; c: '0' | '#' | '?' }
  | { k: 'dot' }
  | { k: 'comma' }
  | { k: 'pct' }
  | { k: 'exp'; sign: boolean }
  | { k: 'text' }
  | { k: 'gen' }
  | { k: 'date'; s: string };

interface Section {
  toks: Tok[];
  cond?: { op: string; val: number };
  isDate: boolean;
  hasGeneral: boolean;
  hasDigits: boolean;
  hasText: boolean;
  thaiDigits: boolean;
  buddhist: boolean;
  thaiNames: boolean;
}

interface Compiled {
  sections: Section[];
  general: boolean;
  /** Cache of formatted values (budgets repeat a lot). */
  cache: Map<number, string>;
}

const compiledCache = new Map<string, Compiled>();

function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const j = code.indexOf('"', i + 1);
      const e = j < 0 ? code.length : j;
      cur += code.slice(i, e + 1);
      i = e;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      cur += code.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      const j = code.indexOf(']', i + 1);
      const e = j < 0 ? code.length : j;
      cur += code.slice(i, e + 1);
      i = e;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const THAI_DATE: Record<string, string> = { ว: 'd', ด: 'm', ป: 'b', ช: 'h', น: 'M', ท: 's' };

function compileSection(src: string): Section {
  const sec: Section = {
    toks: [],
    isDate: false,
    hasGeneral: false,
    hasDigits: false,
    hasText: false,
    thaiDigits: false,
    buddhist: false,
    thaiNames: false,
  };
  const toks = sec.toks;
  const lit = (s: string): void => {
    const last = toks[toks.length - 1];
    if (last && last.k === 'lit') last.s += s;
    else toks.push({ k: 'lit', s });
  };
  let i = 0;
  if (src[0] === 't' && /^t[0#?]/.test(src)) {
    sec.thaiDigits = true;
    i = 1;
  }
  for (; i < src.length; i++) {
    const ch = src[i];
    switch (ch) {
      case '"': {
        const j = src.indexOf('"', i + 1);
        const e = j < 0 ? src.length : j;
        lit(src.slice(i + 1, e));
        i = e;
        break;
      }
      case '\\':
        if (i + 1 < src.length) lit(src[i + 1]);
        i++;
        break;
      case '_':
      case '*':
        i++; // padding / fill: dropped
        break;
      case '[': {
        const j = src.indexOf(']', i + 1);
        const e = j < 0 ? src.length : j;
        const body = src.slice(i + 1, e);
        i = e;
        const cm = /^(<=|>=|<>|<|>|=)\s*(-?[\d.]+(?:[eE][+-]?\d+)?)$/.exec(body);
        if (cm) sec.cond = { op: cm[1], val: parseFloat(cm[2]) };
        else if (body[0] === '$') {
          const dash = body.indexOf('-');
          const sym = dash < 0 ? body.slice(1) : body.slice(1, dash);
          if (sym) lit(sym);
          if (dash >= 0) {
            const loc = body.slice(dash + 1);
            const hex = /^[0-9A-Fa-f]+$/.test(loc) ? parseInt(loc, 16) : NaN;
            if (!isNaN(hex)) {
              const lang = hex & 0xffff;
              const cal = (hex >>> 16) & 0xff;
              const num = Math.floor(hex / 0x1000000) & 0xff;
              if (num === 0x0d || num === 0x1b) sec.thaiDigits = true;
              if (cal === 0x07) sec.buddhist = true;
              if (lang === 0x041e) sec.thaiNames = true;
            } else if (/^th\b/i.test(loc)) {
              sec.thaiNames = true;
              if (/,\s*107/.test(loc)) sec.buddhist = true;
            }
          }
        } else if (/^(h+|m+|s+|ช+|น+|ท+)$/i.test(body)) {
          sec.isDate = true;
          const b0 = THAI_DATE[body[0]] ?? body[0].toLowerCase();
          toks.push({ k: 'date', s: '[' + (b0 === 'M' ? 'm' : b0) + ']' });
        } // colours ([Red], [Color10]) and others: ignored
        break;
      }
      case '0':
      case '#':
      case '?':
        toks.push({ k: 'dig', c: ch });
        sec.hasDigits = true;
        break;
      case '.':
        // "ss.0" fraction of seconds stays a date token
        if (sec.isDate && src[i + 1] === '0') {
          let j = i + 1;
          while (src[j] === '0') j++;
          toks.push({ k: 'date', s: src.slice(i, j) });
          i = j - 1;
        } else toks.push({ k: 'dot' });
        break;
      case ',':
        toks.push({ k: 'comma' });
        break;
      case '%':
        toks.push({ k: 'pct' });
        lit('%');
        break;
      case '@':
        toks.push({ k: 'text' });
        sec.hasText = true;
        break;
      case 'E':
      case 'e':
        if ((src[i + 1] === '+' || src[i + 1] === '-') && sec.hasDigits) {
          toks.push({ k: 'exp', sign: src[i + 1] === '+' });
          i++;
        } else if (ch === 'e' && !sec.hasDigits) {
          sec.isDate = true;
          toks.push({ k: 'date', s: 'b' }); // era year: Buddhist in Thai workbooks
          sec.buddhist = true;
          while (src[i + 1] === 'e') i++;
        } else lit(ch);
        break;
      case 'G':
      case 'g':
        if (src.slice(i, i + 7).toLowerCase() === 'general') {
          toks.push({ k: 'gen' });
          sec.hasGeneral = true;
          i += 6;
        } else lit(ch);
        break;
      case 'A':
      case 'a':
        if (src.slice(i, i + 5).toUpperCase() === 'AM/PM') {
          toks.push({ k: 'date', s: 'AM/PM' });
          sec.isDate = true;
          i += 4;
        } else if (src.slice(i, i + 3).toUpperCase() === 'A/P') {
          toks.push({ k: 'date', s: 'A/P' });
          sec.isDate = true;
          i += 2;
        } else lit(ch);
        break;
      default: {
        const lower = ch.toLowerCase();
        const thai = THAI_DATE[ch];
        if ('ymdhsb'.includes(lower) || thai) {
          let j = i + 1;
          while (j < src.length && src[j] === ch) j++;
          const n = j - i;
          const base = thai ?? lower;
          if (thai) sec.thaiNames = true;
          if (base === 'b') sec.buddhist = true;
          toks.push({ k: 'date', s: base.repeat(n) });
          sec.isDate = true;
          i = j - 1;
        } else lit(ch);
      }
    }
  }
  if (sec.isDate) {
    // digit tokens after a date (e.g. "ss.00") were not meant as number placeholders
    sec.hasDigits = false;
  }
  return sec;
}

function compile(code: string): Compiled {
  let c = compiledCache.get(code);
  if (c) return c;
  const general = isGeneralFormat(code);
  c = { sections: general ? [] : splitSections(code).map(compileSection), general, cache: new Map() };
  if (compiledCache.size > 2000) compiledCache.clear();
  compiledCache.set(code, c);
  return c;
}

function condMatch(cond: { op: string; val: number }, v: number): boolean {
  switch (cond.op) {
    case '<':
      return v < cond.val;
    case '<=':
      return v <= cond.val;
    case '>':
      return v > cond.val;
    case '>=':
      return v >= cond.val;
    case '=':
      return v === cond.val;
    case '<>':
      return v !== cond.val;
  }
  return false;
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
function arabicToThai(s: string): string {
  return s.replace(/[0-9]/g, (d) => THAI_DIGITS[d.charCodeAt(0) - 48]);
}

/** Round half away from zero at `d` decimals, in decimal (1.005 → 1.01 as Excel shows). */
function roundTo(a: number, d: number): number {
  if (a >= 1e15 || d > 15) return a;
  const r = Math.round(Number(a.toPrecision(15) + 'e' + d));
  const out = Number(r + 'e-' + d);
  return Number.isFinite(out) ? out : a;
}

function group(int: string): string {
  if (int.length <= 3) return int;
  let out = '';
  let k = int.length % 3 || 3;
  out = int.slice(0, k);
  for (; k < int.length; k += 3) out += ',' + int.slice(k, k + 3);
  return out;
}

function renderNumber(sec: Section, a: number): string {
  const toks = sec.toks;
  // Locate the parts.
  let dotAt = -1;
  let expAt = -1;
  let firstDig = -1;
  let lastDig = -1;
  let pct = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === 'dig') {
      if (firstDig < 0) firstDig = i;
      lastDig = i;
    } else if (t.k === 'dot' && dotAt < 0 && expAt < 0) dotAt = i;
    else if (t.k === 'exp' && expAt < 0) expAt = i;
    else if (t.k === 'pct') pct++;
  }
  const intEnd = dotAt >= 0 ? dotAt : expAt >= 0 ? expAt : lastDig + 1;
  const intPh: string[] = [];
  let grouping = false;
  let scale = 0;
  for (let i = 0; i < intEnd; i++) {
    const t = toks[i];
    if (t.k === 'dig') intPh.push(t.c);
    else if (t.k === 'comma' && firstDig >= 0 && i > firstDig) {
      // grouping if another digit follows before the integer part ends, otherwise scaling by 1000
      let more = false;
      for (let j = i + 1; j < intEnd; j++) if (toks[j].k === 'dig') more = true;
      if (more) grouping = true;
      else scale++;
    }
  }
  // commas right after the last digit (e.g. "#,##0.0,,") also scale
  for (let i = lastDig + 1; i < toks.length && toks[i].k === 'comma'; i++) scale++;
  const fracPh: string[] = [];
  const fracEnd = expAt >= 0 ? expAt : toks.length;
  if (dotAt >= 0) for (let i = dotAt + 1; i < fracEnd; i++) if (toks[i].k === 'dig') fracPh.push((toks[i] as { c: string }).c);

  let x = (a * Math.pow(100, pct)) / Math.pow(1000, scale);
  let expStr = '';
  if (expAt >= 0) {
    const expPh: string[] = [];
    for (let i = expAt + 1; i < toks.length; i++) if (toks[i].k === 'dig') expPh.push((toks[i] as { c: string }).c);
    let e = x === 0 ? 0 : Math.floor(Math.log10(x));
    const step = intPh.length > 1 && intPh[0] === '#' ? intPh.length : 1;
    if (step > 1) e = Math.floor(e / step) * step;
    else e = e - (Math.max(1, intPh.length) - 1);
    x = x / Math.pow(10, e);
    if (roundTo(x, fracPh.length) >= Math.pow(10, Math.max(1, step > 1 ? step : intPh.length))) {
      x /= 10;
      e += 1;
    }
    const es = String(Math.abs(e)).padStart(expPh.filter((c) => c === '0').length, '0');
    expStr = 'E' + (e < 0 ? '-' : (toks[expAt] as { sign: boolean }).sign ? '+' : '') + es;
  }
  const r = roundTo(x, fracPh.length);
  let fixed = r.toFixed(fracPh.length);
  if (/e/i.test(fixed)) fixed = formatGeneral(r);
  const dp = fixed.indexOf('.');
  let intDigits = dp >= 0 ? fixed.slice(0, dp) : fixed;
  let fracDigits = dp >= 0 ? fixed.slice(dp + 1) : '';
  const minInt = intPh.filter((c) => c === '0').length;
  if (intDigits === '0' && minInt === 0) intDigits = '';
  if (intDigits.length < minInt) intDigits = intDigits.padStart(minInt, '0');
  // fraction: trim optional trailing digits
  const fr = fracDigits.split('');
  for (let i = fr.length - 1; i >= 0; i--) {
    if (fr[i] !== '0') break;
    if (fracPh[i] === '#') fr.pop();
    else if (fracPh[i] === '?') fr[i] = ' ';
    else break;
  }
  fracDigits = fr.join('');
  const intStr = grouping ? group(intDigits) : intDigits;

  let out = '';
  let intDone = false;
  let fracPos = 0;
  let inExp = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    switch (t.k) {
      case 'lit':
        out += t.s;
        break;
      case 'dig':
        if (inExp) break;
        if (dotAt >= 0 && i > dotAt) {
          if (fracPos < fracDigits.length) out += fracDigits[fracPos];
          fracPos++;
        } else if (!intDone) {
          out += intStr;
          intDone = true;
        }
        break;
      case 'dot':
        if (i === dotAt) out += '.';
        else out += '.';
        break;
      case 'exp':
        out += expStr;
        inExp = true;
        break;
      case 'comma':
        if (i < firstDig || i > lastDig) {
          /* scaling comma: nothing */
        }
        break;
      case 'gen':
        out += formatGeneral(x);
        break;
      case 'text':
      case 'pct':
      case 'date':
        break;
    }
  }
  return out;
}

const EN_MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TH_MON = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const TH_MON_S = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const EN_DAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TH_DAY = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'];
const TH_DAY_S = ['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.'];

/** Excel serial → calendar parts (1900 system with the 29 Feb 1900 bug, or 1904). */
export function serialToParts(
  serial: number,
  date1904 = false,
): { y: number; m: number; d: number; wd: number; H: number; M: number; S: number; frac: number } {
  let days = Math.floor(serial);
  let secs = Math.round((serial - days) * 86400 * 1000) / 1000;
  if (secs >= 86400) {
    days += 1;
    secs -= 86400;
  }
  if (date1904) days += 1462;
  let y: number;
  let m: number;
  let d: number;
  let wd: number;
  if (!date1904 && days === 60) {
    y = 1900;
    m = 2;
    d = 29;
    wd = 3;
  } else {
    const off = !date1904 && days < 60 ? 25568 : 25569;
    const dt = new Date((days - off) * 86400000);
    y = dt.getUTCFullYear();
    m = dt.getUTCMonth() + 1;
    d = dt.getUTCDate();
    wd = dt.getUTCDay();
  }
  const whole = Math.floor(secs);
  return { y, m, d, wd, H: Math.floor(whole / 3600), M: Math.floor((whole % 3600) / 60), S: whole % 60, frac: secs - whole };
}

function renderDate(sec: Section, v: number, date1904: boolean): string {
  const p = serialToParts(v, date1904);
  const toks = sec.toks;
  const ampm = toks.some((t) => t.k === 'date' && (t.s === 'AM/PM' || t.s === 'A/P'));
  // decide month vs minute for each "m"
  const kinds: string[] = toks.map((t) => (t.k === 'date' ? t.s : ''));
  for (let i = 0; i < kinds.length; i++) {
    const s = kinds[i];
    if (s[0] !== 'm' || s.length > 2) continue;
    let prev = '';
    for (let j = i - 1; j >= 0; j--)
      if (kinds[j]) {
        prev = kinds[j];
        break;
      }
    let next = '';
    for (let j = i + 1; j < kinds.length; j++)
      if (kinds[j]) {
        next = kinds[j];
        break;
      }
    if (prev[0] === 'h' || prev === '[h]' || next[0] === 's' || next === '[s]') kinds[i] = 'M'.repeat(s.length);
  }
  const yearOf = (buddhist: boolean): number => p.y + (buddhist ? 543 : 0);
  const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
  let out = '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === 'lit') {
      out += t.s;
      continue;
    }
    if (t.k === 'dig') {
      out += t.c === '#' ? '' : '0';
      continue;
    }
    if (t.k === 'dot') {
      out += '.';
      continue;
    }
    if (t.k !== 'date') continue;
    const s = kinds[i];
    const c = s[0];
    if (s === 'AM/PM') out += p.H < 12 ? 'AM' : 'PM';
    else if (s === 'A/P') out += p.H < 12 ? 'A' : 'P';
    else if (s === '[h]') out += String(Math.floor(v * 24));
    else if (s === '[m]') out += String(Math.floor(v * 1440));
    else if (s === '[s]') out += String(Math.floor(v * 86400));
    else if (c === '.') {
      const n = s.length - 1;
      out += '.' + p.frac.toFixed(n).slice(2);
    } else if (c === 'y' || c === 'b') {
      const y = yearOf(c === 'b' || sec.buddhist);
      out += s.length <= 2 ? pad2(y % 100) : String(y);
    } else if (c === 'm') {
      if (s.length === 1) out += String(p.m);
      else if (s.length === 2) out += pad2(p.m);
      else if (s.length === 3) out += sec.thaiNames ? TH_MON_S[p.m - 1] : EN_MON[p.m - 1].slice(0, 3);
      else if (s.length === 5) out += (sec.thaiNames ? TH_MON : EN_MON)[p.m - 1][0];
      else out += (sec.thaiNames ? TH_MON : EN_MON)[p.m - 1];
    } else if (c === 'M') out += s.length === 1 ? String(p.M) : pad2(p.M);
    else if (c === 'd') {
      if (s.length === 1) out += String(p.d);
      else if (s.length === 2) out += pad2(p.d);
      else if (s.length === 3) out += sec.thaiNames ? TH_DAY_S[p.wd] : EN_DAY[p.wd].slice(0, 3);
      else out += (sec.thaiNames ? TH_DAY : EN_DAY)[p.wd];
    } else if (c === 'h') {
      const h = ampm ? (p.H % 12 === 0 ? 12 : p.H % 12) : p.H;
      out += s.length === 1 ? String(h) : pad2(h);
    } else if (c === 's') out += s.length === 1 ? String(p.S) : pad2(p.S);
  }
  return out;
}

function pickSection(c: Compiled, v: number): { sec: Section; a: number; neg: boolean } | undefined {
  const ss = c.sections.slice(0, 3);
  if (ss.length === 0) return undefined;
  if (ss.some((s) => s.cond)) {
    for (let i = 0; i < ss.length; i++) {
      const s = ss[i];
      if (s.cond ? condMatch(s.cond, v) : true) return { sec: s, a: Math.abs(v), neg: v < 0 && (!s.cond || s.cond.val >= 0) && i !== 1 };
    }
    return { sec: ss[ss.length - 1], a: Math.abs(v), neg: v < 0 };
  }
  if (ss.length === 1) return { sec: ss[0], a: Math.abs(v), neg: v < 0 };
  if (v > 0) return { sec: ss[0], a: v, neg: false };
  if (v < 0) return { sec: ss[1], a: -v, neg: false };
  return { sec: ss.length >= 3 ? ss[2] : ss[0], a: 0, neg: false };
}

/** Display text of a number under a format code. */
export function formatNumber(v: number, code: string | undefined, date1904 = false): string {
  if (!Number.isFinite(v)) return '#NUM!';
  if (isGeneralFormat(code)) return formatGeneral(v);
  const c = compile(code as string);
  if (date1904) return formatSafe(c, v, true);
  const hit = c.cache.get(v);
  if (hit !== undefined) return hit;
  const out = formatSafe(c, v, false);
  if (c.cache.size > 20000) c.cache.clear();
  c.cache.set(v, out);
  return out;
}

function formatSafe(c: Compiled, v: number, date1904: boolean): string {
  try {
    return formatWith(c, v, date1904);
  } catch {
    return formatGeneral(v);
  }
}

function formatWith(c: Compiled, v: number, date1904: boolean): string {
  const pick = pickSection(c, v);
  if (!pick) return formatGeneral(v);
  const { sec, a, neg } = pick;
  let out: string;
  if (sec.isDate) {
    if (v < 0 || v > 2958465) return formatGeneral(v); // Excel shows ##### for impossible dates
    out = renderDate(sec, v, date1904);
  } else if (sec.hasDigits) {
    out = renderNumber(sec, a);
    // "-0" when the rounded value is zero stays "0"
    if (neg && /[1-9]/.test(out)) out = '-' + out;
  } else if (sec.hasGeneral) {
    out = '';
    for (const t of sec.toks) {
      if (t.k === 'lit') out += t.s;
      else if (t.k === 'gen') out += formatGeneral(a);
    }
    if (neg) out = '-' + out;
  } else {
    // literal-only section, e.g. "-" for zero
    out = '';
    for (const t of sec.toks) if (t.k === 'lit') out += t.s;
    if (sec.hasText && !out) out = formatGeneral(v);
  }
  if (sec.thaiDigits) out = arabicToThai(out);
  return out.trim();
}

/** Text shown for a text cell under a format with a text section ("@" with literals); plain text otherwise. */
export function formatText(s: string, code: string | undefined): string {
  if (isGeneralFormat(code) || code === '@') return s;
  const c = compile(code as string);
  const sec = c.sections.length >= 4 ? c.sections[3] : c.sections.find((x) => x.hasText);
  if (!sec) return s;
  let out = '';
  for (const t of sec.toks) {
    if (t.k === 'lit') out += t.s;
    else if (t.k === 'text') out += s;
  }
  return out;
}
