/** The error and success bars every panel shows under its buttons, and how an error becomes text. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { PaneError } from '../host/browserHost';
import type { Lang } from '../i18n';

/** The officer's language for an error: PaneError and reader errors carry Thai and English. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof PaneError) return lang === 'th' ? e.message : e.messageEn;
  const err = e as { message?: string; messageEn?: string };
  if (lang === 'en' && err?.messageEn) return err.messageEn;
  return err?.message ?? String(e);
}

export function StatusBars(props: {
  error: unknown;
  notice: string | null | undefined;
  lang: Lang;
  errorTitle: string;
  errorTestId: string;
  noticeTestId: string;
}) {
  const { error, notice, lang, errorTitle, errorTestId, noticeTestId } = props;
  return (
    <>
      {error != null && (
        <MessageBar intent="error" data-testid={errorTestId}>
          <MessageBarBody>
            <strong>{errorTitle}: </strong>
            {errorText(error, lang)}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" data-testid={noticeTestId}>
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
