/** The real workbook and its independently computed facts, as shipped in the repository (assets/samples/). */
import * as fs from 'fs';
import * as path from 'path';

// The repository's root from test/ (jest) or from dist/bench/test/ (the compiled bench).
const ROOT = fs.existsSync(path.join(__dirname, '../package.json')) ? path.join(__dirname, '..') : path.join(__dirname, '../../..');

export const REAL_SAMPLE = path.join(ROOT, 'assets/samples/nakhonsawan-2566-2570.xlsx');
export const REAL_FACTS = path.join(ROOT, 'assets/samples/nakhonsawan-2566-2570.facts.json');
