import * as path from 'node:path';
import type { FrontendName } from '../model/file';
import { otherDrizzleDialectIn } from './sql/drizzle-journal';

export const SQL_EXTENSIONS = ['.sql'];
export const SCRIPT_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'];

/** SQL written for one database, named for it (synapse: `*.sql.postgres`, `*.sql.sqlite`). */
const SQL_FOR_DATABASE = /\.sql\.(\w+)$/i;
const POSTGRES_NAMES = new Set(['postgres', 'postgresql', 'pg', 'psql']);
/** ory/pop and popx name the database before the direction: `<version>_<name>.mysql.up.sql`, `….cockroach.autocommit.up.sql`. */
const DATABASE_BEFORE_DIRECTION = /\.(\w+)(?:\.autocommit)?\.(?:up|down)\.sql$/i;
/** Only these names are taken for a database there (and in folder names): `0001_add.users.up.sql` stays a migration. */
export const OTHER_DATABASE_NAMES = /^(?:mysql|mariadb|sqlite3?|mssql|sqlserver|oracle|cockroach(?:db)?|clickhouse)$/i;
/**
 * How many folders above a migration may name the database it is for: one set per
 * database beside each other (`migrations/mysql/`, `migrations/sqlite/`), or a
 * database's own tree (`clickhouse/migrations/clustered/0001_traces.up.sql`).
 */
const DATABASE_FOLDER_DEPTH = 3;

export function isMigrationCandidate(filePath: string): boolean {
  const extension = path.extname(filePath).toLowerCase();
  return (
    SQL_EXTENSIONS.includes(extension) || SCRIPT_EXTENSIONS.includes(extension) || SQL_FOR_DATABASE.test(filePath) || isInMigrationsFolder(filePath) || isPythonDeltaPath(filePath)
  );
}

/** synapse keeps Python steps beside its SQL deltas: `schema/<database>/delta/<version>/<name>.py`. */
function isPythonDeltaPath(filePath: string): boolean {
  return path.extname(filePath) === '.py' && /^deltas?$/.test(path.basename(path.dirname(path.dirname(filePath))));
}

/**
 * A Python delta step: synapse calls its `run_create` (and `run_upgrade`) with a
 * database cursor, and the SQL it sends is not read here. Where the first of them
 * is defined, or `none` for a file in a delta folder that has neither (synapse does not run it).
 */
export function pythonDeltaStep(filePath: string, text: string): { line: number; length: number; name: string } | 'none' | undefined {
  if (!isPythonDeltaPath(filePath) || isInMigrationsFolder(filePath)) return undefined;
  const match = /^def (run_create|run_upgrade)\b/m.exec(text);
  if (!match) return 'none';
  return { line: text.slice(0, match.index).split('\n').length, length: match[0].length, name: match[1] };
}

