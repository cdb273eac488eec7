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
  /** The new tables by name: a migration may create thousands, and rules ask on every statement. */
  private readonly newTablesByName = new Map<string, TableName[]>();

  constructor(
    readonly runnerTransaction: boolean,
    /** Tables created by earlier migrations that are themselves new in this run (git modes). */
    initialNewTables: readonly TableName[] = [],
  ) {
    for (const table of initialNewTables) this.addNewTable(table);
  }

  /** Tables this file created unconditionally (and still has, under their final names). */
  get createdTables(): readonly TableName[] {
    return this.newTables;
  }

  get inTransaction(): boolean {
    return this.runnerTransaction || this.explicitTransaction;
  }

  isNewTable(table: TableName): boolean {
    return this.newTablesByName.get(table.name)?.some((created) => sameTable(created, table)) ?? false;
  }

  private addNewTable(table: TableName): void {
    this.newTables.push(table);
    const sameName = this.newTablesByName.get(table.name);
    if (sameName) sameName.push(table);
    else this.newTablesByName.set(table.name, [table]);
  }

  apply(operation: Operation): void {
    this.previous.push(operation);
    switch (operation.kind) {
      case 'createTable':
        // A table created only under a run-time condition (a hasTable guard) may already exist with rows.
        if (!operation.conditional) this.addNewTable(operation.table);
        break;
      case 'renameTable':
        if (this.isNewTable(operation.table)) this.addNewTable({ ...operation.table, name: operation.newName });
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
