/** What the trace needs from a PostgreSQL: the embedded one (PGlite) or a server the user gives. */
export interface TraceDatabase {
  /** `PostgreSQL 18.7 (PGlite 0.5.17)`, `PostgreSQL 15.8`. */
  readonly version: string;
  readonly embedded: boolean;
  /** Runs one statement of a migration as its runner would send it (simple query protocol). */
  run(sql: string): Promise<void>;
  /** Runs a query of the trace's own and returns its rows. */
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs a statement that commits its own transactions (`CREATE INDEX CONCURRENTLY`), and
   * returns the relation locks a second connection saw it hold while it ran. Only a server
   * has a second connection: without one, undefined.
   */
  runWatched?(sql: string, gateRelations: readonly number[]): Promise<WatchedLock[]>;
  close(): Promise<void>;
}

export interface WatchedLock {
  oid: number;
  mode: string;
}

/** A statement PostgreSQL rejected: its message, SQLSTATE and, when it gives one, the 1-based character position in the statement. */
export class StatementError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly position: number | undefined,
  ) {
    super(message);
  }
}

/** PGlite and pg both throw errors carrying the server's fields. */
export function statementError(error: unknown): StatementError {
  const fields = error as { message?: string; code?: string; position?: string };
  const position = fields.position !== undefined ? Number(fields.position) : undefined;
  return new StatementError(String(fields.message ?? error), fields.code, Number.isFinite(position) ? position : undefined);
}

/** SQLSTATE 25001: the statement cannot run inside a transaction block. */
export const ACTIVE_SQL_TRANSACTION = '25001';
