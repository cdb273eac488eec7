import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../config/errors';
import { detectFrontend, isMigrationCandidate } from '../frontends/detect';
import type { FrontendName } from '../model/file';
import { toPosix } from './discover';
import { findMigrationFolders } from './migration-folders';
import { leftOutOfDrizzleJournal } from '../frontends/sql/drizzle-journal';
import { isRollbackFile } from '../frontends/sql/runner-markers';
import { ciSnippets, snippetsText } from '../docs/ci-snippets';
import { toolVersion } from './version';

const CONFIG_NAME = 'migralint.config.json';

interface FoundFolder {
  folder: string;
  frontend: FrontendName;
  /** Forward migrations (rollback files are not counted). */
  files: number;
  rollbackFiles: number;
  /** `.sql` files drizzle-kit's journal does not list, which its migrator does not apply. */
  notInJournal: number;
  /** Sub-folders for other databases, excluded from the config. */
  otherDatabases: string[];
}

/** Writes a starter config after looking at the repository, and returns what to tell the user. */
export function writeStarterConfig(cwd: string): string {
  const file = path.join(cwd, CONFIG_NAME);
  if (fs.existsSync(file)) throw new UsageError(`${CONFIG_NAME} already exists; not overwriting it`);
  const folders = describeMigrationFolders(cwd);
  const pgVersion = detectPostgresVersion(cwd);
  const config = {
    include: folders.length > 0 ? folders.map((found) => `${found.folder}/**/*.${extensionsOf(found.frontend)}`) : ['migrations/**/*.{sql,js,ts}'],
    ...(folders.some((found) => found.otherDatabases.length > 0)
      ? { exclude: folders.flatMap((found) => found.otherDatabases.map((other) => `${found.folder}/${other}/**`)) }
      : {}),
    pgVersion: pgVersion?.version ?? 15,
    assumeInTransaction: false,
    rules: {},
    // Django migrations are recognised by their folder and content: they need no entry.
    ...(folders.some((found) => found.frontend !== 'sql' && found.frontend !== 'django')
      ? {
          frontends: Object.fromEntries(
            folders.filter((found) => found.frontend !== 'sql' && found.frontend !== 'django').map((found) => [`${found.folder}/**/*.${extensionsOf(found.frontend)}`, found.frontend]),
          ),
        }
      : {}),
  };
  fs.writeFileSync(file, JSON.stringify(config, null, 2) + '\n');
  return report(folders, pgVersion, config.include);
}

function extensionsOf(frontend: FrontendName): string {
  if (frontend === 'django') return 'py';
  return frontend === 'sql' ? 'sql' : '{js,ts,cjs,mjs,cts,mts}';
}

/** Folders named like migration folders, with the front-end most of their forward migrations need. */
export function describeMigrationFolders(root: string): FoundFolder[] {
  return findMigrationFolders(root).flatMap((found) => describeFolder(root, found.folder, found.otherDatabases) ?? []);
}

function describeFolder(root: string, folder: string, otherDatabases: string[]): FoundFolder | undefined {
  const counts = new Map<FrontendName, number>();
  let rollbackFiles = 0;
  let notInJournal = 0;
  const walk = (dir: string, depth: number) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(depth === 0 && otherDatabases.includes(entry.name)) && depth < 3 && !entry.name.startsWith('.')) walk(full, depth + 1);
      } else if (entry.isFile() && isMigrationCandidate(full) && isRollbackFile(full)) {
        rollbackFiles++;
      } else if (entry.isFile() && isMigrationCandidate(full) && leftOutOfDrizzleJournal(full)) {
        notInJournal++;
      } else if (entry.isFile() && isMigrationCandidate(full)) {
        const frontend = detectFrontend(full, fs.readFileSync(full, 'utf8'));
        if (frontend) counts.set(frontend, (counts.get(frontend) ?? 0) + 1);
      }
    }
  };
  walk(folder, 0);
  const [frontend, files] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!frontend || !files) return undefined;
  return { folder: toPosix(path.relative(root, folder)), frontend, files, rollbackFiles, notInJournal, otherDatabases };
}

