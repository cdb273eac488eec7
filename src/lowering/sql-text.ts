import type { ColumnType, TableName } from '../model/operations';

/** `users` → `"users"`, as Knex and TypeORM quote identifiers for PostgreSQL. */
export function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function tableSql(table: TableName): string {
  return table.schema ? `${quoted(table.schema)}.${quoted(table.name)}` : quoted(table.name);
}

export function columnList(columns: readonly string[]): string {
  return `(${columns.map(quoted).join(', ')})`;
}

/** A column type by PostgreSQL's internal name (`int8`, `varchar(255)`, `bpchar(3)`), which PostgreSQL accepts as written. */
export function typeSql(type: ColumnType): string {
  const modifiers = type.modifiers.length > 0 ? `(${type.modifiers.join(',')})` : '';
  return `${type.name}${modifiers}${type.isArray ? '[]' : ''}`;
}
