import type { StatementEdit, SuggestedAction } from '../engine/suggestion';
import type { Operation } from '../model/operations';
import { columnPartText, editStatement } from './sql-edits';
import { type SqlStyle, backfillSql, ident, operationSql, placeholder, tableSql, typeSql, valueSql } from './sql-text';

/** What the SQL of an action depends on besides the action. */
export interface ActionSqlContext {
  /** The flagged operation. */
  operation: Operation;
  /** The flagged statement as written, when it was SQL (a file, knex.raw, queryRunner.query, RunSQL). */
  flaggedSql?: string;
  style: SqlStyle;
}

/** An action as SQL statements (without semicolons); undefined when the model does not say enough to write it. */
export function actionSql(action: SuggestedAction, context: ActionSqlContext): string[] | undefined {
  const { style } = context;
  switch (action.kind) {
    case 'flagged': {
      const sql = context.flaggedSql ?? operationSql(context.operation, style);
      return sql === undefined ? undefined : [sql];
    }
    case 'edit': {
      const edited = context.flaggedSql !== undefined ? editStatement(context.flaggedSql, action.edit, context.operation) : undefined;
      const sql = edited ?? operationSql(completed(action.operation, context), style);
      return sql === undefined ? undefined : [sql];
    }
    case 'statement': {
      const sql = operationSql(completed(action.operation, context), style);
      return sql === undefined ? undefined : [sql];
    }
    case 'backfill':
      return [backfillSql(action.table, action.column, action.value, style)];
    case 'addColumnLike': {
      const type = action.type ? typeSql(action.type) : placeholder(`type of ${action.like}`);
      return [`ALTER TABLE ${tableSql(action.table, style)} ADD COLUMN ${ident(action.column, style)} ${type}`];
    }
    case 'createView':
      return [`CREATE VIEW ${tableSql(action.view, style)} AS SELECT * FROM ${tableSql(action.table, style)}`];
    case 'dropView':
      return [`DROP VIEW ${tableSql(action.view, style)}`];
    case 'setting':
      // A session setting: it holds whether or not a transaction is around (SET LOCAL would do nothing outside one).
      return [`SET ${action.name} = ${action.value}`];
    case 'transactionOff':
    case 'stateOnly':
      return [];
  }
}

/** The DEFAULT the flagged statement gives a column: as written in its SQL, or as the model has it. */
function defaultOf(context: ActionSqlContext, column: string): string | undefined {
  const { operation } = context;
  if (context.flaggedSql !== undefined) return columnPartText(context.flaggedSql, column, 'default');
  return operation.kind === 'addColumn' && operation.column.name === column ? operation.column.default?.sql : undefined;
}

/** A SET DEFAULT whose expression the model lacks takes it from the flagged statement. */
function completed(operation: Operation, context: ActionSqlContext): Operation {
  if (operation.kind !== 'setDefault' || !operation.default || operation.default.sql !== undefined) return operation;
  const sql = defaultOf(context, operation.column);
  return sql === undefined ? operation : { ...operation, default: { ...operation.default, sql } };
}

/** The model's side of an edit that brings a value the rule could not write as SQL (a placeholder). */
export function modelAfter(edit: StatementEdit, operation: Operation): Operation {
  if (edit.kind !== 'columnDefault' || operation.kind !== 'addColumn') return operation;
  return { ...operation, column: { ...operation.column, default: { kind: 'constant', sql: valueSql(edit.value) } } };
}

/** What undoes an action, for the down() of a new Knex or TypeORM migration; undefined when nothing simple does. */
export function reverseSql(action: SuggestedAction, context: ActionSqlContext): string | undefined {
  const { style } = context;
  const operation = action.kind === 'edit' || action.kind === 'statement' ? action.operation : action.kind === 'flagged' ? context.operation : undefined;
  switch (action.kind) {
    case 'addColumnLike':
      return `ALTER TABLE ${tableSql(action.table, style)} DROP COLUMN IF EXISTS ${ident(action.column, style)}`;
    case 'createView':
      return `DROP VIEW IF EXISTS ${tableSql(action.view, style)}`;
    case 'dropView':
      return `CREATE VIEW ${tableSql(action.view, style)} AS SELECT * FROM ${tableSql(context.operation.kind === 'renameTable' ? { ...context.operation.table, name: context.operation.newName } : action.view, style)}`;
    default:
      break;
  }
  if (!operation) return undefined;
  switch (operation.kind) {
    case 'createIndex':
      return operation.name ? `DROP INDEX ${operation.concurrently ? 'CONCURRENTLY ' : ''}IF EXISTS ${ident(operation.name, style)}` : undefined;
    case 'addConstraint':
      return operation.constraint.name ? `ALTER TABLE ${tableSql(operation.table, style)} DROP CONSTRAINT IF EXISTS ${ident(operation.constraint.name, style)}` : undefined;
    case 'addColumn':
      return `ALTER TABLE ${tableSql(operation.table, style)} DROP COLUMN IF EXISTS ${ident(operation.column.name, style)}`;
    case 'setNotNull':
      return `ALTER TABLE ${tableSql(operation.table, style)} ALTER COLUMN ${ident(operation.column, style)} DROP NOT NULL`;
    default:
      return undefined;
  }
}
