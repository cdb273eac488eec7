import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** These run the real executable, as users and CI do: bin/migralint and the committed lib/. */
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'migralint');

function migralint(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input,
    env: { PATH: process.env.PATH ?? '', ...options.env },
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
  expect(run.stdout).toMatch(/✖ 10 problems \(8 errors, 2 warnings\) in 10 files \(10 rollback skipped\)\n2 findings can be fixed with --fix\.\n$/);
  expect(run.stderr).toBe('');
});

test.each([['json'], ['stylish'], ['sarif']])('a run answered from the cache (a process that never parses) reports, as %s, byte for byte what the first run did', (format) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-bin-cache-'));
  try {
    const env = { XDG_CACHE_HOME: path.join(folder, 'user-cache') };
    const args = ['fixtures', '--format', format, '--cache-location', path.join(folder, 'cache.json')];
    const first = migralint(args, { env });
    expect(first.code).toBe(1);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('lock_timeout');
    expect(migralint(args, { env })).toEqual(first);
    // Only the context of a named file from the cache, the file itself linted.
    const named = ['fixtures/sql/000005_index_orders_by_user.up.sql', '--format', format, '--cache-location', path.join(folder, 'cache.json')];
    expect(migralint(named, { env })).toEqual(migralint(named.slice(0, 3)));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
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
  const FIXTURE = 'fixtures/sql/000004_users_require_phone.up.sql';

  /** A copy of lib/ inside the repository (so that packages and package.json resolve as they do for lib/), with no code cache. */
  function libCopy(): string {
    const copy = fs.mkdtempSync(path.join(ROOT, 'dist', 'start-test-'));
    for (const file of fs.readdirSync(path.join(ROOT, 'lib')).filter((name) => name.endsWith('.js'))) fs.copyFileSync(path.join(ROOT, 'lib', file), path.join(copy, file));
    return copy;
  }

  /** Runs the copy the way bin/migralint does, in a fresh process. */
  function startIn(dir: string, argv: string[]) {
    return spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(dir, 'start.js'))}).start(${JSON.stringify(argv)})`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
  }

  /** Loads the copy and says whether V8 took its code cache. */
  function loadIn(dir: string) {
    const script = `const cli = require(${JSON.stringify(path.join(dir, 'start.js'))}).loadCli();
