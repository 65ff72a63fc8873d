/**
 * oneplan calendar --fiscal-year N [--template dopa|rayong|FILE.json] [--year-offset K] [--thai-digits]
 *                  [--updated DATE] [--out OUT.xlsx] [--ics OUT.ics] [--json] [--print-template]
 * Builds the planning calendar (ปฏิทินการดำเนินงาน) of a fiscal year. Exit 0 ok (warnings do not
 * fail), 1 a file could not be written, 2 bad usage.
 */
import * as fs from 'fs';
import { nodeZip, writeFileBytes } from '../node/files';
import { checkOut, fiscalYearArg, parseArgs, usageExit, UsageError, type Io } from './common';
import {
  BUILTIN_TEMPLATES,
  buildCalendar,
  calendarIcs,
  calendarJson,
  calendarSheet,
  parseTemplate,
  serializeTemplate,
  type CalendarTemplate,
} from '../engine/calendar';
import { digits, parseThaiDate, type ThaiDate } from '../engine/calendar/thai';

export const CALENDAR_USAGE = `usage: oneplan calendar --fiscal-year N [--template dopa|rayong|FILE.json] [--year-offset K]
                        [--thai-digits] [--updated DATE] --out OUT.xlsx [--ics OUT.ics] [--json]
       oneplan calendar --template dopa|rayong|FILE.json --print-template
  --fiscal-year N   ปีงบประมาณ (พ.ศ.) ของแผนปฏิบัติราชการประจำปีของจังหวัด, e.g. 2571
  --template T      dopa (กระทรวงมหาดไทย ๒๕๕๘, default), rayong (จังหวัดระยอง ๒๕๖๒), or a JSON file
  --year-offset K   steps fall in B.E. year N + K (default from the template: -2)
  --thai-digits     เลขไทย (๐–๙) in labels and texts
  --updated DATE    date in "ปรับปรุงปฏิทินการดำเนินงาน ณ วันที่ …" (default today), e.g. 2569-05-10
  --out OUT.xlsx    write the calendar sheet
  --ics OUT.ics     write an iCalendar file (one all-day event per step and deadline)
  --json            print { steps: [...], warnings: [...] }
  --print-template  print the template as JSON (to edit and pass back with --template FILE)
`;

interface Args {
  fiscalYear?: number;
  template: string;
  yearOffset?: number;
  thaiDigits: boolean;
  updated?: ThaiDate;
  out?: string;
  ics?: string;
  json: boolean;
  printTemplate: boolean;
}

/** The calendar's options from the shared parser, checked and converted (Thai digits allowed in numbers). */
function calendarArgs(argv: string[]): Args {
  const p = parseArgs(argv, {
    flags: ['thai-digits', 'json', 'print-template'],
    values: ['fiscal-year', 'template', 'year-offset', 'updated', 'out', 'ics'],
    aliases: { fy: 'fiscal-year', offset: 'year-offset', o: 'out' },
  });
  if (p.files.length) throw new UsageError(`unknown argument "${p.files[0]}"`);
  const v = p.values;
  const a: Args = {
    template: v.template ?? 'dopa',
    thaiDigits: !!p.flags['thai-digits'],
    json: !!p.flags.json,
    printTemplate: !!p.flags['print-template'],
    out: v.out,
    ics: v.ics,
  };
  if (v['fiscal-year'] !== undefined) a.fiscalYear = fiscalYearArg(v['fiscal-year']);
  if (v['year-offset'] !== undefined) {
    const k = digits(v['year-offset'], false).trim();
    if (!/^[+-]?\d{1,2}$/.test(k)) throw new UsageError(`--year-offset: "${k}" is not a whole number of years`);
    a.yearOffset = Number(k);
  }
  if (v.updated !== undefined) {
    const d = parseThaiDate(v.updated);
    if (!d) throw new UsageError(`--updated: "${v.updated}" is not a date (e.g. 2569-05-10 or "10 พ.ค. 2569")`);
    a.updated = d;
  }
  return a;
}

function loadTemplate(spec: string): CalendarTemplate {
  const builtin = BUILTIN_TEMPLATES[spec.toLowerCase()];
  if (builtin) return structuredClone(builtin);
  if (!fs.existsSync(spec)) throw new UsageError(`--template: "${spec}" is neither dopa, rayong nor an existing JSON file`);
  const parsed = parseTemplate(fs.readFileSync(spec, 'utf8'));
  if (!parsed.ok) throw new UsageError(`--template ${spec}: not a valid calendar template:\n  ${parsed.issues.join('\n  ')}`);
  return parsed.template;
}

export async function runCalendar(argv: string[], io: Io): Promise<number> {
  let args: Args;
  let template: CalendarTemplate;
  try {
    args = calendarArgs(argv);
    template = loadTemplate(args.template);
    if (args.printTemplate) {
      io.out(serializeTemplate(template));
      return 0;
    }
    if (args.fiscalYear === undefined) throw new UsageError('--fiscal-year N is required (B.E., e.g. 2571)');
    if (!args.out && !args.ics && !args.json) throw new UsageError('nothing to do: give --out OUT.xlsx, --ics OUT.ics or --json');
    if (args.out && !/\.xlsx$/i.test(args.out)) throw new UsageError(`--out ${args.out}: the file name must end in .xlsx`);
    if (args.out) await checkOut(args.out, 'file');
    if (args.ics) await checkOut(args.ics, 'file', '--ics');
  } catch (e) {
    if (e instanceof UsageError) return usageExit(io, 'calendar', e, CALENDAR_USAGE);
    throw e;
  }

  const cal = buildCalendar(template, args.fiscalYear, {
    yearOffset: args.yearOffset,
    thaiDigits: args.thaiDigits,
    updatedOn: args.updated,
  });

  let failed = false;
  const written: string[] = [];
  if (args.out) {
    try {
      const { writeXlsx } = await import('../xlsx/write');
      await writeFileBytes(args.out, writeXlsx({ sheets: [calendarSheet(cal)] }, { zip: nodeZip }));
      written.push(args.out);
    } catch (e) {
      io.err(`oneplan calendar: cannot write ${args.out}: ${(e as Error).message}\n`);
      failed = true;
    }
  }
  if (args.ics) {
    try {
      await writeFileBytes(args.ics, new TextEncoder().encode(calendarIcs(cal)));
      written.push(args.ics);
    } catch (e) {
      io.err(`oneplan calendar: cannot write ${args.ics}: ${(e as Error).message}\n`);
      failed = true;
    }
  }

  if (args.json) {
    io.out(JSON.stringify(calendarJson(cal), null, 2) + '\n');
  } else {
    io.out(`ปฏิทินการดำเนินงาน ปีงบประมาณ ${cal.fiscalYear} (${cal.templateName}): ${cal.steps.length} ขั้นตอน, ${cal.months.length} เดือน\n`);
    for (const s of cal.steps) io.out(`  ${s.no}. ${s.label}  ${s.title.split('\n')[0]}\n`);
    for (const f of written) io.out(`เขียนไฟล์ ${f}\n`);
  }
  for (const w of cal.warnings) io.err(`คำเตือน (${w.code}): ${w.message}\n`);
  return failed ? 1 : 0;
}
