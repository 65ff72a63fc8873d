/**
 * A row of actions that wraps at pane width; the first is the tab's primary action. Used at the top of
 * every tab (run) and at the top of every result (download / write into the workbook).
 */
import type { ReactNode } from 'react';
import { Button, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center', minWidth: 0 },
});

export function ActionBar({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const styles = useStyles();
  return (
    <div role="group" aria-label={label} className={styles.bar} data-testid={testId}>
      {children}
    </div>
  );
}

/**
 * A result's two ways out: write it into the workbook (Excel) and download it as .xlsx (browser, and Excel
 * where downloads work). Whichever the host offers first is the primary action.
 */
export function WriteOrDownload(p: {
  host: { writeSheet?: unknown; download?: unknown };
  busy: boolean;
  onWrite: () => void;
  onDownload: () => void;
  writeLabel: string;
  downloadLabel: string;
  testIds: { write: string; download: string };
}) {
  return (
    <>
      {!!p.host.writeSheet && (
        <Button appearance="primary" onClick={p.onWrite} disabled={p.busy} data-testid={p.testIds.write}>
          {p.writeLabel}
        </Button>
      )}
      {!!p.host.download && (
        <Button
          appearance={p.host.writeSheet ? 'secondary' : 'primary'}
          onClick={p.onDownload}
          disabled={p.busy}
          data-testid={p.testIds.download}
        >
          {p.downloadLabel}
        </Button>
      )}
    </>
  );
}
