/**
 * The files the officer chose or dropped, before a run: each is read by content (a renamed .xlsm,
 * a Word file named .xlsx: the reader says what it is), except what holds no plan to read — Excel's
 * "~$…" lock files (beside every workbook open in Excel) and a dropped folder (the browser gives it
 * as a file without bytes) — which are left out with why, as the CLI's folder scan does.
 */
import { skipReasonOf, skippedFile, type SkippedFile } from '../../engine/consolidate/skipped';

export interface Intake {
  read: File[];
  skipped: SkippedFile[];
}

/** A dropped folder: no type, no extension, and no bytes the browser will give. */
async function isFolder(f: File): Promise<boolean> {
  if (f.type !== '' || /\.[^.]+$/.test(f.name)) return false;
  try {
    await f.slice(0, 1).arrayBuffer();
    return false;
  } catch {
    return true;
  }
}

export async function intake(files: readonly File[]): Promise<Intake> {
  const out: Intake = { read: [], skipped: [] };
  for (const f of files) {
    const reason = (await isFolder(f)) ? 'folder' : skipReasonOf(f.name, false) === 'temp' ? 'temp' : undefined;
    if (reason) out.skipped.push(skippedFile(f.name, f.name, reason));
    else out.read.push(f);
  }
  return out;
}
