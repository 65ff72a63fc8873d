/**
 * The province's list of development issues the officer chose, remembered per workbook (host settings:
 * the workbook's own settings in Excel, so the choice travels with the file). Shared by the Strategy and
 * Consolidate panels; small, so the Consolidate chunk does not pull in the Strategy panel.
 */
import { presetById, StrategyListSchema, type StrategyList } from '../../engine/strategy';
import type { Host } from '../host/host';

/** What the officer chose, as remembered per workbook. */
export type StrategyChoice = { kind: 'preset'; id: string } | { kind: 'list'; label: string; list: StrategyList };

/** The workbook setting that remembers the choice (Excel: in the file; browser: per file name). */
export const SETTING_KEY = 'strategy';

/** A remembered choice, checked again: a stored list must pass StrategyListSchema. */
export function parseChoice(raw: string | undefined): StrategyChoice | null {
  try {
    if (!raw) return null;
    const v = JSON.parse(raw) as { kind?: string; id?: unknown; label?: unknown; list?: unknown };
    if (v?.kind === 'preset' && typeof v.id === 'string' && presetById(v.id)) return { kind: 'preset', id: v.id };
    if (v?.kind === 'list') {
      const parsed = StrategyListSchema.safeParse(v.list);
      if (parsed.success) return { kind: 'list', label: typeof v.label === 'string' ? v.label : '', list: parsed.data };
    }
  } catch {
    /* unreadable entry: ignore */
  }
  return null;
}

export function saveChoice(host: Host, choice: StrategyChoice): void {
  // Remembering is a convenience: a workbook that cannot store settings keeps the choice in memory.
  host.setSetting(SETTING_KEY, JSON.stringify(choice)).catch(() => undefined);
}

/** The issue list a choice stands for (null: a preset that no longer exists). */
export function listOfChoice(choice: StrategyChoice | null): StrategyList | null {
  if (!choice) return null;
  return choice.kind === 'preset' ? (presetById(choice.id)?.list ?? null) : choice.list;
}
