/**
 * The action plan section's logic (Consolidate tab): the funded-project files, the fiscal year (the one
 * in progress by default: the plan is due in its November), the district's name from the Consolidate
 * tab's settings, one run (each file read by the host, then the engine), and the plan downloaded or
 * its sheets written.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  actionPlanWorkbook,
  ACTION_VANISHED_SHEET,
  buildActionPlan,
  readPreviousActionPlan,
  type ActionPlan,
  type PreviousActionPlan,
} from '../../engine/action-plan';
import { inputErrorOf, type ConsolidateInput } from '../../engine/consolidate/types';
import { fiscalYearOf } from '../../engine/calendar/thai';
import { parseBEYear } from '../../engine/thai';
import type { Host } from '../host/host';
import { writeRunSheets } from '../common/writeRunSheets';
import { loadDistrictSettings } from '../consolidate/districtSettings';
import { useTask } from '../common/useTask';
import { usePreviousPick, type PickedPrevious } from '../common/usePreviousPick';
import { PaneError } from '../host/paneError';
import type { WorkbookModel } from '../../engine/model';
import { STRINGS, type Lang, type Strings } from '../i18n';

/** "๒๕๖๙" or "2569" → 2569; undefined when the field holds anything but a plausible B.E. year. */
export const parseFiscalYear = (text: string): number | undefined => (/^\s*[0-9๐-๙]{4}\s*$/.test(text) ? parseBEYear(text) : undefined);

/**
 * In Excel, the action plan already in the open workbook. Of the same fiscal year (`previous`): a run
 * merges with it (the officer's columns and rows kept) and writing replaces it with the merged one. Of
 * another year (`otherYear`): writing would replace another year's plan, so the pane downloads instead.
 */
export async function previousActionPlan(host: Host, fiscalYear: number): Promise<{ previous?: PreviousActionPlan; otherYear?: number }> {
  if (host.mode !== 'excel' || host.planFile) return {};
  try {
    // The plan a run wrote is one of our sheets, which a plain read leaves out.
    const prev = readPreviousActionPlan(await host.readWorkbook({ withOutputs: true }));
    if (!prev) return {};
    return prev.fiscalYear === undefined || prev.fiscalYear === fiscalYear ? { previous: prev } : { otherYear: prev.fiscalYear };
  } catch {
    return {};
  }
}

/** The action plan in a picked workbook (browser); a file holding none is refused, saying so. */
const readPickedPlan = (wb: WorkbookModel, file: string): PreviousActionPlan => {
  const plan = readPreviousActionPlan(wb);
  if (!plan) throw new PaneError(STRINGS.th.apPrevNoPlan(file), STRINGS.en.apPrevNoPlan(file), 'no-action-plan');
  return plan;
};
const pickedPlanNote = (t: Strings, p: PickedPrevious<PreviousActionPlan>): string =>
  t.apPrevPicked(p.file, p.table.sheet, p.table.rows.length, p.table.fiscalYear);

/** The picked plan (browser), as previousActionPlan gives the workbook's: merged only when of the run's fiscal year. */
export function pickedActionPlan(
  picked: PickedPrevious<PreviousActionPlan> | null,
  fiscalYear: number,
): { previous?: PreviousActionPlan; otherYear?: number } {
  if (!picked) return {};
  const fy = picked.table.fiscalYear;
  return fy === undefined || fy === fiscalYear ? { previous: picked.table } : { otherYear: fy };
}

export function useActionPlan(host: Host, lang: Lang) {
  const task = useTask<'run' | 'output' | 'previous'>();
  const [files, setFiles] = useState<File[]>([]);
  const [fyText, setFyText] = useState(() => String(fiscalYearOf(new Date())));
  const [district, setDistrict] = useState('');
  const [plan, setPlan] = useState<ActionPlan | null>(null);
  const [otherYear, setOtherYear] = useState<number | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadDistrictSettings(host).then((s) => live && setDistrict(s.district));
    return () => {
      live = false;
    };
  }, [host]);
  const fiscalYear = parseFiscalYear(fyText);
  // Browser: last run's plan, downloaded and perhaps edited since, merged with as in Excel.
  const dropPlan = useCallback(() => setPlan(null), []);
  const prev = usePreviousPick(host, task, { read: readPickedPlan, picked: pickedPlanNote, onChange: dropPlan });

  const addFiles = (list: File[]) => {
    setFiles((prev) => {
      const seen = new Set(prev.map((f) => `${f.name}:${f.size}`));
      return [...prev, ...list.filter((f) => !seen.has(`${f.name}:${f.size}`))];
    });
    setPlan(null);
  };
  const clearFiles = () => {
    setFiles([]);
    setPlan(null);
  };
  const setFy = (text: string) => {
    setFyText(text);
    setPlan(null);
  };

  const run = () =>
    task.run('run', async () => {
      if (fiscalYear === undefined) return;
      const inputs: ConsolidateInput[] = [];
      // The picked earlier plan dropped among the files too: merged with, never read as funded projects.
      for (const f of files.filter((x) => !prev.isPrevious(x))) {
        try {
          inputs.push({ file: f.name, checksum: '', workbook: await host.readFile(new Uint8Array(await f.arrayBuffer()), f.name) });
        } catch (e) {
          inputs.push({ file: f.name, checksum: '', error: inputErrorOf(e) });
        }
      }
      const { previous, otherYear: other } = host.planFile
        ? pickedActionPlan(prev.previous, fiscalYear)
        : await previousActionPlan(host, fiscalYear);
      setOtherYear(other);
      // Another year's plan picked in the browser: refused as Excel refuses it (the plan made afresh).
      if (host.planFile && other !== undefined && prev.previous)
        task.note({ intent: 'warning', text: (t) => t.apPrevOtherYear(prev.previous!.file, other, fiscalYear) });
      setPlan(
        buildActionPlan(inputs, {
          fiscalYear,
          ...(district.trim() ? { district: district.trim() } : {}),
          ...(previous ? { previous } : {}),
        }),
      );
    });

  const download = () =>
    task.run('output', async () => {
      if (!plan || !host.download) return;
      const { writeXlsx } = await import(/* webpackChunkName: "xlsx-write" */ '../../xlsx/write');
      host.download(writeXlsx(actionPlanWorkbook(plan)), STRINGS[lang].apFileName(plan.fiscalYear));
    });

  const write = () =>
    task.run('output', async () => {
      if (!plan || !host.writeSheet) return;
      if (otherYear !== undefined) {
        task.note({ intent: 'warning', text: (t) => t.apOtherYear(otherYear, plan.fiscalYear) });
        return;
      }
      task.note(await writeRunSheets(host, actionPlanWorkbook(plan).sheets, [ACTION_VANISHED_SHEET]));
    });

  return {
    task,
    files,
    addFiles,
    clearFiles,
    fyText,
    setFy,
    fiscalYear,
    district,
    setDistrict,
    previous: prev.previous,
    pickPrevious: prev.pick,
    clearPrevious: prev.clear,
    previousStatus: prev.status,
    plan,
    run,
    download,
    write,
  };
}
