import type { Node } from '@babel/types';
import type { ColumnDefault, ColumnDefinition, ConstraintDefinition, TableName } from '../../model/operations';
import { type StaticScope, propertyName, unwrapTypeScript } from '../js/static-values';
import { tableNameOf } from '../knex/column-builders';
import { parseTypeName, sqlDefault } from '../sql/fragments';

/**
 * TypeORM's schema objects (`new Table({…})`, `new TableColumn({…})`, plain
 * option objects) read statically, property by property, so one unknown value
 * does not hide the rest.
 */
export type Properties = Map<string, { node: Node; value: unknown }>;

export function optionsOf(node: Node | undefined, scope: StaticScope): Properties | undefined {
  const resolved = node && scope.resolve(node);
  if (!resolved) return undefined;
  const object = resolved.type === 'NewExpression' ? resolved.arguments[0] && scope.resolve(resolved.arguments[0]) : resolved;
  if (!object || object.type !== 'ObjectExpression') return undefined;
  const properties: Properties = new Map();
  for (const property of object.properties) {
    if (property.type !== 'ObjectProperty') continue;
    const key = propertyName(property.key);
    if (key) properties.set(key, { node: property.value, value: scope.value(property.value) });
  }
  return properties;
}

/** The name a table/column/index argument stands for: a string, an object's `name`, `table.findColumnByName('x')`. */
export function nameOf(node: Node | undefined, scope: StaticScope): string | undefined {
  if (!node) return undefined;
  const text = scope.string(node);
  if (text !== undefined) return text;
  const resolved = scope.resolve(node);
  if (resolved?.type === 'CallExpression' && resolved.callee.type === 'MemberExpression' && propertyName(resolved.callee.property) === 'findColumnByName') {
    return scope.string(resolved.arguments[0]);
  }
  const name = optionsOf(node, scope)?.get('name')?.value;
  return typeof name === 'string' ? name : undefined;
}

export function tableNameFrom(node: Node | undefined, scope: StaticScope): TableName | undefined {
  const name = nameOf(node, scope);
  return name === undefined ? undefined : tableNameOf(name);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** A `TableColumnOptions` object as TypeORM's PostgreSQL driver turns it into a column. */
export function columnFrom(properties: Properties, location: ColumnDefinition['location']): ColumnDefinition | undefined {
  const get = (key: string) => properties.get(key)?.value;
  const name = get('name');
  if (typeof name !== 'string') return undefined;
  const strategy = get('isGenerated') === true ? get('generationStrategy') ?? 'increment' : undefined;
  const isPrimary = get('isPrimary') === true;
  return {
    name,
    location,
    type: typeOf(properties, strategy),
    // TypeORM's TableColumn is NOT NULL unless isNullable is true.
    notNull: isPrimary || get('isNullable') !== true,
    default: defaultOf(properties, strategy),
    primaryKey: isPrimary,
    unique: get('isUnique') === true,
    hasCheck: false,
    generated: strategy === 'identity' ? 'identity' : typeof get('generatedType') === 'string' && String(get('generatedType')).toUpperCase() === 'STORED' ? 'stored' : undefined,
    references: referenceOf(properties),
  };
}

function typeOf(properties: Properties, strategy: unknown) {
  const get = (key: string) => properties.get(key)?.value;
  const type = get('type');
  if (typeof type !== 'string') return undefined;
  if (strategy === 'increment') return parseTypeName(/big/i.test(type) ? 'bigserial' : /small/i.test(type) ? 'smallserial' : 'serial');
  const length = get('length');
  const precision = get('precision');
  const scale = get('scale');
  const size =
    length !== undefined && length !== '' ? `(${length})` : typeof precision === 'number' ? `(${precision}${typeof scale === 'number' ? `, ${scale}` : ''})` : '';
  const parsed = parseTypeName(`${type}${size}${get('isArray') === true ? '[]' : ''}`);
  return parsed ?? { name: type.toLowerCase(), modifiers: [], isArray: get('isArray') === true };
}

/** TypeORM writes a string default into the SQL as it is: `'now()'` is a call, `"'x'"` a literal. */
function defaultOf(properties: Properties, strategy: unknown): ColumnDefault | undefined {
  if (strategy === 'uuid') return { kind: 'volatile', functionName: 'uuid_generate_v4', sql: 'uuid_generate_v4()' };
  const entry = properties.get('default');
  if (!entry || entry.value === null) return undefined;
  if (typeof entry.value === 'number' || typeof entry.value === 'boolean') return { kind: 'constant', sql: String(entry.value) };
  if (typeof entry.value === 'string') return sqlDefault(entry.value);
  const node = unwrapTypeScript(entry.node);
  if (node.type === 'ArrowFunctionExpression' && node.body.type === 'StringLiteral') return sqlDefault(node.body.value);
  // A string would be SQL, a number or boolean a literal: not known which, so nothing is claimed about it.
  return { kind: 'unknown', unread: true };
}

function referenceOf(properties: Properties) {
  const foreignKey = properties.get('foreignKey')?.value as { referencedTableName?: string; referencedColumnNames?: string[] } | undefined;
  if (!foreignKey?.referencedTableName) return undefined;
  return { table: tableNameOf(foreignKey.referencedTableName), columns: strings(foreignKey.referencedColumnNames) };
}

type ConstraintSource = 'uniques' | 'checks' | 'foreignKeys' | 'exclusions';

/** `TableUnique`, `TableCheck`, `TableForeignKey`, `TableExclusion` options as a constraint. */
export function constraintFrom(kind: ConstraintSource, properties: Properties): ConstraintDefinition {
  const get = (key: string) => properties.get(key)?.value;
  const name = typeof get('name') === 'string' ? (get('name') as string) : undefined;
  switch (kind) {
    case 'uniques':
      return { kind: 'unique', name, columns: strings(get('columnNames')), notValid: false };
    case 'checks': {
      const expression = get('expression');
      const notNull = typeof expression === 'string' ? /^\s*"?(\w+)"?\s+IS\s+NOT\s+NULL\s*$/i.exec(expression) : null;
      return { kind: 'check', name, columns: [], notValid: false, checksNotNullOf: notNull?.[1], expression: typeof expression === 'string' ? expression : undefined };
    }
    case 'foreignKeys': {
      const table = get('referencedTableName');
      return {
        kind: 'foreignKey',
        name,
        columns: strings(get('columnNames')),
        notValid: false,
        references: { table: tableNameOf(typeof table === 'string' ? table : ''), columns: strings(get('referencedColumnNames')) },
      };
    }
    case 'exclusions':
      return { kind: 'exclusion', name, columns: [], notValid: false };
  }
}

/** The elements of an array argument (`addColumns(t, [a, b])`). */
export function elementsOf(node: Node | undefined, scope: StaticScope): Node[] {
  const resolved = node && scope.resolve(node);
  if (resolved?.type !== 'ArrayExpression') return [];
  return resolved.elements.filter((element): element is NonNullable<typeof element> & Node => element !== null && element.type !== 'SpreadElement');
}
