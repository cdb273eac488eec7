import { type LockMode, strongerMode } from '../model/locks';
import type { ConstraintDefinition, Operation, OperationOf, TableName } from '../model/operations';
import { claimsFor } from './finding-lock';
import { BLOCKING_STATEMENT_LOCKS } from './statement-locks';
import { objectName } from './object-names';
import type { StatementEdit, SuggestedAction, SuggestedStep } from './suggestion';

/** Small builders for the recipes of rules: the statements they share, in the model's terms. */

type Place = Pick<Operation, 'location' | 'anchorLine'>;

const placeOf = (operation: Operation): Place => ({ location: operation.location, anchorLine: operation.anchorLine });

export function edit(operation: Operation, statementEdit: StatementEdit, changed: Operation): SuggestedAction {
  return { kind: 'edit', edit: statementEdit, operation: changed };
}

export function statement(operation: Operation): SuggestedAction {
  return { kind: 'statement', operation };
}

export function validate(from: Operation, table: TableName, name: string): SuggestedAction {
  return statement({ kind: 'validateConstraint', ...placeOf(from), table, name });
}

/** `completes`: with this constraint the database has what the flagged statement was for. */
export function addConstraint(from: Operation, table: TableName, constraint: ConstraintDefinition, completes = false): SuggestedAction {
  const action: SuggestedAction = { kind: 'statement', operation: { kind: 'addConstraint', ...placeOf(from), table, constraint } };
  return completes ? { ...action, completes } : action;
}

export function dropConstraint(from: Operation, table: TableName, name: string, ifExists = false): SuggestedAction {
  return statement({ kind: 'dropConstraint', ...placeOf(from), table, name, ifExists });
}

/** The flagged statement with CONCURRENTLY, in a migration without a transaction. */
export function concurrently(operation: OperationOf<'createIndex' | 'dropIndex' | 'reindex' | 'detachPartition'>): SuggestedStep {
  return {
    migration: 'this',
    outsideTransaction: true,
    lock: 'ShareUpdateExclusiveLock',
    ...(operation.kind === 'detachPartition' ? { lockOn: ['table' as const] } : {}),
    actions: [edit(operation, { kind: 'concurrently' }, { ...operation, concurrently: true })],
  };
}

/** The lock a statement takes on existing tables (the strongest), as the rules declare it; undefined when it takes none that blocks. */
export function lockTakenBy(operation: Operation): LockMode | undefined {
  const concurrent = (operation.kind === 'createIndex' || operation.kind === 'dropIndex' || operation.kind === 'reindex' || operation.kind === 'detachPartition') && operation.concurrently;
  if (concurrent) return 'ShareUpdateExclusiveLock';
  const modes = claimsFor(BLOCKING_STATEMENT_LOCKS, operation).map((claim) => claim.mode);
  return modes.length > 0 ? modes.reduce(strongerMode) : undefined;
}

/**
 * NOT NULL without the long lock (PostgreSQL 12+): a CHECK (col IS NOT NULL) added
 * NOT VALID, validated in the next migration (a weaker lock that lets traffic
 * go on), then SET NOT NULL, which the validated check spares its scan, and the
 * check dropped. `setNotNull` is the statement that sets it (the flagged one, or a new one).
 */
export function notNullSteps(from: Operation, table: TableName, column: string, setNotNull: SuggestedAction, first: 'this' | 'next' = 'this'): SuggestedStep[] {
  const name = objectName(table, [column], 'not_null_check');
  const check: ConstraintDefinition = { kind: 'check', name, columns: [column], notValid: true, checksNotNullOf: column };
  return [
    { migration: first, lock: 'AccessExclusiveLock', actions: [addConstraint(from, table, check)] },
    {
      migration: first === 'this' ? 'next' : 'later',
      lock: 'AccessExclusiveLock',
      actions: [validate(from, table, name), setNotNull, dropConstraint(from, table, name)],
    },
  ];
}

export function setNotNull(from: Operation, table: TableName, column: string): SuggestedAction {
  return statement({ kind: 'setNotNull', ...placeOf(from), table, column });
}
