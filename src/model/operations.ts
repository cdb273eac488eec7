import type { SourceSpan } from './location';

/**
 * The normalized model of what a migration does to the schema. Every front-end
 * (SQL, Knex, TypeORM) turns a file into a list of these, in execution order,
 * and rules only ever see this model.
 */

export interface TableName {
  schema?: string;
  name: string;
}

/** A column type, normalized to PostgreSQL's internal names (`int4`, `varchar`, `timestamptz`, `bpchar`, `serial`). */
export interface ColumnType {
  name: string;
  /** Type modifiers such as the length of `varchar(255)`. */
  modifiers: number[];
  isArray: boolean;
}

/**
 * How a DEFAULT behaves when a column is added:
 * - `constant`: a literal; stored in the catalogue, no rewrite (PostgreSQL 11+).
 * - `stable`: evaluated once per statement (`now()`); no rewrite either.
 * - `volatile`: evaluated per row (`random()`, `gen_random_uuid()`); rewrites the table.
 * - `unknown`: a function we cannot classify; treated as volatile.
 */
export type DefaultKind = 'constant' | 'stable' | 'volatile' | 'unknown';

export interface ColumnDefault {
  kind: DefaultKind;
  /** The function called, when the default is a call (for messages). */
  functionName?: string;
  /** The default as SQL, when a builder front-end knows it (`'active'`, `CURRENT_TIMESTAMP`): what the ORM would send. */
  sql?: string;
  /** A value the front-end could not read (a name imported from a module it cannot resolve): reported as unanalyzed code, not guessed at. */
  unread?: boolean;
}

export interface ForeignKeyTarget {
  table: TableName;
  columns: string[];
  /** `ON DELETE` / `ON UPDATE` actions (`CASCADE`, `SET NULL`), when a builder front-end states them. */
  onDelete?: string;
  onUpdate?: string;
}

export interface ColumnDefinition {
  name: string;
  /** Where the column is declared, when it is more precise than the operation's location. */
  location?: SourceSpan;
  /** Absent when a front-end cannot tell (e.g. a Knex builder method it does not model). */
  type?: ColumnType;
  notNull: boolean;
  default?: ColumnDefault;
  primaryKey: boolean;
  unique: boolean;
  references?: ForeignKeyTarget;
  hasCheck: boolean;
  generated?: 'stored' | 'identity';
  /**
   * The column is added with a default that fills the existing rows, and that default is dropped
   * straight after (Django's `default=`, computed in Python): the statement succeeds on a table with
   * rows, but inserts that do not set the column find no default.
   */
  defaultDroppedAfterFill?: boolean;
  /** The names an ORM gives the column's UNIQUE and FOREIGN KEY constraints (Knex: `users_email_unique`), where not PostgreSQL's. */
  constraintNames?: { unique?: string; foreignKey?: string };
}

export type ConstraintKind = 'check' | 'foreignKey' | 'unique' | 'primaryKey' | 'exclusion';

export interface ConstraintDefinition {
  kind: ConstraintKind;
  name?: string;
  columns: string[];
  /** `NOT VALID`: existing rows are not checked, so no long lock. */
  notValid: boolean;
  /** `USING INDEX name`: the constraint adopts an index that already exists. */
  usingIndex?: string;
  references?: ForeignKeyTarget;
  /** For a CHECK of the form `col IS NOT NULL`: that column. */
  checksNotNullOf?: string;
  /** A CHECK's expression as SQL, when a builder front-end knows it. */
  expression?: string;
  /** The columns a CHECK's expression refers to (PostgreSQL names the constraint after the only one). */
  expressionColumns?: string[];
}

/** The Django operation an operation comes from: a Django migration's suggestions are written as Django operations. */
export interface DjangoOrigin {
  /** `AddIndex`, `AlterField`, `RunSQL`, … */
  operation: string;
  /** The model the operation names, as written (`order`). */
  model?: string;
  /** The field it is about, with its definition as written (`models.TextField(null=True)`) when known. */
  field?: { name: string; definition?: string };
}

interface OperationBase {
  /** Where the finding points: the statement, or the builder call. */
  location: SourceSpan;
  /** The first line of the statement or call: ignore comments attach to it. */
  anchorLine: number;
  /** Identifiers as written in the source, before PostgreSQL truncates them to 63 bytes (only the long ones need be listed). */
  identifiers?: string[];
  /** True when the operation runs only under a run-time condition (e.g. inside a Knex `hasTable` guard). */
  conditional?: boolean;
  /**
   * The run-time branches it runs in, outermost first (one number per `if`
   * branch of the migration): what runs in a branch runs together or not at
   * all, so a table a branch creates is new for the rest of that branch.
   */
  branch?: readonly number[];
  /**
   * The SQL statement it came from, as PostgreSQL receives it: set for what was
   * read from SQL text (a file, `knex.raw`, `queryRunner.query`, `RunSQL`), not
   * for builder calls (trace runs it; suggestions edit it).
   */
  sql?: string;
  /** Where that whole statement is (an ALTER TABLE clause's own `location` is narrower); kept with `sql`. */
  sqlLocation?: SourceSpan;
  /**
   * Part of the creation of its table (Knex and TypeORM create a new table's
   * indexes in statements of their own): the table is new to it, even when the
   * creation itself runs only under a condition.
   */
  withTableCreation?: boolean;
  /** `ALTER TABLE IF EXISTS`: the operation does nothing when the table is missing. */
  ifTableExists?: boolean;
  /** Set by the Django front-end: the operation of the migration this comes from. */
  django?: DjangoOrigin;
}

