import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GIT_TEST_ENV } from '../git-env';
import { runCli } from './run-cli';

const GIT_ENV = GIT_TEST_ENV;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}

const LOCK = "SET lock_timeout = '2s';\n";

/**
 * main: four deployed migrations. feature (checked out): a committed new
 * migration, a staged one, an untracked one, an edit to an old one, and a rename.
 */
function repository(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-git-'));
  git(root, 'init', '-q', '-b', 'main');
  write(root, {
    'db/migrations/001_users.sql': 'CREATE TABLE users (id bigint, email text, legacy text, nickname text);\n',
    'db/migrations/002_email_check.sql': `${LOCK}ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\n`,
    'db/migrations/003_validate.sql': `${LOCK}ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n`,
    'db/migrations/004_legacy.sql': `${LOCK}ALTER TABLE users DROP COLUMN legacy;\n`,
  });
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'deployed migrations');
  git(root, 'checkout', '-q', '-b', 'feature');
  write(root, { 'db/migrations/005_events.sql': 'CREATE TABLE events (id bigint, user_id bigint);\n' });
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'events');
  git(root, 'mv', 'db/migrations/004_legacy.sql', 'db/migrations/004_legacy_columns.sql');
  git(root, 'commit', '-q', '-m', 'rename');
  write(root, {
    // New in this change, after 005: events is new, users is not; the NOT NULL is covered by 002/003.
    'db/migrations/006_indexes.sql': `${LOCK}CREATE INDEX events_user_idx ON events (user_id);\nCREATE INDEX users_email_idx ON users (email);\n`,
    'db/migrations/007_not_null.sql': `${LOCK}ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n`,
  });
  git(root, 'add', 'db/migrations/006_indexes.sql');
  // An edit to a deployed migration: linted, but the tables it created are not new.
  fs.appendFileSync(path.join(root, 'db/migrations/002_email_check.sql'), 'ALTER TABLE users DROP COLUMN nickname;\n');
  return root;
}

const linted = (stdout: string) => (JSON.parse(stdout) as { files: Array<{ file: string }> }).files.map((file) => file.file);
const findings = (stdout: string) =>
  (JSON.parse(stdout) as { findings: Array<{ file: string; line: number; rule: string }> }).findings.map(
    (finding) => `${finding.file}:${finding.line} ${finding.rule}`,
  );

describe('--since', () => {
  const root = repository();

  test('lints exactly the migrations added or changed since the merge base: committed, staged, unstaged, untracked; not renames', async () => {
    const run = await runCli(['db/migrations', '--since', 'main', '--format', 'json'], { cwd: root });
    expect(linted(run.stdout)).toEqual([
      'db/migrations/002_email_check.sql',
      'db/migrations/005_events.sql',
      'db/migrations/006_indexes.sql',
      'db/migrations/007_not_null.sql',
    ]);
  });

  test('older migrations are context: a table from a new migration is new, a deployed one is not, and a validated check counts', async () => {
    const run = await runCli(['db/migrations', '--since', 'main', '--format', 'json'], { cwd: root });
    expect(findings(run.stdout)).toEqual([
      'db/migrations/002_email_check.sql:3 ban-drop-column',
      'db/migrations/006_indexes.sql:3 require-concurrent-index-creation',
    ]);
    expect(run.code).toBe(1);
  });

  test('without --since every migration is linted, each against what came before it', async () => {
    const run = await runCli(['db/migrations', '--format', 'json'], { cwd: root });
    expect(linted(run.stdout)).toHaveLength(7);
    expect(findings(run.stdout)).toContain('db/migrations/006_indexes.sql:2 require-concurrent-index-creation');
    expect(findings(run.stdout)).not.toContain('db/migrations/007_not_null.sql:2 adding-not-nullable-field');
  });

  test('works from a subdirectory, with paths relative to it', async () => {
    const run = await runCli(['.', '--since', 'main', '--format', 'json'], { cwd: path.join(root, 'db/migrations') });
    expect(linted(run.stdout)).toEqual(['002_email_check.sql', '005_events.sql', '006_indexes.sql', '007_not_null.sql']);
  });

  test('an unknown ref says what to fetch, also in a shallow clone', async () => {
    const shallow = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-shallow-'));
    git(shallow, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${root}`, 'clone');
    const run = await runCli(['db/migrations', '--since', 'origin/main'], { cwd: path.join(shallow, 'clone') });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'migralint: --since origin/main: no such revision here (this is a shallow clone); fetch it first, e.g. git fetch --no-tags origin main:refs/remotes/origin/main\n',
    });
  });

  test('a ref that shares no history with HEAD in a shallow clone says to fetch more', async () => {
    const shallow = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-shallow-'));
    git(shallow, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${root}`, 'clone');
    const clone = path.join(shallow, 'clone');
    git(clone, 'fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
    const run = await runCli(['db/migrations', '--since', 'origin/main'], { cwd: clone });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^migralint: --since origin\/main: origin\/main and HEAD share no history here, as in a shallow clone; fetch more of it/);
  });

  test("--since '' is a usage error, not a run against nothing", async () => {
    const run = await runCli(['db/migrations', '--since', ''], { cwd: root });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'migralint: --since needs a git ref, such as --since origin/main\n' });
  });

  test("a failure of git itself is git's own message, on one line", async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-broken-'));
    git(broken, 'init', '-q', '-b', 'main');
    write(broken, { 'm/001.sql': 'SELECT 1;\n' });
    git(broken, 'add', '.');
    git(broken, 'commit', '-q', '-m', 'one');
    git(broken, 'checkout', '-q', '-b', 'feature');
    write(broken, { 'm/002.sql': 'SELECT 2;\n' });
    git(broken, 'add', '.');
    git(broken, 'commit', '-q', '-m', 'two');
    // The tree of main's commit is lost (new objects are loose files): git finds the commit, not what it holds.
    const tree = git(broken, 'rev-parse', 'main^{tree}').trim();
    fs.rmSync(path.join(broken, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
    const run = await runCli(['m', '--since', 'main'], { cwd: broken });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^migralint: --since main: git diff failed: (error|fatal): [^\n]*\b[0-9a-f]{40}\b[^\n]*\n$/);
  });

  test('outside a git repository it says so', async () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-plain-'));
    write(plain, { 'm/1.sql': 'SELECT 1;' });
    const run = await runCli(['m', '--since', 'main'], { cwd: plain });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `migralint: --since needs a git repository, and ${plain} is not inside one\n` });
  });
});

