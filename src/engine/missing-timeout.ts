import type { Operation } from '../model/operations';
import type { TableName } from '../model/operations';
import { blockingLockTarget, foreignKeyTargets, qualifiedName } from './operation-helpers';
import type { RuleContext, Visitor } from './rule';

/** A timeout of 0 (or unset) means "wait forever". */
function isTimeoutSet(value: string | undefined): boolean {
  return value !== undefined && !/^\s*0\s*(ms|s|min)?\s*$/i.test(value);
}

/**
 * Reports, once per file, the first operation that takes a blocking lock on an
 * existing table before the given timeout setting has been set.
 */
export function missingTimeoutVisitor(context: RuleContext, setting: 'lock_timeout' | 'statement_timeout'): Visitor {
  let reported = false;
  return {
    anyOperation(operation: Operation) {
      if (reported || isTimeoutSet(context.settings.get(setting))) return;
      // The table itself, or (for a foreign key on a new table) the existing table it references.
      const table = [blockingLockTarget(operation), ...foreignKeyTargets(operation)].find(
        (target): target is TableName => target !== undefined && target.name !== '' && !context.isNewTable(target),
      );
      if (!table) return;
      reported = true;
      context.report(operation, { table: qualifiedName(table) });
    },
  };
}
