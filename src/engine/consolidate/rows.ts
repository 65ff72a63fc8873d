/** What reading gives the stages: the inputs' reports and candidates, with the verdicts computed with the files. */
import type { Candidate } from './extract';
import type { ItemVerdict } from './verdicts';
import type { InputReport } from './types';

export interface Rows {
  reports: readonly InputReport[];
  cands: readonly Candidate[];
  /** Strategy verdicts computed with their files (extractInput), by candidate index. */
  verdicts?: ReadonlyArray<ItemVerdict | undefined>;
}
