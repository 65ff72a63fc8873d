/** The zod contract of PlaceCodes (types.ts) in `--json` outputs: DOPA codes, each part absent when unknown. */
import { z } from 'zod/v4';
import type { PlaceCodes } from './types';

export const PlaceCodesSchema = z.object({
  /** Province, 2 digits ("12" นนทบุรี). */
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  /** District (อำเภอ), 4 digits beginning with its province's ("1206" ปากเกร็ด). */
  district: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  /** Tambon, 6 digits beginning with its district's ("120603" บ้านใหม่). */
  tambon: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
}) satisfies z.ZodType<PlaceCodes>;
