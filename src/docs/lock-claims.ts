import type { LockClaim, RuleDefinition } from '../engine/rule';
import { LOCKS_VERIFIED_ON } from '../engine/verified-on';
import { blockedBy } from '../model/locks';

const RELATION_WORDS = { table: 'the table', referencedTable: 'the referenced table', index: 'the index' } as const;

/** The rule's verified lock claims, one line each, and where they were verified. */
export function lockSection(rule: RuleDefinition): string {
  const claims = rule.meta.locks ?? [];
  if (claims.length === 0) return '';
  const lines = claims.map((claim) => `  ${claimWords(claim)}`);
  const safe = rule.meta.safeLock;
  if (safe) {
    const most = safe.mode ? `at most ${safe.mode} (blocks ${blockedBy(safe.mode)})${safe.on ? ` on ${safe.on.map((relation) => RELATION_WORDS[relation]).join(' and ')}` : ''}` : 'a lock of any mode';
    lines.push(`  the safe forms (not flagged): ${most}, no rewrite`);
  }
  return `Lock (verified on ${LOCKS_VERIFIED_ON.pglite} and ${LOCKS_VERIFIED_ON.server}):\n${lines.join('\n')}`;
}

function claimWords(claim: LockClaim): string {
  const which = claim.operations ? `${claim.operations.join(', ')}${claim.constraints ? ` (${claim.constraints.join(', ')})` : ''}: ` : '';
  const on = claim.on.map((relation) => RELATION_WORDS[relation]).join(' and ');
  const rewrite = claim.rewrite === true ? 'rewrites the table' : claim.rewrite === 'possible' ? 'may rewrite the table (depends on the old type)' : 'no rewrite';
  const held = claim.held === 'transaction' ? ' (held by its transaction from an earlier statement)' : '';
  return `${which}${claim.mode} on ${on}${held}, blocks ${blockedBy(claim.mode)}; ${rewrite}`;
}
