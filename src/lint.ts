import { allRules } from '../rules';
import type { FileResult } from './engine/finding';
import type { RuleDefinition } from './engine/rule';
import { runRules } from './engine/run-rules';
import { RuleSettings } from './config/rule-settings';
import { type DelegatedMigration, dbMigrateCall, delegatedMigration, detectFrontend, otherDatabaseOf, pythonDeltaStep, quotesWithBackticks } from './frontends/detect';
import { unparsableFile } from './frontends/file-problem';
import { analyzeSqlFile, loadSqlParser } from './frontends/sql';
import { LineIndex } from './frontends/text-positions';
import type { AnalyzedFile, FrontendName } from './model/file';
import { type SchemaReplay, schemaEffectOf } from './schema/replay';

export interface LintOptions {
  pgVersion: number;
  assumeInTransaction: boolean;
  settings: RuleSettings;
  rules?: readonly RuleDefinition[];
  /** Forces a front-end (from config `frontends`); otherwise detected from the name and content. */
  frontend?: FrontendName;
  /** TypeORM's `migrationsTransactionMode` (default `all`). */
  typeormTransactionMode?: 'all' | 'each' | 'none';
  /** The schema the earlier migrations of the run built; the file is checked against it, then applied to it. */
  replay?: SchemaReplay;
  /** The file is new in this run (git modes, named files not yet committed): what it makes is new for the later ones. */
  newInRun?: boolean;
  /** Template placeholder syntaxes in SQL files (config `placeholders`). */
  placeholders?: readonly string[];
  /** Keep each SQL statement's text on its operations (trace runs them; linting does not need it). */
  keepStatementText?: boolean;
}

export const defaultLintOptions = (): LintOptions => ({
  pgVersion: 15,
  assumeInTransaction: false,
  settings: new RuleSettings(allRules),
});

/** A file that no front-end reads (a JS/TS file that is not a migration, for instance). */
export interface SkippedFile {
  file: string;
  skipped: string;
}

export async function prepareLinting(): Promise<void> {
  await loadSqlParser();
}

/**
 * Lints one file's text. `displayPath` is the path shown in findings and picks
 * the front-end. Call `prepareLinting()` once first.
 */
export function lintText(text: string, displayPath: string, options: LintOptions, invalidUtf8At?: number): FileResult | SkippedFile {
  const analysis = analyzeText(text, displayPath, options, invalidUtf8At);
  return 'skipped' in analysis ? analysis : checkAnalysis(analysis, displayPath, options);
}

/** The settings a front-end needs (they travel to worker threads). */
export type AnalysisOptions = Pick<LintOptions, 'assumeInTransaction' | 'typeormTransactionMode' | 'frontend' | 'placeholders' | 'keepStatementText'>;

/** What a front-end makes of a file, with the text it read (a BOM removed). */
export interface TextAnalysis {
  analyzed: AnalyzedFile;
  source: string;
}

/** The front-end's half of linting: text to operations. Independent of other files, so it can run on any thread. */
export function analyzeText(text: string, displayPath: string, options: AnalysisOptions, invalidUtf8At?: number): TextAnalysis | SkippedFile {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom ? text.slice(1) : text;
  const frontend = options.frontend ?? detectFrontend(displayPath, source);
  const database = frontend ? undefined : (otherDatabaseOf(displayPath) ?? (quotesWithBackticks(source) ? 'mysql or mariadb (its queries quote names with backticks)' : undefined));
  if (database) return { file: displayPath, skipped: `SQL for ${database}, not PostgreSQL` };
  const delegated = frontend ? undefined : delegatedMigration(displayPath, source);
  if (delegated) return { analyzed: delegatedFile(delegated), source };
  const step = frontend ? undefined : pythonDeltaStep(displayPath, source);
  if (step === 'none') return { file: displayPath, skipped: 'a Python delta with no run_create or run_upgrade, which synapse does not run' };
  if (step) return { analyzed: pythonStepFile(step), source };
  const dbMigrate = frontend ? undefined : dbMigrateCall(displayPath, source);
  if (dbMigrate) return { analyzed: dbMigrateFile(dbMigrate), source };
  if (!frontend) return { file: displayPath, skipped: notMigration(displayPath) };
  if (source.includes('\u0000')) return { analyzed: binaryFile(frontend, source), source: '' };
  if (invalidUtf8At !== undefined) {
    const position = new LineIndex(source).position(Math.max(invalidUtf8At - bom, 0));
    return { analyzed: unparsableFile(frontend, 'This file is not valid UTF-8: PostgreSQL rejects it (invalid byte sequence for encoding "UTF8").', position), source };
  }
  return { analyzed: analyze(frontend, source, displayPath, options), source };
}

/** The rules' half: operations to findings, in the context of earlier migrations. */
export function checkAnalysis(analysis: TextAnalysis, displayPath: string, options: LintOptions): FileResult {
  return resultOf(analysis.analyzed, displayPath, analysis.source, options);
}

/**
 * The JavaScript front-ends (and Babel) load only when a run has such files: SQL-only runs start faster.
 * Each is required once: a bundled `require` copies the module's exports on every call.
 */
let knexFrontend: { analyze: typeof import('./frontends/knex'); knexfile: typeof import('./frontends/knex/knexfile') } | undefined;
let typeormFrontend: typeof import('./frontends/typeorm') | undefined;

