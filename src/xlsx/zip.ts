/**
 * Minimal, bounded zip reader for .xlsx: central directory (stored / deflated, data descriptors,
 * basic zip64), no fs. The raw-deflate inflater is injected (fflate by default (inflate-fflate.ts),
 * node:zlib in Node); fflate is not loaded here, so Node's fetching thread does without it.
 */
import { readError, WorkbookReadError } from './errors';

export type InflateRaw = (data: Uint8Array, expectedSize: number) => Uint8Array;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compSize: number;
  size: number;
  localOffset: number;
}

export interface ZipLimits {
  maxEntryBytes: number;
  maxTotalBytes: number;
}

/** Deflate cannot expand more than about 1032:1; a declared size beyond that is a lie. */
export const MAX_DEFLATE_RATIO = 1032;

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x100000000;

/** Thrown by an inflater when the output would exceed the expected size. */
export class InflateOverflow extends Error {
  constructor() {
    super('inflated data larger than declared');
    this.name = 'InflateOverflow';
  }
}

export class ZipArchive {
  /** Entries by lower-case name (OPC part names are case-insensitive). */
  readonly entries = new Map<string, ZipEntry>();
  /** Bytes read so far (maxTotalBytes). */
  private inflatedBytes = 0;

  /**
   * `inflated`: entries already inflated, by lower-case name (the CLI's fetching thread inflates a
   * file's parts while the file before it is parsed: src/node/inflate.ts inflateParts).
   * read() takes one in place of calling `inflateRaw`, after the same checks, and checks its size as
   * its own: an entry missing from it (its inflating failed, or was not tried) is inflated here.
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    private readonly inflateRaw: InflateRaw,
    private readonly limits: ZipLimits,
    private readonly inflated?: ReadonlyMap<string, Uint8Array>,
  ) {
    this.parse();
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  get(name: string): ZipEntry | undefined {
    return this.entries.get(name.toLowerCase());
  }

  private parse(): void {
    const b = this.bytes;
    const n = b.length;
    // End of central directory: last 22 bytes + up to 64 KiB of comment.
    let eocd = -1;
    const stop = Math.max(0, n - 22 - 0xffff);
    for (let i = n - 22; i >= stop; i--) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      if (n >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05 || b[2] === 0x07)) {
        throw readError('truncated', this.file, 'no zip central directory');
      }
      throw readError('not-zip', this.file);
    }
    let count = u16(b, eocd + 10);
    let cdSize = u32(b, eocd + 12);
    let cdOffset = u32(b, eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = eocd - 20;
      if (loc >= 0 && u32(b, loc) === 0x07064b50) {
        const z64 = u64(b, loc + 8);
        if (z64 + 56 > n || u32(b, z64) !== 0x06064b50) throw readError('truncated', this.file, 'zip64 record');
        count = u64(b, z64 + 32);
        cdSize = u64(b, z64 + 40);
        cdOffset = u64(b, z64 + 48);
      }
    }
    if (cdOffset + cdSize > n) throw readError('truncated', this.file, 'central directory outside the file');
    let p = cdOffset;
    const end = cdOffset + cdSize;
    const dec = new TextDecoder('utf-8');
    for (let k = 0; k < count && p + 46 <= end; k++) {
      if (u32(b, p) !== 0x02014b50) throw readError('corrupt', this.file, 'bad central directory entry');
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      let compSize = u32(b, p + 20);
      let size = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      let localOffset = u32(b, p + 42);
      if (p + 46 + nameLen + extraLen > end) throw readError('truncated', this.file, 'central directory');
      const name = dec
        .decode(b.subarray(p + 46, p + 46 + nameLen))
        .replace(/\\/g, '/')
        .replace(/^\/+/, '');
      if (size === 0xffffffff || compSize === 0xffffffff || localOffset === 0xffffffff) {
        // zip64 extended information extra field
        let e = p + 46 + nameLen;
        const eEnd = e + extraLen;
        while (e + 4 <= eEnd) {
          const id = u16(b, e);
          const len = u16(b, e + 2);
          if (id === 0x0001) {
            let q = e + 4;
            if (size === 0xffffffff && q + 8 <= e + 4 + len) {
              size = u64(b, q);
              q += 8;
            }
            if (compSize === 0xffffffff && q + 8 <= e + 4 + len) {
              compSize = u64(b, q);
              q += 8;
            }
            if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = u64(b, q);
            break;
          }
          e += 4 + len;
        }
      }
      this.entries.set(name.toLowerCase(), { name, method, flags, compSize, size, localOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /**
   * An entry's stored bytes, after the checks every read makes (encrypted, the caps, its local header,
   * a size deflate cannot reach); throws as read() does.
   */
  private dataOf(e: ZipEntry): Uint8Array {
    const b = this.bytes;
    if (e.flags & 1) throw readError('encrypted', this.file);
    if (e.size > this.limits.maxEntryBytes || this.inflatedBytes + e.size > this.limits.maxTotalBytes) {
      throw readError('too-large', this.file, `${e.name}: ${e.size} bytes`);
    }
    const lo = e.localOffset;
    if (lo + 30 > b.length) throw readError('truncated', this.file, e.name);
    if (u32(b, lo) !== 0x04034b50) throw readError('corrupt', this.file, `${e.name}: bad local header`);
    const start = lo + 30 + u16(b, lo + 26) + u16(b, lo + 28);
    const stop = start + e.compSize;
    if (stop > b.length) throw readError('truncated', this.file, e.name);
    if (e.method === 8 && e.size > e.compSize * MAX_DEFLATE_RATIO + 1024) {
      throw readError('too-large', this.file, `${e.name}: impossible compression ratio`);
    }
    return b.subarray(start, stop);
  }

