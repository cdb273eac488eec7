import type { Node } from '@babel/types';
import type { ColumnDefault, ColumnDefinition, ColumnType, ForeignKeyTarget } from '../../model/operations';
import type { ChainLink } from '../js/chains';
import { flattenChain } from '../js/chains';
import type { StaticScope } from '../js/static-values';
import { parseTypeName, sqlDefault } from '../sql/fragments';

/** A column as a Knex builder chain declares it, with what the chain asks for besides. */
export interface BuiltColumn {
  definition: ColumnDefinition;
  /** `.index()`: a separate CREATE INDEX. */
  index?: { name?: string };
  /** `.unique({ useConstraint: false })`: a unique index rather than a constraint. */
  uniqueAsIndex?: boolean;
  /** `.alter()`: which parts Knex re-states (type, nullability, default). */
  alter?: { type: boolean; nullable: boolean };
  /** `.checkPositive()` and friends: CHECK constraints. */
  checks: string[];
}

const type = (name: string, modifiers: number[] = []): ColumnType => ({ name, modifiers, isArray: false });

/** Knex column methods and the PostgreSQL type Knex emits for each (knex's pg column compiler). */
const COLUMN_TYPES: Record<string, (args: unknown[]) => ColumnType | undefined> = {
  increments: () => type('serial'),
  bigIncrements: () => type('bigserial'),
  integer: () => type('int4'),
  mediumint: () => type('int4'),
  bigInteger: () => type('int8'),
  bigint: () => type('int8'),
  tinyint: () => type('int2'),
  smallint: () => type('int2'),
  text: () => type('text'),
  string: (args) => type('varchar', [typeof args[1] === 'number' ? args[1] : 255]),
  float: () => type('float4'),
  double: () => type('float8'),
  decimal: (args) => type('numeric', [args[1], args[2]].filter((value): value is number => typeof value === 'number')),
  boolean: () => type('bool'),
  date: () => type('date'),
  datetime: (args) => type(withoutTimeZone(args[1]) ? 'timestamp' : 'timestamptz'),
  dateTime: (args) => type(withoutTimeZone(args[1]) ? 'timestamp' : 'timestamptz'),
  timestamp: (args) => type(withoutTimeZone(args[1]) ? 'timestamp' : 'timestamptz'),
  time: () => type('time'),
  binary: () => type('bytea'),
  json: () => type('json'),
  jsonb: () => type('jsonb'),
  uuid: () => type('uuid'),
  enu: (args) => enumType(args[2]),
  enum: (args) => enumType(args[2]),
  geometry: () => type('geometry'),
  geography: () => type('geography'),
  point: () => type('point'),
  specificType: (args) => (typeof args[1] === 'string' ? parseTypeName(args[1]) : undefined),
};

export const isColumnMethod = (name: string): boolean => name in COLUMN_TYPES || name === 'timestamps';

/** `timestamp(name, true)` (old signature) or `{ useTz: false }` mean WITHOUT TIME ZONE. */
function withoutTimeZone(option: unknown): boolean {
  if (option === true) return true;
  return typeof option === 'object' && option !== null && (option as { useTz?: unknown }).useTz === false;
}

/** Knex enums are `text` with a CHECK, or a native type with `{ useNative: true, enumName }`. */
function enumType(options: unknown): ColumnType {
  const native = options as { useNative?: boolean; enumName?: string } | undefined;
  return native?.useNative && native.enumName ? type(native.enumName) : type('text');
}

/**
 * Reads a column chain: `t.string('email', 100).notNullable().defaultTo('x').unique()`.
 * Returns undefined when the column name is not static.
 */
export function buildColumns(links: ChainLink[], scope: StaticScope, knexNames: ReadonlySet<string>): BuiltColumn[] | undefined {
  const [head, ...modifiers] = links;
  const args = (head.args ?? []).map((arg) => scope.value(arg));
  if (head.name === 'timestamps') return timestampColumns(args, modifiers);
  const name = args[0] ?? (head.name.endsWith('ncrements') ? 'id' : undefined);
  if (typeof name !== 'string') return undefined;
  const column: BuiltColumn = {
    definition: {
      name,
      type: COLUMN_TYPES[head.name](args),
      notNull: false,
      primaryKey: false,
      unique: false,
      hasCheck: false,
    },
    checks: [],
  };
  if (head.name === 'increments' || head.name === 'bigIncrements') {
    const options = args[1] as { primaryKey?: boolean } | undefined;
    column.definition.notNull = true;
    column.definition.primaryKey = options?.primaryKey !== false;
  }
  if ((head.name === 'enu' || head.name === 'enum') && !(args[2] as { useNative?: boolean } | undefined)?.useNative) {
    column.definition.hasCheck = true; // Knex emits text CHECK (col IN (…))
  }
  for (const modifier of modifiers) applyModifier(column, modifier, scope, knexNames);
  return [column];
}

