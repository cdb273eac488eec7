import * as path from 'node:path';
import type { CallExpression, Expression, Node, Program, Statement } from '@babel/types';
import type { Operation } from '../../model/operations';
import { type Chain, type ChainLink, flattenChain } from './chains';
import { DialectConditions } from './dialect';
import { walkNodes } from './ast-walk';
import { analyzeEmbeddedSql } from './embedded-sql';
import { type FunctionNode, functionOf } from './functions';
import { type MappedText, mappedText } from './mapped-text';
import { type ImportedFunction, importedFunction } from './imported-constants';
import { ScriptOutput, snippet } from './script-output';
import { MAX_STATIC_VALUE_SIZE, type StaticScope, literalOf, propertyName, unwrapTypeScript } from './static-values';
import { isReservedWord } from '../sql/fragments';
import { LineIndex } from '../text-positions';

export interface Frame {
  scope: StaticScope;
  /** Inside an `if`, a guard (`hasTable`) or another run-time condition. */
  conditional: boolean;
  /** The line of the JavaScript statement being walked (ignore comments attach to it). */
  statementLine: number;
}

/** How a statement ends: `exit` when it always returns, throws, breaks or continues (what follows does not run). */
type Completion = 'normal' | 'exit';

const MAX_HELPER_DEPTH = 3;
/** Loops over constant arrays are unrolled up to this many times (more is a data list, not a schema change list). */
const MAX_UNROLLED = 200;

/** A value not known statically: a name no scope binds, so reading it gives nothing. */
const UNKNOWN = { type: 'Identifier', name: '\u0000unknown' } as Expression;

/** Functions from outside the file whose result only reads (a schema inspector). */
const READ_ONLY_FACTORY = /^(createInspector|schemaInspector|SchemaInspector|knexSchemaInspector)$/;
/** Functions from outside the file whose result is an object to call later, rather than an action. */
const FACTORY = /^(get|make|use|build|create)[A-Z_]\w*(Helpers?|Inspector|Service|Builder|Client|Schema|Repository)$|^(get|use)Helpers?$/;
/** Method names that only read: `hasColumn`, `isOneOfClients`, `getColumnNameMaxLength`, `columnInfo`. */
const READ_ONLY_NAME = /^(has|is|get|find|check|exists|count|select|fetch|load|read|list|describe|inspect|columnInfo|tableInfo|overview|foreignKeys|primary)([A-Z_]|$)/;

/**
 * Walks an `up` function in execution order, statement by statement, the way
 * it would run: awaits, returns, blocks, conditions (and which branches can run
 * on PostgreSQL), `Promise.all`, `.then` callbacks, loops over constant arrays
 * and helpers defined in the same file. Subclasses interpret the calls made on
 * the migration's subject (`knex`, `queryRunner`).
 */
export abstract class MigrationWalker {
  /** Names bound to the subject: the parameter of `up`, and helpers' parameters that receive it. */
  protected readonly subjectNames = new Set<string>();
  /** Property paths that stand for the subject: botpress's `bp.database`. */
  protected readonly subjectPaths = new Set<string>();
  /** Values made from the subject by code outside this file (`const helper = getHelpers(knex)`), by name. */
  private readonly derived = new Map<string, { origin: string; readOnly: boolean }>();
  private helperDepth = 0;
  /** How many calls in the file name each function (`helper(…)`, `this.method(…)`), counted when first needed. */
  private callCounts: Map<string, number> | undefined;
  /** Helpers followed already: a helper called once is reported where its code is, the first time only. */
  private readonly followedHelpers = new Set<FunctionNode>();
  /** Run-time branches numbered so far (see inBranch). */
  private branches = 0;
  protected readonly dialect: DialectConditions;
  /** Names that stand in SQL for values known only at run time (`${tableName}`): what they name is not known. */
  readonly runtimeNames = new Set<string>();
  /** Whether code was left out because a condition decided it does not run here (`if (isSqlite) { … }`, `case 'mysql':`). */
  leftOutCode = false;

  /** The migration's path (imported helpers are found from it), and the other files read to follow them. */
  filePath: string | undefined;
  readonly readFiles = new Set<string>();
  private readonly homeProgram: Program;

  constructor(
    subjectName: string,
    protected output: ScriptOutput,
    // The file being read: the migration's, or an imported helper's while it is followed.
    protected source: string,
    private program: Program,
    private programScope: StaticScope,
  ) {
    this.homeProgram = program;
    this.subjectNames.add(subjectName);
    this.dialect = new DialectConditions(this.subjectNames);
  }

  /** What this front-end calls its subject in messages ("the knex object", "the query runner"). */
  protected abstract readonly subjectLabel: string;

  /** Interprets a call chain rooted at the subject. */
  protected abstract subjectChain(chain: Chain, frame: Frame): void;

