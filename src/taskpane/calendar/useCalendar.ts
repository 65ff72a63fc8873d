/**
 * The Calendar tab's logic: template (DOPA 2558 / Rayong 2562 / own), fiscal year, year offset, Thai
 * digits, the steps as edited, and the outputs (sheet into the workbook, .xlsx / .ics / template
 * downloads). The edited template is remembered in the workbook's settings (host) and in this browser
 * (localStorage, 'oneplan.calendar.template'), the workbook's winning. Step texts are edited as the
 * officer reads them — template variables as their values — and turned back into variables on edit.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  BUILTIN_TEMPLATES,
  buildCalendar,
  calendarIcs,
  calendarSheet,
  fillPlaceholders,
  parseTemplate,
  planCycle,
  serializeTemplate,
  type CalendarStep,
  type CalendarTemplate,
  type PlaceholderContext,
} from '../../engine/calendar';
import { formatThaiDateShort, nextFiscalYear, parseThaiDate, thaiDateOf } from '../../engine/calendar/thai';
import { writtenNote, type Host } from '../host/host';
import { PaneError } from '../host/paneError';
import { STRINGS, type Lang } from '../i18n';
import { useTask } from '../common/useTask';

/** The workbook setting that holds the edited template. */
export const SETTING_KEY = 'calendar';
export const STORAGE_KEY = 'oneplan.calendar.template';
const ICS_MIME = 'text/calendar;charset=utf-8';
const JSON_MIME = 'application/json';

export type Source = 'dopa' | 'rayong' | 'custom';

interface Saved {
  source: Source;
  template: CalendarTemplate;
  thaiDigits: boolean;
}

function parseSaved(raw: string | null | undefined): Saved | undefined {
  try {
    if (!raw) return undefined;
    const data = JSON.parse(raw) as Partial<Saved> & { template?: unknown };
    const parsed = parseTemplate(data.template);
    if (!parsed.ok) return undefined;
    const source: Source = data.source === 'dopa' || data.source === 'rayong' ? data.source : 'custom';
    return { source, template: parsed.template, thaiDigits: !!data.thaiDigits };
  } catch {
    return undefined;
  }
}

function loadSaved(): Saved | undefined {
  try {
    return parseSaved(globalThis.localStorage?.getItem(STORAGE_KEY));
  } catch {
    return undefined;
  }
}

function saveLocal(s: Saved): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(s));
  } catch {
    // Private mode or quota: the calendar still works, it is just not remembered.
  }
}

const fresh = (id: 'dopa' | 'rayong'): CalendarTemplate => structuredClone(BUILTIN_TEMPLATES[id]);

const PLACEHOLDER = /\{(fy|year|planStart|planEnd|updated)([+-]\d+)?\}/g;

/** The variables a template text uses, each with the value it stands for now ("{fy}" → "2569"). */
export function variablesOf(text: string, ctx: PlaceholderContext): Array<{ token: string; key: string; value: string }> {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ token: m[0], key: m[1], value: fillPlaceholders(m[0], ctx) }));
}

/**
 * The officer edited a step's text as shown (variables as values): put the variables of the template
 * text back where their values still stand, in order — so "ทบทวนแผน พ.ศ. 2566 – 2570" keeps following
 * the fiscal year — and keep what the officer typed everywhere else.
 */
export function retemplate(edited: string, original: string, ctx: PlaceholderContext): string {
  let out = '';
  let rest = edited;
  for (const v of variablesOf(original, ctx)) {
    const at = rest.indexOf(v.value);
    if (at < 0) continue;
    out += rest.slice(0, at) + v.token;
    rest = rest.slice(at + v.value.length);
  }
  return out + rest;
}

