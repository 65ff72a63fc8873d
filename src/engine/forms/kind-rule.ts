/**
 * What a form-recognising rule sees and says: shared by recognise.ts (the plan forms) and own-output.ts
 * (OnePlan's own sheets), so neither has to import the other.
 */
import type { SheetModel } from '../model';
import type { ContextLine, Field, FormKind, PlanBlock } from '../plan';

/** Why a sheet is of its kind, in the officer's words (Thai) and in English. */
export interface KindReason {
  th: string;
  en: string;
}

/** The signs of one sheet, computed once and shared by every rule. */
export interface SheetSigns {
  sheet: SheetModel;
  titles: ContextLine[];
  /** The first title lines joined (where the form's own title lines are). */
  titleText: string;
  /** Form code from a text box or a short title cell ("ผ.02/2"). */
  code?: string;
  blocks: PlanBlock[];
  /** Fields named by the header of any block. */
  fields: Set<Field>;
  /** The header has budget columns: one per B.E. year, or one amount column. */
  hasBudget: boolean;
  /** Number of B.E. year budget columns in the richest block. */
  yearColumns: number;
  /** Share of the project rows whose classification cell holds a classification word (0 when no such column). */
  classWords: number;
}

/** One piece of evidence for a kind: the reason when the sheet shows it, undefined otherwise. */
export interface KindRule {
  kind: FormKind;
  /** Short name for tests and debugging ("title", "form-code", "header"). */
  name: string;
  test: (s: SheetSigns) => KindReason | undefined;
}