describe('--staged', () => {
  test('lints the staged content of staged migrations only, not the working tree', async () => {
    const root = repository();
    // Staged: a bad version. Working tree: fixed, but not staged yet.
    write(root, { 'db/migrations/008_drop.sql': `${LOCK}ALTER TABLE users DROP COLUMN email;\n` });
    git(root, 'add', 'db/migrations/008_drop.sql');
    write(root, { 'db/migrations/008_drop.sql': `${LOCK}ALTER TABLE users ADD COLUMN nickname text;\n` });
    const run = await runCli(['db/migrations', '--staged', '--format', 'json'], { cwd: root });
    expect(linted(run.stdout)).toEqual(['db/migrations/006_indexes.sql', 'db/migrations/008_drop.sql']);
    expect(findings(run.stdout)).toEqual([
      'db/migrations/006_indexes.sql:2 require-concurrent-index-creation',
      'db/migrations/006_indexes.sql:3 require-concurrent-index-creation',
      'db/migrations/008_drop.sql:2 ban-drop-column',
    ]);
  });

  test('a staged one-line migration (no final newline) still gets the context of earlier migrations', async () => {
    const root = repository();
    write(root, { 'db/migrations/008_not_null.sql': 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;' });
    git(root, 'add', 'db/migrations/008_not_null.sql');
    const run = await runCli(['db/migrations', '--staged', '--format', 'json', '--rule', 'require-lock-timeout=off'], { cwd: root });
    expect(findings(run.stdout).filter((finding) => finding.startsWith('db/migrations/008'))).toEqual([]);
  });

  test('with nothing staged there is nothing to lint, and that is not an error', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-git-'));
    git(root, 'init', '-q', '-b', 'main');
    write(root, { 'migrations/001.sql': 'DROP TABLE users;\n' });
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'one');
    const run = await runCli(['migrations', '--staged'], { cwd: root });
    expect(run).toEqual({ code: 0, stdout: 'No problems found in 0 files.\n', stderr: '' });
  });

  test('--since and --staged together are refused', async () => {
    const run = await runCli(['m', '--staged', '--since', 'main'], { cwd: os.tmpdir() });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'migralint: --since and --staged cannot be used together\n' });
  });
});

