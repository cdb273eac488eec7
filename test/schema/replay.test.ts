import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import type { FileResult } from '../../src/engine/finding';
import { isSkipped, lintText, prepareLinting } from '../../src/lint';
import { describeSchema } from '../../src/schema/describe';
import { SchemaReplay } from '../../src/schema/replay';

beforeAll(prepareLinting);

interface Migration {
  file: string;
  text: string;
  /** New in this run (`--since`, `--staged`): what it makes is new for the later ones. */
  isNew?: boolean;
}

/** Lints the migrations in order against one replayed schema, as the CLI does: `file:line:column rule severity` per finding. */
function replayRun(migrations: readonly Migration[], replay = new SchemaReplay({ recordNotModelled: true })) {
  const settings = new RuleSettings(allRules);
  const results: FileResult[] = migrations.map(({ file, text, isNew }) => {
    const result = lintText(text, file, { pgVersion: 15, assumeInTransaction: false, settings, replay, newInRun: isNew });
    if (isSkipped(result)) throw new Error(`${file} was skipped: ${result.skipped}`);
    return result;
  });
  const findings = results.flatMap((result) => result.findings.filter((finding) => finding.rule !== 'require-lock-timeout').map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule} ${finding.severity}`));
  const messages = results.flatMap((result) => result.findings.filter((finding) => finding.rule !== 'require-lock-timeout').map((finding) => finding.message));
  return { findings, messages, replay, schema: describeSchema(replay.catalogue, replay.notModelled) };
}

const knex = (body: string) => `exports.up = async (knex) => {\n${body}\n};\nexports.down = async (knex) => {\n  await knex.schema.dropTable('users');\n};\n`;
const typeorm = (name: string, body: string) =>
  `import { MigrationInterface, QueryRunner, Table, TableColumn, TableCheck } from 'typeorm';\n\nexport class ${name} implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${body}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropTable('accounts');\n  }\n}\n`;

describe('the schema model', () => {
  test('SQL: schemas, tables with rows or not, column types, nullability, defaults, identity, indexes, constraints, partitions, enums, views', () => {
    const { schema } = replayRun([
      {
        file: '001_init.sql',
        text: `CREATE SCHEMA billing;
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, name text DEFAULT 'x', tags text[], price numeric(10,2), mood mood, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE billing.invoices (id bigint GENERATED ALWAYS AS IDENTITY, user_id bigint REFERENCES users (id), total numeric, at timestamptz) PARTITION BY RANGE (at);
CREATE TABLE billing.invoices_2024 PARTITION OF billing.invoices FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE UNIQUE INDEX users_lower_email ON users (lower(email)) WHERE email IS NOT NULL;
CREATE VIEW active_users AS SELECT id, email FROM users;
CREATE TABLE archive AS SELECT * FROM users;
`,
      },
      {
        file: '002_change.sql',
        text: `ALTER TABLE users ADD CONSTRAINT users_price_positive CHECK (price > 0) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_name_nn CHECK (name IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_name_nn;
ALTER TYPE mood ADD VALUE 'happy';
ALTER TABLE users RENAME COLUMN tags TO labels;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
`,
      },
    ]);
    expect(schema.schemas).toEqual(['billing']);
    expect(schema.tables.map((table) => [table.schema, table.name, table.rows, table.partitioned ?? false, table.partitionOf ?? null])).toEqual([
      [null, 'archive', 'filled', false, null],
      ['billing', 'invoices', 'empty', true, null],
      ['billing', 'invoices_2024', 'empty', false, 'billing.invoices'],
      [null, 'users', 'empty', false, null],
    ]);
    const users = schema.tables[3];
    expect(users.columns).toEqual([
      { name: 'id', type: 'bigint', notNull: true, default: "nextval('users_id_seq'::regclass)" },
      { name: 'email', type: 'character varying(255)', notNull: true, default: null },
      { name: 'name', type: 'text', notNull: false, default: "'x'" },
      { name: 'labels', type: 'text[]', notNull: false, default: null },
      { name: 'price', type: 'numeric(10,2)', notNull: false, default: null },
      { name: 'mood', type: 'mood', notNull: false, default: null },
      { name: 'created_at', type: 'timestamp with time zone', notNull: true, default: 'now()' },
    ]);
    expect(users.indexes.map((index) => [index.name, index.unique, index.partial, index.columns, index.expressionColumns ?? [], index.constraint ?? false])).toEqual([
      ['users_email_key', true, false, ['email'], [], true],
      ['users_lower_email', true, true, [], ['email'], false],
      ['users_pkey', true, false, ['id'], [], true],
    ]);
    expect(users.constraints.map((constraint) => [constraint.name, constraint.kind, constraint.columns, constraint.validated])).toEqual([
      ['users_email_key', 'unique', ['email'], true],
      ['users_name_nn', 'check', [], true],
      ['users_pkey', 'primaryKey', ['id'], true],
      ['users_price_positive', 'check', [], false],
    ]);
    const invoices = schema.tables[1];
    expect(invoices.columns[0]).toEqual({ name: 'id', type: 'bigint', notNull: true, default: null, generated: 'identity' });
    expect(invoices.partitions).toEqual(['billing.invoices_2024']);
    expect(invoices.constraints).toEqual([{ name: 'invoices_user_id_fkey', nameChosen: true, kind: 'foreignKey', columns: ['user_id'], validated: true, references: { table: 'users', columns: ['id'] } }]);
    expect(schema.types).toEqual([{ schema: null, name: 'mood', kind: 'enum', values: ['sad', 'ok', 'happy'] }]);
    expect(schema.views).toEqual([{ schema: null, name: 'active_users', tables: ['users'], columns: ['id', 'email'] }]);
    // CREATE EXTENSION may make types and tables the model does not know: counted and listed.
    expect(schema.notModelled).toEqual([{ file: '002_change.sql', line: 6, statement: 'CreateExtensionStmt' }]);
  });

  test('Knex builder calls and TypeORM API calls update the same model as SQL', () => {
    const { schema } = replayRun([
      { file: '20240101000000_users.js', text: knex(`  await knex.schema.createTable('users', (t) => {\n    t.increments('id');\n    t.string('email', 100).notNullable().unique();\n    t.integer('age');\n    t.timestamps(true, true);\n  });`) },
      { file: '20240102000000_accounts.ts', text: typeorm('Accounts1704153600000', "    await queryRunner.createTable(new Table({ name: 'accounts', columns: [{ name: 'id', type: 'uuid', isPrimary: true }, { name: 'owner', type: 'varchar', length: '40', isNullable: false }] }));\n    await queryRunner.addColumn('users', new TableColumn({ name: 'nickname', type: 'varchar', length: '30', isNullable: true }));") },
      { file: '20240103000000_alter.js', text: knex("  await knex.schema.alterTable('users', (t) => {\n    t.string('email', 255).notNullable().alter();\n    t.dropColumn('age');\n    t.index(['nickname'], 'users_nickname_idx');\n  });") },
    ]);
    expect(schema.tables.map((table) => table.name)).toEqual(['accounts', 'users']);
    const [accounts, users] = schema.tables;
    expect(accounts.columns.map((column) => [column.name, column.type, column.notNull])).toEqual([
      ['id', 'uuid', true],
      ['owner', 'character varying(40)', true],
    ]);
    expect(users.columns.map((column) => [column.name, column.type, column.notNull])).toEqual([
      ['id', 'integer', true],
      ['email', 'character varying(255)', true],
      ['created_at', 'timestamp with time zone', true],
      ['updated_at', 'timestamp with time zone', true],
      ['nickname', 'character varying(30)', false],
    ]);
    expect(users.indexes.map((index) => index.name)).toEqual(['users_email_unique', 'users_nickname_idx', 'users_pkey']);
  });

  test('a quoted type keeps its case (Prisma\'s enums), while built-in types are named as PostgreSQL names them whatever the spelling', () => {
    const { schema, findings } = replayRun([
      { file: '001.sql', text: 'CREATE TYPE "Role" AS ENUM (\'USER\', \'ADMIN\');\nCREATE TABLE "User" (id SERIAL PRIMARY KEY, roles "Role"[] NOT NULL, kind "Role", note VARCHAR(20));\n' },
      { file: '002.sql', text: 'ALTER TABLE "User" ALTER COLUMN kind TYPE "Role";\n' },
    ]);
    expect(schema.types.map((type) => type.name)).toEqual(['Role']);
    expect(schema.tables[0].columns.map((column) => column.type)).toEqual(['integer', 'Role[]', 'Role', 'character varying(20)']);
    expect(findings).toEqual([]);
  });

  test('statements that read or write rows are not counted as unmodelled; ones that may change the schema are', () => {
    const { replay } = replayRun([
      { file: '001.sql', text: "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\nUPDATE t SET id = 2;\nSET search_path = public;\nCREATE EXTENSION hstore;\nCREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();\nCOMMENT ON TABLE t IS 'x';\n" },
    ]);
    expect(replay.notModelledCount).toBe(replay.notModelled.length);
    expect(replay.notModelled.map((entry) => `${entry.line} ${entry.statement}`)).toEqual(['5 CreateExtensionStmt', '6 CreateTrigStmt', '7 CommentStmt']);
  });
});

describe('rules read the replayed schema', () => {
  const products = { file: '001_products.sql', text: 'CREATE TABLE products (id bigint PRIMARY KEY, price integer, name varchar(50), code varchar(10) NOT NULL, note text, at timestamp, net cidr, amount numeric(8,2));\n' };

  test('changing-column-type: re-stated, catalogue-only (a warning naming what still happens), rewriting (an error that says so), and unknown', () => {
    const { findings, messages } = replayRun([
      products,
      {
        file: '002_retype.sql',
        text: `ALTER TABLE products ALTER COLUMN code TYPE varchar(10);
ALTER TABLE products ALTER COLUMN name TYPE varchar(255);
ALTER TABLE products ALTER COLUMN note TYPE varchar;
ALTER TABLE products ALTER COLUMN amount TYPE numeric(12,2);
ALTER TABLE products ALTER COLUMN net TYPE inet;
ALTER TABLE products ALTER COLUMN price TYPE bigint;
ALTER TABLE products ALTER COLUMN amount TYPE numeric(12,4);
ALTER TABLE products ALTER COLUMN at TYPE timestamptz;
ALTER TABLE legacy ALTER COLUMN value TYPE bigint;
`,
      },
    ]);
    expect(findings).toEqual([
      '002_retype.sql:2:1 changing-column-type warning',
      '002_retype.sql:3:1 changing-column-type warning',
      '002_retype.sql:4:1 changing-column-type warning',
      '002_retype.sql:5:1 changing-column-type warning',
      '002_retype.sql:6:1 changing-column-type error',
      '002_retype.sql:7:1 changing-column-type error',
      '002_retype.sql:8:1 changing-column-type error',
      '002_retype.sql:9:1 changing-column-type error',
      '002_retype.sql:9:1 unknown-object warning',
    ]);
    expect(messages[0]).toBe('Changing the type of "products"."name" from varchar(50) to varchar(255) rewrites no rows (PostgreSQL changes only the catalogue), but still takes an ACCESS EXCLUSIVE lock on "products" while it waits and runs.');
    expect(messages[4]).toBe('Changing the type of "products"."price" from int4 to int8 rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock, and can break code that expects the old type.');
    expect(messages[6]).toMatch(/from timestamp to timestamptz rewrites the table under an ACCESS EXCLUSIVE lock unless the session's time zone is UTC/);
    expect(messages[7]).toBe('Changing the type of "legacy"."value" to int8 can rewrite the table under an ACCESS EXCLUSIVE lock and break code that expects the old type.');
  });

  test('changing-column-type: a view on the column keeps even a catalogue-only change an error, and names the view', () => {
    const { findings, messages } = replayRun([products, { file: '002_view.sql', text: 'CREATE VIEW named AS SELECT id, name FROM products;\n' }, { file: '003_widen.sql', text: 'ALTER TABLE products ALTER COLUMN name TYPE text;\n' }]);
    expect(findings).toEqual(['003_widen.sql:1:1 changing-column-type error']);
    expect(messages[0]).toMatch(/View "named" uses the column: PostgreSQL refuses the change until it is dropped\.$/);
  });

  test("Knex's alter() re-stating the type (uuid, with its USING cast) is no finding; a Knex widening is a warning", () => {
    const { findings } = replayRun([
      { file: '20240101000000_members.sql', text: 'CREATE TABLE members (id bigint PRIMARY KEY, role_id uuid, title varchar(50));\n' },
      { file: '20240102000000_alter.js', text: knex("  await knex.schema.alterTable('members', (t) => {\n    t.uuid('role_id').nullable().alter();\n    t.string('title', 120).alter();\n  });") },
    ]);
    expect(findings).toEqual(['20240102000000_alter.js:4:5 changing-column-type warning']);
  });

  test('ban-drop-not-null only for a column that is NOT NULL; adding-not-nullable-field silent for a NOT NULL column or after a validated check (SQL, Knex, TypeORM)', () => {
    const { findings } = replayRun([
      products,
      { file: '002_nulls.sql', text: 'ALTER TABLE products ALTER COLUMN note DROP NOT NULL;\nALTER TABLE products ALTER COLUMN code DROP NOT NULL;\nALTER TABLE products ALTER COLUMN id SET NOT NULL;\n' },
      { file: '003_check.sql', text: 'ALTER TABLE products ADD CONSTRAINT name_nn CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE products ADD CONSTRAINT note_nn CHECK (note IS NOT NULL) NOT VALID;\n' },
      { file: '004_validate.sql', text: 'ALTER TABLE products VALIDATE CONSTRAINT name_nn;\n' },
      { file: '005_set.sql', text: 'ALTER TABLE products ALTER COLUMN name SET NOT NULL;\nALTER TABLE products ALTER COLUMN note SET NOT NULL;\n' },
      { file: '20240106000000_knex_check.js', text: knex("  await knex.schema.alterTable('products', (t) => {\n    t.check('?? IS NOT NULL', ['at'], 'products_at_nn');\n  });") },
      { file: '20240107000000_knex_set.js', text: knex("  await knex.schema.alterTable('products', (t) => {\n    t.dropNullable('at');\n  });") },
      { file: '20240108000000_typeorm_check.ts', text: typeorm('Check1704672000000', "    await queryRunner.createCheckConstraint('products', new TableCheck({ name: 'products_net_nn', expression: '\"net\" IS NOT NULL' }));\n    await queryRunner.query('ALTER TABLE \"products\" ALTER COLUMN \"net\" SET NOT NULL');") },
    ]);
    // The checks Knex and TypeORM add are validated as they are added: a finding of their own, and enough for SET NOT NULL.
    expect(findings).toEqual([
      '002_nulls.sql:2:1 ban-drop-not-null warning',
      '005_set.sql:2:1 adding-not-nullable-field error',
      '20240106000000_knex_check.js:3:5 constraint-missing-not-valid error',
      '20240108000000_typeorm_check.ts:5:23 constraint-missing-not-valid error',
    ]);
  });

  test('a column added earlier in the same migration, or in one new in this run, can be dropped and renamed; one added by a deployed migration cannot', () => {
    const { findings } = replayRun([
      products,
      { file: '002_temp.sql', text: 'ALTER TABLE products ADD COLUMN temp_price bigint;\nUPDATE products SET temp_price = price;\nALTER TABLE products DROP COLUMN temp_price;\nALTER TABLE products ADD COLUMN draft text;\n' },
      { file: '003_new.sql', text: 'ALTER TABLE products ADD COLUMN slug text;\n', isNew: true },
      { file: '004_use.sql', text: 'ALTER TABLE products RENAME COLUMN slug TO handle;\nALTER TABLE products DROP COLUMN handle;\nALTER TABLE products DROP COLUMN draft;\n', isNew: true },
    ]);
    expect(findings).toEqual(['004_use.sql:3:1 ban-drop-column error']);
  });

  test('a table filled by a query is not new: its index is a finding while the transaction holds other locks', () => {
    const { findings } = replayRun([
      products,
      {
        file: '002_copy.sql',
        text: "SET lock_timeout = '2s';\nBEGIN;\nALTER TABLE products ADD COLUMN sold_count int;\nCREATE TABLE sold AS SELECT id, price FROM products;\nCREATE INDEX sold_price_idx ON sold (price);\nCREATE TABLE fresh (id bigint, price int);\nCREATE INDEX fresh_price_idx ON fresh (price);\nCOMMIT;\n",
      },
      // Outside a transaction nothing else is locked while the index is built: nobody waits on it.
      { file: '003_fill.sql', text: "SET lock_timeout = '2s';\nCREATE TABLE later (id bigint);\nINSERT INTO later SELECT id FROM products;\nCREATE INDEX later_id_idx ON later (id);\n" },
    ]);
    expect(findings).toEqual(['002_copy.sql:5:1 require-concurrent-index-creation error']);
  });

  test('a table created under `if (!(await hasTable(t)))` that the whole history lacks is new, like CREATE TABLE IF NOT EXISTS; one the history has is not (kener)', () => {
    const init = {
      file: 'migrations/20250111153517_init.ts',
      text: `import type { Knex } from "knex";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("monitors", (table) => {
    table.increments("id").primary();
    table.string("tag", 255).notNullable().unique();
  });
  await knex.schema.createTable("subscribers", (table) => {
    table.increments("id").primary();
    table.string("email", 255).notNullable();
  });
}
`,
    };
    const guarded = {
      file: 'migrations/20260109120000_add_maintenances_tables.ts',
      text: `import type { Knex } from "knex";

