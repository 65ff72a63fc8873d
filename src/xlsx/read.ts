// STUB — replaced by the xlsx reader (helper A). Signature is the contract.
import type { WorkbookModel } from '../engine/model';

export type InflateRaw = (data: Uint8Array, expectedSize: number) => Uint8Array;

export interface ReadOptions {
  /** Raw-deflate inflater; default fflate (browser and Node). Node passes zlib.inflateRawSync. */
  inflateRaw?: InflateRaw;
}

/** A file that cannot be read: the message names the file (Thai), `messageEn` in English. */
export class WorkbookReadError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly messageEn: string,
    public readonly file: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

export function readXlsx(_bytes: Uint8Array, fileName: string, _opts: ReadOptions = {}): WorkbookModel {
  throw new WorkbookReadError('not-implemented', `ยังอ่านไฟล์ ${fileName} ไม่ได้`, `cannot read ${fileName} yet`, fileName);
}
