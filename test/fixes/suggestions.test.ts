import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { frontendsOf } from '../../src/engine/rule';
import { suggestionFor } from '../../src/fixes/suggest';
import { prepareLinting } from '../../src/lint';
import { EXPECTED } from './expected-suggestions';
import { type ExampleCase, exampleCases, flagged } from './examples';

beforeAll(prepareLinting);

/**
 * The first flagged example of each rule in each front-end, and the suggestion
 * its finding gets, exactly: in the file's language, with the example's names.
 */
function firstPerFrontend(): ExampleCase[] {
  const seen = new Set<string>();
  return exampleCases().filter((item) => {
    const key = `${item.rule.id} ${item.frontend}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

describe('every error rule has a suggestion, and a test of it per front-end it applies to', () => {
  const errorRules = allRules.filter((rule) => rule.meta.severity === 'error');

  test('every error rule but syntax-error declares one (what fixes a syntax error is the user\'s SQL)', () => {
    expect(errorRules.filter((rule) => !rule.meta.suggestion).map((rule) => rule.id)).toEqual(['syntax-error']);
  });

  test.each(errorRules.filter((rule) => rule.meta.suggestion).map((rule) => [rule.id, rule] as const))('%s: a case per front-end', (_id, rule) => {
    const tested = Object.keys(EXPECTED).filter((key) => key.startsWith(`${rule.id} `)).map((key) => key.slice(rule.id.length + 1));
    expect(tested.sort()).toEqual([...frontendsOf(rule.examples)].filter((frontend) => rule.examples.invalid.some((example) => frontend in example)).sort());
  });
});

describe.each(firstPerFrontend().map((item) => [`${item.rule.id} ${item.frontend}`, item] as const))('%s', (key, item) => {
  test('the steps, in the language of the file', () => {
    const { rule } = item;
    const { result, finding } = flagged(item);
    const suggestion = suggestionFor(finding, result, rule);
    expect(suggestion?.description.startsWith(rule.meta.suggestion?.description ?? '-')).toBe(true);
    expect(suggestion?.steps.map((step) => [step.migration + (step.at ? ` ${step.at}` : ''), step.code])).toEqual(EXPECTED[key]);
  });
});

test('steps promise the lock they take at most; steps that change no table promise none', () => {
  const steps = exampleCases().flatMap((item) => {
    const { result, finding } = flagged(item);
    return suggestionFor(finding, result, item.rule)?.steps ?? [];
  });
  const withoutLock = steps.filter((step) => step.lock === undefined).map((step) => step.code);
  expect(withoutLock.every((code) => /SET (lock|statement)_timeout|COMMIT|CREATE DOMAIN|IF (NOT )?EXISTS|SeparateDatabaseAndState/.test(code))).toBe(true);
});

test('a flagged statement that must leave a transactional migration with other statements goes to a migration of its own, and says so', () => {
  const knex = "exports.up = async (knex) => {\n  await knex.raw('ALTER TABLE orders ADD COLUMN note text');\n  await knex.raw('CREATE INDEX orders_note_idx ON orders (note)');\n};\n";
  const { lintText } = require('../../src/lint') as typeof import('../../src/lint');
  const { RuleSettings } = require('../../src/config/rule-settings') as typeof import('../../src/config/rule-settings');
  const result = lintText(knex, '20240101000000_note.js', { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules) });
  if ('skipped' in result) throw new Error('skipped');
  const finding = result.findings.find((candidate) => candidate.rule === 'require-concurrent-index-creation');
  const suggestion = finding && suggestionFor(finding, result, allRules.find((candidate) => candidate.id === finding.rule));
  expect(suggestion?.description).toMatch(/It cannot run in this migration's transaction: take it out of this migration\.$/);
  expect(suggestion?.steps).toEqual([
    {
      migration: 'next',
      lock: 'ShareUpdateExclusiveLock',
      code:
        "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note)');\n};\n\nexports.down = async (knex) => {\n  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS orders_note_idx');\n};",
    },
  ]);
});

test('a migration written for several databases is never rewritten whole: a lone statement that must leave the transaction goes to a migration of its own', () => {
  const typeorm = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNoteIndex1709300000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    switch (queryRunner.connection.options.type) {
      case 'postgres':
        await this.postgresUp(queryRunner);
        break;
      case 'mysql':
        await queryRunner.query('CREATE INDEX \`IDX_orders_note\` ON \`orders\` (\`note\`)');
        break;
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}

  private async postgresUp(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE INDEX "IDX_orders_note" ON "orders" ("note")\`);
  }
}
`;
  const { lintText } = require('../../src/lint') as typeof import('../../src/lint');
  const { RuleSettings } = require('../../src/config/rule-settings') as typeof import('../../src/config/rule-settings');
  const result = lintText(typeorm, 'src/migrations/1709300000000-AddNoteIndex.ts', { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules) });
  if ('skipped' in result) throw new Error('skipped');
  const finding = result.findings.find((candidate) => candidate.rule === 'require-concurrent-index-creation');
  // Found in the method the PostgreSQL case calls (called once, handed only the query runner), not at the call.
  expect(finding && [finding.line, finding.column]).toEqual([18, 30]);
  const suggestion = finding && suggestionFor(finding, result, allRules.find((candidate) => candidate.id === finding.rule));
  expect(suggestion?.steps.map((step) => [step.migration, step.at])).toEqual([['next', undefined]]);
  expect(suggestion?.steps[0].code).toContain('export class AddNoteIndexNext1709300000001 implements MigrationInterface {');
});