export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable("maintenances"))) {
    await knex.schema.createTable("maintenances", (table) => {
      table.increments("id").primary();
      table.string("status", 50).notNullable().defaultTo("ACTIVE");
    });
  }
  if (!(await knex.schema.hasTable("subscribers"))) {
    await knex.schema.createTable("subscribers", (table) => {
      table.increments("id").primary();
    });
  }

  if (!(await knex.schema.hasTable("maintenance_monitors"))) {
    await knex.schema.createTable("maintenance_monitors", (table) => {
      table.increments("id").primary();
      table.integer("maintenance_id").unsigned().notNullable();
      table.string("monitor_tag", 255).notNullable();
      table.foreign("maintenance_id").references("id").inTable("maintenances").onDelete("CASCADE");
      table.foreign("monitor_tag").references("tag").inTable("monitors").onDelete("CASCADE");
    });
  }

  await knex.raw("CREATE INDEX idx_maintenances_status ON maintenances (status)");
  await knex.schema.alterTable("maintenance_monitors", (table) => {
    table.unique(["maintenance_id", "monitor_tag"]);
  });
  await knex.schema.alterTable("subscribers", (table) => {
    table.index(["email"]);
  });
}
`,
    };
    const { findings, messages } = replayRun([init, guarded]);
    expect(findings).toEqual(['migrations/20260109120000_add_maintenances_tables.ts:31:5 require-concurrent-index-creation error']);
    expect(messages[0]).toContain('"subscribers"');
    // Alone, with no history to say the table was not there, the guard is a run-time condition as before.
    const alone = replayRun([guarded]);
    expect(alone.findings).toEqual([
      'migrations/20260109120000_add_maintenances_tables.ts:26:19 require-concurrent-index-creation error',
      'migrations/20260109120000_add_maintenances_tables.ts:28:5 disallowed-unique-constraint error',
      'migrations/20260109120000_add_maintenances_tables.ts:31:5 require-concurrent-index-creation error',
    ]);
  });

  test('unknown-object: typos and missing objects in a whole history; silent under IF EXISTS, and off when the history starts part-way', () => {
    const whole = replayRun([
      products,
      { file: '002_typos.sql', text: 'ALTER TABLE prodcts ADD COLUMN x int;\nALTER TABLE products DROP COLUMN nmae;\nDROP INDEX idx_products_name;\nALTER TABLE products DROP CONSTRAINT IF EXISTS nope;\nALTER TYPE colour ADD VALUE \'red\';\nDROP TABLE IF EXISTS gone;\n' },
    ]);
    expect(whole.findings.filter((finding) => finding.includes('unknown-object'))).toEqual([
      '002_typos.sql:1:1 unknown-object warning',
      '002_typos.sql:2:1 unknown-object warning',
      '002_typos.sql:3:1 unknown-object warning',
      '002_typos.sql:5:1 unknown-object warning',
    ]);
    expect(whole.messages[0]).toBe('Table "prodcts" is not in the schema the earlier migrations build: a typo, a migration out of order or a missing one would make this statement fail.');

    const partWay = replayRun([{ file: '001_alter.sql', text: 'ALTER TABLE users ADD COLUMN bio text;\n' }, { file: '002_more.sql', text: 'ALTER TABLE accounts DROP COLUMN legacy;\n' }]);
    expect(partWay.findings.filter((finding) => finding.includes('unknown-object'))).toEqual([]);
    expect(partWay.replay.incompleteReason).toBe('the first migrations change "users", which they do not create');
  });

  test('ALTER TABLE … RENAME of an index or of a serial or identity column\'s sequence (as when a table moves to a new name) is not a table rename', () => {
    const { findings, replay } = replayRun([
      { file: '001_events.sql', text: 'CREATE TABLE events (id serial PRIMARY KEY, at timestamptz);\nCREATE TABLE audits (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);\n' },
      {
        file: '002_move.sql',
        text: `ALTER TABLE events RENAME TO log_events;
