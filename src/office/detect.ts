/**
 * Which Excel this is: the batch runner, the requirement sets the host supports, Excel on the web.
 * Part of the Office.js layer (src/office/excel.ts re-exports every part).
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real thing. Referenced lazily so this module can be imported where `Excel` is not defined. */
export const excelRun: ExcelRun = (batch) => Excel.run(batch);

export const MIN_EXCEL_API = '1.4';
const PROBE_VERSIONS = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '1.5',
  '1.6',
  '1.7',
  '1.8',
  '1.9',
  '1.10',
  '1.11',
  '1.12',
  '1.13',
  '1.14',
  '1.15',
  '1.16',
  '1.17',
  '1.18',
  '1.19',
  '1.20',
];

export interface ApiSupport {
  /** Supported ExcelApi versions, e.g. ['1.1', …, '1.13']. */
  sets: string[];
  /** 1.7: workbook.name. */
  workbookName: boolean;
  /** 1.7: worksheet.freezePanes. */
  freezePanes: boolean;
  /** 1.9: worksheet.pageLayout (A4, orientation, fit to width, print titles). */
  pageLayout: boolean;
  /** 1.9: worksheet.autoFilter. */
  autoFilter: boolean;
  /** 1.9: fill.pattern / patternColor (tells "no fill" from a white fill). */
  fillPattern: boolean;
  /** 1.9: worksheet.shapes (text boxes). */
  shapes: boolean;
  /** 1.10: range.top / range.left (where a text box sits on the grid). */
  rangePosition: boolean;
  /** 1.12: worksheet.customProperties (not used by the default tag store). */
  customProperties: boolean;
  /** 1.13: range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
}

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Feature detection; without Office (node, tests without the fake's global) only the minimum set. */
export function detectApi(requirements?: Requirements): ApiSupport {
  const req = requirements ?? officeRequirements();
  const sets = req
    ? PROBE_VERSIONS.filter((v) => safe(() => req.isSetSupported('ExcelApi', v)))
    : PROBE_VERSIONS.slice(0, PROBE_VERSIONS.indexOf(MIN_EXCEL_API) + 1);
  const has = (v: string) => sets.includes(v);
  return {
    sets,
    workbookName: has('1.7'),
    freezePanes: has('1.7'),
    pageLayout: has('1.9'),
    autoFilter: has('1.9'),
    fillPattern: has('1.9'),
    shapes: has('1.9'),
    rangePosition: has('1.10'),
    customProperties: has('1.12'),
    mergedAreas: has('1.13'),
  };
}

function officeRequirements(): Requirements | undefined {
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  return office?.context?.requirements;
}

function safe(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}

/** Is the host Excel for Mac? (Its web view ignores downloads.) */
export function onMac(): boolean {
  return officePlatform() === 'Mac';
}

function officePlatform(): unknown {
  const ctx = (globalThis as { Office?: { context?: { platform?: unknown; diagnostics?: { platform?: unknown } } } }).Office?.context;
  return ctx?.platform ?? ctx?.diagnostics?.platform;
}

/** Is the host Excel on the web? (Office.context.platform; older hosts: diagnostics.platform) */
export function onTheWeb(): boolean {
  return officePlatform() === 'OfficeOnline';
}
