/**
 * Consolidate panel: pick or drop the received workbooks, read them (progress, cancel), build the
 * district needs table, show inputs / totals / duplicates, then write the sheets into the open
 * workbook (Excel) or download the .xlsx. Loaded lazily by App.tsx.
 *
 * With a province's list of development issues (a preset, or the list remembered for this workbook in
 * the Strategy tab) every need is matched to it: the needs table is grouped by the issue and remarks on
 * needs that declare none, an unknown one or one their text does not fit, as `oneplan consolidate
 * --strategies` does.
 *
 * By default the whole run (parse, collect, match, tables) happens in a Web Worker
 * (worker/consolidate.worker.ts) so a district's 200 files never block the pane; the pane holds only
 * a small view of the result. A `readFiles` prop, or no worker, uses the main-thread path.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Badge,
  Button,
  Field,
  makeStyles,
  Select,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  consolidate,
  needsFileWorkbook,
  needsWorkbook,
  type ConsolidateInput,
  type ConsolidateResult,
  type Confidence,
  inputErrorOf,
  type InputError,
  type InputStatus,
} from '../../engine/consolidate';
import type { WorkbookModel } from '../../engine/model';
import type { OutSheet } from '../../engine/output';
import { writeXlsx } from '../../xlsx/write';
import type { Host } from '../host/host';
import { XLSX_MIME } from '../host/host';
import { consolidateView, type ConsolidateView } from '../worker/protocol';
import { consolidateInWorker, WorkerUnavailable } from './workerConsolidation';
import { sha256Hex } from '../common/sha256';
import { STRATEGY_PRESETS } from '../../engine/strategy/presets';
import { listOfChoice, parseChoice, saveChoice, SETTING_KEY, type StrategyChoice } from '../common/strategyChoice';

export type Lang = 'th' | 'en';

export interface ReadFileResult {
  file: string;
  checksum: string;
  workbook?: WorkbookModel;
  error?: InputError;
}

export type ReadFiles = (
  files: File[],
  onProgress: (filesDone: number, total: number) => void,
  signal: AbortSignal,
) => Promise<ReadFileResult[]>;

export interface ConsolidatePanelProps {
  lang: Lang;
  /** Reads the chosen files (adapter: worker parse + crypto.subtle SHA-256). Default: in this pane. */
  readFiles?: ReadFiles;
  /** Writes the result sheets into the open workbook (Excel only). */
  writeSheets?: (sheets: OutSheet[]) => Promise<void>;
  /**
   * Saves a file. (fileName, data, mime) — or, when the pane passes `host` without `readFiles`
   * (the App shell's convention), (bytes, fileName).
   */
  download: ((fileName: string, data: Uint8Array | string, mime: string) => void) | ((bytes: Uint8Array, fileName: string) => void);
  /** The App shell's host: its writeSheet is used when writeSheets is not given. */
  host?: Host;
}

const fmt = (n: number) => n.toLocaleString('en-US');

