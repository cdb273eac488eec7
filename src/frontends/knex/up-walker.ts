import type { Node } from '@babel/types';
import type { Operation, TableName } from '../../model/operations';
import type { Chain, ChainLink } from '../js/chains';
import { type KnexBindings, substituteKnexBindings } from '../js/embedded-sql';
import { type Frame, MigrationWalker } from '../js/migration-walker';
import { snippet } from '../js/script-output';
import { type StaticScope, propertyName, unwrapTypeScript } from '../js/static-values';
import { tableNameOf } from './column-builders';
import { readTableCallback } from './table-builder';

/** Methods of `knex.schema` that change nothing a rule looks at. */
const QUIET_SCHEMA_METHODS = new Set(['transacting', 'debug', 'queryContext', 'toString', 'toSQL', 'connection', 'generateDdlCommands']);
const GUARDS = new Set(['hasTable', 'hasColumn']);
/** `knex.schema` methods whose first argument is a table. */
const TABLE_METHODS = new Set(['createTable', 'createTableIfNotExists', 'table', 'alterTable', 'dropTable', 'dropTableIfExists', 'renameTable']);

/** Knex methods that build or run data queries, or read the connection: no schema change. */
const QUERY_METHODS = new Set([
  'select', 'from', 'table', 'into', 'insert', 'update', 'del', 'delete', 'where', 'whereIn', 'whereNotIn', 'whereNull', 'whereNotNull',
  'first', 'pluck', 'count', 'max', 'min', 'sum', 'avg', 'distinct', 'join', 'leftJoin', 'with', 'withRecursive', 'union', 'orderBy',
  'returning', 'onConflict', 'upsert', 'increment', 'decrement', 'truncate', 'batchInsert', 'queryBuilder', 'fn', 'ref', 'client',
  'transacting', 'userParams', 'withUserParams', 'isTransaction', 'isCompleted', 'commit', 'rollback', 'destroy', 'initialize', 'context',
]);

/** Walks a Knex `up` function: `knex.schema` chains, `knex.raw`, `knex.transaction`. */
export class KnexUpWalker extends MigrationWalker {
  protected readonly subjectLabel = 'the knex object';

  /** botpress: `up({ bp, database })`, with Knex as `bp.database` (modules) and `database.knex` (core). */
  override destructuredContext(pattern: Extract<Node, { type: 'ObjectPattern' }>): void {
    for (const property of pattern.properties) {
      if (property.type !== 'ObjectProperty' || property.value.type !== 'Identifier') continue;
      const key = propertyName(property.key);
      if (key === 'bp') this.subjectPaths.add(`${property.value.name}.database`);
      if (key === 'database') this.subjectPaths.add(`${property.value.name}.knex`);
      if (key === 'knex') this.subjectNames.add(property.value.name);
    }
  }


