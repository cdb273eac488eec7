import { type Dialect, lowerOperation } from '../lowering';
import type { AnalyzedFile } from '../model/file';
import type { SourceSpan } from '../model/location';
import type { Operation } from '../model/operations';

/** One statement to run, where it is in the file, and the operations it performs. */
export interface PlannedStatement {
  location: SourceSpan;
  sql: string;
  operations: Operation[];
  /** How the SQL differs from what the ORM sends (lowered builder calls only). */
  approximation?: string;
  /** Why it cannot be run (a builder call whose SQL is not known statically). */
  notRun?: string;
}

/**
 * The statements a migration sends, in order: SQL statements as written (SQL files,
 * `knex.raw`, `queryRunner.query`), and builder calls lowered to the SQL their ORM sends.
 * The analysis must have been made with `keepStatementText`.
 */
export function planStatements(analyzed: AnalyzedFile): PlannedStatement[] {
  const planned: PlannedStatement[] = [];
  for (const operation of analyzed.operations) {
    const last = planned[planned.length - 1];
    if (operation.sql !== undefined) {
      // The operations of one statement (ALTER TABLE with several actions) share its text and place.
      const location = operation.sqlLocation ?? operation.location;
      if (last && last.sql === operation.sql && sameSpan(last.location, location) && last.operations[0].sql !== undefined) last.operations.push(operation);
      else planned.push({ location, sql: operation.sql, operations: [operation] });
      continue;
    }
    const lowered = lowerOperation(operation, analyzed.frontend as Dialect);
    if ('notLowered' in lowered) {
      planned.push({ location: operation.location, sql: '', operations: [operation], notRun: `not run: ${lowered.notLowered}` });
      continue;
    }
    for (const statement of lowered.statements) {
      planned.push({ location: operation.location, sql: statement.sql, operations: [operation], approximation: statement.approximation });
    }
  }
  return planned;
}

function sameSpan(a: SourceSpan, b: SourceSpan): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

/** `begin`, `commit` or `rollback` for a transaction-control statement. */
export function transactionAction(statement: PlannedStatement): 'begin' | 'commit' | 'rollback' | undefined {
  const [first] = statement.operations;
  return first?.kind === 'transaction' ? first.action : undefined;
}
