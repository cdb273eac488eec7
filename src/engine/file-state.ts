import type { Operation, TableName } from '../model/operations';

export function sameTable(a: TableName, b: TableName): boolean {
  // An unqualified name matches the same name in any schema: the search path is not known statically.
  return a.name === b.name && (a.schema === undefined || b.schema === undefined || a.schema === b.schema);
}

/** What the operations so far have done: the context rules ask about. */
export class FileState {
  readonly previous: Operation[] = [];
  readonly settings = new Map<string, string>();
  explicitTransaction = false;
  private readonly newTables: TableName[] = [];

  constructor(
    readonly runnerTransaction: boolean,
    /** Tables created by earlier migrations that are themselves new in this run (git modes). */
    initialNewTables: readonly TableName[] = [],
  ) {
    this.newTables.push(...initialNewTables);
  }

  /** Tables this file created unconditionally (and still has, under their final names). */
  get createdTables(): readonly TableName[] {
    return this.newTables;
  }

  get inTransaction(): boolean {
    return this.runnerTransaction || this.explicitTransaction;
  }

  isNewTable(table: TableName): boolean {
    return this.newTables.some((created) => sameTable(created, table));
  }

  apply(operation: Operation): void {
    this.previous.push(operation);
    switch (operation.kind) {
      case 'createTable':
        // A table created only under a run-time condition (a hasTable guard) may already exist with rows.
        if (!operation.conditional) this.newTables.push(operation.table);
        break;
      case 'renameTable':
        if (this.isNewTable(operation.table)) this.newTables.push({ ...operation.table, name: operation.newName });
        break;
      case 'transaction':
        this.explicitTransaction = operation.action === 'begin';
        break;
      case 'setSetting':
        this.settings.set(operation.name, operation.value);
        break;
    }
  }
}
