import type { LockMode } from '../model/locks';
import { type Operation, qualifiedName } from '../model/operations';
import type { Catalogue } from './catalogue';

/**
 * The locks of statements that commit their own transactions (the CONCURRENTLY forms).
 * They are gone by the time such a statement returns, and PGlite has no second
 * connection to watch it with, so an embedded trace states them from this catalogue; a
 * trace on a server watches them, and the test suite checks this table against what a
 * server shows (CREATE/DROP INDEX and REINDEX CONCURRENTLY). DETACH PARTITION
 * CONCURRENTLY holds no lock while it waits and its two transactions are too short to
 * watch: its entry is PostgreSQL's documentation.
 */
const OWN_TRANSACTION_LOCKS: Partial<Record<Operation['kind'], Array<{ on: 'table' | 'index' | 'partition'; mode: LockMode }>>> = {
  createIndex: [{ on: 'table', mode: 'ShareUpdateExclusiveLock' }],
  dropIndex: [
    { on: 'table', mode: 'ShareUpdateExclusiveLock' },
    { on: 'index', mode: 'ShareUpdateExclusiveLock' },
    { on: 'index', mode: 'AccessExclusiveLock' }, // in its last step, when nothing can use the index any more
  ],
  reindex: [
    { on: 'table', mode: 'ShareUpdateExclusiveLock' },
    { on: 'index', mode: 'ShareUpdateExclusiveLock' },
    { on: 'index', mode: 'AccessExclusiveLock' }, // in its last step, on the old index it drops, when nothing can use it any more
  ],
  detachPartition: [
    { on: 'table', mode: 'ShareUpdateExclusiveLock' },
    { on: 'partition', mode: 'ShareUpdateExclusiveLock' },
    { on: 'partition', mode: 'AccessExclusiveLock' }, // in its second transaction
  ],
};

export interface CatalogueLock {
  oid: number;
  mode: LockMode;
}

/** The catalogue's locks for a statement outside any transaction, on the relations it names (resolved in the catalogue). */
export function ownTransactionLocks(operations: readonly Operation[], catalogue: Catalogue): CatalogueLock[] {
  const locks: CatalogueLock[] = [];
  for (const operation of operations) {
    for (const entry of OWN_TRANSACTION_LOCKS[operation.kind] ?? []) {
      for (const oid of relationsOf(operation, entry.on, catalogue)) locks.push({ oid, mode: entry.mode });
    }
  }
  return locks;
}

/** The tables a statement outside a transaction works on: a watching connection holds them, so that the statement waits while it is looked at. */
export function tablesWorkedOn(operations: readonly Operation[], catalogue: Catalogue): number[] {
  return operations.flatMap((operation) => [...relationsOf(operation, 'table', catalogue), ...relationsOf(operation, 'partition', catalogue)]);
}

function relationsOf(operation: Operation, on: 'table' | 'index' | 'partition', catalogue: Catalogue): number[] {
  const byName = (name: string) => {
    const unqualified = name.startsWith('public.') ? name.slice('public.'.length) : name;
    return [...catalogue.relations.values()].filter((relation) => relation.name === unqualified);
  };
  switch (operation.kind) {
    case 'createIndex':
      return on === 'table' ? byName(qualifiedName(operation.table)).map((relation) => relation.oid) : [];
    case 'dropIndex': {
      const indexes = operation.names.flatMap((name) => byName(qualifiedName(name)));
      if (on === 'index') return indexes.map((index) => index.oid);
      return on === 'table' ? indexes.flatMap((index) => (index.table !== undefined ? [index.table] : [])) : [];
    }
    case 'reindex': {
      const target = byName(operation.target);
      const tables = target.flatMap((relation) => (relation.table !== undefined ? [relation.table] : [relation.oid]));
      if (on === 'table') return tables;
      if (on !== 'index') return [];
      // REINDEX INDEX: that index; REINDEX TABLE: each index of the table.
      const indexes = target.filter((relation) => relation.table !== undefined);
      return indexes.length > 0 ? indexes.map((index) => index.oid) : [...catalogue.relations.values()].filter((relation) => relation.table !== undefined && tables.includes(relation.table)).map((index) => index.oid);
    }
    case 'detachPartition':
      if (on === 'table') return byName(qualifiedName(operation.table)).map((relation) => relation.oid);
      return on === 'partition' ? byName(qualifiedName(operation.partition)).map((relation) => relation.oid) : [];
    default:
      return [];
  }
}
