/**
 * oneplan action-plan FILE|FOLDER... --fiscal-year N [--district NAME] --out OUT.xlsx [--json]
 * The district's annual action plan (แผนปฏิบัติการประจำปีของอำเภอ) of fiscal year N: the funded projects
 * in the district from the province's list of agencies' projects, the district's own list, and each
 * อปท.'s budget ordinance (else its ผ.02's year N column). Exit: 0 ok, 1 a file failed, a budget cell
 * was not a number, no funded project was found or the output could not be written, 2 bad usage.
 */
import * as path from 'node:path';
import { ACTION_VANISHED_SHEET, actionPlanJson, actionPlanWorkbook, buildActionPlan, readPreviousActionPlan } from '../engine/action-plan';
import { nodeZip, writeFileBytes } from '../node/files';
import { writeXlsx } from '../xlsx/write';
import { fiscalYearArg, keepBackup, parseArgs, readExistingOut, scanChecked, usageExit, UsageError, type Io } from './common';
import { readConsolidateInput } from './read-input';

export const ACTION_PLAN_USAGE = `usage: oneplan action-plan FILE|FOLDER... --fiscal-year N [--district NAME] --out OUT.xlsx [--json]
  --fiscal-year N   ปีงบประมาณ (พ.ศ.) ของแผนปฏิบัติการ, e.g. 2569
  --district NAME   อำเภอ, e.g. "อำเภอเมืองนครสวรรค์" (title; the agency of the district's own list)
  --out OUT.xlsx    write the action plan (grouped by agency and tambon, totals, provenance)
  --json            print the plan as JSON (docs/schemas/action-plan.schema.json)
  --out onto an existing action plan of the same year merges with it: the officer's columns (ผู้รับผิดชอบ,
  ผลการดำเนินงาน), lines typed into หมายเหตุ and added rows are kept, rows gone from the inputs are listed (a backup is kept)
inputs: the province's list of agencies' funded projects in the district, the district's own list,
each อปท.'s budget ordinance (ข้อบัญญัติ/เทศบัญญัติงบประมาณรายจ่าย) or local plan (ผ.02 with year columns)
`;

export async function runActionPlan(argv: string[], io: Io): Promise<number> {
  let fy: number;
  let opts;
  let scan;
  try {
    opts = parseArgs(argv, { flags: ['json'], values: ['fiscal-year', 'district', 'out'], aliases: { fy: 'fiscal-year', o: 'out' } });
    if (!opts.files.length) throw new UsageError('ต้องระบุไฟล์หรือโฟลเดอร์อย่างน้อยหนึ่งรายการ / give at least one file or folder');
    if (opts.values['fiscal-year'] === undefined)
      throw new UsageError('ต้องระบุ --fiscal-year N (พ.ศ.) / --fiscal-year N is required (B.E., e.g. 2569)');
    fy = fiscalYearArg(opts.values['fiscal-year']);
    if (!opts.values.out && !opts.flags.json) throw new UsageError('ต้องระบุ --out OUT.xlsx หรือ --json / give --out OUT.xlsx or --json');
    if (opts.values.out && !/\.xlsx$/i.test(opts.values.out))
      throw new UsageError(`--out ${opts.values.out}: ชื่อไฟล์ต้องลงท้ายด้วย .xlsx / must end in .xlsx`);
    scan = await scanChecked(opts.files, opts.values.out);
  } catch (e) {
    if (e instanceof UsageError) return usageExit(io, 'action-plan', e, ACTION_PLAN_USAGE);
    throw e;
  }
  const out = opts.values.out;
  // --out onto an existing file: only an action plan of the same year is merged and replaced (backed up first).
  let backup: string | null = null;
  const existing = await readExistingOut(out, readPreviousActionPlan);
  const previous = existing?.previous;
  if (out && existing) {
    if (!previous) {
      io.err(
        `oneplan action-plan: ไฟล์ "${out}" มีอยู่แล้วและไม่ใช่แผนปฏิบัติการที่ OnePlan ทำ: ไม่เขียนทับ (ใช้ชื่ออื่น) / "${out}" exists and is not an action plan OnePlan made: not overwritten\n`,
      );
      return 2;
    }
    if (previous.fiscalYear !== undefined && previous.fiscalYear !== fy) {
      io.err(
        `oneplan action-plan: ไฟล์ "${out}" เป็นแผนปฏิบัติการปีงบประมาณ ${previous.fiscalYear} ไม่ใช่ปี ${fy}: ไม่เขียนทับ (ใช้ชื่ออื่น) / "${out}" is the action plan of ${previous.fiscalYear}, not ${fy}: not overwritten\n`,
      );
      return 2;
    }
    backup = await keepBackup(out);
  }
  const inputs = [];
  for (const f of scan.files) inputs.push(await readConsolidateInput(f));
  const plan = buildActionPlan(inputs, { fiscalYear: fy, district: opts.values.district, ...(previous ? { previous } : {}) });

  let failed = false;
  let written: string | null = null;
  if (out) {
    try {
      await writeFileBytes(out, writeXlsx(actionPlanWorkbook(plan), { zip: nodeZip }));
      written = out;
    } catch (e) {
      io.err(`oneplan action-plan: เขียนไฟล์ ${out} ไม่ได้ / cannot write ${out}: ${(e as Error).message}\n`);
      failed = true;
    }
  }
  const inputFailed = plan.inputs.some((i) => i.status === 'failed');
  if (opts.flags.json) io.out(JSON.stringify(actionPlanJson(plan, written, backup), null, 2) + '\n');
  else {
    io.out(
      `แผนปฏิบัติการประจำปีของ${plan.district ?? 'อำเภอ'} ปีงบประมาณ ${fy}: ${plan.rows.length} โครงการ งบประมาณรวม ${plan.total.toLocaleString('en-US')} บาท\n`,
    );
    for (const g of plan.groups) io.out(`  ${g.agency}: ${g.count} โครงการ ${g.total.toLocaleString('en-US')} บาท\n`);
    if (plan.duplicates.length) io.out(`โครงการที่อาจซ้ำกัน ${plan.duplicates.length} คู่ (ดูชีต "โครงการที่อาจซ้ำกัน")\n`);
    for (const i of plan.inputs)
      for (const s of i.sheets) if (!s.taken && s.note) io.out(`  ไม่นำมารวม: ${path.basename(i.file)} / ${s.name}: ${s.note}\n`);
    if (plan.merge)
      io.out(
        `รวมกับแผนเดิม: คงผู้รับผิดชอบ/ผลการดำเนินงาน/หมายเหตุไว้ ${plan.merge.kept} โครงการ, ใหม่ ${plan.merge.new}, อำเภอเพิ่มเอง ${plan.merge.added}, หายไป ${plan.merge.vanished.length}${plan.merge.vanished.length ? ` (ดูชีต "${ACTION_VANISHED_SHEET}")` : ''}${backup ? ` (สำรองไฟล์เดิมที่ ${backup})` : ''}\n`,
      );
    if (written) io.out(`เขียนไฟล์ ${written}\n`);
  }
  for (const i of plan.inputs) if (i.error) io.err(`${i.error.message}\n`);
  for (const p of plan.problems) io.err(`${p.message}\n`);
  if (!plan.rows.length) io.err(`ไม่พบโครงการที่ได้รับงบประมาณปี ${fy} ในไฟล์ที่ให้มา / no project funded in ${fy} was found in the files given\n`);
  return failed || inputFailed || plan.problems.length > 0 || !plan.rows.length ? 1 : 0;
}
