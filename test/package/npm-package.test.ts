import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EditorClient, diagnosticKeys } from '../lsp/lsp-client';

/**
 * The npm package as a user gets it: `npm pack`, then `npm install
 * --ignore-scripts` of the tarball into an empty project outside this
 * repository, with no build and no development dependencies. Prints the
 * install's time and size. Needs the npm registry (or npm's cache) for the
 * package's one dependency.
 */
const ROOT = path.join(__dirname, '..', '..');
const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-package-'));
let tarball = '';
let packed: string[] = [];
const project = path.join(work, 'project');
let installSeconds = 0;

beforeAll(() => {
  const [pack] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, pack.filename);
  packed = pack.files.map((file) => file.path).sort();
  fs.mkdirSync(path.join(project, 'db', 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
  const started = process.hrtime.bigint();
  // Linting needs only the parser: the optional dependencies (PGlite and pg, for trace) are left out here.
  npm(['install', '--ignore-scripts', '--omit=optional', '--save-dev', tarball], project);
  installSeconds = Number(process.hrtime.bigint() - started) / 1e9;
}, 180_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function sizeOf(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? sizeOf(full) : fs.statSync(full).size);
  }, 0);
}

function npx(args: string[]) {
  const run = spawnSync('npx', ['--no-install', 'migralint', ...args], { cwd: project, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: os.homedir() } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('the tarball holds the executable, the bundle, the README and the licences, and nothing to build', () => {
  expect(packed).toEqual(['LICENSE', 'README.md', 'bin/migralint', 'lib/THIRD-PARTY-LICENSES.txt', 'lib/babel-parser.js', 'lib/django.js', 'lib/fix.js', 'lib/lsp.js', 'lib/migralint.js', 'lib/re2js.js', 'lib/start.js', 'lib/trace.js', 'lib/yargs.js', 'package.json']);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.private).toBeUndefined();
  expect(manifest.license).toBe('MIT');
  expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  // Any of these would make npm build the package when it is installed from git (the pre-commit hook).
  expect(Object.keys(manifest.scripts as object).filter((name) => /^(pre|post)?(install|prepare|prepack|build)$/.test(name))).toEqual([]);
});

test('it installs with --ignore-scripts --omit=optional into an empty project, with one dependency; prints the time and size', () => {
  const modules = path.join(project, 'node_modules');
  const installed = fs.readdirSync(modules).filter((name) => !name.startsWith('.')).sort();
  expect(installed).toEqual(['@pgsql', 'libpg-query', 'migralint']);
  const size = sizeOf(modules);
  const tarballSize = fs.statSync(tarball).size;
  process.stdout.write(
    `npm package: tarball ${(tarballSize / 1024).toFixed(0)} kB; npm install --ignore-scripts took ${installSeconds.toFixed(2)} s; node_modules ${(size / 1024 / 1024).toFixed(1)} MB (${installed.join(', ')})\n`,
  );
  expect(size).toBeLessThan(8 * 1024 * 1024);
});

test('npx migralint lints SQL and Knex migrations in the project, and prints help', () => {
  fs.writeFileSync(path.join(project, 'db/migrations/001_drop.sql'), "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\n");
  fs.writeFileSync(
    path.join(project, 'db/migrations/002_index.js'),
    "exports.up = (knex) => knex.schema.alterTable('orders', (t) => {\n  t.index(['user_id']);\n});\nexports.down = () => {};\n",
  );
  const run = npx(['--format', 'compact']);
  expect(run.stderr).toBe('');
  expect(run.stdout.split('\n').filter(Boolean)).toEqual([
    'db/migrations/001_drop.sql:2:1: error ban-drop-column Dropping column "users"."age" breaks application code that still reads or writes it.',
    expect.stringMatching(/^db\/migrations\/002_index\.js:2:3: error require-concurrent-index-creation /),
    expect.stringMatching(/^db\/migrations\/002_index\.js:2:3: warning require-lock-timeout /),
  ]);
  expect(run.code).toBe(1);
  const help = npx(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('migralint explain <rule>');
  expect(npx(['--version']).stdout).toBe(`${(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
});

test('the language server runs from the installed package (as the VS Code extension starts it from node_modules)', async () => {
  const migration = path.join(project, 'db/migrations/004_rename.sql');
  fs.writeFileSync(migration, 'ALTER TABLE users RENAME COLUMN name TO full_name;\n');
  const editor = EditorClient.start([], project, path.join(project, 'node_modules/migralint/bin/migralint'));
  try {
    await editor.initialize(project);
    expect(diagnosticKeys(await editor.open(migration, fs.readFileSync(migration, 'utf8')))).toEqual(['renaming-column@1:1-1:50', 'require-lock-timeout@1:1-1:50']);
    expect(await editor.stop()).toBe(0);
  } finally {
    editor.kill();
  }
});

test('trace says what to install when its optional dependency (PGlite, 27 MB) was left out', () => {
  fs.writeFileSync(path.join(project, 'db/migrations/003_add.sql'), 'ALTER TABLE users ADD COLUMN bio text;\n');
  expect(npx(['trace', 'db/migrations/003_add.sql'])).toEqual({
    code: 2,
    stdout: '',
    stderr: 'migralint: trace runs PostgreSQL from the package @electric-sql/pglite, an optional dependency that was left out of this install (--omit=optional?): npm install @electric-sql/pglite@^0.5.17\n',
  });
});

test('a default install brings the optional dependencies, and trace runs with nothing else installed', () => {
  const traced = path.join(work, 'traced');
  fs.mkdirSync(path.join(traced, 'db', 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(traced, 'package.json'), '{ "name": "traced", "version": "1.0.0", "private": true }\n');
  fs.writeFileSync(path.join(traced, 'db/migrations/001_users.sql'), 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
  fs.writeFileSync(path.join(traced, 'db/migrations/002_index.sql'), 'CREATE INDEX users_id_idx ON users (id);\n');
  npm(['install', '--ignore-scripts', '--save-dev', tarball], traced);
  const run = spawnSync('npx', ['--no-install', 'migralint', 'trace', '--format', 'json', 'db/migrations'], { cwd: traced, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: os.homedir() } });
  const report = JSON.parse(run.stdout) as { migrations: Array<{ file: string; statements: Array<{ locks: Array<{ relation: string; mode: string }> }> }> };
  expect(report.migrations.map((migration) => migration.file)).toEqual(['db/migrations/001_users.sql', 'db/migrations/002_index.sql']);
  expect(report.migrations[1].statements[0].locks).toContainEqual(expect.objectContaining({ relation: 'users', mode: 'ShareLock' }));
}, 180_000);

test('the programmatic API loads from the package', () => {
  const script = "const m = require('migralint'); m.prepareLinting().then(() => console.log(m.lintText('DROP TABLE users;', 'x.sql', m.defaultLintOptions()).findings.map((f) => f.rule).join()))";
  expect(execFileSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' })).toBe('ban-drop-table,require-lock-timeout\n');
});

test('npm publish --dry-run passes', () => {
  const run = spawnSync('npm', ['publish', '--dry-run'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stdout).toContain('+ migralint@');
  expect(run.stderr).toContain('(dry-run)');
  expect(run.status).toBe(0);
}, 60_000);
