import type { MigrationSlot, SuggestedAction } from '../../engine/suggestion';
import type { Operation } from '../../model/operations';
import type { FileFacts } from '../file-facts';

/** A step as a writer sees it: where it goes, and whether its migration runs without the runner's transaction. */
export interface PlacedStep {
  slot: MigrationSlot;
  at: 'replace' | 'top' | 'end';
  actions: SuggestedAction[];
  /** Its migration runs outside the runner's transaction: a new one set so, or this one turned so (the flagged statement is alone in it). */
  transactionOff: boolean;
  /** Which new migration it is (1 for the first after this one), for names and timestamps. */
  newMigration: number;
}

export interface WriteContext<F extends FileFacts = FileFacts> {
  facts: F;
  operation: Operation;
  /** The flagged statement as SQL text, when it was written in SQL. */
  flaggedSql?: string;
  /** The flagged statement's source text (a builder call, a Django operation), for writers that reuse it. */
  flaggedSource: string;
}

/** Writes the steps of a suggestion in one language. */
export interface LanguageWriter<F extends FileFacts = FileFacts> {
  /** The code of one action: statements as they go in up() (or the operations list). */
  action(action: SuggestedAction, step: PlacedStep, context: WriteContext<F>): string[] | undefined;
  /** A step's code in the flagged migration: the statements, or, when its transaction is turned off, the migration as it becomes. */
  inThisMigration(code: string[], step: PlacedStep, context: WriteContext<F>): string;
  /** A new migration holding a step (with what undoes it, where the language wants a down()). */
  newMigration(code: string[], reverse: string[], step: PlacedStep, context: WriteContext<F>): string;
}
