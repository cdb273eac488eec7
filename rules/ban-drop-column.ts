import { defineRule } from '../src/engine/rule';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'ban-drop-column',
  meta: {
    category: 'compatibility',
    severity: 'error',
    description: 'Dropping a column breaks code that still uses it',
    message: ({ table, column }) =>
      `Dropping column "${table}"."${column}" breaks application code that still reads or writes it.`,
    help: 'Stop reading and writing the column (ORM: mark it ignored), deploy, then drop it in a later migration.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: false }],
    suggestion: {
      description: 'Stop using the column in the application first (ORM: remove it from the model, or mark it ignored) and deploy; drop it in a later migration. If it is NOT NULL without a default, drop NOT NULL first, so that the new code can insert rows.',
      steps: (operation) =>
        operation.kind === 'dropColumn'
          ? [
              { migration: 'this', actions: [{ kind: 'stateOnly' }] },
              { migration: 'later', application: `Stop reading and writing "${qualifiedName(operation.table)}"."${operation.column}", and deploy.`, lock: 'AccessExclusiveLock', actions: [{ kind: 'flagged', databaseOnly: true }] },
            ]
          : undefined,
    },
    rationale: `While a migration runs, the previous release of the application is still serving traffic. Its queries
name the column explicitly, or its ORM lists every mapped column in \`SELECT\` and \`INSERT\`; the moment the
column is gone those queries fail with \`column does not exist\`.

Dropping a column safely takes two deploys: first ship code that no longer uses the column (in an ORM, mark
it ignored so it is left out of generated queries), then drop it in a later migration.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RemoveField(model_name=\"order\", name=\"note\"),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropColumn('users', 'age');\n  }\n}\n", line: 5 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"users\" DROP COLUMN \"age\"`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.dropColumn('age');\n  });\n};\n", line: 3 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.dropColumns('legacy_flags');\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE users DROP COLUMN age;', line: 1, column: 1 },
      { sql: "SET lock_timeout = '2s';\nALTER TABLE users\n  DROP COLUMN IF EXISTS legacy_flags;", line: 2 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.SeparateDatabaseAndState(state_operations=[migrations.RemoveField(model_name=\"order\", name=\"note\")]),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'drafts', columns: [{ name: 'body', type: 'text' }] }));\n    await queryRunner.dropColumn('drafts', 'body');\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('drafts', (t) => { t.text('body'); });\n  await knex.schema.alterTable('drafts', (t) => { t.dropColumn('body'); });\n};\n" },
      { sql: 'ALTER TABLE users ADD COLUMN age bigint;' },
      { sql: 'CREATE TABLE drafts (id bigint, body text);\nALTER TABLE drafts DROP COLUMN body;' },
      { sql: 'ALTER TABLE users DROP COLUMN age;', options: { fileName: '20240101_add_age.down.sql' } },
      { sql: '-- +goose Up\nALTER TABLE users ADD COLUMN age bigint;\n-- +goose Down\nALTER TABLE users DROP COLUMN age;' },
    ],
  },
  create: (context) => ({
    dropColumn(operation) {
      // A new table's columns, or a column added earlier in this run (a temporary copy, say): no code reads them.
      if (context.isNewTable(operation.table) || context.isNewColumn(operation.table, operation.column)) return;
      context.report(operation, { table: qualifiedName(operation.table), column: operation.column });
    },
  }),
});
