/**
 * One received file for consolidation: bytes → checksum → workbook; any failure becomes the input's
 * error (naming the file), so the run goes on with the other files.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { inputErrorOf, type ConsolidateInput } from '../engine/consolidate';
import { nodeInflateRaw } from '../node/files';
import { readWorkbookBytes } from '../xlsx/open';
import { readError } from '../xlsx/errors';

export async function readConsolidateInput(file: string): Promise<ConsolidateInput> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const error = inputErrorOf(code === 'ENOENT' ? readError('not-found', file) : readError('read-failed', file, (e as Error).message));
    return { file, checksum: '', error };
  }
  const checksum = createHash('sha256').update(buf).digest('hex');
  try {
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
    const workbook = readWorkbookBytes(bytes, path.basename(file), { inflateRaw: nodeInflateRaw });
    return { file, checksum, workbook };
  } catch (e) {
    return { file, checksum, error: inputErrorOf(e) };
  }
}
