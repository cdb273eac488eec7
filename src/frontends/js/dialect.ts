import type { Node } from '@babel/types';
import { flattenChain } from './chains';
import { type StaticScope, unwrapTypeScript } from './static-values';

/**
 * Conditions on the database a migration runs against, read statically:
 * `knex.client.config.client === 'sqlite3'`, `isMysql`, `getDatabaseClient(knex)
 * === 'mysql'`, `queryRunner.connection.options.type === 'postgres'`, … Each is
 * evaluated for PostgreSQL: `true` (the branch runs there), `false` (it is code
 * for another database), or `undefined` (not a condition on the database, or
 * not known statically).
 */

/** Names PostgreSQL goes by in Knex (`client`, `dialect`), TypeORM (`type`) and applications' own settings. */
const POSTGRES_NAMES = ['pg', 'postgres', 'postgresql', 'postgresdb', 'pgnative', 'pg-native', 'aurora-postgres'];

/** Boolean names that say which database is in use: `isPostgres`, `isSqlite`, `usesMySQL`. */
const DATABASE_FLAG = /^(?:is|use|uses|using)_?(postgres(?:ql)?|pg|sqlite3?|lite|mysql|maria(?:db)?|mssql|sql_?server|oracle(?:db)?|cockroach(?:db)?|redshift|mongo(?:db)?)$/i;

/** Functions that return the database client's name: `getDatabaseClient(knex)`, `getDbType()`. */
const CLIENT_FUNCTION = /^get_?(?:database|db)?_?(?:client|type|dialect|driver|vendor)(?:name)?$/i;

/** Property chains that end in the client's name whatever they start from: `knex.client.config.client`, `ctx.dbType`. */
const CLIENT_PATHS = ['client.config.client', 'client.dialect', 'client.driverName', 'connection.options.type', 'driver.options.type', 'dbType', 'databaseType'];

type Value = { client: true } | { list: unknown[] } | { text: string } | undefined;

export class DialectConditions {
  constructor(
    /** Names bound to the migration's database object (`knex`, `queryRunner`). */
    private readonly subjects: ReadonlySet<string>,
  ) {}

  /**
   * Whether the condition holds on PostgreSQL, or undefined when it does not depend on the database alone.
   * A condition on values fixed in the file (`if (truncate)`, with `truncate` from a constant array a loop is
   * unrolled over) holds or not whatever the database.
   */
  holds(node: Node | null | undefined, scope: StaticScope, depth = 0): boolean | undefined {
    if (!node || depth > 12) return undefined;
    return this.onDatabase(node, scope, depth) ?? staticTruth(unwrapTypeScript(node), scope);
  }

  private onDatabase(node: Node, scope: StaticScope, depth: number): boolean | undefined {
    const expression = unwrapTypeScript(node);
    switch (expression.type) {
      case 'UnaryExpression':
        if (expression.operator !== '!') return undefined;
        return negate(this.holds(expression.argument, scope, depth + 1));
      case 'LogicalExpression': {
        const left = this.holds(expression.left, scope, depth + 1);
        const right = this.holds(expression.right, scope, depth + 1);
        if (expression.operator === '&&') return left === false || right === false ? false : left === true && right === true ? true : undefined;
        if (expression.operator === '||') return left === true || right === true ? true : left === false && right === false ? false : undefined;
        return undefined;
      }
      case 'BinaryExpression':
        return this.comparison(expression.operator, expression.left as Node, expression.right, scope, depth);
      case 'Identifier': {
        const flag = DATABASE_FLAG.exec(expression.name);
        if (flag) return isPostgresName(flag[1]);
        const bound = scope.lookup(expression.name);
        return bound && bound !== expression ? this.holds(bound, scope, depth + 1) : undefined;
      }
      case 'MemberExpression': {
        const name = expression.property.type === 'Identifier' && !expression.computed ? expression.property.name : undefined;
        const flag = name ? DATABASE_FLAG.exec(name) : null;
        if (flag) return isPostgresName(flag[1]);
        const resolved = scope.resolve(expression);
        return resolved && resolved !== expression ? this.holds(resolved, scope, depth + 1) : undefined;
      }
      case 'CallExpression':
        return this.call(expression, scope, depth);
      default:
        return undefined;
    }
  }

  private comparison(operator: string, left: Node, right: Node, scope: StaticScope, depth: number): boolean | undefined {
    const equal = operator === '===' || operator === '==';
    if (!equal && operator !== '!==' && operator !== '!=') return undefined;
    const [a, b] = [this.value(left, scope, depth), this.value(right, scope, depth)];
    const client = a && 'client' in a ? b : b && 'client' in b ? a : undefined;
    const name = client && 'text' in client ? client.text : this.settingComparedWithDatabase(left, right, a, b);
    if (name === undefined) return undefined;
    const isPostgres = isPostgresName(name);
    return equal ? isPostgres : !isPostgres;
  }

