import type { ColumnDefinition, ConstraintDefinition, Operation, OperationOf, TableName } from '../model/operations';
import { columnList, quoted, tableSql, typeSql } from './sql-text';

/**
 * Lowering: an operation of the model back to the SQL statements the ORM that
 * produced it sends to PostgreSQL, so that it can be run (by trace) or shown. It
 * depends on the model only. Where the model does not carry everything the ORM
 * would send, the SQL is an approximation with the same locks, and says so.
 */
export type Dialect = 'knex' | 'typeorm';

export interface LoweredStatement {
  sql: string;
  /** How this SQL differs from what the ORM sends, when it does. */
  approximation?: string;
}

export type Lowering = { statements: LoweredStatement[] } | { notLowered: string };

export function lowerOperation(operation: Operation, dialect: Dialect): Lowering {
  try {
    const lowered = LOWER[operation.kind](operation as never, dialect);
    return { statements: Array.isArray(lowered) ? lowered.map(asStatement) : [asStatement(lowered)] };
  } catch (error) {
    if (error instanceof NotLowered) return { notLowered: error.message };
    throw error;
  }
}

class NotLowered extends Error {}

function asStatement(item: string | LoweredStatement): LoweredStatement {
  return typeof item === 'string' ? { sql: item } : item;
}

type Lower<K extends Operation['kind']> = (operation: OperationOf<K>, dialect: Dialect) => string | LoweredStatement | Array<string | LoweredStatement>;

const alter = (table: TableName, action: string) => `ALTER TABLE ${tableSql(table)} ${action}`;

const LOWER: { [K in Operation['kind']]: Lower<K> } = {
  createTable: (operation) => createTable(operation),
  dropTable: (operation) => `DROP TABLE ${operation.ifExists ? 'IF EXISTS ' : ''}${operation.tables.map(tableSql).join(', ')}${operation.cascade ? ' CASCADE' : ''}`,
  renameTable: (operation) => alter(operation.table, `RENAME TO ${quoted(operation.newName)}`),
  addColumn: (operation) => alter(operation.table, `ADD ${operation.ifNotExists ? 'IF NOT EXISTS ' : ''}${columnSql(operation.column)}`),
  dropColumn: (operation) => alter(operation.table, `DROP COLUMN ${operation.ifExists ? 'IF EXISTS ' : ''}${quoted(operation.column)}`),
  renameColumn: (operation) => alter(operation.table, `RENAME COLUMN ${quoted(operation.column)} TO ${quoted(operation.newName)}`),
  alterColumnType: (operation, dialect) => alterColumnType(operation, dialect),
  setNotNull: (operation) => alter(operation.table, `ALTER COLUMN ${quoted(operation.column)} SET NOT NULL`),
  dropNotNull: (operation) => alter(operation.table, `ALTER COLUMN ${quoted(operation.column)} DROP NOT NULL`),
  setDefault: (operation) =>
    alter(operation.table, `ALTER COLUMN ${quoted(operation.column)} ${operation.default ? `SET DEFAULT ${defaultSql(operation.default)}` : 'DROP DEFAULT'}`),
  addConstraint: (operation) => alter(operation.table, `ADD ${constraintSql(operation.constraint)}`),
  validateConstraint: (operation) => alter(operation.table, `VALIDATE CONSTRAINT ${quoted(operation.name)}`),
  dropConstraint: (operation) => alter(operation.table, `DROP CONSTRAINT ${operation.ifExists ? 'IF EXISTS ' : ''}${quoted(operation.name)}`),
  createIndex: (operation, dialect) => createIndex(operation, dialect),
  dropIndex: (operation) => `DROP INDEX ${operation.concurrently ? 'CONCURRENTLY ' : ''}${operation.ifExists ? 'IF EXISTS ' : ''}${operation.names.map(tableSql).join(', ')}`,
  reindex: (operation) => `REINDEX ${(operation.targetKind ?? 'table').toUpperCase()} ${operation.concurrently ? 'CONCURRENTLY ' : ''}${quoted(operation.target)}`,
  // The partition bound is not modelled, so the statement cannot be rebuilt.
  attachPartition: () => notLowered('a partition is attached only in SQL'),
  detachPartition: (operation) => alter(operation.table, `DETACH PARTITION ${tableSql(operation.partition)}${operation.concurrently ? ' CONCURRENTLY' : ''}`),
  truncate: (operation) => `TRUNCATE TABLE ${operation.tables.map(tableSql).join(', ')}${operation.cascade ? ' CASCADE' : ''}`,
  createDomain: () => notLowered('a domain is created only in SQL'),
  alterDomainAddConstraint: () => notLowered('a domain is altered only in SQL'),
  dropDatabase: (operation) => `DROP DATABASE IF EXISTS ${quoted(operation.name)}`,
  transaction: (operation) => ({ begin: 'START TRANSACTION', commit: 'COMMIT', rollback: 'ROLLBACK' })[operation.action],
  setSetting: (operation) => `SET ${operation.local ? 'LOCAL ' : ''}${operation.name} = ${operation.value}`,
  other: (operation) => notLowered(`\`${operation.statement}\` is not modelled`),
};

function notLowered(reason: string): never {
  throw new NotLowered(reason);
}

