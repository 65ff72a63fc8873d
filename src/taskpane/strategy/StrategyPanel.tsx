/**
 * ประเด็นจังหวัด (strategy fit): choose the province's list of development issues (a built-in preset,
 * the workbook the province sent, or a sheet of this workbook), match every project of the plan to it
 * and list the projects that fit no issue, declare a weaker one or declare none — with the suggested
 * issue, the matched words and the reason. Clicking an item selects its cell (Excel) or shows it in a
 * sheet preview (browser). Excel: highlight / clear / write the result sheet; browser: download it.
 * The choice of list is remembered per workbook (host settings: the workbook's own settings in Excel).
 * Loaded lazily by App.tsx.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  mergeClasses,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { WorkbookModel } from '../../engine/model';
import {
  presetById,
  readStrategies,
  STRATEGY_PRESETS,
  type MatchStatus,
  type StrategyList,
} from '../../engine/strategy';
import { FLAGGED, matchFindings, matchWorkbook, mismatchSheet, STATUS_FILL, statusLabel, type ProjectMatch } from '../../engine/strategy/report';
import type { Host } from '../host/host';
import { BrowserHost, PaneError, isXlsxName, parseXlsx } from '../host/browserHost';
import { STRINGS, type Lang, type Strings } from '../i18n';
import { StatusBars } from '../common/StatusBars';
import { SheetPreview } from '../validate/SheetPreview';
import { SETTING_KEY, listOfChoice, parseChoice, saveChoice, type StrategyChoice } from '../common/strategyChoice';

export interface StrategyPanelProps {
  lang: Lang;
  host: Host;
  download: (bytes: Uint8Array, fileName: string) => void;
}

export { SETTING_KEY, parseChoice, saveChoice, type StrategyChoice } from '../common/strategyChoice';

/** The verdicts as findings, so SheetPreview and host.highlight colour them. */
export const pseudoFindings = matchFindings;

const GROUPS: MatchStatus[] = ['none', 'weak', 'undeclared', 'consistent'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px', padding: '10px 12px' },
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
  issues: { margin: 0, paddingLeft: '4px', listStyle: 'none', fontSize: tokens.fontSizeBase200, maxHeight: '140px', overflowY: 'auto' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: '6px',
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    borderLeft: '4px solid transparent',
    fontSize: tokens.fontSizeBase200,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  itemSelected: { backgroundColor: tokens.colorBrandBackground2 },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-word' },
  badge: {
    display: 'inline-block',
    padding: '0 6px',
    borderRadius: tokens.borderRadiusSmall,
    color: '#242424',
    fontSize: tokens.fontSizeBase100,
    whiteSpace: 'nowrap',
  },
  groupHead: { display: 'flex', gap: '6px', alignItems: 'center' },
  preview: { margin: '4px 0 8px' },
});

type Busy = 'reading' | 'running' | 'output' | null;

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '') || 'workbook';
}

/** Sheets of a workbook that hold an issue list. */
function listsOf(wb: WorkbookModel | null): Array<{ sheet: string; list: StrategyList }> {
  const out: Array<{ sheet: string; list: StrategyList }> = [];
  for (const s of wb?.sheets ?? []) {
    try {
      const list = readStrategies(s);
      if (list) out.push({ sheet: s.name, list });
    } catch {
      /* not a list */
    }
  }
  return out;
}

