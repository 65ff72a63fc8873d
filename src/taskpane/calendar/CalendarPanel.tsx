/**
 * Planning calendar panel (ปฏิทินการดำเนินงาน), results first: a one-line summary of the calendar and
 * its outputs (sheet into Excel, .xlsx, .ics) at the top; then the template, fiscal year, year offset
 * and Thai digits; the steps as collapsed cards readable at pane width, their texts shown with the
 * template variables as values (and labelled chips saying which values move with the year); warnings;
 * and a preview of the sheet (Gantt bars) that scrolls in its own box. The logic is useCalendar's.
 * Lazy-loaded by App.
 */
import { useRef, type CSSProperties } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  Tag,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { OutCell, OutSheet } from '../../engine/output';
import { BUILTIN_TEMPLATES, type CalendarStep } from '../../engine/calendar';
import { THAI_MONTHS_ABBR, ENGLISH_MONTHS_ABBR } from '../../engine/calendar/thai';
import type { Host } from '../host/host';
import { STRINGS, type Lang, type Strings } from '../i18n';
import { ActionBar, WriteOrDownload } from '../common/ActionBar';
import { Group } from '../common/Group';
import { StatusBars } from '../common/StatusBars';
import { useCalendar, variablesOf, type Source } from './useCalendar';

export { SETTING_KEY, STORAGE_KEY } from './useCalendar';

