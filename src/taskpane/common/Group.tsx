/**
 * A long list as a collapsed group whose header says what and how many (the title carries the count),
 * opened on demand: files, duplicates and steps stay one line until the officer asks (issue 19: results
 * first at pane width).
 */
import type { ReactNode } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  head: { display: 'flex', gap: '6px', alignItems: 'center', minWidth: 0, overflowWrap: 'anywhere', textAlign: 'left' },
});

export function Group(props: { title: string; count: number; children: ReactNode; defaultOpen?: boolean; testId?: string }) {
  const styles = useStyles();
  return (
    <Accordion collapsible defaultOpenItems={props.defaultOpen ? ['g'] : []} data-testid={props.testId}>
      <AccordionItem value="g">
        <AccordionHeader size="small" data-testid={props.testId && `${props.testId}-header`}>
          <span className={styles.head} data-count={props.count}>
            {props.title}
          </span>
        </AccordionHeader>
        <AccordionPanel>{props.children}</AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