ALTER TABLE events_id_seq RENAME TO log_events_id_seq;
ALTER TABLE events_pkey RENAME TO log_events_pkey;
ALTER TABLE audits_id_seq RENAME TO audit_id_seq;
ALTER TABLE log_events_id_seq RENAME TO events_id_seq2;
ALTER TABLE no_such_seq RENAME TO other_seq;
`,
      },
    ]);
    // The table rename and the name that is nothing known are findings; the index and the sequences are neither renamed tables nor unknown.
    expect(findings).toEqual(['002_move.sql:1:1 renaming-table error', '002_move.sql:6:1 renaming-table error', '002_move.sql:6:1 unknown-object warning']);
    expect(replay.index({ name: 'log_events_pkey' })?.table.name).toBe('log_events');
    expect(replay.sequence({ name: 'events_id_seq2' })?.table.name).toBe('log_events');
    expect(replay.sequence({ name: 'audit_id_seq' })?.column.name).toBe('id');
  });

  test("an enum drizzle-kit creates in a DO block, renamed and dropped when it is recreated, is no unknown object (PageSpace)", () => {
    const { findings, messages } = replayRun([
      { file: '0087_add_workflows.sql', text: 'CREATE TABLE IF NOT EXISTS "workflows" (\n\t"id" text PRIMARY KEY NOT NULL,\n\t"name" text NOT NULL\n);\n' },
      {
        file: '0088_add_workflow_event_triggers.sql',
        text: `DO $$ BEGIN
 CREATE TYPE "public"."WorkflowTriggerType" AS ENUM('cron', 'event');
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
ALTER TABLE "workflows" ADD COLUMN "triggerType" "WorkflowTriggerType" DEFAULT 'cron' NOT NULL;
`,
      },
      {
        file: '0115_soft_kinsey_walden.sql',
        text: `ALTER TABLE "workflows" ALTER COLUMN "triggerType" DROP DEFAULT;--> statement-breakpoint
