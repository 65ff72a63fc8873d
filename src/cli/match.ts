/**
 * oneplan match FILE... --strategies FILE|PRESET [--out OUT.xlsx] [--json] [--lang th|en]
 * Lists projects that fit no provincial development issue or claim the wrong one, and why.
 * Exit 0 when every project fits, 1 when some are flagged or a file failed, 2 on bad usage.
 */
import { checkOut, filesExist, loadStrategies, parseArgs, readInput, usageExit, UsageError, type Io } from './common';
import { FLAGGED, matchWorkbook, mismatchSheet, statusLabel, type MatchJson, type ProjectMatch } from '../engine/strategy/report';
import { writeXlsx } from '../xlsx/write';
import { nodeZip, writeFileBytes } from '../node/files';
import type { FileErrorCode } from '../engine/file-errors';

export async function runMatch(args: string[], io: Io): Promise<number> {
  let opts;
  try {
    opts = parseArgs(args, { flags: ['json', 'all'], values: ['strategies', 'out', 'lang'] });
    if (!opts.files.length) throw new UsageError('ต้องระบุไฟล์อย่างน้อยหนึ่งไฟล์ / give at least one file');
    if (!opts.values.strategies) throw new UsageError('ต้องระบุ --strategies FILE หรือชื่อชุดสำเร็จรูป / --strategies is required');
    if (opts.values.out) await checkOut(opts.values.out, 'file');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usageExit(io, 'match', e, 'usage: oneplan match FILE... --strategies FILE|PRESET [--out OUT.xlsx] [--json] [--all]');
  }
  const lang = opts.values.lang === 'en' ? 'en' : 'th';
  const loaded = await loadStrategies(opts.values.strategies);
  if ('error' in loaded) {
    io.err(`oneplan match: ${lang === 'en' ? loaded.error.messageEn : loaded.error.message}\n`);
    return 2;
  }
  const list = loaded.list;
  if (!(await filesExist(io, 'match', opts.files))) return 2;
  const files: Array<{ file: string; ok: boolean; error?: { code: FileErrorCode; message: string }; matches: ProjectMatch[] }> = [];
  for (const file of opts.files) {
    const input = await readInput(file);
    if ('error' in input)
      files.push({
        file,
        ok: false,
        error: { code: input.error.code, message: lang === 'en' ? input.error.messageEn : input.error.message },
        matches: [],
      });
    else {
      // One file the engine cannot handle is reported; the batch goes on.
      try {
        files.push({ file, ok: true, matches: matchWorkbook(input.workbook, list) });
      } catch (e) {
        files.push({ file, ok: false, error: { code: 'internal', message: String((e as Error)?.message ?? e) }, matches: [] });
      }
    }
  }
  const all = files.flatMap((f) => f.matches);
  let writeFailed = false;
  if (opts.values.out) {
    try {
      await writeFileBytes(opts.values.out, writeXlsx({ sheets: [mismatchSheet(all, list, lang)] }, { zip: nodeZip }));
    } catch (e) {
      writeFailed = true;
      io.err(`oneplan match: ${lang === 'en' ? 'cannot write' : 'เขียนไฟล์ไม่ได้'} ${opts.values.out}: ${(e as Error)?.message ?? e}\n`);
    }
  }
  const shown = (m: ProjectMatch) => opts.flags.all || FLAGGED.has(m.verdict.status);
  if (opts.flags.json) {
    const out: MatchJson['files'] = files.map((f) => ({
      file: f.file,
      ok: f.ok,
      ...(f.error ? { error: f.error } : {}),
      projects: f.matches.filter(shown).map((m) => ({
        sheet: m.sheet,
        row: m.row,
        name: m.name,
        status: m.verdict.status,
        declared: m.verdict.declared ?? m.verdict.declaredUnknown ?? null,
        suggested: m.verdict.suggested ?? null,
        matched: m.verdict.matched,
        reason: lang === 'en' ? m.verdict.reasonEn : m.verdict.reason,
      })),
    }));
    const json: MatchJson = { files: out, ...(opts.values.out ? { output: opts.values.out } : {}) };
    io.out(JSON.stringify(json, null, 2) + '\n');
  } else {
    for (const f of files) {
      if (!f.ok) {
        io.out(`✗ ${f.file}: ${f.error?.message}\n`);
        continue;
      }
      const flagged = f.matches.filter((m) => FLAGGED.has(m.verdict.status));
      io.out(
        `${f.file}: ${f.matches.length} ${lang === 'en' ? 'projects' : 'โครงการ'}, ${flagged.length} ${lang === 'en' ? 'to check' : 'ต้องตรวจ'}\n`,
      );
      for (const m of f.matches.filter(shown))
        io.out(
          `  [${statusLabel(m.verdict.status, lang)}] ${m.sheet}!${m.column}${m.row} ${m.name}: ${lang === 'en' ? m.verdict.reasonEn : m.verdict.reason}\n`,
        );
    }
  }
  return writeFailed || files.some((f) => !f.ok) || all.some((m) => FLAGGED.has(m.verdict.status)) ? 1 : 0;
}
