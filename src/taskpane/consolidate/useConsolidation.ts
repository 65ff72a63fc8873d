/**
 * The Consolidate tab's logic: the received files, the province's issue list (remembered per workbook,
 * shared with the Strategy tab), one run at a time with progress and cancel — in a Web Worker
 * (worker/consolidate.worker.ts) so a district's 200 files never block the pane, on the main thread
 * where no worker starts — and the output: the needs workbook downloaded or its sheets written.
 * In Excel the open workbook's sheets can be consolidated too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  consolidate,
  inputErrorOf,
  needsFileWorkbook,
  needsWorkbook,
  readPrevious,
  type ConsolidateInput,
  type ConsolidateResult,
  type InputReport,
  type PreviousTable,
  UNMATCHED_DECISIONS_SHEET,
  VANISHED_SHEET,
} from '../../engine/consolidate';
import type { SplitKey } from '../../engine/consolidate/split';
import type { Host } from '../host/host';
import { writeRunSheets } from '../common/writeRunSheets';
import { consolidateView, type ConsolidateView, type RunOptions } from '../worker/protocol';
import { districtOptions, EMPTY_DISTRICT, loadDistrictSettings, saveDistrictSettings, type DistrictSettings } from './districtSettings';
import { consolidateInWorker, WorkerUnavailable, type WorkerRun } from './workerConsolidation';
import { PaneError } from '../host/paneError';
import { intake } from './intake';
import { readError } from '../../xlsx/errors';
import { sha256Hex } from '../common/sha256';
import { listOfChoice, parseChoice, saveChoice, SETTING_KEY, type StrategyChoice } from '../common/strategyChoice';
import { noteText, say, STRINGS, type Lang, type Strings } from '../i18n';
import { useTask } from '../common/useTask';
import { usePreviousPick, type PickedPrevious as Picked } from '../common/usePreviousPick';
import type { WorkbookModel } from '../../engine/model';

/** The result as the panel shows it, and how to get the full sheets and the receivers' parts. */
export type Output = WorkerRun;

function localOutput(r: ConsolidateResult): Output {
  return {
    view: consolidateView(r),
    xlsx: async () => (await import(/* webpackChunkName: "xlsx-write" */ '../../xlsx/write')).writeXlsx(needsFileWorkbook(r)),
    sheets: async () => needsWorkbook(r).sheets,
    // With the writer: neither is in the panel's first download.
    receivers: async (by, from) => (await import(/* webpackChunkName: "xlsx-write" */ './receiverZip')).receiverZip(r, by, from),
  };
}

/** The table the officer picked to merge with (browser): its file and what readPrevious found in it. */
export type PickedPrevious = Picked<PreviousTable>;

/** Last run's needs table in a picked workbook; a file holding none is refused, saying so. */
const readPickedTable = (wb: WorkbookModel, file: string): PreviousTable => {
  const table = readPrevious(wb);
  if (!table) throw new PaneError(STRINGS.th.consPrevNoTable(file), STRINGS.en.consPrevNoTable(file), 'no-needs-table');
  return table;
};
const pickedTableNote = (t: Strings, p: PickedPrevious): string => t.consPrevPicked(p.file, p.table.sheet, p.table.rows.length);

/** Which table a part came from, for its title: the files when few (a province table split), else how many. */
const tableSource = (v: ConsolidateView): string => {
  const read = v.inputs.filter((i) => i.status === 'ok').map((i) => i.file);
  return read.length <= 3 ? read.join(', ') : `${read.length} ไฟล์`;
};

/** A reader's error as it is; anything else (a file gone since it was chosen) told in Thai and English, naming the file. */
const readerError = (e: unknown, name: string): unknown =>
  typeof (e as { messageEn?: unknown })?.messageEn === 'string' ? e : readError('read-failed', name, (e as Error)?.message ?? String(e));

const abortError = () => Object.assign(new Error('cancelled'), { name: 'AbortError' });

/**
 * What a received file gave, in words: the reader's error, why it was skipped, or how many projects
 * were read and taken — and, when fewer were taken, why (the sheets' notes: "นำเข้า 0 — ไม่มีโครงการที่ขอรับการสนับสนุน").
 */