export function useCalendar(host: Host, lang: Lang) {
  const t = STRINGS[lang];
  const task = useTask<'output'>();
  const initial = useMemo(loadSaved, []);
  const [source, setSource] = useState<Source>(initial?.source ?? 'dopa');
  const [template, setTemplate] = useState<CalendarTemplate>(initial?.template ?? fresh('dopa'));
  const [thaiDigits, setThaiDigits] = useState<boolean>(initial?.thaiDigits ?? false);
  const [fiscalYear, setFiscalYear] = useState<number>(() => nextFiscalYear());
  const [fyText, setFyText] = useState<string>(() => String(nextFiscalYear()));
  const [details, setDetails] = useState(false);

  // The workbook's own saved template wins over this browser's; edits are saved to both.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    host
      .getSetting(SETTING_KEY)
      .then((raw) => {
        const saved = live ? parseSaved(raw) : undefined;
        if (saved) {
          setSource(saved.source);
          setTemplate(saved.template);
          setThaiDigits(saved.thaiDigits);
        }
      })
      .catch(() => undefined)
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [host]);
  // Write to the workbook only after an edit, and once typing pauses: each write is an Excel request
  // and marks the officer's file as changed.
  const written = useRef<string | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const s: Saved = { source, template, thaiDigits };
    saveLocal(s);
    const json = JSON.stringify(s);
    if (written.current === null) {
      written.current = json; // what the workbook holds (or the defaults): nothing to write yet
      return;
    }
    if (json === written.current) return;
    const timer = setTimeout(() => {
      written.current = json;
      host.setSetting(SETTING_KEY, json).catch(() => undefined);
    }, 800);
    return () => clearTimeout(timer);
  }, [source, template, thaiDigits, loaded, host]);

  const cal = useMemo(() => buildCalendar(template, fiscalYear, { thaiDigits }), [template, fiscalYear, thaiDigits]);
  const sheet = useMemo(() => calendarSheet(cal, { lang, details }), [cal, lang, details]);
  // What the variables stand for now (Arabic digits: the editor shows what the officer types).
  const ctx = useMemo<PlaceholderContext>(() => {
    const cycle = planCycle(fiscalYear, template.planCycleStart, template.planCycleYears);
    return {
      fy: fiscalYear,
      year: cal.calendarYear,
      planStart: cycle.start,
      planEnd: cycle.end,
      updated: formatThaiDateShort(thaiDateOf(new Date())),
    };
  }, [fiscalYear, template.planCycleStart, template.planCycleYears, cal.calendarYear]);

  const edit = useCallback((f: (t: CalendarTemplate) => void) => {
    setTemplate((old) => {
      const next = structuredClone(old);
      f(next);
      return next;
    });
    setSource('custom');
  }, []);
  const editStep = (i: number, patch: Partial<CalendarStep>) => edit((tp) => Object.assign(tp.steps[i], patch));
  /** A step's text as the officer reads it, and its edit turned back into the template's text. */
  const shown = (text: string) => fillPlaceholders(text, ctx);
  const editText = (i: number, field: 'title' | 'unit', value: string) =>
    editStep(i, { [field]: retemplate(value, template.steps[i][field], ctx) });

  const pickSource = (s: Source) => {
    setSource(s);
    if (s !== 'custom') setTemplate(fresh(s));
  };
  const reset = () => pickSource(source === 'custom' ? (template.id === 'rayong' ? 'rayong' : 'dopa') : source);

  const setFy = (text: string) => {
    setFyText(text);
    const n = Number(text.replace(/[๐-๙]/g, (x) => String(x.charCodeAt(0) - 0x0e50)));
    if (Number.isInteger(n) && n >= 2400 && n <= 2800) setFiscalYear(n);
  };
  const setCalendarYear = (y: number) => {
    if (Number.isInteger(y) && Math.abs(y - fiscalYear) <= 10) edit((tp) => (tp.yearOffset = y - fiscalYear));
  };

  const addStep = () =>
    edit((tp) => {
      const last = tp.steps[tp.steps.length - 1];
      let n = tp.steps.length + 1;
      while (tp.steps.some((x) => x.id === `s${n}`)) n++;
      tp.steps.push({
        id: `s${n}`,
        title: t.calNewStep,
        unit: '',
        startMonth: last?.endMonth ?? 1,
        endMonth: last?.endMonth ?? 1,
        yearShift: last?.endYearShift ?? last?.yearShift ?? 0,
        note: '',
        dependsOn: [],
      });
    });
  const moveUp = (i: number) => edit((tp) => tp.steps.splice(i - 1, 2, tp.steps[i], tp.steps[i - 1]));
  const remove = (i: number) =>
    edit((tp) => {
      const [gone] = tp.steps.splice(i, 1);
      for (const x of tp.steps) x.dependsOn = x.dependsOn.filter((d) => d !== gone.id);
    });

  const deadlineText = (s: CalendarStep): string =>
    s.deadline ? formatThaiDateShort({ year: cal.calendarYear + s.deadline.yearShift, ...s.deadline }, { fullYear: true }) : '';
  const setDeadline = (i: number, text: string) => {
    if (!text.trim()) return editStep(i, { deadline: undefined });
    const d = parseThaiDate(text);
    if (!d) {
      task.fail(new PaneError(`${STRINGS.th.calBadDate}: ${text}`, `${STRINGS.en.calBadDate}: ${text}`, 'bad-date'));
      return;
    }
    editStep(i, { deadline: { month: d.month, day: d.day, yearShift: d.year - cal.calendarYear } });
  };

  const base = t.calFileBase(fiscalYear);
  const create = () =>
    task.run('output', async () => {
      if (!host.writeSheet) return;
      const written = [await host.writeSheet(sheet)];
      task.note({ intent: 'success', text: (tt) => writtenNote(tt.calCreated, written, tt.sheetsReplaced) });
    });
  const downloadXlsx = () =>
    task.run('output', async () => {
      const { writeXlsx } = await import(/* webpackChunkName: "xlsx-write" */ '../../xlsx/write');
      host.download?.(writeXlsx({ sheets: [sheet] }), `${base}.xlsx`);
    });
  /** Text files: downloaded, or copied where downloads do nothing (Excel for Mac). */
  const saveText = async (text: string, fileName: string, mime: string) => {
    if (host.download) host.download(text, fileName, mime);
    else if (host.copyText) {
      await host.copyText(text);
      task.note({ intent: 'success', text: (tt) => tt.copied });
    }
  };
  const downloadIcs = () => task.run('output', () => saveText(calendarIcs(cal), `${base}.ics`, ICS_MIME));
  const exportTemplate = () =>
    task.run('output', () => saveText(serializeTemplate(template), t.calTemplateFile(template.id || 'calendar'), JSON_MIME));
  const importTemplate = async (file: File) => {
    const parsed = parseTemplate(await file.text());
    if (!parsed.ok) {
      const why = parsed.issues.slice(0, 3).join('; ');
      task.fail(new PaneError(`${STRINGS.th.calBadTemplate}: ${why}`, `${STRINGS.en.calBadTemplate}: ${why}`, 'bad-template'));
      return;
    }
    setTemplate(parsed.template);
    setSource('custom');
    task.clear();
  };

  return {
    task,
    source,
    pickSource,
    template,
    thaiDigits,
    setThaiDigits,
    details,
    setDetails,
    fiscalYear,
    fyText,
    setFy,
    setCalendarYear,
    cal,
    sheet,
    ctx,
    shown,
    editText,
    editStep,
    addStep,
    moveUp,
    remove,
    reset,
    deadlineText,
    setDeadline,
    create,
    downloadXlsx,
    downloadIcs,
    exportTemplate,
    importTemplate,
  };
}
