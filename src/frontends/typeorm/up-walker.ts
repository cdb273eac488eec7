import type { Node } from '@babel/types';
import type { ColumnDefinition, ConstraintDefinition, Operation, TableName } from '../../model/operations';
import type { Chain, ChainLink } from '../js/chains';
import { n8nSchemaOperations } from './n8n-schema-builder';
import { type Frame, MigrationWalker } from '../js/migration-walker';
import { snippet } from '../js/script-output';
import { type StaticScope, propertyName, unwrapTypeScript } from '../js/static-values';
import { substituteKnexBindings } from '../js/embedded-sql';
import { flattenChain } from '../js/chains';
import { type Properties, columnFrom, constraintFrom, elementsOf, nameOf, optionsOf, tableNameFrom } from './schema-objects';

type Place = Pick<Operation, 'location' | 'anchorLine'> & { conditional?: boolean; withTableCreation?: boolean };

/** QueryRunner methods that read, or manage the connection: no schema change. */
const QUIET_METHODS = new Set([
  'getTable',
  'getTables',
  'getView',
  'getViews',
  'hasTable',
  'hasColumn',
  'hasDatabase',
  'hasSchema',
  'getDatabases',
  'getSchemas',
  'release',
  'connect',
  'clearSqlMemory',
  'enableSqlMemory',
  'disableSqlMemory',
  'getMemorySql',
  'stream',
  'getReplicationMode',
]);

const TRANSACTION_METHODS: Record<string, 'begin' | 'commit' | 'rollback'> = {
  startTransaction: 'begin',
  commitTransaction: 'commit',
  rollbackTransaction: 'rollback',
};

/** Data and connection methods (on the query runner, its manager or connection): no schema change. */
const DATA_METHODS = new Set([
  'createQueryBuilder', 'getRepository', 'getTreeRepository', 'find', 'findBy', 'findOne', 'findOneBy', 'findAndCount', 'count', 'exists',
  'save', 'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'restore', 'increment', 'decrement', 'clear', 'transaction',
  'getMetadata', 'hasMetadata', 'getCustomRepository', 'create', 'merge', 'preload', 'sql',
]);

/** QueryRunner methods that change the schema in ways no rule looks at (schemas, views, databases, sequences). */
const OTHER_SCHEMA_METHODS = new Set(['createSchema', 'dropSchema', 'createView', 'dropView', 'createDatabase', 'clearDatabase', 'changeTableComment']);

/**
 * n8n's migration context, `up({ queryRunner, tablePrefix, escape, runQuery, schemaBuilder })`:
 * `runQuery(sql)` runs SQL; `escape.tableName('x')` quotes a name; `tablePrefix` is empty by
 * default; the schema builder's calls (`createTable('x').withColumns(…)`) are not read.
 */
type ContextRole = 'runQuery' | 'runInBatches' | 'copyTable' | 'escape' | 'tablePrefix' | 'schemaBuilder';
const CONTEXT_ROLES = new Set<string>(['runQuery', 'runInBatches', 'copyTable', 'escape', 'tablePrefix', 'schemaBuilder']);

/** What a name of n8n's context stands for; `member` names the schema builder's function (`createTable`). */
interface ContextName {
  role: ContextRole;
  member?: string;
}

/** A call on the context: which part, the arguments of the call, and what is chained after it. */
interface ContextCall extends ContextName {
  args: Node[];
  rest: ChainLink[];
  called: boolean;
}

/** Walks a TypeORM `up(queryRunner)`: `queryRunner.query(sql)` and the QueryRunner schema API. */
export class TypeormUpWalker extends MigrationWalker {
  protected readonly subjectLabel = 'the query runner';
  private readonly roles = new Map<string, ContextName>();

