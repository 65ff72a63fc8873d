/**
 * ตรวจสอบแผน: pick the plan (browser) or use the open workbook (Excel), check it, and read the result
 * first: a one-line summary and the report's download / write right under the action, then each sheet's
 * findings as a collapsed group with its counts, then the sheet preview. The logic is useValidation's.
 */
import { useRef, type KeyboardEvent } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Finding, Severity, SheetReport } from '../../engine/findings';
import { CHECKED_KINDS } from '../../engine/plan';
import type { Host } from '../host/host';
import { beYear, findingMessage, formatNumber, say, STRINGS, type Lang, type Strings } from '../i18n';
import { ActionBar } from '../common/ActionBar';
import { FileDrop } from '../common/FileDrop';
import { StatusBars } from '../common/StatusBars';
import { useFocusOn } from '../common/useFocusOn';
import { ColumnMapping } from './ColumnMapping';
import { SheetPreview } from './SheetPreview';
import { useValidation, type Selection, type Validation } from './useValidation';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px', padding: '10px 12px', minWidth: 0 },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  summary: { fontWeight: tokens.fontWeightSemibold, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  sheetHeader: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px', minWidth: 0 },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', textAlign: 'left' },
  meta: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
  totals: { margin: '4px 0', padding: 0, listStyle: 'none', fontSize: tokens.fontSizeBase200 },
  finding: {
    display: 'flex',
    gap: '6px',
    alignItems: 'flex-start',
    padding: '6px',
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    borderLeft: '3px solid transparent',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  // Windows high contrast drops backgrounds: the selected finding keeps an outline.
  findingSelected: { backgroundColor: tokens.colorBrandBackground2, '@media (forced-colors: active)': { outline: '2px solid Highlight' } },
  findingText: { flexGrow: 1, minWidth: 0, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  sectionTitle: { fontWeight: tokens.fontWeightSemibold },
});

const SEV_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const SEV_BORDER: Record<Severity, string> = { error: '#c50f1f', warning: '#f7630c', info: '#0f6cbd' };