const S = {
  th: {
    drop: 'ลากไฟล์ .xlsx ที่ได้รับ (แผนตำบล แผนหมู่บ้าน ผ.02 ผ.02/2) มาวางที่นี่ หรือ',
    choose: 'เลือกไฟล์',
    chosen: (n: number) => `เลือกแล้ว ${n} ไฟล์`,
    clear: 'ล้างรายการ',
    run: 'รวบรวมเป็นแผนความต้องการของอำเภอ',
    runOpen: 'รวบรวมจากชีตในสมุดงานที่เปิดอยู่',
    reading: (d: number, t: number) => `กำลังอ่านไฟล์ ${d}/${t}`,
    consolidating: (d: number, t: number) => `กำลังรวบรวม ${d}/${t}`,
    cancel: 'ยกเลิก',
    cancelled: 'ยกเลิกการรวบรวมแล้ว',
    error: 'เกิดข้อผิดพลาด',
    inputs: 'ไฟล์ที่รวบรวม',
    file: 'ไฟล์',
    status: 'สถานะ',
    detail: 'รายละเอียด',
    statuses: { ok: 'อ่านได้', skipped: 'ข้าม', failed: 'อ่านไม่ได้' } as Record<InputStatus, string>,
    projects: (read: number, taken: number) => `${read} โครงการ · นำเข้า ${taken}`,
    needs: (n: number, counted: number) => `แผนความต้องการ ${n} โครงการ (นับยอด ${counted})`,
    year: 'ปีงบประมาณ',
    amount: 'งบประมาณ (บาท)',
    duplicates: 'โครงการที่อาจซ้ำกัน',
    noDuplicates: 'ไม่พบโครงการซ้ำ',
    confidence: { exact: 'ซ้ำตรงกัน', likely: 'น่าจะซ้ำ', possible: 'อาจซ้ำ — ให้ตรวจสอบ' } as Record<Confidence, string>,
    merged: 'รวมเป็นรายการเดียว',
    moreDuplicates: (n: number) => `และอีก ${n} กลุ่ม (ดูทั้งหมดในไฟล์ที่ดาวน์โหลด)`,
    local: 'มีในแผนพัฒนาท้องถิ่นแล้ว',
    row: 'แถว',
    write: 'เขียนชีตลงในสมุดงาน',
    written: 'เขียนชีตแล้ว',
    download: 'ดาวน์โหลด .xlsx',
    fileName: 'แผนความต้องการอำเภอ.xlsx',
    notXlsx: (names: string) => `ข้ามไฟล์ที่ไม่ใช่ .xlsx: ${names}`,
    strategy: 'ตรวจกับประเด็นการพัฒนาจังหวัด',
    strategyNone: 'ไม่ตรวจ (จัดกลุ่มตามที่ไฟล์ระบุ)',
    strategySaved: (label: string) => `รายการที่บันทึกไว้${label ? `: ${label}` : ''}`,
    mismatches: (n: number) =>
      n ? `ประเด็นการพัฒนาไม่สอดคล้อง/ไม่ระบุ ${fmt(n)} โครงการ (ดูเหตุผลในชีตผลลัพธ์)` : 'ทุกโครงการสอดคล้องกับประเด็นการพัฒนาที่ระบุ',
  },
  en: {
    drop: 'Drop the received .xlsx files (tambon, village, ผ.02, ผ.02/2 plans) here, or',
    choose: 'Choose files',
    chosen: (n: number) => `${n} file${n === 1 ? '' : 's'} chosen`,
    clear: 'Clear',
    run: 'Consolidate into the district needs table',
    runOpen: 'Consolidate the sheets of this workbook',
    reading: (d: number, t: number) => `Reading files ${d}/${t}`,
    consolidating: (d: number, t: number) => `Consolidating ${d}/${t}`,
    cancel: 'Cancel',
    cancelled: 'Consolidation cancelled',
    error: 'Something went wrong',
    inputs: 'Files',
    file: 'File',
    status: 'Status',
    detail: 'Details',
    statuses: { ok: 'Read', skipped: 'Skipped', failed: 'Failed' } as Record<InputStatus, string>,
    projects: (read: number, taken: number) => `${read} projects · ${taken} taken`,
    needs: (n: number, counted: number) => `Needs table: ${n} projects (${counted} counted)`,
    year: 'Fiscal year',
    amount: 'Budget (baht)',
    duplicates: 'Possible duplicates',
    noDuplicates: 'No duplicates found',
    confidence: { exact: 'Exact', likely: 'Likely', possible: 'Possible — please check' } as Record<Confidence, string>,
    merged: 'merged into one',
    moreDuplicates: (n: number) => `and ${n} more groups (all are in the downloaded file)`,
    local: 'already in a local plan',
    row: 'row',
    write: 'Write sheets to the workbook',
    written: 'Sheets written',
    download: 'Download .xlsx',
    fileName: 'district-needs.xlsx',
    notXlsx: (names: string) => `Skipped files that are not .xlsx: ${names}`,
    strategy: "Check against the province's development issues",
    strategyNone: 'No check (grouped as the files declare)',
    strategySaved: (label: string) => `Remembered list${label ? `: ${label}` : ''}`,
    mismatches: (n: number) =>
      n ? `${fmt(n)} projects declare no development issue, an unknown one or one that does not fit (reasons in the result sheets)` : 'Every project fits the development issue it declares',
  },
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px' },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '16px',
    textAlign: 'center',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200 },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  dup: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: '8px', marginBottom: '6px' },
  // A long preset name must not widen the pane (a native <select> grows to its longest option).
  picker: { width: '100%', minWidth: 0, maxWidth: '100%' },
});


