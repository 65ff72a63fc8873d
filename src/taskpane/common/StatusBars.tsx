/**
 * What every panel shows under its action: the error and notice bars, and one polite live region
 * that announces progress ("กำลังตรวจสอบ…") and the result's summary to screen readers.
 */
import { MessageBar, MessageBarBody, makeStyles, Spinner } from '@fluentui/react-components';
import { errorText, type Lang, type Strings } from '../i18n';
import type { Notice } from './useTask';

const useStyles = makeStyles({
  // Visually hidden, still read (the usual "sr-only" rules).
  live: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export function StatusBars(props: {
  t: Strings;
  lang: Lang;
  error: unknown;
  notice: Notice | null;
  /** What is running now, in words (shown beside a spinner), or null. */
  busyText: string | null;
  /** What the live region says when nothing runs (the latest result's summary). */
  announce?: string;
  testIds: { error: string; notice: string; busy?: string };
}) {
  const { t, lang, error, notice, busyText, announce, testIds } = props;
  const styles = useStyles();
  const errorLine = error != null ? `${t.errorTitle}: ${errorText(error, lang)}` : '';
  return (
    <>
      {busyText && <Spinner size="tiny" label={busyText} data-testid={testIds.busy} />}
      <div role="status" aria-live="polite" className={styles.live} data-testid="live-region">
        {busyText ?? (errorLine || (notice ? notice.text(t) : (announce ?? '')))}
      </div>
      {error != null && (
        <MessageBar intent="error" data-testid={testIds.error}>
          <MessageBarBody>
            <strong>{t.errorTitle}: </strong>
            {errorText(error, lang)}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} data-testid={testIds.notice}>
          <MessageBarBody>{notice.text(t)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
