import type { FileResult, Finding } from '../engine/finding';
import type { FrontendName } from '../model/file';
import type { TraceDatabase } from './database';
import { traceFindings } from './findings';
import { planStatements } from './plan';
import { type HeldLock, type TraceSettings, type TracedStatement, traceMigration } from './run-trace';
import type { TextAnalysis } from '../lint';

export { extensionsCreatedIn, openPglite } from './pglite-database';
export { openServer } from './server-database';
export type { TraceDatabase } from './database';

/** One migration as trace reads it: the front-end's analysis (with statement text) and its lint result. */
export interface TraceInput {
  file: string;
  analysis: TextAnalysis;
  lint: FileResult;
}

export interface TracedFile {
  file: string;
  frontend: FrontendName;
  /** Whether the runner wraps the migration in a transaction. */
  transaction: boolean;
  statements: TracedStatement[];
  heldLocks: HeldLock[];
  notes: string[];
  skipped?: string;
}

export interface TraceResult {
  /** The PostgreSQL it ran on. */
  engine: string;
  migrations: TracedFile[];
  findings: Finding[];
  durationMs: number;
}

/** Applies the migrations in order to the database and records what each statement locks, rewrites and changes. */
export async function runTrace(inputs: AsyncIterable<TraceInput> | Iterable<TraceInput>, db: TraceDatabase, settings: TraceSettings): Promise<TraceResult> {
  const started = performance.now();
  const migrations: TracedFile[] = [];
  const findings: Finding[] = [];
  for await (const input of inputs) {
    const { analyzed } = input.analysis;
    const base = { file: input.file, frontend: analyzed.frontend, transaction: analyzed.runnerTransaction };
    // A Django migration's operations need its app's history to be lowered to SQL, which trace does not replay yet.
    const skipped = analyzed.skippedReason ?? (analyzed.frontend === 'django' ? 'Django migrations are not traced yet' : undefined);
    if (skipped) {
      migrations.push({ ...base, statements: [], heldLocks: [], notes: [], skipped });
      continue;
    }
    const traced = await traceMigration(db, planStatements(analyzed), analyzed.runnerTransaction, settings);
    // What the front-end could not read was not run either: say so.
    const notes = [...analyzed.problems.map((problem) => `line ${problem.location.line}: not run: ${problem.message}`), ...traced.notes];
    migrations.push({ ...base, statements: traced.statements, heldLocks: traced.heldLocks, notes });
    for (const statement of traced.statements) findings.push(...traceFindings(input.file, statement, input.lint.findings));
  }
  return { engine: db.version, migrations, findings, durationMs: Math.round(performance.now() - started) };
}