export function fileDetail(i: InputReport, t: Strings, lang: Lang): string {
  if (i.error) return say(i.error, lang);
  if (i.status === 'skipped') return noteText(i, lang);
  const counts = t.consProjects(i.projects, i.taken);
  if (i.taken >= i.projects) return i.projects ? `${counts} (${t.consAllTaken})` : counts;
  const why = [...new Set(i.sheets.map((s) => noteText(s, lang)).filter(Boolean))];
  return why.length ? `${counts} — ${why.join('; ')}` : counts;
}

export type Phase = 'idle' | 'reading' | 'consolidating';

export function useConsolidation(host: Host, lang: Lang) {
  const task = useTask<'run' | 'output' | 'previous'>();
  const [files, setFiles] = useState<File[]>([]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [output, setOutput] = useState<Output | null>(null);
  const [ranWith, setRanWith] = useState(false);
  // The picked table the shown result was merged with (its file name for the merge line).
  const [mergedWith, setMergedWith] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  // Browser: last run's needs table, downloaded and perhaps edited since (kept edits, new and vanished needs).
  const dropOutput = useCallback(() => setOutput(null), []);
  const prev = usePreviousPick(host, task, { read: readPickedTable, picked: pickedTableNote, onChange: dropOutput });
  const previous = prev.previous;

  // The issue list: the one remembered for this workbook until the officer picks.
  const [choice, setChoice] = useState<StrategyChoice | null>(null);
  const picked = useRef(false);
  useEffect(() => {
    let live = true;
    host
      .getSetting(SETTING_KEY)
      .then((raw) => {
        const saved = parseChoice(raw);
        if (live && saved && !picked.current) setChoice(saved);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);
  const choose = useCallback(
    (value: string) => {
      if (value === 'saved') return;
      picked.current = true;
      const c: StrategyChoice | null = value ? { kind: 'preset', id: value } : null;
      setChoice(c);
      setOutput(null);
      if (c) saveChoice(host, c);
    },
    [host],
  );
  const strategies = listOfChoice(choice) ?? undefined;

  // The district's settings (name, roster, ก.บ.อ. approval, word lists), remembered for this workbook.
  const [district, setDistrictState] = useState<DistrictSettings>(EMPTY_DISTRICT);
  const edited = useRef(false);
  useEffect(() => {
    let live = true;
    loadDistrictSettings(host).then((s) => {
      if (live && !edited.current) setDistrictState(s);
    });
    return () => {
      live = false;
    };
  }, [host]);
  const setDistrict = useCallback(
    (patch: Partial<DistrictSettings>) => {
      edited.current = true;
      setDistrictState((prev) => {
        const next = { ...prev, ...patch };
        saveDistrictSettings(host, next);
        return next;
      });
    },
    [host],
  );

  /**
   * In Excel, the needs table already in the open workbook (the officer's ranks, routes, notes, approval):
   * a run merges with it, and writing replaces it with the merged one. The browser has no workbook: the
   * officer picks the table downloaded last time (pickPrevious).
   */
  const previousTable = async (): Promise<PreviousTable | undefined> => {
    if (host.planFile) return previous?.table;
    if (host.mode !== 'excel') return undefined;
    try {
      // The table a run wrote is one of our sheets, which a plain read leaves out.
      return readPrevious(await host.readWorkbook({ withOutputs: true }));
    } catch {
      return undefined;
    }
  };
  const runOptions = async (): Promise<RunOptions> => {
    const previous = await previousTable();
    return { ...districtOptions(district), ...(strategies ? { strategies } : {}), ...(previous ? { previous } : {}) };
  };

  // Leaving the tab unmounts the panel: stop its run so a later one does not share the worker with it.
  useEffect(() => () => abortRef.current?.abort(), []);

  const addFiles = useCallback((list: File[]) => {
    setFiles((prev) => {
      const seen = new Set(prev.map((f) => `${f.name}:${f.size}`));
      return [...prev, ...list.filter((f) => !seen.has(`${f.name}:${f.size}`))];
    });
    setOutput(null);
  }, []);
  const clearFiles = useCallback(() => {
    setFiles([]);
    setOutput(null);
  }, []);

  /** One run at a time: cancel, progress, messages and the result are handled alike for every source. */
  const runWith = (total: number, body: (signal: AbortSignal) => Promise<Output>) =>
    task.run('run', async () => {
      const ctl = new AbortController();
      abortRef.current = ctl;
      setOutput(null);
      setRanWith(!!strategies);
      setMergedWith(host.planFile ? (previous?.file ?? null) : null);
      setPhase('reading');
      setProgress({ done: 0, total });
      try {
        setOutput(await body(ctl.signal));
      } catch (e) {
        if ((e as Error)?.name !== 'AbortError') throw e;
        task.note({ intent: 'info', text: (t) => t.consCancelled });
      } finally {
        setPhase('idle');
        abortRef.current = null;
      }
    });

  const onProgress = (done: number, total: number) => setProgress({ done, total });

  /** Main thread: each file read by the host (the shared entry point), then the engine. */
  const consolidateHere = async (signal: AbortSignal, opts: RunOptions, chosen: File[]): Promise<Output> => {
    const inputs: ConsolidateInput[] = [];
    onProgress(0, chosen.length);
    for (const f of chosen) {
      if (signal.aborted) throw abortError();
      let checksum = '';
      try {
        const bytes = new Uint8Array(await f.arrayBuffer());
        checksum = await sha256Hex(bytes);
        inputs.push({ file: f.name, checksum, workbook: await host.readFile(bytes, f.name) });
      } catch (e) {
        inputs.push({ file: f.name, checksum, error: inputErrorOf(readerError(e, f.name)) });
      }
      onProgress(inputs.length, chosen.length);
    }
    setPhase('consolidating');
    return localOutput(await consolidate(inputs, { ...opts, signal, onProgress }));
  };

  const run = () =>
    runWith(files.length, async (signal) => {
      // Lock files and dropped folders are left out with why; every other file is read by content.
      const { read: chosen, skipped } = await intake(files);
      // The earlier table chosen among the received files too: merged with, never counted again as needs.
      const read = chosen.filter((f) => !prev.isPrevious(f));
      if (read.length < chosen.length) task.note({ intent: 'warning', text: (t) => t.consPrevNotInput(previous!.file) });
      const opts: RunOptions = { ...(await runOptions()), ...(skipped.length ? { skipped } : {}) };
      if (typeof Worker !== 'undefined') {
        try {
          return await consolidateInWorker(
            read,
            (ph, done, total) => {
              setPhase(ph);
              setProgress({ done, total });
            },
            signal,
            opts,
          );
        } catch (e) {
          if (!(e instanceof WorkerUnavailable)) throw e;
          setPhase('reading'); // no worker here (CSP, old browser): the main-thread path
        }
      }
      return consolidateHere(signal, opts, read);
    });

  /** Excel: received sheets the officer already copied into the open workbook (our own sheets are skipped). */
  const runOpenWorkbook = () =>
    runWith(1, async (signal) => {
      const wb = await host.readWorkbook();
      const opts = await runOptions();
      setPhase('consolidating');
      return localOutput(await consolidate([{ file: wb.name, checksum: '', workbook: wb }], { ...opts, signal, onProgress }));
    });

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  const download = () =>
    task.run('output', async () => {
      if (output) host.download?.(await output.xlsx(), STRINGS[lang].consFileName);
    });

  /** One file per receiver (district or proposer…), zipped, named by the table and the key. */
  const downloadReceivers = (by: SplitKey) =>
    task.run('output', async () => {
      if (!output || !host.download) return;
      const t = STRINGS[lang];
      const name = t.consSplitFileName(by);
      host.download(await output.receivers(by, tableSource(output.view)), name, 'application/zip');
      task.note({ intent: 'success', text: (t2) => t2.consSplitDone(output.view.receivers[by], name) });
    });

  const write = () =>
    task.run('output', async () => {
      if (!output || !host.writeSheet) return;
      task.note(await writeRunSheets(host, await output.sheets(), [VANISHED_SHEET, UNMATCHED_DECISIONS_SHEET]));
    });

  return {
    task,
    files,
    addFiles,
    clearFiles,
    choice,
    choose,
    district,
    setDistrict,
    phase,
    progress,
    cancel,
    result: output?.view ?? null,
    ranWith,
    previous,
    pickPrevious: prev.pick,
    clearPrevious: prev.clear,
    previousStatus: prev.status,
    mergedWith,
    run,
    runOpenWorkbook,
    download,
    downloadReceivers,
    write,
  };
}