export function ValidatePanel({ host, lang }: { host: Host; lang: Lang }) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const v = useValidation(host, lang);
  const { task, report, workbook, counts } = v;
  const summaryRef = useRef<HTMLSpanElement>(null);
  useFocusOn(report, summaryRef);

  const busyText = task.busy === 'reading' ? t.reading : task.busy === 'validating' ? t.validating : task.busy ? t.loading : null;
  const summary = !report
    ? ''
    : report.error
      ? say(report.error, lang)
      : !report.sheets.some((s) => CHECKED_KINDS.has(s.kind))
        ? t.nothingChecked(report.sheets.length) // "no problems" only when something was checked
        : counts.all === 0
          ? t.allGood
          : t.summary(report.sheets.length, counts.errors, counts.warnings);

  return (
    <section className={styles.root} data-testid="validate-panel" aria-label={t.tabValidate}>
      {v.picks ? (
        <FileDrop
          hint={t.planFileHint}
          chooseLabel={t.chooseFile}
          onFiles={(files) => void v.pick(files[0])}
          disabled={!!task.busy}
          sample={{ label: t.trySample, onClick: () => void v.pickSample(), testId: 'sample-button' }}
          status={workbook ? `${t.fileLoaded}: ${workbook.name} · ${t.sheetsCount(workbook.sheets.length)}` : t.noFileYet}
          testIds={{ zone: 'drop-zone', choose: 'choose-file', input: 'file-input', status: 'file-name' }}
        />
      ) : (
        <Text size={200}>{t.validateExcelHint}</Text>
      )}

      <ActionBar label={t.tabValidate}>
        <Button appearance="primary" onClick={() => void v.run()} disabled={!v.canRun} data-testid="validate-button">
          {v.picks ? t.validateFileAction : t.validateAction}
        </Button>
      </ActionBar>

      <StatusBars
        t={t}
        lang={lang}
        error={task.error}
        notice={task.notice}
        busyText={busyText}
        announce={summary}
        testIds={{ error: 'error-bar', notice: 'notice-bar', busy: 'busy' }}
      />

      {report && (
        <>
          {report.error && (
            <MessageBar intent="error" data-testid="report-error">
              <MessageBarBody>{say(report.error, lang)}</MessageBarBody>
            </MessageBar>
          )}
          <Text className={styles.summary} data-testid="summary" ref={summaryRef} tabIndex={-1}>
            {report.error ? t.summary(report.sheets.length, counts.errors, counts.warnings) : summary}
          </Text>
          <ActionBar label={t.resultsHeading}>
            {host.download && (
              <Button
                size="small"
                appearance="primary"
                onClick={() => void v.download()}
                disabled={!!task.busy}
                data-testid="download-report"
              >
                {t.downloadReport}
              </Button>
            )}
            {host.writeSheet && (
              <Button size="small" onClick={() => void v.writeReport()} disabled={!!task.busy} data-testid="write-report">
                {t.writeReport}
              </Button>
            )}
            {host.highlight && (
              <Button size="small" onClick={() => void v.highlight()} disabled={!!task.busy} data-testid="highlight">
                {t.highlight}
              </Button>
            )}
            {host.clearHighlights && (
              <Button size="small" onClick={() => void v.clearHighlights()} disabled={!!task.busy} data-testid="clear-highlights">
                {t.clearHighlights}
              </Button>
            )}
          </ActionBar>
          <SheetList v={v} t={t} lang={lang} canFix={!!host.applyFix} />
        </>
      )}

      {v.picks && workbook && workbook.sheets.length > 0 && (
        <div data-testid="preview-section">
          <div className={styles.row} style={{ marginBottom: 4 }}>
            <Text className={styles.sectionTitle} id="preview-title">
              {t.preview}
            </Text>
            <Select
              size="small"
              aria-label={t.previewSheet}
              value={v.previewSheet ?? ''}
              onChange={(_, d) => v.setPreviewSheet(d.value)}
              data-testid="preview-sheet-select"
              style={{ minWidth: 0, flexGrow: 1 }}
            >
              {workbook.sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </Select>
          </div>
          {v.preview && (
            <SheetPreview
              sheet={v.preview}
              findings={v.previewFindings}
              selected={v.selection && v.selection.sheet === v.preview.name ? v.selection.address : null}
              label={`${t.preview}: ${v.preview.name}`}
            />
          )}
        </div>
      )}
    </section>
  );
}

/** Every sheet as a collapsed group (name, kind, counts); the first sheet with errors opens by itself. */
function SheetList({ v, t, lang, canFix }: { v: Validation; t: Strings; lang: Lang; canFix: boolean }) {
  const report = v.report!;
  const firstWithErrors = report.sheets.find((s) => s.findings.some((f) => f.severity === 'error'));
  return (
    <Accordion
      multiple
      collapsible
      defaultOpenItems={firstWithErrors ? [firstWithErrors.name] : []}
      key={report.file}
      data-testid="sheet-list"
      aria-label={t.sheetsHeading(report.sheets.length)}
    >
      {report.sheets.map((s) => (
        <SheetItem
          key={s.name}
          sheet={s}
          t={t}
          lang={lang}
          selection={v.selection}
          canFix={canFix}
          onFindingClick={v.select}
          onFix={(f) => void v.fix(f)}
          mapping={v.mappings[s.name]}
          onSaveMapping={v.saveMapping}
        />
      ))}
    </Accordion>
  );
}

interface SheetItemProps {
  sheet: SheetReport;
  t: Strings;
  lang: Lang;
  selection: Selection | null;
  canFix: boolean;
  onFindingClick(f: Finding): void;
  onFix(f: Finding): void;
  mapping: Record<string, string> | undefined;
  onSaveMapping(sheet: string, mapping: Record<string, string> | undefined): void;
}