function analyze(frontend: FrontendName, source: string, displayPath: string, options: AnalysisOptions): AnalyzedFile {
  switch (frontend) {
    case 'sql':
      return analyzeSqlFile(source, displayPath, { assumeInTransaction: options.assumeInTransaction, placeholders: options.placeholders, keepStatementText: options.keepStatementText });
    case 'knex': {
      knexFrontend ??= { analyze: require('./frontends/knex') as typeof import('./frontends/knex'), knexfile: require('./frontends/knex/knexfile') as typeof import('./frontends/knex/knexfile') };
      const knexfile = knexFrontend.knexfile.knexfileSettings(displayPath);
      const analyzed = knexFrontend.analyze.analyzeKnexFile(source, displayPath, { transactionsDisabled: knexfile.disablesTransactions, keepStatementText: options.keepStatementText });
      // The knexfile decided whether the runner's transaction wraps the file: the cache checks it too.
      const read = knexfile.file ? { readsFiles: [...(analyzed.readsFiles ?? []), knexfile.file] } : {};
      return knexfile.note ? { ...analyzed, ...read, warnings: [knexfile.note] } : { ...analyzed, ...read };
    }
    case 'typeorm': {
      typeormFrontend ??= require('./frontends/typeorm') as typeof import('./frontends/typeorm');
      return typeormFrontend.analyzeTypeormFile(source, displayPath, { transactionMode: options.typeormTransactionMode ?? 'all', keepStatementText: options.keepStatementText });
    }
    case 'django': {
      // On its own: a run over a project replays the earlier migrations first (src/cli/django-migrations.ts).
      const { analyzeDjangoFile } = require('./frontends/django') as typeof import('./frontends/django');
      return analyzeDjangoFile(source, displayPath);
    }
  }
}

function notMigration(displayPath: string): string {
  if (displayPath.endsWith('.py')) return 'not a Django migration (a module with class Migration in a migrations/ folder)';
  return 'not a SQL, Knex or TypeORM migration';
}

function resultOf(analyzed: AnalyzedFile, displayPath: string, source: string, options: LintOptions): FileResult {
  const engine = runRules(analyzed, options.rules ?? allRules, displayPath, {
    pgVersion: options.pgVersion,
    severityOf: options.settings.severityOf,
    resolveRuleId: options.settings.resolveRuleId,
    replay: options.replay,
    newInRun: options.newInRun,
  });
  return {
    file: displayPath,
    frontend: analyzed.frontend,
    statements: analyzed.statements,
    runnerTransaction: analyzed.runnerTransaction,
    operationCount: analyzed.operations.length,
    ...(analyzed.transactionSwitch !== undefined ? { transactionSwitch: analyzed.transactionSwitch } : {}),
    findings: engine.findings,
    source,
    skippedReason: analyzed.skippedReason,
    notes: analyzed.notes,
    warnings: analyzed.warnings,
    schemaEffect: schemaEffectOf(analyzed),
    ...(analyzed.readsFiles ? { readsFiles: analyzed.readsFiles } : {}),
  };
}

/** A migration whose up() is in another file: one warning, so that the silence is not taken for a pass. */
function delegatedFile({ frontend, line, column, length, delegate, calls }: DelegatedMigration): AnalyzedFile {
  const location = { line, column, endLine: line, endColumn: column + length };
  const message = calls
    ? `This migration's up() hands over to \`${delegate}\`, imported from another file; what it changes was not checked here.`
    : `This migration takes its up() from \`${delegate}\` in another file; it was not checked here.`;
  return { frontend, operations: [], directives: [], statements: 0, runnerTransaction: false, problems: [{ rule: 'unanalyzed-code', message, location }] };
}

/** synapse's Python delta step: one warning at its run_create/run_upgrade, since the SQL it sends is not read. */
function pythonStepFile({ line, length, name }: Exclude<ReturnType<typeof pythonDeltaStep>, 'none' | undefined>): AnalyzedFile {
  const location = { line, column: 1, endLine: line, endColumn: length + 1 };
  const message = `synapse runs this Python delta's ${name}() with a database cursor; the SQL it sends was not checked here.`;
  // Its statements are SQL sent by synapse: the SQL front-end's name, for reporters.
  return { frontend: 'sql', operations: [], directives: [], statements: 0, runnerTransaction: false, problems: [{ rule: 'unanalyzed-code', message, location }] };
}

/** A db-migrate migration: one warning at its first call on db-migrate's driver, since the SQL it sends is not read. */
function dbMigrateFile({ line, column, length, call }: NonNullable<ReturnType<typeof dbMigrateCall>>): AnalyzedFile {
  const location = { line, column, endLine: line, endColumn: column + length };
  const message = `This is a db-migrate migration: migralint does not read db-migrate's ${call}() and the other calls of its up(), so what it changes was not checked.`;
  // Its statements are SQL sent by db-migrate: the SQL front-end's name, for reporters.
  return { frontend: 'sql', operations: [], directives: [], statements: 0, runnerTransaction: false, problems: [{ rule: 'unanalyzed-code', message, location }] };
}

/** A NUL byte means binary content: report it as a file PostgreSQL could not read, and analyse nothing. */
function binaryFile(frontend: FrontendName, source: string): AnalyzedFile {
  const position = new LineIndex(source).position(source.indexOf('\u0000'));
  return unparsableFile(frontend, 'This file contains a NUL byte: it is binary, not a migration PostgreSQL can read.', position);
}

export function isSkipped<T extends object>(result: T | SkippedFile): result is SkippedFile {
  return 'skipped' in result;
}
