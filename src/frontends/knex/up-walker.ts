import type { Node, Program, Statement } from '@babel/types';
import type { Operation, TableName } from '../../model/operations';
import { type Chain, type ChainLink, flattenChain } from '../js/chains';
import { type KnexBindings, analyzeEmbeddedSql, substituteKnexBindings } from '../js/embedded-sql';
import { mappedText } from '../js/mapped-text';
import { type ScriptOutput, snippet } from '../js/script-output';
import { type StaticScope, propertyName, unwrapTypeScript } from '../js/static-values';
import { isReservedWord } from '../sql/fragments';
import { tableNameOf } from './column-builders';
import { type FunctionNode, functionOf } from './find-migration';
import { readTableCallback } from './table-builder';

interface Frame {
  scope: StaticScope;
  /** Inside an `if`, a `hasTable` guard or another run-time condition. */
  conditional: boolean;
  /** The line of the JavaScript statement being walked (ignore comments attach to it). */
  statementLine: number;
}

/** Methods of `knex.schema` that change nothing a rule looks at, or only objects other than tables. */
const QUIET_SCHEMA_METHODS = new Set(['transacting', 'debug', 'queryContext', 'toString', 'toSQL', 'connection', 'generateDdlCommands']);
const GUARDS = new Set(['hasTable', 'hasColumn']);
const MAX_HELPER_DEPTH = 3;

/** Walks a Knex `up` function in execution order and records what it does to the schema. */
export class KnexUpWalker {
  private readonly knexNames = new Set<string>();
  private helperDepth = 0;

  constructor(
    knexName: string,
    private readonly output: ScriptOutput,
    private readonly source: string,
    private readonly program: Program,
    private readonly programScope: StaticScope,
  ) {
    this.knexNames.add(knexName);
  }

  walkBody(body: Node, scope: StaticScope): void {
    const frame: Frame = { scope, conditional: false, statementLine: this.output.lineOf(body) };
    if (body.type === 'BlockStatement') this.statements(body.body, frame);
    else this.expression(body, { ...frame, statementLine: this.output.lineOf(body) });
  }

  private statements(statements: Statement[], frame: Frame): void {
    for (const statement of statements) {
      frame.scope.declareFrom(statement);
      this.statement(statement, { ...frame, statementLine: this.output.lineOf(statement) });
    }
  }

  private statement(statement: Statement, frame: Frame): void {
    switch (statement.type) {
      case 'ExpressionStatement':
        return this.expression(statement.expression, frame);
      case 'ReturnStatement':
        if (statement.argument) this.expression(statement.argument, frame);
        return;
      case 'VariableDeclaration':
        for (const declarator of statement.declarations) if (declarator.init) this.expression(declarator.init, frame);
        return;
      case 'BlockStatement':
        return this.statements(statement.body, { ...frame, scope: frame.scope.child() });
      case 'IfStatement':
        // The test (`await knex.schema.hasTable('x')`, `isPostgres(knex)`) only decides; the branches act.
        this.statement(statement.consequent, { ...frame, conditional: true });
        if (statement.alternate) this.statement(statement.alternate, { ...frame, conditional: true });
        return;
      case 'TryStatement':
        this.statements(statement.block.body, frame);
        if (statement.finalizer) this.statements(statement.finalizer.body, frame);
        return;
      case 'ForStatement':
      case 'ForOfStatement':
      case 'ForInStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        return this.loop(statement, frame);
      case 'FunctionDeclaration':
        return; // a local helper: reported where it is called with knex
      default:
        return;
    }
  }

  private loop(statement: Statement, frame: Frame): void {
    if (!this.changesSchema(statement)) return; // a loop of data queries (knex('t').update…) is a backfill
    // `for (const table of ['a', 'b'])` over a constant array is unrolled.
    if (statement.type === 'ForOfStatement' && statement.left.type === 'VariableDeclaration') {
      const binding = statement.left.declarations[0]?.id;
      const items = frame.scope.value(statement.right);
      if (binding?.type === 'Identifier' && Array.isArray(items) && statement.body.type === 'BlockStatement') {
        for (const item of items) {
          const scope = frame.scope.child();
          scope.bind(binding.name, { type: 'StringLiteral', value: String(item) } as never);
          this.statements(statement.body.body, { ...frame, scope });
        }
        return;
      }
    }
    this.output.unanalyzed(statement, 'A loop around Knex calls: what runs inside depends on run-time values and was not checked.');
  }

