import type { ColumnType, Operation, TableName } from '../model/operations';
import { qualifiedName } from '../model/operations';

export { qualifiedName };

/** The table an operation acts on, when it acts on exactly one. */
export function tableOf(operation: Operation): TableName | undefined {
  return 'table' in operation ? operation.table : undefined;
}

/**
 * The table on which the operation takes an ACCESS EXCLUSIVE or SHARE ROW
 * EXCLUSIVE lock (blocking writes, and for ACCESS EXCLUSIVE reads too), or
 * undefined when it takes none. `DROP INDEX` names no table: the result is
 * then the index name, which stands for its (unknown) table.
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
    case 'detachPartition':
      return operation.concurrently ? undefined : operation.table;
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

export interface TypedColumn {
  table: TableName;
  column: string;
  type: ColumnType;
}

/** Column types that an operation declares (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE). */
export function declaredColumnTypes(operation: Operation): TypedColumn[] {
  switch (operation.kind) {
    case 'createTable':
      return operation.columns.flatMap((column) =>
        column.type ? [{ table: operation.table, column: column.name, type: column.type }] : [],
      );
    case 'addColumn':
      return operation.column.type
        ? [{ table: operation.table, column: operation.column.name, type: operation.column.type }]
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

/** `"table"."column"` for messages. */
export function columnLabel(table: TableName, column: string): string {
  return `"${qualifiedName(table)}"."${column}"`;
}

export function tableLabel(table: TableName): string {
  return `"${qualifiedName(table)}"`;
}
