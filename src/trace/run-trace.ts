import { type LockMode, isLockMode } from '../model/locks';
import type { Operation } from '../model/operations';
import type { SourceSpan } from '../model/location';
import { type Catalogue, compareCatalogues, heldLocks, isTable, readCatalogue } from './catalogue';
import { ACTIVE_SQL_TRANSACTION, StatementError, type TraceDatabase, statementError } from './database';
import { ownTransactionLocks, tablesWorkedOn } from './lock-catalogue';
import { type PlannedStatement, transactionAction } from './plan';

export interface TracedLock {
  relation: string;
  mode: LockMode;
  /** Whether the relation is a table (not an index or a sequence). */
  table: boolean;
  /** False when the lock comes from the lock catalogue rather than from pg_locks (see lock-catalogue.ts). */
  observed?: false;
}

export interface TracedStatement {
  location: SourceSpan;
  sql: string;
  /** Whether it ran inside a transaction (the runner's, the file's, or one the trace opened to look at its locks). */
  transaction: boolean;
  /** The locks it newly holds on relations that existed before the migration. */
  locks: TracedLock[];
  rewrites: string[];
  created: string[];
  altered: string[];
  dropped: string[];
  error?: string;
  /** Why it was not run. */
  notRun?: string;
  approximation?: string;
  durationMs: number;
  planned: PlannedStatement;
}

/** A lock of the migration, and how long it was then held: until its transaction ended. */
export interface HeldLock {
  relation: string;
  mode: LockMode;
  /** The line of the statement that took it. */
  line: number;
  heldMs: number;
}

export interface TracedMigration {
  statements: TracedStatement[];
  heldLocks: HeldLock[];
  notes: string[];
}

export interface TraceSettings {
  /** Commit what the migrations do (always, embedded); without it a server's database is left as it was. */
  commit: boolean;
}

/** Runs one migration's statements as its runner would, and records what each one locks, rewrites and changes. */
export async function traceMigration(
  db: TraceDatabase,
  statements: readonly PlannedStatement[],
  runnerTransaction: boolean,
  settings: TraceSettings,
): Promise<TracedMigration> {
  const tracer = new MigrationTracer(db, settings, await readCatalogue(db));
  return tracer.run(statements, runnerTransaction);
}

class MigrationTracer {
  private catalogue: Catalogue;
  private inTransaction = false;
  /** What pg_locks showed after the last statement of the open transaction: the next one's "before". */
  private lastHeld: Set<string> | undefined;
  /** Locks taken in the open transaction: when and by which line. */
  private open = new Map<string, { relation: string; mode: LockMode; line: number; at: number }>();
  private readonly held: HeldLock[] = [];
  private readonly notes: string[] = [];

  constructor(
    private readonly db: TraceDatabase,
    private readonly settings: TraceSettings,
    /** The catalogue before the migration: only relations in it are reported as locked or rewritten. */
    private readonly start: Catalogue,
  ) {
    this.catalogue = start;
  }

  async run(statements: readonly PlannedStatement[], runnerTransaction: boolean): Promise<TracedMigration> {
    const traced: TracedStatement[] = [];
    if (runnerTransaction) await this.begin();
    for (const [index, planned] of statements.entries()) {
      const result = await this.statement(planned);
      traced.push(result);
      if (result.error) {
        if (this.inTransaction) await this.end('ROLLBACK');
        const rest = statements.length - index - 1;
        if (rest > 0) this.notes.push(`${rest} later statement${rest === 1 ? ' was' : 's were'} not run after the failure on line ${planned.location.line}`);
        return { statements: traced, heldLocks: this.held, notes: this.notes };
      }
    }
    if (this.inTransaction) await this.end(this.settings.commit ? 'COMMIT' : 'ROLLBACK');
    return { statements: traced, heldLocks: this.held, notes: this.notes };
  }

  private async begin(): Promise<void> {
    await this.db.run('BEGIN');
    this.inTransaction = true;
    this.lastHeld = undefined;
  }

  private async end(command: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    await this.db.run(command).catch(() => undefined);
    const now = performance.now();
    for (const lock of this.open.values()) this.held.push({ relation: lock.relation, mode: lock.mode, line: lock.line, heldMs: round(now - lock.at) });
    this.open.clear();
    this.inTransaction = false;
    this.lastHeld = undefined;
  }

  private async statement(planned: PlannedStatement): Promise<TracedStatement> {
    const result: TracedStatement = {
      location: planned.location, sql: planned.sql, transaction: this.inTransaction, locks: [], rewrites: [], created: [], altered: [], dropped: [], durationMs: 0, planned,
    };
    if (planned.approximation) result.approximation = planned.approximation;
    if (planned.notRun) return { ...result, notRun: planned.notRun };
    const action = transactionAction(planned);
    if (action === 'begin') {
      await this.timed(result, () => this.db.run(planned.sql));
      this.inTransaction = true;
      this.lastHeld = undefined;
      return result;
    }
    if (action) {
      const command = action === 'commit' && !this.settings.commit ? 'ROLLBACK' : action === 'commit' ? 'COMMIT' : 'ROLLBACK';
      if (command !== action.toUpperCase()) result.notRun = 'rolled back instead: nothing is committed without --commit';
      const started = performance.now();
      await this.end(command);
      result.durationMs = round(performance.now() - started);
      return result;
    }
    if (this.inTransaction) return this.observed(result, planned);
    // Outside a transaction the locks would be gone by the time we look: the statement runs in one of ours.
    await this.begin();
    result.transaction = true;
    await this.observed(result, planned);
    if (result.error === undefined || !(result.error.startsWith(`${ACTIVE_SQL_TRANSACTION}:`))) {
      if (this.inTransaction) await this.end(this.settings.commit ? 'COMMIT' : 'ROLLBACK');
      return result;
    }
    await this.end('ROLLBACK');
    return this.outsideTransaction({ ...result, error: undefined, transaction: false, locks: [] }, planned);
  }

