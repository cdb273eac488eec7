import type { FileResult } from '../engine/finding';
import { runnerByName, runnerForFile } from '../frontends/sql/runner-files';

/**
 * What a suggestion needs to know about the file it is written for, read from
 * its text with a few patterns (no parsing: suggestions are written for every
 * finding a report shows, and must cost little).
 */
export type FileFacts = SqlFacts | KnexFacts | TypeormFacts | DjangoFacts;

interface CommonFacts {
  path: string;
  source: string;
  runnerTransaction: boolean;
  /** The migration can turn its runner's transaction off (by a marker, an export, a class field). */
  transactionSwitch: boolean;
  /** Statements (or builder calls, or Django operations) in forward code. */
  statements: number;
  operations: number;
}

/** How a SQL file's runner is told to skip its transaction, from the markers the file carries. */
/**
 * `flyway` runs a migration without a transaction when it holds a CONCURRENTLY
 * statement; `sqlx` runs one in a transaction unless it begins with `-- no-transaction`;
 * `synapse` applies its deltas in a transaction that none can leave, and `drizzle`
 * every pending migration in one;
 * `whole-file` runners (golang-migrate, Prisma, sqlx told so) send a file as one
 * query, one transaction when it holds several statements; so do `pop` (for an
 * `.autocommit.` file) and `postgres-migrations` (marked `disable-transaction`),
 * which otherwise run a file in a transaction.
 */
export type SqlRunner = 'goose' | 'dbmate' | 'sql-migrate' | 'diesel' | 'drizzle' | 'flyway' | 'pop' | 'postgres-migrations' | 'sqlx' | 'synapse' | 'whole-file' | 'plain';

export interface SqlFacts extends CommonFacts {
  frontend: 'sql';
  runner: SqlRunner;
}

export type ModuleStyle = 'commonjs' | 'esm' | 'typescript';

export interface KnexFacts extends CommonFacts {
  frontend: 'knex';
  module: ModuleStyle;
  /** The name of up()'s parameter (`knex`). */
  subject: string;
  /** up() is an async function (a statement can be put at its top with await). */
  asyncUp: boolean;
  /** The migration asks which database it runs on: it is written for others too, where PostgreSQL's SQL fails. */
  checksDatabase: boolean;
}

export interface TypeormFacts extends CommonFacts {
  frontend: 'typeorm';
  module: ModuleStyle;
  subject: string;
  asyncUp: boolean;
  checksDatabase: boolean;
  /** The migration class's name without its timestamp, and the timestamp (TypeORM orders migrations by it). */
  className: string;
  timestamp: number;
}

export interface DjangoFacts extends CommonFacts {
  frontend: 'django';
  app: string;
  migration: string;
  /** `CheckConstraint(condition=…)` (Django 5.1+) or the older `check=`, as the file's own constraints use. */
  checkKeyword: 'condition' | 'check';
  /** Names imported from django.contrib.postgres.operations. */
  postgresOperations: Set<string>;
}

const cache = new WeakMap<FileResult, FileFacts>();

export function factsOf(file: FileResult): FileFacts {
  let facts = cache.get(file);
  if (!facts) {
    facts = readFacts(file);
    cache.set(file, facts);
  }
  return facts;
}

