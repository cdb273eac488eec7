import type { LockClaim } from './rule';

/**
 * The lock each kind of statement takes that blocks the application (the
 * statements `blockingLockTarget` names a table for), for the rules about
 * waiting for such a lock. The test suite checks it against PostgreSQL.
 */
export const BLOCKING_STATEMENT_LOCKS: LockClaim[] = [
  { mode: 'ShareRowExclusiveLock', on: ['table', 'referencedTable'], rewrite: false, operations: ['addConstraint'], constraints: ['foreignKey'] },
  {
    mode: 'AccessExclusiveLock',
    on: ['table'],
    rewrite: false,
    operations: ['addColumn', 'dropColumn', 'renameColumn', 'setNotNull', 'dropNotNull', 'setDefault', 'addConstraint', 'dropConstraint', 'renameTable', 'dropTable', 'truncate', 'detachPartition'],
  },
  { mode: 'AccessExclusiveLock', on: ['table'], rewrite: 'possible', operations: ['alterColumnType'] },
  { mode: 'ShareLock', on: ['table'], rewrite: false, operations: ['createIndex', 'reindex'] },
  { mode: 'AccessExclusiveLock', on: ['index'], rewrite: false, operations: ['reindex'] },
  { mode: 'ShareRowExclusiveLock', on: ['referencedTable'], rewrite: false, operations: ['createTable'] },
  { mode: 'AccessExclusiveLock', on: ['table', 'index'], rewrite: false, operations: ['dropIndex'] },
];
