import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GIT_TEST_ENV } from '../git-env';
import { planRun } from '../../src/cli/migration-set';
import type { LintArgs } from '../../src/cli/args';
import { runCli, tempProject } from './run-cli';

/**
 * pre-commit and lint-staged call `migralint a.sql b.sql`: the files given by
 * name are reported, in the context of the earlier migrations of their folders,
 * exactly as `--staged` reports them.
 */
const LOCK = "SET lock_timeout = '2s';\n";
const LINT_ARGS: LintArgs = { paths: [], rule: [], quiet: false, verbose: false, staged: false, cache: false, concurrency: 'off', fix: false, fixDryRun: false, suggestions: true };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_TEST_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

interface Report {
  files: Array<{ file: string }>;
  findings: Array<{ file: string; line: number; rule: string }>;
}
const report = (stdout: string) => JSON.parse(stdout) as Report;
const linted = (stdout: string) => report(stdout).files.map((file) => file.file);
const findings = (stdout: string) => report(stdout).findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`);

/** Deployed: users, a CHECK (email IS NOT NULL) NOT VALID, its validation. Staged: SET NOT NULL, and a new table with an index. */
function repository(files: Record<string, string> = {}): string {
  const root = tempProject({
    'db/migrations/001_users.sql': 'CREATE TABLE users (id bigint, email text);\n',
    'db/migrations/002_email_check.sql': `${LOCK}ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\n`,
    'db/migrations/003_validate.sql': `${LOCK}ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n`,
    ...files,
  });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'deployed');
  return root;
}

const STAGED = {
  'db/migrations/004_email_not_null.sql': `${LOCK}ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n`,
  'db/migrations/005_events.sql': 'CREATE TABLE events (id bigint, user_id bigint);\n',
  'db/migrations/006_events_index.sql': `${LOCK}CREATE INDEX events_user_idx ON events (user_id);\nALTER TABLE users DROP COLUMN email;\n`,
};

function stage(root: string, files: Record<string, string>): string[] {
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
  git(root, 'add', ...Object.keys(files));
  return Object.keys(files);
}

describe("files given by name (lint-staged's and pre-commit's way)", () => {
  test('NOT VALID (deployed), then VALIDATE and SET NOT NULL in two files given by name: no finding', async () => {
    const root = repository();
    git(root, 'rm', '-q', 'db/migrations/003_validate.sql');
    git(root, 'commit', '-q', '-m', 'not validated yet');
    const named = stage(root, {
      'db/migrations/003_validate.sql': `${LOCK}ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n`,
      'db/migrations/004_email_not_null.sql': STAGED['db/migrations/004_email_not_null.sql'],
    });
    const run = await runCli([...named, '--format', 'json'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(linted(run.stdout)).toEqual(named);
    expect(findings(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
    // Without the earlier file, the same migration is a finding: the context is what excuses it.
    const alone = await runCli(['m', '--format', 'json'], { cwd: tempProject({ 'm/004.sql': STAGED['db/migrations/004_email_not_null.sql'] }) });
    expect(findings(alone.stdout)).toEqual(['m/004.sql:2 adding-not-nullable-field']);
  });

  test('the result equals --staged: the same files, findings and new tables', async () => {
    const root = repository();
    const named = stage(root, STAGED);
    const byName = await runCli([...named, '--format', 'json'], { cwd: root });
    const staged = await runCli(['--staged', '--format', 'json'], { cwd: root });
    expect(byName.stdout).toBe(staged.stdout);
    expect(linted(byName.stdout)).toEqual(named);
    // events is created by a file new in this change, so indexing it is fine; users is deployed.
    expect(findings(byName.stdout)).toEqual(['db/migrations/006_events_index.sql:3 ban-drop-column']);
  });

  test('a file given by name that is committed already is not new: its tables are not new for the next one', async () => {
    const root = repository(STAGED);
    const run = await runCli(['db/migrations/005_events.sql', 'db/migrations/006_events_index.sql', '--format', 'json'], { cwd: root });
    expect(findings(run.stdout)).toEqual(['db/migrations/006_events_index.sql:2 require-concurrent-index-creation', 'db/migrations/006_events_index.sql:3 ban-drop-column']);
  });

  test('outside git, the folder still gives context', async () => {
    const cwd = tempProject({
      'sql/001_check.sql': `${LOCK}ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\n`,
      'sql/002_validate.sql': `${LOCK}ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n`,
      'sql/003_not_null.sql': STAGED['db/migrations/004_email_not_null.sql'],
      'other/001_check.sql': `${LOCK}ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\n`,
      'other/002_not_null.sql': STAGED['db/migrations/004_email_not_null.sql'],
    });
    const run = await runCli(['sql/003_not_null.sql', 'other/002_not_null.sql', '--format', 'json'], { cwd });
    expect(linted(run.stdout)).toEqual(['other/002_not_null.sql', 'sql/003_not_null.sql']);
    // other/ adds the check but never validates it.
    expect(findings(run.stdout)).toEqual(['other/002_not_null.sql:2 adding-not-nullable-field']);
  });

  test("the context of a file in a nested migration folder is the whole outermost folder (Prisma's layout)", async () => {
    const cwd = tempProject({
      'apps/api/prisma/migrations/20240101_check/migration.sql': `${LOCK}ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\n`,
      'apps/api/prisma/migrations/20240102_validate/migration.sql': `${LOCK}ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n`,
      'apps/api/prisma/migrations/20240103_not_null/migration.sql': STAGED['db/migrations/004_email_not_null.sql'],
    });
    const run = await runCli(['apps/api/prisma/migrations/20240103_not_null/migration.sql', '--format', 'json'], { cwd });
    expect(findings(run.stdout)).toEqual([]);
  });

  test("another database's migrations are not context, and the config's include is the folder", async () => {
    const check = `${LOCK}ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n`;
    const cwd = tempProject({
      'server/migrations/mysql/001_check.sql': check,
      'server/migrations/postgres/002_not_null.sql': STAGED['db/migrations/004_email_not_null.sql'],
      'base/001_check.sql': check,
      'db/002_not_null.sql': STAGED['db/migrations/004_email_not_null.sql'],
    });
    const run = await runCli(['server/migrations/postgres/002_not_null.sql', 'db/002_not_null.sql', '--format', 'json'], { cwd });
    expect(findings(run.stdout)).toEqual(['db/002_not_null.sql:2 adding-not-nullable-field', 'server/migrations/postgres/002_not_null.sql:2 adding-not-nullable-field']);
    fs.writeFileSync(path.join(cwd, 'migralint.config.json'), JSON.stringify({ include: ['base/*.sql', 'db/*.sql'] }));
    const configured = await runCli(['db/002_not_null.sql', '--format', 'json'], { cwd });
    expect(findings(configured.stdout)).toEqual([]);
  });

  test("a file in a folder not named like a migrations folder has its own folder's files as context, not its sub-folders'", async () => {
    // A script at a repository's root, or a file in /tmp: walking the whole tree below it would read every project there.
    const check = `${LOCK}ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n`;
    const cwd = tempProject({
      '001_users.sql': 'CREATE TABLE users (id bigint, email text);\n',
      'backup/002_check.sql': check,
      'schema.sql': STAGED['db/migrations/004_email_not_null.sql'],
    });
    const read = (file: string) => fs.readFileSync(file, 'utf8');
    const plan = planRun({ args: LINT_ARGS, cwd, config: {}, baseDir: cwd, paths: ['schema.sql'], note: () => {}, notice: () => {}, read });
    expect(plan.files.map(({ file, reported }) => `${path.relative(cwd, file)}${reported ? ' (reported)' : ''}`)).toEqual(['001_users.sql', 'schema.sql (reported)']);
    const run = await runCli(['schema.sql', '--format', 'json'], { cwd });
    expect(findings(run.stdout)).toEqual(['schema.sql:2 adding-not-nullable-field']);
  });

  test('only earlier migrations are context: the plan ends at the last file given by name', () => {
    const notNull = 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n';
    const cwd = tempProject({ 'm/001.sql': '', 'm/002.sql': notNull, 'm/003.sql': '', 'm/004.sql': '', 'n/001.sql': '' });
    const read = (file: string) => fs.readFileSync(file, 'utf8');
    const plan = planRun({ args: LINT_ARGS, cwd, config: {}, baseDir: cwd, paths: ['m/003.sql', 'm/002.sql'], note: () => {}, notice: () => {}, read });
    expect(plan.files.map(({ file, reported }) => `${path.relative(cwd, file)}${reported ? ' (reported)' : ''}`)).toEqual([
      'm/001.sql',
      'm/002.sql (reported)',
      'm/003.sql (reported)',
    ]);
    // Every earlier migration of the folder is context (the schema they build), in one set with the file.
    expect(planRun({ args: LINT_ARGS, cwd, config: {}, baseDir: cwd, paths: ['m/003.sql'], note: () => {}, notice: () => {}, read }).files).toEqual([
      { file: path.join(cwd, 'm/001.sql'), reported: false, group: path.join(cwd, 'm') },
      { file: path.join(cwd, 'm/002.sql'), reported: false, group: path.join(cwd, 'm') },
      { file: path.join(cwd, 'm/003.sql'), reported: true, group: path.join(cwd, 'm') },
    ]);
  });
});

describe('paths that hold nothing to lint', () => {
  test('a file the config excludes, given by name, is skipped with a note under --verbose; the others are linted; exit 0', async () => {
    const cwd = tempProject({
      'migralint.config.json': JSON.stringify({ exclude: ['db/migrations/archive/**'] }),
      'db/migrations/archive/001_old.sql': 'DROP TABLE users;\n',
      'db/migrations/002_new.sql': `${LOCK}ALTER TABLE users ADD COLUMN nickname text;\n`,
    });
    const quiet = await runCli(['db/migrations/archive/001_old.sql', 'db/migrations/002_new.sql', '--format', 'compact'], { cwd });
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    const verbose = await runCli(['db/migrations/archive/001_old.sql', '--verbose'], { cwd });
    expect(verbose).toEqual({
      code: 0,
      stdout: 'No problems found in 0 files.\n',
      stderr: 'migralint: note: skipped db/migrations/archive/001_old.sql: excluded by the config\'s "exclude"\n',
    });
  });

  test('files found but not linted are counted in one note without --verbose (but for those expected beside migrations), and named with it', async () => {
    const cwd = tempProject({
      'migrations/postgres/0001_users.sql': `${LOCK}ALTER TABLE users ADD COLUMN nickname text;\n`,
      'migrations/mysql/0001_users.sql': 'ALTER TABLE `users` ADD COLUMN `nickname` text;\n',
      'migrations/postgres/helpers.ts': 'export const TABLE = "users";\n',
      // Expected beside migrations, and not counted: an index that lists them, a test.
      'migrations/postgres/index.ts': 'export * from "./helpers";\n',
      'migrations/postgres/helpers.test.ts': 'import { TABLE } from "./helpers";\ntest("table", () => expect(TABLE).toBe("users"));\n',
    });
    expect(await runCli(['migrations', '--format', 'compact'], { cwd })).toEqual({
      code: 0,
      stdout: '',
      stderr: 'migralint: note: 2 files skipped (not migrations migralint reads, for another database, or never applied by their runner); --verbose says which and why\n',
    });
    const verbose = await runCli(['migrations', '--format', 'compact', '--verbose'], { cwd });
    expect(verbose.stderr.split('\n').filter((line) => line.startsWith('migralint: note: skipped '))).toEqual([
      'migralint: note: skipped migrations/mysql/0001_users.sql: SQL for mysql (by its folder mysql/), not PostgreSQL',
      'migralint: note: skipped migrations/postgres/helpers.test.ts: not a SQL, Knex or TypeORM migration',
      'migralint: note: skipped migrations/postgres/helpers.ts: not a SQL, Knex or TypeORM migration',
      'migralint: note: skipped migrations/postgres/index.ts: not a SQL, Knex or TypeORM migration',
    ]);
    expect(verbose.stderr).not.toContain('files skipped');
  });

  test('a folder with no migration files is a note when other paths were given, and an error alone', async () => {
    const cwd = tempProject({ 'docs/README.md': '# docs\n', 'm/001.sql': 'DROP TABLE users;\n' });
    const withOthers = await runCli(['docs', 'm', '--format', 'compact', '--verbose'], { cwd });
    expect(withOthers.code).toBe(1);
    expect(withOthers.stdout).toMatch(/^m\/001\.sql:1:1: error ban-drop-table /);
    expect(withOthers.stderr).toBe('migralint: note: skipped docs: no migration files (.sql, .js, .ts, Django .py) in it\n');
    expect(await runCli(['docs'], { cwd })).toEqual({ code: 2, stdout: '', stderr: 'migralint: No migration files (.sql, .js, .ts, Django .py) found in docs\n' });
  });
});

describe('no path, and none of the usual folders (a monorepo)', () => {
  test('lints the migrations folders a search finds, and says which', async () => {
    const cwd = tempProject({
      'packages/api/db/migrations/001.sql': 'DROP TABLE users;\n',
      'packages/billing/src/migrations/1700-init.ts': "import { Knex } from 'knex';\nexport async function up(knex: Knex) { await knex.schema.dropTable('invoices'); }\n",
      'packages/billing/src/migrations/mysql/001.sql': 'DROP TABLE legacy;\n',
      'packages/web/node_modules/lib/migrations/001.sql': 'DROP TABLE x;\n',
      'packages/docs/migrations/README.md': '# none here\n',
    });
    const run = await runCli(['--format', 'json'], { cwd });
    expect(linted(run.stdout)).toEqual(['packages/api/db/migrations/001.sql', 'packages/billing/src/migrations/1700-init.ts']);
    expect(run.stderr).toBe(
      'migralint: note: no "include" in a config and none of the usual folders here; linting the migrations folders found: packages/api/db/migrations, packages/billing/src/migrations (migralint init writes a config that names them)\n',
    );
    expect(run.code).toBe(1);
  });

  test("test fixtures are not searched: a vendored migration library's stubs and Go's testdata (ory/hydra's oryx)", async () => {
    const cwd = tempProject({
      'persistence/sql/migrations/20240101000000000000_sessions.up.sql': 'ALTER TABLE sessions DROP COLUMN legacy_token;\n',
      'oryx/popx/stub/migrations/transactional/20190100000001000000_identities.up.sql': 'DROP TABLE identities;\n',
      'oryx/popx/testdata/migrations/0_create_widgets.up.sql': 'DROP TABLE widgets;\n',
      'web/__fixtures__/migrations/001.sql': 'DROP TABLE carts;\n',
    });
    const run = await runCli(['--format', 'json'], { cwd });
    expect(linted(run.stdout)).toEqual(['persistence/sql/migrations/20240101000000000000_sessions.up.sql']);
    expect(run.stderr).toBe(
      'migralint: note: no "include" in a config and none of the usual folders here; linting the migrations folders found: persistence/sql/migrations (migralint init writes a config that names them)\n',
    );
  });

  test('when nothing is found, the message says to run migralint init', async () => {
    const run = await runCli([], { cwd: tempProject({ 'src/index.ts': 'export {};\n' }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^migralint: No paths given and no migrations folder found \(looked for migrations\/, db\/migrations\/, src\/migrations\/, prisma\/migrations\/ and for folders named like migrations below this one\); pass a path, or run `migralint init` to write a config that names them\n$/);
  });
});
