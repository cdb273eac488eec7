import type { FrontendName } from '../model/file';
import type { Operation, TableName } from '../model/operations';
import { blockingLockTarget, blocksReadsOn, foreignKeyTargets, qualifiedName } from './operation-helpers';
import type { ByFrontend, RuleContext, Visitor } from './rule';
import { queriesWaitOn } from './runner-tables';

/** A timeout of 0 (or unset) means "wait forever". */
function isTimeoutSet(value: string | undefined): boolean {
  return value !== undefined && !/^\s*0\s*(ms|s|min)?\s*$/i.test(value);
}

/**
 * Reports, once per file, the first operation that takes a blocking lock on an
 * existing table before the given timeout setting has been set, with how many
 * more such operations the file holds.
 */
export function missingTimeoutVisitor(context: RuleContext, setting: 'lock_timeout' | 'statement_timeout'): Visitor {
  let first: { operation: Operation; table: TableName; ofIndex: boolean } | undefined;
  let others = 0;
  return {
    anyOperation(operation: Operation) {
      if (isTimeoutSet(context.settings.get(setting))) return;
      // The table itself, or (for a foreign key on a new table) the existing table it references.
      const locked = lockedTable(operation, context);
      const table = [locked.table, ...foreignKeyTargets(operation)].find(
        (target): target is TableName => target !== undefined && queriesWaitOn(target, (table) => context.isNewTable(table)),
      );
      if (!table) return;
      if (first) others++;
      else first = { operation, table, ofIndex: table === locked.table && locked.ofIndex };
    },
    endOfFile() {
      if (!first) return;
      const writesOnly = blocksReadsOn(first.operation, first.table) ? {} : { writesOnly: true };
      context.report(first.operation, { table: qualifiedName(first.table), others, ...writesOnly, ...(first.ofIndex ? { ofIndex: true } : {}) });
    },
  };
}

/**
 * DROP INDEX and REINDEX INDEX name an index: the lock is on its table, where the replayed schema knows it;
 * where it does not, the index's name stands for it (`ofIndex`: the message then says the table of that index).
 */
function lockedTable(operation: Operation, context: RuleContext): { table?: TableName; ofIndex: boolean } {
  const target = blockingLockTarget(operation);
  const namesIndex = operation.kind === 'dropIndex' || (operation.kind === 'reindex' && operation.targetKind === 'index');
  const table = target && namesIndex ? context.schema.index(target)?.table : undefined;
  return table ? { table, ofIndex: false } : { table: target, ofIndex: namesIndex && target !== undefined };
}

/** What the lock is on, as the messages name it. */
export function lockedRelation({ table, ofIndex }: { table?: string; ofIndex?: boolean }): string {
  return ofIndex ? `the table of index "${table}"` : `"${table}"`;
}

/** ` (and N more in this file)`, for a finding reported once per file. */
export function othersClause(others: number | undefined): string {
  return others ? ` (and ${others} more in this file)` : '';
}

/** How a session setting is made in each front-end's migrations, and where it goes. */
const SETTING_STATEMENT: ByFrontend<{ code: (statement: string) => string; where: string }> = {
  sql: { code: (statement) => `${statement};`, where: 'at the top of the migration' },
  knex: { code: (statement) => `await knex.raw("${statement}")`, where: 'at the start of up()' },
  typeorm: { code: (statement) => `await queryRunner.query("${statement}")`, where: 'at the start of up()' },
  django: { code: (statement) => `migrations.RunSQL("${statement}")`, where: "as the first of the migration's operations" },
};

/** The help for a missing timeout, written in the file's own language. */
export function timeoutHelp(frontend: FrontendName, statement: string, retry: string): string {
  const { code, where } = SETTING_STATEMENT[frontend];
  return `Put ${code(statement)} ${where}${retry}`;
}
