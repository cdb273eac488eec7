import * as fs from 'node:fs';
import * as path from 'node:path';
import { OTHER_DATABASE_NAMES } from '../frontends/detect';
import { otherDrizzleDialectIn } from '../frontends/sql/drizzle-journal';

/**
 * Folders that hold migrations, recognised by name: what `init` looks for, what a
 * run with no path and no config lints where none of the usual folders exists
 * (both also take drizzle-kit's folder, known by its journal), and what bounds
 * the context of a migration file given by name.
 */
export const MIGRATION_FOLDER = /^(migrations?|db_migrations|knex_migrations|alterations)$/i;
/** Test fixtures (Go's testdata, which the go tool ignores; the stubs a migration library's own tests apply): no deploy applies them. */
const TEST_FIXTURE_FOLDERS = ['testdata', 'fixtures', '__fixtures__', 'stub', 'stubs'];
/** Build output, dependencies and virtual environments (Django's own code has a migrations/ folder): never searched. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'target', 'site-packages', '__pycache__', 'venv', 'env', ...TEST_FIXTURE_FOLDERS]);
const MAX_DEPTH = 6;

export interface MigrationFolder {
  /** Absolute path. */
  folder: string;
  /** Names of its sub-folders for other databases, which are not PostgreSQL migrations. */
  otherDatabases: string[];
}

/** The outermost folders below `root` named like migration folders (depth-limited; dependencies, build output, test fixtures and dot-folders skipped). */
export function findMigrationFolders(root: string): MigrationFolder[] {
  const found: MigrationFolder[] = [];
  const visit = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const entry of readDirectories(dir)) {
      // Another database's tree (`clickhouse/migrations/`) holds no PostgreSQL migrations.
      if (entry.startsWith('.') || SKIPPED_FOLDERS.has(entry) || OTHER_DATABASE_NAMES.test(entry)) continue;
      const full = path.join(dir, entry);
      if (isMigrationFolder(full)) found.push({ folder: full, otherDatabases: otherDatabasesIn(full) });
      else visit(full, depth + 1);
    }
  };
  visit(root, 0);
  return found.sort((a, b) => a.folder.localeCompare(b.folder));
}

/** The outermost folder named like a migration folder that holds `file`, below `root`. */
export function enclosingMigrationFolder(file: string, root: string): MigrationFolder | undefined {
  const relative = path.relative(root, path.dirname(file));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep).filter(Boolean);
  const index = parts.findIndex((part) => MIGRATION_FOLDER.test(part));
  if (index < 0) return undefined;
  const folder = path.join(root, ...parts.slice(0, index + 1));
  return { folder, otherDatabases: otherDatabasesIn(folder) };
}

/** Named like a migrations folder, or drizzle-kit's (`drizzle/`, say), known by its journal (one for PostgreSQL). */
function isMigrationFolder(folder: string): boolean {
  if (MIGRATION_FOLDER.test(path.basename(folder))) return true;
  return fs.existsSync(path.join(folder, 'meta', '_journal.json')) && otherDrizzleDialectIn(folder) === undefined;
}

/** Sub-folders that hold migrations for other databases (as some projects keep one set per database). */
function otherDatabasesIn(folder: string): string[] {
  // Also a drizzle-kit folder whose journal names another dialect, whatever its name.
  return readDirectories(folder).filter((name) => OTHER_DATABASE_NAMES.test(name) || otherDrizzleDialectIn(path.join(folder, name)) !== undefined);
}

function readDirectories(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}
