import type { Node } from '@babel/types';
import type { ColumnDefinition, ConstraintDefinition, Operation, TableName } from '../../model/operations';
import { type ChainLink, flattenChain } from '../js/chains';
import { type StaticScope, unwrapTypeScript } from '../js/static-values';
import { tableNameOf } from '../knex/column-builders';
import { parseTypeName, sqlDefault } from '../sql/fragments';
import { optionsOf } from './schema-objects';

/**
 * n8n's schema builder (`context.schemaBuilder`), read as the QueryRunner calls
 * it makes: `createTable('t').withColumns(column('id').int.primary, …)
 * .withIndexOn('x').withForeignKey('x', { tableName, columnName })`,
 * `addColumns`, `dropColumns`, `createIndex`, `dropIndex`, `addForeignKey`,
 * `dropForeignKey`, `addNotNull`, `dropNotNull`, `dropTable`. The table prefix is
 * n8n's default, none. Undefined when a call is not one of these, or its
 * arguments are not constants.
 */

type Place = Pick<Operation, 'location' | 'anchorLine'> & { conditional?: boolean };

/** Column types as `column(name).<type>` sets them, in PostgreSQL's names. */
const COLUMN_TYPES: Record<string, (args: unknown[]) => string> = {
  int: () => 'int4',
  bool: () => 'bool',
  bigint: () => 'int8',
  smallint: () => 'int2',
  double: () => 'float8',
  text: () => 'text',
  json: () => 'json',
  uuid: () => 'uuid',
  binary: () => 'bytea',
  varchar: (args) => (typeof args[0] === 'number' ? `varchar(${args[0]})` : 'varchar'),
  timestamp: (args) => `timestamptz(${typeof args[0] === 'number' ? args[0] : 3})`,
  timestampTimezone: (args) => `timestamptz(${typeof args[0] === 'number' ? args[0] : 3})`,
  timestampNoTimezone: (args) => `timestamp(${typeof args[0] === 'number' ? args[0] : 3})`,
};

export function n8nSchemaOperations(member: string, args: Node[], rest: ChainLink[], scope: StaticScope, place: Place): Operation[] | undefined {
  const value = (index: number) => scope.value(args[index]);
  const table = typeof value(0) === 'string' ? tableNameOf(value(0) as string) : undefined;
  if (!table) return undefined;
  switch (member) {
    case 'createTable':
      return createTable(table, rest, scope, place);
    case 'dropTable':
      return [{ kind: 'dropTable', ...place, tables: [table], ifExists: true, cascade: false }];
    case 'addColumns': {
      const columns = elements(args[1], scope).map((node) => columnOf(node, scope));
      if (columns.length === 0 || columns.some((column) => !column)) return undefined;
      return (columns as ColumnDefinition[]).map((column) => ({ kind: 'addColumn', ...place, table, column, ifNotExists: false, identifiers: [column.name] }));
    }
    case 'dropColumns': {
      const names = value(1);
      if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) return undefined;
      return (names as string[]).map((column) => ({ kind: 'dropColumn', ...place, table, column, ifExists: false }));
    }
    case 'createIndex': {
      const columns = value(1);
      if (!Array.isArray(columns)) return undefined;
      const name = typeof value(3) === 'string' ? (value(3) as string) : undefined;
      return [{ kind: 'createIndex', ...place, table, name, columns: columns.map(String), unique: value(2) === true, concurrently: false, ifNotExists: false }];
    }
    case 'dropIndex': {
      const options = value(2) as { customIndexName?: unknown; skipIfMissing?: unknown } | undefined;
      const columns = value(1);
      const name = typeof options?.customIndexName === 'string' ? options.customIndexName : `IDX_${table.name}_${Array.isArray(columns) ? columns.join('_') : ''}`;
      return [{ kind: 'dropIndex', ...place, names: [{ schema: table.schema, name }], concurrently: false, ifExists: options?.skipIfMissing === true }];
    }
    case 'addForeignKey': {
      const reference = value(2);
      if (typeof value(1) !== 'string' || !Array.isArray(reference) || typeof reference[0] !== 'string') return undefined;
      const constraint: ConstraintDefinition = {
        kind: 'foreignKey',
        name: typeof value(3) === 'string' ? (value(3) as string) : undefined,
        columns: [value(1) as string],
        notValid: false,
        references: { table: tableNameOf(reference[0]), columns: reference.slice(1).map(String) },
      };
      return [{ kind: 'addConstraint', ...place, table, constraint }];
    }
    case 'dropForeignKey':
      return [{ kind: 'dropConstraint', ...place, table, name: typeof value(3) === 'string' ? (value(3) as string) : `FK_${table.name}_${String(value(1))}`, ifExists: false }];
    case 'addNotNull':
    case 'dropNotNull':
      if (typeof value(1) !== 'string') return undefined;
      return [{ kind: member === 'addNotNull' ? 'setNotNull' : 'dropNotNull', ...place, table, column: value(1) as string }];
    default:
      return undefined;
  }
}

