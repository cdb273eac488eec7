import type { Operation } from '../model/operations';
import { blockingLockTarget, qualifiedName } from './operation-helpers';
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
      const table = blockingLockTarget(operation);
      if (!table || context.isNewTable(table)) return;
      reported = true;
      context.report(operation, { table: qualifiedName(table) });
    },
  };
}
