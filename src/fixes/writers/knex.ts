import type { SuggestedAction } from '../../engine/suggestion';
import type { ColumnDefinition, ColumnType, Operation, TableName } from '../../model/operations';
import { actionSql } from '../action-sql';
import type { KnexFacts } from '../file-facts';
import { indent, jsString } from '../literals';
import { PLAIN, placeholder } from '../sql-text';
import type { LanguageWriter, PlacedStep, WriteContext } from './writer';

/**
 * Knex: schema-builder calls where Knex has them, `knex.raw` where it does not
 * (CONCURRENTLY, NOT VALID, VALIDATE, views, settings), in the file's module style.
 */
export const knexWriter: LanguageWriter<KnexFacts> = {
  action(action, step, context) {
    const native = context.flaggedSql === undefined || action.kind === 'statement' || action.kind === 'addColumnLike' ? builderCode(action, context) : undefined;
    if (native) return [native];
    const sql = actionSql(action, { operation: context.operation, flaggedSql: context.flaggedSql, style: PLAIN });
    return sql?.map((statement) => raw(context.facts.subject, statement));
  },
  inThisMigration(code, step, context) {
    if (!step.transactionOff) return code.join('\n');
    return migrationFile(context.facts, code, undefined, true);
  },
  newMigration(code, reverse, step, context) {
    return migrationFile(context.facts, code, reverse.map((sql) => raw(context.facts.subject, sql)), step.transactionOff);
  },
};

/** `await knex.raw('…');`: `?` is a binding in Knex's raw SQL, so a literal one is escaped. */
export function raw(subject: string, sql: string): string {
  return `await ${subject}.raw(${jsString(sql.replace(/\?/g, '\\?'))});`;
}

function migrationFile(facts: KnexFacts, up: string[], down: string[] | undefined, transactionOff: boolean): string {
  const subject = facts.subject;
  const body = (lines: string[]) => indent(lines.join('\n'), '  ');
  const config = transactionOff ? [facts.module === 'commonjs' ? 'exports.config = { transaction: false };' : 'export const config = { transaction: false };', ''] : [];
  const fn = (name: string, lines: string[]) => {
    const inner = lines.length > 0 ? `${body(lines)}\n` : '';
    if (facts.module === 'commonjs') return `exports.${name} = async (${subject}) => {\n${inner}};`;
    if (facts.module === 'typescript') return `export async function ${name}(${subject}: Knex): Promise<void> {\n${inner}}`;
    return `export async function ${name}(${subject}) {\n${inner}}`;
  };
  const parts = [...(facts.module === 'typescript' ? ["import type { Knex } from 'knex';", ''] : []), ...config, fn('up', up)];
  if (down) parts.push('', fn('down', down));
  return parts.join('\n');
}

const tableArgument = (table: TableName) => jsString(table.schema ? `${table.schema}.${table.name}` : table.name);

function alterTable(subject: string, table: TableName, calls: string[]): string {
  return `await ${subject}.schema.alterTable(${tableArgument(table)}, (table) => {\n${indent(calls.join('\n'), '  ')}\n});`;
}

/** The action as schema-builder calls, when Knex has a builder for it. */
function builderCode(action: SuggestedAction, context: WriteContext<KnexFacts>): string | undefined {
  const subject = context.facts.subject;
  if (action.kind === 'addColumnLike') {
    const column = action.type ? columnBuilder({ name: action.column, type: action.type, notNull: false, primaryKey: false, unique: false, hasCheck: false }, subject) : `table.specificType(${jsString(action.column)}, ${jsString(placeholder(`type of ${action.like}`))});`;
    return column && alterTable(subject, action.table, [column]);
  }
  const operation: Operation | undefined = action.kind === 'statement' || action.kind === 'edit' ? action.operation : action.kind === 'flagged' ? context.operation : undefined;
  if (!operation) return undefined;
  switch (operation.kind) {
    case 'dropColumn':
      return alterTable(subject, operation.table, [`table.dropColumn(${jsString(operation.column)});`]);
    case 'setNotNull':
      return alterTable(subject, operation.table, [`table.dropNullable(${jsString(operation.column)});`]);
    case 'dropNotNull':
      return alterTable(subject, operation.table, [`table.setNullable(${jsString(operation.column)});`]);
    case 'renameTable':
      return `await ${subject}.schema.renameTable(${tableArgument(operation.table)}, ${jsString(operation.newName)});`;
    case 'dropTable':
      return operation.tables.length === 1 && !operation.cascade ? `await ${subject}.schema.${operation.ifExists ? 'dropTableIfExists' : 'dropTable'}(${tableArgument(operation.tables[0])});` : undefined;
    case 'addColumn': {
      const column = columnBuilder(operation.column, subject);
      return column && alterTable(subject, operation.table, [column]);
    }
    case 'createIndex':
      if (operation.concurrently || operation.columns.length === 0) return undefined;
      return alterTable(subject, operation.table, [`table.${operation.unique ? 'unique' : 'index'}(${JSON.stringify(operation.columns).replace(/"/g, "'")}${operation.name ? `, ${jsString(operation.name)}` : ''});`]);
    default:
      return undefined;
  }
}

/** Knex's builders for PostgreSQL's types; others are `specificType`. */
function typeBuilder(name: string, type: ColumnType): string {
  const quoted = jsString(name);
  const [first, second] = type.modifiers;
  if (type.isArray) return `specificType(${quoted}, ${jsString(`${type.name}[]`)})`;
  switch (type.name) {
    case 'int2':
      return `smallint(${quoted})`;
    case 'int4':
      return `integer(${quoted})`;
    case 'int8':
      return `bigInteger(${quoted})`;
    case 'text':
      return `text(${quoted})`;
    case 'varchar':
      return first !== undefined ? `string(${quoted}, ${first})` : `specificType(${quoted}, 'varchar')`;
    case 'bool':
      return `boolean(${quoted})`;
    case 'uuid':
      return `uuid(${quoted})`;
    case 'timestamptz':
      return `timestamp(${quoted})`;
    case 'timestamp':
      return `timestamp(${quoted}, { useTz: false })`;
    case 'date':
      return `date(${quoted})`;
    case 'jsonb':
      return `jsonb(${quoted})`;
    case 'json':
      return `json(${quoted})`;
    case 'numeric':
      return first !== undefined ? `decimal(${quoted}, ${first}${second !== undefined ? `, ${second}` : ''})` : `decimal(${quoted})`;
    case 'float8':
      return `double(${quoted})`;
    default:
      return `specificType(${quoted}, ${jsString(type.modifiers.length > 0 ? `${type.name}(${type.modifiers.join(', ')})` : type.name)})`;
  }
}

function columnBuilder(column: ColumnDefinition, subject: string): string | undefined {
  if (!column.type) return undefined;
  const parts = [`table.${typeBuilder(column.name, column.type)}`];
  if (column.notNull) parts.push('notNullable()');
  if (column.default) {
    if (column.default.sql === undefined) return undefined;
    parts.push(`defaultTo(${subject}.raw(${jsString(column.default.sql)}))`);
  }
  if (column.unique) parts.push('unique()');
  if (column.primaryKey) parts.push('primary()');
  if (column.references) {
    const target = column.references;
    parts.push(`references(${jsString(target.columns[0] ?? 'id')})`, `inTable(${tableArgument(target.table)})`);
    if (target.onDelete) parts.push(`onDelete(${jsString(target.onDelete)})`);
    if (target.onUpdate) parts.push(`onUpdate(${jsString(target.onUpdate)})`);
  }
  return `${parts.join('.')};`;
}

export type { PlacedStep };
