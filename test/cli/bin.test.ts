import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** These run the real executable, as users and CI do; `npm test` builds dist/ first. */
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'migralint');

function migralint(args: string[], options: { cwd?: string; input?: string } = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input,
    env: { PATH: process.env.PATH ?? '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('--version prints the package version', () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(migralint(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
});

test('--help lists the commands and options', () => {
  const run = migralint(['--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('migralint explain <rule>');
  expect(run.stdout).toContain('--assume-in-transaction');
});

test('the quick start: linting the bundled fixtures finds errors and exits 1', () => {
  const run = migralint(['fixtures/sql']);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('fixtures/sql/000008_rename_full_name.up.sql\n  3:1  error  Renaming column "users"."full_name"');
  expect(run.stdout).toMatch(/✖ 9 problems \(8 errors, 1 warning\) in 10 files \(10 rollback skipped\)\n$/);
  expect(run.stderr).toBe('');
});

test('standard input through a pipe', () => {
  const run = migralint(['--stdin-filepath', 'piped.sql', '--format', 'compact'], { input: 'DROP TABLE users;' });
  expect(run.stdout.split('\n')[0]).toBe(
    'piped.sql:1:1: error ban-drop-table Dropping table "users" breaks application code that still queries it, and loses its data.',
  );
  expect(run.code).toBe(1);
});

test('errors are one line on stderr, with no stack trace', () => {
  const run = migralint(['does/not/exist.sql']);
  expect(run).toEqual({ code: 2, stdout: '', stderr: 'migralint: No such file or directory: does/not/exist.sql\n' });
});

test('large runs lint on worker threads with exactly the results of a single thread, context included', () => {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'migralint-workers-'));
  // 300 files on 2 threads; a CHECK validated early must excuse a SET NOT NULL late.
  fs.writeFileSync(path.join(dir, '000_check.sql'), "SET lock_timeout = '2s';\nALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n");
  for (let index = 1; index < 300; index++) {
    const body = index === 299 ? 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;' : `ALTER TABLE t${index % 7} DROP COLUMN c${index};`;
    fs.writeFileSync(path.join(dir, `${String(index).padStart(3, '0')}_m.sql`), `SET lock_timeout = '2s';\n${body}\n`);
  }
  const threads = migralint([dir, '--format', 'json', '--concurrency', '2']);
  const single = migralint([dir, '--format', 'json', '--concurrency', 'off']);
  expect(threads.stderr).toBe('');
  expect(threads.stdout).toBe(single.stdout);
  const rules = (JSON.parse(threads.stdout) as { findings: Array<{ rule: string }> }).findings.map((finding) => finding.rule);
  expect(rules.filter((rule) => rule === 'ban-drop-column')).toHaveLength(298);
  expect(rules).not.toContain('adding-not-nullable-field');
});

describe('start-up from the bundle', () => {
  const CLI_DIR = path.join(ROOT, 'dist', 'src', 'cli');

  /** Loads the CLI the way bin/migralint does, in a fresh process, and says where it came from. */
  function loadIn(dir: string, argv: string[]) {
    const script = `const cli = require(${JSON.stringify(path.join(dir, 'start.js'))}).loadCli();
cli.main(${JSON.stringify(argv)}).then((code) => console.error(JSON.stringify({ code, bundle: cli.script !== undefined, codeCache: cli.usedCodeCache })));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    return { stdout: run.stdout, loaded: JSON.parse(run.stderr.trim().split('\n').pop() ?? '{}') as { code: number; bundle: boolean; codeCache: boolean } };
  }

  test('the build makes a bundle and a code cache that V8 accepts', () => {
    const run = loadIn(CLI_DIR, ['fixtures/sql/000004_users_require_phone.up.sql', '--format', 'compact']);
    expect(run.loaded).toEqual({ code: 1, bundle: true, codeCache: true });
    expect(run.stdout).toContain('fixtures/sql/000004_users_require_phone.up.sql:');
  });

  test('a code cache V8 rejects (another Node.js version, a damaged file) only costs time', () => {
    // A copy beside the real one, so that packages and package.json resolve as they do for dist/.
    const copy = fs.mkdtempSync(path.join(ROOT, 'dist', 'start-test-'));
    try {
      for (const file of ['start.js', 'main.bundle.js']) fs.copyFileSync(path.join(CLI_DIR, file), path.join(copy, file));
      fs.writeFileSync(path.join(copy, 'main.bundle.cache'), Buffer.from('not a V8 code cache'));
      const run = loadIn(copy, ['fixtures/sql/000004_users_require_phone.up.sql', '--format', 'compact']);
      expect(run.loaded).toEqual({ code: 1, bundle: true, codeCache: false });
      expect(run.stdout).toBe(loadIn(CLI_DIR, ['fixtures/sql/000004_users_require_phone.up.sql', '--format', 'compact']).stdout);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

test('a reader that closes the pipe early stops the run quietly, with no stack trace', async () => {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'migralint-pipe-'));
  // Megabytes of findings: far more than a pipe holds.
  const migration = Array.from({ length: 20 }, (_, index) => `ALTER TABLE users DROP COLUMN c${index};\n`).join('');
  for (let index = 0; index < 400; index++) fs.writeFileSync(path.join(dir, `${String(index).padStart(3, '0')}_m.sql`), migration);
  const { spawn } = require('node:child_process') as typeof import('node:child_process');
  const child = spawn(process.execPath, [BIN, dir, '--format', 'compact'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(2);
});

test('a report that cannot be written (a full disk) is one line on stderr, with no stack trace', () => {
  const full = fs.openSync('/dev/full', 'w');
  try {
    const run = spawnSync(process.execPath, [BIN, 'fixtures/sql', '--format', 'compact'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('migralint: cannot write the report: ENOSPC: no space left on device, write\n');
  } finally {
    fs.closeSync(full);
  }
});
