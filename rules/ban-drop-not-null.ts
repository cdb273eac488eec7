import { defineRule } from '../src/engine/rule';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'ban-drop-not-null',
  meta: {
    category: 'compatibility',
    severity: 'warning',
    description: 'Dropping NOT NULL from a column',
    message: ({ table, column }) =>
      `Dropping NOT NULL from "${table}"."${column}" lets nulls in, which code that assumes a value may not handle.`,
    help: 'Make sure every reader copes with null before the migration runs.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: false, operations: ['dropNotNull'] }],
    rationale: `The statement itself is quick, but once NULL is allowed, new rows may lack the value and code (or other
services, reports and ETL jobs) that assumes it is always present can fail. Check every reader first.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AlterField(\"order\", \"total\", models.IntegerField(null=True)),\n    ]\n", line: 8, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('users', new TableColumn({ name: 'phone', type: 'text' }), new TableColumn({ name: 'phone', type: 'text', isNullable: true }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.setNullable('phone');\n  });\n};\n", line: 3 },{ sql: 'ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;', line: 1, column: 1 }],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AlterField(\"order\", \"total\", models.IntegerField(verbose_name=\"total\")),\n    ]\n", options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('users', new TableColumn({ name: 'phone', type: 'text', isNullable: true }), new TableColumn({ name: 'phone', type: 'text', isNullable: true, default: \"''\" }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.string('phone').defaultTo(null).alter({ alterNullable: false });\n  });\n};\n" },{ sql: 'ALTER TABLE users ALTER COLUMN phone SET DEFAULT NULL;' }],
  },
  create: (context) => ({
    dropNotNull(operation) {
      if (context.isNewTable(operation.table) || context.isNewColumn(operation.table, operation.column)) return;
      // A column the replayed schema knows to allow NULL already (Knex's alter() re-states nullability).
      if (context.schema.column(operation.table, operation.column)?.notNull === false) return;
      context.report(operation, { table: qualifiedName(operation.table), column: operation.column });
    },
  }),
});
