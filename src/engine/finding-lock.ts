import { blockedBy } from '../model/locks';
import { type Operation, qualifiedName } from '../model/operations';
import type { FindingLock } from './finding';
import type { LockClaim, LockedRelation, Subject } from './rule';

/** The claims that apply to a flagged operation: those whose operation and constraint kinds match. */
export function claimsFor(claims: readonly LockClaim[], operation: Operation): LockClaim[] {
  return claims.filter(
    (claim) =>
      (!claim.operations || claim.operations.includes(operation.kind)) &&
      (!claim.constraints || (operation.kind === 'addConstraint' && claim.constraints.includes(operation.constraint.kind))),
  );
}

/**
 * What a finding states about its lock: the rule's claim, on the relation the operation names.
 * A possible rewrite is stated for certain (or not at all) where the finding knows (the column's old type).
 */
export function findingLock(claims: readonly LockClaim[] | undefined, operation: Operation | undefined, subject?: Subject): FindingLock | undefined {
  if (!claims || !operation) return undefined;
  for (const claim of claimsFor(claims, operation)) {
    // DROP INDEX names no table: the rule says which, where the replayed schema knows.
    const relations = claim.on.map((on) => (on === 'table' && operation.kind === 'dropIndex' ? subject?.table : relationName(operation, on)));
    // Where the lock falls on several tables, the one the finding names (the existing table a new one references).
    const relation = subject?.table !== undefined && relations.includes(subject.table) ? subject.table : relations.find((name) => name !== undefined);
    if (relation === undefined) continue;
    const lock: FindingLock = { mode: claim.mode, relation, blocks: blockedBy(claim.mode) };
    const rewrite = claim.rewrite === 'possible' && subject?.rewrite !== undefined ? subject.rewrite : claim.rewrite;
    if (rewrite !== false) lock.rewrite = rewrite;
    return lock;
  }
  return undefined;
}

/** The name of the relation a claim is about, as the operation spells it; undefined when the operation does not say. */
export function relationName(operation: Operation, on: LockedRelation): string | undefined {
  switch (on) {
    case 'table':
      if (operation.kind === 'dropTable' || operation.kind === 'truncate') return operation.tables[0] && qualifiedName(operation.tables[0]);
      if (operation.kind === 'reindex') return operation.targetKind === 'table' ? operation.target : undefined;
      if (operation.kind === 'createTable') return undefined; // a new table: the claim is about the table it references
      return 'table' in operation ? qualifiedName(operation.table) : undefined;
    case 'referencedTable': {
      const referenced =
        operation.kind === 'addConstraint'
          ? operation.constraint.references?.table
          : operation.kind === 'addColumn'
            ? operation.column.references?.table
            : operation.kind === 'createTable'
              ? (operation.columns.find((column) => column.references)?.references?.table ??
                operation.constraints.find((constraint) => constraint.references)?.references?.table)
              : undefined;
      return referenced && qualifiedName(referenced);
    }
    case 'index':
      if (operation.kind === 'dropIndex') return operation.names[0] && qualifiedName(operation.names[0]);
      if (operation.kind === 'reindex') return operation.targetKind === 'index' ? operation.target : undefined;
      if (operation.kind === 'createIndex') return operation.name;
      return undefined;
  }
}
