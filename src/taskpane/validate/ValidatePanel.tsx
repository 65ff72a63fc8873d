/**
 * ตรวจสอบแผน: load (browser) or read (Excel) the workbook, run validateWorkbook, show findings per
 * sheet, select cells, apply safe fixes, download / write the report. The validator, reader and report
 * writer are imported on demand.
 */
import { useCallback, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
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
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { WorkbookModel } from '../../engine/model';
import type { Finding, Severity, SheetReport, WorkbookReport } from '../../engine/validate/findings';
import type { Host } from '../host/host';
import { BrowserHost, PaneError, isXlsxName } from '../host/browserHost';
import { beYear, formatNumber, STRINGS, type Lang, type Strings } from '../i18n';
import { StatusBars } from '../common/StatusBars';
import { ColumnMapping } from './ColumnMapping';
import { SheetPreview } from './SheetPreview';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px', padding: '10px 12px' },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '12px',
    textAlign: 'center',
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    alignItems: 'center',
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  fileName: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, wordBreak: 'break-all' },
  summary: { fontWeight: tokens.fontWeightSemibold },
  sheetHeader: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px', minWidth: 0 },
  sheetName: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all', textAlign: 'left' },
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
  findingSelected: { backgroundColor: tokens.colorBrandBackground2 },
  findingText: { flexGrow: 1, minWidth: 0, fontSize: tokens.fontSizeBase200 },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  sectionTitle: { fontWeight: tokens.fontWeightSemibold, marginTop: '4px' },
});

const SEV_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};
const SEV_BORDER: Record<Severity, string> = { error: '#c50f1f', warning: '#f7630c', info: '#0f6cbd' };

type Busy = 'reading' | 'validating' | 'report' | 'highlight' | null;

interface Selection {
  sheet: string;
  address: string | null;
}

/** Officer's column mappings for this workbook: sheet → field → column letter. */
type Mappings = Record<string, Record<string, string>>;
const MAPPING_KEY = 'columnMapping';

async function loadMappings(host: Host): Promise<Mappings> {
  try {
    const raw = await host.getSetting(MAPPING_KEY);
    const v = raw ? (JSON.parse(raw) as unknown) : {};
    if (!v || typeof v !== 'object') return {};
    const out: Mappings = {};
    for (const [sheet, m] of Object.entries(v as Record<string, unknown>)) {
      if (!m || typeof m !== 'object') continue;
      out[sheet] = Object.fromEntries(Object.entries(m as Record<string, unknown>).filter(([, l]) => typeof l === 'string' && /^[A-Z]{1,3}$/.test(l))) as Record<string, string>;
    }
    return out;
  } catch {
    return {};
  }
}

function findingKey(f: Finding): string {
  return `${f.sheet}!${f.column ?? ''}${f.row ?? ''}:${f.code}`;
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '');
}

export interface ValidatePanelProps {
  host: Host;
  lang: Lang;
  download: (bytes: Uint8Array, fileName: string) => void;
}