export interface CreateTable extends OperationBase {
  kind: 'createTable';
  table: TableName;
  columns: ColumnDefinition[];
  constraints: ConstraintDefinition[];
  ifNotExists: boolean;
  /** `CREATE TEMP TABLE`: private to the session, gone at its end (or at commit). */
  temporary?: boolean;
  /** `PARTITION BY …`: a partitioned table, which holds no rows itself. */
  partitioned?: boolean;
  /** `PARTITION OF parent`: a partition of that table. */
  partitionOf?: TableName;
  /** `CREATE TABLE … AS SELECT` (without `WITH NO DATA`): created with rows. */
  withRows?: boolean;
  /** Its columns are not all listed (`AS SELECT`, `LIKE`, `INHERITS`): only those listed are known. */
  columnsUnknown?: boolean;
}
export interface DropTable extends OperationBase {
  kind: 'dropTable';
  tables: TableName[];
  ifExists: boolean;
  cascade: boolean;
}
export interface RenameTable extends OperationBase {
  kind: 'renameTable';
  table: TableName;
  newName: string;
}
export interface AddColumn extends OperationBase {
  kind: 'addColumn';
  table: TableName;
  column: ColumnDefinition;
  ifNotExists: boolean;
}
export interface DropColumn extends OperationBase {
  kind: 'dropColumn';
  table: TableName;
  column: string;
  ifExists: boolean;
}
export interface RenameColumn extends OperationBase {
  kind: 'renameColumn';
  table: TableName;
  column: string;
  newName: string;
}
export interface AlterColumnType extends OperationBase {
  kind: 'alterColumnType';
  table: TableName;
  column: string;
  /** Absent when a front-end cannot tell the new type. */
  newType?: ColumnType;
  /** `USING expr`: `column` when it is the column itself or a cast of it (what Knex's alter() sends), else `other`. */
  using?: 'column' | 'other';
  /** The `other` expression as written (`"createdAt" AT TIME ZONE 'UTC'`), where the front-end has its text. */
  usingSql?: string;
}
export interface SetNotNull extends OperationBase {
  kind: 'setNotNull';
  table: TableName;
  column: string;
}
export interface DropNotNull extends OperationBase {
  kind: 'dropNotNull';
  table: TableName;
  column: string;
}
export interface SetDefault extends OperationBase {
  kind: 'setDefault';
  table: TableName;
  column: string;
  /** Absent for `DROP DEFAULT`. */
  default?: ColumnDefault;
}
export interface AddConstraint extends OperationBase {
  kind: 'addConstraint';
  table: TableName;
  constraint: ConstraintDefinition;
}
export interface ValidateConstraint extends OperationBase {
  kind: 'validateConstraint';
  table: TableName;
  name: string;
}
export interface DropConstraint extends OperationBase {
  kind: 'dropConstraint';
  table: TableName;
  name: string;
  ifExists: boolean;
  /** The runner looks the constraint up by its kind and columns (Django's schema editor): `name` is the one it likely has. */
  byLookup?: boolean;
}
export interface CreateIndex extends OperationBase {
  kind: 'createIndex';
  table: TableName;
  name?: string;
  columns: string[];
  unique: boolean;
  concurrently: boolean;
  ifNotExists: boolean;
  /** `ON ONLY table`: on a partitioned table, an index of the parent alone; nothing is built. */
  only?: boolean;
  /** `WHERE …`: a partial index. */
  partial?: boolean;
  /** Columns that expressions of the index refer to (`lower(email)`: `email`). */
  expressionColumns?: string[];
  /** The access method, when it is not btree (`gin`, `gist`, …). */
  method?: string;
}
export interface DropIndex extends OperationBase {
  kind: 'dropIndex';
  names: TableName[];
  concurrently: boolean;
  ifExists: boolean;
}
export interface Reindex extends OperationBase {
  kind: 'reindex';
  target: string;
  /** What the target names (`REINDEX INDEX x`, `REINDEX TABLE x`, …), when known. */
  targetKind?: 'index' | 'table' | 'schema' | 'database' | 'system';
  concurrently: boolean;
}
export interface AttachPartition extends OperationBase {
  kind: 'attachPartition';
  table: TableName;
  partition: TableName;
}
export interface DetachPartition extends OperationBase {
  kind: 'detachPartition';
  table: TableName;
  partition: TableName;
  concurrently: boolean;
}
export interface Truncate extends OperationBase {
  kind: 'truncate';
  tables: TableName[];
  cascade: boolean;
}
export interface CreateDomain extends OperationBase {
  kind: 'createDomain';
  name: string;
  hasCheck: boolean;
}
export interface AlterDomainAddConstraint extends OperationBase {
  kind: 'alterDomainAddConstraint';
  name: string;
}
export interface DropDatabase extends OperationBase {
  kind: 'dropDatabase';
  name: string;
}
export interface Transaction extends OperationBase {
  kind: 'transaction';
  action: 'begin' | 'commit' | 'rollback';
}
export interface SetSetting extends OperationBase {
  kind: 'setSetting';
  name: string;
  value: string;
  local: boolean;
}
/**
 * A change to the catalogue that no rule checks on its own, but that the replayed
 * schema follows (types, views, renamed indexes and constraints, schemas), or code
 * that may change it out of sight (`DO` blocks and function bodies: the names they mention).
 */
