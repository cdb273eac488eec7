import type { ColumnDefinition, ConstraintDefinition, Operation, TableName } from '../model/operations';

/**
 * An operation with its names replaced by what they stand for (`<table>`,
 * `<column>`), for documentation: `migralint explain` shows a rule's suggestion
 * written from such an operation.
 */
export function placeholderOperation(operation: Operation): Operation {
  const { sql: _sql, django: _django, identifiers: _identifiers, ...rest } = operation;
  return rename(rest as Operation);
}

const TABLE: TableName = { name: '<table>' };
const column = (name: string) => (name ? '<column>' : name);

function constraint(definition: ConstraintDefinition): ConstraintDefinition {
  return {
    ...definition,
    ...(definition.name !== undefined ? { name: '<constraint>' } : {}),
    columns: definition.columns.map(column),
    ...(definition.references ? { references: { ...definition.references, table: { name: '<referenced_table>' }, columns: definition.references.columns.map(() => '<referenced_column>') } } : {}),
    ...(definition.checksNotNullOf !== undefined ? { checksNotNullOf: '<column>' } : {}),
    ...(definition.expression !== undefined ? { expression: '<condition>' } : {}),
    ...(definition.usingIndex !== undefined ? { usingIndex: '<index>' } : {}),
  };
}

function columnDefinition(definition: ColumnDefinition): ColumnDefinition {
  return {
    ...definition,
    name: '<column>',
    ...(definition.default?.sql !== undefined ? { default: { ...definition.default, sql: '<expression>' } } : {}),
    ...(definition.references ? { references: { ...definition.references, table: { name: '<referenced_table>' }, columns: ['<referenced_column>'] } } : {}),
  };
}

function rename(operation: Operation): Operation {
  switch (operation.kind) {
    case 'createTable':
      return { ...operation, table: TABLE, columns: operation.columns.map(columnDefinition), constraints: operation.constraints.map(constraint) };
    case 'addColumn':
      return { ...operation, table: TABLE, column: columnDefinition(operation.column) };
    case 'dropColumn':
    case 'setNotNull':
    case 'dropNotNull':
    case 'setDefault':
      return { ...operation, table: TABLE, column: '<column>' };
    case 'alterColumnType':
      return { ...operation, table: TABLE, column: '<column>' };
    case 'renameColumn':
      return { ...operation, table: TABLE, column: '<column>', newName: '<new_column>' };
    case 'renameTable':
      return { ...operation, table: TABLE, newName: '<new_table>' };
    case 'addConstraint':
      return { ...operation, table: TABLE, constraint: constraint(operation.constraint) };
    case 'validateConstraint':
    case 'dropConstraint':
      return { ...operation, table: TABLE, name: '<constraint>' };
    case 'createIndex':
      return { ...operation, table: TABLE, ...(operation.name !== undefined ? { name: '<index>' } : {}), columns: operation.columns.map(column) };
    case 'dropIndex':
      return { ...operation, names: operation.names.map(() => ({ name: '<index>' })) };
    case 'reindex':
      return { ...operation, target: `<${operation.targetKind ?? 'index'}>` };
    case 'detachPartition':
      return { ...operation, table: TABLE, partition: { name: '<partition>' } };
    case 'dropTable':
    case 'truncate':
      return { ...operation, tables: operation.tables.map(() => TABLE) };
    case 'createDomain':
    case 'alterDomainAddConstraint':
      return { ...operation, name: '<domain>' };
    case 'dropDatabase':
      return { ...operation, name: '<database>' };
    default:
      return operation;
  }
}
