import type { Operation } from '../src/model/operations';
import { defineRule } from '../src/engine/rule';
import { tablesNamedBy } from '../src/engine/operation-helpers';
import { dropConstraint, edit, lockTakenBy } from '../src/engine/suggestion-steps';

/** What would make the statement safe to re-run, or undefined when it already is. */
function missingGuard(operation: Operation, previous: readonly Operation[]): string | undefined {
  switch (operation.kind) {
    case 'addConstraint': {
      const { name } = operation.constraint;
      const dropsFirst = previous.some((earlier) => earlier.kind === 'dropConstraint' && earlier.ifExists && earlier.name === name);
      return dropsFirst ? undefined : `a DROP CONSTRAINT IF EXISTS ${name ?? '…'} before it`;
    }
    case 'renameColumn':
    case 'renameTable':
      return 'a check that the old name still exists (in a DO block)';
    case 'createTable':
      return operation.ifNotExists ? undefined : 'CREATE TABLE IF NOT EXISTS';
    case 'createIndex':
      return operation.ifNotExists || !operation.name ? undefined : 'CREATE INDEX IF NOT EXISTS';
    case 'addColumn':
      return operation.ifNotExists ? undefined : 'ADD COLUMN IF NOT EXISTS';
    case 'dropTable':
      return operation.ifExists ? undefined : 'DROP TABLE IF EXISTS';
    case 'dropIndex':
      return operation.ifExists ? undefined : 'DROP INDEX IF EXISTS';
    case 'dropColumn':
      return operation.ifExists ? undefined : 'DROP COLUMN IF EXISTS';
    case 'dropConstraint':
      return operation.ifExists ? undefined : 'DROP CONSTRAINT IF EXISTS';
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'prefer-robust-stmts',
  meta: {
    category: 'conventions',
    severity: 'off',
    description: 'A statement outside a transaction that fails when the migration is re-run',
    message: ({ detail }) => `Without ${detail}, this migration fails if it is re-run after failing part way through.`,
    help: 'Add IF [NOT] EXISTS (or drop-if-exists first), so a migration that stopped half way can be run again.',
    suggestion: {
      fixable: true,
      description: 'Add IF NOT EXISTS / IF EXISTS (or drop a constraint if it exists before adding it), so that a migration stopped half way can run again.',
      steps: (operation) => {
        // The same statement, guarded: the same lock.
        const lock = lockTakenBy(operation);
        const taken = lock ? { lock } : {};
        switch (operation.kind) {
          case 'createTable':
          case 'createIndex':
          case 'addColumn':
            return [{ migration: 'this', ...taken, actions: [edit(operation, { kind: 'ifNotExists' }, { ...operation, ifNotExists: true })] }];
          case 'dropTable':
          case 'dropIndex':
          case 'dropColumn':
          case 'dropConstraint':
            return [{ migration: 'this', ...taken, actions: [edit(operation, { kind: 'ifExists' }, { ...operation, ifExists: true })] }];
          case 'addConstraint':
            return operation.constraint.name
              ? [{ migration: 'this', lock: 'AccessExclusiveLock', actions: [dropConstraint(operation, operation.table, operation.constraint.name, true), { kind: 'flagged' }] }]
              : undefined;
          default:
            return undefined;
        }
      },
    },
    rationale: `A migration that runs outside a transaction (as \`CREATE INDEX CONCURRENTLY\` must) is not rolled back when
a later statement fails. Re-running it then fails on the statements that already took effect, unless they are
written with \`IF NOT EXISTS\` / \`IF EXISTS\`. Inside a transaction this does not matter, and the rule is quiet.`,
  },
  examples: {
    invalid: [
      { django: "from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        AddIndexConcurrently(\"order\", models.Index(fields=[\"status\"], name=\"order_status_idx\")),\n    ]\n", line: 10, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY \"IDX_orders_user\" ON \"orders\" (\"user_id\")`);\n  }\n}\n", line: 7 },
      { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id)');\n};\n", line: 4 },
      { sql: 'CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);', line: 1, column: 1 },
      { sql: 'ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID;', line: 1 },
      { sql: 'ALTER TABLE orders RENAME COLUMN total TO total_cents;', line: 1 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"coupon\", models.TextField(null=True)),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS \"IDX_orders_user\" ON \"orders\" (\"user_id\")`);\n  }\n}\n" },
      { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw(\"CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx ON orders (user_id)\");\n};\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.string('note');\n  });\n};\n" },
      { sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx ON orders (user_id);' },
      {
        sql: 'ALTER TABLE orders DROP CONSTRAINT IF EXISTS total_positive;\nALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID;',
      },
      { sql: 'ALTER TABLE orders VALIDATE CONSTRAINT total_positive;' },
      { sql: 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;' },
    ],
  },
  create: (context) => ({
    anyOperation(operation) {
      // A temporary table is gone when the session ends: re-running the migration makes it afresh.
      const onTemporary = operation.kind === 'createTable' ? operation.temporary === true : tablesNamedBy(operation).some((table) => context.isTemporaryTable(table));
      const detail = onTemporary ? undefined : missingGuard(operation, context.previous);
      if (detail && !context.inTransaction) context.report(operation, { detail });
    },
  }),
});
