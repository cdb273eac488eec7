import { defineRule } from '../src/engine/rule';
import { qualifiedName, renamesIndexOrSequence } from '../src/engine/operation-helpers';
import { sameTable } from '../src/engine/file-state';
import type { OperationOf, TableName } from '../src/model/operations';

export default defineRule({
  id: 'renaming-table',
  meta: {
    category: 'compatibility',
    severity: 'error',
    description: 'Renaming a table breaks code that uses the old name',
    message: ({ table, name }) =>
      `Renaming table "${table}" to "${name}" breaks application code that still uses the old name.`,
    help: 'Expand and contract, or rename and leave a view with the old name for one release.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: false }],
    suggestion: {
      description: 'Rename it and, in the same migration, create a view with the old name (PostgreSQL lets the old code read and write through it); drop the view once the application uses the new name.',
      steps: (operation) => {
        if (operation.kind !== 'renameTable') return undefined;
        const renamed = { ...operation.table, name: operation.newName };
        return [
          { migration: 'this', lock: 'AccessExclusiveLock', actions: [{ kind: 'flagged' }, { kind: 'createView', view: operation.table, table: renamed }] },
          { migration: 'later', application: `Switch the application to "${qualifiedName(renamed)}", and deploy.`, lock: 'AccessExclusiveLock', actions: [{ kind: 'dropView', view: operation.table }] },
        ];
      },
    },
    rationale: `Code that is still running during the deploy queries the table by its old name and fails as soon as
the rename commits.

Either migrate in steps (new table, dual writes, backfill, switch, drop), or rename the table and create a
simple view under the old name in the same transaction so old code keeps working; drop the view one release
later.

A table set aside under another name and made again under its old name in the same transaction (a rebuild),
or renamed with a view left under the old name, is not reported: the old code finds the new table, or the view,
when the transaction commits.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AlterModelTable(name=\"order\", table=\"sales_order\"),\n    ]\n", line: 8, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.renameTable('customers', 'clients');\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.renameTable('customers', 'clients');\n};\n", line: 2 },{ sql: 'ALTER TABLE customers RENAME TO clients;', line: 1, column: 1 }],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RenameModel(old_name=\"Order\", new_name=\"SalesOrder\"),\n    ]\n", options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n            options={\"db_table\": \"orders\"},\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'staging', columns: [{ name: 'id', type: 'bigint' }] }));\n    await queryRunner.renameTable('staging', 'imports');\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('staging', (t) => t.bigInteger('id'));\n  await knex.schema.renameTable('staging', 'imports');\n};\n" },{ sql: 'CREATE TABLE staging (id bigint);\nALTER TABLE staging RENAME TO imports;' }],
  },
  create: (context) => {
    // Renames inside a transaction wait for the end of the file: a table or view made under the old name in
    // that transaction (a rebuild that sets the old table aside) is what the old code then finds.
    const pending: Array<{ operation: OperationOf<'renameTable'>; table: TableName }> = [];
    const remade = (table: TableName) => {
      for (let index = pending.length - 1; index >= 0; index--) if (sameTable(pending[index].table, table)) pending.splice(index, 1);
    };
    const report = (operation: OperationOf<'renameTable'>) => context.report(operation, { table: qualifiedName(operation.table), name: operation.newName });
    return {
      renameTable(operation) {
        remade({ ...operation.table, name: operation.newName });
        if (context.isNewTable(operation.table) || renamesIndexOrSequence(context.schema, operation.table)) return;
        if (context.inTransaction) pending.push({ operation, table: operation.table });
        else report(operation);
      },
      createTable(operation) {
        if (!operation.conditional) remade(operation.table);
      },
      other(operation) {
        // A plain view reads and writes through to the renamed table; a materialized one is a copy.
        if (operation.change?.kind === 'createView' && !operation.change.materialized) remade(operation.change.view);
      },
      endOfFile() {
        for (const { operation } of pending) report(operation);
      },
    };
  },
});
