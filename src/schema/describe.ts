import type { ColumnDefault, TableName } from '../model/operations';
import type { SchemaCatalogue, SchemaColumn, SchemaConstraint, SchemaIndex, SchemaTable } from './catalogue';
import type { NotModelled } from './replay';
import { formatType } from './types';

/**
 * The replayed schema as `migralint schema` prints it: plain data (JSON,
 * version 1), and text like psql's `\d`. Pure: catalogue in, data or text out.
 */

export interface DescribedColumn {
  name: string;
  /** As PostgreSQL prints it (`character varying(255)`); null when the migration's front-end could not tell. */
  type: string | null;
  notNull: boolean;
  /** The default's SQL where the migration gave it; `nextval()` and the like name their function. */
  default: string | null;
  generated?: 'stored' | 'identity';
}

export interface DescribedIndex {
  name: string;
  /** True when no migration named it: PostgreSQL's choice of name, as the replay makes it. */
  nameChosen?: boolean;
  columns: string[];
  /** Columns used in the index's expressions. */
  expressionColumns?: string[];
  unique: boolean;
  partial: boolean;
  method?: string;
  /** The index of the primary key or UNIQUE constraint of the same name. */
  constraint?: boolean;
}

export interface DescribedConstraint {
  name: string;
  nameChosen?: boolean;
  kind: SchemaConstraint['kind'];
  columns: string[];
  validated: boolean;
  references?: { table: string; columns: string[] };
  /** A CHECK's expression, where the front-end kept its text. */
  expression?: string;
  /** The columns a CHECK's expression uses. */
  expressionColumns?: string[];
}

export interface DescribedTable {
  schema: string | null;
  name: string;
  /** Whether rows may be in it: `empty` when made by the replayed migrations and never filled by a query. */
  rows: 'empty' | 'filled' | 'existing';
  /** Not made by the replayed migrations: only what they did to it is known. */
  assumed?: boolean;
  /** Its columns may be more than those listed (made by `AS SELECT`, `LIKE`, or not made here). */
  columnsIncomplete?: boolean;
  partitioned?: boolean;
  partitionOf?: string;
  partitions?: string[];
  columns: DescribedColumn[];
  indexes: DescribedIndex[];
  constraints: DescribedConstraint[];
}

export interface DescribedSchema {
  schemas: string[];
  tables: DescribedTable[];
  types: Array<{ schema: string | null; name: string; kind: 'enum' | 'domain' | 'other'; values?: string[] }>;
  views: Array<{ schema: string | null; name: string; tables: string[]; columns: string[] }>;
  /** Statements that may change the schema in ways the model does not follow. */
  notModelled: NotModelled[];
}

const qualified = (name: TableName) => (name.schema ? `${name.schema}.${name.name}` : name.name);
const byName = <T extends { schema?: string; name: string }>(a: T, b: T) => qualified(a).localeCompare(qualified(b), 'en');

export function defaultText(value: ColumnDefault | undefined): string | null {
  if (!value) return null;
  if (value.sql !== undefined) return value.sql;
  return value.functionName ? `${value.functionName}()` : `(${value.kind})`;
}

function describeColumn(column: SchemaColumn): DescribedColumn {
  return {
    name: column.name,
    type: column.type ? formatType(column.type) : null,
    notNull: column.notNull,
    default: defaultText(column.default),
    ...(column.generated ? { generated: column.generated } : {}),
  };
}

function describeIndex(index: SchemaIndex): DescribedIndex {
  return {
    name: index.name,
    ...(index.nameGenerated ? { nameChosen: true } : {}),
    columns: index.columns,
    ...(index.expressionColumns.length > 0 ? { expressionColumns: index.expressionColumns } : {}),
    unique: index.unique,
    partial: index.partial,
    ...(index.method ? { method: index.method } : {}),
    ...(index.constraint ? { constraint: true } : {}),
  };
}

function describeConstraint(constraint: SchemaConstraint): DescribedConstraint {
  return {
    name: constraint.name,
    ...(constraint.nameGenerated ? { nameChosen: true } : {}),
    kind: constraint.kind,
    columns: constraint.columns,
    validated: constraint.validated,
    ...(constraint.references ? { references: { table: qualified(constraint.references.table), columns: constraint.references.columns } } : {}),
    ...(constraint.expression !== undefined ? { expression: constraint.expression } : {}),
    ...(constraint.expressionColumns && constraint.expressionColumns.length > 0 ? { expressionColumns: constraint.expressionColumns } : {}),
  };
}

function describeTable(table: SchemaTable): DescribedTable {
  return {
    schema: table.schema ?? null,
    name: table.name,
    rows: table.createdIn === 0 ? 'existing' : table.filled ? 'filled' : 'empty',
    ...(table.assumed ? { assumed: true } : {}),
    ...(table.columnsKnown ? {} : { columnsIncomplete: true }),
    ...(table.partitioned ? { partitioned: true } : {}),
    ...(table.parent ? { partitionOf: qualified(table.parent) } : {}),
    ...(table.partitions.length > 0 ? { partitions: table.partitions.map(qualified).sort() } : {}),
    columns: table.columns.map(describeColumn),
    indexes: [...table.indexes].sort(byName).map(describeIndex),
    constraints: [...table.constraints].sort(byName).map(describeConstraint),
  };
}

