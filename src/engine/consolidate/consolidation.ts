/**
 * The entry points of a consolidation: `consolidate` (all inputs at once) and `Consolidation` (one input
 * at a time, or what a worker extracted). Both read into candidates (collect.ts) and run the stages
 * (pipeline.ts).
 */
import type { SheetModel } from '../model';
import type { PlanSheet } from '../plan';
import { readPlanSheet } from '../forms/read';
import type { Candidate } from './extract';
import { clearSharedTables, intern, sharedBudgets, sharedPlace, sharedTokens } from './extract';
import { classWordsOf, type ClassWords } from '../classification';
import type { PlaceCodes } from '../places';
import { abortError, collect, collectInput, inputOrder, runPlace, type Extracted } from './collect';
import { consolidateCandidates } from './pipeline';
import { clearTokenCache } from '../normalise';
import { clearTermCache } from '../strategy/text';
import { verdictSharer, type ItemVerdict } from './verdicts';
import type { ConsolidateInput, ConsolidateOptions, ConsolidateResult, InputReport } from './types';

/**
 * Streaming consolidation for very many files: `add` one input at a time (its workbook can be dropped
 * right after: only the candidates are kept), or `addExtracted` what a worker extracted, then `finish`.
 * Same result as `consolidate`.
 */
export class Consolidation {
  private readonly reports: InputReport[] = [];
  private cands: Candidate[] = [];
  /** Strategy verdicts computed with their files (addExtracted), by candidate index. */
  private verdicts: Array<ItemVerdict | undefined> = [];
  /** The candidates of reports[k] are cands[starts[k]] up to the next start. */
  private readonly starts: number[] = [];
  private readonly recognise: (s: SheetModel) => PlanSheet;
  private readonly words: ClassWords;
  private readonly place: PlaceCodes;
  /** One object per distinct verdict of this run (a worker's copies are its own). */
  private readonly sharedVerdict = verdictSharer();

  constructor(private readonly opts: ConsolidateOptions = {}) {
    this.recognise = opts.recognise ?? ((s) => readPlanSheet(s));
    this.words = classWordsOf(opts.classWords);
    this.place = runPlace(opts);
  }

  add(input: ConsolidateInput): InputReport {
    this.starts.push(this.cands.length);
    const rep = collectInput(input, this.recognise, this.words, this.cands, this.place);
    this.reports.push(rep);
    return rep;
  }

  /**
   * Takes an input extracted elsewhere (`extractInput`, e.g. in a worker thread), in input order:
   * the result is the same as `add` of that input. Texts are interned again (a worker's copies are
   * its own), precomputed verdicts are kept for `finish`. `shared`: the candidates' values are this
   * thread's already (extracted here, or shared as they arrived: cli/candidate-wire.ts).
   */
  addExtracted(ex: Extracted, shared = false): InputReport {
    const base = this.cands.length;
    this.starts.push(base);
    // The file name, sheet, organisation, budgets and tokens were shared by the rows of a file (and
    // across files) before the thread boundary copied them: share them again (a million rows).
    ex.candidates.forEach((c, i) => {
      c.seq = base + i;
      if (shared) {
        this.cands.push(c);
        const v = ex.verdicts?.[i];
        if (v) this.verdicts[base + i] = this.sharedVerdict(v);
        return;
      }
      c.src.file = intern(c.src.file);
      c.src.sheet = intern(c.src.sheet);
      c.src.kind = intern(c.src.kind) as typeof c.src.kind;
      if (c.organisation !== undefined) c.src.organisation = c.organisation = intern(c.organisation);
      c.budgets = sharedBudgets(c.budgets);
      if (Array.isArray(c.tokens)) c.tokens = sharedTokens(c.tokens as readonly string[]);
      c.objective = intern(c.objective);
      c.target = intern(c.target);
      c.agency = intern(c.agency);
      c.priority = intern(c.priority);
      c.note = intern(c.note);
      if (c.tambon !== undefined) c.tambon = intern(c.tambon);
      if (c.district !== undefined) c.district = intern(c.district);
      if (c.place !== undefined) c.place = sharedPlace(c.place);
      this.cands.push(c);
      const v = ex.verdicts?.[i];
      if (v) this.verdicts[base + i] = this.sharedVerdict(v);
    });
    this.reports.push(ex.report);
    return ex.report;
  }

  /** Candidates collected so far (for benchmarks). */
  get candidates(): readonly Candidate[] {
    return this.cands;
  }

  /** The needs table. Once only: the candidates' match keys are released on the way. */
  finish(): ConsolidateResult {
    if (this.finished) throw new Error('Consolidation.finish() was already called');
    this.finished = true;
    this.putInCanonicalOrder();
    const res = consolidateCandidates(this.reports, this.cands, this.opts, { release: true, verdicts: this.verdicts });
    // The shared tables and text caches served the candidates; the output is written without them
    // (1M rows: the heap cap). A later run fills them again.
    clearSharedTables();
    clearTokenCache();
    clearTermCache();
    return res;
  }

  /** The inputs in canonical order (inputOrder), their candidates and verdicts with them, numbered again. */
  private putInCanonicalOrder(): void {
    const n = this.reports.length;
    const order = Array.from(this.reports.keys()).sort((x, y) => inputOrder(this.reports[x], this.reports[y]) || x - y);
    if (order.every((k, i) => k === i)) return;
    const cands: Candidate[] = [];
    const verdicts: Array<ItemVerdict | undefined> = [];
    for (const k of order) {
      const end = k + 1 < n ? this.starts[k + 1] : this.cands.length;
      for (let i = this.starts[k]; i < end; i++) {
        const c = this.cands[i];
        verdicts[cands.length] = this.verdicts[i];
        c.seq = cands.length;
        cands.push(c);
      }
    }
    this.reports.splice(0, n, ...order.map((k) => this.reports[k]));
    this.cands = cands;
    this.verdicts = verdicts;
  }
  private finished = false;
}

/** Consolidates received workbooks into the needs table. Throws an AbortError when cancelled. */
export async function consolidate(inputs: readonly ConsolidateInput[], opts: ConsolidateOptions = {}): Promise<ConsolidateResult> {
  const { reports, cands } = await collect([...inputs].sort(inputOrder), opts);
  if (opts.signal?.aborted) throw abortError();
  return consolidateCandidates(reports, cands, opts, { release: true });
}
