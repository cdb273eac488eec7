import type { SourceSpan } from './location';
import type { Operation, TableName } from './operations';

export type FrontendName = 'sql' | 'knex' | 'typeorm' | 'django';

/** Something a front-end found wrong with the file itself, reported under a rule id. */
export interface FrontendProblem {
  rule: 'syntax-error' | 'unanalyzed-code';
  message: string;
  location: SourceSpan;
  /** The code reported is known to leave the schema alone (a data migration): the history is still read whole. */
  keepsSchema?: true;
}

/** A `migralint-ignore` comment. */
export interface IgnoreDirective {
  scope: 'statement' | 'file';
  /** Rule ids named by the comment; empty means every rule. */
  rules: string[];
  location: SourceSpan;
  /** For `statement` scope: the first line of the statement or call it silences. */
  targetLine: number;
  /** A squawk-ignore comment: never reported as unused or as naming an unknown rule. */
  squawk?: boolean;
  /** Not a comment but what the migration declares of itself (django-safemigrate's after_deploy, django-migration-linter's IgnoreMigration): never reported as unused. */
  implied?: boolean;
}

/** What a front-end makes of one migration file. */
export interface AnalyzedFile {
  frontend: FrontendName;
  operations: Operation[];
  problems: FrontendProblem[];
  directives: IgnoreDirective[];
  /** Number of statements (or builder calls) in forward code. */
  statements: number;
  /** Whether the migration runner wraps the whole file in a transaction. */
  runnerTransaction: boolean;
  /**
   * The runner sends the file to PostgreSQL as one query of several statements,
   * which PostgreSQL runs as one transaction (a BEGIN in the file is allowed, and
   * turns it into an ordinary one).
   */
  implicitTransaction?: boolean;
  /**
   * Whether the migration may turn the runner's transaction off for itself, when
   * that depends on the runner's settings (TypeORM honours `transaction = false`
   * only with `migrationsTransactionMode: 'each'`).
   */
  transactionSwitch?: boolean;
  /** Set when the whole file is rollback code and was not analysed. */
  skippedReason?: string;
  /** What was passed over (psql meta-commands), for --verbose. */
  notes?: string[];
  /**
   * Tables created before this file that are new for it all the same: a Django
   * squashed migration runs only on a new database, after others that did too.
   */
  newTables?: TableName[];
  /** A Django squashed migration checked beside the migrations it replaces: what it does is not part of the history the later ones see. */
  besideHistory?: boolean;
  /** What went wrong around the file and changed how it was read (an unreadable knexfile): always shown, once a run. */
  warnings?: string[];
  /** Names that stand for values known only at run time (`${tableName}` in SQL): the objects they name are not known. */
  runtimeNames?: string[];
  /** Other files the analysis read (modules constants are imported from): the result depends on them too. */
  readsFiles?: string[];
}
