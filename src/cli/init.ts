import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../config/errors';
import { detectFrontend, isMigrationCandidate } from '../frontends/detect';
import type { FrontendName } from '../model/file';
import { toPosix } from './discover';

const CONFIG_NAME = 'migralint.config.json';
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'target']);
const MIGRATION_FOLDER = /^(migrations?|db_migrations|knex_migrations|alterations)$/i;
/** Sub-folders that hold migrations for other databases (as some projects keep one set per database). */
const OTHER_DATABASES = /^(mysql|mariadb|sqlite|mssql|sqlserver|oracle|cockroach(db)?)$/i;
const MAX_DEPTH = 6;

interface FoundFolder {
  folder: string;
  frontend: FrontendName;
  files: number;
  /** Sub-folders for other databases, excluded from the config. */
  otherDatabases: string[];
}

/** Writes a starter config after looking at the repository, and returns what to tell the user. */
export function writeStarterConfig(cwd: string): string {
  const file = path.join(cwd, CONFIG_NAME);
  if (fs.existsSync(file)) throw new UsageError(`${CONFIG_NAME} already exists; not overwriting it`);
  const folders = findMigrationFolders(cwd);
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

/** Folders named like migration folders, with the front-end most of their files need. */
export function findMigrationFolders(root: string): FoundFolder[] {
  const found: FoundFolder[] = [];
  const visit = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (MIGRATION_FOLDER.test(entry.name)) {
        const folder = describeFolder(root, full);
        if (folder) found.push(folder);
        continue;
      }
      visit(full, depth + 1);
    }
  };
  visit(root, 0);
  return found.sort((a, b) => a.folder.localeCompare(b.folder));
}

function describeFolder(root: string, folder: string): FoundFolder | undefined {
  const counts = new Map<FrontendName, number>();
  const otherDatabases: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth === 0 && OTHER_DATABASES.test(entry.name)) otherDatabases.push(entry.name);
        else if (depth < 3 && !entry.name.startsWith('.')) walk(full, depth + 1);
      } else if (entry.isFile() && isMigrationCandidate(full)) {
        const frontend = detectFrontend(full, fs.readFileSync(full, 'utf8'));
        if (frontend) counts.set(frontend, (counts.get(frontend) ?? 0) + 1);
      }
    }
  };
  walk(folder, 0);
  const [frontend, files] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!frontend || !files) return undefined;
  return { folder: toPosix(path.relative(root, folder)), frontend, files, otherDatabases };
}

/** `image: postgres:16`, `postgres:15-alpine`, `postgis/postgis:14-3.4` in compose files or CI workflows. */
export function detectPostgresVersion(root: string): { version: number; source: string } | undefined {
  const candidates = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];
  const workflows = path.join(root, '.github', 'workflows');
  if (fs.existsSync(workflows)) candidates.push(...fs.readdirSync(workflows).map((name) => path.join('.github', 'workflows', name)));
  candidates.push('.gitlab-ci.yml');
  for (const candidate of candidates) {
    const file = path.join(root, candidate);
    if (!fs.existsSync(file)) continue;
    const match = /image:\s*['"]?(?:[\w.-]+\/)*(?:postgres|postgis)(?:\/[\w-]+)?:(\d+)/i.exec(fs.readFileSync(file, 'utf8'));
    if (match) return { version: Number(match[1]), source: candidate };
  }
  return undefined;
}

function report(folders: FoundFolder[], pgVersion: { version: number; source: string } | undefined, include: string[]): string {
  const lines = [`Wrote ${CONFIG_NAME}.`];
  if (folders.length === 0) lines.push('No migrations folder found: edit "include" to point at yours.');
  for (const found of folders) {
    const others = found.otherDatabases.length > 0 ? `; excluded ${found.otherDatabases.map((other) => `${other}/`).join(', ')} (not PostgreSQL)` : '';
    lines.push(`  ${found.folder}/: ${found.files} ${found.frontend} migration${found.files === 1 ? '' : 's'}${others}`);
  }
  lines.push(
    pgVersion
      ? `  PostgreSQL ${pgVersion.version} (from ${toPosix(pgVersion.source)})`
      : '  PostgreSQL 15 assumed: set "pgVersion" to your server\'s version',
  );
  const folder = folders[0]?.folder ?? path.posix.dirname(include[0].split('*')[0].replace(/\/$/, '') + '/x');
  lines.push(
    '',
    'pre-commit (.pre-commit-config.yaml):',
    '  - repo: https://github.com/migralint/migralint',
    '    rev: v0.1.0',
    '    hooks:',
    '      - id: migralint',
    `        files: ^${folder}/`,
    '',
    'GitHub Actions (a job step, after actions/checkout with fetch-depth: 0):',
    '  - uses: migralint/migralint@v0.1.0',
    '    with:',
    '      since: origin/${{ github.base_ref }}',
    '',
    'GitLab CI:',
    '  migralint:',
    '    image: node:20',
    '    script:',
    '      - npx --yes migralint --since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --format gitlab -o gl-code-quality-report.json',
    '    artifacts:',
    '      reports:',
    '        codequality: gl-code-quality-report.json',
  );
  return lines.join('\n') + '\n';
}
