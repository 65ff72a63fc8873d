/** The real workbook and its independently computed facts, as shipped in the repository (assets/samples/). */
import * as path from 'path';

export const REAL_SAMPLE = path.join(__dirname, '../assets/samples/nakhonsawan-2566-2570.xlsx');
export const REAL_FACTS = path.join(__dirname, '../assets/samples/nakhonsawan-2566-2570.facts.json');
