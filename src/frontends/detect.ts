import * as path from 'node:path';
import type { FrontendName } from '../model/file';

export const SQL_EXTENSIONS = ['.sql'];
export const SCRIPT_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'];

/** SQL written for one database, named for it (synapse: `*.sql.postgres`, `*.sql.sqlite`). */
const SQL_FOR_DATABASE = /\.sql\.(\w+)$/i;
const POSTGRES_NAMES = new Set(['postgres', 'postgresql', 'pg', 'psql']);

export function isMigrationCandidate(filePath: string): boolean {
  const extension = path.extname(filePath).toLowerCase();
  return SQL_EXTENSIONS.includes(extension) || SCRIPT_EXTENSIONS.includes(extension) || SQL_FOR_DATABASE.test(filePath) || isInMigrationsFolder(filePath);
}

/** The database a `*.sql.<database>` file is written for, when it is not PostgreSQL (it is then skipped, with a note). */
export function otherDatabaseOf(filePath: string): string | undefined {
  const database = SQL_FOR_DATABASE.exec(path.basename(filePath))?.[1];
  return database && !POSTGRES_NAMES.has(database.toLowerCase()) ? database : undefined;
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
const TYPEORM_MARKERS = /\bMigrationInterface\b|\bQueryRunner\b|\bup\s*\(\s*queryRunner\b|\b(?:Reversible|Irreversible)Migration\b|\bMigrationContext\b|\bup\s*\(\s*\{[^}]*\bqueryRunner\b/;
// botpress reaches Knex as `bp.database` (modules) and `database.knex` (core).
const KNEX_MARKERS = /(['"])knex\1|\bKnex\b|\bbp\.database\b|\bdatabase\.knex\b/;
/** An `up` export whose parameter is named `knex` (any of the usual export forms). */
const UP_WITH_KNEX_PARAMETER = /\bup\s*(?:[=:]\s*(?:async\s*)?(?:function\b[^(]*)?|\()\s*\(?\s*knex\b/;
const UP_USING_SCHEMA = /\bup\b[^]*?\.(?:schema|raw)\b/;

/** Which front-end reads the file: by extension for SQL, by content for JavaScript/TypeScript. */
export function detectFrontend(filePath: string, text: string): FrontendName | undefined {
  const extension = path.extname(filePath).toLowerCase();
  if (SQL_EXTENSIONS.includes(extension)) return 'sql';
  const database = SQL_FOR_DATABASE.exec(path.basename(filePath))?.[1];
  if (database) return POSTGRES_NAMES.has(database.toLowerCase()) ? 'sql' : undefined;
  if (extension === '.py') return isDjangoMigrationPath(filePath) && DJANGO_MIGRATION_CLASS.test(text) ? 'django' : undefined;
  if (!SCRIPT_EXTENSIONS.includes(extension)) return undefined;
  if (TYPEORM_MARKERS.test(text)) return 'typeorm';
  if (KNEX_MARKERS.test(text) || UP_WITH_KNEX_PARAMETER.test(text) || UP_USING_SCHEMA.test(text)) return 'knex';
  return undefined;
}

const IN_MIGRATIONS_FOLDER = /(^|[\\/])migrations?[\\/]/i;

/**
 * A migration whose `up` lives in another file: a class that extends another
 * migration class without an `up` of its own (n8n), or a module that re-exports
 * one it imports (botpress). It cannot be checked here, which is said rather
 * than skipped: the line of the class or export, and what it delegates to.
 */
export function delegatedMigration(filePath: string, text: string): { frontend: FrontendName; line: number; length: number; delegate: string } | undefined {
  if (!IN_MIGRATIONS_FOLDER.test(filePath) || /up\s*[(:=]/.test(text)) return undefined;
  const subclass = /^(?:export\s+)?(?:default\s+)?class\s+\w+\s+extends\s+(\w+)/m.exec(text);
  const reexport = /^export\s+default\s+(\w+)\s*;?\s*$/m.exec(text);
  const match = subclass ?? (reexport && new RegExp(`^import\\s+${reexport[1]}\\b[^;\\n]*\\bfrom\\b`, 'm').test(text) ? reexport : null);
  if (!match) return undefined;
  // A class is TypeORM's shape of a migration; a re-exported object, Knex's (botpress).
  return { frontend: subclass ? 'typeorm' : 'knex', line: text.slice(0, match.index).split('\n').length, length: match[0].length, delegate: match[1] };
}