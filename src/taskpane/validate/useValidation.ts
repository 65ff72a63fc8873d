/**
 * The Validate tab's logic: the plan (picked file or open workbook), the report, the officer's column
 * mappings (remembered per workbook), fixes, the report file or sheet, highlights, and which sheet the
 * preview shows. The panel only renders what this returns.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SheetModel, WorkbookModel } from '../../engine/model';
import type { Finding, WorkbookReport } from '../../engine/findings';
import { writtenNote, type Host, type WrittenSheet } from '../host/host';
import { PaneError } from '../host/paneError';
import { baseName, STRINGS, type Lang } from '../i18n';
import { nextPaint, useTask } from '../common/useTask';
import { usePlanFile } from '../common/usePlanFile';

export type ValidateBusy = 'reading' | 'validating' | 'report' | 'highlight';

export interface Selection {
  sheet: string;
  address: string | null;
}

/** Officer's column mappings for this workbook: sheet → field → column letter. */
export type Mappings = Record<string, Record<string, string>>;
export const MAPPING_KEY = 'columnMapping';

/** The remembered mappings, checked again (only column letters survive). */
export function parseMappings(raw: string | undefined): Mappings {
  try {
    const v = raw ? (JSON.parse(raw) as unknown) : {};
    if (!v || typeof v !== 'object') return {};
    const out: Mappings = {};
    for (const [sheet, m] of Object.entries(v as Record<string, unknown>)) {
      if (!m || typeof m !== 'object') continue;
      out[sheet] = Object.fromEntries(
        Object.entries(m as Record<string, unknown>).filter(([, l]) => typeof l === 'string' && /^[A-Z]{1,3}$/.test(l)),
      ) as Record<string, string>;
    }
    return out;
  } catch {
    return {};
  }
}

const NOT_PLANS = new Set(['other', 'calendar', 'strategies']);

/**
 * The sheet the preview opens on: the first plan sheet the report recognised, else the first visible
 * sheet that holds cells (a chart sheet holds none), else the first sheet.
 */
export function firstPlanSheet(wb: WorkbookModel, report?: WorkbookReport | null): string | null {
  const visible = wb.sheets.filter((s) => !s.hidden);
  const byReport = report?.sheets.find((s) => !NOT_PLANS.has(s.kind) && s.projects > 0 && visible.some((v) => v.name === s.name));
  if (byReport) return byReport.name;
  const hasCells = (s: SheetModel) => s.rows.some((r) => r?.some((c) => c != null && c.v !== ''));
  return (visible.find(hasCells) ?? visible[0] ?? wb.sheets[0])?.name ?? null;
}

