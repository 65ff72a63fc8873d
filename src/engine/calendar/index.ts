/** Planning calendar (ปฏิทินการดำเนินงาน): templates, build, sheet, .ics. Pure engine. */
export * from './templates';
export * from './build';
export * from './sheet';
export * from './ics';
export { monthLabel, rangeLabel, ymKey, parseYm, ymIndex, monthsBetween, type YearMonth } from './thai';
