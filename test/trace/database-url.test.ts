import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client } from 'pg';
import { LOCKS_VERIFIED_ON } from '../../src/engine/verified-on';
import { prepareLinting } from '../../src/lint';
import { type TraceDatabase, openServer, runTrace } from '../../src/trace';
import { readCatalogue } from '../../src/trace/catalogue';
import { ownTransactionLocks } from '../../src/trace/lock-catalogue';
import { runCli } from '../cli/run-cli';
import { type ClaimCheck, checkInvalidExample, checkValidExample, checkable, prepare, rulesWithClaims, SCHEMA, sourceOf } from './claims';
import { traceInput } from './trace-helpers';

// A shared machine may be slow: a statement-by-statement trace is not a speed test.
jest.setTimeout(30_000);

/**
 * `trace --database-url` on a real PostgreSQL server (the one .ci/services starts,
 * Debian's PostgreSQL 15), and the rules' lock claims checked there too, with the
 * CONCURRENTLY forms watched from a second connection.
 */
const SERVER = process.env.MIGRALINT_TEST_DATABASE_URL;
const ROOT = path.join(__dirname, '..', '..');

if (!SERVER) {
  if (process.env.MIGRALINT_REQUIRE_SERVICES === '1') throw new Error('MIGRALINT_TEST_DATABASE_URL is not set: source .ci/services first');
  test.skip('trace --database-url (skipped: set MIGRALINT_TEST_DATABASE_URL, e.g. by `source .ci/services`)', () => undefined);
} else {
  const pg = require('pg') as typeof import('pg');
  const database = `migralint_trace_${process.pid}`;
  const url = SERVER.replace(/\/[^/]*$/, `/${database}`);
  let admin: Client;

  beforeAll(async () => {
    await prepareLinting();
    admin = new pg.Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
  }, 60_000);
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }, 60_000);

  /** Runs SQL on the test database from a connection of its own. */
  async function onDatabase(sql: string): Promise<Array<Record<string, unknown>>> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }

  const emptyDatabase = () => onDatabase('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');

  describe('migralint trace --database-url', () => {
    beforeEach(emptyDatabase);

    test('--commit applies the fixtures and watches CREATE INDEX CONCURRENTLY from a second connection', async () => {
      const run = await runCli(['trace', 'fixtures/sql', '--database-url', url, '--commit', '--format', 'json'], { cwd: ROOT });
      expect(run.stderr).toBe('');
      const document = JSON.parse(run.stdout);
      expect(document.engine).toMatch(/^PostgreSQL 15\.\d+$/);
      const migration = document.migrations.find((entry: { file: string }) => entry.file === 'fixtures/sql/000006_index_orders_by_user_safely.up.sql');
      const concurrently = migration.statements.find((statement: { line: number }) => statement.line === 5);
      expect(concurrently.transaction).toBe(false);
      expect(concurrently.locks).toEqual([{ relation: 'orders', mode: 'ShareUpdateExclusiveLock', blocks: 'schema changes' }]);
      expect(await onDatabase("SELECT count(*)::int AS n FROM pg_class WHERE relname = 'orders_status_idx'")).toEqual([{ n: 1 }]);
    }, 60_000);

    test('without --commit each migration is rolled back, and a statement that commits itself is not run', async () => {
      const run = await runCli(['trace', 'fixtures/sql/000001_create_accounts.up.sql', 'fixtures/sql/000006_index_orders_by_user_safely.up.sql', '--database-url', url, '--format', 'json'], { cwd: ROOT });
      const document = JSON.parse(run.stdout);
      const [first, second] = document.migrations;
      expect(first.statements.find((statement: { sql: string }) => statement.sql === 'COMMIT').notRun).toBe('rolled back instead: nothing is committed without --commit');
      expect(second.statements.find((statement: { line: number }) => statement.line === 5).notRun).toBe(
        'not run: it commits its own transactions, and nothing is committed without --commit',
      );
      expect(await onDatabase("SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'")).toEqual([{ n: 0 }]);
    }, 60_000);

    test('refuses a database that has tables, unless --allow-non-empty', async () => {
      await onDatabase('CREATE TABLE keep_me (id bigint)');
      const refused = await runCli(['trace', 'fixtures/sql/000002_add_users_locale.up.sql', '--database-url', url], { cwd: ROOT });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe('migralint: --database-url: the database has 1 user table; trace runs on an empty database unless --allow-non-empty is given\n');
      const allowed = await runCli(['trace', 'fixtures/sql/000002_add_users_locale.up.sql', '--database-url', url, '--allow-non-empty', '--format', 'json'], { cwd: ROOT });
      expect(JSON.parse(allowed.stdout).migrations[0].statements[1].error).toBe('42P01: relation "users" does not exist');
    }, 60_000);

    test('an unreachable server is one line on stderr', async () => {
      const run = await runCli(['trace', 'fixtures/sql', '--database-url', 'postgres://nobody@127.0.0.1:1/none'], { cwd: ROOT });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^migralint: --database-url: cannot connect: .*ECONNREFUSED.*\n$/);
    });
  });

  describe('on PostgreSQL 15', () => {
    let db: TraceDatabase;
    const checks: ClaimCheck[] = [];
    beforeAll(async () => {
      await emptyDatabase();
      db = await openServer({ url, allowNonEmpty: true });
    }, 60_000);
    afterAll(async () => {
      // `MIGRALINT_VERIFIED_LOCKS_SERVER=file` writes the table of what was declared and seen.
      const out = process.env.MIGRALINT_VERIFIED_LOCKS_SERVER;
      if (out) fs.writeFileSync(out, JSON.stringify({ engine: db.version, checks }, null, 2));
      await db?.close();
    }, 60_000);

    test('the server is the version explain names', () => {
      expect(db.version.startsWith(`${LOCKS_VERIFIED_ON.server}.`)).toBe(true);
    });

    test.each([
      ['CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id)', ''],
      ['DROP INDEX CONCURRENTLY orders_user_idx', 'CREATE INDEX orders_user_idx ON orders (user_id)'],
      ['REINDEX INDEX CONCURRENTLY orders_user_idx', 'CREATE INDEX orders_user_idx ON orders (user_id)'],
      ['ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY', ''],
    ] as const)('the lock catalogue states what the server shows for %s', async (statement, setup) => {
      await db.run('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
      await db.run(SCHEMA);
      if (setup) await db.run(setup);
      const input = traceInput(statement, 'migration.sql');
      const catalogue = await readCatalogue(db);
      const names = (locks: ReadonlyArray<{ oid: number; mode: string }>) => locks.map((lock) => `${catalogue.relations.get(lock.oid)?.name}:${lock.mode}`);
      const expected = names(ownTransactionLocks(input.analysis.analyzed.operations, catalogue));
      const result = await runTrace([input], db, { commit: true });
      const [traced] = result.migrations[0].statements;
      expect(traced.error).toBeUndefined();
      expect(traced.transaction).toBe(false);
      const blocking = traced.locks.filter((lock) => lock.mode !== 'AccessShareLock' && lock.mode !== 'RowExclusiveLock').map((lock) => `${lock.relation}:${lock.mode}`);
      // Everything seen is in the catalogue.
      for (const lock of blocking) expect(expected).toContain(lock);
      // DETACH … CONCURRENTLY holds no lock while it waits, and its own two transactions are
      // usually over before a second connection can look: then the catalogue's locks, marked.
      if (statement.includes('DETACH')) return;
      // The others hold their table lock while they wait, where the watch sees it for certain
      // (a last, brief lock on the index itself may or may not be seen).
      const onTables = expected.filter((lock) => !lock.startsWith('orders_user_idx:'));
      for (const lock of onTables) expect(blocking).toContain(lock);
      expect(traced.locks.every((lock) => lock.observed === undefined)).toBe(true);
    }, 30_000);

    describe.each(rulesWithClaims().map((rule) => [rule.id, rule] as const))('claims of %s', (_id, rule) => {
      const invalid = rule.meta.locks ? rule.examples.invalid.filter(checkable) : [];
      const valid = rule.meta.safeLock ? rule.examples.valid.filter(checkable) : [];
      if (invalid.length > 0) {
        test.each(invalid.map((example) => [`${sourceOf(example).frontend}: ${sourceOf(example).text}`, example] as const))('flagged: %s', async (_title, example) => {
          await prepare(db, rule, example);
          const results = await checkInvalidExample(db, rule, example);
          checks.push(...results);
          expect(results.length).toBeGreaterThan(0);
          expect(results.flatMap((check) => check.problems)).toEqual([]);
        });
      }
      if (valid.length > 0) {
        test.each(valid.map((example) => [`${sourceOf(example).frontend}: ${sourceOf(example).text}`, example] as const))('safe: %s', async (_title, example) => {
          await prepare(db, rule, example);
          const check = await checkValidExample(db, rule, example, false);
          checks.push(check);
          expect(check.problems).toEqual([]);
        });
      }
    });
  });
}
