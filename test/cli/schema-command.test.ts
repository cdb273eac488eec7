import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempProject } from './run-cli';

interface SchemaJson {
  version: number;
  tables: Array<{ schema: string | null; name: string; rows: string; columns: Array<{ name: string; type: string | null; notNull: boolean; default: string | null }>; indexes: Array<{ name: string }>; constraints: Array<{ name: string; kind: string; validated: boolean }> }>;
  types: Array<{ name: string; values?: string[] }>;
  notModelled: Array<{ file: string; line: number; statement: string }>;
  skipped: Array<{ file: string; reason: string }>;
  partlyRead: string[];
}

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

describe('migralint schema', () => {
  test('prints the replayed schema like \\d, one block per table, with the statements not modelled', async () => {
    const cwd = tempProject({
      'db/001_init.up.sql': "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL, status text DEFAULT 'new');\nCREATE INDEX users_email_idx ON users (email);\n",
      'db/001_init.down.sql': 'DROP TABLE users;\n',
      'db/002_more.up.sql': 'ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN (\'new\', \'old\')) NOT VALID;\nCREATE EXTENSION IF NOT EXISTS citext;\n',
    });
    const run = await runCli(['schema', 'db'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Table "users"
 Column | Type                   | Nullable | Default
--------+------------------------+----------+---------
 id     | bigint                 | not null |
 email  | character varying(255) | not null |
 status | text                   |          | 'new'
Indexes:
    "users_email_idx" btree (email)
    "users_pkey" PRIMARY KEY, btree (id)
Check constraints:
    "users_status_check" CHECK (… status …) NOT VALID

1 statement not modelled (the schema above may lack what it does):
    db/002_more.up.sql:2 CreateExtensionStmt
`);
    expect(run.stderr).toBe('');
  });

  test('--format json: version 1, tables with columns, indexes and constraints; down migrations are not applied', async () => {
    const cwd = tempProject({
      'db/001_init.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL);\n',
      'db/001_init.down.sql': 'DROP TABLE users;\n',
      'db/002_drop.up.sql': 'ALTER TABLE users DROP COLUMN email;\n',
      'db/002_drop.down.sql': 'ALTER TABLE users ADD COLUMN email varchar(255);\n',
    });
    const run = await runCli(['schema', 'db', '--format', 'json'], { cwd });
    const schema = JSON.parse(run.stdout) as SchemaJson;
    expect(schema.version).toBe(1);
    expect(schema.tables).toEqual([
      {
        schema: null,
        name: 'users',
        rows: 'empty',
        columns: [{ name: 'id', type: 'bigint', notNull: true, default: null }],
        indexes: [{ name: 'users_pkey', nameChosen: true, columns: ['id'], unique: true, partial: false, constraint: true }],
        constraints: [{ name: 'users_pkey', nameChosen: true, kind: 'primaryKey', columns: ['id'], validated: true }],
      },
    ]);
    expect(schema.notModelled).toEqual([]);
    expect(schema.skipped).toEqual([]);
  });

  test('flyway versions are replayed in version order, not name order; the config can order by name', async () => {
    const files = {
      'sql/V1_1__add.sql': 'ALTER TABLE t ADD COLUMN b int;\n',
      'sql/V1_10__retype.sql': 'ALTER TABLE t ALTER COLUMN b TYPE bigint;\n',
      'sql/V1__create.sql': 'CREATE TABLE t (a int);\n',
    };
    const byVersion = JSON.parse((await runCli(['schema', 'sql', '--format', 'json'], { cwd: tempProject(files) })).stdout) as SchemaJson;
    expect(byVersion.tables[0].columns.map((column) => `${column.name} ${column.type}`)).toEqual(['a integer', 'b bigint']);
    // By name, V1_10 and V1_1 come before V1__: the table is made anew after them, with its one column.
    const cwd = tempProject({ ...files, 'migralint.config.json': JSON.stringify({ order: 'name' }) });
    const byName = JSON.parse((await runCli(['schema', 'sql', '--format', 'json'], { cwd })).stdout) as SchemaJson;
    expect(byName.tables[0].columns.map((column) => `${column.name} ${column.type}`)).toEqual(['a integer']);
  });

  test('a flyway baseline migration beside the versioned ones it sums up comes after them: their renames find their tables (hawkbit)', async () => {
    const cwd = tempProject({
      'POSTGRESQL/V1_12_15__baseline___POSTGRESQL.sql': 'CREATE TABLE sp_ds_module (ds_id bigint NOT NULL, module_id bigint NOT NULL);\n',
      'POSTGRESQL/V1_12_33__refactoring_rename___POSTGRESQL.sql': 'alter table sp_ds_module rename to sp_ds_sm;\nalter table sp_ds_sm rename column module_id to sm_id;\n',
      'POSTGRESQL/B1_20_0__1.0.0_baseline__POSTGRESQL.sql': 'CREATE TABLE sp_ds_sm (ds_id bigint NOT NULL, sm_id bigint NOT NULL);\n',
    });
    const lint = JSON.parse((await runCli(['POSTGRESQL', '--format', 'json'], { cwd })).stdout) as { findings: Array<{ rule: string; file: string; line: number; column: number }> };
    expect(lint.findings.map((finding) => `${finding.file} ${finding.rule}@${finding.line}:${finding.column}`)).toEqual([
      'POSTGRESQL/V1_12_33__refactoring_rename___POSTGRESQL.sql renaming-table@1:1',
      'POSTGRESQL/V1_12_33__refactoring_rename___POSTGRESQL.sql require-lock-timeout@1:1',
    ]);
    const schema = JSON.parse((await runCli(['schema', 'POSTGRESQL', '--format', 'json'], { cwd })).stdout) as SchemaJson;
    expect(schema.tables.map((table) => `${table.name}(${table.columns.map((column) => column.name).join(', ')})`)).toEqual(['sp_ds_sm(ds_id, sm_id)']);
  });

  test("synapse's full schema of version 72 comes before the deltas after 72: what they change stays changed", async () => {
    const cwd = tempProject({
      'schema/main/delta/71/01users.sql': 'CREATE TABLE users (name TEXT, password_hash TEXT);\n',
      'schema/main/delta/72/01users_admin.sql': 'ALTER TABLE users ADD COLUMN admin SMALLINT DEFAULT 0 NOT NULL;\n',
      'schema/main/full_schemas/72/full.sql.postgres': 'CREATE TABLE users (name TEXT, password_hash TEXT, admin SMALLINT DEFAULT 0 NOT NULL);\n',
      'schema/main/delta/85/01_add_suspended.sql': 'ALTER TABLE users ADD COLUMN suspended BOOLEAN DEFAULT FALSE NOT NULL;\n',
    });
    const schema = JSON.parse((await runCli(['schema', 'schema/main', '--format', 'json'], { cwd })).stdout) as SchemaJson;
    expect(schema.tables.map((table) => `${table.name}(${table.columns.map((column) => column.name).join(', ')})`)).toEqual(['users(name, password_hash, admin, suspended)']);
  });

  test('Django apps are replayed in their dependency order', async () => {
    const run = await runCli(['schema', 'django', '--format', 'json'], { cwd: FIXTURES });
    const schema = JSON.parse(run.stdout) as SchemaJson;
    expect(schema.tables.map((table) => table.name)).toEqual(['accounts_customer', 'catalog_product', 'shop_order']);
    const order = schema.tables[2];
    expect(order.columns.map((column) => `${column.name} ${column.type}${column.notNull ? ' not null' : ''}`)).toEqual([
      'id bigint not null',
      'status character varying(32) not null',
      'total numeric(12,2) not null',
      'created_at timestamp with time zone not null',
      'customer_id bigint',
      'currency character varying(3) not null',
      'shipped_at timestamp with time zone',
      'channel character varying(16) not null',
    ]);
    expect(order.constraints.map((constraint) => `${constraint.name} ${constraint.kind}${constraint.validated ? '' : ' NOT VALID'}`)).toEqual([
      'order_shipped_at_not_null check NOT VALID',
      'order_total_not_negative check',
      'shop_order_customer_id_f638df20_fk_accounts_customer_id foreignKey',
      'shop_order_pkey primaryKey',
    ]);
    // A RunPython is a data migration, with or without reverse_code (whose absence is a lint finding): no migration is read in part.
    expect(schema.partlyRead).toEqual([]);
    expect(run.stderr).toBe('');
  });

  test('a file that is not a migration is listed as not replayed; several folders print one schema each', async () => {
    const cwd = tempProject({
      'a/001.sql': 'CREATE TABLE a (id int);\n',
      'a/helpers.js': 'module.exports = {};\n',
      'b/001.sql': 'CREATE TABLE b (id int);\n',
    });
    const run = await runCli(['schema', 'a', 'b'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^== a\n\nTable "a"\n[^]*\n== b\n\nTable "b"\n[^]*\n1 file not replayed:\n {4}a\/helpers\.js: .+\n$/);
    expect(run.stderr).toBe('migralint: note: 1 file not replayed (not PostgreSQL migrations)\n');
    const json = JSON.parse((await runCli(['schema', 'a', 'b', '--format', 'json'], { cwd })).stdout) as { sets: Array<{ migrations: string; tables: Array<{ name: string }> }> };
    expect(json.sets.map((set) => `${set.migrations}: ${set.tables.map((table) => table.name).join(', ')}`)).toEqual(['a: a', 'b: b']);
  });

  test('bad options are one line and exit 2; the output file never goes onto a migration', async () => {
    const cwd = tempProject({ 'db/001.sql': 'CREATE TABLE a (id int);\n' });
    expect(await runCli(['schema', 'db', '--format', 'sarif'], { cwd })).toEqual({ code: 2, stdout: '', stderr: 'migralint: schema --format "sarif": choose text or json\n' });
    expect(await runCli(['schema', 'db', '--since', 'main'], { cwd })).toEqual({ code: 2, stdout: '', stderr: 'migralint: schema does not take --since\n' });
    const overwrite = await runCli(['schema', 'db', '-o', 'db/001.sql'], { cwd });
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toMatch(/^migralint: --output-file db\/001\.sql would overwrite a migration/);
    expect(fs.readFileSync(path.join(cwd, 'db/001.sql'), 'utf8')).toBe('CREATE TABLE a (id int);\n');
    const written = await runCli(['schema', 'db', '-o', 'schema.txt'], { cwd });
    expect(written).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readFileSync(path.join(cwd, 'schema.txt'), 'utf8')).toMatch(/^Table "a"\n/);
  });
});
