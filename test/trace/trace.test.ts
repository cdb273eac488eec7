import type { TraceDatabase } from '../../src/trace';
import { prepareLinting } from '../../src/lint';
import { openTestDatabase, resetDatabase, statementAt, tableLocks, trace, traceInput } from './trace-helpers';

// A shared machine may be slow: a statement-by-statement trace is not a speed test.
jest.setTimeout(30_000);

let db: TraceDatabase;
beforeAll(async () => {
  await prepareLinting();
  db = await openTestDatabase();
}, 60_000);
afterAll(() => db?.close());
beforeEach(() => resetDatabase(db));

/** A table with rows, created by an earlier migration. */
const USERS = `CREATE TABLE users (id integer PRIMARY KEY, email varchar(10), age integer);
INSERT INTO users SELECT g, 'u' || g, g FROM generate_series(1, 200) g;
CREATE TABLE orders (id bigint PRIMARY KEY, user_id integer, total integer);
INSERT INTO orders SELECT g, g % 200 + 1, g FROM generate_series(1, 500) g;`;

describe('trace shows what each statement locks and rewrites', () => {
  test('ADD COLUMN … DEFAULT gen_random_uuid(): ACCESS EXCLUSIVE and a rewrite of the table and its index', async () => {
    const result = await trace(db, [USERS, 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();']);
    const statement = statementAt(result, 1);
    expect(tableLocks(statement)).toContain('users:AccessExclusiveLock');
    expect(statement.rewrites).toEqual(expect.arrayContaining(['users', 'users_pkey']));
    expect(statement.created).toEqual(['column users.token']);
  });

  test('ADD COLUMN … DEFAULT 0: ACCESS EXCLUSIVE, no rewrite', async () => {
    const result = await trace(db, [USERS, 'ALTER TABLE users ADD COLUMN score integer NOT NULL DEFAULT 0;']);
    const statement = statementAt(result, 1);
    expect(tableLocks(statement)).toEqual(['users:AccessExclusiveLock']);
    expect(statement.rewrites).toEqual([]);
  });

  test('CREATE INDEX: SHARE on the table', async () => {
    const result = await trace(db, [USERS, 'CREATE INDEX orders_user_idx ON orders (user_id);']);
    const statement = statementAt(result, 1);
    expect(tableLocks(statement)).toEqual(['orders:ShareLock']);
    expect(statement.created).toEqual(['index orders_user_idx']);
    expect(statement.transaction).toBe(true); // the trace's own, to see the lock before it goes
  });

  test('CREATE INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE, outside any transaction (from the catalogue on PGlite)', async () => {
    const result = await trace(db, [USERS, 'CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);']);
    const statement = statementAt(result, 1);
    expect(statement.transaction).toBe(false);
    expect(statement.error).toBeUndefined();
    expect(statement.locks).toEqual([{ relation: 'orders', mode: 'ShareUpdateExclusiveLock', table: true, observed: false }]);
    expect(statement.created).toEqual(['index orders_user_idx']);
  });

  test('integer → bigint rewrites; varchar(10) → varchar(20) does not', async () => {
    const result = await trace(db, [USERS, 'ALTER TABLE users ALTER COLUMN age TYPE bigint;\nALTER TABLE users ALTER COLUMN email TYPE varchar(20);']);
    expect(statementAt(result, 1).rewrites).toContain('users');
    expect(statementAt(result, 1).altered).toEqual(['column users.age: type integer → bigint']);
    expect(statementAt(result, 2).rewrites).toEqual([]);
    expect(tableLocks(statementAt(result, 2))).toEqual(['users:AccessExclusiveLock']);
    expect(statementAt(result, 2).altered).toEqual(['column users.email: type character varying(10) → character varying(20)']);
  });

  test('ADD CONSTRAINT … FOREIGN KEY: SHARE ROW EXCLUSIVE on the table and on the referenced table', async () => {
    const result = await trace(db, [USERS, 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);']);
    const locks = tableLocks(statementAt(result, 1));
    expect(locks).toContain('users:ShareRowExclusiveLock');
    expect(locks).toContain('orders:ShareRowExclusiveLock');
    expect(locks.filter((lock) => /AccessExclusive/.test(lock))).toEqual([]);
  });

  test('a lock is held across the later statements of its transaction, until commit', async () => {
    const migration = "BEGIN;\nALTER TABLE users ADD COLUMN nickname text;\nSELECT pg_sleep(0.05);\nUPDATE orders SET total = total + 1 WHERE id = 1;\nCOMMIT;";
    const result = await trace(db, [USERS, migration]);
    // The later statements do not take it again: it is still held.
    expect(tableLocks(statementAt(result, 3))).toEqual([]);
    const held = result.migrations[1].heldLocks.find((lock) => lock.relation === 'users' && lock.mode === 'AccessExclusiveLock');
    expect(held?.line).toBe(2);
    expect(held?.heldMs).toBeGreaterThanOrEqual(50);
  });

  test('tables created in the migration are not reported as locked', async () => {
    const result = await trace(db, ['CREATE TABLE carts (id bigint);\nCREATE INDEX carts_id_idx ON carts (id);\nALTER TABLE carts ADD COLUMN note text DEFAULT gen_random_uuid()::text;']);
    for (const statement of result.migrations[0].statements) {
      expect(statement.locks).toEqual([]);
      expect(statement.rewrites).toEqual([]);
    }
    expect(result.findings).toEqual([]);
  });

  test('a failing statement is reported at its line with PostgreSQL\'s error, and the next migration still runs', async () => {
    const result = await trace(db, [USERS, 'ALTER TABLE users ADD COLUMN bio text;\n\nALTER TABLE users ADD COLUMN age integer;\nALTER TABLE users ADD COLUMN never_run text;', 'CREATE INDEX users_email_idx ON users (email);']);
    const failed = statementAt(result, 3, 1);
    expect(failed.error).toBe('42701: column "age" of relation "users" already exists');
    expect(result.migrations[1].statements).toHaveLength(2);
    expect(result.migrations[1].notes).toEqual(['1 later statement was not run after the failure on line 3']);
    // The migration's transaction was rolled back; the next migration ran.
    expect(tableLocks(statementAt(result, 1, 2))).toEqual(['users:ShareLock']);
    expect(result.findings.find((finding) => finding.rule === 'statement-error')).toMatchObject({ file: '0002.sql', line: 3, severity: 'error' });
  });

  test('an ALTER TABLE with several clauses runs once, though its findings point at each clause', async () => {
    const result = await trace(db, [USERS, "SET lock_timeout = '1s';\nALTER TABLE users\n  ADD COLUMN bio text,\n  ADD COLUMN token uuid DEFAULT gen_random_uuid();"]);
    const statements = result.migrations[1].statements;
    expect(statements.map((statement) => statement.location.line)).toEqual([1, 2]);
    expect(statements[1].planned.operations.map((operation) => `${operation.kind}@${operation.location.line}`)).toEqual(['addColumn@3', 'addColumn@4']);
    expect(statements[1].created).toEqual(['column users.bio', 'column users.token']);
    expect(result.findings.find((finding) => finding.rule === 'adding-field-with-default')).toMatchObject({ line: 2 });
  });

  test('a runner transaction holds every lock of the migration until its end', async () => {
    const migration = '-- +goose Up\nALTER TABLE users ADD COLUMN a text;\nCREATE INDEX orders_total_idx ON orders (total);';
    const result = await trace(db, [USERS, migration]);
    expect(result.migrations[1].transaction).toBe(true);
    expect(result.migrations[1].heldLocks.filter((lock) => lock.relation === 'users' || lock.relation === 'orders').map((lock) => `${lock.relation}:${lock.mode}@${lock.line}`)).toEqual(
      expect.arrayContaining(['users:AccessExclusiveLock@2', 'orders:ShareLock@3']),
    );
  });
});

describe('trace findings', () => {
  test('carry the lint rule whose claim matches what was seen, else a trace id', async () => {
    const result = await trace(db, [USERS, "SET lock_timeout = '1s';\nCREATE INDEX orders_user_idx ON orders (user_id);\nALTER TABLE users ADD COLUMN bio text;\nCREATE TABLE refunds (order_id bigint REFERENCES orders (id));"]);
    expect(result.findings.map((finding) => `${finding.rule}@${finding.line}:${finding.lock?.mode}`)).toEqual([
      'require-concurrent-index-creation@2:ShareLock',
      'blocking-lock@3:AccessExclusiveLock',
      'blocking-lock@4:ShareRowExclusiveLock',
    ]);
    expect(result.findings[0].message).toBe(
      'This statement takes ShareLock on "orders" (blocks writes). Creating index "orders_user_idx" on "orders" without CONCURRENTLY blocks all writes to the table until the index is built.',
    );
  });
});

describe('Knex and TypeORM migrations run as the SQL their ORM sends', () => {
  test('a Knex builder call and a raw statement', async () => {
    const knex = "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.index(['user_id']);\n  });\n  await knex.raw('ALTER TABLE users ADD COLUMN bio text');\n};\n";
    const result = await trace(db, [USERS, traceInput(knex, 'knex')]);
    const [index, raw] = result.migrations[1].statements;
    expect(index.sql).toBe('CREATE INDEX "orders_user_id_index" ON "orders" ("user_id")');
    expect(index.location.line).toBe(3);
    expect(tableLocks(index)).toEqual(['orders:ShareLock']);
    expect(raw.sql).toBe('ALTER TABLE users ADD COLUMN bio text');
    expect(tableLocks(raw)).toEqual(['users:AccessExclusiveLock']);
    expect(result.migrations[1].transaction).toBe(true);
  });

  test('a builder call whose SQL is not known statically is reported as not run', async () => {
    const knex = "exports.up = async (knex) => {\n  await knex.schema.createExtension('pgcrypto');\n  await knex.schema.alterTable('users', (t) => {\n    t.text('bio');\n  });\n};\n";
    const result = await trace(db, [USERS, traceInput(knex, 'knex')]);
    const [extension, bio] = result.migrations[1].statements;
    expect(extension.notRun).toBe('not run: `knex.schema.createExtension` is not modelled');
    expect(extension.location.line).toBe(2);
    expect(bio.sql).toBe('ALTER TABLE "users" ADD "bio" text');
    expect(bio.error).toBeUndefined();
  });

  test('a TypeORM QueryRunner migration: a uuid column with a generated default, and clearTable', async () => {
    const typeorm = "import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';\n\nexport class M1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'token', type: 'uuid', isGenerated: true, generationStrategy: 'uuid' }));\n    await queryRunner.clearTable('orders');\n  }\n}\n";
    const result = await trace(db, [USERS, traceInput(typeorm, 'typeorm')]);
    const [addColumn, clear] = result.migrations[1].statements;
    expect(addColumn.sql).toBe('ALTER TABLE "users" ADD "token" uuid NOT NULL DEFAULT gen_random_uuid()');
    expect(addColumn.rewrites).toContain('users');
    expect(clear.sql).toBe('TRUNCATE TABLE "orders"');
    expect(clear.rewrites).toEqual([]);
    expect(clear.altered).toEqual(expect.arrayContaining(['orders emptied']));
  });
});