  /** `up({ … })` takes a context object: which of its properties stand for the subject is the front-end's to say. */
  destructuredContext(_pattern: Extract<Node, { type: 'ObjectPattern' }>, _scope: StaticScope): void {}

  /** Runs a walk of code that runs only under a run-time condition, and marks what it emitted as one branch. */
  protected inBranch(walk: () => void): void {
    const start = this.output.operations.length;
    walk();
    const branch = ++this.branches;
    const operations = this.output.operations;
    for (let i = start; i < operations.length; i++) operations[i] = { ...operations[i], branch: [branch, ...(operations[i].branch ?? [])] };
  }

  walkBody(body: Node, scope: StaticScope): void {
    const frame: Frame = { scope, conditional: false, statementLine: this.output.lineOf(body) };
    if (body.type === 'BlockStatement') this.statements(body.body, frame);
    else this.expression(body, frame);
  }

  protected statements(statements: Statement[], frame: Frame): Completion {
    for (const statement of statements) {
      frame.scope.declareFrom(statement);
      if (this.statement(statement, { ...frame, statementLine: this.output.lineOf(statement) }) === 'exit') return 'exit';
    }
    return 'normal';
  }

  private statement(statement: Statement, frame: Frame): Completion {
    switch (statement.type) {
      case 'ExpressionStatement':
        this.expression(statement.expression, frame);
        return 'normal';
      case 'ReturnStatement':
      case 'ThrowStatement':
        if (statement.argument) this.expression(statement.argument, frame);
        return 'exit';
      case 'ContinueStatement':
      case 'BreakStatement':
        return 'exit';
      case 'VariableDeclaration':
        for (const declarator of statement.declarations) {
          if (!declarator.init) continue;
          if (declarator.id.type === 'Identifier' && this.isSubject(declarator.init)) {
            this.subjectNames.add(declarator.id.name); // const db = database.knex as Knex
            continue;
          }
          if (declarator.id.type === 'Identifier' && this.derivedFrom(declarator.id.name, declarator.init, frame)) continue;
          this.expression(declarator.init, frame);
          if (declarator.id.type === 'Identifier') this.declared(declarator.id.name, declarator.init, frame);
        }
        return 'normal';
      case 'BlockStatement':
        return this.statements(statement.body, { ...frame, scope: frame.scope.child() });
      case 'IfStatement': {
        // A condition on the database decides which branch runs on PostgreSQL; any other (`await
        // knex.schema.hasTable('x')`) only decides at run time, and both branches are read as conditional.
        this.expression(statement.test, frame); // `if ((await knex('t').update(…)) === 0)` runs a query too
        const holds = this.dialect.holds(statement.test, frame.scope);
        if (holds !== undefined && (holds === false || statement.alternate)) this.leftOutCode = true;
        if (holds === true) {
          const completion = this.statement(statement.consequent, frame);
          // `if (client !== 'sqlite3') return;`: what follows runs on other databases only.
          if (completion === 'exit') this.leftOutCode = true;
          return completion;
        }
        if (holds === false) return statement.alternate ? this.statement(statement.alternate, frame) : 'normal';
        const start = this.output.operations.length;
        this.inBranch(() => this.statement(statement.consequent, { ...frame, conditional: true }));
        const absent = this.absentTableGuard(statement.test, frame.scope);
        if (absent) this.markCreatedIfAbsent(start, absent);
        const alternate = statement.alternate;
        if (alternate) this.inBranch(() => this.statement(alternate, { ...frame, conditional: true }));
        return 'normal';
      }
      case 'TryStatement': {
        const completion = this.statements(statement.block.body, frame);
        if (statement.finalizer) this.statements(statement.finalizer.body, frame);
        return completion;
      }
      case 'ForStatement':
      case 'ForOfStatement':
      case 'ForInStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        this.loop(statement, frame);
        return 'normal';
      case 'SwitchStatement':
        return this.switchStatement(statement, frame);
      case 'LabeledStatement':
        return this.statement(statement.body, frame);
      default:
        return 'normal'; // function declarations are followed where they are called
    }
  }

  private switchStatement(statement: Extract<Statement, { type: 'SwitchStatement' }>, frame: Frame): Completion {
    // `switch (_a.label)` is compiled async code (a __generator state machine): its cases run in order.
    const discriminant = statement.discriminant;
    const generator = discriminant.type === 'MemberExpression' && discriminant.property.type === 'Identifier' && discriminant.property.name === 'label';
    const start = generator ? undefined : this.dialect.postgresCase(statement, frame.scope);
    if (start !== undefined) {
      // `switch (client) { case 'pg': … }`: on PostgreSQL, the matching case runs (falling through), or default.
      this.leftOutCode = true;
      for (const branch of start < 0 ? [] : statement.cases.slice(start)) {
        if (this.statements(branch.consequent, frame) === 'exit') break;
      }
      return 'normal';
    }
    for (const branch of statement.cases) this.statements(branch.consequent, { ...frame, conditional: frame.conditional || !generator });
    return 'normal';
  }

