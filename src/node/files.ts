/**
 * Node adapter for the xlsx reader / writer: fs for bytes, node:zlib for inflating (about 4× faster
 * than fflate, inflate.ts), bounded by the entry's declared size.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { WorkbookModel } from '../engine/model';
import { thaiOrder } from '../engine/thai';
import { skipReasonOf, skippedFile, type SkippedFile } from '../engine/consolidate/skipped';
import { readError } from '../xlsx/errors';
import { readWorkbookBytes, type OpenOptions } from '../xlsx/open';
import { WorkbookReadError, type ReadOptions } from '../xlsx/read';
import { nodeInflateRaw } from './inflate';
import { nodeUnitsToString } from './text';
import { partBytes, type PartData, type ZipParts } from '../xlsx/write';

export { nodeInflateRaw };

/** How Node reads a workbook: node:zlib's inflate, Buffer's texts (the CLI's reading threads, readWorkbookFile, the bench). */
export const NODE_READ: Readonly<Pick<ReadOptions, 'inflateRaw' | 'unitsToString'>> = {
  inflateRaw: nodeInflateRaw,
  unitsToString: nodeUnitsToString,
};

const crc32 = (zlib as unknown as { crc32?: (b: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 in JS, for Node versions without zlib.crc32 (< 20.15); `prev` continues a running CRC. */
let CRC_TABLE: Uint32Array | undefined;
function crc32js(b: Uint8Array, prev = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A part as it goes into the zip: compressed bytes, sizes and CRC. */
interface ZipEntryOut {
  name: string;
  stored: boolean;
  comp: Buffer[];
  compSize: number;
  size: number;
  crc: number;
}

const SYNC_FLUSH = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

/**
 * One part deflated as its chunks come: each chunk is compressed on its own and ended with a sync
 * flush (byte-aligned, not final), then one empty final block ends the stream, so a 600 MB sheet
 * is never held whole (as pigz does; ~1 MB chunks cost a fraction of a percent in size).
 */
function deflateChunks(name: string, data: Iterable<Uint8Array>, level: number): ZipEntryOut {
  const e: ZipEntryOut = { name, stored: false, comp: [], compSize: 0, size: 0, crc: 0 };
  for (const chunk of data) {
    if (!chunk.length) continue;
    e.crc = crc32 ? crc32(chunk, e.crc) : crc32js(chunk, e.crc);
    e.size += chunk.length;
    const z = zlib.deflateRawSync(chunk, { level, ...SYNC_FLUSH });
    e.comp.push(z);
    e.compSize += z.length;
  }
  return endDeflate(e, level);
}

/** The empty final block that ends a part deflated chunk by chunk. */
function endDeflate(e: ZipEntryOut, level: number): ZipEntryOut {
  const last = zlib.deflateRawSync(Buffer.alloc(0), { level });
  e.comp.push(last);
  e.compSize += last.length;
  e.crc >>>= 0;
  return e;
}

/** A part given whole (small parts), or any part when stored. */
function wholePart(name: string, data: PartData, level: number): ZipEntryOut {
  const stored = level === 0;
  const whole = partBytes(data);
  const z = stored ? Buffer.from(whole.buffer, whole.byteOffset, whole.length) : zlib.deflateRawSync(whole, { level });
  return { name, stored, comp: [z], compSize: z.length, size: whole.length, crc: (crc32 ? crc32(whole) : crc32js(whole)) >>> 0 };
}

/** The zip file of deflated parts as one array (zipPieces joined). */
function zipOf(entries: readonly ZipEntryOut[]): Uint8Array {
  const all = Buffer.concat(zipPieces(entries));
  return new Uint8Array(all.buffer, all.byteOffset, all.length);
}

/**
 * The zip file of deflated parts, in pieces to be written one after another: local headers and data
 * in order, then the central directory. Written as pieces, a big workbook is never held twice
 * (1M rows: 131 MB of deflated chunks and their join).
 */
function zipPieces(entries: readonly ZipEntryOut[]): Uint8Array[] {
  const d = new Date();
  const dosTime = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const dosDate = (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, stored, comp, compSize, size, crc } of entries) {
    const nm = Buffer.from(name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6);
    lh.writeUInt16LE(stored ? 0 : 8, 8);
    lh.writeUInt16LE(dosTime, 10);
    lh.writeUInt16LE(dosDate, 12);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(compSize, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(nm.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(stored ? 0 : 8, 10);
    ch.writeUInt16LE(dosTime, 12);
    ch.writeUInt16LE(dosDate, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(compSize, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(nm.length, 28);
    ch.writeUInt32LE(offset, 42);
    chunks.push(lh, nm, ...comp);
    central.push(ch, nm);
    offset += 30 + nm.length + compSize;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return [...chunks, cd, end];
}

/** Zip writer for writeXlsx on node:zlib (deflate in C: about 3× faster than fflate on big sheets). */
export const nodeZip: ZipParts = (files, level) => {
  const entries: ZipEntryOut[] = [];
  for (const [name, data] of files)
    entries.push(level === 0 || data instanceof Uint8Array ? wholePart(name, data, level) : deflateChunks(name, data, level));
  return zipOf(entries);
};

/** Chunks of one part being deflated at once on libuv's threads (each ~1 MB: memory stays small). */
const IN_FLIGHT = 4;
const deflateRawAsync = promisify(zlib.deflateRaw) as (b: Uint8Array, o: zlib.ZlibOptions) => Promise<Buffer>;

/**
 * nodeZip with the big parts' chunks deflated on libuv's thread pool while this thread makes the
 * next chunk (the needs sheet's rows): the same bytes as nodeZip, in less time on two or more cores.
 */
export async function nodeZipAsync(files: Iterable<[string, PartData]>, level: number): Promise<Uint8Array> {
  return zipOf(await deflateAsync(files, level));
}

/** nodeZipAsync's zip file in pieces (zipPieces), for writeFileBytes: the file is never joined in memory. */
export async function nodeZipPiecesAsync(files: Iterable<[string, PartData]>, level: number): Promise<Uint8Array[]> {
  return zipPieces(await deflateAsync(files, level));
}

async function deflateAsync(files: Iterable<[string, PartData]>, level: number): Promise<ZipEntryOut[]> {
  const entries: ZipEntryOut[] = [];
  for (const [name, data] of files) {
    if (level === 0 || data instanceof Uint8Array) {
      entries.push(wholePart(name, data, level));
      continue;
    }
    const e: ZipEntryOut = { name, stored: false, comp: [], compSize: 0, size: 0, crc: 0 };
    const pending: Array<Promise<Buffer>> = [];
    const settle = async (): Promise<void> => {
      const z = await pending.shift()!;
      e.comp.push(z);
      e.compSize += z.length;
    };
    for (const chunk of data) {
      if (!chunk.length) continue;
      e.crc = crc32 ? crc32(chunk, e.crc) : crc32js(chunk, e.crc);
      e.size += chunk.length;
      // Output buffers as big as the chunk: one pass through zlib per chunk, not one per 16 KB (its
      // default; ~8 % less deflate time); the bytes are the same.
      pending.push(deflateRawAsync(chunk, { level, ...SYNC_FLUSH, chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, chunk.length) }));
      if (pending.length >= IN_FLIGHT) await settle();
    }
    while (pending.length) await settle();
    entries.push(endDeflate(e, level));
  }
  return entries;
}

/**
 * Read a received file (.xlsx, or CSV chosen by content: see readWorkbookBytes); errors are
 * WorkbookReadError with a Thai message naming the file.
 */
export async function readWorkbookFile(filePath: string, opts: OpenOptions = {}): Promise<WorkbookModel> {
  const name = path.basename(filePath);
  let buf: Buffer;
  try {
    buf = await fs.readFile(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT') throw readError('not-found', name, filePath, filePath);
    if (code === 'EISDIR') throw readError('is-folder', filePath);
    throw readError('read-failed', name, (e as Error)?.message);
  }
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  return readWorkbookBytes(bytes, name, { ...NODE_READ, ...opts });
}

/** Write bytes to a file (creating the folder if needed). */
export async function writeFileBytes(filePath: string, bytes: Uint8Array | readonly Uint8Array[]): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(filePath)), { recursive: true });
  await fs.writeFile(filePath, bytes);
}

/** Whether a path is a folder (following links); false when it does not exist. */
const isFolder = (p: string): Promise<boolean> =>
  fs.stat(p).then(
    (st) => st.isDirectory(),
    () => false,
  );

/** Inputs as given, folders opened: the files to read, the ones left out (with why), folders with nothing readable. */
export interface InputScan {
  files: string[];
  skipped: SkippedFile[];
  /** Folders holding no file a scan reads (a wrong folder, or only .xls / Word files). */
  emptyFolders: string[];
}

/**
 * Files as given (read by content, whatever their names); a folder becomes its .xlsx, .xlsm and .csv
 * files, sorted, and every other entry is listed as skipped with its reason (skipped.ts), none silently.
 */
export async function scanInputs(args: readonly string[]): Promise<InputScan> {
  const scan: InputScan = { files: [], skipped: [], emptyFolders: [] };
  for (const a of args) {
    if (!(await isFolder(a))) {
      scan.files.push(a);
      continue;
    }
    const entries = (await fs.readdir(a, { withFileTypes: true })).sort((x, y) => thaiOrder(x.name, y.name));
    let read = 0;
    for (const e of entries) {
      const file = path.join(a, e.name);
      // A link to a folder is a folder.
      const folder = e.isDirectory() || (e.isSymbolicLink() && (await isFolder(file)));
      const reason = skipReasonOf(e.name, folder);
      if (reason) scan.skipped.push(skippedFile(file, e.name, reason));
      else {
        scan.files.push(file);
        read++;
      }
    }
    if (!read) scan.emptyFolders.push(a);
  }
  return scan;
}

export { WorkbookReadError };
