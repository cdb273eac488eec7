import type { Operation, TableName } from '../model/operations';

export function sameTable(a: TableName, b: TableName): boolean {
  // An unqualified name matches the same name in any schema: the search path is not known statically.
  return a.name === b.name && (a.schema === undefined || b.schema === undefined || a.schema === b.schema);
}

/** Tables, found by name: a migration may create thousands, and rules ask on every statement. */
class TableSet {
  readonly all: TableName[] = [];
  private readonly byName = new Map<string, TableName[]>();

  add(table: TableName): void {
    this.all.push(table);
    const sameName = this.byName.get(table.name);
    if (sameName) sameName.push(table);
    else this.byName.set(table.name, [table]);
  }

  has(table: TableName): boolean {
    return this.byName.get(table.name)?.some((known) => sameTable(known, table)) ?? false;
  }
}

/**
 * What the operations so far have done: the context rules ask about. Each
 * question is answered from this migration (and, for partitioned tables, from
 * earlier migrations of the run); a schema replayed from every earlier
 * migration can answer the same questions later.
 */
export class FileState {
  readonly previous: Operation[] = [];
  readonly settings = new Map<string, string>();
  explicitTransaction = false;
  private readonly newTables = new TableSet();
  /** New tables that a query has put rows in (`CREATE TABLE … AS`, `INSERT … SELECT`, `COPY … FROM`). */
  private readonly filledTables = new TableSet();
  /** New names this file gave existing tables: no code uses them, but they are not new tables. */
  private readonly renamedExisting: TableName[] = [];
  private readonly temporaryTables = new TableSet();
  private readonly partitionedTables = new TableSet();
  private readonly partitions: Array<{ parent: TableName; partition: TableName }> = [];
  private readonly indexes: Array<{ table: TableName; columns: string }> = [];

  /** The file is one query of several statements: PostgreSQL runs it as one transaction. */
  implicitTransaction = false;

  constructor(
    readonly runnerTransaction: boolean,
    /** Tables created by earlier migrations that are themselves new in this run (git modes). */
    initialNewTables: readonly TableName[] = [],
    /** Operations of earlier migrations in this run that later ones depend on. */
    history: readonly Operation[] = [],
  ) {
    for (const table of initialNewTables) this.newTables.add(table);
    for (const operation of history) this.learnPartitioning(operation);
  }

  /** Tables this file created unconditionally (and still has, under their final names). */
  get createdTables(): readonly TableName[] {
    return this.newTables.all.filter((table) => !this.renamedExisting.includes(table));
  }

  get inTransaction(): boolean {
    return this.runnerTransaction || this.explicitTransaction || this.implicitTransaction;
  }

  /** The operation the rules are looking at (set by the engine before it asks them). */
  current: Operation | undefined;

  /** Created earlier in this migration: nothing reads it yet. */
  isNewTable(table: TableName): boolean {
    return this.newTables.has(table) || this.createdWithCurrent(table);
  }

  /** The current operation is part of the creation of this table (its index, made with it). */
  private createdWithCurrent(table: TableName): boolean {
    const current = this.current;
    return current?.withTableCreation === true && 'table' in current && sameTable(current.table, table);
  }

  /**
   * Created earlier in this migration and not filled from a query since: it has
   * no rows. A temporary table counts too, whatever it holds: no other session sees it.
   */
  isEmptyTable(table: TableName): boolean {
    if (this.createdWithCurrent(table)) return true;
    return this.newTables.has(table) && (!this.filledTables.has(table) || this.temporaryTables.has(table));
  }

  /** A temporary table this migration created: private to its session, gone at its end. */
  isTemporaryTable(table: TableName): boolean {
    return this.temporaryTables.has(table);
  }

  isPartitioned(table: TableName): boolean {
    return this.partitionedTables.has(table);
  }

  /**
   * The partitions of a partitioned table each have an index on these columns,
   * made in this migration. When its partitions are not known here (made by a
   * function, say), tables named after the parent (`events_2024`, `wal_0`) that
   * got such an index in this migration stand for them.
   */
  partitionsIndexedOn(parent: TableName, columns: readonly string[]): boolean {
    const key = columns.join(',');
    const indexedOn = (table: TableName) => this.indexes.some((index) => index.columns === key && sameTable(index.table, table));
    const partitions = this.partitions.filter((entry) => sameTable(entry.parent, parent)).map((entry) => entry.partition);
    if (partitions.length > 0) return partitions.every(indexedOn);
    return this.indexes.some((index) => index.columns === key && index.table.name.startsWith(`${parent.name}_`));
  }

  apply(operation: Operation): void {
    this.previous.push(operation);
    this.learnPartitioning(operation);
    switch (operation.kind) {
      case 'createTable':
        // A table created only under a run-time condition (a hasTable guard) may already exist with rows.
        if (operation.temporary) this.temporaryTables.add(operation.table);
        if (operation.conditional) break;
        this.newTables.add(operation.table);
        if (operation.withRows) this.filledTables.add(operation.table);
        break;
      case 'renameTable': {
        // No code knows the new name yet: a new table keeps its state; an existing one keeps its rows.
        const renamed = { ...operation.table, name: operation.newName };
        const existing = !this.isNewTable(operation.table);
        this.newTables.add(renamed);
        if (existing) this.renamedExisting.push(renamed);
        if (existing || this.filledTables.has(operation.table)) this.filledTables.add(renamed);
        break;
      }
      case 'other':
        if (operation.fillsTable && this.isNewTable(operation.fillsTable)) this.filledTables.add(operation.fillsTable);
        break;
      case 'createIndex':
        if (operation.columns.length > 0) this.indexes.push({ table: operation.table, columns: operation.columns.join(',') });
        break;
      case 'transaction':
        this.explicitTransaction = operation.action === 'begin';
        break;
      case 'setSetting':
        this.settings.set(operation.name, operation.value);
        break;
    }
  }

  private learnPartitioning(operation: Operation): void {
    if (operation.kind === 'createTable') {
      if (operation.partitioned) this.partitionedTables.add(operation.table);
      if (operation.partitionOf) this.partitions.push({ parent: operation.partitionOf, partition: operation.table });
    } else if (operation.kind === 'attachPartition') {
      this.partitions.push({ parent: operation.table, partition: operation.partition });
    }
  }
}