cli.run(${JSON.stringify([FIXTURE, '--format', 'compact'])}).then(({ exitCode }) => console.error(JSON.stringify({ exitCode, codeCache: cli.usedCodeCache })));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    return { stdout: run.stdout, loaded: JSON.parse(run.stderr.trim().split('\n').pop() ?? '{}') as { exitCode: number; codeCache: boolean } };
  }

  const withCopy = (check: (copy: string) => void) => {
    const copy = libCopy();
    try {
      check(copy);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  };

  test('an installed copy writes its code cache on its first lint run, and V8 accepts it on the next', () =>
    withCopy((copy) => {
      expect(loadIn(copy).loaded).toEqual({ exitCode: 1, codeCache: false });
      const first = startIn(copy, [FIXTURE, '--format', 'compact']);
      expect(first.status).toBe(1);
      expect(fs.readdirSync(copy).filter((name) => !name.endsWith('.js'))).toEqual(['migralint.cache']);
      const second = loadIn(copy);
      expect(second.loaded).toEqual({ exitCode: 1, codeCache: true });
      expect(second.stdout).toBe(first.stdout);
    }));

  test('a run that lints nothing (--version, a usage error) writes no code cache', () =>
    withCopy((copy) => {
      expect(startIn(copy, ['--version']).status).toBe(0);
      expect(startIn(copy, ['no/such/file.sql']).status).toBe(2);
      expect(fs.readdirSync(copy).filter((name) => !name.endsWith('.js'))).toEqual([]);
    }));

  test('a code cache V8 rejects (another Node.js version, a damaged file) only costs time, and is made again', () =>
    withCopy((copy) => {
      fs.writeFileSync(path.join(copy, 'migralint.cache'), Buffer.from('not a V8 code cache'));
      const rejected = loadIn(copy);
      expect(rejected.loaded).toEqual({ exitCode: 1, codeCache: false });
      startIn(copy, [FIXTURE]);
      expect(loadIn(copy)).toEqual({ ...rejected, loaded: { exitCode: 1, codeCache: true } });
    }));

  test('a code cache older than the bundle (a checkout of another commit) is not used', () =>
    withCopy((copy) => {
      startIn(copy, [FIXTURE]);
      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(path.join(copy, 'migralint.js'), later, later);
      expect(loadIn(copy).loaded).toEqual({ exitCode: 1, codeCache: false });
    }));
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

describe('migralint trace', () => {
  // The saved PGlite data directory the trace tests share (see test/trace/trace-helpers.ts).
  const env = { PATH: process.env.PATH ?? '', MIGRALINT_CACHE_DIR: path.join(require('node:os').tmpdir(), 'migralint-test-cache') };
  const trace = (args: string[]) => {
    const run = spawnSync(process.execPath, [BIN, 'trace', ...args], { cwd: ROOT, encoding: 'utf8', env });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  test('the fixtures run in the embedded PostgreSQL: each statement with its locks, then the findings', () => {
    const run = trace(['fixtures/sql']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'fixtures/sql/000005_index_orders_by_user.up.sql  (no transaction)\n     1  SET lock_timeout = \'2s\'',
    );
    expect(run.stdout).toMatch(/\n {5}3 {2}CREATE INDEX orders_user_id_idx ON orders \(user_id\) {2}[\d.]+ ms\n {8}lock: ShareLock on orders: blocks writes\n {8}created: index orders_user_id_idx\n/);
    expect(run.stdout).toContain('fixtures/sql/000005_index_orders_by_user.up.sql:3:1  error  This statement takes ShareLock on "orders" (blocks writes). Creating index');
    expect(run.stdout).toMatch(/\nTraced 10 migrations \(33 statements\) on PostgreSQL 18\.7 \(PGlite 0\.5\.17\) in [\d.]+ s: \d+ errors, \d+ warnings\.\n$/);
  }, 60_000);

  test('--format json is the versioned trace document', () => {
    const run = trace(['fixtures/sql/000004_users_require_phone.up.sql', '--format', 'json']);
    const document = JSON.parse(run.stdout);
    expect(document).toMatchObject({ version: 1, tool: { name: 'migralint' }, engine: 'PostgreSQL 18.7 (PGlite 0.5.17)' });
    const [migration] = document.migrations;
    expect(migration).toMatchObject({ file: 'fixtures/sql/000004_users_require_phone.up.sql', frontend: 'sql', transaction: false });
    // On an empty database the table does not exist yet: the failure is reported at its line.
    expect(migration.statements[0]).toEqual({
      line: 2, sql: 'ALTER TABLE users ADD COLUMN phone text NOT NULL', transaction: true, locks: [], rewrites: [], created: [], altered: [], dropped: [],
      error: '42P01: relation "users" does not exist', durationMs: expect.any(Number),
    });
    expect(document.findings).toEqual([expect.objectContaining({ rule: 'statement-error', line: 2, severity: 'error' })]);
    expect(document.summary).toMatchObject({ migrations: 1, statements: 1, errors: 1, warnings: 0 });
  }, 60_000);

  test('bad trace options are one line and exit code 2', () => {
    expect(trace(['fixtures/sql', '--format', 'sarif'])).toEqual({ code: 2, stdout: '', stderr: 'migralint: trace --format "sarif": choose stylish or json\n' });
    expect(trace(['fixtures/sql', '--commit'])).toEqual({ code: 2, stdout: '', stderr: 'migralint: --commit and --allow-non-empty apply to --database-url\n' });
    expect(trace(['fixtures/sql', '--database-url', 'mysql://x'])).toEqual({ code: 2, stdout: '', stderr: 'migralint: --database-url "mysql://x": expected postgres://user@host:port/database\n' });
  });
});

test('SQL and JavaScript beyond the parsers (10 MB, 10,000 levels deep): stdout stays one JSON document, and worker threads report exactly what the main thread does', () => {
  const { deepKnexConstant, deepSql, hugeSelectList } = require('../../bench/pathological') as typeof import('../../bench/pathological');
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'migralint-parser-limits-'));
  fs.writeFileSync(path.join(dir, '001_huge.sql'), hugeSelectList(5_000_000));
  fs.writeFileSync(path.join(dir, '002_deep.sql'), deepSql(5_000_000));
  fs.writeFileSync(path.join(dir, '003_deeper.sql'), deepSql(10_000));
  fs.writeFileSync(path.join(dir, '004_knex.js'), deepKnexConstant(600));
  fs.writeFileSync(path.join(dir, '005_knex.js'), deepKnexConstant(100_000));
  const threads = migralint([dir, '--format', 'json', '--concurrency', '2']);
  const single = migralint([dir, '--format', 'json', '--concurrency', 'off']);
  expect(single.stderr).toBe('');
  expect(threads.stderr).toBe('');
  expect(threads.stdout).toBe(single.stdout);
  const report = JSON.parse(single.stdout) as { findings: Array<{ file: string; rule: string; line: number }> };
  expect(report.findings.map((finding) => `${path.basename(finding.file)} ${finding.rule}@${finding.line}`)).toEqual([
    '001_huge.sql unanalyzed-code@1',
    '001_huge.sql ban-drop-column@2',
    '001_huge.sql require-lock-timeout@2',
    '002_deep.sql unanalyzed-code@1',
    '002_deep.sql ban-drop-column@2',
    '002_deep.sql require-lock-timeout@2',
    '003_deeper.sql unanalyzed-code@1',
    '003_deeper.sql ban-drop-column@2',
    '003_deeper.sql require-lock-timeout@2',
    '004_knex.js unanalyzed-code@1',
    '004_knex.js ban-drop-table@3',
    '004_knex.js require-lock-timeout@3',
    '005_knex.js unanalyzed-code@1',
    '005_knex.js ban-drop-table@3',
    '005_knex.js require-lock-timeout@3',
  ]);
  expect(single.code).toBe(1);
}, 120_000);

