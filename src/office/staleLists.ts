/**
 * Lists a re-run can leave empty: the gone rows (ไม่มีในรอบนี้) and the province's decisions that matched
 * no need (ผลการพิจารณาที่ไม่พบรายการ). A run with nothing to list writes no such sheet, so last run's
 * sheet would stay and read as current. OnePlan remembers a fingerprint of each list it wrote (workbook
 * setting OnePlan.lists); a list the new run did not write is rewritten to one line saying so, but only
 * while it still holds what OnePlan wrote: a sheet the officer edited is left as it is and reported.
 * 2 syncs, +1 when a list was written or cleared.
 */
import { excelRun, type ExcelRun } from './detect';
import { hashTag } from './tags';

/** The workbook setting holding { sheet name: fingerprint } of the lists OnePlan wrote. */
export const LISTS_SETTING = 'OnePlan.lists';

/** The one line an emptied list keeps. */
export const emptyListLine = (date: string): string => `ไม่มีรายการในรอบนี้ (${date})`;

/** A list sheet the run wrote: the name the output wanted (the list) and the sheet it landed in. */
export interface WrittenList {
  list: string;
  sheet: string;
}

export interface StaleListsResult {
  /** Sheets rewritten to the one line. */
  cleared: string[];
  /** Sheets the officer changed since OnePlan wrote them: left as they are (the pane warns). */
  edited: string[];
}

/** FNV-1a (tags.ts's) over the cells as Excel gives them back: cheap, and any edit of a value changes it. */
export function listFingerprint(values: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const text = JSON.stringify(values.map((row) => row.map((v) => (v === null || v === undefined ? '' : v))));
  return `${text.length}:${hashTag(text)}`;
}

function parseStored(raw: unknown): Record<string, string> {
  try {
    const v = typeof raw === 'string' ? JSON.parse(raw) : raw;
    if (!v || typeof v !== 'object') return {};
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/**
 * After a run's sheets are written: `written` the list sheets it wrote, `lists` the list names its
 * output can write (the others are another output's). Remembers the written ones; clears the
 * remembered ones of `lists` it did not write, unless edited.
 */
export async function refreshLists(
  written: readonly WrittenList[],
  lists: readonly string[],
  date: string,
  run: ExcelRun = excelRun,
): Promise<StaleListsResult> {
  return run(async (context) => {
    const wb = context.workbook;
    const setting = wb.settings.getItemOrNullObject(LISTS_SETTING);
    setting.load('value');
    const sheets = wb.worksheets;
    sheets.load('items/name');
    await context.sync();

    const stored = setting.isNullObject ? {} : parseStored(setting.value);
    const byName = new Map(sheets.items.map((s) => [s.name, s]));
    const writtenSheets = new Set(written.map((w) => w.sheet));
    const writtenLists = new Set(written.map((w) => w.list));
    // Remembered sheets of this output's lists that this run did not write: candidates to clear.
    const stale = Object.keys(stored).filter(
      (sheet) =>
        byName.has(sheet) &&
        !writtenSheets.has(sheet) &&
        lists.some((l) => (sheet === l || sheet.startsWith(`${l} (`)) && !writtenLists.has(l)),
    );
    const used = new Map<string, Excel.Range>();
    for (const sheet of [...writtenSheets, ...stale]) {
      const ws = byName.get(sheet);
      if (!ws) continue;
      const range = ws.getUsedRangeOrNullObject(true);
      range.load('values');
      used.set(sheet, range);
    }
    await context.sync();

    const valuesOf = (sheet: string): unknown[][] => {
      const r = used.get(sheet);
      return !r || r.isNullObject ? [] : r.values;
    };
    const next: Record<string, string> = { ...stored };
    // A sheet no longer in the workbook is no list to look after.
    for (const sheet of Object.keys(next)) if (!byName.has(sheet)) delete next[sheet];
    for (const sheet of writtenSheets) next[sheet] = listFingerprint(valuesOf(sheet));
    const result: StaleListsResult = { cleared: [], edited: [] };
    for (const sheet of stale) {
      if (listFingerprint(valuesOf(sheet)) !== stored[sheet]) {
        result.edited.push(sheet);
        continue;
      }
      const ws = byName.get(sheet)!;
      const everything = ws.getRange();
      everything.unmerge();
      everything.clear();
      const line = [[emptyListLine(date)]];
      ws.getRange('A1').values = line;
      next[sheet] = listFingerprint(line);
      result.cleared.push(sheet);
    }
    wb.settings.add(LISTS_SETTING, JSON.stringify(next));
    await context.sync();
    return result;
  });
}