/** Default reader: each file in turn, parsed off the main thread when a worker is available. */
const defaultReadFiles: ReadFiles = async (files, onProgress, signal) => {
  const { parseXlsx } = await import('../host/browserHost');
  const out: ReadFileResult[] = [];
  onProgress(0, files.length);
  for (let i = 0; i < files.length; i++) {
    if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    const f = files[i];
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const checksum = await sha256Hex(bytes);
      try {
        out.push({ file: f.name, checksum, workbook: await parseXlsx(bytes, f.name) });
      } catch (e) {
        out.push({ file: f.name, checksum, error: inputErrorOf(e) });
      }
    } catch (e) {
      out.push({ file: f.name, checksum: '', error: inputErrorOf(e) });
    }
    onProgress(i + 1, files.length);
  }
  return out;
};

type Texts = (typeof S)['th'];
/** An error message for the bar: the English text when the error carries one. */
const failure = (e: unknown): { intent: 'error'; text: (t: Texts) => string } => {
  const err = e as { message?: string; messageEn?: string } | undefined;
  const th = err?.message ?? String(e);
  return { intent: 'error', text: (t) => `${t.error}: ${t === S.en ? err?.messageEn ?? th : th}` };
};

/** The result as the panel shows it, and how to get the full sheets. */
interface Output {
  view: ConsolidateView;
  xlsx(): Promise<Uint8Array>;
  sheets(): Promise<OutSheet[]>;
}

function localOutput(r: ConsolidateResult): Output {
  return {
    view: consolidateView(r),
    xlsx: async () => writeXlsx(needsFileWorkbook(r)),
    sheets: async () => needsWorkbook(r).sheets,
  };
}