export interface CalendarPanelProps {
  lang: Lang;
  host: Host;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px', padding: '10px 12px', minWidth: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: '8px 12px', alignItems: 'start' },
  wide: { gridColumn: '1 / -1', minWidth: 0 },
  // Fluent inputs keep a minimum width of their own: in a narrow grid cell they must shrink with it.
  input: { width: '100%', minWidth: 0 },
  summary: { fontWeight: tokens.fontWeightSemibold },
  step: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  stepHead: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    textAlign: 'left',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  stepWhen: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  months: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '6px' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  // The sheet is wider than the pane: it scrolls in its own box, which the keyboard can reach.
  previewBox: {
    overflowX: 'auto',
    maxWidth: '100%',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/** A month picker (1–12) for a step's start or end. */
function MonthSelect(props: { months: readonly string[]; value: number; label: string; onChange(month: number): void }) {
  return (
    <Field label={props.label}>
      <Select size="small" value={String(props.value)} onChange={(_, d) => props.onChange(Number(d.value))}>
        {props.months.map((m, k) => (
          <option key={k} value={k + 1}>
            {m}
          </option>
        ))}
      </Select>
    </Field>
  );
}

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
              const st = cell !== null && typeof cell === 'object' ? (cell.style ?? {}) : {};
              const span = spans.get(`${r}:${c}`);
              const style: CSSProperties = {
                border: st.border ? '1px solid #999' : undefined,
                background: st.fill ? `#${st.fill}` : undefined,
                color: st.color ? `#${st.color}` : undefined,
                fontWeight: st.bold ? 700 : undefined,
                textAlign: st.align,
                verticalAlign: st.valign === 'center' ? 'middle' : (st.valign ?? 'top'),
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

export default function CalendarPanel({ lang, host }: CalendarPanelProps) {
  const t = STRINGS[lang];
  const styles = useStyles();
  const c = useCalendar(host, lang);
  const { cal, template, task } = c;
  const months = lang === 'en' ? ENGLISH_MONTHS_ABBR : THAI_MONTHS_ABBR;
  const importInput = useRef<HTMLInputElement>(null);
  const first = cal.steps[0];
  const last = cal.steps[cal.steps.length - 1];
  const span = first && last ? [first.label.split(' – ')[0], last.label.split(' – ').pop() ?? ''] : ['', ''];
  const summary = t.calSummary(c.fiscalYear, cal.steps.length, span[0], span[1]);

  return (
    <section className={styles.root} data-testid="calendar-panel" aria-label={t.tabCalendar}>
      <Text className={styles.summary} data-testid="calendar-summary">
        {summary}
      </Text>
      <ActionBar label={t.tabCalendar}>
        <WriteOrDownload
          host={host}
          busy={!!task.busy}
          onWrite={() => void c.create()}
          onDownload={() => void c.downloadXlsx()}
          writeLabel={t.calCreate}
          downloadLabel={t.calDownloadXlsx}
          testIds={{ write: 'calendar-create', download: 'calendar-download-xlsx' }}
        />
        {/* Excel for Mac cannot download: the .ics is copied instead. */}
        {(host.download || host.copyText) && (
          <Button disabled={!!task.busy} onClick={() => void c.downloadIcs()} data-testid="calendar-download-ics">
            {host.download ? t.calDownloadIcs : t.calCopyIcs}
          </Button>
        )}
      </ActionBar>
      <StatusBars
        t={t}
        lang={lang}
        error={task.error}
        notice={task.notice}
        busyText={task.busy ? t.loading : null}
        testIds={{ error: 'calendar-status', notice: 'calendar-status' }}
      />

      <div className={styles.fields}>
        <Field label={t.calTemplate} className={styles.wide}>
          <Select value={c.source} onChange={(_, d) => c.pickSource(d.value as Source)} data-testid="calendar-template">
            <option value="dopa">{lang === 'en' ? BUILTIN_TEMPLATES.dopa.nameEn : BUILTIN_TEMPLATES.dopa.name}</option>
            <option value="rayong">{lang === 'en' ? BUILTIN_TEMPLATES.rayong.nameEn : BUILTIN_TEMPLATES.rayong.name}</option>
            <option value="custom">{t.calCustom}</option>
          </Select>
        </Field>
        <Field label={t.calFiscalYear}>
          <Input
            className={styles.input}
            value={c.fyText}
            inputMode="numeric"
            data-testid="calendar-fy"
            onChange={(_, d) => c.setFy(d.value)}
          />
        </Field>
        <Field label={t.calOffset} hint={t.calOffsetHint(cal.calendarYear, template.yearOffset)}>
          <Input
            className={styles.input}
            type="number"
            value={String(cal.calendarYear)}
            data-testid="calendar-year"
            onChange={(_, d) => c.setCalendarYear(Number(d.value))}
          />
        </Field>
        <Switch
          checked={c.thaiDigits}
          label={t.calThaiDigits}
          onChange={(_, d) => c.setThaiDigits(d.checked)}
          data-testid="calendar-thai-digits"
        />
        <Switch checked={c.details} label={t.calDetails} onChange={(_, d) => c.setDetails(d.checked)} data-testid="calendar-details" />
      </div>

      {cal.warnings.length > 0 && (
        <MessageBar intent="warning" data-testid="calendar-warnings" layout="multiline">
          <MessageBarBody>
            <strong>{t.calWarnings(cal.warnings.length)}</strong>
            <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
              {cal.warnings.map((w, i) => (
                <li key={i}>{lang === 'en' ? w.messageEn : w.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <Group title={t.calSteps(template.steps.length)} count={template.steps.length} testId="calendar-steps">
        <Accordion collapsible multiple>
          {template.steps.map((s, i) => (
            <StepCard key={`${s.id}-${i}`} c={c} s={s} i={i} t={t} months={months} />
          ))}
        </Accordion>
        <div className={styles.buttons} style={{ marginTop: 8 }}>
          <Button size="small" onClick={c.addStep} data-testid="calendar-add-step">
            {t.calAddStep}
          </Button>
          <Button size="small" onClick={c.reset}>
            {t.calReset}
          </Button>
          <Button size="small" onClick={() => void c.exportTemplate()}>
            {t.calExportJson}
          </Button>
          <Button size="small" onClick={() => importInput.current?.click()}>
            {t.calImportJson}
          </Button>
          <input
            ref={importInput}
            type="file"
            accept=".json,application/json"
            hidden
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) void c.importTemplate(f);
            }}
          />
        </div>
      </Group>

      <Text weight="semibold" id="calendar-preview-title">
        {t.calPreview}
      </Text>
      <div className={styles.previewBox} role="region" aria-labelledby="calendar-preview-title" tabIndex={0}>
        <SheetPreview sheet={c.sheet} />
      </div>
    </section>
  );
}

/** One step, readable at pane width: its text with variables as values, chips naming them, its months. */
function StepCard({
  c,
  s,
  i,
  t,
  months,
}: {
  c: ReturnType<typeof useCalendar>;
  s: CalendarStep;
  i: number;
  t: Strings;
  months: readonly string[];
}) {
  const styles = useStyles();
  const built = c.cal.steps[i];
  const no = built?.no ?? i + 1;
  const vars = variablesOf(s.title, c.ctx);
  return (
    <AccordionItem value={`${s.id}-${i}`} data-testid="calendar-step">
      <AccordionHeader size="small" data-testid="calendar-step-header">
        <span className={styles.stepHead}>
          <span>
            {no}. {c.shown(s.title)}
          </span>
          <span className={styles.stepWhen}>{built?.label}</span>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.step}>
          <Field label={t.calTitle}>
            <Textarea
              resize="vertical"
              value={c.shown(s.title)}
              onChange={(_, d) => c.editText(i, 'title', d.value)}
              data-testid="calendar-step-title"
            />
          </Field>
          {vars.length > 0 && (
            <div className={styles.chips} role="group" aria-label={t.calVariables} data-testid="calendar-step-variables">
              <Text size={200}>{t.calVariables}:</Text>
              {vars.map((v, k) => (
                <Tag key={k} size="small" appearance="outline">
                  {`${t.calVars[v.key] ?? v.key} ${v.value}`}
                </Tag>
              ))}
            </div>
          )}
          <Field label={t.calUnit}>
            <Input size="small" value={c.shown(s.unit)} onChange={(_, d) => c.editText(i, 'unit', d.value)} />
          </Field>
          <div className={styles.months}>
            <MonthSelect months={months} value={s.startMonth} label={t.calFrom} onChange={(m) => c.editStep(i, { startMonth: m })} />
            <MonthSelect months={months} value={s.endMonth} label={t.calTo} onChange={(m) => c.editStep(i, { endMonth: m })} />
          </div>
          <Field label={t.calDeadline}>
            <Input
              size="small"
              key={`${i}-${c.deadlineText(s)}`}
              defaultValue={c.deadlineText(s)}
              placeholder={t.calDeadlineHint}
              onBlur={(e) => c.setDeadline(i, e.currentTarget.value)}
            />
          </Field>
          <div className={styles.buttons}>
            <Button size="small" disabled={i === 0} onClick={() => c.moveUp(i)}>
              {t.calUp(no)}
            </Button>
            <Button size="small" disabled={c.template.steps.length <= 1} onClick={() => c.remove(i)}>
              {t.calRemove(no)}
            </Button>
          </div>
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}