function createTable(table: TableName, links: ChainLink[], scope: StaticScope, place: Place): Operation[] | undefined {
  const columns: ColumnDefinition[] = [];
  const constraints: ConstraintDefinition[] = [];
  const indexes: Operation[] = [];
  for (const link of links) {
    const args = link.args ?? [];
    const first = scope.value(args[0]);
    switch (link.name) {
      case 'withColumns':
        for (const node of args) {
          const column = columnOf(node, scope);
          if (!column) return undefined;
          columns.push(column);
        }
        break;
      case 'withTimestamps':
      case 'withCreatedAt':
        for (const name of link.name === 'withCreatedAt' ? ['createdAt'] : ['createdAt', 'updatedAt']) {
          columns.push({ name, type: parseTypeName('timestamptz(3)'), notNull: true, default: { kind: 'stable', functionName: 'now' }, primaryKey: false, unique: false, hasCheck: false });
        }
        break;
      case 'withIndexOn':
        indexes.push({ kind: 'createIndex', ...place, table, columns: typeof first === 'string' ? [first] : Array.isArray(first) ? first.map(String) : [], unique: scope.value(args[1]) === true, concurrently: false, ifNotExists: false, withTableCreation: true });
        break;
      case 'withUniqueConstraintOn':
        constraints.push({ kind: 'unique', columns: typeof first === 'string' ? [first] : Array.isArray(first) ? first.map(String) : [], notValid: false });
        break;
      case 'withCheckConstraint':
        constraints.push({ kind: 'check', name: typeof first === 'string' ? first : undefined, columns: [], notValid: false });
        break;
      case 'withForeignKey': {
        // Read property by property: `name: undefined` (or any other unknown value) leaves the target known.
        const target = optionsOf(args[1], scope);
        const referenced = target?.get('tableName')?.value;
        const column = target?.get('columnName')?.value;
        if (typeof first !== 'string' || typeof referenced !== 'string') return undefined;
        constraints.push({ kind: 'foreignKey', columns: [first], notValid: false, references: { table: tableNameOf(referenced), columns: typeof column === 'string' ? [column] : [] } });
        break;
      }
      default:
        break; // withEnumCheck, comments and the like change nothing rules look at
    }
  }
  return [{ kind: 'createTable', ...place, table, columns, constraints, ifNotExists: false, identifiers: [table.name, ...columns.map((column) => column.name)] }, ...indexes];
}

/** `column('x').varchar(36).primary.notNull.default('y')` as a column, or undefined when it is not one. */
function columnOf(node: Node | undefined, scope: StaticScope): ColumnDefinition | undefined {
  const chain = node && flattenChain(scope.resolve(node) ?? unwrapTypeScript(node));
  const root = chain?.root;
  // column('x')…, or new Column('x')…
  if (!chain || (root?.type !== 'CallExpression' && root?.type !== 'NewExpression')) return undefined;
  const name = scope.value(root.arguments[0]);
  if (typeof name !== 'string') return undefined;
  const column: ColumnDefinition = { name, notNull: false, primaryKey: false, unique: false, hasCheck: false };
  let typeName: string | undefined;
  for (const link of chain.links) {
    const args = (link.args ?? []).map((arg) => scope.value(arg));
    if (link.name in COLUMN_TYPES) typeName = COLUMN_TYPES[link.name](args);
    else if (link.name === 'primary' || link.name === 'primaryWithName') column.primaryKey = column.notNull = true;
    else if (link.name === 'notNull') column.notNull = true;
    else if (link.name === 'autoGenerate') typeName = typeName === 'uuid' ? 'uuid' : 'serial';
    else if (link.name === 'autoGenerate2') column.generated = 'identity';
    else if (link.name === 'default') column.default = defaultOf(args[0]);
  }
  if (typeName === 'uuid' && chain.links.some((link) => link.name === 'autoGenerate' || link.name === 'autoGenerate2')) {
    column.default = { kind: 'volatile', functionName: 'uuid_generate_v4' };
  }
  if (column.generated === 'identity') column.notNull = true;
  column.type = typeName === undefined ? undefined : parseTypeName(typeName);
  return column;
}

function defaultOf(value: unknown): ColumnDefinition['default'] {
  if (value === undefined || value === null) return undefined;
  if (value === 'NOW()') return { kind: 'stable', functionName: 'now' }; // CURRENT_TIMESTAMP(3)
  if (typeof value === 'string') return sqlDefault(value);
  return { kind: 'constant' };
}

function elements(node: Node | undefined, scope: StaticScope): Node[] {
  const array = node && scope.resolve(node);
  return array?.type === 'ArrayExpression' ? (array.elements.filter((element) => element && element.type !== 'SpreadElement') as Node[]) : [];
}
