import type { SourceSpan } from '../model/location';
import type { ColumnType, Operation, OperationOf, TableName } from '../model/operations';
import { qualifiedName } from '../model/operations';
import type { SchemaView } from '../schema/replay';
import { sameTable } from './file-state';

export { qualifiedName };

/**
 * The table on which the operation takes a lock that blocks the application's
 * writes (SHARE and stronger) or reads (ACCESS EXCLUSIVE), or undefined when it
 * takes none. While such a lock waits in the queue, every query that conflicts
 * with it waits too. `DROP INDEX` and `REINDEX INDEX` name no table: the index
 * name then stands for its (unknown, existing) table.
 */
export function blockingLockTarget(operation: Operation): TableName | undefined {
  switch (operation.kind) {
    case 'addColumn':
    case 'dropColumn':
    case 'renameColumn':
    case 'alterColumnType':
    case 'setNotNull':
    case 'dropNotNull':
    case 'setDefault':
    case 'addConstraint':
    case 'dropConstraint':
    case 'renameTable':
      return operation.table;
    case 'createIndex':
      // ON ONLY builds nothing: its lock is momentary.
      return operation.concurrently || operation.only ? undefined : operation.table;
    case 'attachPartition':
      return operation.partition; // ACCESS EXCLUSIVE on the partition; the parent only SHARE UPDATE EXCLUSIVE
    case 'createTable':
      return referencedTables(operation)[0]; // a foreign key locks the referenced table SHARE ROW EXCLUSIVE
    case 'detachPartition':
      return operation.concurrently ? undefined : operation.table;
    case 'reindex':
      return operation.concurrently ? undefined : { name: operation.target };
    case 'dropTable':
    case 'truncate':
      return operation.tables[0];
    case 'dropIndex':
      return operation.concurrently ? undefined : operation.names[0];
    case 'other':
      return operation.locksTables?.[0];
    default:
      return undefined;
  }
}

/** Every table the operation takes a blocking lock on: its own (see blockingLockTarget), and those its new foreign keys reference. */
export function lockedTables(operation: Operation): TableName[] {
  const target = blockingLockTarget(operation);
  const referenced = foreignKeyTargets(operation);
  return target ? [target, ...referenced] : referenced;
}

/**
 * Tables a foreign key added by the operation points at: each takes a SHARE ROW
 * EXCLUSIVE lock, which blocks its writes while the statement waits and runs.
 */
export function foreignKeyTargets(operation: Operation): TableName[] {
  switch (operation.kind) {
    case 'createTable':
      return referencedTables(operation);
    case 'addColumn':
      return operation.column.references ? [operation.column.references.table] : [];
    case 'addConstraint':
      return operation.constraint.references ? [operation.constraint.references.table] : [];
    default:
      return [];
  }
}

function referencedTables(operation: OperationOf<'createTable'>): TableName[] {
  const fromColumns = operation.columns.flatMap((column) => (column.references ? [column.references.table] : []));
  const fromConstraints = operation.constraints.flatMap((constraint) =>
    constraint.references ? [constraint.references.table] : [],
  );
  // A key on the new table itself (a tree's parent) locks nothing that exists.
  return [...fromColumns, ...fromConstraints].filter((table) => !sameTable(table, operation.table));
}

/**
 * Whether the lock the operation waits for on `table` blocks reads too (ACCESS
 * EXCLUSIVE), or only writes: SHARE for an index build, SHARE ROW EXCLUSIVE for
 * a foreign key's tables and CREATE TRIGGER.
 */
export function blocksReadsOn(operation: Operation, table: TableName): boolean {
  switch (operation.kind) {
    case 'createIndex':
    case 'reindex':
    case 'createTable':
      return false;
    case 'addConstraint':
      return operation.constraint.kind !== 'foreignKey';
    case 'addColumn':
      // ADD COLUMN takes ACCESS EXCLUSIVE on its own table; the table its key references gets SHARE ROW EXCLUSIVE.
      return sameTable(table, operation.table);
    case 'other':
      return operation.statement !== 'CreateTrigStmt' && operation.readsGoOn !== true;
    default:
      return true;
  }
}

/** Every table an operation names (for rules about how tables are named). */
export function tablesNamedBy(operation: Operation): TableName[] {
  if ('table' in operation) return [operation.table];
  if (operation.kind === 'dropTable' || operation.kind === 'truncate') return operation.tables;
  return [];
}

export interface TypedColumn {
  table: TableName;
  column: string;
  type: ColumnType;
  /** The column's own location, when the front-end knows it. */
  location?: SourceSpan;
}

/** Column types that an operation declares (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE). */
export function declaredColumnTypes(operation: Operation): TypedColumn[] {
  switch (operation.kind) {
    case 'createTable':
      return operation.columns.flatMap((column) =>
        column.type ? [{ table: operation.table, column: column.name, type: column.type, location: column.location }] : [],
      );
    case 'addColumn':
      return operation.column.type
        ? [{ table: operation.table, column: operation.column.name, type: operation.column.type, location: operation.column.location }]
        : [];
    case 'alterColumnType':
      return operation.newType ? [{ table: operation.table, column: operation.column, type: operation.newType }] : [];
    default:
      return [];
  }
}

const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);

export function isSerialType(type: ColumnType | undefined): boolean {
  return type !== undefined && SERIAL_TYPES.has(type.name.toLowerCase());
}

/** `ALTER TABLE name RENAME TO …` where the name is an index or a serial or identity column's sequence, which PostgreSQL lets ALTER TABLE rename. */
export function renamesIndexOrSequence(schema: SchemaView, name: TableName): boolean {
  return schema.table(name) === undefined && (schema.index(name) !== undefined || schema.sequence(name) !== undefined);
}
