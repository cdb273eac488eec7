import { loadSqlParser } from '../../src/frontends/sql';
import { findingKeys, lintSql } from '../helpers';

beforeAll(loadSqlParser);

/** Any front-end's file, by its name, with the recommended rules. */
const lint = (text: string, file: string) => lintSql(text, {}, file);

describe('require-lock-timeout: once per migration, in the file\'s own language', () => {
  test('Knex: one finding at the first statement that needs it, counting the others, with knex.raw help', () => {
    const knex = `/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('orders', (table) => {
    table.string('coupon_code', 32);
    table.timestamp('shipped_at');
  });
  await knex.schema.alterTable('customers', (table) => {
    table.boolean('vip').notNullable().defaultTo(false);
  });
};

exports.down = async function down(knex) {
  await knex.schema.alterTable('orders', (table) => table.dropColumns('coupon_code', 'shipped_at'));
};
`;
    const result = lint(knex, 'db/migrations/20240301120000_order_coupons.js');
    expect(findingKeys(result)).toEqual(['require-lock-timeout@4:5']);
    expect(result.findings[0].message).toBe(
      'This statement (and 2 more in this file) waits for a blocking lock on "orders" with no lock_timeout set; while it waits, every query on the table queues behind it.',
    );
    expect(result.findings[0].help).toBe(`Put await knex.raw("SET lock_timeout = '2s'") at the start of up(), and retry the migration when it times out.`);
  });

  test('TypeORM: queryRunner.query help', () => {
    const typeorm = `import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

export class AddInvoiceNotes1700000000100 implements MigrationInterface {
  name = 'AddInvoiceNotes1700000000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('invoices', new TableColumn({ name: 'notes', type: 'text', isNullable: true }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('invoices', 'notes');
  }
}
`;
    const result = lint(typeorm, 'src/migrations/1700000000100-AddInvoiceNotes.ts');
    expect(findingKeys(result)).toEqual(['require-lock-timeout@7:23']);
    expect(result.findings[0].message).toBe(
      'This statement waits for a blocking lock on "invoices" with no lock_timeout set; while it waits, every query on the table queues behind it.',
    );
    expect(result.findings[0].help).toBe(`Put await queryRunner.query("SET lock_timeout = '2s'") at the start of up(), and retry the migration when it times out.`);
  });

  test.each([
    ['CREATE TRIGGER (SHARE ROW EXCLUSIVE)', 'CREATE TRIGGER orders_touch BEFORE UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION touch_updated_at();', '"public.orders"'],
    ['DROP TRIGGER (ACCESS EXCLUSIVE)', 'DROP TRIGGER IF EXISTS orders_touch ON orders;', '"orders"'],
    ['VACUUM FULL (rewrites under ACCESS EXCLUSIVE)', 'VACUUM (FULL, ANALYZE) orders;', '"orders"'],
    ['CLUSTER (rewrites under ACCESS EXCLUSIVE)', 'CLUSTER orders USING orders_pkey;', '"orders"'],
    ['LOCK TABLE (ACCESS EXCLUSIVE by default)', 'LOCK TABLE public.orders, public.order_lines;', '"public.orders"'],
    ['LOCK TABLE … IN SHARE MODE', 'LOCK TABLE orders IN SHARE MODE;', '"orders"'],
  ])('SQL: %s waits for its lock like any ALTER TABLE', (_what, statement, table) => {
    const result = lint(`SELECT 1;\n${statement}\n`, 'migrations/0043_maintenance.sql');
    expect(findingKeys(result)).toEqual(['require-lock-timeout@2:1']);
    expect(result.findings[0].message).toContain(`lock on ${table}`);
  });

  test('SQL: LOCK TABLE in a mode that lets writes go on (ROW EXCLUSIVE and weaker) keeps nobody waiting', () => {
    expect(findingKeys(lint('BEGIN;\nLOCK TABLE orders IN ROW EXCLUSIVE MODE;\nUPDATE orders SET total = 0 WHERE total IS NULL;\nCOMMIT;\n', 'migrations/0044_totals.sql'))).toEqual([]);
  });

  test('SQL: a new table whose key points at itself waits on the other table it references (infisical certificate authorities)', () => {
    const sql = 'CREATE TABLE certificate_authorities (\n  id uuid PRIMARY KEY,\n  "parentCaId" uuid REFERENCES certificate_authorities (id),\n  "projectId" text NOT NULL REFERENCES projects (id)\n);\n';
    const result = lint(sql, 'migrations/0045_certificate_authorities.sql');
    expect(findingKeys(result)).toEqual(['require-lock-timeout@1:1']);
    expect(result.findings[0].message).toBe(
      'This statement waits for a blocking lock on "projects" with no lock_timeout set; while it waits, every write to the table queues behind it.',
    );
  });

  test.each([
    ['an index build (SHARE)', 'CREATE INDEX orders_placed_at_idx ON orders (placed_at);', 'write to'],
    ['a foreign key (SHARE ROW EXCLUSIVE on both tables)', 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);', 'write to'],
    ['CREATE TRIGGER (SHARE ROW EXCLUSIVE)', 'CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();', 'write to'],
    ['ADD COLUMN (ACCESS EXCLUSIVE)', 'ALTER TABLE orders ADD COLUMN note text;', 'query on'],
    ['DROP TRIGGER (ACCESS EXCLUSIVE)', 'DROP TRIGGER orders_touch ON orders;', 'query on'],
    ['LOCK TABLE … IN SHARE ROW EXCLUSIVE MODE', 'LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE;', 'write to'],
    ['LOCK TABLE … IN ACCESS EXCLUSIVE MODE', 'LOCK TABLE orders IN ACCESS EXCLUSIVE MODE NOWAIT;', 'query on'],
  ])('SQL: the message says what queues behind %s', (_what, statement, queued) => {
    const result = lint(`${statement}\n`, 'migrations/0046_orders.sql');
    expect(result.findings.find((finding) => finding.rule === 'require-lock-timeout')?.message).toContain(`while it waits, every ${queued} the table queues behind it.`);
  });

  test("SQL: a lock on the runner's own bookkeeping table keeps no query of the application waiting (lemmy's guard against diesel's CLI)", () => {
    const sql = 'CREATE TRIGGER forbid_diesel_cli BEFORE INSERT ON __diesel_schema_migrations FOR EACH ROW EXECUTE FUNCTION forbid_diesel_cli();\nALTER TABLE knex_migrations ADD COLUMN note text;\n';
    expect(findingKeys(lint(sql, 'migrations/2025-08-01-000017_forbid_diesel_cli/up.sql'))).toEqual([]);
  });

  test('SQL: a plain VACUUM or ANALYZE, or VACUUM (FULL false), blocks no one', () => {
    const result = lint('VACUUM ANALYZE orders;\nVACUUM (FULL false) orders;\nVACUUM (FULL 0) orders;\nANALYZE orders;\n', 'migrations/0044_stats.sql');
    expect(findingKeys(result)).toEqual([]);
  });

  test('SQL: statements after SET lock_timeout are not counted', () => {
    const sql = 'ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE orders ADD COLUMN memo text;\nSET lock_timeout = \'2s\';\nALTER TABLE orders ADD COLUMN tag text;\n';
    const result = lint(sql, 'migrations/0042_notes.sql');
    expect(findingKeys(result)).toEqual(['require-lock-timeout@1:1']);
    expect(result.findings[0].message).toContain('This statement (and 1 more in this file) waits');
    expect(result.findings[0].help).toBe("Put SET lock_timeout = '2s'; at the top of the migration, and retry the migration when it times out.");
  });
});