function SheetItem({ sheet, t, lang, selection, canFix, onFindingClick, onFix, mapping, onSaveMapping }: SheetItemProps) {
  const styles = useStyles();
  const errors = sheet.findings.filter((f) => f.severity === 'error').length;
  const warnings = sheet.findings.filter((f) => f.severity === 'warning').length;
  const years = Object.entries(sheet.totals)
    .map(([k, amount]) => ({ year: beYear(k), amount }))
    .filter((y) => Number.isFinite(y.year))
    .sort((a, b) => a.year - b.year);

  return (
    <AccordionItem value={sheet.name} data-testid="sheet-item" data-sheet={sheet.name} data-kind={sheet.kind}>
      <AccordionHeader size="small" data-testid="sheet-header">
        <span className={styles.sheetHeader}>
          <span className={styles.sheetName}>{sheet.name}</span>
          <span className={styles.meta}>
            <Badge
              appearance="outline"
              color="brand"
              size="small"
              data-testid="sheet-kind"
              title={(lang === 'en' ? sheet.kindReasonEn : sheet.kindReason) ?? undefined}
            >
              {t.kinds[sheet.kind] ?? sheet.kind}
            </Badge>
            {sheet.projects > 0 && (
              <Badge appearance="tint" color="subtle" size="small">
                {t.projectsCount(sheet.projects)}
              </Badge>
            )}
            {errors > 0 && (
              <Badge appearance="filled" color="danger" size="small">
                {`${t.severity.error} ${errors}`}
              </Badge>
            )}
            {warnings > 0 && (
              <Badge appearance="filled" color="warning" size="small">
                {`${t.severity.warning} ${warnings}`}
              </Badge>
            )}
          </span>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        {sheet.formCode && (
          <Text size={200} block>
            {t.formCode} {sheet.formCode}
          </Text>
        )}
        {years.length > 0 && (
          <>
            <Text size={200} weight="semibold" block>
              {t.totals}
            </Text>
            <ul className={styles.totals} data-testid="sheet-totals">
              {years.map((y) => (
                <li key={y.year} data-year={y.year}>
                  {t.fiscalYear} {y.year}: {formatNumber(y.amount)} {t.baht}
                </li>
              ))}
            </ul>
          </>
        )}
        {sheet.findings.length === 0 ? (
          <Text size={200}>{t.noFindings}</Text>
        ) : (
          <div role="list" aria-label={t.findingsOn(sheet.name, errors, warnings)}>
            {sheet.findings.map((f, i) => {
              const address = f.row != null && f.column ? `${f.column}${f.row}` : null;
              const isSel = selection?.sheet === f.sheet && selection.address === address;
              return (
                <div
                  key={`${f.code}:${address ?? ''}#${i}`}
                  role="listitem"
                  tabIndex={0}
                  aria-current={isSel ? 'true' : undefined}
                  className={mergeClasses(styles.finding, isSel && styles.findingSelected)}
                  style={{ borderLeftColor: SEV_BORDER[f.severity] }}
                  data-testid="finding"
                  data-code={f.code}
                  data-severity={f.severity}
                  data-cell={address ?? undefined}
                  onClick={() => onFindingClick(f)}
                  onKeyDown={(e: KeyboardEvent) => {
                    if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
                      e.preventDefault();
                      onFindingClick(f);
                    }
                  }}
                >
                  <Badge
                    appearance="filled"
                    color={SEV_COLOR[f.severity]}
                    size="small"
                    data-testid="severity"
                    style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
                  >
                    {t.severity[f.severity]}
                  </Badge>
                  <span className={styles.findingText}>
                    <span data-testid="finding-message">{findingMessage(f, lang)}</span>
                    <br />
                    <span className={styles.where}>
                      {f.row != null ? `${t.row} ${f.row}` : t.wholeSheet}
                      {f.column ? ` · ${t.column} ${f.column}` : ''}
                    </span>
                  </span>
                  {f.fix && canFix && (
                    <Button
                      size="small"
                      appearance="outline"
                      title={say({ message: f.fix.label, messageEn: f.fix.labelEn }, lang)}
                      data-testid="fix-button"
                      onClick={(e) => {
                        e.stopPropagation();
                        onFix(f);
                      }}
                    >
                      {t.fix}
                    </Button>
                  )}
                </div>
              );
            })}
          </div>
        )}
        {(sheet.columns || sheet.findings.some((f) => f.code === 'required-column-missing')) && (
          <ColumnMapping
            lang={lang}
            sheet={sheet.name}
            detected={sheet.columns ?? {}}
            saved={mapping}
            onSave={(m) => onSaveMapping(sheet.name, m)}
          />
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}
