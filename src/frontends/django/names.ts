import { createHash } from 'node:crypto';

/** The names Django gives tables, indexes and constraints on PostgreSQL (63-byte identifiers). */

const MAX_NAME_LENGTH = 63;

function namesDigest(parts: string[], length: number): string {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, length);
}

/** A name shortened to fit, with a digest of the whole name, as Django's `truncate_name` does. */
export function truncateName(name: string, length = MAX_NAME_LENGTH, hashLength = 4): string {
  if (name.length <= length) return name;
  return `${name.slice(0, length - hashLength)}${namesDigest([name], hashLength)}`;
}

/** `<app_label>_<model name in lower case>`, the default `db_table`. */
export function defaultTableName(appLabel: string, modelName: string): string {
  return truncateName(`${appLabel}_${modelName.toLowerCase()}`);
}

/** Django's `_create_index_name`: table, columns and a digest, shortened to 63 characters. */
export function indexName(table: string, columns: string[], suffix = ''): string {
  let hashSuffix = `${namesDigest([table, ...columns], 8)}${suffix}`;
  const full = `${table}_${columns.join('_')}_${hashSuffix}`;
  if (full.length <= MAX_NAME_LENGTH) return full;
  if (hashSuffix.length > MAX_NAME_LENGTH / 3) hashSuffix = hashSuffix.slice(0, Math.floor(MAX_NAME_LENGTH / 3));
  const otherLength = Math.floor((MAX_NAME_LENGTH - hashSuffix.length) / 2) - 1;
  let name = `${table.slice(0, otherLength)}_${columns.join('_').slice(0, otherLength)}_${hashSuffix}`;
  if (name[0] === '_' || /^\d/.test(name)) name = `D${name.slice(0, -1)}`;
  return name;
}

/** The name of a foreign key constraint from `table.column` to `target.targetColumn`. */
export function foreignKeyName(table: string, column: string, target: string, targetColumn: string): string {
  return indexName(table, [column], `_fk_${target}_${targetColumn}`);
}
