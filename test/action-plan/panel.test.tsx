import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import ActionPlanPanel from '../../src/taskpane/action-plan/ActionPlanPanel';
import { parseFiscalYear } from '../../src/taskpane/action-plan/useActionPlan';
import { fiscalYearOf } from '../../src/engine/calendar/thai';
import { fakeHost } from '../taskpane/fakeHost';

const render = (el: React.ReactElement): string => renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);

describe('ActionPlanPanel (server render)', () => {
  test('Thai: the fiscal year in progress, the district field and the drop zone; no result before a run', () => {
    const html = render(<ActionPlanPanel lang="th" host={fakeHost()} />);
    expect(html).toContain('แผนปฏิบัติการประจำปีของอำเภอ');
    expect(html).toContain(`value="${fiscalYearOf(new Date())}"`);
    expect(html).toContain('data-testid="action-plan-district"');
    expect(html).toContain('ข้อบัญญัติ/เทศบัญญัติ');
    expect(html).not.toContain('data-testid="action-plan-results"');
    expect(html).not.toContain('data-testid="action-plan-run"'); // no files yet
  });

  test('English labels', () => {
    const html = render(<ActionPlanPanel lang="en" host={fakeHost({ excel: true })} />);
    expect(html).toContain('District&#x27;s annual action plan');
    expect(html).toContain('Fiscal year (B.E.)');
  });
});

test('the fiscal year field takes B.E. years in Arabic or Thai digits', () => {
  expect(parseFiscalYear('2569')).toBe(2569);
  expect(parseFiscalYear(' ๒๕๖๙ ')).toBe(2569);
  expect(parseFiscalYear('2026')).toBeUndefined();
  expect(parseFiscalYear('69')).toBeUndefined();
});