describe('written in the runner\'s dialect and the file\'s module style', () => {
  const { lintText } = require('../../src/lint') as typeof import('../../src/lint');
  const { RuleSettings } = require('../../src/config/rule-settings') as typeof import('../../src/config/rule-settings');
  const rule = allRules.find((candidate) => candidate.id === 'require-concurrent-index-creation');
  /** The steps for an index built without CONCURRENTLY, beside another statement, in this file. */
  const stepsFor = (text: string, file: string, assumeInTransaction = false) => {
    const result = lintText(text, file, { pgVersion: 15, assumeInTransaction, settings: new RuleSettings(allRules) });
    if ('skipped' in result) throw new Error('skipped');
    const finding = result.findings.find((candidate) => candidate.rule === 'require-concurrent-index-creation');
    return finding && suggestionFor(finding, result, rule)?.steps.map((step) => [step.migration, step.code]);
  };
  const SQL = 'ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX orders_note_idx ON orders (note);\n';
  const INDEX = 'CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);';

  test.each([
    ['goose', `-- +goose Up\n${SQL}`, 'db/20240301_note.sql', false, `-- +goose NO TRANSACTION\n-- +goose Up\n${INDEX}`],
    ['dbmate', `-- migrate:up\n${SQL}\n-- migrate:down\n`, 'db/migrations/20240301_note.sql', false, `-- migrate:up transaction:false\n${INDEX}\n\n-- migrate:down`],
    ['sql-migrate', `-- +migrate Up\n${SQL}`, 'migrations/1_note.sql', false, `-- +migrate Up notransaction\n${INDEX}`],
    ['diesel', SQL, 'migrations/2024-03-01-000000_note/up.sql', true, `-- (with run_in_transaction = false in this migration's metadata.toml)\n${INDEX}`],
    ['golang-migrate (a file sent as one query)', SQL, 'migrations/000005_note.up.sql', false, `-- (alone in a migration file of its own: a file of several statements runs as one transaction)\n${INDEX}`],
    ['flyway (a migration with CONCURRENTLY runs without a transaction)', SQL, 'db/migration/V5__note.sql', false, INDEX],
    ['a runner told to wrap every file', SQL, 'migrations/005_note.sql', true, `-- (run this migration outside a transaction)\n${INDEX}`],
  ])('%s', (_runner, text, file, assumed, code) => {
    expect(stepsFor(text, file, assumed)).toEqual([['next', code]]);
  });

  test('sqlx (a crate that depends on it): -- no-transaction as the new file\'s first line', () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const os = require('node:os') as typeof import('node:os');
    const path = require('node:path') as typeof import('node:path');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-sqlx-'));
    fs.writeFileSync(path.join(root, 'Cargo.toml'), '[dependencies]\nsqlx = { version = "0.8", features = ["postgres"] }\n');
    expect(stepsFor(SQL, path.join(root, 'migrations', '20240301000000_note.sql'))).toEqual([['next', `-- no-transaction\n${INDEX}`]]);
  });

  test.each([
    ['ory/pop (a Go module that requires it): a file named .autocommit.', 'go.mod', 'module github.com/acme/authd\n\nrequire github.com/ory/pop/v6 v6.4.2\n', 'persistence/sql/migrations/20240301000000000000_note.postgres.up.sql', `-- (alone in a migration file named <version>_<name>.autocommit.up.sql: pop runs it outside a transaction)\n${INDEX}`],
    ['postgres-migrations (a package that depends on it): its disable-transaction marker', 'package.json', '{ "dependencies": { "postgres-migrations": "^5.3.0" } }\n', 'migrations/0005-note.sql', `-- postgres-migrations disable-transaction\n${INDEX}`],
  ])('%s', (_runner, manifest, text, name, code) => {
    const fs = require('node:fs') as typeof import('node:fs');
    const os = require('node:os') as typeof import('node:os');
    const path = require('node:path') as typeof import('node:path');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-runner-'));
    fs.writeFileSync(path.join(root, manifest), text);
    expect(stepsFor(SQL, path.join(root, name))).toEqual([['next', code]]);
  });

  test("drizzle (a folder with drizzle-kit's journal): the migrator's one transaction cannot be left, so the index is built apart from it", () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const os = require('node:os') as typeof import('node:os');
    const path = require('node:path') as typeof import('node:path');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-drizzle-'));
    fs.mkdirSync(path.join(root, 'drizzle', 'meta'), { recursive: true });
    fs.writeFileSync(path.join(root, 'drizzle', 'meta', '_journal.json'), '{"version":"7","dialect":"postgresql","entries":[]}\n');
    expect(stepsFor(SQL, path.join(root, 'drizzle', '0004_note.sql'))).toEqual([
      ['next', `-- (drizzle's migrator applies its migrations in one transaction: run this apart from it, with psql or a script, before or after the deploy)\n${INDEX}`],
    ]);
  });

  const knexUp = "  await knex.raw('ALTER TABLE orders ADD COLUMN note text');\n  await knex.raw('CREATE INDEX orders_note_idx ON orders (note)');\n";
  test.each([
    ['CommonJS', `exports.up = async (knex) => {\n${knexUp}};\n`, '20240301_note.js', "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note)');\n};\n\nexports.down = async (knex) => {\n  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS orders_note_idx');\n};"],
    ['ESM', `export async function up(knex) {\n${knexUp}}\n`, '20240301_note.mjs', "export const config = { transaction: false };\n\nexport async function up(knex) {\n  await knex.raw('CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note)');\n}\n\nexport async function down(knex) {\n  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS orders_note_idx');\n}"],
    ['TypeScript', `import type { Knex } from 'knex';\n\nexport async function up(db: Knex): Promise<void> {\n${knexUp.replace(/knex\./g, 'db.')}}\n`, '20240301_note.ts', "import type { Knex } from 'knex';\n\nexport const config = { transaction: false };\n\nexport async function up(db: Knex): Promise<void> {\n  await db.raw('CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note)');\n}\n\nexport async function down(db: Knex): Promise<void> {\n  await db.raw('DROP INDEX CONCURRENTLY IF EXISTS orders_note_idx');\n}"],
  ])('Knex, %s', (_style, text, file, code) => {
    expect(stepsFor(text, file)).toEqual([['next', code]]);
  });

  test('TypeORM compiled to CommonJS', () => {
    const text = "module.exports = class Note1709300000000 {\n  async up(queryRunner) {\n    await queryRunner.query(`ALTER TABLE \"orders\" ADD \"note\" text`);\n    await queryRunner.query(`CREATE INDEX \"IDX_orders_note\" ON \"orders\" (\"note\")`);\n  }\n};\n";
    expect(stepsFor(text, '1709300000000-Note.js')).toEqual([
      [
        'next',
        "module.exports = class NoteNext1709300000001 {\n  transaction = false; // TypeORM honours it with migrationsTransactionMode: 'each' in the data source\n\n  async up(queryRunner) {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY \"IDX_orders_note\" ON \"orders\" (\"note\")`);\n  }\n\n  async down(queryRunner) {\n    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS \"IDX_orders_note\"`);\n  }\n};",
      ],
    ]);
  });
});

