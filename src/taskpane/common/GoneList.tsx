/**
 * The rows of the earlier output that this run's files no longer give (a re-run merged with it): listed
 * open, one a line, so the officer sees what went. Test ids `${testId}` and `${testId}-row`.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { Group } from './Group';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

export function GoneList({ title, names, testId }: { title: string; names: readonly string[]; testId: string }) {
  const styles = useStyles();
  if (!names.length) return null;
  return (
    <Group title={title} count={names.length} defaultOpen testId={testId}>
      <ul className={styles.list}>
        {names.map((name, k) => (
          <li key={k} data-testid={`${testId}-row`}>
            {name}
          </li>
        ))}
      </ul>
    </Group>
  );
}