function readFacts(file: FileResult): FileFacts {
  // Read once: each marker is looked for in the whole file.
  const runner = file.frontend === 'sql' ? sqlRunner(file.file, file.source) : undefined;
  const common: CommonFacts = {
    path: file.file,
    source: file.source,
    runnerTransaction: file.runnerTransaction ?? false,
    // Flyway runs a migration whose statements include a CONCURRENTLY one without a transaction: the statement is its own switch.
    transactionSwitch: file.transactionSwitch ?? (runner === undefined || ['goose', 'dbmate', 'sql-migrate', 'flyway', 'postgres-migrations', 'sqlx'].includes(runner)),
    statements: file.statements,
    operations: file.operationCount ?? file.statements,
  };
  const source = file.source;
  switch (file.frontend) {
    case 'sql':
      return { ...common, frontend: 'sql', runner: runner as SqlRunner }; // read above, for every SQL file
    case 'knex':
      return { ...common, frontend: 'knex', module: moduleStyle(file.file, source), subject: subjectOf(source, 'knex'), asyncUp: asyncUp(source), checksDatabase: checksDatabase(source) };
    case 'typeorm': {
      const named = /class\s+([A-Za-z_$][\w$]*?)(\d{13})?\b/.exec(source);
      return {
        ...common,
        frontend: 'typeorm',
        module: moduleStyle(file.file, source),
        subject: subjectOf(source, 'queryRunner'),
        asyncUp: asyncUp(source),
        checksDatabase: checksDatabase(source),
        className: named?.[1] ?? 'Migration',
        timestamp: Number(named?.[2] ?? /(\d{13})/.exec(file.file)?.[1] ?? Date.now()),
      };
    }
    case 'django': {
      const parts = file.file.split('/');
      const imported = /from\s+django\.contrib\.postgres\.operations\s+import\s+\(?([\w\s,]+)\)?/.exec(source)?.[1] ?? '';
      return {
        ...common,
        frontend: 'django',
        app: parts.length >= 3 ? parts[parts.length - 3] : 'app',
        migration: (parts[parts.length - 1] ?? '').replace(/\.py$/, ''),
        checkKeyword: /CheckConstraint\([^)]*\bcheck\s*=/.test(source) ? 'check' : 'condition',
        postgresOperations: new Set(imported.split(/[\s,]+/).filter((name) => name.length > 0)),
      };
    }
  }
}

/** The first line of goose's, dbmate's or sql-migrate's annotations (one pass over the file for all three). */
const RUNNER_ANNOTATION = /^--\s*(?:(\+goose\s)|(migrate:(?:up|down))|\+migrate\s)/im;

function sqlRunner(filePath: string, source: string): SqlRunner {
  const annotation = RUNNER_ANNOTATION.exec(source);
  if (annotation) return annotation[1] !== undefined ? 'goose' : annotation[2] !== undefined ? 'dbmate' : 'sql-migrate';
  // pop, postgres-migrations and diesel stay themselves when told to send the file as one query: a new migration must be told the same.
  const named = runnerByName(filePath);
  if (named === 'pop' || named === 'postgres-migrations' || named === 'diesel') return named;
  return runnerForFile(filePath, source) ?? 'plain';
}

function moduleStyle(filePath: string, source: string): ModuleStyle {
  if (/\.[cm]?ts$/.test(filePath)) return 'typescript';
  if (filePath.endsWith('.mjs') || (!filePath.endsWith('.cjs') && /^\s*(export|import)\s/m.test(source))) return 'esm';
  return 'commonjs';
}

/** `async up(`, `up = async (`, `async function up(`, `up: async (`. */
function asyncUp(source: string): boolean {
  return /\basync\s+(function\s+)?up\s*\(|\bup\s*[:=]\s*async\b/.test(source);
}

/**
 * Knex's `knex.client.config.client` (or `.dialect`, `.driverName`), TypeORM's
 * `connection.options.type`, `connection.driver`, `instanceof PostgresDriver`:
 * the migration runs on several databases and branches on which.
 */
function checksDatabase(source: string): boolean {
  return /\.client\s*\.\s*(config|dialect|driverName)\b|\b(connection|dataSource|driver)\s*\.\s*options\s*\.\s*type\b|\bconnection\s*\.\s*driver\b|\binstanceof\s+\w*Driver\b/.test(source);
}

/** up()'s first parameter, as the file names it. */
function subjectOf(source: string, fallback: string): string {
  const match = /\bup\s*(?:=\s*(?:async\s*)?(?:function\s*)?)?\(\s*([A-Za-z_$][\w$]*)/.exec(source) ?? /\bup\s*[:=]\s*(?:async\s*)?([A-Za-z_$][\w$]*)\s*=>/.exec(source);
  return match?.[1] ?? fallback;
}
