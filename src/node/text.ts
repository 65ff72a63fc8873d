/**
 * Texts made from UTF-16 code units by Node's Buffer (ReadOptions.unitsToString): a shared string's
 * text at about half the cost of TextDecoder('utf-16le'), whose call costs ~2,700 instructions however
 * short the text (docs/benchmark.md, the ninth session's reading). The units hold no lone surrogate
 * (TextDecoder would make one U+FFFD where Buffer keeps it).
 */
import type { UnitsToString } from '../xlsx/xml';

let lastUnits: Uint16Array | undefined;
let lastBytes: Buffer | undefined;

/** The first `n` units of `units` as a string; one Buffer over the caller's (reused) scratch array, not one per call. */
export const nodeUnitsToString: UnitsToString = (units, n) => {
  if (units !== lastUnits || lastBytes === undefined) {
    lastUnits = units;
    lastBytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
  }
  return lastBytes.toString('utf16le', 0, 2 * n);
};
