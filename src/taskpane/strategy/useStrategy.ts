/**
 * The Strategy tab's logic: the province's issue list (a preset, the province's file, a sheet of this
 * workbook — remembered per workbook), the plan (picked file, shared with the other tabs, or the open
 * workbook), the verdicts grouped by status, and the result sheet downloaded, written or highlighted.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WorkbookModel } from '../../engine/model';
import { presetById, readStrategies, type MatchStatus, type StrategyList } from '../../engine/strategy';
import { FLAGGED, matchFindings, matchWorkbook, mismatchSheet, type ProjectMatch } from '../../engine/strategy/report';
import { writtenNote, type Host } from '../host/host';
import { PaneError } from '../host/paneError';
import { baseName, STRINGS, type Lang } from '../i18n';
import { nextPaint, useTask } from '../common/useTask';
import { usePlanFile } from '../common/usePlanFile';
import { listOfChoice, parseChoice, saveChoice, SETTING_KEY, type StrategyChoice } from '../common/strategyChoice';

export const GROUPS: MatchStatus[] = ['none', 'weak', 'undeclared', 'consistent'];

/** The verdicts as findings, so SheetPreview and host.highlight colour them. */
export const pseudoFindings = matchFindings;

/** Sheets of a workbook that hold an issue list. */
export function listsOf(wb: WorkbookModel | null): Array<{ sheet: string; list: StrategyList }> {
  const out: Array<{ sheet: string; list: StrategyList }> = [];
  for (const s of wb?.sheets ?? []) {
    try {
      const list = readStrategies(s);
      if (list) out.push({ sheet: s.name, list });
    } catch {
      /* not a list */
    }
  }
  return out;
}

export type StrategyBusy = 'reading' | 'running' | 'output';

