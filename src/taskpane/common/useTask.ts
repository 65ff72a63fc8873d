/**
 * Busy / error / notice handling, written once for every panel: one task at a time, its kind while it
 * runs (for the spinner and the live region), the error it threw, and a notice whose text is made
 * when shown, so it follows the language toggle.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Strings } from '../i18n';

export interface Notice {
  intent: 'success' | 'info' | 'warning';
  text: (t: Strings) => string;
}

export interface Task<B extends string> {
  busy: B | null;
  error: unknown;
  notice: Notice | null;
  /** Run `fn` as task `kind`: clears the last error and notice, records a new error. Returns fn's result or undefined. */
  run<R>(kind: B, fn: () => Promise<R>): Promise<R | undefined>;
  fail(e: unknown): void;
  note(n: Notice | null): void;
  clear(): void;
}

export function useTask<B extends string>(): Task<B> {
  const [busy, setBusy] = useState<B | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // A second click while a task runs is ignored (state updates are not seen until the next render).
  const running = useRef(false);

  const run = useCallback(async <R>(kind: B, fn: () => Promise<R>): Promise<R | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(kind);
    setError(null);
    setNotice(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  const clear = useCallback(() => {
    setError(null);
    setNotice(null);
  }, []);
  return useMemo(() => ({ busy, error, notice, run, fail: setError, note: setNotice, clear }), [busy, error, notice, run, clear]);
}

/** Let React paint (the spinner, the live region) before synchronous work starts. */
export const nextPaint = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
