import type { Node, Program, Statement } from '@babel/types';
import type { Operation } from '../../model/operations';
import { type Chain, type ChainLink, flattenChain } from './chains';
import { analyzeEmbeddedSql } from './embedded-sql';
import { type FunctionNode, functionOf } from './functions';
import { type MappedText, mappedText } from './mapped-text';
import { ScriptOutput, snippet } from './script-output';
import { type StaticScope, unwrapTypeScript } from './static-values';
import { isReservedWord } from '../sql/fragments';

export interface Frame {
  scope: StaticScope;
  /** Inside an `if`, a guard (`hasTable`) or another run-time condition. */
  conditional: boolean;
  /** The line of the JavaScript statement being walked (ignore comments attach to it). */
  statementLine: number;
}

const MAX_HELPER_DEPTH = 3;

/**
 * Walks an `up` function in execution order, statement by statement, the way
 * it would run: awaits, returns, blocks, conditions, `Promise.all`, `.then`
 * callbacks, loops over constant arrays and helpers defined in the same file.
 * Subclasses interpret the calls made on the migration's subject (`knex`, `queryRunner`).
 */
export abstract class MigrationWalker {
  /** Names bound to the subject: the parameter of `up`, and helpers' parameters that receive it. */
  protected readonly subjectNames = new Set<string>();
  private helperDepth = 0;

  constructor(
    subjectName: string,
    protected output: ScriptOutput,
    protected readonly source: string,
    private readonly program: Program,
    private readonly programScope: StaticScope,
  ) {
    this.subjectNames.add(subjectName);
  }

  /** What this front-end calls its subject in messages ("the knex object", "the query runner"). */
  protected abstract readonly subjectLabel: string;

  /** Interprets a call chain rooted at the subject. */
  protected abstract subjectChain(chain: Chain, frame: Frame): void;

  walkBody(body: Node, scope: StaticScope): void {
    const frame: Frame = { scope, conditional: false, statementLine: this.output.lineOf(body) };
    if (body.type === 'BlockStatement') this.statements(body.body, frame);
    else this.expression(body, frame);
  }