  /** Runs the statement in the open transaction and looks at what it newly holds and changed. */
  private async observed(result: TracedStatement, planned: PlannedStatement): Promise<TracedStatement> {
    const before = this.lastHeld ?? (await heldLocks(this.db));
    this.lastHeld = undefined;
    const ok = await this.timed(result, () => this.db.run(planned.sql));
    if (!ok) return result;
    const after = await heldLocks(this.db);
    this.lastHeld = after;
    const taken = [...after].filter((key) => !before.has(key)).map((key) => key.split(':'));
    result.locks = this.describeLocks(taken.map(([oid, mode]) => ({ oid: Number(oid), mode })));
    for (const lock of result.locks) {
      const key = `${lock.relation}:${lock.mode}`;
      if (!this.open.has(key)) this.open.set(key, { relation: lock.relation, mode: lock.mode, line: planned.location.line, at: performance.now() - result.durationMs });
    }
    await this.compare(result, planned);
    return result;
  }

  /** A statement that commits its own transactions: watched from a second connection, or its locks from the catalogue. */
  private async outsideTransaction(result: TracedStatement, planned: PlannedStatement): Promise<TracedStatement> {
    if (!this.settings.commit) return { ...result, notRun: 'not run: it commits its own transactions, and nothing is committed without --commit' };
    const gate = tablesWorkedOn(planned.operations, this.catalogue).filter((oid) => this.start.relations.has(oid));
    let watched: Array<{ oid: number; mode: string }> | undefined;
    const ok = await this.timed(result, async () => {
      if (this.db.runWatched) watched = await this.db.runWatched(planned.sql, gate);
      else await this.db.run(planned.sql);
    });
    if (!ok) return result;
    // A watch that saw nothing (DETACH … CONCURRENTLY holds no lock while it waits, and its own
    // transactions are too short to catch) says nothing: the catalogue does.
    const seen = watched && this.describeLocks(watched).length > 0 ? watched : undefined;
    result.locks = seen ? this.describeLocks(seen) : this.describeLocks(ownTransactionLocks(planned.operations, this.catalogue)).map((lock) => ({ ...lock, observed: false as const }));
    // Its own transactions end with it: each lock is held for (part of) the statement's time.
    for (const lock of result.locks) this.held.push({ relation: lock.relation, mode: lock.mode, line: planned.location.line, heldMs: result.durationMs });
    await this.compare(result, planned);
    return result;
  }

  /** Runs and times the statement; a failure becomes the result's error (`SQLSTATE: message`). */
  private async timed(result: TracedStatement, run: () => Promise<void>): Promise<boolean> {
    const started = performance.now();
    try {
      await run();
      return true;
    } catch (error) {
      const failure = error instanceof StatementError ? error : statementError(error);
      result.error = `${failure.code ?? 'error'}: ${failure.message}`;
      if (failure.position !== undefined) result.error += ` (at character ${failure.position})`;
      return false;
    } finally {
      result.durationMs = round(performance.now() - started);
    }
  }

  private describeLocks(locks: ReadonlyArray<{ oid: number; mode: string }>): TracedLock[] {
    const described: TracedLock[] = [];
    for (const { oid, mode } of locks) {
      const relation = this.start.relations.get(oid);
      if (!relation || !isLockMode(mode)) continue; // created by this migration, or not a table-level mode
      // Named as it is now: an earlier statement of the migration may have renamed it.
      const name = this.catalogue.relations.get(oid)?.name ?? relation.name;
      if (described.some((lock) => lock.relation === name && lock.mode === mode)) continue;
      described.push({ relation: name, mode, table: isTable(relation) });
    }
    return described;
  }

  private async compare(result: TracedStatement, planned: PlannedStatement): Promise<void> {
    if (!planned.operations.some(mayChangeCatalogue)) return;
    const after = await readCatalogue(this.db);
    const changes = await compareCatalogues(this.db, this.catalogue, after);
    this.catalogue = after;
    result.created = changes.created;
    result.altered = changes.altered;
    result.dropped = changes.dropped;
    const truncates = planned.operations.some((operation) => operation.kind === 'truncate');
    for (const relation of changes.newStorage) {
      if (!this.start.relations.has(relation.oid)) continue;
      // TRUNCATE gives a table new, empty storage: that is not a rewrite of its rows.
      if (truncates) result.altered.push(`${relation.name} emptied`);
      else result.rewrites.push(relation.name);
    }
  }
}

/** SET, and SELECT/INSERT/UPDATE/DELETE, change no table's definition or storage: no catalogue to compare. */
function mayChangeCatalogue(operation: Operation): boolean {
  if (operation.kind === 'setSetting' || operation.kind === 'transaction') return false;
  return !(operation.kind === 'other' && /^(Select|Insert|Update|Delete|Variable\w*|Explain|Notify|Listen)Stmt$/.test(operation.statement));
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
