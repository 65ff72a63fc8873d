/**
 * ประเด็นจังหวัด (strategy fit): choose the province's list of development issues (a built-in preset,
 * the workbook the province sent, or a sheet of this workbook), match every project of the plan to it
 * and read the result first: a one-line summary and the result sheet's download / write right under
 * the action, then the projects that fit no issue, declare a weaker one or declare none as collapsed
 * groups with counts — each with the suggested issue, the matched words and the reason. Clicking an
 * item selects its cell (Excel) or shows it in a sheet preview (browser). The logic is useStrategy's.
 * Loaded lazily by App.tsx.
 */
import { useRef, type KeyboardEvent } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  mergeClasses,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { STRATEGY_PRESETS } from '../../engine/strategy';
import { STATUS_FILL, statusLabel, type ProjectMatch } from '../../engine/strategy/report';
import { PICK_ACCEPT, type Host } from '../host/host';
import { say, STRINGS, type Lang, type Strings } from '../i18n';
import { ActionBar } from '../common/ActionBar';
import { FileDrop } from '../common/FileDrop';
import { StatusBars } from '../common/StatusBars';
import { useFocusOn } from '../common/useFocusOn';
import { SheetPreview } from '../validate/SheetPreview';
import { GROUPS, useStrategy } from './useStrategy';

export { SETTING_KEY, parseChoice, saveChoice, type StrategyChoice } from '../common/strategyChoice';

