import { defineRule } from '../src/engine/rule';
import { qualifiedName } from '../src/engine/operation-helpers';
import { sameTable } from '../src/engine/file-state';
import type { OperationOf, TableName } from '../src/model/operations';

export default defineRule({
  id: 'ban-drop-table',
  meta: {
    category: 'compatibility',
    severity: 'error',
    description: 'Dropping a table breaks code that still uses it',
    message: ({ table }) => `Dropping table "${table}" breaks application code that still queries it, and loses its data.`,
    help: 'Remove every code reference to the table, deploy, and drop it in a later release.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: false }],
    suggestion: {
      description: 'Remove every use of the table from the application and deploy; drop it in a later migration.',
      steps: (operation) =>
        operation.kind === 'dropTable'
          ? [
              { migration: 'this', actions: [{ kind: 'stateOnly' }] },
              { migration: 'later', application: `Remove every use of ${operation.tables.map((table) => `"${qualifiedName(table)}"`).join(', ')} from the application, and deploy.`, lock: 'AccessExclusiveLock', actions: [{ kind: 'flagged', databaseOnly: true }] },
            ]
          : undefined,
    },
    rationale: `The application release that is still running during a deploy may query the table; once it is dropped
those queries fail. The data is gone too, so a rollback of the application cannot bring it back.

Remove all reads and writes first, deploy, and drop the table in a later release (after a backup if the data
may be needed).

A table dropped and made again under the same name in the same transaction (rebuilt, or a copy renamed into
its place) is not reported: readers find the new table when the transaction commits.`,
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
  create: (context) => {
    // Drops inside a transaction wait for the end of the file: a table made again under the same name
    // in that transaction (a rebuild, or a copy renamed into place) is what readers then find.
    const pending: Array<{ operation: OperationOf<'dropTable'>; table: TableName }> = [];
    const remade = (table: TableName) => {
      for (let index = pending.length - 1; index >= 0; index--) if (sameTable(pending[index].table, table)) pending.splice(index, 1);
    };
    return {
      dropTable(operation) {
        const existing = operation.tables.find((table) => !context.isNewTable(table));
        if (!existing) return;
        if (context.inTransaction) pending.push({ operation, table: existing });
        else context.report(operation, { table: qualifiedName(existing) });
      },
      createTable(operation) {
        if (!operation.conditional) remade(operation.table);
      },
      renameTable(operation) {
        remade({ ...operation.table, name: operation.newName });
      },
      endOfFile() {
        for (const { operation, table } of pending) context.report(operation, { table: qualifiedName(table) });
      },
    };
  },
});
