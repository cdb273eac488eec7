import type { Expression, Node, Statement } from '@babel/types';
import type { ColumnDefinition, ConstraintDefinition, Operation, TableName } from '../../model/operations';
import { type ChainLink, flattenChain } from '../js/chains';
import { type ScriptOutput, snippet } from '../js/script-output';
import type { DialectConditions } from '../js/dialect';
import { type StaticScope, unwrapTypeScript } from '../js/static-values';
import { type BuiltColumn, buildColumns, isColumnMethod, tableNameOf } from './column-builders';

export interface TableBuilderContext {
  table: TableName;
  mode: 'create' | 'alter';
  scope: StaticScope;
  knexNames: ReadonlySet<string>;
  output: ScriptOutput;
  source: string;
  conditional: boolean;
  /** The line of the JavaScript statement that calls createTable/alterTable: an ignore comment there covers every change in it. */
  anchorLine: number;
  dialect: DialectConditions;
}

export interface TableDefinition {
  columns: ColumnDefinition[];
  constraints: ConstraintDefinition[];
  /** In `alter` mode, every change; in `create` mode, what follows the CREATE TABLE (indexes). */
  operations: Operation[];
}

type Place = Pick<Operation, 'location' | 'anchorLine'> & { conditional?: boolean };

/** Reads the `(table) => { … }` callback of createTable/alterTable. */
export function readTableCallback(callback: Node | undefined, context: TableBuilderContext): TableDefinition {
  const definition: TableDefinition = { columns: [], constraints: [], operations: [] };
  // The callback may be a function defined elsewhere in the file (`create: (t) => { … }` in a constant list).
  const fn = callback && (context.scope.resolve(callback) ?? unwrapTypeScript(callback));
  if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) {
    if (callback) context.output.unanalyzed(callback, `Table callback \`${snippet(context.source, callback)}\` is not a function in this file; its columns were not checked.`);
    return definition;
  }
  const param = fn.params[0];
  if (!param || param.type !== 'Identifier') return definition;
  const reader = new CallbackReader(param.name, context, definition);
  if (fn.body.type === 'BlockStatement') reader.statements(fn.body.body, context.conditional);
  else reader.expression(fn.body, context.conditional, fn.body);
  return definition;
}

class CallbackReader {
  constructor(
    private readonly tableParam: string,
    private readonly context: TableBuilderContext,
    private readonly definition: TableDefinition,
  ) {}

  statements(statements: Statement[], conditional: boolean): void {
    for (const statement of statements) this.statement(statement, conditional);
  }

  statement(statement: Statement, conditional: boolean): void {
    switch (statement.type) {
      case 'ExpressionStatement':
        this.expression(statement.expression, conditional, statement);
        break;
      case 'BlockStatement':
        this.statements(statement.body, conditional);
        break;
      case 'IfStatement': {
        // `if (!isSqlite) t.foreign(…)`: a condition on the database decides what runs on PostgreSQL.
        const holds = this.context.dialect.holds(statement.test, this.context.scope);
        if (holds !== false) this.statement(statement.consequent, holds === true ? conditional : true);
        if (statement.alternate && holds !== true) this.statement(statement.alternate, holds === false ? conditional : true);
        break;
      }
      case 'ForStatement':
      case 'ForOfStatement':
      case 'ForInStatement':
      case 'WhileStatement':
      case 'DoWhileStatement': {
        // `for (const c of update.constraints) t.foreign(c.column)…` over a constant array is unrolled.
        const elements = statement.type === 'ForOfStatement' && statement.left.type === 'VariableDeclaration' ? constantArray(statement.right, this.context.scope) : undefined;
        const binding = statement.type === 'ForOfStatement' && statement.left.type === 'VariableDeclaration' ? statement.left.declarations[0]?.id : undefined;
        if (elements && binding && (binding.type === 'Identifier' || binding.type === 'ObjectPattern')) {
          for (const element of elements) {
            const scope = this.context.scope.child();
            if (binding.type === 'Identifier') scope.bind(binding.name, element as Expression);
            else scope.bindPattern(binding, element as Expression);
            new CallbackReader(this.tableParam, { ...this.context, scope }, this.definition).statement(statement.body, conditional);
          }
        } else if (this.mentionsTable(statement)) {
          this.context.output.unanalyzed(statement, 'A loop over table builder calls: what it adds depends on run-time values and was not checked.');
        }
        break;
      }
      case 'SwitchStatement': {
        // `switch (client) { case 'pg': … }`: the PostgreSQL case runs, falling through; any other switch, each case conditionally.
        const start = this.context.dialect.postgresCase(statement, this.context.scope);
        if (start === undefined) {
          for (const branch of statement.cases) this.statements(caseBody(branch.consequent).body, true);
          break;
        }
        for (const branch of start < 0 ? [] : statement.cases.slice(start)) {
          const { body, exits } = caseBody(branch.consequent);
          this.statements(body, conditional);
          if (exits) break;
        }
        break;
      }
      case 'TryStatement':
        this.statements(statement.block.body, conditional);
        if (statement.finalizer) this.statements(statement.finalizer.body, conditional);
        break;
      case 'ReturnStatement':
        if (statement.argument) this.expression(statement.argument, conditional, statement);
        break;
      default:
        break;
    }
  }

