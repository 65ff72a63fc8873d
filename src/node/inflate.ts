/**
 * node:zlib's raw inflate for the xlsx reader, and a workbook's parts inflated ahead of its reading
 * (by the fetching thread, src/cli/fetch-worker.ts). Loads no more than the zip reader: the fetching
 * thread starts with the command.
 */
import * as zlib from 'node:zlib';
import { hasZipMagic, ZipArchive, type InflateRaw } from '../xlsx/zip';

/**
 * zlib raw inflate with the known uncompressed size as chunk size (one output buffer, much less
 * memory on big sheets) and as the output cap (a stream that inflates beyond its declared size
 * throws ERR_BUFFER_TOO_LARGE, reported as 'too-large').
 */
export const nodeInflateRaw: InflateRaw = (data, expectedSize) => {
  const chunkSize = Math.min(Math.max(expectedSize + 1, 64), 256 * 1024 * 1024);
  const out = zlib.inflateRawSync(data, { chunkSize, maxOutputLength: Math.max(1, expectedSize) });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};

/**
 * The parts inflated ahead: those the reader reads of a workbook as Excel writes it (the package's and
 * the workbook's relationships, the workbook, styles, shared strings, the sheets and their
 * relationships); a part elsewhere is inflated when read.
 */
const AHEAD_PART =
  /^(_rels\/\.rels|xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedstrings\.xml|worksheets\/[^/]+\.xml|worksheets\/_rels\/[^/]+\.rels))$/;
/** At most this much of one file inflated ahead (held beside the workbook being parsed). */
const AHEAD_MAX_BYTES = 64 * 1024 * 1024;

/**
 * A workbook's parts inflated before it is read, for `ReadOptions.inflated` (by lower-case name).
 * Only what inflates cleanly to its declared size is kept: anything else (not a zip, a damaged or
 * oversized entry) is left to the reader, which inflates it itself and fails with its own message.
 */
export function inflateParts(bytes: Uint8Array, file: string): Map<string, Uint8Array> {
  const ready = new Map<string, Uint8Array>();
  if (!hasZipMagic(bytes)) return ready;
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes, file, nodeInflateRaw, { maxEntryBytes: AHEAD_MAX_BYTES, maxTotalBytes: AHEAD_MAX_BYTES });
  } catch {
    return ready;
  }
  let total = 0;
  for (const name of zip.entries.keys()) {
    if (!AHEAD_PART.test(name)) continue;
    const part = zip.deflated(name);
    if (!part || total + part.size > AHEAD_MAX_BYTES) continue;
    total += part.size;
    try {
      const out = nodeInflateRaw(part.data, part.size);
      if (out.length === part.size) ready.set(name, out);
    } catch {
      // The reader inflates it again and reports it.
    }
  }
  return ready;
}