  /**
   * A deflated entry's compressed bytes and declared size, for inflating ahead (the constructor's
   * `inflated`); undefined where read() would not inflate it (absent, stored, or failing its checks).
   */
  deflated(name: string): { data: Uint8Array; size: number } | undefined {
    const e = this.get(name);
    if (!e || e.method !== 8) return undefined;
    try {
      return { data: this.dataOf(e), size: e.size };
    } catch {
      return undefined;
    }
  }

  /** Bytes of an entry, inflated; undefined when the entry does not exist. Bounded by the limits. */
  read(name: string): Uint8Array | undefined {
    const e = this.get(name);
    if (!e) return undefined;
    const data = this.dataOf(e);
    let out: Uint8Array;
    if (e.method === 0) {
      if (e.compSize !== e.size) throw readError('corrupt', this.file, `${e.name}: stored size mismatch`);
      out = data;
    } else if (e.method === 8) {
      const ready = this.inflated?.get(e.name.toLowerCase());
      if (ready) out = ready;
      else
        try {
          out = this.inflateRaw(data, e.size);
        } catch (err) {
          if (err instanceof WorkbookReadError) throw err;
          const code = (err as { code?: string })?.code;
          if (err instanceof InflateOverflow || code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
            throw readError('too-large', this.file, `${e.name}: inflates beyond its declared size`);
          }
          throw readError('corrupt', this.file, `${e.name}: ${(err as Error)?.message ?? err}`);
        }
      if (out.length > e.size) throw readError('too-large', this.file, `${e.name}: inflates beyond its declared size`);
      if (out.length < e.size) throw readError('truncated', this.file, `${e.name}: data ends early`);
    } else {
      throw readError('corrupt', this.file, `${e.name}: unsupported compression method ${e.method}`);
    }
    this.inflatedBytes += out.length;
    return out;
  }
}

/** A zip's first signature: a local file header, an empty archive's end record, or a spanned archive's marker. */
export function hasZipMagic(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05 || b[2] === 0x07);
}

/** OLE2 compound file (old .xls, or an encrypted OOXML package). */
export function isOle2(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1;
}

/** Does the OLE2 file hold a stream of this name? Directory names are UTF-16LE. */
export function oleHasStream(b: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  const limit = b.length - needle.length * 2;
  for (let i = b.indexOf(first); i >= 0 && i <= limit; i = b.indexOf(first, i + 1)) {
    let ok = true;
    for (let k = 1; k < needle.length; k++) {
      if (b[i + 2 * k] !== needle.charCodeAt(k) || b[i + 2 * k + 1] !== 0) {
        ok = false;
        break;
      }
    }
    if (ok && b[i + 1] === 0) return true;
  }
  return false;
}

/** A password-protected .xlsx is an OLE2 file with an "EncryptedPackage" stream. */
export const oleHasEncryptedPackage = (b: Uint8Array): boolean => oleHasStream(b, 'EncryptedPackage');
