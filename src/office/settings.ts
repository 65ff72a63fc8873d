/**
 * Workbook settings, selecting a cell, and applying one fix.
 */
import { excelRun, type ExcelRun } from './detect';
import { parseRangeRef } from './tags';
import { toExcelInput } from './write';

/**
 * The add-in's remembered choices for this workbook (column mapping, strategy list, calendar
 * template): workbook settings travel with the file, so another officer opening it gets them too.
 * Keys are prefixed "OnePlan." like the add-in's other metadata. 1 sync each.
 */
export async function readSetting(key: string, run: ExcelRun = excelRun): Promise<string | undefined> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(`OnePlan.${key}`);
    item.load('value');
    await context.sync();
    return item.isNullObject ? undefined : String(item.value);
  });
}

export async function writeSetting(key: string, value: string, run: ExcelRun = excelRun): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.add(`OnePlan.${key}`, value);
    await context.sync();
  });
}

/** Activate `sheet` and select `address`. 1 sync. */
export async function selectCell(sheet: string, address: string, run: ExcelRun = excelRun): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/**
 * Write one value into one cell (the officer clicked a fix). Text-safe like writeSheet; returns the
 * previous value for undo. 2 syncs.
 */
export async function applyFix(
  sheet: string,
  address: string,
  value: string | number,
  run: ExcelRun = excelRun,
): Promise<{ previous: unknown }> {
  const r = parseRangeRef(address);
  if (!r || r.r1 !== r.r2 || r.c1 !== r.c2) throw new Error(`applyFix needs one cell, got ${address}`);
  return run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.load('values,numberFormat,formulas');
    await context.sync();
    const previous = range.values[0][0];
    // A fix replaces a value the officer typed; never a formula (it would become a constant).
    const formula = range.formulas[0][0];
    if (typeof formula === 'string' && formula.startsWith('=')) {
      throw Object.assign(new Error(`เซลล์ ${sheet}!${address} เป็นสูตร จึงไม่แก้ให้อัตโนมัติ`), {
        messageEn: `${sheet}!${address} holds a formula, so it is not fixed automatically`,
      });
    }
    range.values = [[toExcelInput(value, range.numberFormat[0][0] === '@')]];
    await context.sync();
    return { previous };
  });
}
