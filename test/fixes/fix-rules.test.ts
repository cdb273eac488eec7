import { parse as parseJs } from '@babel/parser';
import { parseSql } from '../../src/frontends/sql/parser';
import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import type { FileResult } from '../../src/engine/finding';
import { codeActions } from '../../src/fixes';
import { applyEdits } from '../../src/fixes/sql-edits';
import { type LintOptions, isSkipped, lintText, prepareLinting } from '../../src/lint';

beforeAll(prepareLinting);

/**
 * Each fixable rule, per front-end, through the API the CLI and editors share:
 * the file as `--fix` leaves it (exactly), which parses (SQL with PostgreSQL's
 * parser, Knex and TypeORM code with Babel), and lints again without the
 * finding and without any new one. And the files it must leave alone.
 */

const options = (extra: Partial<LintOptions> = {}): LintOptions => ({ pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules), ...extra });

function lint(text: string, file: string, extra: Partial<LintOptions>): FileResult {
  const result = lintText(text, file, options(extra));
  if (isSkipped(result)) throw new Error(`skipped: ${result.skipped}`);
  return result;
}

/** The text with the fix of the rule's finding applied (undefined when it has none). */
function fixed(rule: string, text: string, file: string, extra: Partial<LintOptions> = {}): string | undefined {
  const result = lint(text, file, extra);
  const action = codeActions(text, result, allRules, options(extra)).find((candidate) => candidate.finding.rule === rule);
  if (!action) throw new Error(`no ${rule} finding in ${file}`);
  return action.fix && applyEdits(text, action.fix.edits.map((edit) => ({ start: edit.start.offset, end: edit.end.offset, text: edit.newText })));
}

function parses(text: string, file: string): void {
  if (file.endsWith('.sql')) {
    parseSql(text.replace(/^-- \+goose Down[\s\S]*$/m, ''));
    return;
  }
  parseJs(text, { sourceType: 'module', plugins: file.endsWith('.ts') ? ['typescript'] : [] });
}

type Case = [rule: string, file: string, before: string, after: string, extra?: Partial<LintOptions>];

const TYPEORM_EACH = { typeormTransactionMode: 'each' as const };
/** With prefer-robust-stmts on, a statement the fix takes out of the runner's transaction must then be re-runnable too. */
const STRICT = { settings: new RuleSettings(allRules, 'strict') };

/** A crate that depends on sqlx, whose migrations run in a transaction unless they begin with `-- no-transaction`. */
function sqlxCrate(): string {
  const fs = require('node:fs') as typeof import('node:fs');
  const os = require('node:os') as typeof import('node:os');
  const path = require('node:path') as typeof import('node:path');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-sqlx-'));
  fs.writeFileSync(path.join(root, 'Cargo.toml'), '[dependencies]\nsqlx = { version = "0.8", features = ["postgres"] }\n');
  return path.join(root, 'migrations');
}
const SQLX = sqlxCrate();

/** A package that depends on postgres-migrations, whose files run in a transaction unless they say disable-transaction. */
function postgresMigrationsPackage(): string {
  const fs = require('node:fs') as typeof import('node:fs');
  const os = require('node:os') as typeof import('node:os');
  const path = require('node:path') as typeof import('node:path');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-postgres-migrations-'));
  fs.writeFileSync(path.join(root, 'package.json'), '{ "dependencies": { "postgres-migrations": "^5.3.0" } }\n');
  return path.join(root, 'migrations');
}
const POSTGRES_MIGRATIONS = postgresMigrationsPackage();

/** A Go module that requires ory/pop, whose up migrations run in a transaction unless named `.autocommit.`. */
function popModule(): string {
  const fs = require('node:fs') as typeof import('node:fs');
  const os = require('node:os') as typeof import('node:os');
  const path = require('node:path') as typeof import('node:path');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-pop-'));
  fs.writeFileSync(path.join(root, 'go.mod'), 'module github.com/acme/authd\n\nrequire github.com/ory/pop/v6 v6.4.2\n');
  return path.join(root, 'migrations');
}
const POP = popModule();

