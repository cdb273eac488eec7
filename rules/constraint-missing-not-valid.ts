import type { Operation } from '../src/model/operations';
import { defineRule } from '../src/engine/rule';
import { objectName } from '../src/engine/object-names';
import { edit, validate } from '../src/engine/suggestion-steps';
import { qualifiedName } from '../src/engine/operation-helpers';

/** True when `name` was added NOT VALID earlier in the current transaction (no transaction boundary since). */
function addedNotValidInSameTransaction(previous: readonly Operation[], name: string): boolean {
  for (let index = previous.length - 1; index >= 0; index--) {
    const operation = previous[index];
    if (operation.kind === 'transaction') return false;
    if (operation.kind === 'addConstraint' && operation.constraint.name === name) return operation.constraint.notValid;
  }
  return false;
}

export default defineRule({
  id: 'constraint-missing-not-valid',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'Adding a CHECK constraint without NOT VALID, or validating it in the same transaction',
    message: ({ table, name, detail }) =>
      detail === 'validate'
        ? `Validating constraint "${name}" on "${table}" in the same transaction that added it holds the ACCESS EXCLUSIVE lock during the scan.`
        : `Adding CHECK constraint ${name ? `"${name}" ` : ''}to "${table}" without NOT VALID scans the whole table under an ACCESS EXCLUSIVE lock.`,
    help: 'Add the constraint with NOT VALID, then VALIDATE CONSTRAINT in a separate migration (outside the transaction that added it).',
    locks: [
      { mode: 'AccessExclusiveLock', on: ['table'], rewrite: false, operations: ['addConstraint'] },
      { mode: 'AccessExclusiveLock', on: ['table'], rewrite: false, operations: ['validateConstraint'], held: 'transaction' },
    ],
    costIsLockWait: true,
    safeLock: { rewrite: false },

    suggestion: {
      fixable: true,
      description: 'Add the CHECK constraint NOT VALID (new rows are checked at once, existing ones are not scanned), then VALIDATE CONSTRAINT in the next migration, which lets reads and writes go on.',
      steps: (operation) => {
        if (operation.kind === 'validateConstraint') return [{ migration: 'next', lock: 'ShareUpdateExclusiveLock', actions: [{ kind: 'flagged' }] }];
        if (operation.kind !== 'addConstraint' || operation.constraint.kind !== 'check') return undefined;
        const name = operation.constraint.name ?? objectName(operation.table, operation.constraint.columns.slice(0, 1), 'check');
        const changed = { ...operation, constraint: { ...operation.constraint, name, notValid: true } };
        return [
          { migration: 'this', lock: 'AccessExclusiveLock', actions: [edit(operation, { kind: 'notValid', name }, changed)] },
          { migration: 'next', lock: 'ShareUpdateExclusiveLock', actions: [validate(operation, operation.table, name)] },
        ];
      },
    },
    rationale: `\`ADD CONSTRAINT … CHECK\` checks every existing row while holding an ACCESS EXCLUSIVE lock, so all
reads and writes wait for the scan.

Adding it \`NOT VALID\` is instant; \`VALIDATE CONSTRAINT\` then scans under a SHARE UPDATE EXCLUSIVE lock that
lets traffic continue. That only helps if the validation runs in a separate transaction: in the same one,
the ACCESS EXCLUSIVE lock taken by the add is still held during the scan.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddConstraint(\"order\", models.CheckConstraint(condition=models.Q(total__gte=0), name=\"order_total_gte_0\")),\n    ]\n", line: 8, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createCheckConstraint('orders', new TableCheck({ name: 'CHK_total', expression: '\"total\" >= 0' }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.check('?? >= 0', ['total'], 'positive_total');\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0);', line: 1, column: 1 },
      {
        sql: 'BEGIN;\nALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT positive_total;\nCOMMIT;',
        line: 3,
      },
    ],
    valid: [
      { django: "from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        AddConstraintNotValid(\"order\", models.CheckConstraint(condition=models.Q(total__gte=0), name=\"order_total_gte_0\")),\n    ]\n", options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"orders\" ADD CONSTRAINT \"CHK_total\" CHECK (\"total\" >= 0) NOT VALID`);\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID\");\n};\n" },
      { sql: 'ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;' },
      { sql: 'ALTER TABLE orders VALIDATE CONSTRAINT positive_total;' },
      {
        sql: 'ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT positive_total;',
      },
      { sql: 'CREATE TABLE lines (qty int);\nALTER TABLE lines ADD CONSTRAINT qty_positive CHECK (qty > 0);' },
    ],
  },
  create: (context) => ({
    addConstraint(operation) {
      const { constraint } = operation;
      if (constraint.kind !== 'check' || constraint.notValid || context.isEmptyTable(operation.table)) return;
      context.report(operation, { table: qualifiedName(operation.table), name: constraint.name });
    },
    validateConstraint(operation) {
      if (!context.inTransaction || !addedNotValidInSameTransaction(context.previous, operation.name)) return;
      context.report(operation, { table: qualifiedName(operation.table), name: operation.name, detail: 'validate' });
    },
  }),
});
