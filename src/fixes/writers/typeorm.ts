import type { SuggestedAction } from '../../engine/suggestion';
import type { ColumnDefinition, Operation, TableName } from '../../model/operations';
import { actionSql } from '../action-sql';
import type { TypeormFacts } from '../file-facts';
import { indent, jsString } from '../literals';
import type { LanguageWriter, WriteContext } from './writer';

/** TypeORM's generated migrations quote every identifier: new SQL is written the same way. */
const QUOTED = { quoteAll: true };

const TRANSACTION_OFF = "transaction = false; // TypeORM honours it with migrationsTransactionMode: 'each' in the data source";

/**
 * TypeORM: `queryRunner.query(…)` for SQL, or the QueryRunner API for what it
 * has (indexes with `isConcurrent`, columns, tables) in files that use it.
 */
export const typeormWriter: LanguageWriter<TypeormFacts> = {
  action(action, step, context) {
    const native = context.flaggedSql === undefined && usesApi(context.facts) ? apiCode(action, context) : undefined;
    if (native) return [native];
    const sql = actionSql(action, { operation: context.operation, flaggedSql: context.flaggedSql, style: QUOTED});
    return sql?.map((statement) => query(context.facts.subject, statement));
  },
  inThisMigration(code, step, context) {
    if (!step.transactionOff) return code.join('\n');
    const { facts } = context;
    return migrationClass(facts, `${facts.className}${facts.timestamp}`, code, undefined, true);
  },
  newMigration(code, reverse, step, context) {
    const { facts } = context;
    const name = `${facts.className}${step.slot === 'later' ? 'Later' : 'Next'}${facts.timestamp + step.newMigration}`;
    const imports = ['MigrationInterface', 'QueryRunner', ...['TableIndex', 'TableColumn'].filter((name) => code.some((line) => line.includes(`new ${name}(`)))];
    const header = facts.module === 'commonjs' ? [] : [`import { ${imports.join(', ')} } from 'typeorm';`, ''];
    return [...header, migrationClass(facts, name, code, reverse.map((sql) => query(facts.subject, sql)), step.transactionOff)].join('\n');
  },
};

export function query(subject: string, sql: string): string {
  return `await ${subject}.query(${jsString(sql, true)});`;
}

/** A file that calls the QueryRunner API (createIndex, addColumn, …) rather than only `query`. */
function usesApi(facts: TypeormFacts): boolean {
  return /\.(createIndex|createTable|dropTable|renameTable|addColumns?|dropColumns?|createForeignKeys?|changeColumns?|dropIndex|renameColumn|createCheckConstraint|createUniqueConstraint|createPrimaryKey)\s*\(/.test(facts.source);
}

function migrationClass(facts: TypeormFacts, name: string, up: string[], down: string[] | undefined, transactionOff: boolean): string {
  const typed = facts.module === 'typescript';
  const subject = facts.subject;
  const method = (methodName: string, lines: string[]) => {
    const signature = typed ? `public async ${methodName}(${subject}: QueryRunner): Promise<void>` : `async ${methodName}(${subject})`;
    return `${signature} {\n${lines.length > 0 ? `${indent(lines.join('\n'), '  ')}\n` : ''}}`;
  };
  const members = [...(transactionOff ? [TRANSACTION_OFF] : []), method('up', up), ...(down ? [method('down', down)] : [])];
  const body = indent(members.join('\n\n'), '  ');
  if (facts.module === 'commonjs') return `module.exports = class ${name} {\n${body}\n};`;
  return `export class ${name}${typed ? ' implements MigrationInterface' : ''} {\n${body}\n}`;
}

/** A column as TypeORM's TableColumn: a string default is SQL; NOT NULL unless `isNullable`. */
function tableColumn(column: ColumnDefinition): string | undefined {
  if (!column.type || column.references || column.generated || (column.default && column.default.sql === undefined)) return undefined;
  const { name, modifiers, isArray } = column.type;
  const options = [`name: ${jsString(column.name)}`, `type: ${jsString(TYPE_WORDS[name] ?? name)}`];
  if (modifiers.length > 0 && (name === 'varchar' || name === 'bpchar')) options.push(`length: ${jsString(String(modifiers[0]))}`);
  else if (modifiers.length > 0 && name === 'numeric') options.push(`precision: ${modifiers[0]}`, ...(modifiers[1] !== undefined ? [`scale: ${modifiers[1]}`] : []));
  else if (modifiers.length > 0) return undefined;
  if (isArray) options.push('isArray: true');
  if (!column.notNull) options.push('isNullable: true');
  if (column.default?.sql !== undefined) options.push(`default: ${jsString(column.default.sql)}`);
  if (column.unique) options.push('isUnique: true');
  if (column.primaryKey) options.push('isPrimary: true');
  return `new TableColumn({ ${options.join(', ')} })`;
}

/** PostgreSQL's internal type names as TypeORM's column types. */
const TYPE_WORDS: Record<string, string> = { int2: 'smallint', int4: 'integer', int8: 'bigint', float4: 'real', float8: 'double precision', bool: 'boolean', bpchar: 'char' };

const tableArgument = (table: TableName) => jsString(table.schema ? `${table.schema}.${table.name}` : table.name);

function apiCode(action: SuggestedAction, context: WriteContext<TypeormFacts>): string | undefined {
  const subject = context.facts.subject;
  const operation: Operation | undefined = action.kind === 'statement' || action.kind === 'edit' ? action.operation : action.kind === 'flagged' ? context.operation : undefined;
  if (!operation) return undefined;
  switch (operation.kind) {
    case 'createIndex': {
      if (!operation.name || operation.columns.length === 0) return undefined;
      const options = [`name: ${jsString(operation.name)}`, `columnNames: [${operation.columns.map((column) => jsString(column)).join(', ')}]`];
      if (operation.unique) options.push('isUnique: true');
      if (operation.concurrently) options.push('isConcurrent: true');
      return `await ${subject}.createIndex(${tableArgument(operation.table)}, new TableIndex({ ${options.join(', ')} }));`;
    }
    case 'dropColumn':
      return `await ${subject}.dropColumn(${tableArgument(operation.table)}, ${jsString(operation.column)});`;
    case 'addColumn': {
      const column = tableColumn(operation.column);
      return column && `await ${subject}.addColumn(${tableArgument(operation.table)}, ${column});`;
    }
    case 'dropTable':
      return operation.tables.length === 1 && !operation.cascade ? `await ${subject}.dropTable(${tableArgument(operation.tables[0])}${operation.ifExists ? ', true' : ''});` : undefined;
    case 'renameTable':
      return `await ${subject}.renameTable(${tableArgument(operation.table)}, ${jsString(operation.newName)});`;
    default:
      return undefined;
  }
}