export function ValidatePanel({ host, lang, download }: ValidatePanelProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const browser = host instanceof BrowserHost ? host : null;

  const [workbook, setWorkbook] = useState<WorkbookModel | null>(null);
  const [report, setReport] = useState<WorkbookReport | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<string[]>([]);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [previewSheet, setPreviewSheet] = useState<string | null>(null);
  const [dragOver, setDragOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(
    async (get: (b: BrowserHost) => Promise<WorkbookModel>) => {
      if (!browser) return;
      setBusy('reading');
      setError(null);
      setNotice(null);
      setReport(null);
      setSelection(null);
      try {
        const wb = await get(browser);
        setWorkbook(wb);
        setPreviewSheet(wb.sheets.find((s) => !s.hidden)?.name ?? wb.sheets[0]?.name ?? null);
      } catch (e) {
        setWorkbook(null);
        setError(e);
      } finally {
        setBusy(null);
      }
    },
    [browser],
  );

  const onFiles = useCallback(
    (files: FileList | null | undefined) => {
      const file = files?.[0];
      if (!file) return;
      if (!isXlsxName(file.name)) {
        setError(new PaneError(`${STRINGS.th.notXlsx}: ${file.name}`, `${STRINGS.en.notXlsx}: ${file.name}`));
        return;
      }
      void load((b) => b.loadFile(file));
    },
    [load],
  );

  const [mappings, setMappings] = useState<Mappings>({});
  const runValidateRef = useRef<() => Promise<void>>(async () => undefined);
  const onSaveMapping = useCallback(
    (sheetName: string, mapping: Record<string, string> | undefined) => {
      const next = { ...mappings };
      if (mapping) next[sheetName] = mapping;
      else delete next[sheetName];
      setMappings(next);
      host
        .setSetting(MAPPING_KEY, JSON.stringify(next))
        .then(() => runValidateRef.current())
        .catch((e) => setError(e));
    },
    [host, mappings],
  );

  const runValidate = useCallback(async () => {
    setBusy('validating');
    setError(null);
    setNotice(null);
    try {
      const wb = await host.readWorkbook();
      const { validateWorkbook } = await import(/* webpackChunkName: "validate" */ '../../engine/validate');
      const saved = await loadMappings(host);
      setMappings(saved);
      const rep = validateWorkbook(wb, { columnMappings: saved });
      setWorkbook(wb);
      setReport(rep);
      setOpen((prev) => {
        if (prev.length) return prev.filter((n) => rep.sheets.some((s) => s.name === n));
        const first = rep.sheets.find((s) => s.findings.some((f) => f.severity === 'error'));
        return first ? [first.name] : [];
      });
      setPreviewSheet((prev) => prev ?? rep.sheets[0]?.name ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, [host]);
  runValidateRef.current = runValidate;

  const onFindingClick = useCallback(
    (f: Finding) => {
      const address = f.row != null && f.column ? `${f.column}${f.row}` : null;
      setSelection({ sheet: f.sheet, address });
      setPreviewSheet(f.sheet);
      if (host.selectCell) {
        host.selectCell(f.sheet, address ?? 'A1').catch((e) => setError(e));
      }
    },
    [host],
  );

  const onFix = useCallback(
    async (f: Finding) => {
      if (!f.fix || !host.applyFix || busy) return;
      try {
        // Another tab may have opened a different file since this report was made.
        const current = await host.readWorkbook();
        if (report && current.name !== report.file) {
          setError(new PaneError(`ไฟล์ที่เปิดเปลี่ยนเป็น ${current.name} แล้ว — กดตรวจสอบแผนอีกครั้งก่อนแก้`, `The open file is now ${current.name}: validate again before fixing`));
          return;
        }
        setBusy('validating');
        await host.applyFix(f.sheet, f.fix);
        await runValidate();
        setNotice(`${t.fixed}: ${f.sheet}!${f.fix.column}${f.fix.row}`);
      } catch (e) {
        setError(e);
      } finally {
        setBusy(null);
      }
    },
    [host, runValidate, t, report, busy],
  );

  const buildReport = useCallback(async () => {
    if (!report) return null;
    const { reportWorkbook } = await import(/* webpackChunkName: "report" */ '../../engine/validate/report');
    return reportWorkbook([report], lang);
  }, [report, lang]);

  const onDownload = useCallback(async () => {
    if (!report) return;
    setBusy('report');
    setError(null);
    try {
      const [wb, { writeXlsx }] = await Promise.all([
        buildReport(),
        import(/* webpackChunkName: "xlsx-write" */ '../../xlsx/write'),
      ]);
      if (!wb) return;
      download(writeXlsx(wb), `รายงานตรวจสอบ-${baseName(report.file || 'workbook')}.xlsx`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, [report, buildReport, download]);

  const onWriteReport = useCallback(async () => {
    if (!host.writeSheet) return;
    setBusy('report');
    setError(null);
    try {
      const wb = await buildReport();
      for (const s of wb?.sheets ?? []) await host.writeSheet(s);
      setNotice(t.reportWritten);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, [host, buildReport, t]);

  const allFindings = useMemo(() => report?.sheets.flatMap((s) => s.findings) ?? [], [report]);

  const onHighlight = useCallback(async () => {
    if (!host.highlight) return;
    setBusy('highlight');
    try {
      await host.highlight(allFindings);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, [host, allFindings]);

  const onClearHighlights = useCallback(async () => {
    if (!host.clearHighlights) return;
    setBusy('highlight');
    try {
      await host.clearHighlights();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, [host]);

  const counts = useMemo(() => {
    let errors = 0;
    let warnings = 0;
    for (const f of allFindings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    return { errors, warnings };
  }, [allFindings]);

  const preview = browser && workbook ? workbook.sheets.find((s) => s.name === previewSheet) : undefined;
  const previewFindings = useMemo(
    () => (report && preview ? (report.sheets.find((s) => s.name === preview.name)?.findings ?? []) : []),
    [report, preview],
  );

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragOver(false);
    onFiles(e.dataTransfer?.files);
  };

  const canValidate = !busy && (!browser || !!workbook);

  return (
    <section className={styles.root} data-testid="validate-panel">
      {browser ? (
        <div
          className={mergeClasses(styles.drop, dragOver && styles.dropActive)}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragOver(true);
          }}
          onDragLeave={() => setDragOver(false)}
          onDrop={onDrop}
        >
          <Text size={200}>{t.dropHint}</Text>
          <div className={styles.row}>
            <Button size="small" onClick={() => fileInput.current?.click()} disabled={!!busy} data-testid="choose-file">
              {t.chooseFile}
            </Button>
            <Button
              size="small"
              appearance="subtle"
              onClick={() => void load((b) => b.loadSample())}
              disabled={!!busy}
              data-testid="sample-button"
            >
              {t.trySample}
            </Button>
          </div>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="file-input"
            onChange={(e) => {
              onFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          <span className={styles.fileName} data-testid="file-name">
            {workbook ? `${t.fileLoaded}: ${workbook.name} · ${t.sheetsCount(workbook.sheets.length)}` : t.noFileYet}
          </span>
        </div>
      ) : (
        <Text size={200}>{t.validateExcelHint}</Text>
      )}

      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void runValidate()} disabled={!canValidate} data-testid="validate-button">
          {t.validate}
        </Button>
        {busy && (
          <Spinner
            size="tiny"
            label={busy === 'reading' ? t.reading : busy === 'validating' ? t.validating : t.loading}
            data-testid="busy"
          />
        )}
      </div>

      <StatusBars error={error} notice={notice} lang={lang} errorTitle={t.errorTitle} errorTestId="error-bar" noticeTestId="notice-bar" />
      {report?.error && (
        <MessageBar intent="error" data-testid="report-error">
          <MessageBarBody>{report.error.message}</MessageBarBody>
        </MessageBar>
      )}

      {report && (
        <>
          <Text className={styles.summary} data-testid="summary">
            {allFindings.length === 0 && !report.error
              ? t.allGood
              : t.summary(report.sheets.length, counts.errors, counts.warnings)}
          </Text>
          <div className={styles.row}>
            <Button size="small" onClick={() => void onDownload()} disabled={!!busy} data-testid="download-report">
              {t.downloadReport}
            </Button>
            {host.writeSheet && (
              <Button size="small" onClick={() => void onWriteReport()} disabled={!!busy} data-testid="write-report">
                {t.writeReport}
              </Button>
            )}
            {host.highlight && (
              <Button size="small" onClick={() => void onHighlight()} disabled={!!busy} data-testid="highlight">
                {t.highlight}
              </Button>
            )}
            {host.clearHighlights && (
              <Button size="small" onClick={() => void onClearHighlights()} disabled={!!busy} data-testid="clear-highlights">
                {t.clearHighlights}
              </Button>
            )}
          </div>
          <Accordion
            multiple
            collapsible
            openItems={open}
            onToggle={(_, d) => setOpen(d.openItems as string[])}
            data-testid="sheet-list"
          >
            {report.sheets.map((s) => (
              <SheetItem
                key={s.name}
                sheet={s}
                t={t}
                lang={lang}
                selection={selection}
                canFix={!!host.applyFix}
                onFindingClick={onFindingClick}
                onFix={onFix}
                mapping={mappings[s.name]}
                onSaveMapping={onSaveMapping}
              />
            ))}
          </Accordion>
        </>
      )}

      {browser && workbook && workbook.sheets.length > 0 && (
        <div data-testid="preview-section">
          <div className={styles.row} style={{ marginBottom: 4 }}>
            <Text className={styles.sectionTitle}>{t.preview}</Text>
            <Select
              size="small"
              aria-label={t.previewSheet}
              value={previewSheet ?? ''}
              onChange={(_, d) => setPreviewSheet(d.value)}
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
          {preview && (
            <SheetPreview
              sheet={preview}
              findings={previewFindings}
              selected={selection && selection.sheet === preview.name ? selection.address : null}
            />
          )}
        </div>
      )}
    </section>
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
    .map(([k, v]) => ({ year: beYear(k), amount: v }))
    .filter((y) => Number.isFinite(y.year))
    .sort((a, b) => a.year - b.year);

  return (
    <AccordionItem value={sheet.name} data-testid="sheet-item" data-sheet={sheet.name} data-kind={sheet.kind}>
      <AccordionHeader size="small" data-testid="sheet-header">
        <span className={styles.sheetHeader}>
          <span className={styles.sheetName}>{sheet.name}</span>
          <span className={styles.meta}>
            <Badge appearance="outline" color="brand" size="small" data-testid="sheet-kind">
              {t.kinds[sheet.kind] ?? sheet.kind}
            </Badge>
            {sheet.projects > 0 && (
              <Badge appearance="tint" color="subtle" size="small">
                {t.projectsCount(sheet.projects)}
              </Badge>
            )}
            {errors > 0 && (
              <Badge appearance="filled" color="danger" size="small">
                {errors}
              </Badge>
            )}
            {warnings > 0 && (
              <Badge appearance="filled" color="warning" size="small">
                {warnings}
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
          <div role="list">
            {sheet.findings.map((f, i) => {
              const address = f.row != null && f.column ? `${f.column}${f.row}` : null;
              const isSel = selection?.sheet === f.sheet && selection.address === address;
              return (
                <div
                  key={`${findingKey(f)}#${i}`}
                  role="listitem"
                  tabIndex={0}
                  className={mergeClasses(styles.finding, isSel && styles.findingSelected)}
                  style={{ borderLeftColor: SEV_BORDER[f.severity] }}
                  data-testid="finding"
                  data-code={f.code}
                  data-severity={f.severity}
                  data-cell={address ?? undefined}
                  onClick={() => onFindingClick(f)}
                  onKeyDown={(e: KeyboardEvent) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onFindingClick(f);
                    }
                  }}
                >
                  <Badge appearance="filled" color={SEV_COLOR[f.severity]} size="small" data-testid="severity" style={{ whiteSpace: "nowrap", flexShrink: 0 }}>
                    {t.severity[f.severity]}
                  </Badge>
                  <span className={styles.findingText}>
                    <span data-testid="finding-message">{lang === 'th' ? f.message : f.messageEn}</span>
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
                      title={lang === 'th' ? f.fix.label : f.fix.labelEn}
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
          <ColumnMapping lang={lang} sheet={sheet.name} detected={sheet.columns ?? {}} saved={mapping} onSave={(m) => onSaveMapping(sheet.name, m)} />
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}
