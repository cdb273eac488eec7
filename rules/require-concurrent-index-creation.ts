import { defineRule } from '../src/engine/rule';
import { concurrently } from '../src/engine/suggestion-steps';
import { qualifiedName } from '../src/engine/operation-helpers';

const PARTITIONED_HELP =
  'Build it partition by partition: CREATE INDEX CONCURRENTLY on each partition, CREATE INDEX … ON ONLY the parent, then ALTER INDEX … ATTACH PARTITION each partition\'s index.';

export default defineRule({
  id: 'require-concurrent-index-creation',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'Creating an index without CONCURRENTLY',
    message: ({ table, name, partitioned }) =>
      partitioned
        ? `Creating index${name ? ` "${name}"` : ''} on partitioned table "${table}" builds it on every partition, blocking writes to each until built; an index on a partitioned table cannot be built CONCURRENTLY.`
        : `Creating index${name ? ` "${name}"` : ''} on "${table}" without CONCURRENTLY blocks all writes to the table until the index is built.`,
    help: 'Use CREATE INDEX CONCURRENTLY, in a migration that runs outside a transaction.',
    locks: [{ mode: 'ShareLock', on: ['table'], rewrite: false, operations: ['createIndex'] }],
    costIsLockWait: true,
    safeLock: { mode: 'ShareUpdateExclusiveLock', rewrite: false },
    helpFor: ({ subject }) => (subject.partitioned ? PARTITIONED_HELP : 'Use CREATE INDEX CONCURRENTLY, in a migration that runs outside a transaction.'),
    suggestion: {
      fixable: true,
      description: 'Build the index with CREATE INDEX CONCURRENTLY, which lets writes go on, in a migration that runs outside a transaction.',
      // A partitioned table's index is built partition by partition (the help says how): no single statement does it.
      steps: (operation, facts) => (operation.kind === 'createIndex' && !facts.subject?.partitioned ? [concurrently(operation)] : undefined),
    },
    rationale: `A plain \`CREATE INDEX\` holds a SHARE lock for the whole build: reads go on, but every \`INSERT\`,
\`UPDATE\` and \`DELETE\` waits, which on a large table means minutes of failed writes.

\`CREATE INDEX CONCURRENTLY\` builds the index without blocking writes. It cannot run inside a transaction, so
put it in its own migration with the runner's transaction turned off, and check for an \`INVALID\` index if
it fails.

A partitioned table's index cannot be built \`CONCURRENTLY\`. Build it partition by partition instead:
\`CREATE INDEX CONCURRENTLY\` on each partition, then \`CREATE INDEX … ON ONLY\` the parent (which builds
nothing and leaves the parent's index invalid), then \`ALTER INDEX … ATTACH PARTITION\` each partition's index;
the parent's index is valid once every partition's is attached. \`CREATE INDEX … ON ONLY\` is not a finding, and
neither is an index on the parent created after every partition has a matching one, since PostgreSQL then
attaches those instead of building.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddIndex(\"order\", models.Index(fields=[\"status\"], name=\"order_status_idx\")),\n    ]\n", line: 8, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createIndex('orders', new TableIndex({ name: 'IDX_orders_customer', columnNames: ['customer_id'] }));\n  }\n}\n", line: 5 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX \"IDX_orders_customer\" ON \"orders\" (\"customer_id\")`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.index(['customer_id']);\n  });\n};\n", line: 3 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.bigInteger('customer_id').index();\n  });\n};\n", line: 3 },
      { sql: 'CREATE INDEX orders_customer_idx ON orders (customer_id);', line: 1, column: 1 },
      { sql: "SET lock_timeout = '2s';\nCREATE UNIQUE INDEX IF NOT EXISTS users_email_key\n  ON users (lower(email));", line: 2 },
    ],
    valid: [
      { django: "from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        AddIndexConcurrently(\"order\", models.Index(fields=[\"status\"], name=\"order_status_idx\")),\n    ]\n", options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'carts', columns: [{ name: 'user_id', type: 'bigint' }], indices: [{ name: 'IDX_carts_user', columnNames: ['user_id'] }] }));\n  }\n}\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY \"IDX_orders_customer\" ON \"orders\" (\"customer_id\")`);\n  }\n}\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createIndex('orders', new TableIndex({ name: 'IDX_orders_customer', columnNames: ['customer_id'], isConcurrent: true }));\n  }\n}\n" },
      { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw(\"CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)\");\n};\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('carts', (t) => {\n    t.bigInteger('user_id').index();\n  });\n};\n" },
      { sql: 'CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);' },
      { sql: 'CREATE TABLE carts (id bigint, user_id bigint);\nCREATE INDEX carts_user_idx ON carts (user_id);' },
    ],
  },
  create: (context) => ({
    createIndex(operation) {
      // ON ONLY builds nothing: it makes the parent's (invalid) index, to attach the partitions' indexes to.
      if (operation.concurrently || operation.only || context.isEmptyTable(operation.table)) return;
      const partitioned = context.isPartitioned(operation.table);
      // When every partition has a matching index already, PostgreSQL attaches them instead of building.
      if (partitioned && context.partitionsIndexedOn(operation.table, operation.columns)) return;
      context.report(operation, { table: qualifiedName(operation.table), name: operation.name, ...(partitioned ? { partitioned } : {}) });
    },
  }),
});
