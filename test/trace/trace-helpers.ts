import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import { type LintOptions, analyzeText, checkAnalysis, isSkipped } from '../../src/lint';
import type { FrontendName } from '../../src/model/file';
import { type TraceDatabase, type TraceInput, type TraceResult, openPglite, runTrace } from '../../src/trace';
import type { TracedStatement } from '../../src/trace/run-trace';

/** The saved data directory the trace tests start from (made by the first test file that needs it). */
export const TEST_CACHE = path.join(os.tmpdir(), 'migralint-test-cache');

/** One PGlite per test file, restored from the saved data directory. */
export function openTestDatabase(): Promise<TraceDatabase> {
  // PGlite loads Node's modules with import(), which jest serves only under this flag (npm test sets it).
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (!flags.includes('--experimental-vm-modules')) {
    throw new Error('The trace tests need node --experimental-vm-modules: run them with npm test, or node --experimental-vm-modules node_modules/jest/bin/jest.js <files>');
  }
  return openPglite({ ...process.env, MIGRALINT_CACHE_DIR: TEST_CACHE });
}

/** An empty database again: the tests of a file share one instance. */
export async function resetDatabase(db: TraceDatabase): Promise<void> {
  await db.run('DROP SCHEMA IF EXISTS public CASCADE');
  await db.run('CREATE SCHEMA public');
}

const FILE_NAMES: Record<FrontendName, string> = { sql: 'migration.sql', knex: '20240101000000_migration.js', typeorm: '1700000000000-Migration.ts', django: 'shop/migrations/0002_example.py' };

export function traceInput(text: string, file: string | FrontendName, options: Partial<LintOptions> = {}): TraceInput {
  const name = file in FILE_NAMES ? FILE_NAMES[file as FrontendName] : file;
  const lintOptions: LintOptions = { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules), keepStatementText: true, ...options };
  const analysis = analyzeText(text, name, lintOptions);
  if (isSkipped(analysis)) throw new Error(`not a migration: ${analysis.skipped}`);
  return { file: name, analysis, lint: checkAnalysis(analysis, name, lintOptions) };
}

/** Traces migrations (SQL unless named otherwise) in order, each committed. */
export function trace(db: TraceDatabase, migrations: Array<string | TraceInput>, commit = true): Promise<TraceResult> {
  const inputs = migrations.map((migration, index) => (typeof migration === 'string' ? traceInput(migration, `${String(index + 1).padStart(4, '0')}.sql`) : migration));
  return runTrace(inputs, db, { commit });
}

/** The statement of the last migration that starts on this line. */
export function statementAt(result: TraceResult, line: number, migration = result.migrations.length - 1): TracedStatement {
  const found = result.migrations[migration].statements.find((statement) => statement.location.line === line);
  if (!found) throw new Error(`no statement on line ${line}`);
  return found;
}

/** `relation:mode` for the locks of a statement, on tables only. */
export function tableLocks(statement: TracedStatement): string[] {
  return statement.locks.filter((lock) => lock.table).map((lock) => `${lock.relation}:${lock.mode}`).sort();
}
