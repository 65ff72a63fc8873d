/**
 * Planning calendar panel (ปฏิทินการดำเนินงาน): pick a template (DOPA 2558 / Rayong 2562 / own),
 * fiscal year, year offset and Thai digits; edit the steps; see warnings and a preview of the
 * sheet (Gantt bars); write it into Excel, or download .xlsx / .ics. The edited template is kept in
 * localStorage ('oneplan.calendar.template') so it survives reloads. Lazy-loaded by App.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { OutCell, OutSheet } from '../../engine/output';
import {
  BUILTIN_TEMPLATES,
  buildCalendar,
  calendarIcs,
  calendarSheet,
  parseTemplate,
  serializeTemplate,
  type CalendarStep,
  type CalendarTemplate,
} from '../../engine/calendar';
import { THAI_MONTHS_ABBR, ENGLISH_MONTHS_ABBR, nextFiscalYear, parseThaiDate, formatThaiDateShort } from '../../engine/calendar/thai';

export interface CalendarPanelProps {
  lang: 'th' | 'en';
  /** Write the sheet into the open workbook (Excel only). */
  writeSheet?: (sheet: OutSheet) => Promise<void>;
  download: (fileName: string, data: Uint8Array | string, mime: string) => void;
  /** Per-workbook settings (Excel: the workbook's own settings); without them, this browser remembers. */
  settings?: { get(key: string): Promise<string | undefined>; set(key: string, value: string): Promise<void> };
}

/** The workbook setting that holds the edited template. */
export const SETTING_KEY = 'calendar';

export const STORAGE_KEY = 'oneplan.calendar.template';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ICS_MIME = 'text/calendar;charset=utf-8';
const JSON_MIME = 'application/json';

type Source = 'dopa' | 'rayong' | 'custom';

interface Saved {
  source: Source;
  template: CalendarTemplate;
  thaiDigits: boolean;
}

const T = {
  th: {
    template: 'แม่แบบปฏิทิน',
    custom: 'แม่แบบที่แก้ไขเอง',
    fiscalYear: 'ปีงบประมาณ (พ.ศ.)',
    offset: 'ขั้นตอนอยู่ในปี พ.ศ.',
    offsetHint: (y: number, k: number) => `ปีงบประมาณ ${k >= 0 ? '+' : '−'} ${Math.abs(k)} = พ.ศ. ${y}`,
    thaiDigits: 'ใช้เลขไทย',
    details: 'แสดงรายละเอียดขั้นตอนในชีต',
    steps: 'ขั้นตอน',
    no: 'ที่',
    title: 'การดำเนินงาน',
    unit: 'หน่วยดำเนินการ',
    from: 'เริ่ม',
    to: 'ถึง',
    deadline: 'ภายในวันที่',
    deadlineHint: 'เช่น 15 มิ.ย. 2569',
    badDate: 'วันที่ไม่ถูกต้อง',
    addStep: 'เพิ่มขั้นตอน',
    remove: 'ลบ',
    up: 'เลื่อนขึ้น',
    reset: 'คืนค่าแม่แบบ',
    exportJson: 'บันทึกแม่แบบ (.json)',
    importJson: 'เปิดแม่แบบ (.json)',
    badTemplate: 'ไฟล์แม่แบบไม่ถูกต้อง',
    warnings: 'คำเตือน',
    preview: 'ตัวอย่างปฏิทิน',
    create: 'สร้างปฏิทิน',
    created: 'สร้างชีตปฏิทินในสมุดงานแล้ว',
    downloadXlsx: 'ดาวน์โหลด .xlsx',
    downloadIcs: 'ดาวน์โหลด .ics',
    failed: 'ทำไม่สำเร็จ',
  },
  en: {
    template: 'Calendar template',
    custom: 'Edited template',
    fiscalYear: 'Fiscal year (B.E.)',
    offset: 'Steps fall in B.E. year',
    offsetHint: (y: number, k: number) => `fiscal year ${k >= 0 ? '+' : '−'} ${Math.abs(k)} = ${y} B.E.`,
    thaiDigits: 'Thai digits',
    details: 'Step details in the sheet',
    steps: 'Steps',
    no: 'No.',
    title: 'Activity',
    unit: 'Responsible unit',
    from: 'From',
    to: 'To',
    deadline: 'Deadline',
    deadlineHint: 'e.g. 15/6/2569',
    badDate: 'Not a date',
    addStep: 'Add step',
    remove: 'Remove',
    up: 'Move up',
    reset: 'Reset template',
    exportJson: 'Save template (.json)',
    importJson: 'Open template (.json)',
    badTemplate: 'Not a valid template file',
    warnings: 'Warnings',
    preview: 'Preview',
    create: 'Create calendar sheet',
    created: 'Calendar sheet written to the workbook',
    downloadXlsx: 'Download .xlsx',
    downloadIcs: 'Download .ics',
    failed: 'Failed',
  },
} as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'flex-start' },
  narrow: { width: '170px' },
  steps: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  // Seven columns of inputs are wider than a 320 px pane: the table scrolls on its own, not the pane.
  stepsBox: { overflowX: 'auto', maxWidth: '100%' },
  cell: { padding: '2px', verticalAlign: 'top', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  month: { minWidth: '72px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  previewBox: { overflowX: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
});

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

