/**
 * A row of actions that wraps at pane width; the first is the tab's primary action. Used at the top of
 * every tab (run) and at the top of every result (download / write into the workbook).
 */
import type { ReactNode } from 'react';
import { makeStyles } from '@fluentui/react-components';

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