  /**
   * `WIKI.config.db.type === 'mysql'`, `process.env.DB_CLIENT !== 'pg'`: an application's own setting
   * compared with a database's name. The name is what it is compared with, or undefined when either
   * side is something else.
   */
  private settingComparedWithDatabase(left: Node, right: Node, a: Value, b: Value): string | undefined {
    const named = (value: Value) => (value && 'text' in value && namesDatabase(value.text) ? value.text : undefined);
    if (named(b) !== undefined && isDatabaseSetting(left)) return named(b);
    if (named(a) !== undefined && isDatabaseSetting(right)) return named(a);
    return undefined;
  }

  /** `isPostgres(knex)`, `helpers.isSqlite(knex)`, `['pg', 'postgres'].includes(client)`, `/sqlite/.test(client)`, `client.startsWith('pg')`. */
  private call(expression: Extract<Node, { type: 'CallExpression' }>, scope: StaticScope, depth: number): boolean | undefined {
    const callee = unwrapTypeScript(expression.callee);
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
    const flag = DATABASE_FLAG.exec(name);
    if (flag) return isPostgresName(flag[1]);
    const [argument] = expression.arguments;
    if (name === 'isOneOfClients' && argument) {
      // directus: helpers.isOneOfClients(['oracle', 'cockroachdb'])
      const list = scope.value(argument);
      return Array.isArray(list) ? list.some((item) => typeof item === 'string' && isPostgresName(item)) : undefined;
    }
    if (callee.type !== 'MemberExpression' || !argument || argument.type === 'SpreadElement' || argument.type === 'ArgumentPlaceholder') return undefined;
    const object = unwrapTypeScript(callee.object);
    if (name === 'includes') {
      const list = this.value(object, scope, depth);
      const item = this.value(argument as Node, scope, depth);
      const names = list && 'list' in list ? list.list.filter((entry): entry is string => typeof entry === 'string') : [];
      const onClient = (item && 'client' in item) || (names.length > 0 && names.every(namesDatabase) && isDatabaseSetting(argument as Node));
      if (onClient) return names.some(isPostgresName);
      return undefined;
    }
    if (name === 'test' && object.type === 'RegExpLiteral') {
      const subject = this.value(argument as Node, scope, depth);
      if (!subject || !('client' in subject)) return undefined;
      const pattern = new RegExp(object.pattern, object.flags.replace(/[gy]/g, ''));
      return POSTGRES_NAMES.some((postgres) => pattern.test(postgres));
    }
    if ((name === 'startsWith' || name === 'endsWith') && this.isClient(object, scope, depth)) {
      const text = scope.string(argument as Node);
      if (text === undefined) return undefined;
      return POSTGRES_NAMES.some((postgres) => (name === 'startsWith' ? postgres.startsWith(text) : postgres.endsWith(text)));
    }
    return undefined;
  }

  private value(node: Node, scope: StaticScope, depth: number): Value {
    if (this.isClient(node, scope, depth)) return { client: true };
    const value = scope.value(node);
    if (typeof value === 'string') return { text: value };
    if (Array.isArray(value)) return { list: value };
    return enumMemberNamingDatabase(node);
  }

  /**
   * In a `switch (client)` (or a switch whose cases are databases' names: `switch (WIKI.config.db.type)
   * { case 'mysql': … case 'mssql': … }`), the index of the case that runs on PostgreSQL (the matching case, else
   * `default`; -1 when none does); undefined when the switch is not on the client.
   */
  postgresCase(statement: Extract<Node, { type: 'SwitchStatement' }>, scope: StaticScope): number | undefined {
    const discriminant = statement.discriminant;
    const onClient = this.isClient(discriminant, scope);
    if (!onClient && !casesNameDatabases(statement)) return undefined;
    let unknownCase = false;
    const matches = statement.cases.findIndex((branch) => {
      if (!branch.test) return false;
      if (!onClient) return branch.test.type === 'StringLiteral' && isPostgresName(branch.test.value);
      const holds = this.holds({ type: 'BinaryExpression', operator: '===', left: discriminant, right: branch.test } as Node, scope);
      if (holds === undefined) unknownCase = true;
      return holds === true;
    });
    if (matches >= 0) return matches;
    // A case whose value is not known may be PostgreSQL's: the switch is read like any other, not as its default.
    return unknownCase ? undefined : statement.cases.findIndex((branch) => !branch.test);
  }