function applyModifier(column: BuiltColumn, modifier: ChainLink, scope: StaticScope, knexNames: ReadonlySet<string>): void {
  const { definition } = column;
  const args = modifier.args ?? [];
  const firstValue = scope.value(args[0]);
  switch (modifier.name) {
    case 'notNullable':
    case 'notNull':
      definition.notNull = true;
      break;
    case 'nullable':
      definition.notNull = false;
      break;
    case 'defaultTo':
    case 'defaultsTo': // Knex's aliases of defaultTo
    case 'default':
      definition.default = defaultOf(args[0], scope, knexNames);
      break;
    case 'primary':
      definition.primaryKey = true;
      definition.notNull = true;
      break;
    case 'unique': {
      const options = firstValue as { useConstraint?: boolean } | undefined;
      if (options?.useConstraint === false) column.uniqueAsIndex = true;
      else definition.unique = true;
      break;
    }
    case 'index':
      column.index = { name: typeof firstValue === 'string' ? firstValue : undefined };
      break;
    case 'references':
      definition.references = referenceOf(firstValue, definition.references);
      break;
    case 'inTable':
      if (typeof firstValue === 'string') definition.references = { table: tableNameOf(firstValue), columns: definition.references?.columns ?? [] };
      break;
    case 'alter': {
      const options = firstValue as { alterType?: boolean; alterNullable?: boolean } | undefined;
      column.alter = { type: options?.alterType !== false, nullable: options?.alterNullable !== false };
      break;
    }
    default:
      if (/^check[A-Z]/.test(modifier.name)) {
        definition.hasCheck = true;
        column.checks.push(modifier.name);
      }
  }
}

/** `references('users.id')` or `references('id').inTable('users')`. */
function referenceOf(value: unknown, current: ForeignKeyTarget | undefined): ForeignKeyTarget | undefined {
  if (typeof value !== 'string') return current;
  const dot = value.lastIndexOf('.');
  if (dot < 0) return { table: current?.table ?? { name: '' }, columns: [value] };
  return { table: tableNameOf(value.slice(0, dot)), columns: [value.slice(dot + 1)] };
}

export function tableNameOf(qualified: string): { schema?: string; name: string } {
  const dot = qualified.indexOf('.');
  return dot < 0 ? { name: qualified } : { schema: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
}

/**
 * A value is inlined by Knex as a constant; `knex.fn.now()` is `CURRENT_TIMESTAMP`;
 * `knex.raw('…')` is SQL, classified like a SQL default.
 */
function defaultOf(node: Node | undefined, scope: StaticScope, knexNames: ReadonlySet<string>): ColumnDefault | undefined {
  if (!node) return undefined;
  const value = scope.value(node);
  if (value === null) return undefined;
  if (value !== undefined) return { kind: 'constant', sql: sqlLiteral(value) };
  const chain = flattenChain(node);
  const root = chain.root.type === 'Identifier' ? chain.root.name : undefined;
  if (root && knexNames.has(root)) {
    const names = chain.links.map((link) => link.name).join('.');
    if (names === 'fn.now') return { kind: 'stable', functionName: 'now', sql: 'CURRENT_TIMESTAMP' };
    if (names === 'fn.uuid') return { kind: 'volatile', functionName: 'gen_random_uuid', sql: 'gen_random_uuid()' };
    if (names === 'raw') {
      const sql = scope.string(chain.links[0].args?.[0]);
      return sql === undefined ? { kind: 'unknown' } : sqlDefault(sql);
    }
  }
  return { kind: 'constant' }; // a JavaScript value computed at run time is still one constant to PostgreSQL
}

/** A constant as Knex inlines it into a DEFAULT clause. */
function sqlLiteral(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'object' && value !== null) return `'${JSON.stringify(value).replace(/'/g, "''")}'`; // a json(b) default
  return undefined;
}

function timestampColumns(args: unknown[], modifiers: ChainLink[]): BuiltColumn[] {
  const options = typeof args[0] === 'object' && args[0] !== null ? (args[0] as Record<string, unknown>) : undefined;
  const defaultToNow = options ? options.defaultToNow === true : args[1] === true;
  const camelCase = options ? options.useCamelCase === true : args[2] === true;
  const names = camelCase ? ['createdAt', 'updatedAt'] : ['created_at', 'updated_at'];
  return names.map((name) => ({
    definition: {
      name,
      type: type('timestamptz'),
      notNull: defaultToNow,
      default: defaultToNow ? { kind: 'stable', functionName: 'now', sql: 'CURRENT_TIMESTAMP' } : undefined,
      primaryKey: false,
      unique: false,
      hasCheck: false,
    },
    checks: [],
    alter: modifiers.some((modifier) => modifier.name === 'alter') ? { type: true, nullable: true } : undefined,
  }));
}