const CASES: Case[] = [
  // SQL, in the runner's dialect.
  ['require-concurrent-reindex', 'db/migrations/20240401_reindex.sql', '-- +goose Up\nREINDEX INDEX orders_customer_idx;\n', '-- +goose NO TRANSACTION\n-- +goose Up\nREINDEX INDEX CONCURRENTLY orders_customer_idx;\n'],
  ['require-concurrent-partition-detach', 'db/migrations/20240401_detach.sql', '-- migrate:up\nALTER TABLE measurements DETACH PARTITION measurements_2023;\n\n-- migrate:down\n', '-- migrate:up transaction:false\nALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;\n\n-- migrate:down\n'],
  ['require-concurrent-index-creation', 'migrations/7_status.sql', '-- +migrate Up\nCREATE INDEX orders_status_idx ON orders (status);\n', '-- +migrate Up notransaction\nCREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n'],
  ['require-concurrent-index-creation', `${SQLX}/20240401000000_status_idx.sql`, 'CREATE INDEX orders_status_idx ON orders (status);\n', '-- no-transaction\nCREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n'],
  ['require-concurrent-index-creation', `${POSTGRES_MIGRATIONS}/0007-status-idx.sql`, 'CREATE INDEX orders_status_idx ON orders (status);\n', '-- postgres-migrations disable-transaction\nCREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n'],
  ['require-concurrent-index-deletion', 'db/migration/V7__drop_status_idx.sql', 'DROP INDEX orders_status_idx;\n', 'DROP INDEX CONCURRENTLY orders_status_idx;\n'],
  ['ban-concurrent-index-creation-in-transaction', 'db/migrations/20240401_concurrent.sql', '-- +goose Up\nCREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n', '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n'],
  ['require-lock-timeout', 'migrations/008_note.sql', '-- a note for each order\nALTER TABLE orders ADD COLUMN note text;\n', "-- a note for each order\nSET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN note text;\n"],
  // Knex: the SQL of knex.raw, the runner's transaction in the file's module style.
  ['require-concurrent-reindex', '20240401000000_reindex.mjs', 'export async function up(knex) {\n  await knex.raw(`REINDEX TABLE orders`);\n}\n', 'export const config = { transaction: false };\n\nexport async function up(knex) {\n  await knex.raw(`REINDEX TABLE CONCURRENTLY orders`);\n}\n'],
  ['require-concurrent-partition-detach', '20240401000000_detach.ts', "import type { Knex } from 'knex';\n\nexport async function up(knex: Knex): Promise<void> {\n  await knex.raw('ALTER TABLE measurements DETACH PARTITION measurements_2023');\n}\n", "import type { Knex } from 'knex';\n\nexport const config = { transaction: false };\n\nexport async function up(knex: Knex): Promise<void> {\n  await knex.raw('ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY');\n}\n"],
  ['ban-concurrent-index-creation-in-transaction', '20240401000000_concurrent.js', "exports.up = async (knex) => {\n  await knex.raw('DROP INDEX CONCURRENTLY orders_status_idx');\n};\n", "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('DROP INDEX CONCURRENTLY orders_status_idx');\n};\n"],
  ['require-lock-timeout', '20240401000000_note.js', "exports.up = async function (knex) {\n  await knex.schema.alterTable('orders', (table) => {\n    table.text('note');\n  });\n};\n", "exports.up = async function (knex) {\n  await knex.raw(\"SET lock_timeout = '2s'\");\n  await knex.schema.alterTable('orders', (table) => {\n    table.text('note');\n  });\n};\n"],
  // TypeORM: query() SQL and the QueryRunner API; transaction = false where the data source runs each migration in its own.
  ['require-concurrent-reindex', '1711900000000-Reindex.ts', "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Reindex1711900000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`REINDEX INDEX \"IDX_orders_status\"`);\n  }\n}\n", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Reindex1711900000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`REINDEX INDEX CONCURRENTLY \"IDX_orders_status\"`);\n  }\n}\n", TYPEORM_EACH],
  ['ban-concurrent-index-creation-in-transaction', '1711900000000-Concurrent.js', "module.exports = class Concurrent1711900000000 {\n  async up(queryRunner) {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY \"IDX_orders_status\" ON \"orders\" (\"status\")`);\n  }\n};\n", "module.exports = class Concurrent1711900000000 {\n  transaction = false;\n\n  async up(queryRunner) {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY \"IDX_orders_status\" ON \"orders\" (\"status\")`);\n  }\n};\n", TYPEORM_EACH],
  ['require-lock-timeout', '1711900000000-Note.ts', "import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';\n\nexport class Note1711900000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'note', type: 'text', isNullable: true }));\n  }\n}\n", "import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';\n\nexport class Note1711900000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(\"SET lock_timeout = '2s'\");\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'note', type: 'text', isNullable: true }));\n  }\n}\n"],
  // Fixes that take a statement out of the transaction, under the strict preset: IF [NOT] EXISTS as well.
  ['ban-concurrent-index-creation-in-transaction', '20240401000000_concurrent.js', "exports.up = async (knex) => {\n  await knex.raw('CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status)');\n};\n", "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status)');\n};\n", STRICT],
  ['require-concurrent-index-deletion', 'db/migrations/20240401_drop.sql', '-- +goose Up\nDROP INDEX orders_status_idx;\n', '-- +goose NO TRANSACTION\n-- +goose Up\nDROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;\n', STRICT],
];

