/** Planning calendar (ปฏิทินการดำเนินงาน): templates and their schema, build, JSON, sheet, .ics. Pure engine. */
export * from './schema';
export * from './templates';
export * from './build';
export * from './json';
export * from './sheet';
export * from './ics';
export { monthLabel, rangeLabel, ymKey, parseYm, ymIndex, monthsBetween, type YearMonth } from './thai';
