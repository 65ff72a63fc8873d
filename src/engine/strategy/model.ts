/**
 * Provincial development issues (ประเด็นการพัฒนา): the list a province sends to its districts and
 * local governments, which every project of a plan should link to. Pure data; the schema is in schema.ts.
 */
import type { z } from 'zod/v4';
import type { StrategyIssueSchema, StrategyListSchema } from './schema';

export type StrategyIssue = z.infer<typeof StrategyIssueSchema>;
export type StrategyList = z.infer<typeof StrategyListSchema>;

export const MATCH_STATUSES = ['consistent', 'weak', 'undeclared', 'none'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export interface MatchSettings {
  /**
   * Minimum score for an issue to count as fitting at all (suggestions, 'none'). Scores are in units
   * of one strong issue-specific word (1.0), whatever the list size. Default 0.5.
   */
  threshold: number;
  /** How far (score units) another issue must beat the declared one to call the link 'weak'. Default 0.6. */
  margin: number;
  /** …and by this factor (other ≥ declared × ratio). Default 2. */
  ratio: number;
  /**
   * A challenge needs words of the project worth at least this much: 1 for each word the other issue
   * states (name, keywords) and the declared issue does not, ½ for each word only in the other issue's
   * prose and nowhere in the declared one; never one generic word. An issue whose name and keywords
   * hold fewer words (a one-word name read from a sheet) needs as many as it has. Default 2.
   */
  minWords: number;
  /** Weights of the project fields in the query. Defaults name 1, objective 0.5, target 0.3. */
  nameWeight: number;
  objectiveWeight: number;
  targetWeight: number;
  /** Flag declared projects whose text matches no issue at all as 'none' (default false: trust the declaration). */
  flagUnmatchedDeclared: boolean;
  /** At most this many matched words in a verdict. Default 6. */
  maxWords: number;
}

export const DEFAULT_MATCH_SETTINGS: Readonly<MatchSettings> = Object.freeze({
  threshold: 0.5,
  margin: 0.6,
  ratio: 2,
  minWords: 2,
  nameWeight: 1,
  objectiveWeight: 0.5,
  targetWeight: 0.3,
  flagUnmatchedDeclared: false,
  maxWords: 6,
});

export interface ProjectInput {
  id: string;
  name: string;
  objective?: string;
  target?: string;
  /** What the project claims (link column or the sheet's ง. line), raw text. */
  declared?: string;
}

export interface MatchVerdict {
  id: string;
  status: MatchStatus;
  /** Declared issue code, when the claim resolves to an issue of the list. */
  declared?: string;
  /** The claim when it names an issue that is not in the list ("9", or the text). */
  declaredUnknown?: string;
  /** Suggested issue code ('weak', 'undeclared'). */
  suggested?: string;
  /** Score of the issue the verdict is about (declared for 'consistent', suggested, or the best). */
  score: number;
  /** Words of the project that matched that issue, most telling first. */
  matched: string[];
  /** Thai explanation. */
  reason: string;
  reasonEn: string;
  /** Every issue's score, by code (for the UI's "why"). */
  scores: Record<string, number>;
}