ALTER TYPE "WorkflowTriggerType" RENAME TO "WorkflowTriggerType_old";--> statement-breakpoint
CREATE TYPE "WorkflowTriggerType" AS ENUM('cron', 'event');--> statement-breakpoint
ALTER TABLE "workflows" ALTER COLUMN "triggerType" TYPE "WorkflowTriggerType" USING ("triggerType"::text::"WorkflowTriggerType");--> statement-breakpoint
ALTER TABLE "workflows" ALTER COLUMN "triggerType" SET DEFAULT 'cron';--> statement-breakpoint
DROP TYPE "WorkflowTriggerType_old";--> statement-breakpoint
DROP TYPE "NoSuchType_old";
`,
      },
    ]);
    // The column follows its type to the old name, so moving it to the new type is a change (which rewrites the table);
    // a type no migration made, even out of sight, is still reported.
    expect(findings).toEqual(['0115_soft_kinsey_walden.sql:4:1 changing-column-type error', '0115_soft_kinsey_walden.sql:7:1 unknown-object warning']);
    expect(messages[0]).toContain('from WorkflowTriggerType_old to WorkflowTriggerType rewrites the table');
  });

  test('a mixed SQL and Knex folder replays as one history', () => {
    const { findings } = replayRun([
      { file: '20240101000000_init.sql', text: 'CREATE TABLE orders (id bigint PRIMARY KEY, total integer NOT NULL, ref varchar(20));\n' },
      { file: '20240102000000_widen.js', text: knex("  await knex.schema.alterTable('orders', (t) => {\n    t.string('ref', 64).alter();\n    t.bigInteger('total').notNullable().alter();\n  });") },
      { file: '20240103000000_again.sql', text: 'ALTER TABLE orders ALTER COLUMN ref TYPE varchar(64);\nALTER TABLE orders ALTER COLUMN total DROP NOT NULL;\n' },
    ]);
    expect(findings).toEqual([
      '20240102000000_widen.js:3:5 changing-column-type warning',
      '20240102000000_widen.js:4:5 changing-column-type error',
      '20240103000000_again.sql:2:1 ban-drop-not-null warning',
    ]);
  });
});

describe('a migration beside the history (a squashed migration beside its originals)', () => {
  test('is checked against the schema, which it leaves as it was: tables, columns, indexes, renames', () => {
    const replay = new SchemaReplay();
    replayRun([{ file: '001.sql', text: 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\nCREATE INDEX users_email_idx ON users (email);\n' }], replay);
    const place = { location: { line: 1, column: 1, endLine: 1, endColumn: 1 }, anchorLine: 1 };
    replay.beginFile({ name: '002_squashed.sql', isNew: false, besideHistory: true });
    replay.apply({ kind: 'dropNotNull', ...place, table: { name: 'users' }, column: 'email' });
    replay.apply({ kind: 'renameTable', ...place, table: { name: 'users' }, newName: 'members' });
    replay.apply({ kind: 'dropIndex', ...place, names: [{ name: 'users_email_idx' }], concurrently: false, ifExists: false });
    expect(replay.table({ name: 'members' })?.columns.find((column) => column.name === 'email')?.notNull).toBe(false);
    expect(replay.index({ name: 'users_email_idx' })).toBeUndefined();
    replay.endFile();
    expect(replay.table({ name: 'members' })).toBeUndefined();
    expect(replay.table({ name: 'users' })?.indexes.map((index) => index.name)).toEqual(['users_pkey', 'users_email_idx']);
    expect(replay.index({ name: 'users_email_idx' })?.table).toBe(replay.table({ name: 'users' }));
    const { findings } = replayRun([{ file: '003.sql', text: 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;\n' }], replay);
    expect(findings).toEqual(['003.sql:1:1 ban-drop-not-null warning']);
  });
});

describe('a migration deferred from the cache', () => {
  const migrations: Migration[] = [
    { file: 'm/001.sql', text: 'CREATE TABLE users (id bigint PRIMARY KEY, name text);\nCREATE INDEX users_name_idx ON users (name);\n' },
    { file: 'm/002.sql', text: 'ALTER TABLE users ADD COLUMN age integer;\nALTER TABLE users RENAME TO people;\n', isNew: true },
  ];
  const hash = (text: string) => require('node:crypto').createHash('sha1').update(text).digest('hex') as string;

  test('moves the digest as applying it would, and is in the model once the model is read', () => {
    const applied = new SchemaReplay({ hash });
    const eager = replayRun(migrations, applied);
    const deferred = new SchemaReplay({ hash });
    for (const migration of migrations) {
      // The effect and its digest as a first run leaves them in the cache.
      const result = lintText(migration.text, migration.file, { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules), replay: new SchemaReplay({ hash }) });
      if (isSkipped(result) || !result.schemaEffect) throw new Error(`${migration.file} has no effect`);
      const start = { name: migration.file, isNew: migration.isNew === true };
      const operations = result.schemaEffect.operations;
      deferred.deferFile(start, () => ({ start, operations }), effectDigest(start, operations));
    }
    expect(deferred.digest).toBe(applied.digest);
    expect(deferred.digest).not.toBe('');
    expect(describeSchema(deferred.catalogue, deferred.notModelled)).toEqual(eager.schema);
    expect(eager.schema.tables.map((table) => table.name)).toEqual(['people']);
    expect(deferred.isNewColumn({ name: 'people' }, 'age')).toBe(true);
  });

  function effectDigest(start: { name: string; isNew: boolean }, operations: Parameters<SchemaReplay['applyFile']>[1]): string {
    const replay = new SchemaReplay({ hash });
    replay.applyFile(start, operations);
    return replay.lastEffectDigest;
  }
});