  protected subjectChain(chain: Chain, frame: Frame): void {
    const [first, ...rest] = chain.links;
    if (!first) return;
    if (first.name === 'raw') {
      this.raw(first, frame);
      return this.thenCallbacks(rest, frame);
    }
    if (first.name === 'schema') return this.schemaChain(rest, frame);
    // botpress's database object has createTableIfNotExists(name, callback) of its own.
    if (first.name === 'createTableIfNotExists') return this.schemaChain(chain.links, frame);
    if (first.name === 'transaction') {
      const callback = first.args?.[0] && unwrapTypeScript(first.args[0]);
      if (callback && (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression')) {
        const param = callback.params[0];
        if (param?.type === 'Identifier') this.subjectNames.add(param.name);
        this.walkFunction(callback, frame);
      }
      return;
    }
    if (QUERY_METHODS.has(first.name) || !first.args) {
      // knex.select(), knex.from(), knex.insert(): data queries
      if (first.args) this.output.statements++;
      return this.thenCallbacks(rest, frame);
    }
    const call = { start: chain.root.start, end: chain.links[chain.links.length - 1].end } as Node;
    this.output.unanalyzed(call, `\`${snippet(this.source, call)}\` is not a Knex call migralint reads; what it does was not checked.`);
  }

  private schemaChain(links: ChainLink[], frame: Frame): void {
    let schema: string | undefined;
    let guarded = false;
    for (const link of links) {
      const place = { location: this.output.span(link.start, link.end), anchorLine: frame.statementLine, ...(frame.conditional ? { conditional: true } : {}) };
      const args = link.args ?? [];
      const table = (index: number): TableName | undefined => {
        const name = frame.scope.string(args[index]);
        if (name === undefined) return undefined;
        const parsed = tableNameOf(name);
        return schema && !parsed.schema ? { schema, name: parsed.name } : parsed;
      };
      const unknownTable = (index: number) =>
        this.output.unanalyzed(args[index] ?? { start: link.start, end: link.end } as Node, `The table name \`${args[index] ? snippet(this.source, args[index]) : '?'}\` is not a constant migralint can read in this file or the modules it imports; this ${link.name}() was not checked.`);
      if (GUARDS.has(link.name)) {
        guarded = true;
        continue;
      }
      if (TABLE_METHODS.has(link.name)) {
        const name = table(0);
        if (!name) unknownTable(0);
        else this.tableMethod(link, name, place, frame, unknownTable);
        continue;
      }
      switch (link.name) {
        case 'withSchema': {
          schema = frame.scope.string(args[0]);
          if (schema === undefined) unknownTable(0);
          continue;
        }
        case 'raw':
          this.raw(link, frame);
          continue;
        case 'then':
        case 'catch':
        case 'finally':
          // hasTable(…).then((exists) => { if (!exists) … }): whatever runs there is conditional.
          for (const arg of args) this.expression(arg, { ...frame, conditional: frame.conditional || guarded });
          continue;
        default:
          if (!QUIET_SCHEMA_METHODS.has(link.name)) {
            this.output.statements++;
            this.push({ kind: 'other', ...place, statement: `knex.schema.${link.name}` });
          }
      }
    }
  }

  /** A `knex.schema` method on a table whose name is known. */
  private tableMethod(link: ChainLink, name: TableName, place: Pick<Operation, 'location' | 'anchorLine' | 'conditional'>, frame: Frame, unknownTable: (index: number) => void): void {
    const args = link.args ?? [];
    switch (link.name) {
      case 'createTable':
      case 'createTableIfNotExists': {
        const definition = readTableCallback(args[1], this.builderContext(name, 'create', frame));
        this.push({
          kind: 'createTable',
          ...place,
          table: name,
          columns: definition.columns,
          constraints: definition.constraints,
          ifNotExists: link.name === 'createTableIfNotExists',
          identifiers: [name.name, ...definition.columns.map((column) => column.name)],
        });
        for (const operation of definition.operations) this.push({ ...operation, withTableCreation: true });
        break;
      }
      case 'table':
      case 'alterTable':
        for (const operation of readTableCallback(args[1], this.builderContext(name, 'alter', frame)).operations) this.push(operation);
        break;
      case 'dropTable':
      case 'dropTableIfExists':
        this.push({ kind: 'dropTable', ...place, tables: [name], ifExists: link.name === 'dropTableIfExists', cascade: false });
        break;
      case 'renameTable': {
        const to = frame.scope.string(args[1]);
        if (to === undefined) return unknownTable(1);
        this.push({ kind: 'renameTable', ...place, table: name, newName: to, identifiers: [to] });
        break;
      }
    }
    this.output.statements++;
  }

  /**
   * An identifier binding whose value is not known (`knex.raw('ALTER TABLE ??', [table])`): named after its
   * expression, and, like a `${…}` in a template, an object known only at run time.
   */
  private bindingPlaceholder(bindingsArg: Node | undefined, key: number | string, frame: Frame): string {
    const expression = bindingExpression(bindingsArg, key);
    if (expression) return this.placeholder(expression, frame.scope);
    const name = `binding_${typeof key === 'number' ? key + 1 : key}`;
    this.runtimeNames.add(name);
    return name;
  }

  /** `knex.raw(sql, bindings)` and `knex.schema.raw(sql)`: the SQL goes through the SQL front-end. */
  private raw(link: ChainLink, frame: Frame): void {
    const [sqlArg, bindingsArg] = link.args ?? [];
    if (!sqlArg) return;
    const bindings = bindingsOf(bindingsArg, frame.scope);
    if (bindings) bindings.unknownIdentifier = (key) => this.bindingPlaceholder(bindingsArg, key, frame);
    this.embeddedSql(sqlArg, frame, (sql) => substituteKnexBindings(sql, bindings));
  }

  private builderContext(table: TableName, mode: 'create' | 'alter', frame: Frame) {
    return {
      table,
      mode,
      scope: frame.scope,
      knexNames: this.subjectNames,
      output: this.output,
      source: this.source,
      conditional: frame.conditional,
      anchorLine: frame.statementLine,
      dialect: this.dialect,
    };
  }
}

/** The expression of a binding (an array element by position, an object's property by name), when written in the call. */
function bindingExpression(node: Node | undefined, key: number | string): Node | undefined {
  const inner = node && unwrapTypeScript(node);
  if (inner?.type === 'ArrayExpression' && typeof key === 'number') {
    const element = inner.elements[key];
    return element && element.type !== 'SpreadElement' ? element : undefined;
  }
  if (inner?.type === 'ObjectExpression' && typeof key === 'string') {
    const property = inner.properties.find((candidate) => candidate.type === 'ObjectProperty' && propertyName(candidate.key) === key);
    return property?.type === 'ObjectProperty' ? (property.value as Node) : undefined;
  }
  return undefined;
}

function bindingsOf(node: Node | undefined, scope: StaticScope): KnexBindings | undefined {
  if (!node) return undefined;
  const inner = unwrapTypeScript(node);
  if (inner.type === 'ObjectExpression') {
    const names = inner.properties.flatMap((property) => {
      if (property.type !== 'ObjectProperty' && property.type !== 'ObjectMethod') return [];
      const name = propertyName(property.key);
      return name ? [name] : [];
    });
    const values = scope.value(inner) as Record<string, unknown> | undefined;
    return { kind: 'object', names, values };
  }
  if (inner.type === 'ArrayExpression') {
    return { kind: 'array', values: inner.elements.map((element) => (element ? scope.value(element) : undefined)) };
  }
  const values = scope.value(inner);
  return { kind: 'array', values: Array.isArray(values) ? values : undefined };
}