  expression(node: Node, conditional: boolean, statement: Node): void {
    const expression = unwrapTypeScript(node.type === 'AwaitExpression' ? node.argument : node);
    if (expression.type === 'SequenceExpression') {
      for (const part of expression.expressions) this.expression(part, conditional, statement);
      return;
    }
    const chain = flattenChain(expression);
    if (chain.root.type !== 'Identifier' || chain.root.name !== this.tableParam || chain.links.length === 0) {
      if (this.mentionsTable(expression)) {
        this.context.output.unanalyzed(expression, `\`${snippet(this.context.source, expression)}\` passes the table builder to code that is not followed; what it does was not checked.`);
      }
      return;
    }
    const place: Place = {
      location: this.context.output.spanOf(expression),
      anchorLine: this.context.anchorLine,
      ...(conditional ? { conditional } : {}),
    };
    if (isColumnMethod(chain.links[0].name)) this.column(chain.links, place, expression);
    else this.tableMethod(chain.links[0], chain.links.slice(1), place, expression);
  }

  private column(links: ChainLink[], place: Place, node: Node): void {
    const columns = buildColumns(links, this.context.scope, this.context.knexNames);
    if (!columns) {
      this.context.output.unanalyzed(node, `The column name in \`${snippet(this.context.source, node)}\` is not a constant migralint can read in this file or the modules it imports; the column was not checked.`);
      return;
    }
    for (const column of columns) {
      if (this.context.mode === 'create') this.createColumn(column, place);
      else this.alterColumn(column, place);
    }
  }

  private createColumn(column: BuiltColumn, place: Place): void {
    this.definition.columns.push({ ...column.definition, ...this.constraintNames(column.definition), location: place.location });
    this.followingIndexes(column, place);
  }

  private alterColumn(column: BuiltColumn, place: Place): void {
    const { table } = this.context;
    const { definition } = column;
    const push = (operation: Operation) => this.definition.operations.push(operation);
    if (column.alter) {
      // Knex's alter() re-states the column: TYPE, then DROP DEFAULT, NOT NULL on or off, SET DEFAULT.
      if (column.alter.type) push({ kind: 'alterColumnType', ...place, table, column: definition.name, newType: definition.type });
      if (column.alter.nullable) {
        push({ kind: definition.notNull ? 'setNotNull' : 'dropNotNull', ...place, table, column: definition.name });
      }
      if (definition.default) push({ kind: 'setDefault', ...place, table, column: definition.name, default: definition.default });
      this.alteredColumnKeys(column, place);
      return;
    }
    // Knex adds the column, then its foreign key as a constraint of its own (which PostgreSQL checks).
    const { references, ...added } = definition;
    push({ kind: 'addColumn', ...place, table, column: { ...added, ...this.constraintNames(added) }, ifNotExists: false, identifiers: [definition.name] });
    if (references) {
      const name = defaultName(table, [definition.name], 'foreign');
      push({ kind: 'addConstraint', ...place, table, constraint: { kind: 'foreignKey', name, columns: [definition.name], notValid: false, references }, identifiers: [name] });
    }
    for (const check of column.checks) {
      push({ kind: 'addConstraint', ...place, table, constraint: { kind: 'check', name: `${table.name}_${definition.name}_${check}`, columns: [definition.name], notValid: false, expression: COLUMN_CHECKS[check]?.(definition.name) } });
    }
    this.followingIndexes(column, place);
  }

  /**
   * A column's `.primary()`, `.unique()`, `.index()` and `.references()` call the
   * table's own methods, `alter()` or not: on a column that is re-stated they
   * still add the key, the constraint or the index.
   */
  private alteredColumnKeys(column: BuiltColumn, place: Place): void {
    const { table } = this.context;
    const { definition } = column;
    const columns = [definition.name];
    const add = (constraint: ConstraintDefinition) => this.definition.operations.push({ kind: 'addConstraint', ...place, table, constraint, identifiers: constraint.name ? [constraint.name] : [] });
    if (definition.primaryKey) add({ kind: 'primaryKey', name: `${table.name}_pkey`, columns, notValid: false });
    if (definition.unique) add({ kind: 'unique', name: defaultName(table, columns, 'unique'), columns, notValid: false });
    if (definition.references) add({ kind: 'foreignKey', name: defaultName(table, columns, 'foreign'), columns, notValid: false, references: definition.references });
    this.followingIndexes(column, place);
  }