export default function ConsolidatePanel(props: ConsolidatePanelProps) {
  const { lang, host } = props;
  const t = S[lang] ?? S.th;
  const styles = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<'idle' | 'reading' | 'consolidating'>('idle');
  const [progress, setProgress] = useState<{ done: number; total: number }>({ done: 0, total: 0 });
  const [output, setOutput] = useState<Output | null>(null);
  const result = output?.view ?? null;
  const setResult = (o: Output | null) => setOutput(o);
  // Texts are built when shown, so a message follows the language toggle.
  const [message, setMessage] = useState<{ intent: 'error' | 'warning' | 'success' | 'info'; text: (t: Texts) => string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  // The issue list to match needs against; the one remembered for this workbook until the officer picks.
  const [choice, setChoice] = useState<StrategyChoice | null>(null);
  const picked = useRef(false);
  const [ranWith, setRanWith] = useState(false);
  useEffect(() => {
    let live = true;
    host
      ?.getSetting(SETTING_KEY)
      .then((raw) => {
        const saved = parseChoice(raw);
        if (live && saved && !picked.current) setChoice(saved);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);
  const onChoose = (value: string) => {
    if (value === 'saved') return;
    picked.current = true;
    const c: StrategyChoice | null = value ? { kind: 'preset', id: value } : null;
    setChoice(c);
    setResult(null);
    if (c && host) saveChoice(host, c);
  };
  const strategies = listOfChoice(choice) ?? undefined;

  // Leaving the tab unmounts the panel: stop its run so a later one does not share the worker with it.
  useEffect(() => () => abortRef.current?.abort(), []);

  const readFiles = props.readFiles ?? defaultReadFiles;
  const writeSheets = useMemo(() => {
    if (props.writeSheets) return props.writeSheets;
    if (host?.writeSheet) {
      const write = host.writeSheet.bind(host);
      return async (sheets: OutSheet[]) => {
        for (const s of sheets) await write(s);
      };
    }
    return undefined;
  }, [props.writeSheets, host]);

  const addFiles = useCallback(
    (list: FileList | File[] | null) => {
      if (!list) return;
      const all = [...list];
      const ok = all.filter((f) => /\.xlsx$/i.test(f.name));
      const bad = all.filter((f) => !/\.xlsx$/i.test(f.name));
      const names = bad.map((f) => f.name).join(', ');
      setMessage(bad.length ? { intent: 'warning', text: (tt) => tt.notXlsx(names) } : null);
      setFiles((prev) => {
        const seen = new Set(prev.map((f) => `${f.name}:${f.size}`));
        return [...prev, ...ok.filter((f) => !seen.has(`${f.name}:${f.size}`))];
      });
      setResult(null);
    },
    [t],
  );

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    addFiles(e.dataTransfer?.files ?? null);
  };

  /** One run at a time: cancel, progress, messages and the result are handled alike for every source. */
  const runWith = async (total: number, body: (signal: AbortSignal) => Promise<Output>) => {
    const ctl = new AbortController();
    abortRef.current = ctl;
    setMessage(null);
    setResult(null);
    try {
      setPhase('reading');
      setProgress({ done: 0, total });
      setResult(await body(ctl.signal));
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') setMessage({ intent: 'info', text: (tt) => tt.cancelled });
      else setMessage(failure(e));
    } finally {
      setPhase('idle');
      abortRef.current = null;
    }
  };

  const run = () =>
    runWith(files.length, async (signal) => {
      setRanWith(!!strategies);
      if (!props.readFiles && typeof Worker !== 'undefined') {
        try {
          return await consolidateInWorker(
            files,
            (ph, done, total) => {
              setPhase(ph);
              setProgress({ done, total });
            },
            signal,
            strategies,
          );
        } catch (e) {
          if (!(e instanceof WorkerUnavailable)) throw e;
          // No worker here (CSP, old browser): the main-thread path below.
          setPhase('reading');
          setProgress({ done: 0, total: files.length });
        }
      }
      const read = await readFiles(files, (done, total) => setProgress({ done, total }), signal);
      if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      setPhase('consolidating');
      const inputs: ConsolidateInput[] = read.map((r) => ({ file: r.file, checksum: r.checksum, workbook: r.workbook, error: r.error }));
      const res = await consolidate(inputs, { signal, strategies, onProgress: (done, total) => setProgress({ done, total }) });
      return localOutput(res);
    });

  /** Excel: received sheets the officer already copied into the open workbook (our own sheets are skipped). */
  const runOpenWorkbook = () =>
    runWith(1, async (signal) => {
      if (!host) throw new Error('no workbook');
      const wb = await host.readWorkbook();
      setPhase('consolidating');
      setRanWith(!!strategies);
      const res = await consolidate([{ file: wb.name, checksum: '', workbook: wb }], {
        signal,
        strategies,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      return localOutput(res);
    });

  const onDownload = async () => {
    if (!output) return;
    try {
      const bytes = await output.xlsx();
      if (host && !props.readFiles) (props.download as (b: Uint8Array, n: string) => void)(bytes, t.fileName);
      else (props.download as (n: string, d: Uint8Array | string, m: string) => void)(t.fileName, bytes, XLSX_MIME);
    } catch (e) {
      setMessage(failure(e));
    }
  };

  const onWrite = async () => {
    if (!output || !writeSheets) return;
    try {
      await writeSheets(await output.sheets());
      setMessage({ intent: 'success', text: (tt) => tt.written });
    } catch (e) {
      setMessage(failure(e));
    }
  };

  const busy = phase !== 'idle';
  const counted = result?.counted ?? 0;

  return (
    <div data-testid="consolidate-panel" className={styles.root}>
      <Field label={t.strategy} style={{ minWidth: 0 }}>
        <Select
          className={styles.picker}
          data-testid="consolidate-strategy"
          value={!choice ? '' : choice.kind === 'preset' ? choice.id : 'saved'}
          onChange={(_, d) => onChoose(d.value)}
          disabled={busy}
        >
          <option value="">{t.strategyNone}</option>
          {STRATEGY_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {lang === 'th' ? p.label : p.labelEn}
            </option>
          ))}
          {choice?.kind === 'list' && <option value="saved">{t.strategySaved(choice.label)}</option>}
        </Select>
      </Field>
      {host?.mode === 'excel' && (
        <Button onClick={runOpenWorkbook} disabled={phase !== 'idle'} data-testid="consolidate-open-workbook">
          {t.runOpen}
        </Button>
      )}
      <div
        data-testid="consolidate-drop"
        className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Text>{t.drop}</Text>{' '}
        <Button appearance="secondary" size="small" onClick={() => inputRef.current?.click()} disabled={busy} data-testid="consolidate-choose">
          {t.choose}
        </Button>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          data-testid="consolidate-input"
          onChange={(e) => {
            addFiles(e.target.files);
            e.target.value = '';
          }}
        />
      </div>

      {files.length > 0 && (
        <div>
          <div className={styles.row}>
            <Text weight="semibold">{t.chosen(files.length)}</Text>
            <Button size="small" appearance="subtle" onClick={() => (setFiles([]), setResult(null))} disabled={busy}>
              {t.clear}
            </Button>
          </div>
          <ul className={styles.list}>
            {files.map((f) => (
              <li key={`${f.name}:${f.size}`}>{f.name}</li>
            ))}
          </ul>
          <Button appearance="primary" onClick={run} disabled={busy} data-testid="consolidate-run">
            {t.run}
          </Button>
        </div>
      )}

      {busy && (
        <Field
          validationMessage={phase === 'reading' ? t.reading(progress.done, progress.total) : t.consolidating(progress.done, progress.total)}
          validationState="none"
        >
          <ProgressBar
            data-testid="consolidate-progress"
            value={progress.total ? progress.done / progress.total : undefined}
            max={1}
          />
          <div className={styles.row} style={{ marginTop: 6 }}>
            <Button size="small" onClick={() => abortRef.current?.abort()} data-testid="consolidate-cancel">
              {t.cancel}
            </Button>
          </div>
        </Field>
      )}

      {message && (
        <MessageBar intent={message.intent} data-testid="consolidate-message">
          <MessageBarBody>{message.text(t)}</MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <div data-testid="consolidate-results" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <div>
            <Text weight="semibold">{t.inputs}</Text>
            <Table size="small" aria-label={t.inputs}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.file}</TableHeaderCell>
                  <TableHeaderCell>{t.status}</TableHeaderCell>
                  <TableHeaderCell>{t.detail}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.inputs.map((i, k) => (
                  <TableRow key={k} data-testid="consolidate-input-row" data-status={i.status}>
                    <TableCell>{i.file}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={i.status === 'ok' ? 'success' : i.status === 'failed' ? 'danger' : 'warning'}>
                        {t.statuses[i.status]}
                      </Badge>
                    </TableCell>
                    <TableCell>
                      {i.error
                        ? (lang === 'en' && i.error.messageEn) || i.error.message
                        : i.status === 'skipped'
                          ? (lang === 'en' && i.noteEn) || i.note
                          : t.projects(i.projects, i.taken)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>

          <div>
            <Text weight="semibold" data-testid="consolidate-needs-count">
              {t.needs(result.itemCount, counted)}
            </Text>
            {ranWith && (
              <Text block size={200} data-testid="consolidate-mismatches" data-count={result.mismatchCount}>
                {t.mismatches(result.mismatchCount)}
              </Text>
            )}
            <Table size="small" aria-label={t.amount}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.year}</TableHeaderCell>
                  <TableHeaderCell>{t.amount}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.years.map((y) => (
                  <TableRow key={y} data-testid="consolidate-total" data-year={y}>
                    <TableCell>{y}</TableCell>
                    <TableCell className={styles.num}>{fmt(result.totals[y] ?? 0)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>

          <div data-testid="consolidate-duplicates">
            <Text weight="semibold">{t.duplicates}</Text>
            {result.duplicates.length === 0 && <Text block>{t.noDuplicates}</Text>}
            {result.duplicates.map((g, k) => (
              <div key={k} className={styles.dup} data-confidence={g.confidence}>
                <Badge appearance="tint" color={g.confidence === 'possible' ? 'warning' : 'informative'}>
                  {t.confidence[g.confidence]}
                </Badge>{' '}
                <Text size={200}>{g.localPlan ? t.local : g.merged ? t.merged : ''}</Text>
                <ul className={styles.list}>
                  {g.items.map((m, j) => (
                    <li key={j}>
                      {m.name} — {m.file} / {m.sheet} / {t.row} {m.row}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {result.duplicateCount > result.duplicates.length && (
              <Text size={200} block data-testid="consolidate-more-duplicates">
                {t.moreDuplicates(result.duplicateCount - result.duplicates.length)}
              </Text>
            )}
          </div>

          <div className={styles.row}>
            {writeSheets && (
              <Button appearance="primary" onClick={onWrite} data-testid="consolidate-write">
                {t.write}
              </Button>
            )}
            <Button appearance={writeSheets ? 'secondary' : 'primary'} onClick={() => void onDownload()} data-testid="consolidate-download">
              {t.download}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