describe("changing-column-type's backfill writes what the migration's USING computes", () => {
  const { lintText } = require('../../src/lint') as typeof import('../../src/lint');
  const { RuleSettings } = require('../../src/config/rule-settings') as typeof import('../../src/config/rule-settings');
  const rule = allRules.find((candidate) => candidate.id === 'changing-column-type');
  /** The next migration's step for each type change of the file (the backfill). */
  const backfills = (text: string) => {
    const result = lintText(text, 'migrations/005_types.sql', { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules) });
    if ('skipped' in result) throw new Error('skipped');
    return result.findings.filter((finding) => finding.rule === 'changing-column-type').map((finding) => suggestionFor(finding, result, rule)?.steps.find((step) => step.migration === 'next')?.code);
  };

  test('an expression as written, also in a clause among others; a cast of the column as before', () => {
    const sql = "ALTER TABLE events ALTER COLUMN \"createdAt\" TYPE timestamptz USING \"createdAt\" AT TIME ZONE 'UTC',\n  ALTER COLUMN kind TYPE int USING CASE WHEN kind = 'a' THEN 1 ELSE 2 END;\nALTER TABLE events ALTER COLUMN n TYPE bigint USING n::bigint;\n";
    expect(backfills(sql)).toEqual([
      `UPDATE events SET "createdAt_new" = "createdAt" AT TIME ZONE 'UTC' WHERE "createdAt_new" IS NULL;`,
      "UPDATE events SET kind_new = CASE WHEN kind = 'a' THEN 1 ELSE 2 END WHERE kind_new IS NULL;",
      'UPDATE events SET n_new = n::bigint WHERE n_new IS DISTINCT FROM n::bigint;',
    ]);
  });
});

