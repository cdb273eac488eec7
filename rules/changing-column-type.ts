import { defineRule } from '../src/engine/rule';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'changing-column-type',
  meta: {
    category: 'compatibility',
    severity: 'error',
    description: "Changing a column's type",
    message: ({ table, column, detail }) =>
      `Changing the type of "${table}"."${column}"${detail ? ` to ${detail}` : ''} can rewrite the table under an ACCESS EXCLUSIVE lock and break code that expects the old type.`,
    help: 'Add a new column of the new type, write both, backfill in batches, switch reads, then drop the old column.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: 'possible', operations: ['alterColumnType'] }],
    rationale: `Most type changes make PostgreSQL rewrite the whole table and rebuild its indexes while holding an
ACCESS EXCLUSIVE lock, so reads and writes wait for the entire rewrite. Code that is still running may also
send values the new type rejects.

A few changes are metadata-only (for example \`varchar(n)\` to a longer \`varchar\` or to \`text\`), but the
old type is not known from the migration alone. The safe route is a new column, dual writes, a batched
backfill, a switch of reads, and dropping the old column later.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AlterField(\"order\", \"total\", models.BigIntegerField()),\n    ]\n", line: 8, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('accounts', new TableColumn({ name: 'id', type: 'integer' }), new TableColumn({ name: 'id', type: 'bigint' }));\n  }\n}\n", line: 5 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"accounts\" ALTER COLUMN \"id\" TYPE bigint`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('accounts', (table) => {\n    table.bigInteger('id').notNullable().alter();\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;', line: 1, column: 1 },
      { sql: 'ALTER TABLE accounts\n  ALTER COLUMN id SET DATA TYPE bigint;', line: 1 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AlterField(\"order\", \"status\", models.CharField(max_length=20, choices=[(\"new\", \"New\")])),\n    ]\n", options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('accounts', new TableColumn({ name: 'id', type: 'bigint' }), new TableColumn({ name: 'id', type: 'bigint', comment: 'primary key' }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('accounts', (table) => {\n    table.bigInteger('id_big');\n  });\n};\n" },
      { sql: 'CREATE TABLE metrics (value int);\nALTER TABLE metrics ALTER COLUMN value TYPE bigint;' },
      { sql: 'ALTER TABLE events ADD COLUMN payload_json jsonb;' },
    ],
  },
  create: (context) => ({
    alterColumnType(operation) {
      if (context.isNewTable(operation.table)) return;
      const detail = operation.newType?.name;
      context.report(operation, { table: qualifiedName(operation.table), column: operation.column, detail });
    },
  }),
});