  /** A call on the migration's context other than its subject (n8n's `runQuery(sql)`); true when handled. */
  protected contextCall(_chain: Chain, _node: Node, _frame: Frame): boolean {
    return false;
  }

  /** A hook for `const x = <init>` (TypeORM binds `await queryRunner.getTable('t')` to its name). */
  protected declared(_name: string, _init: Node, _frame: Frame): void {}

  private loop(statement: Statement, frame: Frame): void {
    const body = (statement as Extract<Statement, { body: unknown }>).body as Statement;
    const unrolled = this.unrolled(statement, frame);
    if (unrolled) {
      for (const scope of unrolled) this.statement(body, { ...frame, scope });
      return;
    }
    // Otherwise the body is read once, aside: a loop of data statements (a backfill) is fine;
    // a loop that changes the schema depends on run-time values and is reported.
    const scratch = new ScriptOutput(this.output.lines, this.output.keepStatementText);
    const outer = this.output;
    this.output = scratch;
    const test = 'test' in statement ? statement.test : undefined;
    if (test) this.expression(test, { ...frame, conditional: true });
    this.statement(body, { ...frame, scope: frame.scope.child(), conditional: true });
    this.output = outer;
    this.output.statements += scratch.statements;
    const changesSchema = scratch.operations.some((operation) => !isDataStatement(operation)) || scratch.problems.length > 0;
    if (changesSchema) {
      this.output.unanalyzed(statement, 'A loop around schema changes: what runs inside depends on run-time values and was not checked.');
    }
  }

  /**
   * One scope per iteration of a loop over an array that is constant in the
   * file (`for (const t of TABLES)`, `for (let i = 0; i < TABLES.length; i++)`),
   * or undefined when the loop is not one.
   */
  private unrolled(statement: Statement, frame: Frame): StaticScope[] | undefined {
    if (statement.type === 'ForOfStatement' && statement.left.type === 'VariableDeclaration') {
      const elements = constantElements(statement.right, frame.scope);
      const binding = statement.left.declarations[0]?.id;
      if (!elements || !binding) return undefined;
      return elements.map((element) => bindPattern(frame.scope.child(), binding, element));
    }
    if (statement.type === 'ForStatement') {
      const counter = indexedLoop(statement, frame.scope);
      if (!counter) return undefined;
      return Array.from({ length: counter.count }, (_item, index) => {
        const scope = frame.scope.child();
        scope.bind(counter.name, { type: 'NumericLiteral', value: index } as Expression);
        return scope;
      });
    }
    return undefined;
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
      case 'ConditionalExpression': {
        const holds = this.dialect.holds(expression.test, frame.scope);
        if (holds !== false) this.expression(expression.consequent, holds === true ? frame : { ...frame, conditional: true });
        if (holds !== true) this.expression(expression.alternate, holds === false ? frame : { ...frame, conditional: true });
        return;
      }
      case 'LogicalExpression': {
        this.expression(expression.left, frame);
        // `isPostgres && knex.raw(…)` runs on PostgreSQL; `isSqlite && …`, `isPostgres || …` do not.
        const holds = this.dialect.holds(expression.left, frame.scope);
        const runs = expression.operator === '&&' ? holds : expression.operator === '||' ? (holds === undefined ? undefined : !holds) : undefined;
        if (runs !== false) this.expression(expression.right, runs === true ? frame : { ...frame, conditional: true });
        else this.leftOutCode = true;
        return;
      }
      case 'UnaryExpression':
        return this.expression(expression.argument, frame);
      case 'BinaryExpression':
        if (expression.left.type !== 'PrivateName') this.expression(expression.left, frame);
        return this.expression(expression.right, frame);
      case 'AssignmentExpression':
        return this.expression(expression.right, frame); // query = knex.schema.raw(…)
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return this.walkFunction(expression, frame);
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'MemberExpression':
      case 'NewExpression':
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
    const chain = this.dealiased(flattenChain(node), frame.scope);
    const root = chain.root;
    if (root.type === 'Identifier' && this.subjectNames.has(root.name)) return this.subjectChain(chain, frame);
    if (root.type === 'ThisExpression' || (root.type === 'Identifier' && root.name === '_this')) {
      const [first] = chain.links;
      if (first && this.subjectNames.has(first.name)) return this.subjectChain({ root: { type: 'Identifier', name: first.name } as Node, links: chain.links.slice(1) }, frame);
    }
    if (root.type === 'Identifier' && chain.links.length > 0 && this.subjectPaths.has(`${root.name}.${chain.links[0].name}`)) {
      if (chain.links[0].args) {
        this.output.statements++;
        return this.thenCallbacks(chain.links.slice(1), frame); // database.knex('table')…: a data query
      }
      return this.subjectChain({ root, links: chain.links.slice(1) }, frame); // bp.database.schema…
    }
    if (root.type === 'CallExpression' && root.callee.type === 'Identifier' && this.subjectNames.has(root.callee.name)) {
      this.output.statements++;
      return this.thenCallbacks(chain.links, frame); // knex('table')…: a data query, not a schema change
    }
    if (root.type === 'Identifier' && this.derived.has(root.name)) return this.derivedCall(chain, node, frame, this.derived.get(root.name)!);
    if (this.contextCall(chain, node, frame)) return;
    if (root.type === 'Identifier' && root.name === 'Promise' && chain.links[0]?.name.startsWith('all')) {
      for (const arg of chain.links[0].args ?? []) this.expression(arg, frame);
      return this.thenCallbacks(chain.links.slice(1), frame);
    }
    if (this.constantIteration(chain, frame)) return;
    if (isCompiledAsyncHelper(node)) {
      // Compiled TypeScript: __awaiter(this, void 0, void 0, function* () { … }), __generator(this, function (_a) { … }).
      const args = (unwrapTypeScript(node) as Extract<Node, { type: 'CallExpression' }>).arguments;
      const body = args[args.length - 1];
      if (body && (body.type === 'FunctionExpression' || body.type === 'ArrowFunctionExpression')) return this.walkFunction(body, frame);
    }
    if (root.type === 'CallExpression' && chain.links.some((link) => link.args) && this.subjectArgumentIndex(root) >= 0 && !this.localFunction(root)) {
      // getHelpers(knex).schema.changeToType(…): a call on what outside code made from the subject.
      return this.derivedCall(chain, node, frame, { origin: snippet(this.source, root), readOnly: READ_ONLY_FACTORY.test(calleeName(root)) });
    }
    const subjectArgument = this.subjectArgumentIndex(node);
    // A function of this file is followed, whether it is handed the subject or reaches it as a closure.
    const helper = this.localFunction(node, frame.scope);
    if (helper && this.helperDepth < MAX_HELPER_DEPTH) return this.followHelper(helper, unwrapTypeScript(node) as CallExpression, subjectArgument, frame);
    if (subjectArgument < 0 || isReadOnlyHelper(node)) return;
    // `createOnUpdateTrigger(knex, TableName.Project)` from the project's own `../utils`: followed in its module.
    const imported = this.helperDepth < MAX_HELPER_DEPTH ? this.importedHelper(node) : undefined;
    if (imported) return this.followHelper(imported.fn, unwrapTypeScript(node) as CallExpression, subjectArgument, frame, imported.module);
    this.output.unanalyzed(node, `\`${snippet(this.source, node)}\` hands ${this.subjectLabel} to code that is not followed; what it does was not checked.`);
  }

