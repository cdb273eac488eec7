import { defineRule } from '../src/engine/rule';
import type { SuggestedStep } from '../src/engine/suggestion';
import type { Operation, TableName } from '../src/model/operations';
import { objectName } from '../src/engine/object-names';
import { addConstraint, edit, statement } from '../src/engine/suggestion-steps';
import { qualifiedName } from '../src/engine/operation-helpers';

/** A unique index built concurrently, then a constraint that adopts it. */
function uniqueSteps(from: Operation, table: TableName, columns: string[], name = objectName(table, columns, 'key')): SuggestedStep[] {
  const place = { location: from.location, anchorLine: from.anchorLine };
  return [
    {
      migration: 'this',
      outsideTransaction: true,
      lock: 'ShareUpdateExclusiveLock',
      actions: [statement({ kind: 'createIndex', ...place, table, name, columns, unique: true, concurrently: true, ifNotExists: false })],
    },
    { migration: 'this', lock: 'AccessExclusiveLock', actions: [addConstraint(from, table, { kind: 'unique', name, columns: [], notValid: false, usingIndex: name }, true)] },
  ];
}

export default defineRule({
  id: 'disallowed-unique-constraint',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'Adding a UNIQUE constraint without USING INDEX',
    message: ({ table, name }) =>
      `Adding UNIQUE constraint ${name ? `"${name}" ` : ''}to "${table}" builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes.`,
    help: 'CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE USING INDEX.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: false }],
    costIsLockWait: true,
    safeLock: { rewrite: false },
    suggestion: {
      description: 'Build the unique index with CREATE UNIQUE INDEX CONCURRENTLY (writes go on), outside a transaction, then ADD CONSTRAINT … UNIQUE USING INDEX, which is instant.',
      steps: (operation) => {
        if (operation.kind === 'addConstraint' && operation.constraint.kind === 'unique' && operation.constraint.columns.length > 0) {
          return uniqueSteps(operation, operation.table, operation.constraint.columns, operation.constraint.name);
        }
        if (operation.kind !== 'addColumn' || !operation.column.unique) return undefined;
        const plain = { ...operation, column: { ...operation.column, unique: false } };
        return [
          { migration: 'this', lock: 'AccessExclusiveLock', actions: [edit(operation, { kind: 'columnWithout', parts: ['unique'] }, plain)] },
          ...uniqueSteps(operation, operation.table, [operation.column.name], undefined),
        ];
      },
    },
    rationale: `A new UNIQUE constraint builds a unique index while the table is locked ACCESS EXCLUSIVE: nothing can
read or write the table until the build finishes.

Build the index with \`CREATE UNIQUE INDEX CONCURRENTLY\` (outside a transaction), then attach it with
\`ALTER TABLE … ADD CONSTRAINT name UNIQUE USING INDEX index_name\`, which is instant.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddConstraint(\"order\", models.UniqueConstraint(fields=[\"status\", \"total\"], name=\"order_status_total_uniq\")),\n    ]\n", line: 8, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createUniqueConstraint('users', new TableUnique({ name: 'UQ_users_email', columnNames: ['email'] }));\n  }\n}\n", line: 5 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'handle', type: 'text', isNullable: true, isUnique: true }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.unique(['email']);\n  });\n};\n", line: 3 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.string('handle').unique();\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);', line: 1, column: 1 },
      { sql: 'ALTER TABLE users ADD COLUMN handle text UNIQUE;', line: 1 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.CreateModel(\"Coupon\", [(\"id\", models.BigAutoField(primary_key=True)), (\"code\", models.CharField(max_length=20, unique=True))]),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'teams', columns: [{ name: 'slug', type: 'text', isUnique: true }] }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('teams', (t) => {\n    t.string('slug').unique();\n  });\n};\n" },
      { sql: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;' },
      { sql: 'CREATE TABLE teams (slug text);\nALTER TABLE teams ADD CONSTRAINT teams_slug_key UNIQUE (slug);' },
    ],
  },
  create: (context) => ({
    addConstraint(operation) {
      const { constraint } = operation;
      if (constraint.kind !== 'unique' || constraint.usingIndex || context.isEmptyTable(operation.table)) return;
      context.report(operation, { table: qualifiedName(operation.table), name: constraint.name });
    },
    addColumn(operation) {
      if (!operation.column.unique || context.isEmptyTable(operation.table)) return;
      context.report(operation, { table: qualifiedName(operation.table) });
    },
  }),
});
