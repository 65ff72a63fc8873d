/** Moving focus to a result when it arrives, so keyboard and screen-reader users land on it (issue 19). */
import { useEffect } from 'react';

/** Focus this element (a result's summary, tabIndex -1) whenever `key` changes to a new non-null value. */
export function useFocusOn(key: unknown, el: { current: HTMLElement | null }): void {
  useEffect(() => {
    if (key != null) el.current?.focus();
  }, [key, el]);
}
