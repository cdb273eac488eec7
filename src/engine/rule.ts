import type { FrontendName } from '../model/file';
import type { SourceSpan } from '../model/location';
import type { LockMode } from '../model/locks';
import type { ConstraintKind, Operation, OperationKind, OperationOf, TableName } from '../model/operations';
import type { SchemaView } from '../schema/replay';
import type { SuggestionRecipe } from './suggestion';

export type Category = 'compatibility' | 'locking' | 'transactions' | 'conventions';
export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** What a finding is about; the rule's `message` turns it into a sentence. */
export interface Subject {
  table?: string;
  column?: string;
  name?: string;
  detail?: string;
  /** How many more statements of the file the finding stands for (rules reported once per file). */
  others?: number;
  /** The table is partitioned (an index on it is built partition by partition). */
  partitioned?: boolean;
  /** The statement is sent to PostgreSQL in one query with the rest of its file (a whole-file runner). */
  wholeFileQuery?: boolean;
  /** What the object was before the change, where the replayed schema knows (a column's old type). */
  from?: string;
  /** Whether the table is rewritten, where the rule knows (the finding's lock then says so for certain). */
  rewrite?: boolean;
  /** Views that use the object. */
  views?: string[];
  /** The finding is at most a warning, whatever the rule's severity: a milder case of what the rule flags. */
  atMost?: 'warning';
  /** The lock waited for blocks the table's writes only (SHARE, SHARE ROW EXCLUSIVE), not its reads. */
  writesOnly?: boolean;
  /** `table` is an index whose table the replayed schema does not know: the lock is on that table. */
  ofIndex?: boolean;
  /**
   * The statement locks only a table this migration (or one new in this run) created and
   * filled: no query waits on it, but the transaction's locks on these existing tables are held while it works.
   */
  heldLocks?: string[];
}

/** What a finding's help may depend on: the language of the file, and what the finding is about. */
export interface HelpContext {
  frontend: FrontendName;
  subject: Subject;
}

export interface RuleMeta {
  category: Category;
  /** Severity in the `recommended` preset; `off` rules are on (as warnings) only in `strict`. */
  severity: SeveritySetting;
  /** One line, for `migralint rules` and the README table. */
  description: string;
  message: (subject: Subject) => string;
  /** The safe alternative, one or two sentences: in documentation, and in findings unless `helpFor` says otherwise. */
  help: string;
  /**
   * The help of one finding, where it depends on the file's front-end (code to
   * write, in the file's own language) or on the finding itself.
   */
  helpFor?: (context: HelpContext) => string;
  /** Markdown for `migralint explain`: why it matters. */
  rationale: string;
  /** Other ids accepted in config and ignore comments (e.g. squawk's spelling). */
  aliases?: string[];
  /**
   * Where the findings come from: `operations` (the rule's visitor), or the
   * front-end / engine itself (`syntax-error`, `unanalyzed-code`, `unused-ignore`).
   */
  source?: 'operations' | 'frontend' | 'engine';
  /**
   * The lock the flagged statement takes, and whether it rewrites the table: what the message
   * asserts, checked against PostgreSQL by the test suite. Several claims when the rule flags
   * operations that lock differently; a finding states the first that applies to its operation.
   */
  locks?: LockClaim[];
  /**
   * What is wrong is how long queries wait on that lock. On a table this migration created and
   * filled, nobody waits on it: the finding is then about the other locks the transaction holds
   * meanwhile, or there is none (see filled-new-table.ts).
   */
  costIsLockWait?: true;
  /**
   * What the rule's valid examples (the safe forms) take at most on existing tables (or only on
   * the relations named in `on`): no stronger lock, no rewrite.
   */
  safeLock?: { mode?: LockMode; on?: LockedRelation[]; rewrite: false };
  /**
   * The safe alternative as steps (which statements, in which migration), from
   * which src/fixes writes code in the file's language and makes `--fix` edits.
   */
  suggestion?: SuggestionRecipe;
}

/** Which relation a lock is on: the operation's table, the table its foreign key references, or the index it names. */
export type LockedRelation = 'table' | 'referencedTable' | 'index';

export interface LockClaim {
  mode: LockMode;
  /** The relations the lock is taken on; a finding names the first it can. */
  on: LockedRelation[];
  /** Whether the table is rewritten; `possible` when it depends on what the migration does not say (the old column type). */
  rewrite: boolean | 'possible';
  /** The operation kinds the claim is about (default: every operation the rule flags). */
  operations?: OperationKind[];
  /** For `addConstraint`: the constraint kinds the claim is about. */
  constraints?: ConstraintKind[];
  /** `transaction`: the lock is one its transaction already holds (an earlier statement took it), not one it takes. */
  held?: 'transaction';
}