  /** Knex names a column's constraints itself: `users_email_unique`, `posts_user_id_foreign`. */
  private constraintNames(definition: ColumnDefinition): Pick<ColumnDefinition, 'constraintNames'> {
    const { table } = this.context;
    const names = {
      ...(definition.unique ? { unique: defaultName(table, [definition.name], 'unique') } : {}),
      ...(definition.references ? { foreignKey: defaultName(table, [definition.name], 'foreign') } : {}),
    };
    return Object.keys(names).length > 0 ? { constraintNames: names } : {};
  }

  private followingIndexes(column: BuiltColumn, place: Place): void {
    const name = column.definition.name;
    if (column.index) this.index([name], column.index.name, false, place);
    if (column.uniqueAsIndex) this.index([name], undefined, true, place);
  }

  private index(columns: string[], name: string | undefined, unique: boolean, place: Place): void {
    const indexName = name ?? defaultName(this.context.table, columns, unique ? 'unique' : 'index');
    this.definition.operations.push({
      kind: 'createIndex',
      ...place,
      table: this.context.table,
      name: indexName,
      columns,
      unique,
      concurrently: false,
      ifNotExists: false,
      identifiers: [indexName],
    });
  }

  /** Table-level builder methods, as Knex's PostgreSQL table compiler emits them. */
  private tableMethod(head: ChainLink, rest: ChainLink[], place: Place, node: Node): void {
    const { table, scope } = this.context;
    const values = (head.args ?? []).map((arg) => scope.value(arg));
    const columns = columnList(values[0]);
    const push = (operation: Operation) => this.definition.operations.push(operation);
    const constraint = (definition: ConstraintDefinition) => {
      if (this.context.mode === 'create') this.definition.constraints.push(definition);
      else push({ kind: 'addConstraint', ...place, table, constraint: definition, identifiers: definition.name ? [definition.name] : [] });
    };
    const unknownArguments = () =>
      this.context.output.unanalyzed(node, `\`${snippet(this.context.source, node)}\` names columns that are not constants in this file; it was not checked.`);
    switch (head.name) {
      case 'dropColumn':
      case 'dropColumns': {
        const names = values.flatMap(columnList);
        if (names.length === 0 || values.some((value) => columnList(value).length === 0)) return unknownArguments();
        for (const column of names) push({ kind: 'dropColumn', ...place, table, column, ifExists: false });
        return;
      }
      case 'dropTimestamps':
        for (const column of ['created_at', 'updated_at']) push({ kind: 'dropColumn', ...place, table, column, ifExists: false });
        return;
      case 'renameColumn':
        if (typeof values[0] !== 'string' || typeof values[1] !== 'string') return unknownArguments();
        push({ kind: 'renameColumn', ...place, table, column: values[0], newName: values[1] });
        return;
      case 'setNullable':
      case 'dropNullable':
        if (typeof values[0] !== 'string') return unknownArguments();
        push({ kind: head.name === 'dropNullable' ? 'setNotNull' : 'dropNotNull', ...place, table, column: values[0] });
        return;
      case 'index':
        if (columns.length === 0) return unknownArguments();
        return this.index(columns, optionName(values[1], 'indexName'), false, place);
      case 'unique': {
        if (columns.length === 0) return unknownArguments();
        const options = values[1] as { useConstraint?: boolean; indexName?: string } | string | undefined;
        const name = optionName(options, 'indexName') ?? defaultName(table, columns, 'unique');
        if (typeof options === 'object' && options.useConstraint === false) return this.index(columns, name, true, place);
        return constraint({ kind: 'unique', name, columns, notValid: false });
      }
      case 'primary':
        if (columns.length === 0) return unknownArguments();
        return constraint({ kind: 'primaryKey', name: optionName(values[1], 'constraintName') ?? `${table.name}_pkey`, columns, notValid: false });
      case 'foreign': {
        if (columns.length === 0) return unknownArguments();
        const target = foreignTarget(rest, scope);
        return constraint({
          kind: 'foreignKey',
          name: typeof values[1] === 'string' ? values[1] : defaultName(table, columns, 'foreign'),
          columns,
          notValid: false,
          references: target,
        });
      }
      case 'check': {
        const expression = checkExpression(values[0], values[1]);
        const match = expression === undefined ? null : NOT_NULL_CHECK.exec(expression);
        // A quoted name as written; an unquoted one folded to lower case, as PostgreSQL does.
        const notNull = match ? (match[1]?.replace(/""/g, '"') ?? match[2].toLowerCase()) : undefined;
        return constraint({ kind: 'check', name: typeof values[2] === 'string' ? values[2] : undefined, columns: [], notValid: false, expression, ...(notNull ? { checksNotNullOf: notNull, expressionColumns: [notNull] } : {}) });
      }
      case 'dropIndex': {
        const name = typeof values[1] === 'string' ? values[1] : columns.length > 0 ? defaultName(table, columns, 'index') : undefined;
        if (!name) return unknownArguments();
        push({ kind: 'dropIndex', ...place, names: [{ schema: table.schema, name }], concurrently: false, ifExists: false });
        return;
      }
      case 'dropUnique':
      case 'dropForeign':
      case 'dropPrimary':
      case 'dropChecks': {
        const suffix = { dropUnique: 'unique', dropForeign: 'foreign', dropPrimary: 'pkey', dropChecks: 'check' }[head.name];
        const name =
          head.name === 'dropPrimary'
            ? (typeof values[0] === 'string' ? values[0] : `${table.name}_pkey`)
            : typeof values[1] === 'string'
              ? values[1]
              : columns.length > 0
                ? defaultName(table, columns, suffix)
                : undefined;
        if (!name) return unknownArguments();
        push({ kind: 'dropConstraint', ...place, table, name, ifExists: false });
        return;
      }
      default:
        return; // comment(), engine(), charset(), inherits(), … change nothing that matters here
    }
  }

