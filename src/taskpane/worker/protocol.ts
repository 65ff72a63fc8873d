/** Messages between the pane and the xlsx-reading worker. */
import type { WorkbookModel } from '../../engine/model';

export interface ReadRequest {
  id: number;
  bytes: ArrayBuffer;
  fileName: string;
}

export type ReadResponse =
  | { id: number; ok: true; workbook: WorkbookModel }
  | { id: number; ok: false; error: { name: string; code?: string; message: string; messageEn?: string } };
