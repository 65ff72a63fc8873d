/** The file error codes (file-errors.ts) as a schema, for every report's JSON contract. */
import { z } from 'zod/v4';
import { FILE_ERROR_CODES } from './file-errors';

export const FileErrorCodeSchema = z.enum(FILE_ERROR_CODES);
