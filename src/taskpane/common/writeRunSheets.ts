/**
 * Writing a run's sheets into the workbook (consolidate, action plan), then the lists this run had
 * nothing for (gone rows, unmatched decisions) emptied unless the officer edited them
 * (office/staleLists.ts, through the host). One notice says what was written, emptied or left.
 */
import type { OutSheet } from '../../engine/output';
import { writtenNote, type Host, type WrittenSheet } from '../host/host';
import type { Notice } from './useTask';

export async function writeRunSheets(host: Host, sheets: readonly OutSheet[], lists: readonly string[]): Promise<Notice | null> {
  if (!host.writeSheet) return null;
  const written: WrittenSheet[] = [];
  const listsWritten: Array<{ list: string; sheet: string }> = [];
  for (const s of sheets) {
    const w = await host.writeSheet(s);
    written.push(w);
    if (lists.includes(s.name)) listsWritten.push({ list: s.name, sheet: w.name });
  }
  const stale = host.refreshLists ? await host.refreshLists(listsWritten, lists) : { cleared: [], edited: [] };
  const text = (t: Parameters<Notice['text']>[0]): string => {
    const done = writtenNote(t.consWritten, written, t.sheetsReplaced);
    const cleared = stale.cleared.length ? ` ${t.listsCleared(stale.cleared)}` : '';
    return stale.edited.length ? `${done}${cleared} ${t.listsEdited(stale.edited)}` : `${done}${cleared}`;
  };
  return { intent: stale.edited.length ? 'warning' : 'success', text };
}