function save(s: Saved): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(s));
  } catch {
    // Private mode or quota: the calendar still works, it is just not remembered.
  }
}

const fresh = (id: 'dopa' | 'rayong'): CalendarTemplate => structuredClone(BUILTIN_TEMPLATES[id]);

/** Plain cell text of an OutCell. */
function cellText(c: OutCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'object') return c.value === null ? '' : String(c.value);
  return String(c);
}

/** The OutSheet as an HTML table: merges, fills, bold, alignment — what the sheet will look like. */
export function SheetPreview({ sheet }: { sheet: OutSheet }) {
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges ?? []) {
    spans.set(`${m.r1}:${m.c1}`, { rowSpan: m.r2 - m.r1 + 1, colSpan: m.c2 - m.c1 + 1 });
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(`${r}:${c}`);
  }
  const width = Math.max(...sheet.rows.map((r) => r.length), 1);
  const colWidths = sheet.colWidths ?? [];
  return (
    <table
      data-testid="calendar-preview"
      style={{ borderCollapse: 'collapse', fontFamily: "'TH Sarabun New', 'Sarabun', 'Leelawadee UI', Tahoma, sans-serif", fontSize: 13 }}
    >
      <colgroup>
        {Array.from({ length: width }, (_, c) => (
          <col key={c} style={{ width: `${Math.max(2, (colWidths[c] ?? 8) * 0.55)}em` }} />
        ))}
      </colgroup>
      <tbody>
        {sheet.rows.map((row, r) => (
          <tr key={r}>
            {Array.from({ length: row.length ? width : 1 }, (_, c) => {
              if (covered.has(`${r}:${c}`)) return null;
              const cell = row[c];
              const st = cell !== null && typeof cell === 'object' ? cell.style ?? {} : {};
              const span = spans.get(`${r}:${c}`);
              const style: CSSProperties = {
                border: st.border ? '1px solid #999' : undefined,
                background: st.fill ? `#${st.fill}` : undefined,
                color: st.color ? `#${st.color}` : undefined,
                fontWeight: st.bold ? 700 : undefined,
                textAlign: st.align,
                verticalAlign: st.valign === 'center' ? 'middle' : st.valign ?? 'top',
                whiteSpace: 'pre-wrap',
                padding: '1px 3px',
                minWidth: c >= 5 ? 18 : undefined,
              };
              return (
                <td
                  key={c}
                  style={style}
                  rowSpan={span && span.rowSpan > 1 ? span.rowSpan : undefined}
                  colSpan={!row.length ? width : span && span.colSpan > 1 ? span.colSpan : undefined}
                >
                  {cellText(cell)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A month picker (1–12) for a step's start or end. */
function MonthSelect(props: { months: readonly string[]; value: number; label: string; onChange(month: number): void }) {
  return (
    <Select size="small" value={String(props.value)} onChange={(_, d) => props.onChange(Number(d.value))} aria-label={props.label}>
      {props.months.map((m, k) => (
        <option key={k} value={k + 1}>
          {m}
        </option>
      ))}
    </Select>
  );
}

export default function CalendarPanel({ lang, writeSheet, download, settings }: CalendarPanelProps) {
  const t = T[lang];
  const styles = useStyles();
  const initial = useMemo(loadSaved, []);
  const [source, setSource] = useState<Source>(initial?.source ?? 'dopa');
  const [template, setTemplate] = useState<CalendarTemplate>(initial?.template ?? fresh('dopa'));
  const [thaiDigits, setThaiDigits] = useState<boolean>(initial?.thaiDigits ?? false);
  const [fiscalYear, setFiscalYear] = useState<number>(() => nextFiscalYear());
  const [fyText, setFyText] = useState<string>(() => String(nextFiscalYear()));
  const [status, setStatus] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [details, setDetails] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // The workbook's own saved template wins over this browser's; edits are saved to both.
  const [loaded, setLoaded] = useState(!settings);
  useEffect(() => {
    if (!settings) return;
    let live = true;
    settings
      .get(SETTING_KEY)
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
  }, [settings]);
  // Write to the workbook only after an edit, and once typing pauses: each write is an Excel request
  // and marks the officer's file as changed.
  const written = useRef<string | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const s: Saved = { source, template, thaiDigits };
    save(s);
    const json = JSON.stringify(s);
    if (written.current === null) {
      written.current = json; // what the workbook holds (or the defaults): nothing to write yet
      return;
    }
    if (!settings || json === written.current) return;
    const timer = setTimeout(() => {
      written.current = json;
      settings.set(SETTING_KEY, json).catch(() => undefined);
    }, 800);
    return () => clearTimeout(timer);
  }, [source, template, thaiDigits, loaded, settings]);

  const cal = useMemo(() => buildCalendar(template, fiscalYear, { thaiDigits }), [template, fiscalYear, thaiDigits]);
  const sheet = useMemo(() => calendarSheet(cal, { lang, details }), [cal, lang, details]);
  const months = lang === 'en' ? ENGLISH_MONTHS_ABBR : THAI_MONTHS_ABBR;

  const edit = useCallback((f: (t: CalendarTemplate) => void) => {
    setTemplate((old) => {
      const next = structuredClone(old);
      f(next);
      return next;
    });
    setSource('custom');
  }, []);
  const editStep = (i: number, patch: Partial<CalendarStep>) => edit((tp) => Object.assign(tp.steps[i], patch));

  const pickSource = (s: Source) => {
    setSource(s);
    if (s !== 'custom') setTemplate(fresh(s));
  };

  const run = async (f: () => Promise<void> | void) => {
    setBusy(true);
    setStatus(undefined);
    try {
      await f();
    } catch (e) {
      setStatus({ intent: 'error', text: `${t.failed}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const base = `oneplan-calendar-${fiscalYear}`;
  const onCreate = () =>
    run(async () => {
      await writeSheet!(sheet);
      setStatus({ intent: 'success', text: t.created });
    });
  const onXlsx = () =>
    run(async () => {
      const { writeXlsx } = await import(/* webpackChunkName: "xlsx-write" */ '../../xlsx/write');
      download(`${base}.xlsx`, writeXlsx({ sheets: [sheet] }), XLSX_MIME);
    });
  const onIcs = () => run(() => download(`${base}.ics`, calendarIcs(cal), ICS_MIME));
  const onExport = () => run(() => download(`${template.id || 'calendar'}-template.json`, serializeTemplate(template), JSON_MIME));
  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseTemplate(await file.text());
    if (!parsed.ok) {
      setStatus({ intent: 'error', text: `${t.badTemplate}: ${parsed.issues.slice(0, 3).join('; ')}` });
      return;
    }
    setTemplate(parsed.template);
    setSource('custom');
    setStatus(undefined);
  };

  const deadlineText = (s: CalendarStep): string =>
    s.deadline ? formatThaiDateShort({ year: cal.calendarYear + s.deadline.yearShift, ...s.deadline }, { fullYear: true }) : '';
  const setDeadline = (i: number, text: string) => {
    if (!text.trim()) return editStep(i, { deadline: undefined });
    const d = parseThaiDate(text);
    if (!d) {
      setStatus({ intent: 'error', text: `${t.badDate}: ${text}` });
      return;
    }
    editStep(i, { deadline: { month: d.month, day: d.day, yearShift: d.year - cal.calendarYear } });
  };

  return (
    <div className={styles.root} data-testid="calendar-panel">
      <div className={styles.row}>
        <Field label={t.template}>
          <Select value={source} onChange={(_, d) => pickSource(d.value as Source)} data-testid="calendar-template">
            <option value="dopa">{lang === 'en' ? BUILTIN_TEMPLATES.dopa.nameEn : BUILTIN_TEMPLATES.dopa.name}</option>
            <option value="rayong">{lang === 'en' ? BUILTIN_TEMPLATES.rayong.nameEn : BUILTIN_TEMPLATES.rayong.name}</option>
            <option value="custom">{t.custom}</option>
          </Select>
        </Field>
        <Field label={t.fiscalYear} className={styles.narrow}>
          <Input
            value={fyText}
            style={{ width: '100%', minWidth: 0 }}
            inputMode="numeric"
            data-testid="calendar-fy"
            onChange={(_, d) => {
              setFyText(d.value);
              const n = Number(d.value.replace(/[๐-๙]/g, (x) => String(x.charCodeAt(0) - 0x0e50)));
              if (Number.isInteger(n) && n >= 2400 && n <= 2800) setFiscalYear(n);
            }}
          />
        </Field>
        <Field label={t.offset} hint={t.offsetHint(cal.calendarYear, template.yearOffset)} className={styles.narrow}>
          <Input
            type="number"
            style={{ width: '100%', minWidth: 0 }}
            value={String(cal.calendarYear)}
            data-testid="calendar-year"
            onChange={(_, d) => {
              const y = Number(d.value);
              if (Number.isInteger(y) && Math.abs(y - fiscalYear) <= 10) edit((tp) => (tp.yearOffset = y - fiscalYear));
            }}
          />
        </Field>
        <Switch checked={thaiDigits} label={t.thaiDigits} onChange={(_, d) => setThaiDigits(d.checked)} data-testid="calendar-thai-digits" />
        <Switch checked={details} label={t.details} onChange={(_, d) => setDetails(d.checked)} data-testid="calendar-details" />
      </div>

      <Text weight="semibold">{t.steps}</Text>
      <div className={styles.stepsBox}>
        <table className={styles.steps} data-testid="calendar-steps">
          <thead>
            <tr>
              {[t.no, t.title, t.unit, t.from, t.to, t.deadline, ''].map((h, i) => (
                <th key={i} className={styles.cell} style={{ textAlign: 'left' }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {template.steps.map((s, i) => (
              <tr key={`${s.id}-${i}`}>
                <td className={styles.cell}>{cal.steps[i]?.no}</td>
                <td className={styles.cell}>
                  <Input size="small" style={{ width: '100%' }} value={s.title} onChange={(_, d) => editStep(i, { title: d.value })} aria-label={t.title} />
                </td>
                <td className={styles.cell}>
                  <Input size="small" value={s.unit} onChange={(_, d) => editStep(i, { unit: d.value })} aria-label={t.unit} />
                </td>
                <td className={`${styles.cell} ${styles.month}`}>
                  <MonthSelect months={months} value={s.startMonth} label={t.from} onChange={(m) => editStep(i, { startMonth: m })} />
                </td>
                <td className={`${styles.cell} ${styles.month}`}>
                  <MonthSelect months={months} value={s.endMonth} label={t.to} onChange={(m) => editStep(i, { endMonth: m })} />
                </td>
                <td className={styles.cell}>
                  <Input
                    size="small"
                    key={`${i}-${deadlineText(s)}`}
                    defaultValue={deadlineText(s)}
                    placeholder={t.deadlineHint}
                    onBlur={(e) => setDeadline(i, e.currentTarget.value)}
                    aria-label={t.deadline}
                  />
                </td>
                <td className={styles.cell} style={{ whiteSpace: 'nowrap' }}>
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={i === 0}
                    onClick={() => edit((tp) => tp.steps.splice(i - 1, 2, tp.steps[i], tp.steps[i - 1]))}
                    aria-label={t.up}
                    title={t.up}
                  >
                    ↑
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={template.steps.length <= 1}
                    onClick={() =>
                      edit((tp) => {
                        const [gone] = tp.steps.splice(i, 1);
                        for (const x of tp.steps) x.dependsOn = x.dependsOn.filter((d) => d !== gone.id);
                      })
                    }
                    aria-label={t.remove}
                    title={t.remove}
                  >
                    ✕
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.buttons}>
        <Button
          size="small"
          onClick={() =>
            edit((tp) => {
              const last = tp.steps[tp.steps.length - 1];
              let n = tp.steps.length + 1;
              while (tp.steps.some((x) => x.id === `s${n}`)) n++;
              tp.steps.push({
                id: `s${n}`,
                title: lang === 'en' ? 'New step' : 'ขั้นตอนใหม่',
                unit: '',
                startMonth: last?.endMonth ?? 1,
                endMonth: last?.endMonth ?? 1,
                yearShift: last?.endYearShift ?? last?.yearShift ?? 0,
                note: '',
                dependsOn: [],
              });
            })
          }
        >
          {t.addStep}
        </Button>
        <Button size="small" onClick={() => pickSource(source === 'custom' ? (template.id === 'rayong' ? 'rayong' : 'dopa') : source)}>
          {t.reset}
        </Button>
        <Button size="small" onClick={onExport}>
          {t.exportJson}
        </Button>
        <Button size="small" onClick={() => fileInput.current?.click()}>
          {t.importJson}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            void onImport(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
      </div>

      {cal.warnings.length > 0 && (
        <MessageBar intent="warning" data-testid="calendar-warnings">
          <MessageBarBody>
            <strong>{t.warnings}</strong>
            <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
              {cal.warnings.map((w, i) => (
                <li key={i}>{lang === 'en' ? w.messageEn : w.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.buttons}>
        {writeSheet && (
          <Button appearance="primary" disabled={busy} onClick={onCreate} data-testid="calendar-create">
            {t.create}
          </Button>
        )}
        <Button appearance={writeSheet ? 'secondary' : 'primary'} disabled={busy} onClick={onXlsx} data-testid="calendar-download-xlsx">
          {t.downloadXlsx}
        </Button>
        <Button disabled={busy} onClick={onIcs} data-testid="calendar-download-ics">
          {t.downloadIcs}
        </Button>
      </div>
      {status && (
        <MessageBar intent={status.intent} data-testid="calendar-status">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}

      <Text weight="semibold">{t.preview}</Text>
      <div className={styles.previewBox}>
        <SheetPreview sheet={sheet} />
      </div>
    </div>
  );
}