  private expression(node: Node, frame: Frame): void {
    const expression = unwrapTypeScript(node);
    switch (expression.type) {
      case 'AwaitExpression':
        return this.expression(expression.argument, frame);
      case 'SequenceExpression':
        for (const part of expression.expressions) this.expression(part, frame);
        return;
      case 'ArrayExpression':
        for (const element of expression.elements) if (element && element.type !== 'SpreadElement') this.expression(element, frame);
        return;
      case 'ConditionalExpression':
        this.expression(expression.consequent, { ...frame, conditional: true });
        this.expression(expression.alternate, { ...frame, conditional: true });
        return;
      case 'LogicalExpression':
        this.expression(expression.left, frame);
        this.expression(expression.right, { ...frame, conditional: true });
        return;
      case 'UnaryExpression':
        return this.expression(expression.argument, frame);
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return this.walkFunction(expression, frame);
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'MemberExpression':
        return this.call(expression, frame);
      default:
        return;
    }
  }

  private walkFunction(fn: FunctionNode, frame: Frame): void {
    const scope = frame.scope.child();
    if (fn.body.type === 'BlockStatement') this.statements(fn.body.body, { ...frame, scope });
    else this.expression(fn.body, { ...frame, scope });
  }

  private call(node: Node, frame: Frame): void {
    const chain = flattenChain(node);
    const root = chain.root;
    if (root.type === 'Identifier' && this.knexNames.has(root.name)) return this.knexChain(chain, frame);
    if (root.type === 'CallExpression' && root.callee.type === 'Identifier' && this.knexNames.has(root.callee.name)) {
      return this.thenCallbacks(chain.links, frame); // knex('table')…: a data query, not a schema change
    }
    if (root.type === 'Identifier' && root.name === 'Promise' && chain.links[0]?.name.startsWith('all')) {
      for (const arg of chain.links[0].args ?? []) this.expression(arg, frame);
      return this.thenCallbacks(chain.links.slice(1), frame);
    }
    const knexArgument = this.knexArgumentIndex(node);
    if (knexArgument < 0) return;
    const helper = this.localFunction(node);
    const param = helper?.params[knexArgument];
    if (helper && param?.type === 'Identifier' && this.helperDepth < MAX_HELPER_DEPTH) {
      // A helper defined in this file is followed, with its parameter standing for knex.
      this.helperDepth++;
      const added = !this.knexNames.has(param.name);
      this.knexNames.add(param.name);
      this.walkFunction(helper, frame);
      if (added) this.knexNames.delete(param.name);
      this.helperDepth--;
      return;
    }
    this.output.unanalyzed(node, `\`${snippet(this.source, node)}\` hands the knex object to code that is not followed; what it does was not checked.`);
  }

  private localFunction(node: Node): FunctionNode | undefined {
    const call = unwrapTypeScript(node);
    if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier') return undefined;
    const fn = functionOf(call.callee, this.program, this.programScope);
    return fn && fn.body.type === 'BlockStatement' ? fn : fn?.type === 'ArrowFunctionExpression' ? fn : undefined;
  }