/**
 * Images that run PostgreSQL, by the last part of their name, and the major version
 * their tag names: `postgres:16-alpine`, `pgautoupgrade/pgautoupgrade:18-alpine`,
 * `postgis/postgis:14-3.4`, `bitnami/postgresql:16`, `pgvector/pgvector:pg17`,
 * `timescale/timescaledb:2.14.2-pg16`.
 */
const POSTGRES_IMAGES = /^(postgres|postgresql|postgis|pgautoupgrade|pgvector|timescaledb(-ha)?)$/i;
const IMAGE_REFERENCE = /(?:\bimage:|^\s*FROM)\s*['"]?((?:[\w.-]+(?::\d+)?\/)*([\w.-]+)):([\w.-]+)/gim;

function majorVersionOfTag(tag: string): number | undefined {
  const match = /(?:^|-)pg(\d+)\b/i.exec(tag) ?? /^(\d+)(?:\.(\d+))?/.exec(tag);
  if (!match) return undefined;
  const major = Number(match[1]);
  // Before PostgreSQL 10 the major version had two parts (9.6).
  const version = major < 10 && match[2] !== undefined ? Number(`${major}.${match[2]}`) : major;
  return version >= 9 && version < 100 ? version : undefined;
}

/** The PostgreSQL version of the first PostgreSQL image in compose files, CI workflows or Dockerfiles. */
export function detectPostgresVersion(root: string): { version: number; source: string } | undefined {
  const inRoot = readNames(root);
  const candidates = [
    ...inRoot.filter((name) => /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(name)),
    ...readNames(path.join(root, '.github', 'workflows')).map((name) => path.join('.github', 'workflows', name)),
    ...inRoot.filter((name) => name === '.gitlab-ci.yml' || /^Dockerfile/i.test(name)),
  ];
  for (const candidate of candidates) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, candidate), 'utf8');
    } catch {
      continue;
    }
    for (const match of text.matchAll(IMAGE_REFERENCE)) {
      const version = POSTGRES_IMAGES.test(match[2]) ? majorVersionOfTag(match[3]) : undefined;
      if (version !== undefined) return { version, source: candidate };
    }
  }
  return undefined;
}

function readNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function report(found: FoundFolder[], pgVersion: { version: number; source: string } | undefined, include: string[]): string {
  const lines = [`Wrote ${CONFIG_NAME}.`];
  if (found.length === 0) lines.push('No migrations folder found: edit "include" to point at yours.');
  for (const folder of found) {
    const others = folder.otherDatabases.length > 0 ? `; excluded ${folder.otherDatabases.map((other) => `${other}/`).join(', ')} (not PostgreSQL)` : '';
    const rollback = folder.rollbackFiles > 0 ? ` (and ${folder.rollbackFiles} rollback file${folder.rollbackFiles === 1 ? '' : 's'}, not linted)` : '';
    const unlisted = folder.notInJournal > 0 ? ` (and ${folder.notInJournal} .sql file${folder.notInJournal === 1 ? '' : 's'} not in meta/_journal.json, not linted)` : '';
    lines.push(`  ${folder.folder}/: ${folder.files} ${folder.frontend} migration${folder.files === 1 ? '' : 's'}${rollback}${unlisted}${others}`);
  }
  lines.push(
    pgVersion
      ? `  PostgreSQL ${pgVersion.version} (from ${toPosix(pgVersion.source)})`
      : '  PostgreSQL 15 assumed: set "pgVersion" to your server\'s version',
  );
  const folders = found.length > 0 ? found.map((folder) => folder.folder) : [include[0].split('/*')[0]];
  return `${lines.join('\n')}\n\n${snippetsText(ciSnippets(folders, toolVersion()))}`;
}
