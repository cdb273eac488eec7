import { defineRule } from '../src/engine/rule';
import { statement } from '../src/engine/suggestion-steps';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'renaming-column',
  meta: {
    category: 'compatibility',
    severity: 'error',
    description: 'Renaming a column breaks code that uses the old name',
    message: ({ table, column, name }) =>
      `Renaming column "${table}"."${column}" to "${name}" breaks application code that still uses the old name.`,
    help: 'Expand and contract: add the new column, write both, backfill, switch reads, and drop the old one later.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: false }],
    suggestion: {
      description: 'Expand and contract: add the new column; deploy code that writes both and backfill; deploy code that reads the new one; then drop the old one.',
      steps: (operation) => {
        if (operation.kind !== 'renameColumn') return undefined;
        const { table, column, newName } = operation;
        const where = `"${qualifiedName(table)}"`;
        return [
          { migration: 'this', lock: 'AccessExclusiveLock', actions: [{ kind: 'addColumnLike', table, column: newName, like: column }] },
          {
            migration: 'next',
            application: `Write both "${column}" and "${newName}" of ${where} (reads stay on "${column}"), and deploy.`,
            lock: 'RowExclusiveLock',
            actions: [{ kind: 'backfill', table, column: newName, value: { column } }],
          },
          {
            migration: 'later',
            application: `Read "${newName}" and stop writing "${column}", and deploy.`,
            lock: 'AccessExclusiveLock',
            actions: [statement({ kind: 'dropColumn', location: operation.location, anchorLine: operation.anchorLine, table, column, ifExists: false })],
          },
        ];
      },
    },
    rationale: `The release that is running while the migration applies still uses the old column name, so every
query it makes against the column fails from that moment until the new release is fully rolled out.

Rename in steps instead: add the new column, make the application write both, backfill, switch reads to the
new column, and drop the old one in a later migration.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RenameField(model_name=\"order\", old_name=\"note\", new_name=\"remark\"),\n    ]\n", line: 8, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.renameColumn('users', 'email', 'email_address');\n  }\n}\n", line: 5 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"users\" RENAME COLUMN \"email\" TO \"email_address\"`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.renameColumn('email', 'email_address');\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE users RENAME COLUMN email TO email_address;', line: 1, column: 1 },
      { sql: '-- keep the old name for reporting\nALTER TABLE users RENAME email TO primary_email;', line: 2 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RenameField(model_name=\"order\", old_name=\"note\", new_name=\"remark\"),\n    ]\n", options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True, db_column=\"note\")),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'invites', columns: [{ name: 'mail', type: 'text' }] }));\n    await queryRunner.renameColumn('invites', 'mail', 'email');\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('invites', (t) => t.text('mail'));\n  await knex.schema.alterTable('invites', (t) => t.renameColumn('mail', 'email'));\n};\n" },
      { sql: 'CREATE TABLE invites (id bigint, mail text);\nALTER TABLE invites RENAME COLUMN mail TO email;' },
      { sql: 'ALTER TABLE users ADD COLUMN email_address text;' },
    ],
  },
  create: (context) => ({
    renameColumn(operation) {
      if (context.isNewTable(operation.table) || context.isNewColumn(operation.table, operation.column)) return;
      context.report(operation, {
        table: qualifiedName(operation.table),
        column: operation.column,
        name: operation.newName,
      });
    },
  }),
});