export function useStrategy(host: Host, lang: Lang) {
  const plan = usePlanFile(host);
  const task = useTask<StrategyBusy>();
  const [openWorkbook, setOpenWorkbook] = useState<WorkbookModel | null>(null);
  const workbook = host.planFile ? plan.workbook : openWorkbook;
  const [choice, setChoice] = useState<StrategyChoice | null>(null);
  const [provinceFile, setProvinceFile] = useState<{ name: string; lists: Array<{ sheet: string; list: StrategyList }> } | null>(null);
  const [matches, setMatches] = useState<ProjectMatch[] | null>(null);
  const [ranWith, setRanWith] = useState<StrategyList | null>(null);
  const [selected, setSelected] = useState<{ sheet: string; address: string } | null>(null);

  // Excel: read the open workbook once for its name and its issue-list sheets.
  const fail = task.fail;
  useEffect(() => {
    if (host.planFile) return;
    let live = true;
    host
      .readWorkbook()
      .then((wb) => live && setOpenWorkbook(wb))
      .catch((e) => live && fail(e));
    return () => {
      live = false;
    };
  }, [host, fail]);

  // A new picked plan (or none, after a failed pick) drops the verdicts of the old one.
  const shown = useRef(plan.workbook);
  useEffect(() => {
    if (shown.current === plan.workbook) return;
    shown.current = plan.workbook;
    setMatches(null);
    setSelected(null);
  }, [plan.workbook]);

  // A workbook (re)appears: restore the list chosen for it last time, or remember the current choice for it.
  const wbName = workbook?.name ?? null;
  const choiceRef = useRef<StrategyChoice | null>(null);
  choiceRef.current = choice;
  useEffect(() => {
    if (!wbName) return;
    let live = true;
    host
      .getSetting(SETTING_KEY)
      .then((raw) => {
        if (!live) return;
        const saved = parseChoice(raw);
        if (saved) setChoice(saved);
        else if (choiceRef.current) saveChoice(host, choiceRef.current);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wbName, host]);

  const choose = useCallback(
    (c: StrategyChoice | null) => {
      setChoice(c);
      setMatches(null);
      setSelected(null);
      if (c && wbName) saveChoice(host, c);
    },
    [wbName, host],
  );

  const workbookLists = useMemo(() => listsOf(workbook), [workbook]);
  const list: StrategyList | null = listOfChoice(choice);

  // <select> value: preset id, 'file:<sheet>', 'sheet:<sheet>', or 'saved' for a remembered list.
  const fileList = choice?.kind === 'list' ? provinceFile?.lists.find((l) => l.list === choice.list) : undefined;
  const selectValue = !choice
    ? ''
    : choice.kind === 'preset'
      ? choice.id
      : fileList
        ? `file:${fileList.sheet}`
        : workbookLists.some((l) => `sheet:${l.sheet}` === choice.label)
          ? choice.label
          : 'saved';

  const select = (value: string) => {
    if (!value) return choose(null);
    if (value === 'saved') return;
    if (value.startsWith('file:')) {
      const l = provinceFile?.lists.find((x) => `file:${x.sheet}` === value);
      if (l) choose({ kind: 'list', label: `${provinceFile!.name} · ${l.sheet}`, list: l.list });
      return;
    }
    if (value.startsWith('sheet:')) {
      const l = workbookLists.find((x) => `sheet:${x.sheet}` === value);
      if (l) choose({ kind: 'list', label: value, list: l.list });
      return;
    }
    if (presetById(value)) choose({ kind: 'preset', id: value });
  };

  const pickProvinceFile = (file: File) =>
    task.run('reading', async () => {
      const wb = await host.readFile(new Uint8Array(await file.arrayBuffer()), file.name);
      const lists = listsOf(wb);
      if (!lists.length) throw new PaneError(STRINGS.th.strategyNoList(file.name), STRINGS.en.strategyNoList(file.name), 'no-list');
      setProvinceFile({ name: file.name, lists });
      choose({ kind: 'list', label: `${file.name} · ${lists[0].sheet}`, list: lists[0].list });
    });

  const pickPlan = (file: File) => task.run('reading', () => plan.load(file));
  const pickSample = () => task.run('reading', () => plan.loadSample());

  const run = () =>
    task.run('running', async () => {
      if (!list) return;
      setSelected(null);
      const wb = await host.readWorkbook();
      await nextPaint(); // let the spinner paint before the synchronous matching
      if (!host.planFile) setOpenWorkbook(wb);
      setMatches(matchWorkbook(wb, list));
      setRanWith(list);
    });

  const flagged = useMemo(() => (matches ?? []).filter((m) => FLAGGED.has(m.verdict.status)), [matches]);
  const findings = useMemo(() => pseudoFindings(matches ?? []), [matches]);
  const byStatus = useMemo(() => {
    const m = new Map<MatchStatus, ProjectMatch[]>();
    for (const s of GROUPS) m.set(s, []);
    for (const x of matches ?? []) m.get(x.verdict.status)?.push(x);
    return m;
  }, [matches]);

  const pick = useCallback(
    (m: ProjectMatch) => {
      const address = `${m.column}${m.row}`;
      setSelected((prev) =>
        prev && prev.sheet === m.sheet && prev.address === address && !host.selectCell ? null : { sheet: m.sheet, address },
      );
      host.selectCell?.(m.sheet, address).catch(task.fail);
    },
    [host, task.fail],
  );

  const resultSheet = () => mismatchSheet(matches!, ranWith!, lang);
  const download = () =>
    task.run('output', async () => {
      if (!matches || !ranWith) return;
      const { writeXlsx } = await import(/* webpackChunkName: "xlsx-write" */ '../../xlsx/write');
      host.download?.(writeXlsx({ sheets: [resultSheet()] }), STRINGS[lang].strategyFileName(baseName(workbook?.name ?? '')));
    });
  const write = () =>
    task.run('output', async () => {
      if (!matches || !ranWith || !host.writeSheet) return;
      const written = [await host.writeSheet(resultSheet())];
      task.note({ intent: 'success', text: (t) => writtenNote(t.strategySheetWritten, written, t.sheetsReplaced) });
    });
  const highlight = () =>
    task.run('output', async () => {
      if (!host.highlight) return;
      await host.highlight(findings);
      const n = findings.length;
      task.note({ intent: 'success', text: (t) => t.strategyHighlighted(n) });
    });
  const clearHighlights = () => task.run('output', async () => host.clearHighlights?.());

  const previewSheet = host.planFile && selected && workbook ? workbook.sheets.find((s) => s.name === selected.sheet) : undefined;
  const previewFindings = useMemo(
    () => (previewSheet ? findings.filter((f) => f.sheet === previewSheet.name) : []),
    [findings, previewSheet],
  );
  const issueName = (code?: string) => {
    if (!code || !ranWith) return '';
    const i = ranWith.issues.find((x) => x.code === code);
    return i ? `${code}. ${i.name}` : code;
  };

  return {
    task,
    picks: plan.picks,
    workbook,
    choice,
    list,
    preset: choice?.kind === 'preset' ? presetById(choice.id) : undefined,
    provinceFile,
    workbookLists,
    selectValue,
    select,
    pickProvinceFile,
    pickPlan,
    pickSample,
    canRun: !task.busy && !!list && (!plan.picks || !!workbook),
    run,
    matches,
    flagged,
    byStatus,
    selected,
    pick,
    previewSheet,
    previewFindings,
    issueName,
    download,
    write,
    highlight,
    clearHighlights,
  };
}