/** db-migrate's `exports.up = function (db, callback)` (or a `const up` it exports), in any of the usual function forms. */
const DB_MIGRATE_UP = /(?:\bexports\.up\s*=|\b(?:const|let|var)\s+up\s*=|\bup\s*:)\s*(?:async\s*)?(?:function\b[^(]{0,100})?\(\s*db\s*[,)]|\bfunction\s+up\s*\(\s*db\s*[,)]/;
/** Where its `down` begins, when after `up`. */
const DB_MIGRATE_DOWN = /\b(?:exports\.down\s*=|(?:const|let|var)\s+down\s*=|down\s*:|function\s+down\s*\()/g;
/** The calls through which a db-migrate migration changes the database. */
const DB_MIGRATE_CALL = /\bdb\.(runSql|all|createTable|dropTable|renameTable|addColumn|removeColumn|renameColumn|changeColumn|addIndex|removeIndex|addForeignKey|removeForeignKey|insert|createCollection|dropCollection)\s*(?:\(|\.(?:bind|call|apply)\s*\()/g;

/**
 * A db-migrate migration (`exports.up = function (db, callback) { db.runSql(…) }`, or `db.runSql.bind(db, …)` handed to async.series):
 * its SQL goes through db-migrate's driver, which is not read here. Where its
 * `up` first calls the driver, so that the file gets a warning rather than silence.
 */
export function dbMigrateCall(filePath: string, text: string): { line: number; column: number; length: number; call: string } | undefined {
  if (!SCRIPT_EXTENSIONS.includes(path.extname(filePath).toLowerCase())) return undefined;
  const up = DB_MIGRATE_UP.exec(text);
  if (!up) return undefined;
  DB_MIGRATE_CALL.lastIndex = up.index;
  const call = DB_MIGRATE_CALL.exec(text);
  // An up() that sends nothing (a no-op kept for the history) is left alone, whatever its down() does.
  DB_MIGRATE_DOWN.lastIndex = up.index;
  const down = DB_MIGRATE_DOWN.exec(text);
  if (!call || (down && call.index > down.index)) return undefined;
  const before = text.slice(0, call.index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1, length: 3 + call[1].length, call: `db.${call[1]}` };
}

/** The first `queryRunner.query("…")` of a file, its first characters. */
const FIRST_QUERY = /\bquery\(\s*(["'])([^"'\n]{0,200})/;

/**
 * A TypeORM migration generated for MySQL or MariaDB: their driver quotes names
 * with backticks (`ALTER TABLE \`users\` ADD …`), which PostgreSQL never accepts.
 * Judged by the file's first query, so that one stray backtick does not hide a migration,
 * and only in a file without branches that never names PostgreSQL (as TypeORM generates them):
 * one written for several databases branches on the database.
 */
export function quotesWithBackticks(text: string): boolean {
  const query = FIRST_QUERY.exec(text);
  // A migration written for several databases branches on the database (`if (isMysql)`, `switch (type)`), and often names PostgreSQL.
  return query !== null && /`\w+`/.test(query[2]) && !/postgres|\bpg\b|\b(?:if|switch)\s*\(/i.test(text);
}

/**
 * The database a migration is written for, when it is not PostgreSQL (it is then
 * skipped, with a note): by its name (`*.sql.<database>`, `*.<database>.up.sql`),
 * by a folder above it named for the database, or by the dialect of the
 * drizzle-kit journal beside it.
 */
export function otherDatabaseOf(filePath: string): string | undefined {
  const name = path.basename(filePath);
  const database = SQL_FOR_DATABASE.exec(name)?.[1];
  if (database) return POSTGRES_NAMES.has(database.toLowerCase()) ? undefined : database;
  const beforeDirection = DATABASE_BEFORE_DIRECTION.exec(name)?.[1];
  if (beforeDirection && OTHER_DATABASE_NAMES.test(beforeDirection)) return beforeDirection;
  return otherDatabaseFolder(filePath) ?? otherDrizzleDialect(filePath);
}

function otherDatabaseFolder(filePath: string): string | undefined {
  const folders = path.dirname(path.resolve(filePath)).split(path.sep).slice(-DATABASE_FOLDER_DEPTH);
  const folder = folders.reverse().find((part) => OTHER_DATABASE_NAMES.test(part));
  return folder && `${folder.toLowerCase()} (by its folder ${folder}/)`;
}

/** drizzle-kit writes one folder of migrations per dialect (`"dialect": "mysql"` in meta/_journal.json). */
function otherDrizzleDialect(filePath: string): string | undefined {
  const dialect = /\.sql$/i.test(filePath) ? otherDrizzleDialectIn(path.dirname(path.resolve(filePath))) : undefined;
  return dialect && `${dialect} (the dialect of drizzle-kit's meta/_journal.json)`;
}

/** pop's parts of an up migration's name: `<version>_<name>[.<database>][.autocommit].up.sql` (down files are rollbacks, skipped anyway). */
const POP_NAME = /^(.+?)(?:\.(\w+))??(\.autocommit)?\.up\.sql$/i;

/**
 * The PostgreSQL version of an up migration written for every database, where the
 * folder has one (`x.postgres.up.sql` beside `x.up.sql`): ory/pop runs only
 * that one on PostgreSQL. `hasFile` says whether a path is among the run's files.
 */
export function postgresVersionOf(filePath: string, hasFile: (file: string) => boolean): string | undefined {
  const match = POP_NAME.exec(path.basename(filePath));
  if (!match) return undefined;
  const [, stem, segment, autocommit = ''] = match;
  // A file that names its database is that database's version.
  if (segment !== undefined && (POSTGRES_NAMES.has(segment.toLowerCase()) || OTHER_DATABASE_NAMES.test(segment))) return undefined;
  const base = segment === undefined ? stem : `${stem}.${segment}`;
  const names = [`${base}.postgres${autocommit}.up.sql`, `${base}.postgres.up.sql`, `${base}.postgres.autocommit.up.sql`];
  return names.map((name) => path.join(path.dirname(filePath), name)).find(hasFile);
}

/** Python files are migrations only in a Django app's `migrations/` folder. */
function isInMigrationsFolder(filePath: string): boolean {
  return path.extname(filePath) === '.py' && path.basename(path.dirname(filePath)) === 'migrations';
}

/** `<app>/migrations/0042_name.py`: Django loads every module of the folder whose name does not start with `_` or `~`. */
export function isDjangoMigrationPath(filePath: string): boolean {
  return isInMigrationsFolder(filePath) && !/^[_~]/.test(path.basename(filePath));
}

const DJANGO_MIGRATION_CLASS = /^class\s+Migration\s*\(/m;

// n8n's migrations take a MigrationContext (`async up({ queryRunner, tablePrefix })`) and say nothing of QueryRunner.
const TYPEORM_MARKERS = /\bMigrationInterface\b|\bQueryRunner\b|\bup\s*\(\s*queryRunner\b|\b(?:Reversible|Irreversible)Migration\b|\bMigrationContext\b|\bup\s*\(\s*\{[^}]{0,1000}\bqueryRunner\b/;
// botpress reaches Knex as `bp.database` (modules) and `database.knex` (core).
const KNEX_MARKERS = /(['"])knex\1|\bKnex\b|\bbp\.database\b|\bdatabase\.knex\b/;
/** An `up` export whose parameter is named `knex` (any of the usual export forms; a function name is short). */
const UP_WITH_KNEX_PARAMETER = /\bup\s*(?:[=:]\s*(?:async\s*)?(?:function\b[^(]{0,100})?|\()\s*\(?\s*knex\b/;
const UP = /\bup\b/;
const SCHEMA_OR_RAW = /\.(?:schema|raw)\b/g;

/** Which front-end reads the file: by extension for SQL, by content for JavaScript/TypeScript. */
export function detectFrontend(filePath: string, text: string): FrontendName | undefined {
  const extension = path.extname(filePath).toLowerCase();
  if (SQL_EXTENSIONS.includes(extension)) return otherDatabaseOf(filePath) ? undefined : 'sql';
  const database = SQL_FOR_DATABASE.exec(path.basename(filePath))?.[1];
  if (database) return POSTGRES_NAMES.has(database.toLowerCase()) ? 'sql' : undefined;
  if (extension === '.py') return isDjangoMigrationPath(filePath) && DJANGO_MIGRATION_CLASS.test(text) ? 'django' : undefined;
  if (!SCRIPT_EXTENSIONS.includes(extension)) return undefined;
  // A Knex or TypeORM migration kept in a folder for another database (`migrations/mysql/`).
  if (otherDatabaseFolder(filePath)) return undefined;
  if (TYPEORM_MARKERS.test(text)) return quotesWithBackticks(text) ? undefined : 'typeorm';
  if (KNEX_MARKERS.test(text) || UP_WITH_KNEX_PARAMETER.test(text) || upUsesSchema(text)) return 'knex';
  return undefined;
}

const IN_MIGRATIONS_FOLDER = /(^|[\\/])migrations?[\\/]/i;

/** A migration whose `up` lives in another file, and where this file hands it over. */
export interface DelegatedMigration {
  frontend: FrontendName;
  line: number;
  column: number;
  length: number;
  delegate: string;
  /** `up()` calls the delegate (rather than the file exporting it as its migration). */
  calls: boolean;
}

/**
 * A migration whose `up` lives in another file: a class that extends another
 * migration class without an `up` of its own (n8n), a module that re-exports
 * one it imports (or a CommonJS module that is one `require`d), or an `up()` that hands over to an imported function first
 * thing (botpress's `runMessagingMigration('up', …)`). It cannot be checked here,
 * which is said rather than skipped: where it hands over, and to what.
 */
export function delegatedMigration(filePath: string, text: string): DelegatedMigration | undefined {
  if (!IN_MIGRATIONS_FOLDER.test(filePath)) return undefined;
  if (/up\s*[(:=]/.test(text)) return handedOver(text);
  // `module.exports = require('./20260314134000_remap_configs.cjs')`: a Knex migration run again under a second name.
  const required = /^module\.exports\s*=\s*require\(\s*(['"])([^'"\n]{1,300})\1\s*\)/m.exec(text);
  if (required) return { frontend: 'knex', line: text.slice(0, required.index).split('\n').length, column: 1, length: required[0].length, delegate: required[2], calls: false };
  const subclass = /^(?:export\s+)?(?:default\s+)?class\s+\w+\s+extends\s+(\w+)/m.exec(text);
  const reexport = /^export\s+default\s+(\w+)\s*;?\s*$/m.exec(text);
  const match = subclass ?? (reexport && new RegExp(`^import\\s+${reexport[1]}\\b[^;\\n]*\\bfrom\\b`, 'm').test(text) ? reexport : null);
  if (!match) return undefined;
  // A class is TypeORM's shape of a migration; a re-exported object, Knex's (botpress).
  return { frontend: subclass ? 'typeorm' : 'knex', line: text.slice(0, match.index).split('\n').length, column: 1, length: match[0].length, delegate: match[1], calls: false };
}

// `up: async ({ metadata }: Opts): Promise<R> => { return name(`, `up() { await name(`, `up = () => name(`: up() first calls `name`.
// Matched on a short window from each of the first `up` definitions, so that long or hostile files stay linear.
const UP_DEFINITION = /\bup\s{0,20}[:=(]/g;
const UP_CALLS_FIRST = /^up\s*[:=(](?:[^{}]|\{[^{}]*\})*?(?:=>\s*(?:\{\s*)?|\)\s*(?::[^{}=]*?)?\{\s*)(?:return\s+)?(?:await\s+)?(\w+)\s*\(/;
const WINDOW = 400;

/** An `up()` whose first statement calls a function imported from another module: what that function changes is out of sight. */
function handedOver(text: string): DelegatedMigration | undefined {
  let candidates = 0;
  for (const definition of text.matchAll(UP_DEFINITION)) {
    if (++candidates > 5) return undefined;
    const match = UP_CALLS_FIRST.exec(text.slice(definition.index, definition.index + WINDOW));
    if (!match) continue;
    const name = match[1];
    if (!importedNames(text).has(name)) return undefined;
    const before = text.slice(0, definition.index + match[0].lastIndexOf(name)).split('\n');
    return { frontend: 'knex', line: before.length, column: before[before.length - 1].length + 1, length: name.length, delegate: name, calls: true };
  }
  return undefined;
}

// `import a, { b, c as d } from '…'`, `const { e } = require('…')`: the clause before `from` or `= require(`.
const IMPORT_CLAUSE = /^(?:import\s+([^;'"]{1,1000}?)\s+from\s|(?:const|let|var)\s+([^=;]{1,500})=\s*require\s*\()/gm;

/** The local names a module imports. */
function importedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const clause of text.matchAll(IMPORT_CLAUSE)) {
    for (const name of (clause[1] ?? clause[2]).match(/\w+/g) ?? []) names.add(name);
  }
  return names;
}

/** `.schema` or `.raw` somewhere after the first word `up` (one pass; a lazy `up[^]*?` is quadratic). */
function upUsesSchema(text: string): boolean {
  const up = UP.exec(text);
  if (!up) return false;
  SCHEMA_OR_RAW.lastIndex = up.index;
  return SCHEMA_OR_RAW.test(text);
}
