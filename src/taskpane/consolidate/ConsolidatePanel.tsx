/**
 * Consolidate panel: choose the province's issue list, pick or drop the received files, consolidate
 * (progress, cancel), and read the result first: a one-line summary and download / write right under
 * it, then the files (each says why in words), totals by year, and the possible duplicates as
 * collapsed groups with counts. The logic is useConsolidation's. Loaded lazily by App.tsx.
 */
import { useRef, useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { Host } from '../host/host';
import { STRATEGY_PRESETS } from '../../engine/strategy/presets';
import { say, STRINGS, type Lang } from '../i18n';
import { ActionBar, WriteOrDownload } from '../common/ActionBar';
import { FileDrop } from '../common/FileDrop';
import { Group } from '../common/Group';
import { GoneList } from '../common/GoneList';
import { PreviousPicker } from '../common/PreviousPicker';
import { StatusBars } from '../common/StatusBars';
import { useFocusOn } from '../common/useFocusOn';
import { fileDetail, useConsolidation } from './useConsolidation';
import { approvalError, DEFAULT_WORDS_TEXT, placeSenders, rosterNames } from './districtSettings';
import { SPLIT_KEYS, type SplitKey } from '../../engine/consolidate/split';

const fmt = (n: number) => n.toLocaleString('en-US');

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px', padding: '10px 12px', minWidth: 0 },
  row: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  plain: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '6px' },
  file: { display: 'flex', flexDirection: 'column', gap: '2px', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  fileName: { fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  dup: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: '8px', marginBottom: '6px', overflowWrap: 'anywhere' },
  // A long preset name must not widen the pane (a native <select> grows to its longest option).
  picker: { width: '100%', minWidth: 0, maxWidth: '100%' },
  summary: { fontWeight: tokens.fontWeightSemibold, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

export interface ConsolidatePanelProps {
  lang: Lang;
  host: Host;
}

export default function ConsolidatePanel({ lang, host }: ConsolidatePanelProps) {
  const t = STRINGS[lang];
  const styles = useStyles();
  const c = useConsolidation(host, lang);
  const approval = approvalError(c.district);
  const senders = placeSenders(c.district);
  const placeError = senders && !senders.ok ? (lang === 'th' ? senders.message : senders.messageEn) : undefined;
  const { result, task } = c;
  const busy = c.phase !== 'idle' || !!task.busy;
  const summaryRef = useRef<HTMLSpanElement>(null);
  useFocusOn(result, summaryRef);
  // The per-receiver split: the officer's pick, else by district for a province's table, by proposer for a district's.
  const [splitPick, setSplitPick] = useState<SplitKey | null>(null);
  const splitBy: SplitKey = splitPick ?? (result && result.receivers.district > 1 ? 'district' : 'proposer');

  const progressText =
    c.phase === 'reading'
      ? t.consReading(c.progress.done, c.progress.total)
      : c.phase === 'consolidating'
        ? t.consConsolidating(c.progress.done, c.progress.total)
        : null;
  const unread = result?.inputs.filter((i) => i.status !== 'ok').length ?? 0;
  const summary = result ? t.consSummary(result.inputs.length, result.itemCount, result.duplicateCount, unread) : '';

  return (
    <section data-testid="consolidate-panel" className={styles.root} aria-label={t.tabConsolidate}>
      <Field label={t.consStrategy} style={{ minWidth: 0 }}>
        <Select
          className={styles.picker}
          data-testid="consolidate-strategy"
          value={!c.choice ? '' : c.choice.kind === 'preset' ? c.choice.id : 'saved'}
          onChange={(_, d) => c.choose(d.value)}
          disabled={busy}
        >
          <option value="">{t.consStrategyNone}</option>
          {STRATEGY_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {lang === 'th' ? p.label : p.labelEn}
            </option>
          ))}
          {c.choice?.kind === 'list' && <option value="saved">{t.consStrategySaved(c.choice.label)}</option>}
        </Select>
      </Field>
      <Group
        title={t.consDistrictGroup}
        count={senders?.ok ? senders.names.length : rosterNames(c.district).length}
        testId="consolidate-district"
      >
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          <div className={styles.row}>
            <Field
              label={t.consDistrictName}
              style={{ flex: '1 1 120px' }}
              validationState={placeError ? 'error' : 'none'}
              validationMessage={placeError}
            >
              <Input
                data-testid="consolidate-district-name"
                value={c.district.district}
                onChange={(_, d) => c.setDistrict({ district: d.value })}
                disabled={busy}
              />
            </Field>
            <Field label={t.consProvinceName} style={{ flex: '1 1 120px' }}>
              <Input
                data-testid="consolidate-province-name"
                value={c.district.province}
                onChange={(_, d) => c.setDistrict({ province: d.value })}
                disabled={busy}
              />
            </Field>
          </div>
          {senders?.ok && <Caption1 data-testid="consolidate-expected">{t.consExpected(senders.names.length, senders.level)}</Caption1>}
          <Field label={t.consRoster}>
            <Textarea
              data-testid="consolidate-roster"
              rows={4}
              resize="vertical"
              value={c.district.roster}
              onChange={(_, d) => c.setDistrict({ roster: d.value })}
              disabled={busy}
            />
          </Field>
          <div className={styles.row}>
            <Field label={t.consMeeting} style={{ flex: '1 1 90px' }}>
              <Input
                data-testid="consolidate-meeting"
                placeholder="3/2568"
                value={c.district.meeting}
                onChange={(_, d) => c.setDistrict({ meeting: d.value })}
                disabled={busy}
              />
            </Field>
            <Field
              label={t.consMeetingDate}
              style={{ flex: '1 1 140px' }}
              validationState={approval ? 'warning' : 'none'}
              validationMessage={approval === 'date' ? t.consApprovalDate : approval === 'half' ? t.consApprovalHalf : undefined}
            >
              <Input
                data-testid="consolidate-meeting-date"
                placeholder="15/5/2568"
                value={c.district.date}
                onChange={(_, d) => c.setDistrict({ date: d.value })}
                disabled={busy}
              />
            </Field>
          </div>
          {(['pao', 'agency', 'support'] as const).map((k) => (
            <Field
              key={k}
              label={k === 'pao' ? t.consWordsPao : k === 'agency' ? t.consWordsAgency : t.consWordsSupport}
              hint={t.consWordsHint}
            >
              <Input
                data-testid={`consolidate-words-${k}`}
                placeholder={DEFAULT_WORDS_TEXT[k]}
                value={c.district[k]}
                onChange={(_, d) => c.setDistrict({ [k]: d.value })}
                disabled={busy}
              />
            </Field>
          ))}
        </div>
      </Group>
      {!host.planFile && (
        <Button onClick={() => void c.runOpenWorkbook()} disabled={busy} data-testid="consolidate-open-workbook">
          {t.consRunOpen}
        </Button>
      )}
      <FileDrop
        hint={t.consDrop}
        chooseLabel={t.consChoose}
        multiple
        onFiles={c.addFiles}
        disabled={busy}
        testIds={{ zone: 'consolidate-drop', choose: 'consolidate-choose', input: 'consolidate-input' }}
      />

      {host.planFile && (
        <PreviousPicker
          id="consolidate"
          hint={t.consPrevHint}
          chooseLabel={t.consPrevChoose}
          clearLabel={t.consPrevClear}
          status={c.previousStatus(t) ?? t.consPrevNone}
          picked={!!c.previous}
          disabled={busy}
          onPick={(f) => void c.pickPrevious(f)}
          onClear={c.clearPrevious}
        />
      )}

      {c.files.length > 0 && (
        <>
          <ActionBar label={t.tabConsolidate}>
            <Button appearance="primary" onClick={() => void c.run()} disabled={busy} data-testid="consolidate-run">
              {t.consRun}
            </Button>
            <Button size="small" appearance="subtle" onClick={c.clearFiles} disabled={busy}>
              {t.consClear}
            </Button>
          </ActionBar>
          <Group title={t.consChosen(c.files.length)} count={c.files.length} testId="consolidate-chosen">
            <ul className={styles.list}>
              {c.files.map((f) => (
                <li key={`${f.name}:${f.size}`}>{f.name}</li>
              ))}
            </ul>
          </Group>
        </>
      )}

      {c.phase !== 'idle' && (
        <Field validationMessage={progressText} validationState="none">
          <ProgressBar
            data-testid="consolidate-progress"
            aria-label={progressText ?? t.loading}
            value={c.progress.total ? c.progress.done / c.progress.total : undefined}
            max={1}
          />
          <div className={styles.row} style={{ marginTop: 6 }}>
            <Button size="small" onClick={c.cancel} data-testid="consolidate-cancel">
              {t.cancel}
            </Button>
          </div>
        </Field>
      )}

      <StatusBars
        t={t}
        lang={lang}
        error={task.error}
        notice={task.notice}
        busyText={c.phase === 'idle' && task.busy ? t.loading : null}
        announce={progressText ?? summary}
        testIds={{ error: 'consolidate-message', notice: 'consolidate-message' }}
      />

      {result && (
        <div data-testid="consolidate-results" style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
          <Text className={styles.summary} data-testid="consolidate-summary" ref={summaryRef} tabIndex={-1}>
            {summary}
          </Text>
          <ActionBar label={t.resultsHeading}>
            <WriteOrDownload
              host={host}
              busy={busy}
              onWrite={() => void c.write()}
              onDownload={() => void c.download()}
              writeLabel={t.consWrite}
              downloadLabel={t.consDownload}
              testIds={{ write: 'consolidate-write', download: 'consolidate-download' }}
            />
          </ActionBar>
          {host.download && (
            <div className={styles.row} style={{ alignItems: 'flex-end' }}>
              <Field label={t.consSplitBy} style={{ flex: '1 1 160px', minWidth: 0 }}>
                <Select
                  className={styles.picker}
                  data-testid="consolidate-split-by"
                  value={splitBy}
                  onChange={(_, d) => setSplitPick(d.value as SplitKey)}
                  disabled={busy}
                >
                  {SPLIT_KEYS.map((k) => (
                    <option key={k} value={k}>
                      {t.consSplitKeys[k](result.receivers[k])}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button onClick={() => void c.downloadReceivers(splitBy)} disabled={busy} data-testid="consolidate-split-download">
                {t.consSplitDownload}
              </Button>
            </div>
          )}
          <Text weight="semibold" size={200} data-testid="consolidate-needs-count">
            {t.consNeeds(result.itemCount, result.counted)}
          </Text>
          {c.ranWith && (
            <Text block size={200} data-testid="consolidate-mismatches" data-count={result.mismatchCount}>
              {t.consMismatches(result.mismatchCount)}
            </Text>
          )}
          <Text block size={200} data-testid="consolidate-routes">
            {t.consRoutes(result.routes.pao, result.routes.agency, result.routes.province)}
          </Text>
          {result.notInDistrictPlan !== null && (
            <Text block size={200} data-testid="consolidate-not-in-plan" data-count={result.notInDistrictPlan}>
              {t.consNotInPlan(result.notInDistrictPlan)}
            </Text>
          )}
          {!result.approved && (
            <Text block size={200} data-testid="consolidate-no-approval">
              {t.consNoApproval}
            </Text>
          )}
          {result.merge && (
            <Text
              block
              size={200}
              data-testid="consolidate-merge"
              data-kept={result.merge.kept}
              data-new={result.merge.new}
              data-vanished={result.merge.vanished.length}
            >
              {t.consMerged2(result.merge.kept, result.merge.new, result.merge.vanished.length, c.mergedWith ?? undefined)}
            </Text>
          )}
          {result.merge && (
            <GoneList title={t.consVanished(result.merge.vanished.length)} names={result.merge.vanished} testId="consolidate-vanished" />
          )}
          {result.returned && (
            <Text block size={200} data-testid="consolidate-returned" data-unmatched={result.returned.unmatched}>
              {t.consReturned(result.returned.applied, result.returned.unmatched)}
            </Text>
          )}
          {result.senders && (
            <Group
              title={t.consSenders(result.senders.received.length, result.senders.expected.length)}
              count={result.senders.expected.length}
              defaultOpen={result.senders.missing.length + result.senders.unreadable.length > 0}
              testId="consolidate-senders"
            >
              <ul className={styles.plain}>
                {result.senders.entries.map((e, k) => (
                  <li key={k} className={styles.file} data-testid="consolidate-sender" data-status={e.status}>
                    <span>
                      <Badge
                        appearance="tint"
                        color={e.status === 'received' ? 'success' : e.status === 'unreadable' ? 'danger' : 'warning'}
                      >
                        {t.consSenderStatus[e.status]}
                      </Badge>{' '}
                      {e.name}
                      {e.reason && <span data-testid="consolidate-sender-reason">: {lang === 'en' ? e.reasonEn : e.reason}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            </Group>
          )}

          <Group
            title={t.consInputs(result.inputs.length)}
            count={result.inputs.length}
            defaultOpen={unread > 0}
            testId="consolidate-files"
          >
            <ul className={styles.plain}>
              {result.inputs.map((i, k) => (
                <li key={k} className={styles.file} data-testid="consolidate-input-row" data-status={i.status}>
                  <span className={styles.fileName}>{i.file}</span>
                  <span>
                    <Badge appearance="tint" color={i.status === 'ok' ? 'success' : i.status === 'failed' ? 'danger' : 'warning'}>
                      {t.consStatuses[i.status]}
                    </Badge>{' '}
                    <span data-testid="consolidate-input-detail">{fileDetail(i, t, lang)}</span>
                  </span>
                </li>
              ))}
            </ul>
          </Group>

          {result.skipped && (
            <Group title={t.consSkipped(result.skipped.length)} count={result.skipped.length} defaultOpen testId="consolidate-skipped">
              <ul className={styles.plain}>
                {result.skipped.map((f, k) => (
                  <li key={k} className={styles.file} data-testid="consolidate-skipped-row" data-reason={f.reason}>
                    {say(f, lang)}
                  </li>
                ))}
              </ul>
            </Group>
          )}

          <Table size="small" aria-label={t.consTotals}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.consYear}</TableHeaderCell>
                <TableHeaderCell>{t.consAmount}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.years.map((y) => (
                <TableRow key={y} data-testid="consolidate-total" data-year={y}>
                  <TableCell>{y}</TableCell>
                  <TableCell className={styles.num}>{fmt(result.totals[y] ?? 0)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>

          {result.duplicateCount === 0 ? (
            <Text size={200} data-testid="consolidate-duplicates">
              {t.consNoDuplicates}
            </Text>
          ) : (
            <Group title={t.consDuplicates(result.duplicateCount)} count={result.duplicateCount} testId="consolidate-duplicates">
              {result.duplicates.map((g, k) => (
                <div key={k} className={styles.dup} data-confidence={g.confidence}>
                  <Badge appearance="tint" color={g.confidence === 'possible' ? 'warning' : 'informative'}>
                    {t.consConfidence[g.confidence]}
                  </Badge>{' '}
                  <Text size={200}>{g.localPlan ? t.consLocal : g.merged ? t.consMerged : ''}</Text>
                  <ul className={styles.list}>
                    {g.items.map((m, j) => (
                      <li key={j}>
                        {m.name} — {m.file} / {m.sheet} / {t.row} {m.row}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {result.duplicateCount > result.duplicates.length && (
                <Text size={200} block data-testid="consolidate-more-duplicates">
                  {t.consMoreDuplicates(result.duplicateCount - result.duplicates.length)}
                </Text>
              )}
            </Group>
          )}
        </div>
      )}
    </section>
  );
}