export type CatalogueChange =
  | { kind: 'createType'; type: TableName; enumValues?: string[] }
  | { kind: 'addEnumValue'; type: TableName; value: string; ifNotExists: boolean }
  | { kind: 'renameEnumValue'; type: TableName; from: string; to: string }
  | { kind: 'renameType'; type: TableName; newName: string }
  | { kind: 'dropType'; types: TableName[]; ifExists: boolean }
  | { kind: 'createView'; view: TableName; materialized: boolean; uses: ViewUses }
  | { kind: 'dropView'; views: TableName[]; ifExists: boolean }
  | { kind: 'renameView'; view: TableName; newName: string }
  | { kind: 'renameIndex'; index: TableName; newName: string; ifExists: boolean }
  | { kind: 'renameConstraint'; table: TableName; name: string; newName: string }
  | { kind: 'createSchema'; name: string }
  | { kind: 'dropSchema'; names: string[]; ifExists: boolean }
  | { kind: 'setIdentity'; table: TableName; column: string; identity: boolean }
  | { kind: 'opaqueCode'; names: string[] };

/** What a view's query refers to: its tables, and the column names it mentions (`*`: all of them). */
export interface ViewUses {
  tables: TableName[];
  columns: string[];
  star: boolean;
}

/** A statement no rule needs to understand (SELECT, UPDATE, CREATE FUNCTION, …). */
export interface OtherStatement extends OperationBase {
  kind: 'other';
  statement: string;
  /** What it changes in the catalogue, where the replayed schema follows it. */
  change?: CatalogueChange;
  /** Tables the statement takes a lock on that blocks their writes (SHARE or stronger: CREATE TRIGGER's SHARE ROW EXCLUSIVE, LOCK TABLE's mode), when known. */
  locksTables?: TableName[];
  /** That lock lets reads go on (LOCK TABLE in a mode weaker than ACCESS EXCLUSIVE). */
  readsGoOn?: true;
  /** The table this statement puts rows in from a query (`INSERT … SELECT`, `SELECT … INTO`, `COPY … FROM`). */
  fillsTable?: TableName;
}

export type Operation =
  | CreateTable
  | DropTable
  | RenameTable
  | AddColumn
  | DropColumn
  | RenameColumn
  | AlterColumnType
  | SetNotNull
  | DropNotNull
  | SetDefault
  | AddConstraint
  | ValidateConstraint
  | DropConstraint
  | CreateIndex
  | DropIndex
  | Reindex
  | AttachPartition
  | DetachPartition
  | Truncate
  | CreateDomain
  | AlterDomainAddConstraint
  | DropDatabase
  | Transaction
  | SetSetting
  | OtherStatement;

export type OperationKind = Operation['kind'];

/** Every operation kind (kept in step with the union by the type below). */
export const OPERATION_KINDS = [
  'createTable',
  'dropTable',
  'renameTable',
  'addColumn',
  'dropColumn',
  'renameColumn',
  'alterColumnType',
  'setNotNull',
  'dropNotNull',
  'setDefault',
  'addConstraint',
  'validateConstraint',
  'dropConstraint',
  'createIndex',
  'dropIndex',
  'reindex',
  'attachPartition',
  'detachPartition',
  'truncate',
  'createDomain',
  'alterDomainAddConstraint',
  'dropDatabase',
  'transaction',
  'setSetting',
  'other',
] as const satisfies readonly OperationKind[];

// Fails to compile if a kind is added to the union but not to the list.
type MissingKinds = Exclude<OperationKind, (typeof OPERATION_KINDS)[number]>;
const everyKindListed: [MissingKinds] extends [never] ? true : MissingKinds = true;
void everyKindListed;
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

export function qualifiedName(table: TableName): string {
  return table.schema ? `${table.schema}.${table.name}` : table.name;
}
