/**
 * The names PostgreSQL gives what a migration leaves unnamed (a primary key, a
 * UNIQUE column, an index), so that a later `DROP CONSTRAINT users_email_key` finds it.
 */

/** NAMEDATALEN - 1: PostgreSQL cuts identifiers to 63 bytes. */
const MAX_IDENTIFIER_BYTES = 63;

const NON_ASCII = /[^\x00-\x7f]/;

/** An identifier as PostgreSQL stores it: cut to 63 bytes, at a character boundary. */
export function truncateIdentifier(name: string): string {
  // At most 3 bytes a UTF-16 unit, and an ASCII name is a byte a character: both need no counting.
  if (name.length <= 21 || (name.length <= MAX_IDENTIFIER_BYTES && !NON_ASCII.test(name)) || Buffer.byteLength(name, 'utf8') <= MAX_IDENTIFIER_BYTES) return name;
  let cut = '';
  for (const character of name) {
    if (Buffer.byteLength(cut + character, 'utf8') > MAX_IDENTIFIER_BYTES) break;
    cut += character;
  }
  return cut;
}

/**
 * `table_column_label` as PostgreSQL's makeObjectName builds it: when it is too
 * long, the longer of the two names is shortened first.
 */
export function objectName(name1: string, name2: string | undefined, label: string): string {
  const overhead = label.length + 1 + (name2 ? 1 : 0);
  const available = MAX_IDENTIFIER_BYTES - overhead;
  let length1 = name1.length;
  let length2 = name2?.length ?? 0;
  while (length1 + length2 > available) {
    if (length1 > length2) length1--;
    else length2--;
  }
  return [name1.slice(0, length1), ...(name2 ? [name2.slice(0, length2)] : []), label].join('_');
}

/** The label PostgreSQL uses for each kind of unnamed constraint and for plain indexes. */
export const NAME_LABELS = { primaryKey: 'pkey', unique: 'key', foreignKey: 'fkey', check: 'check', exclusion: 'excl', index: 'idx' } as const;

/**
 * The name PostgreSQL chooses: `users_pkey`, `users_email_key`, `orders_user_id_fkey`,
 * `events_kind_idx`, with a number appended while `taken` says it is in use.
 */
export function chooseName(table: string, columns: readonly string[], label: string, taken: (name: string) => boolean): string {
  // A primary key is named after the table alone.
  const columnPart = label === NAME_LABELS.primaryKey || columns.length === 0 ? undefined : columns.join('_');
  const base = objectName(table, columnPart, label);
  if (!taken(base)) return base;
  for (let suffix = 1; ; suffix++) {
    const candidate = objectName(table, columnPart, `${label}${suffix}`);
    if (!taken(candidate)) return candidate;
  }
}
