import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scriptCorpus } from '../../bench/run';
import { generateSqlCorpus, writeCorpus } from '../../bench/sql-corpus';

/**
 * Worker threads change how fast a run is, never what it reports: on the
 * benchmark's corpora, the report and stderr of `--concurrency 2` (two workers
 * read and check files, each against its own replay of every earlier file; the
 * main thread reports) are byte for byte those of `--concurrency off`. These run
 * the real executable (bin/migralint and lib/).
 */
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'migralint');

function lint(dir: string, concurrency: string) {
  const run = spawnSync(process.execPath, [BIN, dir, '--format', 'json', '--concurrency', concurrency], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, env: { PATH: process.env.PATH ?? '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function corpus(name: string, files: Map<string, string>): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-concurrency-')), name);
  writeCorpus(dir, files);
  return dir;
}

test.each([
  // The corpora of npm run bench: 2,000 files × 20 statements, the first 5,000 of its 20,000 small files, 1,000 Knex and 1,000 TypeORM migrations.
  ['2,000 × 20 statements', () => corpus('files2000', generateSqlCorpus({ files: 2000, statementsPerFile: 20, seed: 2 })), 20_000],
  ['5,000 small files', () => corpus('files20000', generateSqlCorpus({ files: 5000, statementsPerFile: 2, seed: 3 })), 8_000],
  ['1,000 Knex migrations', () => corpus('knex', scriptCorpus(1000, 'knex', 5)), 3_000],
  ['1,000 TypeORM migrations', () => corpus('typeorm', scriptCorpus(1000, 'typeorm', 6)), 3_000],
])('%s: the same report and stderr on worker threads as on one thread', (_name, make, minimumFindings) => {
  const dir = make();
  const single = lint(dir, 'off');
  const threads = lint(dir, '2');
  expect(single.code).toBe(1);
  expect(single.stderr).toBe('');
  expect(threads).toEqual(single);
  expect((JSON.parse(single.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(minimumFindings);
}, 120_000);

test('a file read on a worker that is not UTF-8 is reported as the main thread reports it', () => {
  const dir = corpus('mixed', generateSqlCorpus({ files: 300, statementsPerFile: 3, seed: 7 }));
  fs.writeFileSync(path.join(dir, '00120_generated.sql'), Buffer.concat([Buffer.from("SET lock_timeout = '2s';\nCOMMENT ON TABLE users IS '"), Buffer.from([0xff, 0xfe]), Buffer.from("';\n")]));
  const single = lint(dir, 'off');
  const threads = lint(dir, '2');
  expect(threads).toEqual(single);
  const findings = (JSON.parse(single.stdout) as { findings: Array<{ file: string; rule: string; line: number; column: number }> }).findings;
  expect(findings.filter((finding) => finding.file === '00120_generated.sql').map((finding) => `${finding.rule}@${finding.line}:${finding.column}`)).toEqual(['syntax-error@2:28']);
}, 60_000);

test('a file a worker cannot read comes back as the reason, in the words the main thread uses', async () => {
  const { AnalysisPool } = require(path.join(ROOT, 'dist', 'src', 'cli', 'analysis-pool.js')) as typeof import('../../src/cli/analysis-pool');
  const pool = AnalysisPool.create(1, { pgVersion: 15, assumeInTransaction: false, severities: {} });
  if (!pool) throw new Error('no worker pool: build dist/ first (npm test does)');
  try {
    const missing = pool.analyze({ path: path.join(os.tmpdir(), 'migralint-no-such-file.sql'), displayPath: 'gone.sql' });
    const readable = pool.analyze({ path: path.join(ROOT, 'fixtures', 'sql', '000004_users_require_phone.up.sql'), displayPath: '000004_users_require_phone.up.sql' });
    pool.flush();
    expect(await missing).toEqual({ readError: 'no such file (it may have been deleted during the run)' });
    const outcome = await readable;
    expect('text' in outcome && outcome.text).toBe(fs.readFileSync(path.join(ROOT, 'fixtures', 'sql', '000004_users_require_phone.up.sql'), 'utf8'));
  } finally {
    await pool.close();
  }
});

/**
 * Two folders of migrations whose later files depend on the earlier ones' schema,
 * with files that are skipped, cannot be read, do not parse, and carry notes and a
 * warning. Named files are checked; the earlier files of their folder are context.
 */
function dependentHistories(): { root: string; args: string[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-histories-'));
  const app = path.join(root, 'app', 'migrations');
  const billing = path.join(root, 'billing', 'migrations');
  fs.mkdirSync(app, { recursive: true });
  fs.mkdirSync(billing, { recursive: true });
  const files = new Map<string, string>([
    ['001_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY, name text);\n'],
    ['002_email.sql', 'ALTER TABLE users ADD COLUMN email varchar(50);\n'],
    ['020_flag.sql', "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN temp_flag boolean;\n"],
    ['030_email_type.sql', "SET lock_timeout = '2s';\nALTER TABLE users ALTER COLUMN email TYPE varchar(255);\n"],
    ['040_drop_flag.sql', "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN temp_flag;\n"],
    ['045_unknown.sql', "SET lock_timeout = '2s';\nALTER TABLE missing_table ADD COLUMN x int;\n"],
    ['050_helper.js', 'module.exports = 42;\n'],
    ['055_syntax.sql', "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN;\n"],
    ['057_unknown_after.sql', "SET lock_timeout = '2s';\nALTER TABLE gone DROP COLUMN y;\n"],
  ]);
  for (let index = 3; index < 20; index++) if (index !== 10) files.set(`${String(index).padStart(3, '0')}_t${index}.sql`, `CREATE TABLE t${index} (id bigint PRIMARY KEY);\n`);
  for (let index = 21; index < 60; index++) {
    const name = `${String(index).padStart(3, '0')}_index.sql`;
    if (index !== 42 && ![...files.keys()].some((file) => file.startsWith(String(index).padStart(3, '0')))) {
      // psql's meta-commands are passed over with a note (shown with --verbose).
      files.set(name, `${index % 5 === 0 ? '\\set ON_ERROR_STOP on\n' : ''}SET lock_timeout = '2s';\nCREATE INDEX t${(index % 17) + 3}_idx${index} ON t${(index % 17) + 3} (id);\n`);
    }
  }
  for (const [name, text] of files) fs.writeFileSync(path.join(app, name), text);
  // Files that cannot be read (larger than 512 MB; sparse, so they take no room): one context, one checked.
  for (const name of ['010_huge.sql', '042_huge.sql']) {
    fs.writeFileSync(path.join(app, name), '');
    fs.truncateSync(path.join(app, name), 600 << 20);
  }
  // The named files are new (not in git's HEAD): what they add is new for the later ones.
  spawnSync('git', ['init', '-q'], { cwd: root });
  // Knex migrations under a knexfile that cannot be read: one warning for the run.
  spawnSync('mkfifo', [path.join(root, 'billing', 'knexfile.js')]);
  fs.writeFileSync(path.join(billing, '20240101000000_invoices.js'), "exports.up = (knex) => knex.schema.createTable('invoices', (t) => { t.bigIncrements('id'); t.string('code', 50); });\nexports.down = () => {};\n");
  for (let index = 1; index < 12; index++) {
    fs.writeFileSync(path.join(billing, `202401010000${String(index).padStart(2, '0')}_step.js`), `exports.up = (knex) => knex.schema.alterTable('invoices', (t) => { t.integer('n${index}'); });\nexports.down = () => {};\n`);
  }
  fs.writeFileSync(path.join(billing, '20240101000012_widen.js'), "exports.up = (knex) => knex.schema.alterTable('invoices', (t) => { t.string('code', 100).alter(); });\nexports.down = () => {};\n");
  fs.writeFileSync(path.join(billing, '20240101000013_bad.js'), 'exports.up = (knex) => knex.schema.alterTable(\n');
  const named = [...files.keys(), '042_huge.sql'].filter((name) => Number(name.slice(0, 3)) >= 20).sort().map((name) => path.join('app', 'migrations', name));
  return { root, args: [...named, path.join('billing', 'migrations')] };
}

/** Runs migralint in the folder the histories are in, with batches of `batch` files on worker threads. */
function lintHistories(root: string, args: string[], concurrency: string, batch: string) {
  const run = spawnSync(process.execPath, [BIN, ...args, '--concurrency', concurrency], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', MIGRALINT_CHECK_BATCH: batch } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test.each([
  ['2', '3'],
  ['3', '1'],
  ['1', '4'],
])('--concurrency %s, batches of %s files: histories whose files depend on the earlier ones report exactly as on one thread', (concurrency, batch) => {
  const { root, args } = dependentHistories();
  const single = lintHistories(root, [...args, '--format', 'json', '--verbose'], 'off', batch);
  const threads = lintHistories(root, [...args, '--format', 'json', '--verbose'], concurrency, batch);
  expect(threads).toEqual(single);
  expect(single.code).toBe(2);
  expect(single.stderr.split('\n')).toEqual([
    'migralint: cannot read app/migrations/010_huge.sql: larger than 512 MB',
    'migralint: note: app/migrations/025_index.sql: skipped psql meta-command \\set on line 1',
    'migralint: note: app/migrations/035_index.sql: skipped psql meta-command \\set on line 1',
    'migralint: cannot read app/migrations/042_huge.sql: larger than 512 MB',
    'migralint: note: skipped app/migrations/050_helper.js: not a SQL, Knex or TypeORM migration',
    `migralint: note: ignoring ${path.join(fs.realpathSync(root), 'billing', 'knexfile.js')}: not a regular file (a FIFO)`,
    'migralint: note: unknown-object was off: the migrations replayed do not look like a whole history (app/migrations/055_syntax.sql could not be read whole)',
    'migralint: note: unknown-object was off: the migrations replayed do not look like a whole history (billing/migrations/20240101000013_bad.js could not be read whole)',
    '',
  ]);
  const report = JSON.parse(single.stdout) as { findings: Array<{ file: string; rule: string; line: number; message: string; suggestion?: unknown }> };
  const schemaAware = report.findings.filter((finding) => finding.rule !== 'require-concurrent-index-creation' && finding.rule !== 'require-lock-timeout');
  expect(schemaAware.map((finding) => `${finding.file} ${finding.rule}@${finding.line}`)).toEqual([
    // The table the unreadable context file creates is unknown.
    'app/migrations/024_index.sql unknown-object@2',
    // The column's type comes from a context file: widening it rewrites nothing.
    'app/migrations/030_email_type.sql changing-column-type@2',
    // 040 drops a column 020 added: new in this run, nothing reads it (no ban-drop-column).
    'app/migrations/045_unknown.sql unknown-object@2',
    'app/migrations/055_syntax.sql syntax-error@2',
    // After a file that does not parse, the history is not whole: no unknown-object.
    'app/migrations/057_unknown_after.sql ban-drop-column@2',
    'billing/migrations/20240101000012_widen.js changing-column-type@1',
    'billing/migrations/20240101000013_bad.js syntax-error@2',
  ]);
  expect(schemaAware[1].message).toContain('from varchar(50) to varchar(255) rewrites no rows');
  expect(schemaAware[5].message).toContain('from varchar(50) to varchar(100) rewrites no rows');
  const indexes = report.findings.filter((finding) => finding.rule === 'require-concurrent-index-creation');
  expect(indexes).toHaveLength(32);
  expect(indexes.every((finding) => finding.suggestion !== undefined)).toBe(true);
}, 60_000);

test.each([
  ['stylish (what --fix can fix is counted from what suggestions are built from)', ['--format', 'stylish']],
  ['--quiet (suggestions of the results left are written on the main thread)', ['--format', 'json', '--quiet']],
  ['compact', ['--format', 'compact']],
  ['stylish without suggestions', ['--format', 'stylish', '--no-suggestions']],
  ['json without suggestions', ['--format', 'json', '--no-suggestions']],
])('%s: the same report and stderr on worker threads', (_name, format) => {
  const { root, args } = dependentHistories();
  const single = lintHistories(root, [...args, ...format], 'off', '5');
  expect(lintHistories(root, [...args, ...format], '2', '5')).toEqual(single);
  expect(single.stdout).toContain('030_email_type.sql');
}, 60_000);

test('files checked on a worker that stops come back as an internal error, and the files after them at once: the run does not wait forever', async () => {
  const { AnalysisPool } = require(path.join(ROOT, 'dist', 'src', 'cli', 'analysis-pool.js')) as typeof import('../../src/cli/analysis-pool');
  const pool = AnalysisPool.create(1, { pgVersion: 15, assumeInTransaction: false, severities: {} });
  if (!pool) throw new Error('no worker pool: build dist/ first (npm test does)');
  try {
    pool.ref();
    pool.startChecking({ settings: { pgVersion: 15, assumeInTransaction: false, severities: {} }, suggestions: false, targets: false, source: true }, 2);
    const file = (name: string) => ({ path: path.join(os.tmpdir(), name), displayPath: name, group: 0, target: true, newInRun: false });
    const missing = pool.check(0, file('migralint-no-such-file-1.sql'));
    pool.check(1, file('migralint-no-such-file-2.sql'));
    expect(await missing).toEqual({ readError: 'no such file (it may have been deleted during the run)' });
    // The worker goes away (as it would on a crash) with a file still out.
    const pending = pool.check(2, file('migralint-no-such-file-3.sql'));
    await (pool as unknown as { workers: Array<{ terminate(): Promise<number> }> }).workers[0].terminate();
    pool.flushChecks();
    expect(await pending).toEqual({ error: expect.stringMatching(/^a worker thread stopped/) });
    expect(await pool.check(3, file('migralint-no-such-file-4.sql'))).toEqual({ error: expect.stringMatching(/^a worker thread stopped/) });
  } finally {
    await pool.close();
  }
});
