import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scriptCorpus } from '../../bench/run';
import { generateSqlCorpus, writeCorpus } from '../../bench/sql-corpus';

/**
 * Worker threads change how fast a run is, never what it reports: on the
 * benchmark's corpora, the report and stderr of `--concurrency 2` (the main
 * thread checks what two workers read) are byte for byte those of
 * `--concurrency off`. These run the real executable (bin/migralint and lib/).
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
