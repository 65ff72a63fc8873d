/**
 * ONEPLAN_TIMING=1: each phase of a command (read, finish, model, zip, write) is logged to stderr as
 * milliseconds since the process started, so a slow run can be split by phase (docs/benchmark.md).
 * Worker threads log against the same start (the variable below is inherited by their environment).
 */
const ON = !!process.env.ONEPLAN_TIMING;
if (ON) process.env.ONEPLAN_T0 ??= String(Math.round(performance.timeOrigin));
const T0 = Number(process.env.ONEPLAN_T0);

export function mark(phase: string): void {
  if (ON) process.stderr.write(`oneplan timing: ${phase} ${Math.round(Date.now() - T0)} ms\n`);
}
