import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { GIT_TEST_ENV } from '../git-env';

/**
 * The pre-commit hook, for real: a throw-away repository whose
 * .pre-commit-config.yaml points at this repository, a bad migration
 * committed (rejected, with the finding) and a good one (accepted).
 * .ci/run installs the pre-commit tool (Debian's package). Where it is not
 * installed, the same hook entry runs from a plain git hook instead, and the
 * test says so.
 */
const ROOT = path.join(__dirname, '..', '..');
const HOOK = (parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>)[0];
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

const env = {
  ...GIT_TEST_ENV,
  PRE_COMMIT_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-pre-commit-home-')),
};

function git(cwd: string, ...args: string[]) {
  return spawnSync('git', args, { cwd, env, encoding: 'utf8' });
}

function throwAwayRepository(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-pre-commit-'));
  git(repo, 'init', '-q', '-b', 'main');
  fs.mkdirSync(path.join(repo, 'db', 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'README.md'), '# app\n');
  if (hasPreCommit) {
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    fs.writeFileSync(
      path.join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${ROOT}\n    rev: ${rev}\n    hooks:\n      - id: ${HOOK.id}\n        files: ^db/migrations/\n`,
    );
    execFileSync('pre-commit', ['install'], { cwd: repo, env });
  } else {
    console.warn('pre-commit is not installed (apt-get install pre-commit): running the hook entry from a plain git hook instead');
    const files = String(HOOK.files);
    const script = `#!/bin/sh\nfiles=$(git diff --cached --name-only --diff-filter=AM | grep -E '^db/migrations/' | grep -E '${files}')\n[ -z "$files" ] && exit 0\nexec "${process.execPath}" "${path.join(ROOT, 'bin', 'migralint')}" $files\n`;
    fs.writeFileSync(path.join(repo, '.git', 'hooks', 'pre-commit'), script, { mode: 0o755 });
  }
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '--no-verify', '-m', 'hook configuration');
  return repo;
}

const driver = hasPreCommit ? 'the pre-commit tool' : 'a plain git hook';

test(`${driver} rejects a commit with a dangerous migration and accepts a safe one`, () => {
  const repo = throwAwayRepository();
  fs.writeFileSync(path.join(repo, 'db/migrations/001_drop.sql'), "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\n");
  git(repo, 'add', '.');
  const rejected = git(repo, 'commit', '-m', 'drop age');
  expect(rejected.status).not.toBe(0);
  expect(`${rejected.stdout}${rejected.stderr}`).toContain('2:1  error  Dropping column "users"."age" breaks application code');
  expect(git(repo, 'log', '--oneline').stdout.trim().split('\n')).toHaveLength(1);

  fs.writeFileSync(path.join(repo, 'db/migrations/001_drop.sql'), "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN nickname text;\n");
  git(repo, 'add', '.');
  const accepted = git(repo, 'commit', '-m', 'add nickname');
  expect(`${accepted.stdout}${accepted.stderr}`).not.toContain('error');
  expect(accepted.status).toBe(0);
  expect(git(repo, 'log', '--oneline').stdout.trim().split('\n')).toHaveLength(2);
}, 300_000);
