import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Operation } from '../../model/operations';
import { drizzleJournalOf, drizzleTag } from './drizzle-journal';

/**
 * What a migration runner does with a SQL file, known from the file's name (and,
 * for diesel, the file beside it), when the file carries no runner marker:
 * - `diesel`: each `up.sql` runs in a transaction, unless the folder's
 *   metadata.toml says `run_in_transaction = false`.
 * - `flyway`: each `V…__*.sql` (and baseline `B…__*.sql`) runs in a transaction, unless it holds a statement
 *   Flyway knows cannot run in one (`CREATE INDEX CONCURRENTLY`, `VACUUM`, …).
 * - `sqlx`: each `<version>_<name>.sql` (or `.up.sql`) of a crate that depends on
 *   sqlx runs in a transaction, unless the file begins with `-- no-transaction`
 *   (then it is sent as one query, as `whole-file` runners send it).
 * - `synapse`: the schema deltas of an upgrade (`delta/<version>/<name>.sql`,
 *   `.sql.postgres`) are applied in one transaction, with no way to leave it.
 * - `drizzle`: drizzle-kit's `<NNNN>_<name>.sql` (or a timestamp's, or any name its
 *   journal lists), in a folder with `meta/_journal.json`; drizzle's PostgreSQL migrator applies every
 *   pending migration in one transaction, with no way to leave it.
 * - `whole-file`: golang-migrate (`*.up.sql`) and Prisma (`migration.sql`)
 *   send the file to PostgreSQL as one query, which runs its statements as one
 *   transaction when there are several (unless the file manages its own).
 */
export type RunnerByName = 'diesel' | 'drizzle' | 'flyway' | 'sqlx' | 'synapse' | 'whole-file';

/** sqlx names a migration `<version>_<description>.sql`, or `.up.sql` when it can be reverted. */
const SQLX_NAME = /^\d+_.+\.sql$/;
/** sqlx runs a file without its transaction when the file's first bytes say so. */
const SQLX_NO_TRANSACTION = /^-- no-transaction/;

export function runnerByName(filePath: string): RunnerByName | undefined {
  const name = path.basename(filePath);
  if (name === 'up.sql') return 'diesel';
  if (/^([VB]\d[\d._]*|R)__.+\.sql$/.test(name)) return 'flyway';
  if (drizzleJournal(filePath) !== undefined) return 'drizzle';
  if (SQLX_NAME.test(name) && inSqlxCrate(filePath)) return 'sqlx';
  if (/\.sql(\.postgres)?$/i.test(name) && /^\d+$/.test(path.basename(path.dirname(filePath))) && path.basename(path.dirname(path.dirname(filePath))) === 'delta') return 'synapse';
  if (/\.up\.sql$/i.test(name)) return 'whole-file';
  // Prisma: prisma/migrations/<14-digit timestamp>_<name>/migration.sql, or a folder of migrations/ renamed by hand (umami: 05_add_visit_id)
  const folder = path.dirname(filePath);
  if (name === 'migration.sql' && (/^\d{14}_/.test(path.basename(folder)) || path.basename(path.dirname(folder)) === 'migrations')) return 'whole-file';
  return undefined;
}

/** The runner a file is for, by its name; sqlx sends a file that begins with `-- no-transaction` as one query, as golang-migrate does. */
export function runnerForFile(filePath: string, text: string): RunnerByName | undefined {
  const named = runnerByName(filePath);
  return named === 'sqlx' && SQLX_NO_TRANSACTION.test(text) ? 'whole-file' : named;
}

/** drizzle-kit names a migration `<4-digit index>_<name>.sql` unless its config says otherwise. */
const DRIZZLE_NAME = /^\d{4}_.+\.sql$/;

/**
 * The journal that makes a migration drizzle's: one beside it that lists it, or, where the
 * journal lists no tags to go by, any journal beside a file named as drizzle-kit names them.
 */