describe('changing-column-type: a change that rewrites nothing is kept, not expanded and contracted', () => {
  const { lintText } = require('../../src/lint') as typeof import('../../src/lint');
  const { RuleSettings } = require('../../src/config/rule-settings') as typeof import('../../src/config/rule-settings');
  const { SchemaReplay } = require('../../src/schema/replay') as typeof import('../../src/schema/replay');
  const { findingHelp } = require('../../src/engine/rule') as typeof import('../../src/engine/rule');
  const rule = allRules.find((candidate) => candidate.id === 'changing-column-type');
  if (!rule) throw new Error('no changing-column-type');

  /** Each changing-column-type finding of the second migration: line, severity, help and the suggestion's description and steps. */
  const changes = (file: string, text: string) => {
    const settings = new RuleSettings(allRules);
    const replay = new SchemaReplay();
    lintText('CREATE TABLE products (id bigint PRIMARY KEY, name varchar(50), created timestamp);\n', 'migrations/001_init.sql', { pgVersion: 15, assumeInTransaction: false, settings, replay });
    const result = lintText(text, file, { pgVersion: 15, assumeInTransaction: false, settings, replay });
    if ('skipped' in result) throw new Error('skipped');
    return result.findings
      .filter((finding) => finding.rule === 'changing-column-type')
      .map((finding) => {
        const suggestion = suggestionFor(finding, result, rule);
        return { line: finding.line, severity: finding.severity, help: finding.help, description: suggestion?.description, steps: suggestion?.steps.length };
      });
  };

  test('SQL: a longer varchar is a warning whose help and suggestion say to keep it under a lock_timeout; a rewrite and a time zone change are not', () => {
    const sql = 'ALTER TABLE products ALTER COLUMN name TYPE varchar(255);\nALTER TABLE products ALTER COLUMN id TYPE text;\nALTER TABLE products ALTER COLUMN created TYPE timestamptz;\n';
    expect(changes('migrations/002_types.sql', sql)).toEqual([
      {
        line: 1,
        severity: 'warning',
        help: "It rewrites nothing: keep it. Put SET lock_timeout = '2s'; at the top of the migration, and retry the migration when it times out, so that its lock cannot queue the table's queries.",
        description: 'No new column is needed: keep the statement as it is, under a short lock_timeout.',
        steps: 0,
      },
      { line: 2, severity: 'error', help: rule.meta.help, description: rule.meta.suggestion?.description, steps: 3 },
      {
        line: 3,
        severity: 'error',
        help: "On PostgreSQL 12+, put SET TIME ZONE 'UTC' before the change in the same migration, and nothing is rewritten; check that the code reads the values as it should. Otherwise add a new column of the new type and backfill it.",
        description: rule.meta.suggestion?.description,
        steps: 3,
      },
    ]);
    // The documentation's help (no finding) is the rewriting case's.
    expect(findingHelp(rule.meta, { frontend: 'sql', subject: {} })).toBe(rule.meta.help);
  });

  test("Knex: the help says where the file's own code sets lock_timeout", () => {
    const knex = "exports.up = async (knex) => {\n  await knex.schema.alterTable('products', (table) => {\n    table.string('name', 255).alter();\n  });\n};\n";
    expect(changes('migrations/002_name.js', knex)).toEqual([
      {
        line: 3,
        severity: 'warning',
        help: 'It rewrites nothing: keep it. Put await knex.raw("SET lock_timeout = \'2s\'") at the start of up(), and retry the migration when it times out, so that its lock cannot queue the table\'s queries.',
        description: 'No new column is needed: keep the statement as it is, under a short lock_timeout.',
        steps: 0,
      },
    ]);
  });
});

