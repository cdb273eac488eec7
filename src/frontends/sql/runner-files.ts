import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Operation } from '../../model/operations';
import { drizzleJournalOf, drizzleTag } from './drizzle-journal';

/**
 * What a migration runner does with a SQL file, known from the file's name (and,
 * for diesel, the file beside it), when the file carries no runner marker:
 * - `diesel`: each `up.sql` runs in a transaction, unless the folder's
 *   metadata.toml says `run_in_transaction = false` (then it is sent as one query: diesel's `batch_execute`).
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
 * - `pop`: ory/pop's (and popx's) `<version>_<name>[.<database>].up.sql`, in a Go module
 *   that requires pop, runs in a transaction; `….autocommit.up.sql` is sent as one query.
 * - `postgres-migrations`: the npm package's `<id>[-_]<name>.sql`, in a package that depends on
 *   it, runs in a transaction unless the file holds `-- postgres-migrations disable-transaction`
 *   (then it is sent as one query).
 * - `whole-file`: golang-migrate (`*.up.sql`) and Prisma (`migration.sql`)
 *   send the file to PostgreSQL as one query, which runs its statements as one
 *   transaction when there are several (unless the file manages its own).
 */
export type RunnerByName = 'diesel' | 'drizzle' | 'flyway' | 'pop' | 'postgres-migrations' | 'sqlx' | 'synapse' | 'whole-file';

/** sqlx names a migration `<version>_<description>.sql`, or `.up.sql` when it can be reverted. */
const SQLX_NAME = /^\d+_.+\.sql$/;
/** sqlx runs a file without its transaction when the file's first bytes say so. */
const SQLX_NO_TRANSACTION = /^-- no-transaction/;
/** pop's up migration: `<version>_<name>[.<database>][.autocommit].up.sql`. */
const POP_NAME = /^\d+_[^.]+(\.[a-z0-9]+)?(\.autocommit)?\.up\.sql$/;
const POP_AUTOCOMMIT = /\.autocommit\.up\.sql$/;
/** postgres-migrations reads a file's id from the front of its name. */
const POSTGRES_MIGRATIONS_NAME = /^-?\d+[-_]?.*\.sql$/i;
/** postgres-migrations runs a file without its transaction when the text holds this anywhere. */
const POSTGRES_MIGRATIONS_NO_TRANSACTION = '-- postgres-migrations disable-transaction';

export function runnerByName(filePath: string): RunnerByName | undefined {
  const name = path.basename(filePath);
  if (name === 'up.sql') return 'diesel';
  if (/^([VB]\d[\d._]*|R)__.+\.sql$/.test(name)) return 'flyway';
  if (drizzleJournal(filePath) !== undefined) return 'drizzle';
  if (SQLX_NAME.test(name) && inSqlxCrate(filePath)) return 'sqlx';
  if (POP_NAME.test(name) && nearestManifest(filePath, GO_MOD).declares) return 'pop';
  if (POSTGRES_MIGRATIONS_NAME.test(name) && nearestManifest(filePath, PACKAGE_JSON).declares) return 'postgres-migrations';
  if (/\.sql(\.postgres)?$/i.test(name) && /^\d+$/.test(path.basename(path.dirname(filePath))) && path.basename(path.dirname(path.dirname(filePath))) === 'delta') return 'synapse';
  if (/\.up\.sql$/i.test(name)) return 'whole-file';
  // Prisma: prisma/migrations/<14-digit timestamp>_<name>/migration.sql, or a folder of migrations/ renamed by hand (umami: 05_add_visit_id)
  const folder = path.dirname(filePath);
  if (name === 'migration.sql' && (/^\d{14}_/.test(path.basename(folder)) || path.basename(path.dirname(folder)) === 'migrations')) return 'whole-file';
  return undefined;
}

/**
 * The runner a file is for, by its name; sqlx sends a file that begins with `-- no-transaction`,
 * pop an `.autocommit.` one, postgres-migrations one marked `disable-transaction` and diesel one whose
 * metadata.toml turns its transaction off as one query, as golang-migrate does.
 */