  /** Whether the expression is the name of the database client in use. */
  isClient(node: Node, scope: StaticScope, depth = 0): boolean {
    if (depth > 12) return false;
    const expression = unwrapTypeScript(node);
    if (expression.type === 'Identifier') {
      if (/^(dbType|databaseType|dialect|client|dbClient|databaseClient)$/.test(expression.name) && !scope.lookup(expression.name)) return true;
      const bound = scope.lookup(expression.name);
      return bound !== undefined && bound !== expression && this.isClient(bound, scope, depth + 1);
    }
    if (expression.type === 'CallExpression') {
      const callee = unwrapTypeScript(expression.callee);
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
      return CLIENT_FUNCTION.test(name);
    }
    if (expression.type === 'MemberExpression' || expression.type === 'OptionalMemberExpression') {
      const chain = flattenChain(expression);
      const path = chain.links.map((link) => link.name).join('.');
      if (CLIENT_PATHS.some((known) => path === known || path.endsWith(`.${known}`))) return true;
      // `options.type` alone is too common a name: only on the database object, or a data source.
      const root = chain.root;
      const onDatabase = (root.type === 'Identifier' && (this.subjects.has(root.name) || /^(dataSource|connection)$/i.test(root.name))) || root.type === 'ThisExpression';
      return path.endsWith('options.type') && onDatabase;
    }
    return false;
  }
}

/** The truth of a constant (`truncate`, `!dropForeign`) or of a comparison of constants (`name === 'users'`); undefined when not static. */
function staticTruth(expression: Node, scope: StaticScope): boolean | undefined {
  if (expression.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(expression.operator)) {
    const [left, right] = [scope.value(expression.left as Node), scope.value(expression.right)];
    // Only primitives of one type (or null) compare the same way strictly and loosely.
    const comparable = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
    if (!comparable(left) || !comparable(right) || (left !== null && right !== null && typeof left !== typeof right)) return undefined;
    return expression.operator.startsWith('!') ? left !== right : left === right;
  }
  if (expression.type === 'BinaryExpression' || expression.type === 'LogicalExpression') return undefined; // `a + b`: a value, not a condition
  const value = scope.value(expression);
  return value === undefined ? undefined : Boolean(value);
}

/** Names of the other databases Knex and TypeORM speak to. */
const OTHER_DATABASES = ['mysql', 'mysql2', 'mariadb', 'mssql', 'sqlite', 'sqlite3', 'better-sqlite3', 'oracle', 'oracledb', 'cockroachdb', 'redshift'];

/** Whether every case of a switch is a string and two or more name databases: it switches on the database. */
function casesNameDatabases(statement: Extract<Node, { type: 'SwitchStatement' }>): boolean {
  const labels = statement.cases.flatMap((branch) => (branch.test ? [branch.test] : []));
  if (labels.some((label) => label.type !== 'StringLiteral')) return false;
  const names = labels.map((label) => (label as Extract<Node, { type: 'StringLiteral' }>).value.toLowerCase());
  return names.filter(namesDatabase).length >= 2;
}

/** The last name of a setting that holds the database in use: `db.type`, `config.database.client`, `DB_DIALECT`. */
const SETTING_NAME = /^(?:(?:db|database)_?)?(?:type|client|dialect|driver|engine|vendor)$/i;

/**
 * Whether the expression reads an application's setting of the database in use: a property
 * (`WIKI.config.db.type`, `settings.database.engine`) or an environment variable (`process.env.DB_TYPE`).
 * A bare `type` or `client` property counts only under a name that speaks of a database
 * (`config.db.type`, not `column.type`).
 */
function isDatabaseSetting(node: Node): boolean {
  const expression = unwrapTypeScript(node);
  if (expression.type !== 'MemberExpression' && expression.type !== 'OptionalMemberExpression') return false;
  const chain = flattenChain(expression);
  const names = [...(chain.root.type === 'Identifier' ? [chain.root.name] : []), ...chain.links.map((link) => link.name)];
  const last = names[names.length - 1];
  if (last === undefined || !SETTING_NAME.test(last)) return false;
  if (/^(?:db|database)_?/i.test(last)) return true;
  return names.slice(0, -1).some((name) => /^(?:db|database|databases|dbConfig|databaseConfig)$/i.test(name));
}

function namesDatabase(name: string): boolean {
  const lower = name.toLowerCase();
  return isPostgresName(lower) || OTHER_DATABASES.includes(lower);
}

/**
 * An imported enum's member named after a database (`DatabaseTypeEnum.postgres`, `DbType.betterSqlite3`,
 * `DatabaseType.MYSQL`), whose value is not in the file: it stands for that database's name.
 */
function enumMemberNamingDatabase(node: Node): Value {
  const expression = unwrapTypeScript(node);
  if (expression.type !== 'MemberExpression' || expression.computed || expression.property.type !== 'Identifier') return undefined;
  const spelled = expression.property.name.replace(/[-_]/g, '').toLowerCase();
  const name = [...POSTGRES_NAMES, ...OTHER_DATABASES].find((known) => known.replace(/[-_]/g, '') === spelled);
  return name === undefined ? undefined : { text: name };
}

function isPostgresName(name: string): boolean {
  const lower = name.toLowerCase();
  return POSTGRES_NAMES.includes(lower) || lower === 'postgressql';
}

function negate(value: boolean | undefined): boolean | undefined {
  return value === undefined ? undefined : !value;
}
