import { type Operation, type TableName, qualifiedName } from '../model/operations';
import { lockedTables } from './operation-helpers';

/** What the check needs of the file's state. */
interface TableNews {
  isNewTable(table: TableName): boolean;
  isEmptyTable(table: TableName): boolean;
  schema: { isRenamedTable(table: TableName): boolean };
}

/**
 * The table, when every table the operation locks is one this migration (or one
 * new in this run) created and then filled: a rebuild's index or key on the copy.
 * No query uses that table yet, so its lock keeps nobody waiting; what the build
 * costs is time, while the transaction holds whatever else it has locked.
 */
export function filledNewTableOnly(operation: Operation, tables: TableNews): TableName | undefined {
  const locked = lockedTables(operation);
  if (locked.length === 0) return undefined;
  // A table renamed here is new by name only: its old readers wait on its lock.
  for (const table of locked) if (!tables.isNewTable(table) || tables.isEmptyTable(table) || tables.schema.isRenamedTable(table)) return undefined;
  return locked[0];
}

const LISTED = 3;

function listOf(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).map((name) => `"${name}"`);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0];
}

export function filledNewTableMessage(table: TableName, heldLocks: readonly string[]): string {
  const those = heldLocks.length === 1 ? 'that table' : 'those tables';
  return `"${qualifiedName(table)}" was created and filled by this migration, so no query waits on it; but while this statement works through its rows, the transaction keeps its locks on ${listOf(heldLocks)}, and every query on ${those} waits until the migration commits.`;
}

export function filledNewTableHelp(heldLocks: readonly string[]): string {
  return `Take the locks on "${heldLocks[0]}"${heldLocks.length > 1 ? ' and the rest' : ''} as late in the transaction as the change allows: fill the new table and build its indexes and keys first, so that those locks are held only for the switch.`;
}
