import type { TableName } from '../model/operations';

/** PostgreSQL keeps the first 63 bytes of a name. */
const MAX_NAME_BYTES = 63;

/**
 * A name for a constraint or index the way PostgreSQL makes one:
 * `<table>_<columns>_<label>` (`orders_customer_id_fkey`), the longer of the two
 * first parts shortened until the whole fits in 63 bytes.
 */
export function objectName(table: TableName, columns: readonly string[], label: string): string {
  let first = table.name;
  let second = columns.join('_');
  const fixed = Buffer.byteLength(`_${label}`) + (second ? 1 : 0);
  while (Buffer.byteLength(first) + Buffer.byteLength(second) + fixed > MAX_NAME_BYTES) {
    if (Buffer.byteLength(first) >= Buffer.byteLength(second)) first = dropLastCharacter(first);
    else second = dropLastCharacter(second);
  }
  return [first, second, label].filter((part) => part.length > 0).join('_');
}

function dropLastCharacter(text: string): string {
  return Array.from(text).slice(0, -1).join('');
}
