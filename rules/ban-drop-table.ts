import { defineRule } from '../src/engine/rule';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'ban-drop-table',
  meta: {
    category: 'compatibility',
    severity: 'error',
    description: 'Dropping a table breaks code that still uses it',
    message: ({ table }) => `Dropping table "${table}" breaks application code that still queries it, and loses its data.`,
    help: 'Remove every code reference to the table, deploy, and drop it in a later release.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: false }],
    rationale: `The application release that is still running during a deploy may query the table; once it is dropped
those queries fail. The data is gone too, so a rollback of the application cannot bring it back.

Remove all reads and writes first, deploy, and drop the table in a later release (after a backup if the data
may be needed).`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.DeleteModel(name=\"Order\"),\n    ]\n", line: 8, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropTable('audit_log');\n  }\n}\n", line: 5 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`DROP TABLE \"sessions\"`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.dropTable('audit_log');\n};\n", line: 2 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.dropTableIfExists('sessions');\n};\n", line: 2 },
      { sql: 'DROP TABLE audit_log;', line: 1, column: 1 },
      { sql: 'BEGIN;\nDROP TABLE IF EXISTS public.sessions CASCADE;\nCOMMIT;', line: 2 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name=\"Order\")]),\n    ]\n", options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'tmp_import', columns: [{ name: 'id', type: 'bigint' }] }));\n    await queryRunner.dropTable('tmp_import');\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('tmp_import', (t) => t.bigInteger('id'));\n  await knex.schema.dropTable('tmp_import');\n};\n" },
      { sql: 'CREATE TABLE tmp_import (id bigint);\nDROP TABLE tmp_import;' },
      { sql: 'DROP TABLE audit_log;', options: { fileName: 'U3__drop_audit_log.sql' } },
    ],
  },
  create: (context) => ({
    dropTable(operation) {
      const existing = operation.tables.find((table) => !context.isNewTable(table));
      if (existing) context.report(operation, { table: qualifiedName(existing) });
    },
  }),
});
