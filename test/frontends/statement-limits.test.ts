import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSqlParser } from '../../src/frontends/sql';
import { ParserFailure, parseSql } from '../../src/frontends/sql/parser';
import { MAX_STATEMENT_NESTING, measureStatement, statementsBeyondLimits } from '../../src/frontends/sql/statement-limits';

beforeAll(loadSqlParser);

const nesting = (sql: string) => measureStatement(sql, 0, sql.length).nesting;

/** Shapes whose parse trees grow with `n`: left-deep operator chains, and nesting the grammar allows. */
const DEEP_SHAPES: Record<string, (n: number) => string> = {
  'arithmetic chain': (n) => `SELECT ${'1+'.repeat(n)}1`,
  'string concatenation': (n) => `SELECT ${"'a'||".repeat(n)}'a'`,
  'type casts': (n) => `SELECT 1${'::int'.repeat(n)}`,
  'COLLATE chain': (n) => `SELECT 'a'${' COLLATE "C"'.repeat(n)}`,
  'IS NULL chain': (n) => `SELECT x${' IS NULL'.repeat(n)}`,
  'JOIN chain': (n) => `SELECT 1 FROM a${' JOIN a ON true'.repeat(n)}`,
  'UNION chain': (n) => `${'SELECT 1 UNION '.repeat(n)}SELECT 1`,
  'nested calls': (n) => `SELECT ${'f('.repeat(n)}1${')'.repeat(n)}`,
  'nested subqueries': (n) => `SELECT ${'(SELECT '.repeat(n)}1${')'.repeat(n)}`,
  'nested CASE': (n) => `SELECT ${'CASE WHEN x THEN '.repeat(n)}1${' END'.repeat(n)}`,
  'NOT chain': (n) => `SELECT ${'NOT '.repeat(n)}true`,
  'DEFAULT expression': (n) => `ALTER TABLE t ADD COLUMN c int DEFAULT ${'1+'.repeat(n)}1`,
  'CHECK expression': (n) => `ALTER TABLE t ADD CONSTRAINT c CHECK (${'x + '.repeat(n)}1 > 0)`,
};