describe('what counts as changed', () => {
  /** main: 001–003 deployed. The change renames 002 (unchanged) and renames 003 with an edit. */
  function renames(stage: boolean): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-git-'));
    git(root, 'init', '-q', '-b', 'main');
    const body = (n: number) => `${LOCK}${Array.from({ length: 20 }, (_, index) => `ALTER TABLE t${n} ADD COLUMN c${index} text;`).join('\n')}\n`;
    write(root, { 'm/001.sql': body(1), 'm/002.sql': body(2), 'm/003.sql': body(3) });
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'deployed');
    git(root, 'checkout', '-q', '-b', 'feature');
    git(root, 'mv', 'm/002.sql', 'm/004.sql');
    git(root, 'mv', 'm/003.sql', 'm/005.sql');
    fs.appendFileSync(path.join(root, 'm/005.sql'), 'DROP TABLE users;\n');
    git(root, 'add', 'm/005.sql');
    if (!stage) git(root, 'commit', '-q', '-m', 'renames');
    return root;
  }

  test.each([
    ['--since', false],
    ['--staged', true],
  ])('%s: a renamed migration with edits (R<100) is linted; a pure rename (R100) is not', async (flag, stage) => {
    const root = renames(stage);
    const run = await runCli(['m', '--format', 'json', ...(flag === '--since' ? ['--since', 'main'] : ['--staged'])], { cwd: root });
    expect(linted(run.stdout)).toEqual(['m/005.sql']);
    expect(findings(run.stdout)).toEqual(['m/005.sql:22 ban-drop-table']);
  });

  test('--staged: a migration staged and then deleted from disk is linted from the index', async () => {
    const root = repository();
    write(root, { 'db/migrations/008_drop.sql': `${LOCK}DROP TABLE users;\n` });
    git(root, 'add', 'db/migrations/008_drop.sql');
    fs.rmSync(path.join(root, 'db/migrations/008_drop.sql'));
    const run = await runCli(['db/migrations', '--staged', '--format', 'json'], { cwd: root });
    expect(linted(run.stdout)).toEqual(['db/migrations/006_indexes.sql', 'db/migrations/008_drop.sql']);
    expect(findings(run.stdout)).toContain('db/migrations/008_drop.sql:2 ban-drop-table');
    // Also when it is named.
    const named = await runCli(['db/migrations/008_drop.sql', '--staged', '--format', 'json'], { cwd: root });
    expect(findings(named.stdout)).toEqual(['db/migrations/008_drop.sql:2 ban-drop-table']);
  });

  test('--staged: staged content is decoded as a file on disk is (UTF-16 with a BOM; invalid UTF-8 is a syntax error)', async () => {
    const root = repository();
    fs.writeFileSync(path.join(root, 'db/migrations/008_utf16.sql'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${LOCK}DROP TABLE users;\n`, 'utf16le')]));
    fs.writeFileSync(path.join(root, 'db/migrations/009_latin1.sql'), Buffer.concat([Buffer.from(`${LOCK}COMMENT ON TABLE users IS 'caf`), Buffer.from([0xe9]), Buffer.from("';\n")]));
    git(root, 'add', 'db/migrations/008_utf16.sql', 'db/migrations/009_latin1.sql');
    const run = await runCli(['db/migrations', '--staged', '--format', 'json'], { cwd: root });
    const onDisk = await runCli(['db/migrations/008_utf16.sql', 'db/migrations/009_latin1.sql', '--format', 'json'], { cwd: root });
    expect(findings(run.stdout).filter((finding) => !finding.startsWith('db/migrations/006'))).toEqual(findings(onDisk.stdout));
    expect(findings(onDisk.stdout)).toEqual(['db/migrations/008_utf16.sql:2 ban-drop-table', 'db/migrations/009_latin1.sql:2 syntax-error']);
  });
});

describe('git failures are one line', () => {
  test('git missing from PATH says so, not that this is no repository', () => {
    const root = repository();
    // The executable, with a PATH that has no git (in-process runs would find the test's own git).
    const bin = path.join(__dirname, '..', '..', 'bin', 'migralint');
    const emptyPath = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-empty-path-'));
    for (const flag of [['--staged'], ['--since', 'main']]) {
      const run = spawnSync(process.execPath, [bin, 'db/migrations', ...flag], { cwd: root, encoding: 'utf8', env: { PATH: emptyPath } });
      expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 2, stdout: '', stderr: `migralint: ${flag.join(' ')}: git is not installed (or not on PATH)\n` });
    }
  });

  test('a --since value with a line break is refused in one line', async () => {
    const root = repository();
    const run = await runCli(['db/migrations', '--since', 'main\nHEAD'], { cwd: root });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'migralint: --since "main\\nHEAD": not a git revision (it holds a control character)\n' });
  });
});