export interface StrategyPanelProps {
  lang: Lang;
  host: Host;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px', padding: '10px 12px', minWidth: 0 },
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
  itemSelected: { backgroundColor: tokens.colorBrandBackground2, '@media (forced-colors: active)': { outline: '2px solid Highlight' } },
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
  picker: { width: '100%', minWidth: 0, maxWidth: '100%' },
  summary: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

export default function StrategyPanel({ lang, host }: StrategyPanelProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const s = useStrategy(host, lang);
  const { task, list, matches } = s;
  const provinceInput = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLSpanElement>(null);
  useFocusOn(matches, summaryRef);

  const busyText = task.busy === 'reading' ? t.reading : task.busy === 'running' ? t.strategyRunning : task.busy ? t.loading : null;
  const summary = matches ? (matches.length ? t.strategySummary(matches.length, s.flagged.length) : t.strategyNoProjects) : '';

  return (
    <section className={styles.root} data-testid="strategy-panel" aria-label={t.tabStrategy}>
      {/* The issue list */}
      <div className={styles.box}>
        <Text className={styles.label} id="strategy-list-label">
          {t.strategyList}
        </Text>
        <Select
          size="small"
          aria-labelledby="strategy-list-label"
          value={s.selectValue}
          onChange={(_, d) => s.select(d.value)}
          disabled={!!task.busy}
          data-testid="strategy-preset"
          className={styles.picker}
        >
          <option value="">{t.strategyChoose}</option>
          <optgroup label={t.strategyPresets}>
            {STRATEGY_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {lang === 'th' ? p.label : p.labelEn}
              </option>
            ))}
          </optgroup>
          {s.provinceFile && (
            <optgroup label={`${t.strategyFromFile}: ${s.provinceFile.name}`}>
              {s.provinceFile.lists.map((l) => (
                <option key={l.sheet} value={`file:${l.sheet}`}>
                  {l.sheet} ({t.strategyIssues(l.list.issues.length)})
                </option>
              ))}
            </optgroup>
          )}
          {s.workbookLists.length > 0 && (
            <optgroup label={t.strategyFromWorkbook}>
              {s.workbookLists.map((l) => (
                <option key={l.sheet} value={`sheet:${l.sheet}`}>
                  {l.sheet} ({t.strategyIssues(l.list.issues.length)})
                </option>
              ))}
            </optgroup>
          )}
          {s.selectValue === 'saved' && s.choice?.kind === 'list' && (
            <option value="saved">
              {t.strategySaved}: {s.choice.label.replace(/^sheet:/, '')}
            </option>
          )}
        </Select>
        <div className={styles.row}>
          <Button size="small" onClick={() => provinceInput.current?.click()} disabled={!!task.busy} data-testid="strategy-file-button">
            {t.strategyPickFile}
          </Button>
          <input
            ref={provinceInput}
            type="file"
            accept={PICK_ACCEPT}
            hidden
            tabIndex={-1}
            aria-hidden="true"
            data-testid="strategy-file-input"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) void s.pickProvinceFile(f);
            }}
          />
        </div>
        {list && (
          <>
            <Text className={styles.small}>
              {[list.province, list.period].filter(Boolean).join(' ')} · {t.strategyIssues(list.issues.length)}
            </Text>
            {s.preset?.note && (
              <Text className={styles.small} data-testid="preset-note">
                {lang === 'en' ? (s.preset.noteEn ?? s.preset.note) : s.preset.note}
              </Text>
            )}
            <ol className={styles.issues} data-testid="strategy-issues" aria-label={t.strategyIssues(list.issues.length)} tabIndex={0}>
              {list.issues.map((i) => (
                <li key={i.code} data-code={i.code}>
                  {i.code}. {i.name}
                </li>
              ))}
            </ol>
          </>
        )}
      </div>

      {/* The plan to check (browser: the file shared with the other tabs) */}
      {s.picks && (
        <FileDrop
          hint={`${t.strategyPlan}: ${t.planFileHint}`}
          chooseLabel={t.chooseFile}
          onFiles={(files) => void s.pickPlan(files[0])}
          disabled={!!task.busy}
          sample={{ label: t.trySample, onClick: () => void s.pickSample(), testId: 'strategy-sample' }}
          status={s.workbook ? `${t.fileLoaded}: ${s.workbook.name} · ${t.sheetsCount(s.workbook.sheets.length)}` : t.noFileYet}
          testIds={{ zone: 'strategy-drop', choose: 'strategy-choose-plan', input: 'strategy-plan-input', status: 'strategy-file-name' }}
        />
      )}

      <ActionBar label={t.tabStrategy}>
        <Button appearance="primary" onClick={() => void s.run()} disabled={!s.canRun} data-testid="strategy-run">
          {t.strategyRun}
        </Button>
      </ActionBar>

      <StatusBars
        t={t}
        lang={lang}
        error={task.error}
        notice={task.notice}
        busyText={busyText}
        announce={summary}
        testIds={{ error: 'strategy-error', notice: 'strategy-notice' }}
      />

      {matches && (
        <>
          <Text weight="semibold" data-testid="strategy-summary" ref={summaryRef} tabIndex={-1} className={styles.summary}>
            {summary}
          </Text>
          <ActionBar label={t.resultsHeading}>
            {host.writeSheet && (
              <Button size="small" appearance="primary" onClick={() => void s.write()} disabled={!!task.busy} data-testid="strategy-write">
                {t.strategyWriteSheet}
              </Button>
            )}
            {s.picks && host.download && (
              <Button
                size="small"
                appearance="primary"
                onClick={() => void s.download()}
                disabled={!!task.busy}
                data-testid="strategy-download"
              >
                {t.strategyDownload}
              </Button>
            )}
            {host.highlight && (
              <Button size="small" onClick={() => void s.highlight()} disabled={!!task.busy} data-testid="strategy-highlight">
                {t.highlight}
              </Button>
            )}
            {host.clearHighlights && (
              <Button size="small" onClick={() => void s.clearHighlights()} disabled={!!task.busy} data-testid="strategy-clear">
                {t.clearHighlights}
              </Button>
            )}
          </ActionBar>
          <Accordion multiple collapsible defaultOpenItems={['none']} data-testid="strategy-groups">
            {GROUPS.map((status) => {
              const items = s.byStatus.get(status) ?? [];
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
                    <div role="list" aria-label={`${statusLabel(status, lang)} (${items.length})`}>
                      {items.map((m) => {
                        const address = `${m.column}${m.row}`;
                        const isSel = s.selected?.sheet === m.sheet && s.selected.address === address;
                        return (
                          <div key={`${m.sheet}!${address}`} role="listitem">
                            <Item m={m} t={t} lang={lang} selected={isSel} issueName={s.issueName} onClick={s.pick} />
                            {isSel && s.previewSheet && (
                              <div className={styles.preview} data-testid="strategy-preview">
                                <SheetPreview
                                  sheet={s.previewSheet}
                                  findings={s.previewFindings}
                                  selected={address}
                                  label={`${t.preview}: ${m.sheet}`}
                                />
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
      role="button"
      tabIndex={0}
      aria-pressed={selected}
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
      <span data-testid="strategy-reason">{say({ message: v.reason, messageEn: v.reasonEn }, lang)}</span>
    </div>
  );
}
