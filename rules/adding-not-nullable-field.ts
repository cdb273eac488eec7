import { defineRule } from '../src/engine/rule';
import { notNullSteps } from '../src/engine/suggestion-steps';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'adding-not-nullable-field',
  meta: {
    category: 'compatibility',
    severity: 'error',
    description: 'Setting NOT NULL on an existing column',
    message: ({ table, column }) =>
      `Setting NOT NULL on "${table}"."${column}" scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes.`,
    help: 'On PostgreSQL 12+, add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a separate migration, then SET NOT NULL and drop the check.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: false, operations: ['setNotNull'] }],
    costIsLockWait: true,
    safeLock: { rewrite: false },

    suggestion: {
      description:
        'Make sure the application never writes NULL there. Then add CHECK (col IS NOT NULL) NOT VALID; in the next migration VALIDATE it (reads and writes go on), SET NOT NULL (no scan: the validated check proves it, PostgreSQL 12+) and drop the check.',
      steps: (operation, facts) => (operation.kind === 'setNotNull' && facts.pgVersion >= 12 ? notNullSteps(operation, operation.table, operation.column, { kind: 'flagged' }) : undefined),
    },
    rationale: `\`ALTER COLUMN … SET NOT NULL\` has to prove that no row is null, so it reads the whole table while
holding an ACCESS EXCLUSIVE lock: every query on the table waits for the scan.

From PostgreSQL 12 a validated \`CHECK (col IS NOT NULL)\` constraint lets PostgreSQL skip that scan. Add the
check \`NOT VALID\` (instant), \`VALIDATE\` it in a separate migration (a weaker lock that lets reads and writes
go on), then \`SET NOT NULL\` and drop the check.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AlterField(\"order\", \"note\", models.TextField(default=\"\")),\n    ]\n", line: 8, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('users', new TableColumn({ name: 'email', type: 'text', isNullable: true }), new TableColumn({ name: 'email', type: 'text' }));\n  }\n}\n", line: 5 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"users\" ALTER COLUMN \"email\" SET NOT NULL`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.dropNullable('email');\n  });\n};\n", line: 3 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.string('email').notNullable().alter();\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;', line: 1, column: 1 },
      {
        sql: 'ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
        line: 2,
        options: { pgVersion: 11 },
      },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AlterField(\"order\", \"note\", models.TextField(null=True, help_text=\"free text\")),\n    ]\n", options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('users', new TableColumn({ name: 'email', type: 'text' }), new TableColumn({ name: 'email', type: 'text', isNullable: true }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('leads', (t) => t.string('email'));\n  await knex.schema.alterTable('leads', (t) => t.dropNullable('email'));\n};\n" },
      {
        sql: 'ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      },
      { sql: 'CREATE TABLE leads (email text);\nALTER TABLE leads ALTER COLUMN email SET NOT NULL;' },
    ],
  },
  create: (context) => ({
    setNotNull(operation) {
      if (context.isEmptyTable(operation.table)) return;
      const column = context.schema.column(operation.table, operation.column);
      if (column?.notNull) return; // already NOT NULL: nothing to check
      // A validated CHECK (col IS NOT NULL), from this migration or an earlier one, lets PostgreSQL 12+ skip the scan.
      const checked = context.schema.table(operation.table)?.constraints.some((constraint) => constraint.validated && constraint.checksNotNullOf === operation.column);
      if (context.pgVersion >= 12 && checked) return;
      context.report(operation, { table: qualifiedName(operation.table), column: operation.column });
    },
  }),
});
