/**
 * Browser: the officer picks last run's output (the needs table, the action plan) downloaded and
 * perhaps edited since, read like any received file. It is no input: a run merges with it as Excel
 * merges with the sheet in the open workbook (kept edits, new rows, gone rows listed). Shared by the
 * consolidate and action-plan sections; each says how to read its output from a workbook.
 */
import { useCallback, useState } from 'react';
import type { WorkbookModel } from '../../engine/model';
import type { Host } from '../host/host';
import type { Strings } from '../i18n';
import type { Notice } from './useTask';

/** The file picked and what `read` found in it. */
export interface PickedPrevious<T> {
  file: string;
  size: number;
  table: T;
}

export interface PreviousPickOptions<T> {
  /** The output in a workbook; throws (a PaneError saying so) when the file holds none. */
  read(wb: WorkbookModel, file: string): T;
  /** The line saying what was picked: the notice once picked, and the picker's status while it stays. */
  picked(t: Strings, p: PickedPrevious<T>): string;
  /** The result shown was made without (or with another) earlier output: let it go. */
  onChange(): void;
}

/** The part of a panel's task the pick runs as (its own kind, so the spinner says what is busy). */
export interface PickTask {
  run(kind: 'previous', fn: () => Promise<void>): Promise<unknown>;
  note(n: Notice | null): void;
}

export function usePreviousPick<T>(host: Host, task: PickTask, opts: PreviousPickOptions<T>) {
  const [previous, setPrevious] = useState<PickedPrevious<T> | null>(null);
  const { read, picked, onChange } = opts;
  const pick = (file: File) =>
    task.run('previous', async () => {
      const wb = await host.readFile(new Uint8Array(await file.arrayBuffer()), file.name);
      const p = { file: file.name, size: file.size, table: read(wb, file.name) };
      setPrevious(p);
      onChange();
      task.note({ intent: 'success', text: (t) => picked(t, p) });
    });
  const clear = useCallback(() => {
    setPrevious(null);
    onChange();
  }, [onChange]);
  /** The picked file dropped among the inputs too: merged with, never read again as an input. */
  const isPrevious = (f: File): boolean => !!previous && f.name === previous.file && f.size === previous.size;
  /** The picker's status: what was picked, as its notice said; undefined while nothing is. */
  const status = (t: Strings): string | undefined => (previous ? picked(t, previous) : undefined);
  return { previous, pick, clear, isPrevious, status };
}
