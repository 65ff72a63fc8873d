/**
 * The pane shell: Fluent provider, header (title, host mode, language toggle) and the four tabs.
 * Panels other than Validate load on demand (React.lazy) to keep the first download small.
 */
import { Component, lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import {
  Badge,
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { Host } from './host/host';
import { loadLang, saveLang, STRINGS, type Lang } from './i18n';
import { ValidatePanel } from './validate/ValidatePanel';

const ConsolidatePanel = lazy(() => import(/* webpackChunkName: "consolidate" */ './consolidate/ConsolidatePanel'));
const ActionPlanPanel = lazy(() => import(/* webpackChunkName: "consolidate" */ './action-plan/ActionPlanPanel'));
const CalendarPanel = lazy(() => import(/* webpackChunkName: "calendar" */ './calendar/CalendarPanel'));
const StrategyPanel = lazy(() => import(/* webpackChunkName: "strategy" */ './strategy/StrategyPanel'));

/** System fonts only (no web fonts): Thai-capable faces first. */
const FONT = "'Leelawadee UI', 'Segoe UI', Tahoma, 'Noto Sans Thai', 'Sarabun', -apple-system, sans-serif";
const theme: Theme = { ...webLightTheme, fontFamilyBase: FONT };

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    padding: '8px 12px',
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  langBtn: { color: tokens.colorNeutralForegroundOnBrand, minWidth: 'auto' },
  // Excel desktop opens panes ~320 px wide: the four tabs stay on one line (as a tab bar reads), with
  // narrow sides and a smaller text that may wrap inside its tab ("Strategy / fit"): 294 px in Thai,
  // 312 in English (test/browser/layout.test.ts).
  tabs: { backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: 'nowrap' },
  tab: {
    minWidth: 0,
    flexShrink: 1,
    paddingLeft: '3px',
    paddingRight: '3px',
    // The label and Fluent's hidden bold copy of it (which reserves the selected tab's width) alike.
    '& > span': { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, whiteSpace: 'normal', textAlign: 'center' },
  },
  body: { flexGrow: 1 },
  mode: { padding: '4px 12px 0' },
  footer: { padding: '8px 12px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type TabId = 'validate' | 'consolidate' | 'strategy' | 'calendar';

class PanelBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(e: unknown) {
    console.error('OnePlan panel failed', e);
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function App({ host }: { host: Host }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(loadLang);
  const [tab, setTab] = useState<TabId>('validate');
  const t = STRINGS[lang];
  // Screen readers and Thai line breaking follow the page language, also when English was remembered.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const toggleLang = useCallback(() => {
    setLang((l) => {
      const next: Lang = l === 'th' ? 'en' : 'th';
      saveLang(next);
      return next;
    });
  }, []);

  const loading = <Spinner size="small" label={t.loading} style={{ padding: 16 }} />;
  const failed = (
    <MessageBar intent="error" style={{ margin: 12 }}>
      <MessageBarBody>{t.panelLoadError}</MessageBarBody>
    </MessageBar>
  );

  return (
    <FluentProvider theme={theme} lang={lang}>
      <div className={styles.root} data-testid="app" data-lang={lang} data-host-mode={host.mode}>
        <header className={styles.header}>
          <Text className={styles.title} as="h1">
            {t.appTitle}
          </Text>
          <Button
            appearance="transparent"
            size="small"
            className={styles.langBtn}
            onClick={toggleLang}
            title={t.langToggleAria}
            lang={lang === 'th' ? 'en' : 'th'}
            data-testid="lang-toggle"
          >
            {t.langToggle}
          </Button>
        </header>
        <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
          <Tab value="validate" data-testid="tab-validate" className={styles.tab}>
            {t.tabValidate}
          </Tab>
          <Tab value="consolidate" data-testid="tab-consolidate" className={styles.tab}>
            {t.tabConsolidate}
          </Tab>
          <Tab value="strategy" data-testid="tab-strategy" className={styles.tab}>
            {t.tabStrategy}
          </Tab>
          <Tab value="calendar" data-testid="tab-calendar" className={styles.tab}>
            {t.tabCalendar}
          </Tab>
        </TabList>
        <div className={styles.mode}>
          <Badge appearance="tint" color={host.mode === 'excel' ? 'success' : 'informative'} data-testid="host-mode">
            {host.mode === 'excel' ? t.modeExcel : t.modeBrowser}
          </Badge>
        </div>
        <main className={styles.body}>
          {/* Validate stays mounted so its results survive tab switches. */}
          <div hidden={tab !== 'validate'}>
            <ValidatePanel host={host} lang={lang} />
          </div>
          {tab === 'consolidate' && (
            <PanelBoundary fallback={failed}>
              <Suspense fallback={loading}>
                <ConsolidatePanel lang={lang} host={host} />
                <ActionPlanPanel lang={lang} host={host} />
              </Suspense>
            </PanelBoundary>
          )}
          {tab === 'strategy' && (
            <PanelBoundary fallback={failed}>
              <Suspense fallback={loading}>
                <StrategyPanel lang={lang} host={host} />
              </Suspense>
            </PanelBoundary>
          )}
          {tab === 'calendar' && (
            <PanelBoundary fallback={failed}>
              <Suspense fallback={loading}>
                <CalendarPanel lang={lang} host={host} />
              </Suspense>
            </PanelBoundary>
          )}
        </main>
        <footer className={styles.footer}>{t.footer}</footer>
      </div>
    </FluentProvider>
  );
}
