/**
 * The province's list of development issues as matching uses it: the sheet read by forms/issue-list.ts,
 * checked against the list's schema.
 */
import type { SheetModel } from '../model';
import { readIssueList } from '../forms/issue-list';
import type { StrategyList } from './model';
import { StrategyListSchema } from './schema';

export { detectStrategiesSheet } from '../forms/issue-list';

/** The issue list on a sheet, or undefined when the sheet holds none. */
export function readStrategies(sheet: SheetModel): StrategyList | undefined {
  const list = readIssueList(sheet);
  const parsed = list && StrategyListSchema.safeParse(list);
  return parsed?.success ? parsed.data : undefined;
}
