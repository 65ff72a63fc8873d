/**
 * Every Excel (Office.js) call of the add-in lives in src/office, one file per job (detect, read,
 * write, highlight, settings); this module re-exports them all for the task pane's Excel host. Each
 * function takes an optional `run` (default `Excel.run`) so tests pass the in-memory fake's `run`
 * (test/office/fakeExcel.ts).
 *
 * Requirement sets: the manifest declares ExcelApi 1.4 (the minimum for getItemOrNullObject,
 * getUsedRangeOrNullObject, workbook.settings and defined names with comments). Newer sets are
 * detected at run time with Office.context.requirements.isSetSupported and degrade:
 *   1.7  workbook.name, freeze panes                 → 'Workbook', no freeze
 *   1.9  pageLayout, autofilter, fill.pattern, shapes → no page setup, table-only, white = no fill, no text boxes
 *   1.10 range.top / range.left                      → text boxes placed from Excel's default row/column sizes
 *   1.13 getMergedAreasOrNullObject                  → merges not read (engine sees blank cells)
 *
 * Sync budget (each `context.sync` is a round trip; on Excel on the web a request must stay < 5 MB):
 *   readWorkbook / readWorksheet: 3 syncs for plan-sized sheets (list; used-range bounds, shapes and merged
 *     areas; cells in row blocks of ≤ 1M cells, ≤ 2M a sync, < 2 MB a sync on Excel on the web), whatever
 *     stray values lie far away: a used range over 200,000 cells is split into parts that hold data (one
 *     sync a round, ≤ 8 rounds); a sheet whose data spans over 3M cells is read from the top (finding
 *     sheet-too-large); a sheet with over 512 merged areas gets its merges per block of rows (+1-2 syncs)
 *   writeSheet: 1 read sync + 1 sync per value chunk (chunks ≤ CHUNK_BYTES estimated) + format syncs (1 unless huge);
 *     our earlier sheet is rewritten in place (never deleted: formulas pointing at it keep working)
 *   highlightCells / clearHighlights: 3 syncs up to 2,000 cells, +1 per further block of 2,000 (web limit);
 *     selectCell: 1; applyFix: 2
 *
 * Text safety (writeSheet, applyFix): Excel parses `range.values` like typed input ("=…", "+…", "-…",
 * "@…" become formulas; "001", "1/2", "TRUE", "#N/A" become numbers, dates, booleans, errors). A string
 * that Excel would parse is written with a leading apostrophe, Excel's own "quote prefix": the cell
 * then holds exactly the string (values/text have no apostrophe), keeps the General format, and later
 * edits by the officer behave normally. (Alternative rejected: numberFormat '@' on those cells makes
 * every later edit of the cell text too.) Cells whose style asks for numFmt '@' are written raw,
 * because in a Text-formatted cell Excel keeps input literally (an apostrophe would stay visible).
 */
export * from './detect';
export * from './read';
export * from './write';
export * from './highlight';
export * from './settings';
export * from './staleLists';