describe('a runner that sends a migration without its transaction as one query: a statement that cannot run in one is alone in its migration', () => {
  const { lintText } = require('../../src/lint') as typeof import('../../src/lint');
  const { RuleSettings } = require('../../src/config/rule-settings') as typeof import('../../src/config/rule-settings');
  const stepsFor = (ruleId: string, text: string, file: string) => {
    const result = lintText(text, file, { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules) });
    if ('skipped' in result) throw new Error('skipped');
    const finding = result.findings.find((candidate) => candidate.rule === ruleId);
    return finding && suggestionFor(finding, result, allRules.find((candidate) => candidate.id === ruleId))?.steps.map((step) => [step.migration, step.code]);
  };
  const INDEX = 'CREATE UNIQUE INDEX CONCURRENTLY usage_user_id_key ON usage (user_id);';
  const ADOPT = 'ALTER TABLE usage ADD CONSTRAINT usage_user_id_key UNIQUE USING INDEX usage_user_id_key;';

  test('golang-migrate, the constraint alone in its file: the index replaces it, the constraint adopts it in the next migration', () => {
    expect(stepsFor('disallowed-unique-constraint', 'ALTER TABLE usage ADD CONSTRAINT usage_user_id_key UNIQUE (user_id);\n', 'migrations/7_add_unique_usage_user_id.up.sql')).toEqual([
      ['this', INDEX],
      ['next', ADOPT],
    ]);
  });

  test('golang-migrate, beside another statement: the index in a file of its own, then the constraint in the one after', () => {
    const text = 'ALTER TABLE usage ADD COLUMN storage_consumed bigint;\nALTER TABLE usage ADD CONSTRAINT usage_user_id_key UNIQUE (user_id);\n';
    expect(stepsFor('disallowed-unique-constraint', text, 'migrations/7_add_unique_usage_user_id.up.sql')).toEqual([
      ['next', `-- (alone in a migration file of its own: a file of several statements runs as one transaction)\n${INDEX}`],
      ['later', ADOPT],
    ]);
  });

  test('goose runs each statement of a NO TRANSACTION migration on its own: one migration holds both', () => {
    const text = '-- +goose Up\nALTER TABLE usage ADD COLUMN storage_consumed bigint;\nALTER TABLE usage ADD CONSTRAINT usage_user_id_key UNIQUE (user_id);\n';
    expect(stepsFor('disallowed-unique-constraint', text, 'db/migrations/20240301_unique_usage.sql')).toEqual([['next', `-- +goose NO TRANSACTION\n-- +goose Up\n${INDEX}\n${ADOPT}`]]);
  });

  test('dbmate, whose transaction:false sends the section as one query: the index, then the constraint, each in a migration of its own', () => {
    const text = '-- migrate:up\nALTER TABLE usage ADD COLUMN storage_consumed bigint;\nALTER TABLE usage ADD CONSTRAINT usage_user_id_key UNIQUE (user_id);\n\n-- migrate:down\n';
    expect(stepsFor('disallowed-unique-constraint', text, 'db/migrations/20240301000000_unique_usage.sql')).toEqual([
      ['next', `-- migrate:up transaction:false\n${INDEX}\n\n-- migrate:down`],
      ['later', `-- migrate:up\n${ADOPT}\n\n-- migrate:down`],
    ]);
  });

  test('diesel sends a migration whose metadata.toml turns its transaction off as one query: the index, then the constraint, each in a migration of its own', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-diesel-'));
    const folder = path.join(root, 'migrations/2024-03-01-000000_unique_usage');
    fs.mkdirSync(folder, { recursive: true });
    const text = 'ALTER TABLE usage ADD COLUMN storage_consumed bigint;\nALTER TABLE usage ADD CONSTRAINT usage_user_id_key UNIQUE (user_id);\n';
    fs.writeFileSync(path.join(folder, 'up.sql'), text);
    fs.writeFileSync(path.join(folder, 'metadata.toml'), 'run_in_transaction = false\n');
    expect(stepsFor('disallowed-unique-constraint', text, path.join(folder, 'up.sql'))).toEqual([
      ['next', `-- (with run_in_transaction = false in this migration's metadata.toml)\n${INDEX}`],
      ['later', ADOPT],
    ]);
  });

  test('golang-migrate, several indexes dropped at once: each DROP INDEX CONCURRENTLY in a migration of its own', () => {
    const text = 'DROP INDEX otts_email_idx, otts_app_idx;\n';
    expect(stepsFor('require-concurrent-index-deletion', text, 'migrations/83_fix_ott_index.up.sql')).toEqual([
      ['this', 'DROP INDEX CONCURRENTLY otts_email_idx;'],
      ['next', '-- (alone in a migration file of its own: a file of several statements runs as one transaction)\nDROP INDEX CONCURRENTLY otts_app_idx;'],
    ]);
  });
});
