import type { ColumnType } from '../model/operations';

/**
 * Column types as the replayed schema holds them: PostgreSQL's internal names
 * (`int4`, `varchar`, `timestamptz`), whatever spelling the migration used, and
 * what changing one into another costs.
 */

/** Spellings that are the same type (the parser already maps most SQL keywords to these). */
const ALIASES: Record<string, string> = {
  int: 'int4',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  real: 'float4',
  'double precision': 'float8',
  float: 'float8',
  decimal: 'numeric',
  boolean: 'bool',
  'character varying': 'varchar',
  character: 'bpchar',
  char: 'bpchar',
  'bit varying': 'varbit',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'time with time zone': 'timetz',
  'time without time zone': 'time',
  serial4: 'serial',
  serial8: 'bigserial',
  serial2: 'smallserial',
};

/** serial types are an integer column with a sequence's default. */
export const SERIAL_BASE: Record<string, string> = { serial: 'int4', bigserial: 'int8', smallserial: 'int2' };

/** PostgreSQL's own types, which a builder front-end may spell in any case (`'UUID'`, `'Text'`). */
const BUILT_IN = new Set([
  'int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'bool', 'varchar', 'bpchar', 'text', 'bytea', 'bit', 'varbit', 'uuid', 'json', 'jsonb', 'xml',
  'date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval', 'inet', 'cidr', 'macaddr', 'macaddr8', 'money', 'oid', 'tsvector', 'tsquery',
  'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle', 'serial', 'bigserial', 'smallserial', 'int4range', 'int8range', 'numrange', 'tsrange', 'tstzrange', 'daterange',
]);

/** The internal name of a built-in type whatever its spelling; any other type (an enum, a domain) keeps its name as the migration gave it. */
export function canonicalTypeName(name: string): string {
  const lower = name.toLowerCase();
  return ALIASES[lower] ?? (BUILT_IN.has(lower) ? lower : name);
}

export function sameType(a: ColumnType, b: ColumnType): boolean {
  return (
    // Case aside: a front-end may not spell an extension's type (`geometry`) as PostgreSQL folds it.
    canonicalTypeName(a.name).toLowerCase() === canonicalTypeName(b.name).toLowerCase() &&
    a.isArray === b.isArray &&
    a.modifiers.length === b.modifiers.length &&
    a.modifiers.every((modifier, index) => modifier === b.modifiers[index])
  );
}

/** How PostgreSQL's format_type names internal types (as `\d` shows them). */
const DISPLAY_NAMES: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  varchar: 'character varying',
  bpchar: 'character',
  varbit: 'bit varying',
  timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  timetz: 'time with time zone',
  time: 'time without time zone',
};

/** A type as PostgreSQL prints it: `character varying(255)`, `timestamp(3) without time zone`, `integer[]`. */
export function formatType(type: ColumnType): string {
  const name = canonicalTypeName(type.name);
  const display = DISPLAY_NAMES[name] ?? name;
  const modifiers = type.modifiers.length > 0 ? `(${type.modifiers.join(',')})` : '';
  // Time types put their precision before the time zone words.
  const zone = /^(timestamp|time)( with(out)? time zone)$/.exec(display);
  const base = zone && modifiers ? `${zone[1]}${modifiers}${zone[2]}` : `${display}${modifiers}`;
  return `${base}${type.isArray ? '[]' : ''}`;
}

/** A type as a migration would write it, short: `varchar(255)`, `int4`, `text[]`. */
export function shortType(type: ColumnType): string {
  const modifiers = type.modifiers.length > 0 ? `(${type.modifiers.join(',')})` : '';
  return `${canonicalTypeName(type.name)}${modifiers}${type.isArray ? '[]' : ''}`;
}

/**
 * What changing a column's type does to its table:
 * - `same`: nothing (the type is re-stated, as Knex's alter() does);
 * - `catalogue`: PostgreSQL changes only the catalogue, no rewrite and no index rebuild
 *   (a longer or unlimited varchar, text, wider numeric, varbit or time precision, cidr to inet);
 * - `timeZone`: timestamp to timestamptz or back: no rewrite when the session's time zone is UTC (PostgreSQL 12+), else a rewrite;
 * - `rewrite`: every row is rewritten and the indexes rebuilt.
 */
export type TypeChange = 'same' | 'catalogue' | 'timeZone' | 'rewrite';

/** Types whose length or precision limit PostgreSQL can raise without touching the rows. */
const WIDENABLE = new Set(['varchar', 'varbit', 'time', 'timetz', 'timestamp', 'timestamptz']);

export function classifyTypeChange(from: ColumnType, to: ColumnType, using?: 'column' | 'other'): TypeChange {
  // A USING expression that computes new values rewrites whatever the types.
  if (using === 'other') return 'rewrite';
  if (sameType(from, to)) return 'same';
  if (from.isArray !== to.isArray || from.isArray) return 'rewrite';
  const a = canonicalTypeName(from.name);
  const b = canonicalTypeName(to.name);
  if (a === b && WIDENABLE.has(a) && widens(limitOf(a, from), limitOf(b, to))) return 'catalogue';
  if (a === 'numeric' && b === 'numeric') {
    // numeric(p, s) to numeric(p' >= p, s), or to unconstrained numeric.
    if (to.modifiers.length === 0) return 'catalogue';
    const [precision, scale = 0] = from.modifiers;
    const [newPrecision, newScale = 0] = to.modifiers;
    return precision !== undefined && newPrecision >= precision && newScale === scale ? 'catalogue' : 'rewrite';
  }
  if (a === 'varchar' && b === 'text') return 'catalogue';
  if (a === 'text' && b === 'varchar' && to.modifiers.length === 0) return 'catalogue';
  if (a === 'cidr' && b === 'inet') return 'catalogue';
  if ((a === 'timestamp' && b === 'timestamptz') || (a === 'timestamptz' && b === 'timestamp')) {
    return widens(limitOf(a, from), limitOf(b, to)) ? 'timeZone' : 'rewrite';
  }
  return 'rewrite';
}

/** The length or precision limit; a time type without one has PostgreSQL's largest precision, 6. */
function limitOf(name: string, type: ColumnType): number | undefined {
  return type.modifiers[0] ?? (name.startsWith('time') ? 6 : undefined);
}

/** A limit of `to` at least as large as `from` (no limit is the largest). */
function widens(from: number | undefined, to: number | undefined): boolean {
  if (to === undefined) return true;
  return from !== undefined && to >= from;
}
