import { defineRule } from '../src/engine/rule';
import { concurrently, statement } from '../src/engine/suggestion-steps';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'require-concurrent-index-deletion',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'Dropping an index without CONCURRENTLY',
    message: ({ name, table }) =>
      `Dropping index "${name}" without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table${table ? ` "${table}"` : ''}, blocking reads and writes.`,
    help: 'Use DROP INDEX CONCURRENTLY, in a migration that runs outside a transaction.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table', 'index'], rewrite: false }],
    safeLock: { mode: 'ShareUpdateExclusiveLock', rewrite: false },

    suggestion: {
      fixable: true,
      description: 'Drop the index with DROP INDEX CONCURRENTLY (one index per statement), in a migration that runs outside a transaction.',
      steps: (operation) => {
        if (operation.kind !== 'dropIndex') return undefined;
        if (operation.names.length === 1) return [concurrently(operation)];
        const each = operation.names.map((name) => statement({ ...operation, names: [name], concurrently: true }));
        return [{ migration: 'this', outsideTransaction: true, lock: 'ShareUpdateExclusiveLock', actions: each }];
      },
    },
    rationale: `\`DROP INDEX\` takes an ACCESS EXCLUSIVE lock on the index's table. It is quick once it has the lock, but
it has to wait for every running query on the table first, and every query that arrives meanwhile queues
behind it.

\`DROP INDEX CONCURRENTLY\` waits for conflicting transactions without blocking others. It cannot run inside a
transaction.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RemoveIndex(model_name=\"order\", name=\"order_status_idx\"),\n    ]\n", line: 8, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropIndex('orders', 'IDX_orders_customer');\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.dropIndex(['customer_id']);\n  });\n};\n", line: 3 },
      { sql: 'DROP INDEX orders_customer_idx;', line: 1, column: 1 },
      { sql: 'DROP INDEX IF EXISTS public.users_email_key;', line: 1 },
    ],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropIndex('orders', new TableIndex({ name: 'IDX_orders_customer', columnNames: ['customer_id'], isConcurrent: true }));\n  }\n}\n" },
      { django: "from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        RemoveIndexConcurrently(model_name=\"order\", name=\"order_status_idx\"),\n    ]\n", options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS \"IDX_orders_customer\"`);\n  }\n}\n" },
      { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw(\"DROP INDEX CONCURRENTLY IF EXISTS orders_customer_id_index\");\n};\n" },
      { sql: 'DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;' },
      { sql: 'CREATE TABLE carts (id bigint);\nCREATE INDEX carts_id_idx ON carts (id);\nDROP INDEX carts_id_idx;' },
    ],
  },
  create: (context) => ({
    dropIndex(operation) {
      if (operation.concurrently) return;
      // An index of a new table (one the replayed schema knows the table of) has no users yet.
      const existing = operation.names.find((name) => {
        const index = context.schema.index(name);
        return !index || !context.isNewTable(index.table);
      });
      if (!existing) return;
      // The table, where the replayed schema knows it: what the lock blocks (the finding's lock names it too).
      const table = context.schema.index(existing)?.table;
      context.report(operation, { name: qualifiedName(existing), ...(table ? { table: qualifiedName(table) } : {}) });
    },
  }),
});
