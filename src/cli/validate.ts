/**
 * oneplan validate FILE... [--strategies FILE|PRESET] [--json] [--lang th|en]
 * Exit 0 when every file was read and no finding is an error, 1 otherwise, 2 on bad usage.
 */
import { validateWorkbook } from '../engine/validate';
import type { ValidateJson, WorkbookReport } from '../engine/findings';
import { filesExist, loadStrategies, parseArgs, readInput, usageExit, UsageError, type Io } from './common';

const SEVERITY_TH = { error: 'ข้อผิดพลาด', warning: 'คำเตือน', info: 'ข้อแนะนำ' } as const;

export async function runValidate(args: string[], io: Io): Promise<number> {
  let opts;
  try {
    opts = parseArgs(args, { flags: ['json'], values: ['strategies', 'lang'] });
    if (!opts.files.length) throw new UsageError('ต้องระบุไฟล์อย่างน้อยหนึ่งไฟล์ / give at least one file');
  } catch (e) {
    if (e instanceof UsageError)
      return usageExit(io, 'validate', e, 'usage: oneplan validate FILE... [--strategies FILE|PRESET] [--json] [--lang th|en]');
    throw e;
  }
  const en = opts.values.lang === 'en';
  let strategies;
  if (opts.values.strategies) {
    const loaded = await loadStrategies(opts.values.strategies);
    if ('error' in loaded) {
      io.err(`oneplan validate: ${en ? loaded.error.messageEn : loaded.error.message}\n`);
      return 2;
    }
    strategies = loaded.list;
  }
  if (!(await filesExist(io, 'validate', opts.files))) return 2;

  const files: WorkbookReport[] = [];
  for (const file of opts.files) {
    const input = await readInput(file);
    if ('error' in input) {
      files.push({
        file,
        ok: false,
        error: { code: input.error.code, message: en ? input.error.messageEn : input.error.message },
        sheets: [],
      });
      continue;
    }
    try {
      const report = validateWorkbook(input.workbook, { strategies });
      const error = report.error && {
        code: report.error.code,
        message: en ? (report.error.messageEn ?? report.error.message) : report.error.message,
      };
      files.push({ ...report, file, ...(error ? { error } : {}) });
    } catch (e) {
      // A defect must not stop the batch: the file is reported, the others are still checked.
      const detail = (e as Error)?.message ?? String(e);
      // The defect's own (English) words stay out of the Thai message.
      const message = en ? `Could not check "${file}": ${detail}` : `ตรวจสอบไฟล์ "${file}" ไม่สำเร็จ (ข้อผิดพลาดภายในโปรแกรม)`;
      files.push({ file, ok: false, error: { code: 'internal', message }, sheets: [] });
    }
  }

  if (opts.flags.json) {
    const out: ValidateJson = {
      files: files.map((f) => ({
        ...f,
        sheets: f.sheets.map((s) => ({
          ...s,
          findings: s.findings.map((x) => ({ ...x, message: en ? x.messageEn : x.message })),
        })),
      })),
    };
    io.out(JSON.stringify(out, null, 2) + '\n');
  } else io.out(formatText(files, en));

  const failed = files.some((f) => !f.ok || f.sheets.some((s) => s.findings.some((x) => x.severity === 'error')));
  return failed ? 1 : 0;
}

function formatText(files: WorkbookReport[], en: boolean): string {
  const lines: string[] = [];
  for (const f of files) {
    if (!f.ok) {
      lines.push(`✗ ${f.file}: ${f.error?.message ?? ''}`);
      continue;
    }
    const all = f.sheets.flatMap((s) => s.findings);
    const count = (sev: string) => all.filter((x) => x.severity === sev).length;
    lines.push(
      en
        ? `${f.file}: ${f.sheets.length} sheets, ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`
        : `${f.file}: ${f.sheets.length} ชีต, ข้อผิดพลาด ${count('error')}, คำเตือน ${count('warning')}, ข้อแนะนำ ${count('info')}`,
    );
    for (const s of f.sheets) {
      if (s.kind === 'other' && !s.findings.length) continue;
      lines.push(
        `  ${en ? 'sheet' : 'ชีต'} "${s.name}" (${s.kind}${s.formCode ? ' ' + s.formCode : ''}): ${s.projects} ${en ? 'projects' : 'โครงการ'}`,
      );
      for (const x of s.findings) {
        const where = x.row !== null ? `${x.column ?? ''}${x.row}` : '-';
        lines.push(`    [${en ? x.severity : SEVERITY_TH[x.severity]}] ${where}: ${en ? x.messageEn : x.message}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
