/**
 * PostgreSQL's table-level lock modes, by the names `pg_locks` uses, weakest
 * first, and what each one stops the application from doing while it is held
 * (or waited for).
 */
export const LOCK_MODES = [
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock',
] as const;

export type LockMode = (typeof LOCK_MODES)[number];

/** What a lock blocks, from the application's side: its SELECTs (reads), its INSERT/UPDATE/DELETE (writes), or only other DDL and VACUUM. */
export type Blocked = 'reads and writes' | 'writes' | 'schema changes' | 'nothing';

const BLOCKED: Record<LockMode, Blocked> = {
  AccessShareLock: 'nothing',
  RowShareLock: 'nothing',
  RowExclusiveLock: 'nothing',
  ShareUpdateExclusiveLock: 'schema changes',
  ShareLock: 'writes',
  ShareRowExclusiveLock: 'writes',
  ExclusiveLock: 'writes',
  AccessExclusiveLock: 'reads and writes',
};

export function blockedBy(mode: LockMode): Blocked {
  return BLOCKED[mode];
}

/** Whether the application's reads or writes wait for this lock. */
export function blocksApplication(mode: LockMode): boolean {
  const blocked = BLOCKED[mode];
  return blocked === 'reads and writes' || blocked === 'writes';
}

export function isLockMode(text: string): text is LockMode {
  return (LOCK_MODES as readonly string[]).includes(text);
}

/** The stronger of two modes (in PostgreSQL's order of strength). */
export function strongerMode(a: LockMode, b: LockMode): LockMode {
  return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}

/** `ShareRowExclusiveLock` → `SHARE ROW EXCLUSIVE`, as the documentation and LOCK TABLE spell it. */
export function lockModeWords(mode: LockMode): string {
  return mode
    .replace(/Lock$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
}
