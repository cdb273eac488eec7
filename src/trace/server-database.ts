import type { Client } from 'pg';
import { UsageError } from '../config/errors';
import { type TraceDatabase, type WatchedLock, statementError } from './database';
import { describeVersion } from './pglite-database';

export interface ServerOptions {
  url: string;
  /** Run on a database that already has tables (it is then the user's to vouch for). */
  allowNonEmpty: boolean;
}

/** A PostgreSQL server the user gives (`--database-url`), through the `pg` driver, with a second connection that watches. */
export async function openServer(options: ServerOptions): Promise<TraceDatabase> {
  const pg = loadPg();
  const connect = async () => {
    const client = new pg.Client({ connectionString: options.url });
    client.on('notice', () => undefined);
    client.on('error', () => undefined); // a dropped connection surfaces as the next query's error
    await client.connect();
    return client;
  };
  let main: Client;
  try {
    main = await connect();
  } catch (error) {
    throw new UsageError(`--database-url: cannot connect: ${(error as Error).message}`);
  }
  const tables = await main.query<{ count: string }>(
    `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`,
  );
  const count = Number(tables.rows[0].count);
  if (count > 0 && !options.allowNonEmpty) {
    await main.end();
    throw new UsageError(`--database-url: the database has ${count} user table${count === 1 ? '' : 's'}; trace runs on an empty database unless --allow-non-empty is given`);
  }
  const version = describeVersion((await main.query<{ version: string }>('SELECT version()')).rows[0].version);
  const pid = Number((await main.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid);
  let watcher: Client | undefined;
  return {
    version,
    embedded: false,
    async run(sql) {
      try {
        await main.query(sql);
      } catch (error) {
        throw statementError(error);
      }
    },
    async rows<T>(sql: string, params?: unknown[]) {
      return (await main.query(sql, params)).rows as T[];
    },
    async runWatched(sql, gateRelations) {
      watcher ??= await connect();
      return watch(main, watcher, pid, sql, gateRelations);
    },
    async close() {
      await watcher?.end().catch(() => undefined);
      await main.end().catch(() => undefined);
    },
  };
}

/** pg is an optional dependency, needed only to trace on a server (--database-url). */
function loadPg(): typeof import('pg') {
  try {
    return require('pg') as typeof import('pg');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new UsageError('trace --database-url connects with the package pg, an optional dependency that was left out of this install (--omit=optional?): npm install pg');
  }
}

const WAIT_LIMIT_MS = 5000;

/**
 * A statement that commits its own transactions has let go of its locks by the time it
 * returns, so a second connection looks while it runs. It first holds ROW EXCLUSIVE on the
 * tables the statement works on: the statement takes its own lock, then waits for ours (as
 * it waits for any writer), and we read what it holds; then we let it go, and keep looking
 * until it is done.
 */
async function watch(main: Client, watcher: Client, pid: number, sql: string, gateRelations: readonly number[]): Promise<WatchedLock[]> {
  const seen = new Map<string, WatchedLock>();
  const look = async () => {
    const held = await watcher.query<{ oid: number | null; mode: string; granted: boolean; locktype: string }>(
      'SELECT relation::int AS oid, mode, granted, locktype FROM pg_locks WHERE pid = $1',
      [pid],
    );
    for (const lock of held.rows) {
      if (lock.granted && lock.locktype === 'relation' && lock.oid !== null) seen.set(`${lock.oid}:${lock.mode}`, { oid: lock.oid, mode: lock.mode });
    }
    // It waits for writers by their transaction ids (a virtualxid lock), not by a table lock.
    return held.rows.some((lock) => !lock.granted);
  };
  await watcher.query('BEGIN');
  if (gateRelations.length > 0) {
    const names = await watcher.query<{ name: string }>('SELECT oid::regclass::text AS name FROM pg_class WHERE oid = ANY($1) AND relkind IN ($2, $3)', [gateRelations, 'r', 'p']);
    if (names.rows.length > 0) await watcher.query(`LOCK TABLE ${names.rows.map((row) => row.name).join(', ')} IN ROW EXCLUSIVE MODE`);
  }
  let done = false;
  let failure: unknown;
  const running = main.query(sql).then(
    () => void (done = true),
    (error: unknown) => {
      done = true;
      failure = error;
    },
  );
  const started = Date.now();
  // Until it waits for our lock (or finishes, or takes too long).
  while (!done && Date.now() - started < WAIT_LIMIT_MS && !(await look())) await pause(2);
  await watcher.query('ROLLBACK');
  // Its later phases are short: look as often as the connection allows.
  while (!done) await look();
  await running;
  if (failure) throw statementError(failure);
  return [...seen.values()];
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