export function useValidation(host: Host, lang: Lang) {
  const plan = usePlanFile(host);
  const task = useTask<ValidateBusy>();
  const [workbook, setWorkbook] = useState<WorkbookModel | null>(plan.workbook);
  const [report, setReport] = useState<WorkbookReport | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [previewSheet, setPreviewSheet] = useState<string | null>(() => (plan.workbook ? firstPlanSheet(plan.workbook) : null));
  const [mappings, setMappings] = useState<Mappings>({});

  const forget = useCallback((wb: WorkbookModel | null) => {
    setReport(null);
    setSelection(null);
    setPreviewSheet(wb ? firstPlanSheet(wb) : null);
  }, []);
  // The plan changed (here, in another tab, or cleared by a failed pick): its old results go. A fix
  // changes the model of the same file and keeps them until the re-check replaces them.
  const shown = useRef(plan.workbook);
  useEffect(() => {
    if (!host.planFile) return;
    const old = shown.current;
    shown.current = plan.workbook;
    setWorkbook(plan.workbook);
    if (old !== plan.workbook && !(old && plan.workbook && old.name === plan.workbook.name)) forget(plan.workbook);
  }, [plan.workbook, host.planFile, forget]);

  const load = useCallback(
    (get: () => Promise<WorkbookModel>) =>
      task.run('reading', async () => {
        forget(null);
        forget(await get());
      }),
    [task, forget],
  );
  const pick = useCallback((file: File) => load(() => plan.load(file)), [load, plan]);
  const pickSample = useCallback(() => load(() => plan.loadSample()), [load, plan]);

  const validate = useCallback(async () => {
    const wb = await host.readWorkbook();
    const { validateWorkbook } = await import(/* webpackChunkName: "validate" */ '../../engine/validate');
    const saved = parseMappings(await host.getSetting(MAPPING_KEY));
    await nextPaint();
    const rep = validateWorkbook(wb, { columnMappings: saved });
    setMappings(saved);
    setWorkbook(wb);
    setReport(rep);
    setPreviewSheet((prev) => (prev && rep.sheets.some((s) => s.name === prev && !NOT_PLANS.has(s.kind)) ? prev : firstPlanSheet(wb, rep)));
  }, [host]);
  const run = useCallback(() => task.run('validating', validate), [task, validate]);
  const validateRef = useRef(validate);
  validateRef.current = validate;

  const saveMapping = useCallback(
    (sheetName: string, mapping: Record<string, string> | undefined) => {
      const next = { ...mappings };
      if (mapping) next[sheetName] = mapping;
      else delete next[sheetName];
      setMappings(next);
      void task.run('validating', async () => {
        await host.setSetting(MAPPING_KEY, JSON.stringify(next));
        await validateRef.current();
      });
    },
    [host, mappings, task],
  );

  const select = useCallback(
    (f: Finding) => {
      const address = f.row != null && f.column ? `${f.column}${f.row}` : null;
      setSelection({ sheet: f.sheet, address });
      setPreviewSheet(f.sheet);
      host.selectCell?.(f.sheet, address ?? 'A1').catch(task.fail);
    },
    [host, task.fail],
  );

  const fix = useCallback(
    (f: Finding) =>
      task.run('validating', async () => {
        if (!f.fix || !host.applyFix) return;
        // Another tab may have opened a different file since this report was made.
        const current = await host.readWorkbook();
        if (report && current.name !== report.file) {
          throw new PaneError(STRINGS.th.fileChanged(current.name), STRINGS.en.fileChanged(current.name), 'file-changed');
        }
        await host.applyFix(f.sheet, f.fix);
        await validateRef.current();
        const where = `${f.sheet}!${f.fix.column}${f.fix.row}`;
        task.note({ intent: 'success', text: (t) => `${t.fixed}: ${where}` });
      }),
    [host, report, task],
  );

  const reportBook = useCallback(async () => {
    const { reportWorkbook } = await import(/* webpackChunkName: "report" */ '../../engine/validate/report');
    return reportWorkbook([report!], lang);
  }, [report, lang]);

  const download = useCallback(
    () =>
      task.run('report', async () => {
        if (!report) return;
        const [wb, { writeXlsx }] = await Promise.all([reportBook(), import(/* webpackChunkName: "xlsx-write" */ '../../xlsx/write')]);
        host.download?.(writeXlsx(wb), STRINGS[lang].reportFileName(baseName(report.file)));
      }),
    [task, report, reportBook, host, lang],
  );

  const writeReport = useCallback(
    () =>
      task.run('report', async () => {
        if (!report || !host.writeSheet) return;
        const written: WrittenSheet[] = [];
        for (const s of (await reportBook()).sheets) written.push(await host.writeSheet(s));
        task.note({ intent: 'success', text: (t) => writtenNote(t.reportWritten, written, t.sheetsReplaced) });
      }),
    [task, report, reportBook, host],
  );

  const findings = useMemo(() => report?.sheets.flatMap((s) => s.findings) ?? [], [report]);
  const highlight = useCallback(() => task.run('highlight', async () => host.highlight?.(findings)), [task, host, findings]);
  const clearHighlights = useCallback(() => task.run('highlight', async () => host.clearHighlights?.()), [task, host]);

  const counts = useMemo(() => {
    let errors = 0;
    let warnings = 0;
    for (const f of findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    return { errors, warnings, all: findings.length };
  }, [findings]);

  const preview = host.planFile && workbook ? workbook.sheets.find((s) => s.name === previewSheet) : undefined;
  const previewFindings = useMemo(
    () => (report && preview ? (report.sheets.find((s) => s.name === preview.name)?.findings ?? []) : []),
    [report, preview],
  );

  return {
    task,
    picks: plan.picks,
    workbook,
    report,
    counts,
    mappings,
    selection,
    previewSheet,
    setPreviewSheet,
    preview,
    previewFindings,
    canRun: !task.busy && (!plan.picks || !!workbook),
    pick,
    pickSample,
    run,
    saveMapping,
    select,
    fix,
    download,
    writeReport,
    highlight,
    clearHighlights,
  };
}

export type Validation = ReturnType<typeof useValidation>;