/** The largest `n` whose statement measures within `limit`. */
function largestWithin(shape: (n: number) => string, limit: number): number {
  let low = 0;
  let high = limit * 4;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (nesting(shape(middle)) <= limit) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Parses each statement the way the CLI runs the parser (V8's baseline WebAssembly
 * compiler only, see src/cli/start.ts), on the main thread and on a worker
 * thread, in a fresh process; the failures, if any, by index.
 */
function parseOnEveryThread(statements: string[]): { main: string[]; worker: string[] } {
  const sql = path.join(__dirname, '..', '..', 'dist', 'src', 'frontends', 'sql');
  const script = `
const { isMainThread, Worker, parentPort, workerData } = require('node:worker_threads');
const { loadSqlParser: loadModule } = require(${JSON.stringify(path.join(sql, 'index.js'))});
const { parseSql } = require(${JSON.stringify(path.join(sql, 'parser.js'))});
const statements = isMainThread ? JSON.parse(require('node:fs').readFileSync(0, 'utf8')) : workerData;
const failures = () => statements.flatMap((sql, index) => { try { parseSql(sql); return []; } catch (error) { return [index + ': ' + error.message]; } });
loadModule().then(() => {
  if (!isMainThread) return parentPort.postMessage(failures());
  const main = failures();
  new Worker(__filename, { workerData: statements }).on('message', (worker) => console.log(JSON.stringify({ main, worker })));
});`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-limits-')), 'parse.js');
  fs.writeFileSync(file, script);
  const run = spawnSync(process.execPath, ['--liftoff-only', file], { input: JSON.stringify(statements), encoding: 'utf8', cwd: path.join(__dirname, '..', '..') });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { main: string[]; worker: string[] };
}

describe('the nesting bound', () => {
  test('deep shapes four times beyond the limit still parse on the main thread and on workers: the limit leaves a margin', () => {
    const statements = Object.values(DEEP_SHAPES).map((shape) => shape(largestWithin(shape, 4 * MAX_STATEMENT_NESTING)));
    for (const sql of statements) expect(nesting(sql)).toBeGreaterThan(3 * MAX_STATEMENT_NESTING);
    expect(parseOnEveryThread(statements)).toEqual({ main: [], worker: [] });
  });

  test('the deepest of them, far enough beyond, overflows: the margin is measured, not assumed', () => {
    const subqueries = DEEP_SHAPES['nested subqueries'];
    expect(parseOnEveryThread([subqueries(largestWithin(subqueries, 6 * MAX_STATEMENT_NESTING))]).main).toEqual(['0: RangeError: Maximum call stack size exceeded']);
  });

  test.each([
    ['a long IN list', `SELECT 1 WHERE x IN (${Array(100_000).fill('1').join(', ')})`],
    ['many AND and OR terms', `SELECT 1 WHERE ${Array.from({ length: 20_000 }, (_, i) => `(a = ${i} OR b = ${i})`).join(' AND ')}`],
    ['a CASE with many branches', `SELECT CASE ${Array.from({ length: 20_000 }, (_, i) => `WHEN x = ${i} THEN ${i}`).join(' ')} ELSE 0 END`],
    ['a multi-row INSERT', `INSERT INTO t VALUES ${Array.from({ length: 20_000 }, (_, i) => `(${i}, 'x', true, NULL)`).join(', ')}`],
    ['a wide CREATE TABLE', `CREATE TABLE t (${Array.from({ length: 1600 }, (_, i) => `c${i} text NOT NULL DEFAULT 'x'`).join(', ')})`],
    ['a function body', `CREATE FUNCTION f() RETURNS int AS $$ BEGIN ${'x := x + 1; '.repeat(10_000)} RETURN x; END $$ LANGUAGE plpgsql`],
  ])('%s is shallow, however long', (_name, sql) => {
    expect(nesting(sql)).toBeLessThan(20);
  });

  test('statements are measured between top-level semicolons; short ones are not measured at all', () => {
    const deep = `SELECT ${'1+'.repeat(2000)}1;`;
    const text = `SELECT ';${'1+'.repeat(3000)}';\n${deep}\nSELECT 2;`;
    const semicolons = [...text.matchAll(/;(?=\n|$)/g)].map((match) => (match.index ?? 0) + 1);
    expect(statementsBeyondLimits(text, semicolons)).toEqual([{ start: text.indexOf('\nSELECT 1+'), end: text.indexOf('\nSELECT 2'), reason: 'nesting' }]);
  });
});

describe('the parser guard', () => {
  afterEach(() => jest.restoreAllMocks());

  test('whatever the parser prints when it fails never reaches stdout or stderr, and the failure is a ParserFailure', () => {
    const parser = jest.requireActual<typeof import('../../src/frontends/sql/pg-wasm')>('../../src/frontends/sql/pg-wasm');
    jest.spyOn(parser, 'parse').mockImplementation(() => {
      process.stdout.write('Terminating process due to FATAL error\n');
      process.stderr.write('TopMemoryContext: 8192 total in 1 blocks\n');
      throw Object.assign(Object.create(null), { name: 'ExitStatus', message: 'Program terminated with exit(1)' });
    });
    const stdout = jest.spyOn(process.stdout, 'write');
    const stderr = jest.spyOn(process.stderr, 'write');
    expect(() => parseSql('SELECT 1')).toThrow(new ParserFailure('Program terminated with exit(1)'));
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });

  test('a syntax error is still the parser’s own error, with its position', () => {
    expect(() => parseSql('SELECT FROM WHERE')).toThrow(expect.objectContaining({ sqlDetails: expect.objectContaining({ cursorPosition: 12 }) }));
  });
});