function drizzleJournal(filePath: string): string | undefined {
  if (!/\.sql$/i.test(filePath)) return undefined;
  const journal = drizzleJournalOf(filePath);
  if (journal === undefined) return undefined;
  const listed = journal.tags?.has(drizzleTag(filePath)) ?? false;
  return listed || DRIZZLE_NAME.test(path.basename(filePath)) ? journal.file : undefined;
}

/** Whether a folder's nearest Cargo.toml declares sqlx, and which Cargo.toml that is (none: no crate). */
const sqlxCrateCache = new Map<string, { sqlx: boolean; manifest?: string }>();

/** The nearest Cargo.toml above the file declares sqlx as a dependency (of the crate, or of its workspace). */
function inSqlxCrate(filePath: string): boolean {
  return nearestCargoManifest(filePath).sqlx;
}

function nearestCargoManifest(filePath: string): { sqlx: boolean; manifest?: string } {
  const visited: string[] = [];
  let dir = path.dirname(path.resolve(filePath));
  let found: { sqlx: boolean; manifest?: string } | undefined;
  for (;;) {
    found = sqlxCrateCache.get(dir);
    if (found !== undefined) break;
    visited.push(dir);
    let manifest: string | undefined;
    try {
      manifest = fs.readFileSync(path.join(dir, 'Cargo.toml'), 'utf8');
    } catch {
      // no Cargo.toml here: look in the folder above
    }
    if (manifest !== undefined) {
      found = { sqlx: /^\s*sqlx\s*[=.]|^\s*\[(?:[\w-]+\.)*dependencies\.sqlx\]/m.test(manifest), manifest: path.join(dir, 'Cargo.toml') };
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      found = { sqlx: false };
      break;
    }
    dir = parent;
  }
  for (const folder of visited) sqlxCrateCache.set(folder, found);
  return found;
}

/**
 * The files besides the migration that decided how its runner runs it (the crate's
 * Cargo.toml for a sqlx-named file, diesel's metadata.toml): the cache checks them too.
 */
export function runnerFilesRead(filePath: string): string[] {
  const name = path.basename(filePath);
  if (name === 'up.sql') {
    const metadata = path.join(path.dirname(path.resolve(filePath)), 'metadata.toml');
    return fs.existsSync(metadata) ? [metadata] : [];
  }
  // The journal makes the file drizzle's: a migration gains or loses the runner's transaction with it.
  const journal = /\.sql$/i.test(name) ? drizzleJournalOf(filePath) : undefined;
  if (journal !== undefined) return [journal.file];
  if (!SQLX_NAME.test(name)) return [];
  const { manifest } = nearestCargoManifest(filePath);
  return manifest ? [manifest] : [];
}

const metadataCache = new Map<string, boolean>();

/** diesel's metadata.toml beside the up.sql turns the transaction off with `run_in_transaction = false`. */
export function dieselRunsInTransaction(filePath: string): boolean {
  const dir = path.dirname(path.resolve(filePath));
  let runs = metadataCache.get(dir);
  if (runs === undefined) {
    let metadata = '';
    try {
      metadata = fs.readFileSync(path.join(dir, 'metadata.toml'), 'utf8');
    } catch {
      // no metadata.toml: diesel's default, a transaction
    }
    runs = !/^\s*run_in_transaction\s*=\s*false\s*(#.*)?$/m.test(metadata);
    metadataCache.set(dir, runs);
  }
  return runs;
}

/** Statements Flyway detects as impossible in a transaction: it then runs the whole migration without one. */
const FLYWAY_NON_TRANSACTIONAL = new Set(['VacuumStmt', 'CreatedbStmt', 'AlterSystemStmt', 'CreateTableSpaceStmt', 'DropTableSpaceStmt']);

export function flywayRunsInTransaction(operations: readonly Operation[]): boolean {
  return !operations.some(
    (operation) =>
      ('concurrently' in operation && operation.concurrently) ||
      operation.kind === 'dropDatabase' ||
      (operation.kind === 'other' && FLYWAY_NON_TRANSACTIONAL.has(operation.statement)),
  );
}