describe('require-lock-timeout: DROP INDEX and REINDEX INDEX lock the index\'s table', () => {
  const { SchemaReplay } = require('../../src/schema/replay') as typeof import('../../src/schema/replay');
  /** The file linted after the earlier migrations, as a run over the folder lints it. */
  const after = (earlier: string, text: string) => {
    const replay = new SchemaReplay();
    lintSql(earlier, { replay }, 'db/001_orders.sql');
    return lintSql(text, { replay }, 'db/002_next.sql');
  };
  const ORDERS = 'CREATE TABLE orders (id bigint PRIMARY KEY, status text);\nCREATE INDEX orders_status_idx ON orders (status);\n';

  test('the finding names the table the history built the index on, not the index', () => {
    const timeout = (statement: string) => after(ORDERS, statement).findings.find((finding) => finding.rule === 'require-lock-timeout')?.message;
    expect(timeout('DROP INDEX orders_status_idx;\n')).toBe('This statement waits for a blocking lock on "orders" with no lock_timeout set; while it waits, every query on the table queues behind it.');
    expect(timeout('REINDEX INDEX orders_status_idx;\n')).toBe('This statement waits for a blocking lock on "orders" with no lock_timeout set; while it waits, every write to the table queues behind it.');
  });

  test('an index of a table created earlier in the same migration has nobody to wait for', () => {
    const text = 'CREATE TABLE carts (id bigint, user_id bigint);\nCREATE INDEX carts_user_idx ON carts (user_id);\nDROP INDEX carts_user_idx;\n';
    expect(findingKeys(after(ORDERS, text))).toEqual([]);
  });

  test('an index the history does not know stands for its (existing) table', () => {
    expect(findingKeys(after(ORDERS, 'DROP INDEX IF EXISTS event_json_room_id;\n'))).toEqual(['require-concurrent-index-deletion@1:1', 'require-lock-timeout@1:1']);
  });

  test('the message then calls the lock one on the table of that index, not on a table of its name (quickwit)', () => {
    const shards = 'CREATE TABLE IF NOT EXISTS shards (\n    index_uid VARCHAR(282) NOT NULL,\n    source_id VARCHAR(255) NOT NULL,\n    shard_id BIGINT NOT NULL,\n    PRIMARY KEY (index_uid, source_id, shard_id)\n);\n';
    const result = after(shards, 'DROP INDEX IF EXISTS shards_index_uid_idx;\n');
    expect(findingKeys(result)).toEqual(['require-concurrent-index-deletion@1:1', 'require-lock-timeout@1:1']);
    expect(result.findings[1].message).toBe(
      'This statement waits for a blocking lock on the table of index "shards_index_uid_idx" with no lock_timeout set; while it waits, every query on the table queues behind it.',
    );
  });
});
