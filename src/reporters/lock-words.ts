import type { FindingLock } from '../engine/finding';

/** A finding's lock in words: `takes ShareLock on "orders": blocks writes`. */
export function lockWords(lock: FindingLock): string {
  const rewrite = lock.rewrite === true ? '; rewrites the table' : lock.rewrite === 'possible' ? '; may rewrite the table' : '';
  return `takes ${lock.mode} on "${lock.relation}": blocks ${lock.blocks}${rewrite}`;
}