  /**
   * A chain on a name that stands for the subject or part of it (`const { queryRunner } = context`,
   * `const schema = knex.schema`) becomes the chain on the subject itself.
   */
  private dealiased(chain: Chain, scope: StaticScope): Chain {
    const root = chain.root;
    if (root.type !== 'Identifier' || this.subjectNames.has(root.name)) return chain;
    const bound = scope.resolve(root);
    if (!bound || bound === root || (bound.type !== 'MemberExpression' && bound.type !== 'Identifier')) return chain;
    const inner = flattenChain(bound);
    const reachesSubject =
      inner.root.type === 'Identifier' &&
      (this.subjectNames.has(inner.root.name) || (inner.links.length > 0 && this.subjectPaths.has(`${inner.root.name}.${inner.links[0].name}`)));
    return reachesSubject && inner.links.every((link) => !link.args) ? { root: inner.root, links: [...inner.links, ...chain.links] } : chain;
  }

  /**
   * A helper defined in this file, followed with its parameters standing for the
   * call's arguments (the subject, and constants such as table names). A helper
   * the file calls once, handing it only the subject (`await this.postgresUp(queryRunner)`
   * in a switch on the database), is reported where its code is. Otherwise what it
   * does is reported at the call, once per call: each operation, and one warning
   * for whatever in it could not be followed.
   */
  private followHelper(helper: FunctionNode, call: CallExpression, subjectIndex: number, frame: Frame, foreign?: ImportedFunction['module']): void {
    // An imported helper reads its own module's constants; what the call hands it is evaluated here.
    const scope = (foreign ? foreign.scope : frame.scope).child();
    const added: string[] = [];
    helper.params.forEach((param, index) => {
      // handed the migration's context and taking it apart: `private async migrateUp(table, { escape, runQuery })`
      if (index === subjectIndex && param.type === 'ObjectPattern') return this.destructuredContext(param, scope);
      const name = param.type === 'Identifier' ? param.name : param.type === 'AssignmentPattern' && param.left.type === 'Identifier' ? param.left.name : undefined;
      if (name === undefined) return;
      if (index === subjectIndex) {
        if (!this.subjectNames.has(name)) added.push(name);
        this.subjectNames.add(name);
      } else {
        scope.bind(name, argumentValue(call.arguments[index], frame.scope));
      }
    });
    const scratch = new ScriptOutput(foreign ? new LineIndex(foreign.text) : this.output.lines, this.output.keepStatementText);
    const outer = this.output;
    const home = { source: this.source, program: this.program, programScope: this.programScope };
    const callText = snippet(this.source, call);
    this.output = scratch;
    if (foreign) Object.assign(this, { source: foreign.text, program: foreign.program, programScope: foreign.scope });
    this.helperDepth++;
    try {
      if (helper.body.type === 'BlockStatement') this.statements(helper.body.body, { ...frame, scope });
      else this.expression(helper.body, { ...frame, scope });
    } finally {
      this.helperDepth--;
      this.output = outer;
      Object.assign(this, home);
    }
    for (const name of added) this.subjectNames.delete(name);

    // Handed nothing but the subject, its code does the same whoever calls it: its own lines are the exact place.
    const onlySubject = call.arguments.every((arg, index) => index === subjectIndex || this.isSubject(arg) || this.holdsSubject(arg));
    const inPlace = !foreign && onlySubject && this.callCount(call) === 1 && !this.followedHelpers.has(helper);
    this.followedHelpers.add(helper);
    outer.statements += scratch.statements;
    outer.directives.push(...scratch.directives);
    if (inPlace) {
      outer.operations.push(...scratch.operations);
      for (const problem of scratch.problems) outer.problem(problem);
      return;
    }
    const place = { location: outer.spanOf(call), anchorLine: frame.statementLine };
    for (const operation of scratch.operations) {
      // An imported helper's statement is in another file: neither a fix nor a trace can point at its text here.
      if (foreign) {
        const { sql: _sql, sqlLocation: _sqlLocation, ...moved } = operation;
        outer.operations.push({ ...moved, ...place } as Operation);
      } else outer.operations.push({ ...operation, ...place });
    }
    for (const problem of scratch.problems.filter((entry) => entry.rule === 'syntax-error')) {
      outer.problem(foreign ? { ...problem, location: place.location, message: `In \`${callText}\` (${path.basename(foreign.file)}): ${problem.message}` } : problem);
    }
    const unfollowed = scratch.problems.filter((entry) => entry.rule === 'unanalyzed-code');
    if (unfollowed.length > 0) {
      const more = unfollowed.length > 1 ? ` (and ${unfollowed.length - 1} more)` : '';
      outer.unanalyzed(call, `In \`${callText}\`: ${unfollowed[0].message}${more}`);
    }
  }

