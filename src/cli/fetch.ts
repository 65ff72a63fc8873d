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
import { nodeUnitsToString } from '../node/text';
import { sharedStringTable } from '../xlsx/shared-strings';

export interface Fetched {
  bytes?: Uint8Array;
  /** SHA-256 of the bytes, hex. */
  checksum?: string;
  /** Parts inflated ahead, by lower-case name (ReadOptions.inflated). */
  parts?: Array<[string, Uint8Array]>;
  /** Shared-string tables read from parts inflated ahead, by lower-case name (ReadOptions.sharedStrings). */
  tables?: Array<[string, string[]]>;
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
  const parts = inflateParts(bytes, path.basename(file));
  return { bytes, checksum: checksumOf(bytes), parts: [...parts], tables: tablesOf(parts) };
}

/** The part Excel writes the shared strings to, by lower-case name (its name in `inflateParts`). */
const SST = 'xl/sharedstrings.xml';

/**
 * The shared-string table of parts inflated ahead, read here so that the thread parsing the file takes
 * its strings as they are (a message's strings are copied natively, with no call from JavaScript per
 * string) instead of decoding them. A table that fails is left to the reader, which reports it.
 */
function tablesOf(parts: ReadonlyMap<string, Uint8Array>): Array<[string, string[]]> | undefined {
  const b = parts.get(SST);
  if (!b) return undefined;
  try {
    return [[SST, sharedStringTable(b, SST, nodeUnitsToString)]];
  } catch {
    return undefined;
  }
}

/** The buffers a fetched file's message moves rather than copies (each once: small buffers share Node's pool). */
export function transferOf(f: Fetched): ArrayBuffer[] {
  const all = new Set<ArrayBuffer>();
  if (f.bytes) all.add(f.bytes.buffer as ArrayBuffer);
  for (const [, b] of f.parts ?? []) all.add(b.buffer as ArrayBuffer);
  return [...all];
}
