import type { LockMode } from '../model/locks';
import type { ColumnType, Operation, TableName } from '../model/operations';
import type { LockedRelation, Subject } from './rule';

/**
 * A rule's safe alternative, as data: which statements to run, in which
 * migration, in the model's terms. Rules declare it (what to do); src/fixes
 * writes it in the language of the file (how), places the steps, and makes the
 * edits of `--fix`.
 */
export interface SuggestionRecipe {
  /** What to do instead, in a sentence or two, shown above the steps. */
  description: string;
  /**
   * The steps for one flagged operation, using its names; `undefined` when the
   * operation has no mechanical alternative (the description stands alone).
   */
  steps(operation: Operation, facts: RecipeFacts): SuggestedStep[] | undefined;
  /** The description of one finding's suggestion, where it differs from `description` (a milder case of what the rule flags). */
  descriptionFor?(facts: RecipeFacts): string | undefined;
  /**
   * Whether `--fix` may make it: its first step edits the flagged statement in
   * place (or adds a setting at the top). Only then are its steps planned for
   * `--fix`, and a report's count of fixable findings asks it.
   */
  fixable?: true;
}

/** What a recipe may depend on besides the flagged operation. */
export interface RecipeFacts {
  pgVersion: number;
  /** The flagged statement runs inside a transaction (the runner's or a BEGIN). */
  inTransaction: boolean;
  /** Inside a BEGIN … COMMIT of the file itself. */
  explicitTransaction: boolean;
  /** What the finding is about, as the rule reported it (a partitioned table, say). */
  subject?: Subject;
  /**
   * The operations the flagged statement (or builder call, or Django operation)
   * makes before the flagged one, when it makes several: a Knex column with
   * `.references()` adds the column, then its foreign key.
   */
  sameStatement?: Operation[];
}

/**
 * Which migration a step belongs in: the flagged one, the next one (deployed
 * separately), or a later one (after the application has changed).
 */
export type MigrationSlot = 'this' | 'next' | 'later';

export interface SuggestedStep {
  migration: MigrationSlot;
  /** Where in its migration: instead of the flagged statement (the default), at the top, or at the end. */
  at?: 'replace' | 'top' | 'end';
  actions: SuggestedAction[];
  /**
   * The step cannot run in a transaction (CONCURRENTLY): it goes in a migration
   * whose runner transaction is off, a migration of its own unless the flagged
   * statement is alone in this one.
   */
  outsideTransaction?: boolean;
  /** What the application must do, and deploy, before this step runs (expand and contract). */
  application?: string;
  /**
   * The strongest lock the step takes on tables that exist before it, with no
   * rewrite: what the suggestion promises, checked by the test suite in
   * PostgreSQL. Absent for steps that change no table (a setting, COMMIT).
   */
  lock?: LockMode;
  /** The relations the promise is about, when not every existing table (DETACH … CONCURRENTLY: the parent; the partition is then locked ACCESS EXCLUSIVE). */
  lockOn?: LockedRelation[];
}

/** An edit of the flagged statement that keeps its meaning (what `--fix` applies where it can). */
export type StatementEdit =
  /** `CREATE INDEX`, `DROP INDEX`, `REINDEX`, `DETACH PARTITION` → `… CONCURRENTLY`. */
  | { kind: 'concurrently' }
  /** `ADD CONSTRAINT … NOT VALID`, naming an unnamed constraint `name` so that it can be validated. */
  | { kind: 'notValid'; name: string }
  /** `IF NOT EXISTS` / `IF EXISTS`, so that a migration stopped half way can run again. */
  | { kind: 'ifNotExists' }
  | { kind: 'ifExists' }
  /** `TRUNCATE … CASCADE` → `TRUNCATE …`. */
  | { kind: 'withoutCascade' }
  /** `ADD COLUMN … DEFAULT value`: existing rows take the value (instantly, from PostgreSQL 11). */
  | { kind: 'columnDefault'; value: SqlValue }
  /** `ADD COLUMN` without the named parts of its definition (they follow in other statements). */
  | { kind: 'columnWithout'; parts: ColumnPart[] }
  /** `CREATE DOMAIN` without its CHECK constraints. */
  | { kind: 'domainWithoutCheck' };

export type ColumnPart = 'default' | 'notNull' | 'references' | 'unique' | 'primaryKey';

export type SuggestedAction =
  /**
   * The flagged statement as it is (moved, or kept with something around it);
   * `databaseOnly` when an ORM that records the schema (Django) recorded the change already (`stateOnly`).
   */
  | { kind: 'flagged'; databaseOnly?: true }
  /** The flagged change recorded by an ORM's migration state only (Django), nothing run in the database; nothing elsewhere. */
  | { kind: 'stateOnly' }
  /**
   * The flagged statement changed by `edit`; `operation` is the same statement
   * in the model's terms, for code written from the model (builder calls).
   */
  | { kind: 'edit'; edit: StatementEdit; operation: Operation }
  /**
   * A statement the model describes; `completes` when, with it, the database has
   * what the flagged statement was for (an ORM that records the schema records it then).
   */
  | { kind: 'statement'; operation: Operation; completes?: true }
  /** Fills a column of the existing rows (in batches, on a large table). */
  | { kind: 'backfill'; table: TableName; column: string; value: SqlValue }
  /** A new column of the type of another (expand and contract); `type` when the migration states it. */
  | { kind: 'addColumnLike'; table: TableName; column: string; like: string; type?: ColumnType }
  | { kind: 'createView'; view: TableName; table: TableName }
  | { kind: 'dropView'; view: TableName }
  /** A session setting for the rest of the migration (`SET [LOCAL] lock_timeout = '2s'`). */
  | { kind: 'setting'; name: string; value: string }
  /** The runner's transaction turned off for this migration (goose, dbmate, Knex, TypeORM, Django markers). */
  | { kind: 'transactionOff' };

/**
 * A value in SQL: an expression, another column (cast to a type), what only
 * the user can say (written as a placeholder that parses but fails to run), or
 * the DEFAULT the flagged statement gives a column.
 */
export type SqlValue = { sql: string } | { column: string; cast?: ColumnType } | { placeholder: string } | { defaultOf: string };
