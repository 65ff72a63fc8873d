import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import CalendarPanel, { SheetPreview, STORAGE_KEY } from '../../src/taskpane/calendar/CalendarPanel';
import { BUILTIN_TEMPLATES, buildCalendar, calendarSheet, serializeTemplate } from '../../src/engine/calendar';
import { nextFiscalYear } from '../../src/engine/calendar/thai';
import { fakeHost } from '../taskpane/fakeHost';

function render(el: React.ReactElement): string {
  return renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);
}

describe('CalendarPanel (server render)', () => {
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  test('renders the DOPA calendar for next fiscal year with a preview and the buttons', () => {
    const html = render(<CalendarPanel lang="th" host={fakeHost()} />);
    expect(html).toContain('data-testid="calendar-preview"');
    expect(html).toContain('ดาวน์โหลดปฏิทิน (.xlsx)');
    expect(html).toContain('ดาวน์โหลดปฏิทิน (.ics)');
    expect(html).not.toContain('สร้างชีตปฏิทิน'); // no writeSheet → no Excel button
    expect(html).toContain(String(nextFiscalYear()));
    expect(html).toContain('ทบทวนแผนชุมชน/หมู่บ้าน');
  });

  test('in Excel: the create button; English labels', () => {
    const html = render(<CalendarPanel lang="en" host={fakeHost({ excel: true })} />);
    expect(html).toContain('Create calendar sheet');
    expect(html).toContain('Download calendar (.ics)');
  });

  test('restores the template saved in localStorage', () => {
    const t = structuredClone(BUILTIN_TEMPLATES.rayong);
    t.steps[0].title = 'ทบทวนแผนหมู่บ้าน (แก้ไข)';
    const store = new Map([
      [STORAGE_KEY, JSON.stringify({ source: 'custom', template: JSON.parse(serializeTemplate(t)), thaiDigits: true })],
    ]);
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const html = render(<CalendarPanel lang="th" host={fakeHost()} />);
    expect(html).toContain('ทบทวนแผนหมู่บ้าน (แก้ไข)');
    expect(html).toContain('ม.ค. – ก.พ. ๖'); // Thai digits restored
  });

  test('the preview shows the Gantt bars as filled cells and merges the headers', () => {
    const sheet = calendarSheet(buildCalendar(BUILTIN_TEMPLATES.rayong, 2564, { thaiDigits: true }));
    const html = renderToStaticMarkup(<SheetPreview sheet={sheet} />);
    expect(html.match(/background:#2F75B5/g)?.length).toBe(17); // 2+2+3+1+1+1+2+1+1+1+1+1 active months (no deadlines)
    expect(html).toContain('rowspan="2"');
    expect(html).toContain('ม.ค. – ก.พ. ๖๒');
  });
});
