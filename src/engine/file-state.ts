import type { SourceSpan } from '../model/location';
import { type Operation, type TableName, qualifiedName } from '../model/operations';
import type { SchemaReplay } from '../schema/replay';
import { lockedTables } from './operation-helpers';
import { queriesWaitOn } from './runner-tables';

export function sameTable(a: TableName, b: TableName): boolean {
  // An unqualified name matches the same name in any schema: the search path is not known statically.
  return a.name === b.name && (a.schema === undefined || b.schema === undefined || a.schema === b.schema);
}

/**
 * What the operations of this migration so far have done to its session
 * (settings, transactions), with the replayed schema for what they did to
 * tables: the context rules ask about.
 */
export class FileState {
  readonly previous: Operation[] = [];
  /** The earlier operations by the span of their statement: a finding asks for its statement's, and a file may hold thousands. */
  private readonly bySpan = new Map<string, Operation[]>();
  readonly settings = new Map<string, string>();
  explicitTransaction = false;
  /**
   * The runner's transaction is open: the file has not ended it with a COMMIT
   * or ROLLBACK of its own (to run a statement outside it), or has reopened it
   * with a BEGIN since, for the runner to commit.
   */
  runnerTransactionOpen: boolean;

  /** The file is one query of several statements: PostgreSQL runs it as one transaction. */
  implicitTransaction = false;

  /**
   * Tables that existed before this migration on which the open transaction has
   * taken a lock that blocks queries, by the name those queries use (kept until it ends).
   */
  private readonly heldLocks = new Map<string, TableName>();

  constructor(
    readonly runnerTransaction: boolean,
    /** The schema the earlier migrations, and this one so far, built. */
    readonly schema: SchemaReplay,
  ) {
    this.runnerTransactionOpen = runnerTransaction;
  }

  get inTransaction(): boolean {
    return this.runnerTransactionOpen || this.explicitTransaction || this.implicitTransaction;
  }

  /** A BEGIN here reopens the runner's transaction, which the file ended, rather than nesting in one. */
  get reopensRunnerTransaction(): boolean {
    return this.runnerTransaction && !this.runnerTransactionOpen && !this.explicitTransaction;
  }

  /** The operation the rules are looking at (set by the engine before it asks them). */
  current: Operation | undefined;

  /** Created earlier in this migration (or in one new in this run): nothing reads it yet. */
  isNewTable(table: TableName): boolean {
    return this.schema.isNewTable(table) || this.createdWithCurrent(table) || this.schema.isCreatedInBranch(table, this.current?.branch);
  }

  /** The current operation is part of the creation of this table (its index, made with it). */
  private createdWithCurrent(table: TableName): boolean {
    const current = this.current;
    return current?.withTableCreation === true && 'table' in current && sameTable(current.table, table);
  }

  /** New, and not filled from a query since: it has no rows. */
  isEmptyTable(table: TableName): boolean {
    if (this.createdWithCurrent(table) || this.schema.isEmptyTable(table)) return true;
    return this.schema.isCreatedInBranch(table, this.current?.branch) && this.schema.table(table)?.filled === false;
  }

  /** A temporary table: private to its session, gone at its end. */
  isTemporaryTable(table: TableName): boolean {
    return this.schema.table(table)?.temporary === true;
  }

  isPartitioned(table: TableName): boolean {
    return this.schema.table(table)?.partitioned === true;
  }

  /**
   * The partitions of a partitioned table each have an index on these columns.
   * When its partitions are not known (made by a function, say), tables named
   * after the parent (`events_2024`, `wal_0`) with such an index stand for them.
   */
  partitionsIndexedOn(parent: TableName, columns: readonly string[]): boolean {
    const key = columns.join(',');
    const table = this.schema.table(parent);
    if (!table) return false;
    const indexedOn = (candidate: { indexes: ReadonlyArray<{ columns: readonly string[] }> }) => candidate.indexes.some((index) => index.columns.join(',') === key);
    if (table.partitions.length > 0) return table.partitions.every(indexedOn);
    for (const index of this.schema.catalogue.indexes) {
      if (index.table !== table && index.table.name.startsWith(`${table.name}_`) && index.columns.join(',') === key) return true;
    }
    return false;
  }

  /** The file's operations, in order: those of the statement an operation is part of. */
  fileOperations: readonly Operation[] = [];

  /**
   * The existing tables whose blocking locks are held while the operation runs: those
   * the transaction took before it, and those of the rest of its statement (an ALTER
   * TABLE takes every subcommand's lock before it does any of them).
   */
  locksHeldDuring(operation: Operation): Map<string, TableName> {
    const held = new Map(this.heldLocks);
    const statement = (of: Operation) => spanKey(of.sqlLocation ?? of.location);
    const key = statement(operation);
    for (const other of this.fileOperations) {
      if (other !== operation && statement(other) === key) this.addExistingLocked(other, held);
    }
    return held;
  }

  /** The operations so far whose statement is at this span, in order. */
  previousAt(span: SourceSpan): Operation[] {
    return this.bySpan.get(spanKey(span))?.slice() ?? [];
  }

  apply(operation: Operation): void {
    if (this.inTransaction) this.addExistingLocked(operation, this.heldLocks);
    this.previous.push(operation);
    const key = spanKey(operation.location);
    const same = this.bySpan.get(key);
    if (same) same.push(operation);
    else this.bySpan.set(key, [operation]);
    switch (operation.kind) {
      case 'transaction':
        if (operation.action !== 'begin') {
          // PostgreSQL does not nest transactions: a COMMIT or ROLLBACK ends whatever is open, the runner's included.
          this.explicitTransaction = false;
          this.runnerTransactionOpen = false;
        } else if (this.reopensRunnerTransaction) this.runnerTransactionOpen = true;
        else this.explicitTransaction = true;
        break;
      case 'setSetting':
        this.settings.set(operation.name, operation.value);
        break;
    }
    // Outside a transaction a statement's locks go with it; a COMMIT or ROLLBACK lets go of them all.
    if (!this.inTransaction) this.heldLocks.clear();
    this.schema.apply(operation);
  }

  /** Adds the existing tables the operation locks, by qualified name (asked before it is applied: a rename locks the name queries use). */
  private addExistingLocked(operation: Operation, into: Map<string, TableName>): void {
    for (const table of lockedTables(operation)) {
      if (!queriesWaitOn(table, (candidate) => this.isNewTable(candidate))) continue;
      const key = qualifiedName(table);
      if (!into.has(key)) into.set(key, table);
    }
  }
}

function spanKey(span: SourceSpan): string {
  return `${span.line}:${span.column}:${span.endLine}:${span.endColumn}`;
}