  override destructuredContext(pattern: Extract<Node, { type: 'ObjectPattern' }>, scope: StaticScope): void {
    for (const property of pattern.properties) {
      if (property.type !== 'ObjectProperty') continue;
      const key = propertyName(property.key);
      if (key === 'schemaBuilder' && property.value.type === 'ObjectPattern') {
        for (const inner of property.value.properties) {
          const member = inner.type === 'ObjectProperty' ? propertyName(inner.key) : undefined;
          if (inner.type === 'ObjectProperty' && inner.value.type === 'Identifier') this.roles.set(inner.value.name, { role: 'schemaBuilder', member });
        }
        continue;
      }
      if (property.value.type !== 'Identifier' || key === undefined) continue;
      const local = property.value.name;
      if (key === 'queryRunner') this.subjectNames.add(local);
      else if (CONTEXT_ROLES.has(key)) this.roles.set(local, { role: key as ContextRole });
      // n8n's default table prefix is empty: `${tablePrefix}user` is the table "user".
      if (key === 'tablePrefix') scope.bind(local, { type: 'StringLiteral', value: '' } as never);
    }
  }

  /** `${escape.tableName('user')}` is the quoted name, `"user"`; `${tablePrefix}` is empty. */
  protected override placeholder(expression: Node, scope: StaticScope): string {
    const call = this.contextCallOf(flattenChain(scope.resolve(expression) ?? unwrapTypeScript(expression)), scope);
    if (call?.role === 'tablePrefix' && !call.called) return '';
    if (call?.role === 'escape' && call.called && call.rest.length === 0) {
      const name = scope.string(call.args[0]);
      if (name !== undefined) return `"${name.replace(/"/g, '""')}"`;
    }
    return super.placeholder(expression, scope);
  }

  /** n8n's context functions, called by their own names (`runQuery(sql)`, `createTable('t')…`). */
  protected override contextCall(chain: Chain, node: Node, frame: Frame): boolean {
    const call = this.contextCallOf(chain, frame.scope);
    return call ? this.roleCall(call, node, frame) : false;
  }

  /**
   * A chain on n8n's context: `runQuery(sql)`, `createTable('t').withColumns(…)`,
   * `schemaBuilder.dropTable('t')`, `context.escape.tableName('t')`, `escape.tableName('t')`.
   */
  private contextCallOf(chain: Chain, scope: StaticScope): ContextCall | undefined {
    const root = chain.root;
    if (root.type === 'CallExpression') {
      // runQuery(sql), createTable('t')…: the function itself was taken from the context
      const name = this.nameOf(unwrapTypeScript(root.callee), scope);
      return name && { ...name, args: root.arguments, rest: chain.links, called: true };
    }
    let links = chain.links;
    let name = root.type === 'Identifier' && !this.subjectNames.has(root.name) ? this.nameOf(root, scope) : undefined;
    if (!name && root.type === 'Identifier' && this.subjectNames.has(root.name) && links[0] && CONTEXT_ROLES.has(links[0].name)) {
      name = { role: links[0].name as ContextRole }; // context.runQuery(…), context.schemaBuilder…
      if (!links[0].args) links = links.slice(1);
    }
    if (!name) return undefined;
    // schemaBuilder.createTable(…): the first link names the builder's function (and is its call).
    if (name.role === 'schemaBuilder' && !name.member && links[0]) name = { role: 'schemaBuilder', member: links[0].name };
    const called = links[0]?.args !== undefined;
    return { ...name, args: called ? (links[0].args ?? []) : [], rest: called ? links.slice(1) : links, called };
  }

  /** What a name of the context stands for: destructured from up's parameter, or from the context later. */
  private nameOf(node: Node, scope: StaticScope, depth = 0): ContextName | undefined {
    if (depth > 5) return undefined;
    if (node.type === 'Identifier') {
      const direct = this.roles.get(node.name);
      if (direct) return direct;
      const resolved = scope.resolve(node);
      return resolved && resolved !== node ? this.nameOf(resolved, scope, depth + 1) : undefined;
    }
    if (node.type === 'MemberExpression') {
      const chain = flattenChain(node);
      const [key, further] = chain.links;
      if (chain.root.type !== 'Identifier' || !key || chain.links.some((link) => link.args)) return undefined;
      const base = this.subjectNames.has(chain.root.name) && CONTEXT_ROLES.has(key.name) ? { role: key.name as ContextRole } : this.roles.get(chain.root.name);
      if (!base) return undefined;
      // context.schemaBuilder.createTable, or schemaBuilder.createTable taken apart later
      const member = base.role === 'schemaBuilder' ? (this.subjectNames.has(chain.root.name) ? further?.name : key.name) : undefined;
      return member ? { role: 'schemaBuilder', member } : base;
    }
    return undefined;
  }