describe.each(CASES.map((item) => [`${item[0]} in ${item[1]}`, item] as const))('%s', (_title, [rule, file, before, after, extra = {}]) => {
  test('--fix makes exactly this change, which parses and lints again without the finding or any new one', () => {
    const text = fixed(rule, before, file, extra);
    expect(text).toBe(after);
    parses(after, file);
    const was = lint(before, file, extra).findings.map((finding) => finding.rule);
    const now = lint(after, file, extra).findings.map((finding) => finding.rule);
    expect(now.filter((id) => id === rule).length).toBe(was.filter((id) => id === rule).length - 1);
    for (const id of new Set(now)) expect(now.filter((other) => other === id).length).toBeLessThanOrEqual(was.filter((other) => other === id).length);
  });
});

test.each<Case>([
  // Not alone in its transactional migration: the statement must move to a migration of its own (the suggestion).
  ['require-concurrent-reindex', 'db/migrations/20240401_reindex.sql', '-- +goose Up\nALTER TABLE orders ADD COLUMN note text;\nREINDEX INDEX orders_customer_idx;\n', ''],
  // A file golang-migrate sends as one query: no marker can turn its transaction off.
  ['ban-concurrent-index-creation-in-transaction', 'migrations/000007_status.up.sql', 'ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n', ''],
  // pop is told by the file's name, which a fix does not change.
  ['require-concurrent-index-creation', `${POP}/20240401000000000000_status_idx.postgres.up.sql`, 'CREATE INDEX orders_status_idx ON orders (status);\n', ''],
  // TypeORM's default mode runs every migration in one transaction, which a migration cannot turn off.
  ['require-concurrent-reindex', '1711900000000-Reindex.ts', "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Reindex1711900000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`REINDEX INDEX \"IDX_orders_status\"`);\n  }\n}\n", ''],
  // A migration written for several databases: SET would fail on the others.
  ['require-lock-timeout', '20240401000000_note.js', "exports.up = async (knex) => {\n  if (knex.client.config.client === 'pg') await knex.raw('CREATE EXTENSION IF NOT EXISTS citext');\n  await knex.schema.alterTable('orders', (table) => {\n    table.text('note');\n  });\n};\n", ''],
  ['require-lock-timeout', '1711900000000-Note.ts', "import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';\n\nexport class Note1711900000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    const type = queryRunner.connection.options.type === 'postgres' ? 'jsonb' : 'text';\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'note', type: 'text', isNullable: true }));\n  }\n}\n", ''],
  // A Knex up() that is not async: nothing can be awaited at its top.
  ['require-lock-timeout', '20240401000000_note.js', "exports.up = function (knex) {\n  return knex.schema.alterTable('orders', (table) => {\n    table.text('note');\n  });\n};\n", ''],
])('no fix: %s in %s', (rule, file, before, _after, extra = {}) => {
  expect(fixed(rule, before, file, extra)).toBeUndefined();
});