test('--cache lints a migration again when the file that decided its runner changes: the knexfile, a sqlx crate\'s Cargo.toml', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-runner-files-'));
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  };
  write('knex/package.json', '{}\n');
  write('knex/knexfile.js', "module.exports = { client: 'pg', migrations: { disableTransactions: false } };\n");
  write('knex/migrations/20240101000000_index.js', "exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY orders_placed_idx ON orders (placed_at)');\n");
  write('sqlx/Cargo.toml', '[package]\nname = "server"\n\n[dependencies]\nserde = "1"\n');
  write('sqlx/migrations/20240101000000_index.sql', 'CREATE INDEX CONCURRENTLY orders_placed_idx ON orders (placed_at);\n');
  const cache = path.join(root, 'cache.json');
  const rulesOf = (folder: string) => {
    const run = migralint([folder, '--format', 'json', '--cache', '--cache-location', cache], { cwd: root });
    return (JSON.parse(run.stdout) as { findings: Array<{ rule: string }> }).findings.map((finding) => finding.rule).filter((rule) => rule !== 'require-lock-timeout');
  };
  // In Knex's transaction, CONCURRENTLY fails; with the knexfile's disableTransactions it does not.
  expect(rulesOf('knex/migrations')).toEqual(['ban-concurrent-index-creation-in-transaction']);
  write('knex/knexfile.js', "module.exports = { client: 'pg', migrations: { disableTransactions: true } };\n");
  expect(rulesOf('knex/migrations')).toEqual([]);
  // Not a sqlx crate: the file runs without a transaction; once the crate depends on sqlx, in sqlx's.
  expect(rulesOf('sqlx/migrations')).toEqual([]);
  write('sqlx/Cargo.toml', '[package]\nname = "server"\n\n[dependencies]\nsqlx = { version = "0.8", features = ["postgres"] }\n');
  expect(rulesOf('sqlx/migrations')).toEqual(['ban-concurrent-index-creation-in-transaction']);
});
