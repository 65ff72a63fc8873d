/** The reader's default raw-deflate inflater (browser and Node): fflate, bounded by the entry's declared size. */
import { Inflate, inflateSync } from 'fflate';
import { InflateOverflow, MAX_DEFLATE_RATIO, type InflateRaw } from './zip';

const SMALL_INFLATE_WORK = 64 * 1024 * 1024;

/**
 * Default inflater (browser and Node): fflate, streamed in slices so that a stream producing more
 * than `expectedSize` bytes is stopped early instead of filling memory.
 */
export const fflateInflateRaw: InflateRaw = (data, expectedSize) => {
  // Small entries: one call into a fixed buffer one byte larger than declared. Writes past the end
  // are dropped, so memory is bounded, and the worst case (1032:1) is at most ~64 MB of work.
  if (data.length * MAX_DEFLATE_RATIO <= SMALL_INFLATE_WORK) {
    const res = inflateSync(data, { out: new Uint8Array(expectedSize + 1) });
    if (res.length > expectedSize) throw new InflateOverflow();
    return res;
  }
  const out = new Uint8Array(expectedSize);
  let pos = 0;
  const inf = new Inflate((chunk) => {
    if (pos + chunk.length > expectedSize) throw new InflateOverflow();
    out.set(chunk, pos);
    pos += chunk.length;
  });
  const SLICE = 1 << 18;
  for (let i = 0; i < data.length; i += SLICE) {
    const end = Math.min(data.length, i + SLICE);
    inf.push(data.subarray(i, end), end === data.length);
  }
  return pos === expectedSize ? out : out.subarray(0, pos);
};