function createTable(operation: OperationOf<'createTable'>): LoweredStatement {
  const primary = operation.columns.filter((column) => column.primaryKey);
  // Several primary-key columns make one composite key, not one key each.
  const columns = operation.columns.map((column) => columnSql(primary.length > 1 ? { ...column, primaryKey: false } : column));
  const constraints = [
    ...(primary.length > 1 ? [`PRIMARY KEY ${columnList(primary.map((column) => column.name))}`] : []),
    ...operation.constraints.map(constraintSql),
  ];
  const sql = `CREATE TABLE ${operation.ifNotExists ? 'IF NOT EXISTS ' : ''}${tableSql(operation.table)} (${[...columns, ...constraints].join(', ')})`;
  const inline = operation.columns.some((column) => column.unique || column.references);
  return inline ? { sql, approximation: 'column UNIQUE and REFERENCES clauses are written inline; the ORM may add them with separate ALTER TABLE statements (the same locks)' } : { sql };
}

function columnSql(column: ColumnDefinition): string {
  if (!column.type) notLowered(`the type of column "${column.name}" is not known statically`);
  const parts = [quoted(column.name), typeSql(column.type)];
  if (column.generated === 'identity') parts.push('GENERATED BY DEFAULT AS IDENTITY');
  if (column.generated === 'stored') notLowered(`the expression of generated column "${column.name}" is not known statically`);
  if (column.notNull) parts.push('NOT NULL');
  if (column.default) parts.push(`DEFAULT ${defaultSql(column.default)}`);
  if (column.primaryKey) parts.push('PRIMARY KEY');
  if (column.unique) parts.push('UNIQUE');
  if (column.references) parts.push(`REFERENCES ${tableSql(column.references.table)}${column.references.columns.length > 0 ? ` ${columnList(column.references.columns)}` : ''}`);
  return parts.join(' ');
}

function defaultSql(value: NonNullable<ColumnDefinition['default']>): string {
  if (value.sql === undefined) notLowered('the default value is known only at run time');
  // TypeORM's uuid columns call uuid-ossp's uuid_generate_v4(); PostgreSQL 13+ has the same (volatile) generator built in.
  return value.sql === 'uuid_generate_v4()' ? 'gen_random_uuid()' : value.sql;
}

function constraintSql(constraint: ConstraintDefinition): string {
  const name = constraint.name ? `CONSTRAINT ${quoted(constraint.name)} ` : '';
  const notValid = constraint.notValid ? ' NOT VALID' : '';
  switch (constraint.kind) {
    case 'unique':
      return `${name}UNIQUE ${constraint.usingIndex ? `USING INDEX ${quoted(constraint.usingIndex)}` : columnList(constraint.columns)}`;
    case 'primaryKey':
      return `${name}PRIMARY KEY ${constraint.usingIndex ? `USING INDEX ${quoted(constraint.usingIndex)}` : columnList(constraint.columns)}`;
    case 'foreignKey': {
      const target = constraint.references;
      if (!target) return notLowered('the table the foreign key references is not known statically');
      const targetColumns = target.columns.length > 0 ? ` ${columnList(target.columns)}` : '';
      return `${name}FOREIGN KEY ${columnList(constraint.columns)} REFERENCES ${tableSql(target.table)}${targetColumns}${notValid}`;
    }
    case 'check':
      if (constraint.expression === undefined) return notLowered(`the expression of CHECK constraint${constraint.name ? ` "${constraint.name}"` : ''} is not known statically`);
      return `${name}CHECK (${constraint.expression})${notValid}`;
    case 'exclusion':
      return notLowered('an exclusion constraint is not modelled');
  }
}

/**
 * Knex re-states the type with a cast; TypeORM's changeColumn drops a column whose type
 * changes and adds it again (its data is lost), which is what it sends.
 */
function alterColumnType(operation: OperationOf<'alterColumnType'>, dialect: Dialect): Array<string | LoweredStatement> {
  if (!operation.newType) notLowered(`the new type of column "${operation.column}" is not known statically`);
  const type = typeSql(operation.newType);
  const column = quoted(operation.column);
  if (dialect !== 'typeorm') return [alter(operation.table, `ALTER COLUMN ${column} TYPE ${type} USING (${column}::${type})`)];
  return [
    alter(operation.table, `DROP COLUMN ${column}`),
    { sql: alter(operation.table, `ADD ${column} ${type}`), approximation: 'the new column is added nullable and without a default (the model does not carry them)' },
  ];
}

function createIndex(operation: OperationOf<'createIndex'>, dialect: Dialect): string {
  const name = operation.name ?? (dialect === 'knex' ? knexIndexName(operation.table, operation.columns, operation.unique) : undefined);
  const flags = `${operation.unique ? 'UNIQUE ' : ''}INDEX ${operation.concurrently ? 'CONCURRENTLY ' : ''}${operation.ifNotExists ? 'IF NOT EXISTS ' : ''}`;
  return `CREATE ${flags}${name ? `${quoted(name)} ` : ''}ON ${tableSql(operation.table)} ${columnList(operation.columns)}`;
}

/** Knex's default index name: `users_email_index`, `users_email_unique`. */
function knexIndexName(table: TableName, columns: readonly string[], unique: boolean): string {
  return `${table.name}_${columns.join('_')}_${unique ? 'unique' : 'index'}`.toLowerCase().replace(/[-.]/g, '_');
}