  /** `TABLES.forEach((t) => …)`, `Promise.all(TABLES.map(async (t) => …))` over an array constant in the file. */
  private constantIteration(chain: Chain, frame: Frame): boolean {
    const last = chain.links[chain.links.length - 1];
    if (!last || (last.name !== 'forEach' && last.name !== 'map') || !last.args?.[0]) return false;
    const arrayNode = chain.links.length === 1 ? chain.root : undefined;
    const elements = arrayNode && constantElements(arrayNode, frame.scope);
    const callback = unwrapTypeScript(last.args[0]);
    if (!elements || (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression')) return false;
    const binding = callback.params[0];
    for (const element of elements) {
      const scope = binding ? bindPattern(frame.scope.child(), binding, element) : frame.scope.child();
      if (callback.body.type === 'BlockStatement') this.statements(callback.body.body, { ...frame, scope });
      else this.expression(callback.body, { ...frame, scope });
    }
    return true;
  }

  /**
   * `const helper = getHelpers(knex).schema`, `const inspector = createInspector(knex)`:
   * a value made from the subject by code outside this file. Calls on it are checked
   * where they are made (see derivedCall). False when `init` is not such a value.
   */
  private derivedFrom(name: string, init: Node, frame: Frame): boolean {
    const value = unwrapTypeScript(init.type === 'AwaitExpression' ? init.argument : init);
    const chain = flattenChain(value);
    const root = chain.root;
    if (root.type === 'Identifier' && this.derived.has(root.name) && chain.links.every((link) => !link.args)) {
      this.derived.set(name, this.derived.get(root.name)!); // const schema = helpers.schema
      return true;
    }
    const made = root.type === 'CallExpression' || root.type === 'NewExpression' ? root : undefined;
    if (!made || chain.links.some((link) => link.args)) return false;
    const callee = calleeName(made);
    const receivesSubject = made.arguments.some((arg) => this.mentionsSubject(arg));
    if (!receivesSubject || this.localFunction(made) || !(made.type === 'NewExpression' || FACTORY.test(callee) || READ_ONLY_FACTORY.test(callee))) return false;
    this.derived.set(name, { origin: snippet(this.source, made), readOnly: READ_ONLY_FACTORY.test(callee) });
    void frame;
    return true;
  }

  /** A call on a value made by outside code from the subject: checked by hand, unless it only reads. */
  private derivedCall(chain: Chain, node: Node, frame: Frame, origin: { origin: string; readOnly: boolean }): void {
    const called = [...chain.links].reverse().find((link) => link.args);
    if (!called) return;
    if (origin.readOnly || READ_ONLY_NAME.test(called.name)) return this.thenCallbacks(chain.links, frame);
    this.output.unanalyzed(node, `\`${snippet(this.source, node)}\` runs code from outside this file (on \`${origin.origin}\`); what it does was not checked.`);
  }

  /** The table named by `!(await knex.schema.hasTable('t'))` or `!(await queryRunner.hasTable('t'))`, a guard that runs its branch only when the table is not there. */
  private absentTableGuard(test: Node, scope: StaticScope): string | undefined {
    const negation = unwrapTypeScript(test);
    if (negation.type !== 'UnaryExpression' || negation.operator !== '!') return undefined;
    let inner = unwrapTypeScript(negation.argument);
    if (inner.type === 'AwaitExpression') inner = unwrapTypeScript(inner.argument);
    if (inner.type !== 'CallExpression') return undefined;
    const chain = flattenChain(inner);
    const last = chain.links[chain.links.length - 1];
    const path = chain.links.slice(0, -1).map((link) => link.name).join('.');
    if (last?.name !== 'hasTable' || !['', 'schema'].includes(path) || !this.isSubject(chain.root)) return undefined;
    return scope.string(last.args?.[0]);
  }

  /**
   * The guarded branch's own creation of the table is `CREATE TABLE IF NOT EXISTS`: when the
   * replayed history does not have the table, the creation runs (see schema/apply.ts).
   */
  private markCreatedIfAbsent(start: number, table: string): void {
    const operations = this.output.operations;
    for (let i = start; i < operations.length; i++) {
      const operation = operations[i];
      if (operation.kind !== 'createTable' || operation.branch?.length !== 1) continue;
      const name = operation.table.schema === undefined ? operation.table.name : `${operation.table.schema}.${operation.table.name}`;
      if (name !== table && operation.table.name !== table) continue;
      operations[i] = { ...operation, ifNotExists: true };
      return;
    }
  }

  /** The subject itself: a name bound to it, or a path that stands for it (`database.knex`). */
  private isSubject(node: Node): boolean {
    const inner = unwrapTypeScript(node);
    if (inner.type === 'Identifier') return this.subjectNames.has(inner.name);
    return inner.type === 'MemberExpression' && !inner.computed && inner.object.type === 'Identifier' && inner.property.type === 'Identifier' && this.subjectPaths.has(`${inner.object.name}.${inner.property.name}`);
  }

  /** The subject, or an object that holds it (botpress's `bp`, whose `bp.database` is Knex). */
  private holdsSubject(node: Node): boolean {
    const inner = unwrapTypeScript(node);
    return this.isSubject(inner) || (inner.type === 'Identifier' && [...this.subjectPaths].some((path) => path.startsWith(`${inner.name}.`)));
  }

  private mentionsSubject(arg: Node): boolean {
    const inner = unwrapTypeScript(arg);
    if (inner.type === 'Identifier' || inner.type === 'MemberExpression') return this.holdsSubject(inner);
    if (inner.type === 'ObjectExpression') {
      return inner.properties.some((property) => property.type === 'ObjectProperty' && this.mentionsSubject(property.value));
    }
    return false;
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
      // `cond ? sqlA : sqlB`: the branch for PostgreSQL, or each branch when the condition is not about the database.
      const holds = this.dialect.holds(resolved.test, frame.scope);
      if (holds !== false) this.embeddedSql(resolved.consequent, holds === true ? frame : { ...frame, conditional: true }, prepare);
      if (holds !== true) this.embeddedSql(resolved.alternate, holds === false ? frame : { ...frame, conditional: true }, prepare);
      return;
    }
    const sql = mappedText(sqlArg, frame.scope, this.source, (expression) => this.placeholder(expression, frame.scope));
    if (!sql) {
      const why = frame.scope.isTooLarge(sqlArg) ? `is a constant over ${MAX_STATIC_VALUE_SIZE.toLocaleString('en')} characters long` : 'is built at run time';
      this.output.unanalyzed(sqlArg, `The SQL \`${snippet(this.source, sqlArg)}\` ${why}; it was not checked.`);
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

  /** What stands in SQL for a `${…}` that is not a constant (a front-end may know better, e.g. n8n's `escape`). */
  protected placeholder(expression: Node, scope: StaticScope): string {
    const inner = scope.resolve(expression) ?? unwrapTypeScript(expression);
    if (inner.type === 'ConditionalExpression') {
      const holds = this.dialect.holds(inner.test, scope);
      const chosen = holds === true ? scope.value(inner.consequent) : holds === false ? scope.value(inner.alternate) : undefined;
      if (typeof chosen === 'string') return chosen;
    }
    const name = placeholderFor(expression, this.source, scope);
    this.runtimeNames.add(name);
    return name;
  }

  protected push(operation: Operation): void {
    this.output.operations.push(operation);
  }

  /** How many calls in the file name the function this call names. */
  private callCount(call: CallExpression): number {
    const name = calledName(call);
    if (name === undefined) return 0;
    if (!this.callCounts) {
      const counts = new Map<string, number>();
      countCalls(this.program, counts);
      this.callCounts = counts;
    }
    return this.callCounts.get(name) ?? 0;
  }

  /** A function the migration imports from the project's own modules, found in its module. */
  private importedHelper(node: Node): ImportedFunction | undefined {
    const call = unwrapTypeScript(node);
    // From the migration's own imports only (a helper's helpers in its module are not followed).
    if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || this.filePath === undefined || this.program !== this.homeProgram) return undefined;
    const found = importedFunction(this.program, this.filePath, call.callee.name);
    for (const file of found?.files ?? []) this.readFiles.add(file);
    return found;
  }

  /** A function defined in this file: `helper(…)` (also a constant of `up`), or a method of the migration class, `this.helper(…)`. */
  private localFunction(node: Node, scope: StaticScope = this.programScope): FunctionNode | undefined {
    const call = unwrapTypeScript(node);
    if (call.type !== 'CallExpression') return undefined;
    if (call.callee.type === 'Identifier') return functionOf(call.callee, this.program, scope);
    const callee = call.callee;
    if (callee.type === 'MemberExpression' && (callee.object.type === 'ThisExpression' || (callee.object.type === 'Identifier' && callee.object.name === '_this'))) {
      const name = callee.property.type === 'Identifier' ? callee.property.name : undefined;
      return name ? classMethod(this.program, name) : undefined;
    }
    return undefined;
  }

  private subjectArgumentIndex(node: Node): number {
    const call = unwrapTypeScript(node);
    if (call.type !== 'CallExpression' && call.type !== 'NewExpression') return -1;
    // `createStrategyTable(database.knex, …)`, `new Migrator(bp, …)` (botpress) hand it over too.
    const subject = call.arguments.findIndex((arg) => this.isSubject(arg));
    return subject >= 0 ? subject : call.arguments.findIndex((arg) => this.holdsSubject(arg));
  }
}

/** The function a call names: `helper` in `helper(…)`, `method` in `this.method(…)` (or compiled code's `_this.method(…)`). */
function calledName(call: CallExpression): string | undefined {
  const callee = unwrapTypeScript(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  const onThis = callee.type === 'MemberExpression' && (callee.object.type === 'ThisExpression' || (callee.object.type === 'Identifier' && callee.object.name === '_this'));
  return onThis && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : undefined;
}

/** Counts the calls under `node` by the name they call (see calledName). */
function countCalls(node: Node, counts: Map<string, number>): void {
  walkNodes(node, (inner) => {
    const name = inner.type === 'CallExpression' ? calledName(inner) : undefined;
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  });
}

/**
 * The elements of an array that is constant in the file (at most MAX_UNROLLED), or undefined:
 * also one spread from such arrays (`[...PARENT_TABLES, ...CHILD_TABLES]`), and
 * `Object.entries`, `Object.keys` or `Object.values` of a constant object.
 */
function constantElements(node: Node, scope: StaticScope, depth = 0): Node[] | undefined {
  if (depth > MAX_SPREAD_DEPTH) return undefined;
  const ofObject = objectIteration(node, scope);
  if (ofObject) return ofObject.length > MAX_UNROLLED ? undefined : ofObject;
  const array = scope.resolve(node);
  if (array?.type !== 'ArrayExpression') return undefined;
  const elements: Node[] = [];
  for (const element of array.elements) {
    if (element === null) return undefined;
    const spread = element.type === 'SpreadElement' ? constantElements(element.argument, scope, depth + 1) : [element];
    if (!spread) return undefined;
    elements.push(...spread);
    if (elements.length > MAX_UNROLLED) return undefined;
  }
  return elements;
}

/** Arrays spread into arrays, nested this deep at most. */
const MAX_SPREAD_DEPTH = 8;

/** `Object.entries(CONSTANT)` as `[key, value]` pairs (`keys`, `values`: either), for an object literal of plain properties. */
function objectIteration(node: Node, scope: StaticScope): Node[] | undefined {
  const call = unwrapTypeScript(node);
  if (call.type !== 'CallExpression' || call.arguments.length !== 1) return undefined;
  const callee = unwrapTypeScript(call.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier' || callee.object.name !== 'Object') return undefined;
  const method = callee.property.type === 'Identifier' ? callee.property.name : undefined;
  if (method !== 'entries' && method !== 'keys' && method !== 'values') return undefined;
  const object = scope.resolve(call.arguments[0]);
  if (object?.type !== 'ObjectExpression') return undefined;
  const pairs: Array<[Expression, Expression]> = [];
  for (const property of object.properties) {
    const key = property.type === 'ObjectProperty' && !property.computed ? propertyName(property.key) : undefined;
    if (property.type !== 'ObjectProperty' || key === undefined) return undefined;
    pairs.push([{ type: 'StringLiteral', value: key } as Expression, property.value as Expression]);
  }
  if (method === 'keys') return pairs.map(([key]) => key);
  if (method === 'values') return pairs.map(([, value]) => value);
  return pairs.map((pair) => ({ type: 'ArrayExpression', elements: pair }) as Expression);
}

/** Binds a loop variable or callback parameter (a name, `{ a, b }` or `[a, b]`) to an element. */
function bindPattern(scope: StaticScope, pattern: Node, element: Node): StaticScope {
  if (pattern.type === 'Identifier') scope.bind(pattern.name, element as Expression);
  else if (pattern.type === 'ObjectPattern') scope.bindPattern(pattern, element as Expression);
  else if (pattern.type === 'ArrayPattern') {
    pattern.elements.forEach((item, index) => {
      if (item?.type === 'Identifier') scope.bind(item.name, { type: 'MemberExpression', object: element, property: { type: 'NumericLiteral', value: index }, computed: true } as Expression);
    });
  }
  return scope;
}

/** `for (let i = 0; i < ARRAY.length; i++)` (or `i < N`, `i <= N`, `++i`, `i += 1`): the counter and how many turns. */
function indexedLoop(statement: Extract<Statement, { type: 'ForStatement' }>, scope: StaticScope): { name: string; count: number } | undefined {
  const init = statement.init;
  const declarator = init?.type === 'VariableDeclaration' && init.declarations.length === 1 ? init.declarations[0] : undefined;
  if (declarator?.id.type !== 'Identifier' || scope.value(declarator.init) !== 0) return undefined;
  const name = declarator.id.name;
  const update = statement.update;
  const steps =
    (update?.type === 'UpdateExpression' && update.operator === '++' && update.argument.type === 'Identifier' && update.argument.name === name) ||
    (update?.type === 'AssignmentExpression' && update.operator === '+=' && update.left.type === 'Identifier' && update.left.name === name && scope.value(update.right) === 1);
  const test = statement.test;
  if (!steps || test?.type !== 'BinaryExpression' || test.left.type !== 'Identifier' || test.left.name !== name) return undefined;
  const right = unwrapTypeScript(test.right);
  let bound: number | undefined;
  if (right.type === 'MemberExpression' && !right.computed && right.property.type === 'Identifier' && right.property.name === 'length') {
    bound = constantElements(right.object, scope)?.length;
  } else {
    const value = scope.value(right);
    bound = typeof value === 'number' ? value : undefined;
  }
  if (bound === undefined || (test.operator !== '<' && test.operator !== '<=')) return undefined;
  const count = test.operator === '<=' ? bound + 1 : bound;
  return count >= 0 && count <= MAX_UNROLLED ? { name, count } : undefined;
}

/** A helper's argument as the helper sees it: a constant, an object or array literal, or unknown. */
function argumentValue(arg: Node | undefined, scope: StaticScope): Expression {
  if (!arg || arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder') return UNKNOWN;
  const value = scope.value(arg);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return literalOf(value);
  const resolved = scope.resolve(arg);
  const passable = ['ObjectExpression', 'ArrayExpression', 'ArrowFunctionExpression', 'FunctionExpression', 'TemplateLiteral'];
  return resolved && passable.includes(resolved.type) ? (resolved as Expression) : UNKNOWN;
}

function calleeName(node: Extract<Node, { type: 'CallExpression' | 'NewExpression' }>): string {
  const callee = unwrapTypeScript(node.callee);
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed) return propertyName(callee.property) ?? '';
  return '';
}

/** SELECT, INSERT, UPDATE, DELETE: data, not schema. */
function isDataStatement(operation: Operation): boolean {
  return operation.kind === 'other' && /^(Select|Insert|Update|Delete|Merge|Copy)Stmt$/.test(operation.statement);
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
  walkNodes(program, (node) => {
    if (found) return false;
    if (node.type === 'ClassMethod' && node.key.type === 'Identifier' && node.key.name === name) found = node;
    return found === undefined;
  });
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