export interface ExampleOptions {
  pgVersion?: number;
  assumeInTransaction?: boolean;
  /** The file name the example is linted under (defaults per front-end). */
  fileName?: string;
  /** Django: earlier migrations of the example's app, in order, that the example follows. */
  djangoHistory?: string[];
  /** Earlier migrations, in SQL, that the example follows: the schema it is checked against. */
  history?: string[];
}

/** One executed example: the source for one front-end, and (for invalid ones) the line of the finding. */
export type RuleExample = {
  options?: ExampleOptions;
  line?: number;
  column?: number;
} & ({ sql: string } | { knex: string } | { typeorm: string } | { django: string });

export interface RuleExamples {
  invalid: RuleExample[];
  valid: RuleExample[];
}

/** What a rule sees while the engine walks a file's operations in order. */
export interface RuleContext {
  report(at: Operation | { location: SourceSpan; anchorLine: number }, subject?: Subject): void;
  /** Created earlier in this migration: nothing reads it yet, so renaming, retyping or dropping it breaks nothing. */
  isNewTable(table: TableName): boolean;
  /**
   * Created earlier in this migration and not filled from a query since
   * (`CREATE TABLE … AS`, `INSERT … SELECT`, `COPY`): no rows, so NOT NULL,
   * indexes and constraints on it cost nothing.
   */
  isEmptyTable(table: TableName): boolean;
  /** A temporary table created earlier in this migration (`CREATE TEMP TABLE`): private to the session. */
  isTemporaryTable(table: TableName): boolean;
  /** A partitioned table (`PARTITION BY`), created in this migration or an earlier one. */
  isPartitioned(table: TableName): boolean;
  /** A column added earlier in this migration or in one new in this run: no code reads it yet (unless its new table was filled from a query). */
  isNewColumn(table: TableName, column: string): boolean;
  /** Every known partition of the table (at least one) has an index on these columns, made in this migration. */
  partitionsIndexedOn(table: TableName, columns: readonly string[]): boolean;
  /** Inside a transaction, explicit (`BEGIN`) or the runner's. */
  readonly inTransaction: boolean;
  readonly explicitTransaction: boolean;
  readonly runnerTransaction: boolean;
  /** The runner's transaction is open here (see FileState.runnerTransactionOpen). */
  readonly runnerTransactionOpen: boolean;
  /** A BEGIN here reopens the runner's transaction, which the file ended with a COMMIT or ROLLBACK of its own. */
  readonly reopensRunnerTransaction: boolean;
  /** The runner sends the file as one query of several statements, which PostgreSQL runs as one transaction. */
  readonly implicitTransaction: boolean;
  /** Target PostgreSQL version, e.g. 15 or 9.6. */
  readonly pgVersion: number;
  /** Forward operations before the current one, in this file. */
  readonly previous: readonly Operation[];
  /** The schema the earlier migrations and the earlier operations of this one built, replayed statically. */
  readonly schema: SchemaView;
  /** Session settings made so far (`SET lock_timeout = '2s'`), keyed by lower-case name. */
  readonly settings: ReadonlyMap<string, string>;
}

/**
 * A rule's handlers, by operation kind. Which keys a rule's visitor has must not
 * depend on the context: the engine learns them once and skips the rule in files
 * without those kinds.
 */
export type Visitor = { [K in OperationKind]?: (operation: OperationOf<K>) => void } & {
  /** Every operation, whatever its kind (after the kind's own handler). */
  anyOperation?: (operation: Operation) => void;
  /** After the last operation of the file. */
  endOfFile?: () => void;
};

export interface RuleDefinition {
  id: string;
  meta: RuleMeta;
  examples: RuleExamples;
  /** Called once per file; the returned visitor is called for each operation, in order. */
  create: (context: RuleContext) => Visitor;
}

export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

export function frontendsOf(examples: RuleExamples): FrontendName[] {
  const all = [...examples.invalid, ...examples.valid];
  return (['sql', 'knex', 'typeorm', 'django'] as const).filter((frontend) => all.some((example) => frontend in example));
}

/** The help shown with a finding. */
export function findingHelp(meta: RuleMeta, context: HelpContext): string {
  return meta.helpFor?.(context) ?? meta.help;
}

/** Per-front-end text, complete for every front-end (a new front-end must say how it is written there). */
export type ByFrontend<T> = { readonly [F in FrontendName]: T };

/** Each rule's, made once: every finding carries it. */
const docs = new Map<string, string>();

export function docsFor(ruleId: string): string {
  let text = docs.get(ruleId);
  if (text === undefined) {
    text = `migralint explain ${ruleId}`;
    docs.set(ruleId, text);
  }
  return text;
}

/** The rule's documentation page (generated from its metadata by `npm run docs`). */
export function docsUrlFor(ruleId: string): string {
  return `https://github.com/migralint/migralint/blob/main/docs/rules/${ruleId}.md`;
}