export default function StrategyPanel({ lang, host, download }: StrategyPanelProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const browser = host instanceof BrowserHost ? host : null;

  const [workbook, setWorkbook] = useState<WorkbookModel | null>(() => browser?.workbook ?? null);
  const [choice, setChoice] = useState<StrategyChoice | null>(null);
  const [provinceFile, setProvinceFile] = useState<{ name: string; lists: Array<{ sheet: string; list: StrategyList }> } | null>(null);
  const [matches, setMatches] = useState<ProjectMatch[] | null>(null);
  const [ranWith, setRanWith] = useState<StrategyList | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ sheet: string; address: string } | null>(null);
  const [open, setOpen] = useState<string[]>(['none', 'weak', 'undeclared']);
  const planInput = useRef<HTMLInputElement>(null);
  const provinceInput = useRef<HTMLInputElement>(null);

  // Excel: read the open workbook once for its name and its issue-list sheets.
  useEffect(() => {
    if (browser) return;
    let live = true;
    host
      .readWorkbook()
      .then((wb) => live && setWorkbook(wb))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [host, browser]);

  // A workbook (re)appears: restore the list chosen for it last time, or remember the current choice for it.
  const wbName = workbook?.name ?? null;
  const choiceRef = useRef<StrategyChoice | null>(null);
  choiceRef.current = choice;
  useEffect(() => {
    if (!wbName) return;
    let live = true;
    host
      .getSetting(SETTING_KEY)
      .then((raw) => {
        if (!live) return;
        const saved = parseChoice(raw);
        if (saved) setChoice(saved);
        else if (choiceRef.current) saveChoice(host, choiceRef.current);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wbName, host]);

  const choose = useCallback(
    (c: StrategyChoice | null) => {
      setChoice(c);
      setMatches(null);
      setSelected(null);
      if (c && wbName) saveChoice(host, c);
    },
    [wbName, host],
  );

  const workbookLists = useMemo(() => listsOf(workbook), [workbook]);

  const list: StrategyList | null = listOfChoice(choice);

  // <select> value: preset id, 'file:<sheet>', 'sheet:<sheet>', or 'saved' for a remembered list.
  const selectValue = !choice
    ? ''
    : choice.kind === 'preset'
      ? choice.id
      : provinceFile?.lists.some((l) => l.list === choice.list)
        ? `file:${provinceFile.lists.find((l) => l.list === choice.list)!.sheet}`
        : workbookLists.some((l) => `sheet:${l.sheet}` === choice.label)
          ? choice.label
          : 'saved';

  const onSelect = (value: string) => {
    if (!value) return choose(null);
    if (value === 'saved') return;
    if (value.startsWith('file:')) {
      const l = provinceFile?.lists.find((x) => `file:${x.sheet}` === value);
      if (l) choose({ kind: 'list', label: `${provinceFile!.name} · ${l.sheet}`, list: l.list });
      return;
    }
    if (value.startsWith('sheet:')) {
      const l = workbookLists.find((x) => `sheet:${x.sheet}` === value);
      if (l) choose({ kind: 'list', label: value, list: l.list });
      return;
    }
    if (presetById(value)) choose({ kind: 'preset', id: value });
  };

  const onProvinceFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setNotice(null);
    if (!isXlsxName(file.name)) {
      setError(new PaneError(`${STRINGS.th.notXlsx}: ${file.name}`, `${STRINGS.en.notXlsx}: ${file.name}`));
      return;
    }
    setBusy('reading');
    try {
      const wb = await parseXlsx(new Uint8Array(await file.arrayBuffer()), file.name);
      const lists = listsOf(wb);
      if (!lists.length) throw new PaneError(STRINGS.th.strategyNoList(file.name), STRINGS.en.strategyNoList(file.name), 'no-list');
      setProvinceFile({ name: file.name, lists });
      choose({ kind: 'list', label: `${file.name} · ${lists[0].sheet}`, list: lists[0].list });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const loadPlan = async (get: (b: BrowserHost) => Promise<WorkbookModel>) => {
    if (!browser) return;
    setBusy('reading');
    setError(null);
    setNotice(null);
    setMatches(null);
    setSelected(null);
    try {
      setWorkbook(await get(browser));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    if (!list) return;
    setBusy('running');
    setError(null);
    setNotice(null);
    setSelected(null);
    try {
      const wb = await host.readWorkbook();
      // Let the spinner paint before the synchronous matching.
      await new Promise((r) => setTimeout(r, 0));
      setWorkbook(wb);
      setMatches(matchWorkbook(wb, list));
      setRanWith(list);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const flagged = useMemo(() => (matches ?? []).filter((m) => FLAGGED.has(m.verdict.status)), [matches]);
  const findings = useMemo(() => pseudoFindings(matches ?? []), [matches]);
  const byStatus = useMemo(() => {
    const m = new Map<MatchStatus, ProjectMatch[]>();
    for (const s of GROUPS) m.set(s, []);
    for (const x of matches ?? []) m.get(x.verdict.status)?.push(x);
    return m;
  }, [matches]);

  const onItem = useCallback(
    (m: ProjectMatch) => {
      const address = `${m.column}${m.row}`;
      setSelected((prev) => (prev && prev.sheet === m.sheet && prev.address === address && !host.selectCell ? null : { sheet: m.sheet, address }));
      host.selectCell?.(m.sheet, address).catch((e) => setError(e));
    },
    [host],
  );

  const withBusy = async (f: () => Promise<void>) => {
    setBusy('output');
    setError(null);
    setNotice(null);
    try {
      await f();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const onDownload = () =>
    withBusy(async () => {
      if (!matches || !ranWith) return;
      const { writeXlsx } = await import(/* webpackChunkName: "xlsx-write" */ '../../xlsx/write');
      download(writeXlsx({ sheets: [mismatchSheet(matches, ranWith, lang)] }), t.strategyFileName(baseName(workbook?.name ?? '')));
    });
  const onWrite = () =>
    withBusy(async () => {
      if (!matches || !ranWith || !host.writeSheet) return;
      await host.writeSheet(mismatchSheet(matches, ranWith, lang));
      setNotice(t.strategySheetWritten);
    });
  const onHighlight = () =>
    withBusy(async () => {
      if (!host.highlight) return;
      await host.highlight(findings);
      setNotice(t.strategyHighlighted(findings.length));
    });
  const onClear = () =>
    withBusy(async () => {
      await host.clearHighlights?.();
    });

  const previewSheet = browser && selected && workbook ? workbook.sheets.find((s) => s.name === selected.sheet) : undefined;
  const previewFindings = useMemo(() => (previewSheet ? findings.filter((f) => f.sheet === previewSheet.name) : []), [findings, previewSheet]);
  const issueName = (code?: string) => {
    if (!code || !ranWith) return '';
    const i = ranWith.issues.find((x) => x.code === code);
    return i ? `${code}. ${i.name}` : code;
  };

  const preset = choice?.kind === 'preset' ? presetById(choice.id) : undefined;

  return (
    <section className={styles.root} data-testid="strategy-panel">
      {/* The issue list */}
      <div className={styles.box}>
        <Text className={styles.label}>{t.strategyList}</Text>
        <Select
          size="small"
          aria-label={t.strategyList}
          value={selectValue}
          onChange={(_, d) => onSelect(d.value)}
          disabled={!!busy}
          data-testid="strategy-preset"
        >
          <option value="">{t.strategyChoose}</option>
          <optgroup label={t.strategyPresets}>
            {STRATEGY_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {lang === 'th' ? p.label : p.labelEn}
              </option>
            ))}
          </optgroup>
          {provinceFile && (
            <optgroup label={`${t.strategyFromFile}: ${provinceFile.name}`}>
              {provinceFile.lists.map((l) => (
                <option key={l.sheet} value={`file:${l.sheet}`}>
                  {l.sheet} ({t.strategyIssues(l.list.issues.length)})
                </option>
              ))}
            </optgroup>
          )}
          {workbookLists.length > 0 && (
            <optgroup label={t.strategyFromWorkbook}>
              {workbookLists.map((l) => (
                <option key={l.sheet} value={`sheet:${l.sheet}`}>
                  {l.sheet} ({t.strategyIssues(l.list.issues.length)})
                </option>
              ))}
            </optgroup>
          )}
          {selectValue === 'saved' && choice?.kind === 'list' && (
            <option value="saved">
              {t.strategySaved}: {choice.label.replace(/^sheet:/, '')}
            </option>
          )}
        </Select>
        <div className={styles.row}>
          <Button size="small" onClick={() => provinceInput.current?.click()} disabled={!!busy} data-testid="strategy-file-button">
            {t.strategyPickFile}
          </Button>
          <input
            ref={provinceInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="strategy-file-input"
            onChange={(e) => {
              void onProvinceFile(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
        </div>
        {list && (
          <>
            <Text className={styles.small}>
              {[list.province, list.period].filter(Boolean).join(' ')} · {t.strategyIssues(list.issues.length)}
            </Text>
            {preset?.note && lang === 'th' && <Text className={styles.small}>{preset.note}</Text>}
            <ol className={styles.issues} data-testid="strategy-issues">
              {list.issues.map((i) => (
                <li key={i.code} data-code={i.code}>
                  {i.code}. {i.name}
                </li>
              ))}
            </ol>
          </>
        )}
      </div>

      {/* The plan to check (browser: shared with the Validate tab) */}
      {browser && (
        <div className={styles.box}>
          <Text className={styles.label}>{t.strategyPlan}</Text>
          <div className={styles.row}>
            <Button size="small" onClick={() => planInput.current?.click()} disabled={!!busy} data-testid="strategy-choose-plan">
              {t.chooseFile}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => void loadPlan((b) => b.loadSample())} disabled={!!busy} data-testid="strategy-sample">
              {t.trySample}
            </Button>
            <input
              ref={planInput}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              hidden
              data-testid="strategy-plan-input"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (!f) return;
                if (!isXlsxName(f.name)) setError(new PaneError(`${STRINGS.th.notXlsx}: ${f.name}`, `${STRINGS.en.notXlsx}: ${f.name}`));
                else void loadPlan((b) => b.loadFile(f));
              }}
            />
          </div>
          <Text className={styles.small} data-testid="strategy-file-name">
            {workbook ? `${t.fileLoaded}: ${workbook.name} · ${t.sheetsCount(workbook.sheets.length)}` : t.noFileYet}
          </Text>
        </div>
      )}

      <div className={styles.row}>
        <Button
          appearance="primary"
          onClick={() => void run()}
          disabled={!!busy || !list || (!!browser && !workbook)}
          data-testid="strategy-run"
        >
          {t.strategyRun}
        </Button>
        {busy && <Spinner size="tiny" label={busy === 'reading' ? t.reading : busy === 'running' ? t.strategyRunning : t.loading} />}
      </div>

      <StatusBars error={error} notice={notice} lang={lang} errorTitle={t.errorTitle} errorTestId="strategy-error" noticeTestId="strategy-notice" />

      {matches && (
        <>
          <Text weight="semibold" data-testid="strategy-summary">
            {matches.length ? t.strategySummary(matches.length, flagged.length) : t.strategyNoProjects}
          </Text>
          <div className={styles.row}>
            {host.highlight && (
              <Button size="small" onClick={() => void onHighlight()} disabled={!!busy} data-testid="strategy-highlight">
                {t.highlight}
              </Button>
            )}
            {host.clearHighlights && (
              <Button size="small" onClick={() => void onClear()} disabled={!!busy} data-testid="strategy-clear">
                {t.clearHighlights}
              </Button>
            )}
            {host.writeSheet && (
              <Button size="small" onClick={() => void onWrite()} disabled={!!busy} data-testid="strategy-write">
                {t.strategyWriteSheet}
              </Button>
            )}
            {browser && (
              <Button size="small" onClick={() => void onDownload()} disabled={!!busy} data-testid="strategy-download">
                {t.strategyDownload}
              </Button>
            )}
          </div>
          <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as string[])} data-testid="strategy-groups">
            {GROUPS.map((status) => {
              const items = byStatus.get(status) ?? [];
              if (!items.length) return null;
              return (
                <AccordionItem key={status} value={status} data-testid="strategy-group" data-status={status}>
                  <AccordionHeader size="small">
                    <span className={styles.groupHead}>
                      <span className={styles.badge} style={{ backgroundColor: `#${STATUS_FILL[status]}` }}>
                        {statusLabel(status, lang)}
                      </span>
                      <span data-testid="strategy-group-count">{items.length}</span>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <div role="list">
                      {items.map((m) => {
                        const address = `${m.column}${m.row}`;
                        const isSel = selected?.sheet === m.sheet && selected.address === address;
                        return (
                          <div key={`${m.sheet}!${address}`}>
                            <Item m={m} t={t} lang={lang} selected={isSel} issueName={issueName} onClick={onItem} />
                            {isSel && previewSheet && (
                              <div className={styles.preview} data-testid="strategy-preview">
                                <SheetPreview sheet={previewSheet} findings={previewFindings} selected={address} />
                              </div>
                            )}
                          </div>
                        );
                      })}
                    </div>
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>
        </>
      )}
    </section>
  );
}

interface ItemProps {
  m: ProjectMatch;
  t: Strings;
  lang: Lang;
  selected: boolean;
  issueName(code?: string): string;
  onClick(m: ProjectMatch): void;
}

function Item({ m, t, lang, selected, issueName, onClick }: ItemProps) {
  const styles = useStyles();
  const v = m.verdict;
  const address = `${m.column}${m.row}`;
  const declared = v.declared ? issueName(v.declared) : (v.declaredUnknown ?? '');
  const suggested = issueName(v.suggested);
  return (
    <div
      role="listitem"
      tabIndex={0}
      className={mergeClasses(styles.item, selected && styles.itemSelected)}
      style={{ borderLeftColor: `#${STATUS_FILL[v.status]}` }}
      data-testid="strategy-item"
      data-status={v.status}
      data-sheet={m.sheet}
      data-cell={address}
      data-selected={selected ? 'true' : undefined}
      onClick={() => onClick(m)}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onClick(m);
        }
      }}
    >
      <span className={styles.where}>
        {m.sheet}!{address}
      </span>
      <span className={styles.name}>{m.name}</span>
      <span>
        <span className={styles.badge} style={{ backgroundColor: `#${STATUS_FILL[v.status]}` }} data-testid="strategy-status">
          {statusLabel(v.status, lang)}
        </span>
      </span>
      {(declared || suggested) && (
        <span data-testid="strategy-declared">
          {t.strategyDeclared}: {declared || t.strategyNone}
          {suggested && v.suggested !== v.declared ? ` → ${t.strategySuggested}: ${suggested}` : ''}
        </span>
      )}
      {v.matched.length > 0 && (
        <span className={styles.where}>
          {t.strategyMatched}: {v.matched.join(', ')}
        </span>
      )}
      <span data-testid="strategy-reason">{lang === 'th' ? v.reason : v.reasonEn}</span>
    </div>
  );
}