  private knexChain(chain: Chain, frame: Frame): void {
    const [first, ...rest] = chain.links;
    if (!first) return;
    if (first.name === 'raw') {
      this.raw(first, frame);
      return this.thenCallbacks(rest, frame);
    }
    if (first.name === 'schema') return this.schemaChain(rest, frame);
    if (first.name === 'transaction') {
      const callback = first.args?.[0] && unwrapTypeScript(first.args[0]);
      if (callback && (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression')) {
        const param = callback.params[0];
        if (param?.type === 'Identifier') this.knexNames.add(param.name);
        this.walkFunction(callback, frame);
      }
      return;
    }
    return this.thenCallbacks(rest, frame); // knex.select(), knex.fn…, knex.from(): queries
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
        this.output.unanalyzed(args[index] ?? { start: link.start, end: link.end } as Node, `The table name \`${args[index] ? snippet(this.source, args[index]) : '?'}\` is not a constant in this file; this ${link.name}() was not checked.`);
      if (GUARDS.has(link.name)) {
        guarded = true;
        continue;
      }
      switch (link.name) {
        case 'withSchema': {
          schema = frame.scope.string(args[0]);
          if (schema === undefined) unknownTable(0);
          continue;
        }
        case 'createTable':
        case 'createTableIfNotExists': {
          const name = table(0);
          if (!name) {
            unknownTable(0);
            continue;
          }
          this.output.statements++;
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
          for (const operation of definition.operations) this.push(operation);
          continue;
        }
        case 'table':
        case 'alterTable': {
          const name = table(0);
          if (!name) {
            unknownTable(0);
            continue;
          }
          this.output.statements++;
          for (const operation of readTableCallback(args[1], this.builderContext(name, 'alter', frame)).operations) this.push(operation);
          continue;
        }
        case 'dropTable':
        case 'dropTableIfExists': {
          const name = table(0);
          if (!name) {
            unknownTable(0);
            continue;
          }
          this.output.statements++;
          this.push({ kind: 'dropTable', ...place, tables: [name], ifExists: link.name === 'dropTableIfExists', cascade: false });
          continue;
        }
        case 'renameTable': {
          const from = table(0);
          const to = frame.scope.string(args[1]);
          if (!from || to === undefined) {
            unknownTable(from ? 1 : 0);
            continue;
          }
          this.output.statements++;
          this.push({ kind: 'renameTable', ...place, table: from, newName: to, identifiers: [to] });
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

  private thenCallbacks(links: ChainLink[], frame: Frame): void {
    for (const link of links) {
      if (link.name === 'then' || link.name === 'catch' || link.name === 'finally') {
        for (const arg of link.args ?? []) this.expression(arg, frame);
      }
    }
  }

  /** `knex.raw(sql, bindings)` and `knex.schema.raw(sql)`: the SQL goes through the SQL front-end. */
  private raw(link: ChainLink, frame: Frame): void {
    const [sqlArg, bindingsArg] = link.args ?? [];
    if (!sqlArg) return;
    const sql = mappedText(sqlArg, frame.scope, this.source, (expression) => placeholderFor(expression, this.source, frame.scope));
    if (!sql) {
      this.output.unanalyzed(sqlArg, `The SQL \`${snippet(this.source, sqlArg)}\` is built at run time; it was not checked.`);
      return;
    }
    const withBindings = substituteKnexBindings(sql, bindingsOf(bindingsArg, frame.scope));
    const analysis = analyzeEmbeddedSql(withBindings, this.output.lines, frame.statementLine);
    if (analysis.problems.length > 0 && usesPlaceholders(sqlArg, frame.scope)) {
      // The interpolated values are unknown, so a parse failure may be ours, not the author's.
      this.output.unanalyzed(sqlArg, `The SQL \`${snippet(this.source, sqlArg)}\` interpolates values known only at run time and could not be parsed with placeholders; it was not checked.`);
      return;
    }
    this.output.addSql(analysis, frame.conditional);
  }

  private builderContext(table: TableName, mode: 'create' | 'alter', frame: Frame) {
    return { table, mode, scope: frame.scope, knexNames: this.knexNames, output: this.output, source: this.source, conditional: frame.conditional };
  }

  private push(operation: Operation): void {
    this.output.operations.push(operation);
  }

  /** Whether code uses knex.schema or knex.raw, or hands knex to another function. */
  private changesSchema(node: Node): boolean {
    const text = this.source.slice(node.start ?? 0, node.end ?? 0);
    return [...this.knexNames].some((name) =>
      new RegExp(`\\b${name}\\s*\\.\\s*(schema|raw)\\b|[(,]\\s*${name}\\s*[,)]`).test(text),
    );
  }

  private knexArgumentIndex(node: Node): number {
    const call = unwrapTypeScript(node);
    if (call.type !== 'CallExpression') return -1;
    return call.arguments.findIndex((arg) => arg.type === 'Identifier' && this.knexNames.has(arg.name));
  }
}

/** A `${…}` that is not a constant becomes an identifier named after it: `${tableName}` → tableName. */
export function placeholderFor(expression: Node, source: string, scope?: StaticScope): string {
  const inner = scope?.resolve(expression) ?? unwrapTypeScript(expression);
  if (scope && inner.type === 'ConditionalExpression') {
    // `${isMySQL ? '' : 'IF NOT EXISTS'}`: an optional clause; parse with the clause present.
    const branches = [scope.value(inner.consequent), scope.value(inner.alternate)].filter((value): value is string => typeof value === 'string');
    if (branches.length === 2) return branches[0].length >= branches[1].length ? branches[0] : branches[1];
  }
  const text = source.slice(expression.start ?? 0, expression.end ?? 0);
  const name = text.replace(/^this\./, '').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  const identifier = /^[A-Za-z_]/.test(name) ? name.slice(0, 60) : `value_${name}`.slice(0, 60);
  return isReservedWord(identifier) ? `${identifier}_` : identifier;
}

function usesPlaceholders(node: Node, scope: StaticScope): boolean {
  const resolved = scope.resolve(node);
  return resolved?.type === 'TemplateLiteral' && resolved.expressions.some((expression) => scope.value(expression) === undefined);
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
