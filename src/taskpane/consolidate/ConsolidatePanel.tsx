/**
 * PLACEHOLDER — the Consolidate engineer replaces this file with the real panel (same default export
 * and props). Loaded lazily by App.tsx.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Host } from '../host/host';
import { STRINGS, type Lang } from '../i18n';

export interface ConsolidatePanelProps {
  lang: Lang;
  host: Host;
  download: (bytes: Uint8Array, fileName: string) => void;
}

export default function ConsolidatePanel({ lang }: ConsolidatePanelProps) {
  return (
    <div data-testid="consolidate-panel" style={{ padding: 12 }}>
      <MessageBar intent="info">
        <MessageBarBody>{STRINGS[lang].consolidateComing}</MessageBarBody>
      </MessageBar>
    </div>
  );
}