export function describeSchema(catalogue: SchemaCatalogue, notModelled: readonly NotModelled[]): DescribedSchema {
  return {
    schemas: [...catalogue.schemas].sort(),
    tables: [...catalogue.tables].sort(byName).map(describeTable),
    types: [...catalogue.types].sort(byName).map((type) => ({ schema: type.schema ?? null, name: type.name, kind: type.kind, ...(type.enumValues ? { values: [...type.enumValues] } : {}) })),
    views: [...catalogue.views].sort(byName).map((view) => ({ schema: view.schema ?? null, name: view.name, tables: view.uses.tables.map(qualified), columns: view.uses.star ? ['*'] : view.uses.columns })),
    notModelled: [...notModelled],
  };
}

/** One table as `\d` shows it: a column table, then indexes and constraints. */
function tableText(table: DescribedTable): string[] {
  const title = `${table.partitioned ? 'Partitioned table' : 'Table'} "${table.schema ? `${table.schema}.` : ''}${table.name}"`;
  const notes = [table.assumed ? 'not created by these migrations' : '', table.columnsIncomplete ? 'may have columns not listed' : '', table.rows === 'filled' ? 'filled by a query' : ''].filter(Boolean);
  const rows = table.columns.map((column) => [column.name, column.type ?? '?', column.notNull ? 'not null' : '', column.default ?? (column.generated === 'identity' ? 'generated as identity' : '')]);
  const lines = [`${title}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`, ...grid(['Column', 'Type', 'Nullable', 'Default'], rows)];
  const indexes = table.indexes.map((index) => {
    const kind = index.constraint ? (table.constraints.find((constraint) => constraint.name === index.name)?.kind === 'primaryKey' ? ' PRIMARY KEY,' : ' UNIQUE CONSTRAINT,') : index.unique ? ' UNIQUE,' : '';
    const parts = [...index.columns, ...(index.expressionColumns ?? []).map((column) => `(expression on ${column})`)];
    return `    "${index.name}"${kind} ${index.method ?? 'btree'} (${parts.join(', ')})${index.partial ? ' WHERE …' : ''}`;
  });
  const constraintLine = (constraint: DescribedConstraint) => {
    const body =
      constraint.kind === 'check'
        ? `CHECK (${constraint.expression ?? checkColumns(constraint)})`
        : constraint.kind === 'foreignKey'
          ? `FOREIGN KEY (${constraint.columns.join(', ')}) REFERENCES ${constraint.references?.table ?? '?'}(${constraint.references?.columns.join(', ') ?? ''})`
          : `${constraint.kind === 'exclusion' ? 'EXCLUDE' : constraint.kind === 'unique' ? 'UNIQUE' : 'PRIMARY KEY'} (${constraint.columns.join(', ')})`;
    return `    "${constraint.name}" ${body}${constraint.validated ? '' : ' NOT VALID'}`;
  };
  const section = (heading: string, entries: string[]) => (entries.length > 0 ? [`${heading}:`, ...entries] : []);
  return [
    ...lines,
    ...section('Indexes', indexes),
    ...section('Check constraints', table.constraints.filter((constraint) => constraint.kind === 'check').map(constraintLine)),
    ...section('Foreign-key constraints', table.constraints.filter((constraint) => constraint.kind === 'foreignKey').map(constraintLine)),
    ...section('Other constraints', table.constraints.filter((constraint) => constraint.kind === 'exclusion').map(constraintLine)),
    ...(table.partitionOf ? [`Partition of: ${table.partitionOf}`] : []),
    ...(table.partitions ? [`Partitions: ${table.partitions.join(', ')}`] : []),
  ];
}

/** A CHECK whose text was not kept: the columns it uses. */
function checkColumns(constraint: DescribedConstraint): string {
  const columns = constraint.expressionColumns ?? constraint.columns;
  return columns.length > 0 ? `… ${columns.join(', ')} …` : '…';
}

/** A psql-style grid: headings, a rule, one row a line. */
function grid(headings: string[], rows: string[][]): string[] {
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => ` ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')}`.trimEnd();
  return [line(headings), `${widths.map((width) => '-'.repeat(width + 2)).join('+')}`, ...rows.map(line)];
}

/** The schema as text: one block per table, then types, views, and the statements the model did not follow. */
export function schemaText(schema: DescribedSchema): string {
  const blocks = schema.tables.map((table) => tableText(table).join('\n'));
  if (schema.schemas.length > 0) blocks.unshift(`Schemas: ${schema.schemas.join(', ')}`);
  if (schema.types.length > 0) {
    blocks.push(['Types:', ...schema.types.map((type) => `    ${type.schema ? `${type.schema}.` : ''}${type.name} (${type.kind}${type.values ? `: ${type.values.map((value) => `'${value}'`).join(', ')}` : ''})`)].join('\n'));
  }
  if (schema.views.length > 0) {
    blocks.push(['Views:', ...schema.views.map((view) => `    ${view.schema ? `${view.schema}.` : ''}${view.name} (uses ${view.tables.join(', ') || 'no table'}${view.columns.length > 0 ? `: ${view.columns.join(', ')}` : ''})`)].join('\n'));
  }
  const count = schema.notModelled.length;
  blocks.push(
    count === 0
      ? 'Every statement that changes the schema was modelled.'
      : [`${count} statement${count === 1 ? '' : 's'} not modelled (the schema above may lack what ${count === 1 ? 'it does' : 'they do'}):`, ...schema.notModelled.map((entry) => `    ${entry.file}:${entry.line} ${entry.statement}`)].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}
