/**
 * `oneplan` command line: batch work and scripting on .xlsx files.
 *   oneplan validate FILE... [--strategies FILE] [--json]
 *   oneplan consolidate FILE... [--strategies FILE] [--district NAME] [--province NAME] [--expect ROSTER] [--due DATE] --out OUT.xlsx [--json]
 *   oneplan split TABLE.xlsx... --by route|agency|district|proposer --out FOLDER [--province NAME] [--json]
 *   oneplan match FILE... --strategies FILE|PRESET [--out OUT.xlsx] [--json]
 *   oneplan calendar --fiscal-year N [--template dopa|rayong|FILE] [--thai-digits] --out OUT.xlsx [--ics OUT.ics] [--json]
 *   oneplan action-plan FILE|FOLDER... --fiscal-year N [--district NAME] --out OUT.xlsx [--json]
 * Exit codes: 0 ok, 1 errors found or a file failed, 2 bad usage.
 */
import type { Io } from './common';

export type { Io };
const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

const USAGE = `oneplan — ตรวจสอบและรวบรวมแผน (One Plan)
usage:
  oneplan validate FILE... [--strategies FILE] [--json] [--lang th|en]
  oneplan consolidate FILE|FOLDER... [--strategies FILE] [--district NAME] [--province NAME] [--expect ROSTER] [--due DATE] --out OUT.xlsx [--json]
  oneplan split TABLE.xlsx... --by route|agency|district|proposer --out FOLDER [--province NAME] [--json]
  oneplan match FILE... --strategies FILE|PRESET [--out OUT.xlsx] [--json] [--all]
  oneplan calendar --fiscal-year N [--template dopa|rayong|FILE] [--thai-digits] --out OUT.xlsx [--ics OUT.ics] [--json]
  oneplan action-plan FILE|FOLDER... --fiscal-year N [--district NAME] --out OUT.xlsx [--json]
  oneplan --version
presets (--strategies):
`;

export async function main(argv: string[], io: Io = stdio, how: { inWorker?: boolean } = {}): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'validate':
      return (await import('./validate')).runValidate(rest, io);
    case 'consolidate': {
      // Its reading threads start now, while this thread loads the engine (readers.ts).
      (await import('./readers')).prestartReaders();
      // Big inputs move to a worker with a capped heap (capped.ts) once scanned, when running as compiled JS.
      const mayCap = !how.inWorker && __filename.endsWith('.js');
      return (await import('./consolidate')).runConsolidate(rest, io, {}, mayCap ? argv : undefined);
    }
    case 'split':
      return (await import('./split')).runSplit(rest, io);
    case 'match':
      return (await import('./match')).runMatch(rest, io);
    case 'calendar':
      return (await import('./calendar')).runCalendar(rest, io);
    case 'action-plan':
      return (await import('./action-plan')).runActionPlan(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.out(await usage());
      return 0;
    case '--version':
    case '-V':
    case 'version':
      io.out(`oneplan ${(await import('./common')).version()}\n`);
      return 0;
    case undefined:
      io.err(`oneplan: ต้องระบุคำสั่ง / give a command\n${await usage()}`);
      return 2;
    default:
      io.err(`oneplan: ไม่รู้จักคำสั่ง "${cmd}" / unknown command "${cmd}"\n${await usage()}`);
      return 2;
  }
}

/** The usage text with the built-in issue lists (one source: presets.ts). */
async function usage(): Promise<string> {
  return USAGE + (await import('./common')).presetLines('th') + '\n';
}