  private roleCall(call: ContextCall, node: Node, frame: Frame): boolean {
    const { role, args } = call;
    if (role === 'runQuery' && args[0]) {
      this.output.statements++;
      const parameters = args[1];
      const bindings = parameters ? { kind: 'object' as const, names: namedParameters(parameters), values: frame.scope.value(parameters) as Record<string, unknown> | undefined } : undefined;
      this.embeddedSql(args[0], frame, (sql) => substituteKnexBindings(sql, bindings));
    } else if (role === 'runInBatches' || role === 'copyTable') {
      // A batched SELECT, or a copy of rows: data. The batch callback runs the statements of each batch.
      this.output.statements++;
      for (const arg of args) if (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression') this.walkFunction(arg, { ...frame, conditional: true });
    } else if (role === 'schemaBuilder' && call.called && call.member !== 'column') {
      const place = { location: this.output.spanOf(node), anchorLine: frame.statementLine, ...(frame.conditional ? { conditional: true } : {}) };
      const operations = call.member ? n8nSchemaOperations(call.member, args, call.rest, frame.scope, place) : undefined;
      if (!operations) {
        this.output.unanalyzed(node, `\`${snippet(this.source, node)}\` is not a call of n8n's schema builder that migralint can read; what it does was not checked.`);
        return true;
      }
      this.output.statements++;
      for (const operation of operations) this.push(operation);
    }
    return true;
  }

  /** `const table = await queryRunner.getTable('users')`: `table` then stands for 'users'. */
  protected override declared(name: string, init: Node, frame: Frame): void {
    const inner = unwrapTypeScript(init.type === 'AwaitExpression' ? init.argument : init);
    const chain = flattenChain(inner);
    const [first] = chain.links;
    if (chain.root.type !== 'Identifier' || !this.subjectNames.has(chain.root.name) || first?.name !== 'getTable') return;
    const table = frame.scope.string(first.args?.[0]);
    if (table !== undefined) frame.scope.bind(name, { type: 'StringLiteral', value: table } as never);
  }

  protected subjectChain(chain: Chain, frame: Frame): void {
    const [first] = chain.links;
    if (first && CONTEXT_ROLES.has(first.name)) {
      // n8n's context as a whole: context.runQuery(sql), context.schemaBuilder.createTable(…)
      const call = this.contextCallOf(chain, frame.scope);
      if (call) this.roleCall(call, { start: chain.root.start, end: chain.links[chain.links.length - 1].end } as Node, frame);
      return;
    }
    // queryRunner.manager.query(…) and queryRunner.connection.query(…) run SQL too; n8n's context.queryRunner is the query runner.
    const links = first?.name === 'manager' || first?.name === 'connection' || first?.name === 'queryRunner' ? chain.links.slice(1) : chain.links;
    const [method, ...rest] = links;
    if (!method || !method.args) return; // a property read (queryRunner.connection.options.type), not a call
    const place: Place = { location: this.output.span(method.start, method.end), anchorLine: frame.statementLine, ...(frame.conditional ? { conditional: true } : {}) };
    if (method.name === 'query' && method.args?.[0]) {
      this.embeddedSql(method.args[0], frame);
    } else if (DATA_METHODS.has(method.name)) {
      if (method.args) this.output.statements++; // queryRunner.manager.createQueryBuilder().update(…): data
    } else if (TRANSACTION_METHODS[method.name]) {
      this.output.statements++;
      this.push({ kind: 'transaction', ...place, action: TRANSACTION_METHODS[method.name] });
    } else if (!QUIET_METHODS.has(method.name)) {
      this.apiCall(method, place, frame);
    }
    this.thenCallbacks(rest, frame);
  }

  private apiCall(method: ChainLink, place: Place, frame: Frame): void {
    const args = method.args ?? [];
    const { scope } = frame;
    const table = tableNameFrom(args[0], scope);
    const unknown = (node: Node | undefined) =>
      this.output.unanalyzed(node ?? args[0] ?? ({ start: method.start, end: method.end } as Node), `\`${snippet(this.source, node ?? args[0] ?? ({ start: method.start, end: method.end } as Node))}\` is not known statically; this ${method.name}() was not checked.`);
    // `addColumn(t, c)` / `addColumns(t, [c, …])`: the second argument, or the elements of the array given instead.
    const oneOrMany = (single: string) => (method.name === single ? [args[1]] : elementsOf(args[1], scope));
    const needsTable = !['dropDatabase', 'createDatabase', 'createSchema', 'dropSchema', 'createView', 'dropView', 'createTable'].includes(method.name);
    if (needsTable && !table) return unknown(args[0]);
    this.output.statements++;
    const on = table as TableName;
    switch (method.name) {
      case 'createTable':
        return this.createTable(args, place, frame);
      case 'dropTable':
        return this.push({ kind: 'dropTable', ...place, tables: [on], ifExists: scope.value(args[1]) === true, cascade: false });
      case 'renameTable': {
        const newName = nameOf(args[1], scope);
        if (newName === undefined) return unknown(args[1]);
        return this.push({ kind: 'renameTable', ...place, table: on, newName, identifiers: [newName] });
      }
      case 'addColumn':
      case 'addColumns':
        for (const node of oneOrMany('addColumn')) {
          const column = this.column(node, frame);
          if (!column) {
            unknown(node);
            continue;
          }
          this.unreadDefault(node, column, frame);
          // A column's `foreignKey` becomes a constraint of its own, which PostgreSQL checks.
          const { references, ...added } = column;
          this.push({ kind: 'addColumn', ...place, table: on, column: added, ifNotExists: false, identifiers: [column.name] });
          if (references) {
            this.push({ kind: 'addConstraint', ...place, table: on, constraint: { kind: 'foreignKey', columns: [column.name], notValid: false, references } });
          }
        }
        return;
      case 'renameColumn': {
        const from = nameOf(args[1], scope);
        const to = nameOf(args[2], scope);
        if (from === undefined || to === undefined) return unknown(from === undefined ? args[1] : args[2]);
        return this.push({ kind: 'renameColumn', ...place, table: on, column: from, newName: to, identifiers: [to] });
      }
      case 'changeColumn':
        return this.changeColumn(on, args[1], args[2], place, frame);
      case 'changeColumns':
        for (const pair of elementsOf(args[1], scope)) {
          const options = optionsOf(pair, scope);
          this.changeColumn(on, options?.get('oldColumn')?.node, options?.get('newColumn')?.node, place, frame);
        }
        return;
      case 'dropColumn':
      case 'dropColumns':
        for (const node of oneOrMany('dropColumn')) {
          const column = nameOf(node, scope);
          if (column === undefined) unknown(node);
          else this.push({ kind: 'dropColumn', ...place, table: on, column, ifExists: false });
        }
        return;
      case 'createIndex':
      case 'createIndices':
        for (const node of oneOrMany('createIndex')) this.createIndex(on, optionsOf(node, scope), place);
        return;
      case 'dropIndex':
      case 'dropIndices':
        for (const node of oneOrMany('dropIndex')) {
          const name = nameOf(node, scope);
          // A TableIndex with isConcurrent: TypeORM sends DROP INDEX CONCURRENTLY.
          const concurrently = optionsOf(node, scope)?.get('isConcurrent')?.value === true;
          if (name === undefined) unknown(node);
          else this.push({ kind: 'dropIndex', ...place, names: [{ schema: on.schema, name }], concurrently, ifExists: false });
        }
        return;
      case 'createForeignKey':
      case 'createForeignKeys':
        return this.constraints('foreignKeys', on, oneOrMany('createForeignKey'), place, frame);
      case 'createUniqueConstraint':
      case 'createUniqueConstraints':
        return this.constraints('uniques', on, oneOrMany('createUniqueConstraint'), place, frame);
      case 'createCheckConstraint':
      case 'createCheckConstraints':
        return this.constraints('checks', on, oneOrMany('createCheckConstraint'), place, frame);
      case 'createExclusionConstraint':
      case 'createExclusionConstraints':
        return this.constraints('exclusions', on, oneOrMany('createExclusionConstraint'), place, frame);
      case 'createPrimaryKey': {
        const columns = scope.value(args[1]);
        const name = scope.string(args[2]);
        return this.push({
          kind: 'addConstraint',
          ...place,
          table: on,
          constraint: { kind: 'primaryKey', name, columns: Array.isArray(columns) ? columns.map(String) : [], notValid: false },
        });
      }
      case 'dropForeignKey':
      case 'dropForeignKeys':
      case 'dropUniqueConstraint':
      case 'dropUniqueConstraints':
      case 'dropCheckConstraint':
      case 'dropCheckConstraints':
      case 'dropExclusionConstraint':
      case 'dropPrimaryKey': {
        const nodes = method.name.endsWith('s') ? elementsOf(args[1], scope) : [args[1]];
        for (const node of nodes) {
          const name = method.name === 'dropPrimaryKey' ? (scope.string(args[1]) ?? `${on.name}_pkey`) : nameOf(node, scope);
          if (name === undefined) unknown(node);
          else this.push({ kind: 'dropConstraint', ...place, table: on, name, ifExists: false });
        }
        return;
      }
      case 'clearTable':
        return this.push({ kind: 'truncate', ...place, tables: [on], cascade: false });
      case 'dropDatabase': {
        const name = scope.string(args[0]);
        return name === undefined ? unknown(args[0]) : this.push({ kind: 'dropDatabase', ...place, name });
      }
      default:
        if (OTHER_SCHEMA_METHODS.has(method.name)) return this.push({ kind: 'other', ...place, statement: `queryRunner.${method.name}` });
        this.output.statements--;
        return this.output.unanalyzed({ start: method.start, end: method.end } as Node, `\`${snippet(this.source, { start: method.start, end: method.end } as Node)}\` is not a QueryRunner call migralint reads; what it does was not checked.`);
    }
  }

  private column(node: Node | undefined, frame: Frame): ColumnDefinition | undefined {
    const options = optionsOf(node, frame.scope);
    return options && columnFrom(options, node ? this.output.spanOf(node) : undefined);
  }

  /** A column added to a table whose default is not known: whether adding it rewrites the table is not known either. */
  private unreadDefault(node: Node | undefined, column: ColumnDefinition, frame: Frame): void {
    const defaultNode = column.default?.unread ? optionsOf(node, frame.scope)?.get('default')?.node : undefined;
    if (!defaultNode) return;
    this.output.unanalyzed(defaultNode, `The default of column "${column.name}", \`${snippet(this.source, defaultNode)}\`, is not known statically; whether adding it rewrites the table was not checked.`);
  }

  /** `createTable(new Table({ name, columns, indices, foreignKeys, uniques, checks }), ifNotExist?, createForeignKeys?, createIndices?)`. */
  private createTable(args: Node[], place: Place, frame: Frame): void {
    const { scope } = frame;
    const options = optionsOf(args[0], scope);
    const name = options?.get('name')?.value;
    if (!options || typeof name !== 'string') {
      this.output.unanalyzed(args[0] ?? ({ start: 0, end: 0 } as Node), `The table given to createTable() is not known statically; it was not checked.`);
      return;
    }
    const table = tableNameFrom(args[0], scope) as TableName;
    const columns: ColumnDefinition[] = [];
    for (const node of elementsOf(options.get('columns')?.node, scope)) {
      const column = this.column(node, frame);
      if (column) columns.push(column);
      else this.output.unanalyzed(node, `The column \`${snippet(this.source, node)}\` is not known statically; it was not checked.`);
    }
    const withForeignKeys = scope.value(args[2]) !== false;
    const constraints: ConstraintDefinition[] = (['uniques', 'checks', 'foreignKeys', 'exclusions'] as const).flatMap((kind) =>
      kind === 'foreignKeys' && !withForeignKeys
        ? []
        : elementsOf(options.get(kind)?.node, scope).flatMap((node) => {
            const properties = optionsOf(node, scope);
            return properties ? [constraintFrom(kind, properties)] : [];
          }),
    );
    this.push({
      kind: 'createTable',
      ...place,
      table,
      columns,
      constraints,
      ifNotExists: scope.value(args[1]) === true,
      identifiers: [table.name, ...columns.map((column) => column.name)],
    });
    if (scope.value(args[3]) === false) return;
    for (const node of elementsOf(options.get('indices')?.node, scope)) this.createIndex(table, optionsOf(node, scope), { ...place, withTableCreation: true });
  }

  /** TypeORM compares the old and new column; a different type makes it re-create the column. */
  private changeColumn(table: TableName, oldNode: Node | undefined, newNode: Node | undefined, place: Place, frame: Frame): void {
    const newColumn = this.column(newNode, frame);
    const oldName = nameOf(oldNode, frame.scope);
    if (!newColumn || oldName === undefined) {
      this.output.unanalyzed(newNode ?? oldNode ?? ({ start: 0, end: 0 } as Node), 'The columns given to changeColumn() are not known statically; the change was not checked.');
      return;
    }
    const oldOptions = optionsOf(oldNode, frame.scope);
    const oldColumn = oldOptions && columnFrom(oldOptions, undefined);
    if (oldName !== newColumn.name) this.push({ kind: 'renameColumn', ...place, table, column: oldName, newName: newColumn.name });
    const sameType = oldColumn?.type && newColumn.type && JSON.stringify(oldColumn.type) === JSON.stringify(newColumn.type);
    if (!sameType) this.push({ kind: 'alterColumnType', ...place, table, column: newColumn.name, newType: newColumn.type });
    if (oldColumn && oldColumn.notNull !== newColumn.notNull) {
      this.push({ kind: newColumn.notNull ? 'setNotNull' : 'dropNotNull', ...place, table, column: newColumn.name });
    }
  }

  private createIndex(table: TableName, options: Properties | undefined, place: Place): void {
    const get = (key: string) => options?.get(key)?.value;
    const columns = get('columnNames');
    const name = typeof get('name') === 'string' ? (get('name') as string) : undefined;
    this.push({
      kind: 'createIndex',
      ...place,
      table,
      name,
      columns: Array.isArray(columns) ? columns.map(String) : [],
      unique: get('isUnique') === true,
      // TableIndex's isConcurrent: TypeORM then sends CREATE INDEX CONCURRENTLY (PostgreSQL).
      concurrently: get('isConcurrent') === true,
      ifNotExists: false,
      identifiers: name ? [name] : [],
    });
  }

  private constraints(kind: 'foreignKeys' | 'uniques' | 'checks' | 'exclusions', table: TableName, nodes: Node[], place: Place, frame: Frame): void {
    for (const node of nodes) {
      const properties = optionsOf(node, frame.scope);
      if (!properties) {
        this.output.unanalyzed(node ?? ({ start: 0, end: 0 } as Node), `The constraint \`${node ? snippet(this.source, node) : '?'}\` is not known statically; it was not checked.`);
        continue;
      }
      const constraint = constraintFrom(kind, properties);
      this.push({ kind: 'addConstraint', ...place, table, constraint, identifiers: constraint.name ? [constraint.name] : [] });
    }
  }
}

/** The names of an object of named parameters (`{ id: 1 }` → `:id`). */
function namedParameters(node: Node): string[] {
  const inner = unwrapTypeScript(node);
  if (inner.type !== 'ObjectExpression') return [];
  return inner.properties.flatMap((property) => {
    const name = property.type === 'ObjectProperty' || property.type === 'ObjectMethod' ? propertyName(property.key) : undefined;
    return name ? [name] : [];
  });
}