  private mentionsTable(node: Node): boolean {
    const text = this.context.source.slice(node.start ?? 0, node.end ?? 0);
    return new RegExp(`\\b${this.tableParam}\\b`).test(text);
  }
}

/** The elements of an array constant in the file, or undefined. */
function constantArray(node: Node, scope: StaticScope): Node[] | undefined {
  const array = scope.resolve(node);
  if (array?.type !== 'ArrayExpression' || array.elements.some((element) => element === null || element.type === 'SpreadElement')) return undefined;
  return array.elements as Node[];
}

function columnList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return [];
}

function optionName(value: unknown, key: string): string | undefined {
  if (typeof value === 'string') return value;
  const named = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof named === 'string' ? named : undefined;
}

/** `foreign('user_id').references('id').inTable('users')` or `.references('users.id')`. */
/** `check('?? >= ?', ['total', 0])` as Knex sends it: `"total" >= 0`. */
/** `"col" IS NOT NULL` (as `table.check('?? IS NOT NULL', ['col'])` writes it) → `col`. */
const NOT_NULL_CHECK = /^\s*(?:"((?:[^"]|"")+)"|(\w+))\s+IS\s+NOT\s+NULL\s*$/i;

function checkExpression(predicate: unknown, bindings: unknown): string | undefined {
  if (typeof predicate !== 'string') return undefined;
  const values = Array.isArray(bindings) ? bindings : [];
  let index = 0;
  let known = true;
  const sql = predicate.replace(/\?\??/g, (marker) => {
    const value: unknown = values[index++];
    if (marker === '??' && typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
    known = false;
    return marker;
  });
  return known ? sql : undefined;
}

/** Knex's column checks (`checkPositive()`) as SQL, for the ones with a fixed predicate. */
const COLUMN_CHECKS: Record<string, (column: string) => string> = {
  checkPositive: (column) => `"${column}" > 0`,
  checkNegative: (column) => `"${column}" < 0`,
};

function foreignTarget(links: ChainLink[], scope: StaticScope) {
  let table: TableName = { name: '' };
  let columns: string[] = [];
  for (const link of links) {
    const value = scope.value(link.args?.[0]);
    if (link.name === 'references' && typeof value === 'string') {
      const dot = value.lastIndexOf('.');
      if (dot >= 0) table = tableNameOf(value.slice(0, dot));
      columns = [dot >= 0 ? value.slice(dot + 1) : value];
    } else if (link.name === 'references' && Array.isArray(value)) {
      columns = value.filter((item): item is string => typeof item === 'string');
    } else if (link.name === 'inTable' && typeof value === 'string') {
      table = tableNameOf(value);
    }
  }
  return { table, columns };
}

/** Knex's default index and constraint names: `${table}_${columns}_${kind}`. */
export function defaultName(table: TableName, columns: string[], kind: string): string {
  return `${table.name}_${columns.join('_')}_${kind}`.toLowerCase().replace(/[-.]/g, '_');
}

/** A switch case's statements up to its `break`, `return` or `throw` (the `return` is kept: it may return a call), and whether it stops there. */
function caseBody(consequent: Statement[]): { body: Statement[]; exits: boolean } {
  const flat = consequent.length === 1 && consequent[0].type === 'BlockStatement' ? consequent[0].body : consequent;
  const end = flat.findIndex((statement) => statement.type === 'BreakStatement' || statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement');
  return end < 0 ? { body: flat, exits: false } : { body: flat.slice(0, end + 1), exits: true };
}
