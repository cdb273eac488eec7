import type { Finding, FindingLock } from '../engine/finding';
import type { Severity } from '../engine/rule';
import { blockedBy, blocksApplication } from '../model/locks';
import type { TracedLock, TracedStatement } from './run-trace';

/** Ids of trace findings that no lint rule matches. */
export const TRACE_RULES = {
  'blocking-lock': 'A statement took a lock that blocks reads or writes on a table that existed before the migration.',
  'table-rewrite': 'A statement rewrote a table that existed before the migration.',
  'statement-error': 'PostgreSQL rejected a statement of the migration.',
} as const;

const HELP: Record<keyof typeof TRACE_RULES, string> = {
  'blocking-lock': "Keep the lock short (SET lock_timeout = '2s'; and retry), or use a form that takes a weaker lock.",
  'table-rewrite': 'Use a form of the change that does not rewrite the table (see the rule for it), or run it in a maintenance window.',
  'statement-error': 'Fix the statement: the migration fails here on a database at this point of the history.',
};

/**
 * What a traced statement is reported for, so CI can gate on trace: a lock that blocks
 * reads or writes on an existing table, a rewrite, a failure. Where a lint rule flags the
 * same statement and its claim matches what was seen, the finding carries that rule's id
 * and severity; otherwise a trace id, as a warning (an error for a failure).
 */
export function traceFindings(file: string, statement: TracedStatement, lintFindings: readonly Finding[]): Finding[] {
  const place = { file, line: statement.location.line, column: statement.location.column, endLine: statement.location.endLine, endColumn: statement.location.endColumn };
  if (statement.error) {
    return [{ rule: 'statement-error', severity: 'error', ...place, message: `PostgreSQL rejected the statement: ${statement.error}.`, help: HELP['statement-error'], docs: 'migralint trace --help' }];
  }
  const blocking = statement.locks.filter((lock) => lock.table && blocksApplication(lock.mode));
  const rewrites = statement.rewrites;
  if (blocking.length === 0 && rewrites.length === 0) return [];
  const observed = strongest(blocking);
  const lock: FindingLock | undefined = observed && { mode: observed.mode, relation: observed.relation, blocks: blockedBy(observed.mode) };
  if (lock && rewrites.includes(lock.relation)) lock.rewrite = true;
  const words = [lock && `takes ${lock.mode} on "${lock.relation}" (blocks ${lock.blocks})`, rewrites.length > 0 && `rewrites ${rewrites.map((name) => `"${name}"`).join(', ')}`].filter(Boolean).join(' and ');
  const ops = new Set(statement.planned.operations.map((operation) => `${operation.location.line}:${operation.location.column}`));
  const matching = lintFindings.filter(
    (finding) =>
      ops.has(`${finding.line}:${finding.column}`) &&
      finding.lock !== undefined &&
      (statement.locks.some((seen) => seen.mode === finding.lock?.mode) || (finding.lock.rewrite !== undefined && rewrites.length > 0)),
  );
  const withLock = (finding: Omit<Finding, 'lock'>): Finding => (lock ? { ...finding, lock } : finding);
  if (matching.length > 0) {
    return matching.map((finding) => withLock({ rule: finding.rule, severity: finding.severity, ...place, message: `This statement ${words}. ${finding.message}`, help: finding.help, docs: finding.docs }));
  }
  const rule = lock ? 'blocking-lock' : 'table-rewrite';
  const severity: Severity = 'warning';
  return [withLock({ rule, severity, ...place, message: `This statement ${words}.`, help: HELP[rule], docs: 'migralint trace --help' })];
}

function strongest(locks: readonly TracedLock[]): TracedLock | undefined {
  const order = ['ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'];
  return [...locks].sort((a, b) => order.indexOf(b.mode) - order.indexOf(a.mode))[0];
}
