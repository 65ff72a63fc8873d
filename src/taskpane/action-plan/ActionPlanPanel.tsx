/**
 * The district's annual action plan, a section of the Consolidate tab: fiscal year and district, the
 * funded-project files, one button, then the result's one line, download / write, the groups with
 * their totals, the sheets left out (each says why) and the cells that could not be read. The logic is
 * useActionPlan's. Loaded lazily with the Consolidate tab.
 */
import { Badge, Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Host } from '../host/host';
import { noteText, say, STRINGS, type Lang } from '../i18n';
import { ActionBar, WriteOrDownload } from '../common/ActionBar';
import { FileDrop } from '../common/FileDrop';
import { Group } from '../common/Group';
import { GoneList } from '../common/GoneList';
import { PreviousPicker } from '../common/PreviousPicker';
import { StatusBars } from '../common/StatusBars';
import { useActionPlan } from './useActionPlan';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    padding: '10px 12px',
    minWidth: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', gap: '6px', alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  summary: { fontWeight: tokens.fontWeightSemibold },
});

export default function ActionPlanPanel({ lang, host }: { lang: Lang; host: Host }) {
  const t = STRINGS[lang];
  const styles = useStyles();
  const a = useActionPlan(host, lang);
  const busy = !!a.task.busy;
  const plan = a.plan;
  const leftOut = plan
    ? plan.inputs.flatMap((i) =>
        i.error
          ? [{ file: i.file, why: say(i.error, lang) }]
          : i.sheets.filter((s) => !s.taken).map((s) => ({ file: `${i.file} / ${s.name}`, why: noteText(s, lang) })),
      )
    : [];
  const summary = plan
    ? plan.rows.length
      ? t.apSummary(plan.rows.length, plan.total, plan.duplicates.length)
      : t.apNone(plan.fiscalYear)
    : '';

  return (
    <section data-testid="action-plan-panel" className={styles.root} aria-label={t.apTitle}>
      <Text weight="semibold" as="h2" size={300}>
        {t.apTitle}
      </Text>
      <Text size={200}>{t.apIntro}</Text>
      <div className={styles.row}>
        <Field
          label={t.apFiscalYear}
          style={{ flex: '0 1 110px' }}
          validationState={a.fiscalYear === undefined ? 'error' : 'none'}
          validationMessage={a.fiscalYear === undefined ? t.apFiscalYearBad : undefined}
        >
          <Input data-testid="action-plan-fy" value={a.fyText} onChange={(_, d) => a.setFy(d.value)} disabled={busy} />
        </Field>
        <Field label={t.apDistrict} style={{ flex: '1 1 160px' }}>
          <Input data-testid="action-plan-district" value={a.district} onChange={(_, d) => a.setDistrict(d.value)} disabled={busy} />
        </Field>
      </div>
      <FileDrop
        hint={t.apDrop}
        chooseLabel={t.apChoose}
        multiple
        onFiles={a.addFiles}
        disabled={busy}
        testIds={{ zone: 'action-plan-drop', choose: 'action-plan-choose', input: 'action-plan-input' }}
      />
      {host.planFile && (
        <PreviousPicker
          id="action-plan"
          hint={t.apPrevHint}
          chooseLabel={t.apPrevChoose}
          clearLabel={t.apPrevClear}
          status={a.previousStatus(t) ?? t.apPrevNone}
          picked={!!a.previous}
          disabled={busy}
          onPick={(f) => void a.pickPrevious(f)}
          onClear={a.clearPrevious}
        />
      )}
      {a.files.length > 0 && (
        <>
          <ActionBar label={t.apTitle}>
            <Button
              appearance="primary"
              onClick={() => void a.run()}
              disabled={busy || a.fiscalYear === undefined}
              data-testid="action-plan-run"
            >
              {t.apRun}
            </Button>
            <Button size="small" appearance="subtle" onClick={a.clearFiles} disabled={busy}>
              {t.consClear}
            </Button>
          </ActionBar>
          <Group title={t.apChosen(a.files.length)} count={a.files.length} testId="action-plan-chosen">
            <ul className={styles.list}>
              {a.files.map((f) => (
                <li key={`${f.name}:${f.size}`}>{f.name}</li>
              ))}
            </ul>
          </Group>
        </>
      )}
      <StatusBars
        t={t}
        lang={lang}
        error={a.task.error}
        notice={a.task.notice}
        busyText={busy ? t.loading : null}
        announce={summary}
        testIds={{ error: 'action-plan-message', notice: 'action-plan-message' }}
      />
      {plan && (
        <div data-testid="action-plan-results" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <Text className={styles.summary} data-testid="action-plan-summary">
            {summary}
          </Text>
          {plan.merge && (
            <Text
              block
              size={200}
              data-testid="action-plan-merged"
              data-kept={plan.merge.kept}
              data-new={plan.merge.new}
              data-added={plan.merge.added}
              data-vanished={plan.merge.vanished.length}
            >
              {t.apMerged(plan.merge.kept, plan.merge.new, plan.merge.added, plan.merge.vanished.length)}
            </Text>
          )}
          {plan.merge && (
            <GoneList
              title={t.apVanished(plan.merge.vanished.length)}
              names={plan.merge.vanished.map((v) => [v.name, v.tambon, v.agency].filter(Boolean).join(' · '))}
              testId="action-plan-vanished"
            />
          )}
          {plan.rows.length > 0 && (
            <ActionBar label={t.resultsHeading}>
              <WriteOrDownload
                host={host}
                busy={busy}
                onWrite={() => void a.write()}
                onDownload={() => void a.download()}
                writeLabel={t.consWrite}
                downloadLabel={t.apDownload}
                testIds={{ write: 'action-plan-write', download: 'action-plan-download' }}
              />
            </ActionBar>
          )}
          <ul className={styles.list} data-testid="action-plan-groups">
            {plan.groups.map((g) => (
              <li key={`${g.side}|${g.agency}`}>{t.apGroup(g.agency, g.count, g.total)}</li>
            ))}
          </ul>
          {leftOut.length > 0 && (
            <Group title={`${t.apLeftOut} (${leftOut.length})`} count={leftOut.length} testId="action-plan-left-out">
              <ul className={styles.list}>
                {leftOut.map((x, k) => (
                  <li key={k}>
                    <Badge appearance="tint" color="warning">
                      {t.apLeftOut}
                    </Badge>{' '}
                    {x.file}: {x.why}
                  </li>
                ))}
              </ul>
            </Group>
          )}
          {plan.problems.length > 0 && (
            <Group title={t.apProblems(plan.problems.length)} count={plan.problems.length} defaultOpen testId="action-plan-problems">
              <ul className={styles.list}>
                {plan.problems.map((p, k) => (
                  <li key={k}>{say(p, lang)}</li>
                ))}
              </ul>
            </Group>
          )}
        </div>
      )}
    </section>
  );
}