  protected statements(statements: Statement[], frame: Frame): void {
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
        for (const declarator of statement.declarations) {
          if (declarator.init) this.expression(declarator.init, frame);
          if (declarator.id.type === 'Identifier' && declarator.init) this.declared(declarator.id.name, declarator.init, frame);
        }
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
      case 'SwitchStatement': {
        // `switch (_a.label)` is compiled async code (a __generator state machine): its cases run in order.
        const generator = statement.discriminant.type === 'MemberExpression' && statement.discriminant.property.type === 'Identifier' && statement.discriminant.property.name === 'label';
        for (const branch of statement.cases) this.statements(branch.consequent, { ...frame, conditional: frame.conditional || !generator });
        return;
      }
      case 'LabeledStatement':
        return this.statement(statement.body, frame);
      default:
        return; // function declarations are followed where they are called
    }
  }

  /** A hook for `const x = <init>` (TypeORM binds `await queryRunner.getTable('t')` to its name). */
  protected declared(_name: string, _init: Node, _frame: Frame): void {}

  private loop(statement: Statement, frame: Frame): void {
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
    // Otherwise the body is read once, aside: a loop of data statements (a backfill) is fine;
    // a loop that changes the schema depends on run-time values and is reported.
    const body = (statement as Extract<Statement, { body: unknown }>).body as Statement;
    const scratch = new ScriptOutput(this.output.lines, this.output.keepStatementText);
    const outer = this.output;
    this.output = scratch;
    this.statement(body, { ...frame, scope: frame.scope.child(), conditional: true });
    this.output = outer;
    const changesSchema = scratch.operations.some((operation) => !isDataStatement(operation)) || scratch.problems.length > 0;
    if (changesSchema) {
      this.output.unanalyzed(statement, 'A loop around schema changes: what runs inside depends on run-time values and was not checked.');
    }
  }

  protected expression(node: Node, frame: Frame): void {
    const expression = unwrapTypeScript(node);
    switch (expression.type) {
      case 'AwaitExpression':
      case 'YieldExpression': // compiled TypeScript: `yield queryRunner.query(…)` inside __awaiter
        if (expression.argument) this.expression(expression.argument, frame);
        return;
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

  protected walkFunction(fn: FunctionNode, frame: Frame): void {
    const scope = frame.scope.child();
    if (fn.body.type === 'BlockStatement') this.statements(fn.body.body, { ...frame, scope });
    else this.expression(fn.body, { ...frame, scope });
  }

  private call(node: Node, frame: Frame): void {
    const chain = flattenChain(node);
    const root = chain.root;
    if (root.type === 'Identifier' && this.subjectNames.has(root.name)) return this.subjectChain(chain, frame);
    if (root.type === 'ThisExpression' || (root.type === 'Identifier' && root.name === '_this')) {
      const [first] = chain.links;
      if (first && this.subjectNames.has(first.name)) return this.subjectChain({ root: { type: 'Identifier', name: first.name } as Node, links: chain.links.slice(1) }, frame);
    }
    if (root.type === 'CallExpression' && root.callee.type === 'Identifier' && this.subjectNames.has(root.callee.name)) {
      return this.thenCallbacks(chain.links, frame); // knex('table')…: a data query, not a schema change
    }
    if (root.type === 'Identifier' && root.name === 'Promise' && chain.links[0]?.name.startsWith('all')) {
      for (const arg of chain.links[0].args ?? []) this.expression(arg, frame);
      return this.thenCallbacks(chain.links.slice(1), frame);
    }
    if (isCompiledAsyncHelper(node)) {
      // Compiled TypeScript: __awaiter(this, void 0, void 0, function* () { … }), __generator(this, function (_a) { … }).
      const args = (unwrapTypeScript(node) as Extract<Node, { type: 'CallExpression' }>).arguments;
      const body = args[args.length - 1];
      if (body && (body.type === 'FunctionExpression' || body.type === 'ArrowFunctionExpression')) return this.walkFunction(body, frame);
    }
    const subjectArgument = this.subjectArgumentIndex(node);
    if (subjectArgument < 0 || isReadOnlyHelper(node)) return;
    const helper = this.localFunction(node);
    const param = helper?.params[subjectArgument];
    if (helper && param?.type === 'Identifier' && this.helperDepth < MAX_HELPER_DEPTH) {
      // A helper defined in this file is followed, with its parameter standing for the subject.
      this.helperDepth++;
      const added = !this.subjectNames.has(param.name);
      this.subjectNames.add(param.name);
      this.walkFunction(helper, frame);
      if (added) this.subjectNames.delete(param.name);
      this.helperDepth--;
      return;
    }
    this.output.unanalyzed(node, `\`${snippet(this.source, node)}\` hands ${this.subjectLabel} to code that is not followed; what it does was not checked.`);
  }

  protected thenCallbacks(links: ChainLink[], frame: Frame): void {
    for (const link of links) {
      if (link.name === 'then' || link.name === 'catch' || link.name === 'finally') {
        for (const arg of link.args ?? []) this.expression(arg, frame);
      }
    }
  }

  /**
   * SQL in a string argument goes through the SQL front-end. `${…}` values not known
   * statically become placeholders; when the SQL then does not parse, the call is
   * reported as not analysed rather than as the author's syntax error.
   */
  protected embeddedSql(sqlArg: Node, frame: Frame, prepare: (sql: MappedText) => MappedText = (sql) => sql): void {
    const resolved = frame.scope.resolve(sqlArg);
    if (resolved?.type === 'ConditionalExpression') {
      // `cond ? sqlA : sqlB`: each branch may run.
      this.embeddedSql(resolved.consequent, { ...frame, conditional: true }, prepare);
      this.embeddedSql(resolved.alternate, { ...frame, conditional: true }, prepare);
      return;
    }
    const sql = mappedText(sqlArg, frame.scope, this.source, (expression) => placeholderFor(expression, this.source, frame.scope));
    if (!sql) {
      this.output.unanalyzed(sqlArg, `The SQL \`${snippet(this.source, sqlArg)}\` is built at run time; it was not checked.`);
      return;
    }
    const analysis = analyzeEmbeddedSql(prepare(sql), this.output.lines, frame.statementLine, this.output.keepStatementText);
    if (analysis.problems.length > 0 && usesPlaceholders(sqlArg, frame.scope)) {
      this.output.unanalyzed(sqlArg, `The SQL \`${snippet(this.source, sqlArg)}\` interpolates values known only at run time and could not be parsed with placeholders; it was not checked.`);
      return;
    }
    if (analysis.problems.length > 0 && frame.conditional) {
      // Under a condition (often `switch (client)`), SQL that PostgreSQL rejects is likely for another database.
      this.output.unanalyzed(sqlArg, `The SQL \`${snippet(this.source, sqlArg)}\` runs only under a condition and PostgreSQL cannot parse it (is it for another database?); it was not checked.`);
      return;
    }
    this.output.addSql(analysis, frame.conditional);
  }

  protected push(operation: Operation): void {
    this.output.operations.push(operation);
  }

  /** A function defined in this file: `helper(…)`, or a method of the migration class, `this.helper(…)`. */
  private localFunction(node: Node): FunctionNode | undefined {
    const call = unwrapTypeScript(node);
    if (call.type !== 'CallExpression') return undefined;
    if (call.callee.type === 'Identifier') return functionOf(call.callee, this.program, this.programScope);
    const callee = call.callee;
    if (callee.type === 'MemberExpression' && (callee.object.type === 'ThisExpression' || (callee.object.type === 'Identifier' && callee.object.name === '_this'))) {
      const name = callee.property.type === 'Identifier' ? callee.property.name : undefined;
      return name ? classMethod(this.program, name) : undefined;
    }
    return undefined;
  }

  private subjectArgumentIndex(node: Node): number {
    const call = unwrapTypeScript(node);
    if (call.type !== 'CallExpression') return -1;
    return call.arguments.findIndex((arg) => arg.type === 'Identifier' && this.subjectNames.has(arg.name));
  }
}

/** SELECT, INSERT, UPDATE, DELETE: data, not schema. */
function isDataStatement(operation: Operation): boolean {
  return operation.kind === 'other' && /^(Select|Insert|Update|Delete|Merge)Stmt$/.test(operation.statement);
}

/** Helpers that by their name only read (`hasColumn(queryRunner, …)`, `isPostgres(knex)`). */
function isReadOnlyHelper(node: Node): boolean {
  const call = unwrapTypeScript(node);
  if (call.type !== 'CallExpression') return false;
  const callee = call.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
  return /^(has|is|get|find|check|exists|count|select|fetch|load|read|list)[A-Z_]?/.test(name);
}

/** A method of a class in the program, by name (including ES5 `X.prototype.name = function`). */
function classMethod(program: Program, name: string): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === 'ClassMethod' && node.key.type === 'Identifier' && node.key.name === name) {
      found = node;
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key.endsWith('Comments')) continue;
      if (Array.isArray(child)) child.forEach((item) => item && typeof item.type === 'string' && visit(item));
      else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') visit(child as Node);
    }
  };
  visit(program);
  return found;
}

function isCompiledAsyncHelper(node: Node): boolean {
  const call = unwrapTypeScript(node);
  return call.type === 'CallExpression' && call.callee.type === 'Identifier' && /^__(awaiter|generator)\d*$/.test(call.callee.name);
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
