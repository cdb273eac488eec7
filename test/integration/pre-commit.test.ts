import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { GIT_TEST_ENV } from '../git-env';

/**
 * The pre-commit hook, for real, as a user installs it: a throw-away repository
 * whose .pre-commit-config.yaml points at a clone of this repository (its
 * working tree, committed), `pre-commit install`, then a commit of a dangerous
 * migration (rejected, with the finding) and of a safe one (accepted).
 *
 * With the current pre-commit (MIGRALINT_TEST_PRE_COMMIT, from `source
 * .ci/services`), which installs the hook with `npm install -g git+file://…`,
 * and with Debian's older one (`pre-commit` on PATH, installed by .ci/run),
 * which packs the clone after `npm install`. Each prints how long the install
 * and the commits took.
 */
const ROOT = path.join(__dirname, '..', '..');
const HOOK = (parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>)[0];
const requireServices = process.env.MIGRALINT_REQUIRE_SERVICES === '1';

function versionOf(executable: string | undefined): string | undefined {
  if (!executable) return undefined;
  const run = spawnSync(executable, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

const current = process.env.MIGRALINT_TEST_PRE_COMMIT;
const debian = fs.existsSync('/usr/bin/pre-commit') ? '/usr/bin/pre-commit' : undefined;
const drivers = [
  { name: 'the current pre-commit', executable: current, version: versionOf(current), missing: 'MIGRALINT_TEST_PRE_COMMIT is not set (source .ci/services)' },
  { name: "Debian's pre-commit", executable: debian, version: versionOf(debian), missing: '/usr/bin/pre-commit is not installed (.ci/run installs it)' },
];

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = GIT_TEST_ENV) {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8' });
}

function git(cwd: string, ...args: string[]): string {
  const result = run('git', args, cwd);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A clone of this repository with its working tree committed: the hook as it would be at the next commit. */
function cloneOfWorkingTree(): { repo: string; rev: string } {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-hook-source-'));
  git(os.tmpdir(), 'clone', '-q', ROOT, repo);
  const list = (...args: string[]) => git(ROOT, ...args).split('\0').filter(Boolean);
  // Changed since HEAD (staged or not) and new files; then deleted ones.
  for (const file of [...list('diff', '--name-only', '-z', 'HEAD'), ...list('ls-files', '-z', '--others', '--exclude-standard')]) {
    if (!fs.existsSync(path.join(ROOT, file))) continue;
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(repo, file));
  }
  for (const file of list('diff', '--name-only', '-z', '--diff-filter=D', 'HEAD')) fs.rmSync(path.join(repo, file), { force: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '--allow-empty', '-m', 'working tree');
  return { repo, rev: git(repo, 'rev-parse', 'HEAD').trim() };
}

const source = drivers.some((driver) => driver.version) ? cloneOfWorkingTree() : undefined;

const seconds = (started: bigint) => (Number(process.hrtime.bigint() - started) / 1e9).toFixed(2);

describe.each(drivers)('$name', ({ name, executable, version, missing }) => {
  if (!version || !executable || !source) {
    test(`is not available: ${missing}`, () => {
      console.warn(`${name} is not available (${missing}): the hook test did not run with it`);
      if (requireServices && executable === current) throw new Error(`${missing}, and MIGRALINT_REQUIRE_SERVICES=1`);
    });
    return;
  }

  test(`(${version}) installs the hook from a clone, rejects a commit that drops a column and accepts a safe one`, () => {
    const env = { ...GIT_TEST_ENV, PRE_COMMIT_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-pre-commit-home-')) };
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-pre-commit-'));
    git(repo, 'init', '-q', '-b', 'main');
    fs.mkdirSync(path.join(repo, 'db', 'migrations'), { recursive: true });
    fs.writeFileSync(
      path.join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${source.repo}\n    rev: ${source.rev}\n    hooks:\n      - id: ${HOOK.id}\n        files: ^db/migrations/\n`,
    );
    fs.writeFileSync(path.join(repo, 'db/migrations/001_users.sql'), 'CREATE TABLE users (id bigint PRIMARY KEY, age int, email text);\n');
    fs.writeFileSync(
      path.join(repo, 'db/migrations/002_email_check.sql'),
      "SET lock_timeout = '2s';\nALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\n",
    );
    fs.writeFileSync(path.join(repo, 'db/migrations/003_validate.sql'), "SET lock_timeout = '2s';\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n");
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'users, and the hook configuration');

    let started = process.hrtime.bigint();
    const install = run(executable, ['install', '--install-hooks'], repo, env);
    expect(install.stderr).toBe('');
    expect(install.status).toBe(0);
    const installTime = seconds(started);

    fs.writeFileSync(path.join(repo, 'db/migrations/004_drop_age.sql'), "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\n");
    git(repo, 'add', '.');
    started = process.hrtime.bigint();
    const rejected = run('git', ['commit', '-m', 'drop age'], repo, env);
    const rejectTime = seconds(started);
    expect(rejected.status).not.toBe(0);
    expect(`${rejected.stdout}${rejected.stderr}`).toContain('2:1  error  Dropping column "users"."age" breaks application code');
    expect(git(repo, 'log', '--oneline').trim().split('\n')).toHaveLength(1);

    fs.writeFileSync(path.join(repo, 'db/migrations/004_drop_age.sql'), "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN nickname text;\n");
    git(repo, 'add', '.');
    started = process.hrtime.bigint();
    const accepted = run('git', ['commit', '-m', 'add nickname'], repo, env);
    const acceptTime = seconds(started);
    expect(`${accepted.stdout}${accepted.stderr}`).toMatch(/migralint\.+Passed/);
    expect(accepted.status).toBe(0);
    expect(git(repo, 'log', '--oneline').trim().split('\n')).toHaveLength(2);

    // The hook passes the file by name; the earlier migrations are its context: the validated check excuses SET NOT NULL.
    fs.writeFileSync(path.join(repo, 'db/migrations/005_email_not_null.sql'), "SET lock_timeout = '2s';\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n");
    git(repo, 'add', '.');
    const inContext = run('git', ['commit', '-m', 'email not null'], repo, env);
    expect(`${inContext.stdout}${inContext.stderr}`).toMatch(/migralint\.+Passed/);
    expect(inContext.status).toBe(0);
    process.stdout.write(`${version}: hook install ${installTime} s; commit rejected in ${rejectTime} s, accepted in ${acceptTime} s\n`);
  }, 600_000);
});