export function runnerForFile(filePath: string, text: string): RunnerByName | undefined {
  const named = runnerByName(filePath);
  return sendsAsOneQuery(named, filePath, text) ? 'whole-file' : named;
}

/** The runner's switch for the file is on: it is sent as one query rather than in the runner's transaction. */
export function sendsAsOneQuery(runner: RunnerByName | undefined, filePath: string, text: string): boolean {
  switch (runner) {
    case 'sqlx':
      return SQLX_NO_TRANSACTION.test(text);
    case 'pop':
      return POP_AUTOCOMMIT.test(path.basename(filePath));
    case 'postgres-migrations':
      return text.includes(POSTGRES_MIGRATIONS_NO_TRANSACTION);
    case 'diesel':
      return !dieselRunsInTransaction(filePath);
    default:
      return false;
  }
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

/** A manifest that says which runner a project's migrations are for: its name, and whether its text declares the runner. */
interface ManifestKind {
  file: string;
  declares: (text: string) => boolean;
}

const CARGO_TOML: ManifestKind = { file: 'Cargo.toml', declares: (text) => /^\s*sqlx\s*[=.]|^\s*\[(?:[\w-]+\.)*dependencies\.sqlx\]/m.test(text) };
// A direct requirement (not `// indirect`) of gobuffalo's or ory's pop.
const GO_MOD: ManifestKind = { file: 'go.mod', declares: (text) => /^\s*(?:require\s+)?github\.com\/(?:gobuffalo|ory)\/pop(?:\/v\d+)?\s+v\S+[ \t]*(?!\s*\/\/\s*indirect)$/m.test(text) };
const PACKAGE_JSON: ManifestKind = { file: 'package.json', declares: (text) => /"postgres-migrations"\s*:/.test(text) };

interface ManifestFound {
  declares: boolean;
  manifest?: string;
}

/** Per manifest name, per folder: the nearest manifest of that name above it. */
const manifestCache = new Map<string, Map<string, ManifestFound>>();

/** The nearest Cargo.toml above the file declares sqlx as a dependency (of the crate, or of its workspace). */
function inSqlxCrate(filePath: string): boolean {
  return nearestManifest(filePath, CARGO_TOML).declares;
}

/** The nearest manifest of a kind above the file (none: no crate, module or package), and whether it declares the runner. */
function nearestManifest(filePath: string, kind: ManifestKind): ManifestFound {
  let cache = manifestCache.get(kind.file);
  if (cache === undefined) manifestCache.set(kind.file, (cache = new Map()));
  const visited: string[] = [];
  let dir = path.dirname(path.resolve(filePath));
  let found: ManifestFound | undefined;
  for (;;) {
    found = cache.get(dir);
    if (found !== undefined) break;
    visited.push(dir);
    let manifest: string | undefined;
    try {
      manifest = fs.readFileSync(path.join(dir, kind.file), 'utf8');
    } catch {
      // none here: look in the folder above
    }
    if (manifest !== undefined) {
      found = { declares: kind.declares(manifest), manifest: path.join(dir, kind.file) };
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      found = { declares: false };
      break;
    }
    dir = parent;
  }
  for (const folder of visited) cache.set(folder, found);
  return found;
}

/**
 * The files besides the migration that decided how its runner runs it (the crate's
 * Cargo.toml for a sqlx-named file, the go.mod or package.json that requires pop or
 * postgres-migrations, diesel's metadata.toml): the cache checks them too.
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
  // The manifests whose dependencies make a file so named sqlx's, pop's or postgres-migrations'.
  const kinds = [SQLX_NAME.test(name) && CARGO_TOML, POP_NAME.test(name) && GO_MOD, POSTGRES_MIGRATIONS_NAME.test(name) && PACKAGE_JSON];
  return kinds.flatMap((kind) => (kind ? (nearestManifest(filePath, kind).manifest ?? []) : []));
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
