/**
 * A received file fetched for its reading: its bytes, checksum and parts inflated ahead (inflateParts),
 * or why it could not be read. The fetching thread (fetch-worker.ts) does this beside the thread that
 * parses, so that thread, the command's critical path, neither reads, hashes nor inflates. Loads no
 * more than that needs: the fetching thread starts with the command.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inflateParts } from '../node/inflate';

export interface Fetched {
  bytes?: Uint8Array;
  /** SHA-256 of the bytes, hex. */
  checksum?: string;
  /** Parts inflated ahead, by lower-case name (ReadOptions.inflated). */
  parts?: Array<[string, Uint8Array]>;
  /** Why the file could not be read (its error's code and message: read-input.ts names the file). */
  error?: { code?: string; message: string };
}

export const checksumOf = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export function fetchFile(file: string): Fetched {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    return { error: { code: (e as NodeJS.ErrnoException)?.code, message: (e as Error)?.message } };
  }
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  return { bytes, checksum: checksumOf(bytes), parts: [...inflateParts(bytes, path.basename(file))] };
}

/** The buffers a fetched file's message moves rather than copies (each once: small buffers share Node's pool). */
export function transferOf(f: Fetched): ArrayBuffer[] {
  const all = new Set<ArrayBuffer>();
  if (f.bytes) all.add(f.bytes.buffer as ArrayBuffer);
  for (const [, b] of f.parts ?? []) all.add(b.buffer as ArrayBuffer);
  return [...all];
}
