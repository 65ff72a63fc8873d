/**
 * The plan file as every tab sees it (browser mode): the host's one picked workbook, followed as it
 * changes, so a file picked in one tab — or a failed pick that cleared it — is the same in all tabs.
 * In Excel there is no picked file (the open workbook is the plan): `workbook` stays null.
 */
import { useCallback, useEffect, useState } from 'react';
import type { WorkbookModel } from '../../engine/model';
import type { Host } from '../host/host';

export function usePlanFile(host: Host) {
  const plan = host.planFile;
  const [workbook, setWorkbook] = useState<WorkbookModel | null>(() => plan?.current ?? null);
  useEffect(() => {
    if (!plan) return;
    setWorkbook(plan.current);
    return plan.watch(() => setWorkbook(plan.current));
  }, [plan]);
  const load = useCallback((file: File) => (plan ? plan.load(file) : Promise.reject(new Error('no file picker here'))), [plan]);
  const loadSample = useCallback(() => (plan ? plan.loadSample() : Promise.reject(new Error('no file picker here'))), [plan]);
  return { picks: !!plan, workbook, load, loadSample };
}
