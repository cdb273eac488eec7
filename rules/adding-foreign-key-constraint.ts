import { defineRule } from '../src/engine/rule';
import type { ConstraintDefinition } from '../src/model/operations';
import { objectName } from '../src/engine/object-names';
import { addConstraint, edit, validate } from '../src/engine/suggestion-steps';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'adding-foreign-key-constraint',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'Adding a foreign key without NOT VALID',
    message: ({ table, name }) =>
      `Adding foreign key ${name ? `"${name}" ` : ''}to "${table}" without NOT VALID checks every row while blocking writes to both tables.`,
    help: 'Add the constraint with NOT VALID, then VALIDATE CONSTRAINT in a separate migration.',
    locks: [
      { mode: 'ShareRowExclusiveLock', on: ['table', 'referencedTable'], rewrite: false, operations: ['addConstraint'] },
      { mode: 'AccessExclusiveLock', on: ['table'], rewrite: false, operations: ['addColumn'] },
      { mode: 'ShareRowExclusiveLock', on: ['referencedTable'], rewrite: false, operations: ['addColumn'] },
    ],
    costIsLockWait: true,
    safeLock: { mode: 'ShareRowExclusiveLock', rewrite: false },

    suggestion: {
      fixable: true,
      description: 'Add the foreign key NOT VALID (new rows are checked at once, existing ones are not scanned), then VALIDATE CONSTRAINT in the next migration, which lets reads and writes go on.',
      steps: (operation, facts) => {
        // A column and its foreign key in one statement (or builder call, or Django field): the column, then the key NOT VALID.
        const added = operation.kind === 'addConstraint' ? facts.sameStatement?.find((other) => other.kind === 'addColumn' && other.column.name === operation.constraint.columns[0]) : undefined;
        if (operation.kind === 'addConstraint' && operation.constraint.kind === 'foreignKey' && added?.kind === 'addColumn') {
          const name = operation.constraint.name ?? objectName(operation.table, operation.constraint.columns, 'fkey');
          const plainColumn = { ...added, column: { ...added.column, references: undefined } };
          return [
            {
              migration: 'this',
              lock: 'AccessExclusiveLock',
              actions: [edit(added, { kind: 'columnWithout', parts: ['references'] }, plainColumn), addConstraint(operation, operation.table, { ...operation.constraint, name, notValid: true })],
            },
            { migration: 'next', lock: 'ShareUpdateExclusiveLock', actions: [validate(operation, operation.table, name)] },
          ];
        }
        if (operation.kind === 'addConstraint' && operation.constraint.kind === 'foreignKey') {
          const name = operation.constraint.name ?? objectName(operation.table, operation.constraint.columns, 'fkey');
          const changed = { ...operation, constraint: { ...operation.constraint, name, notValid: true } };
          return [
            { migration: 'this', lock: 'ShareRowExclusiveLock', actions: [edit(operation, { kind: 'notValid', name }, changed)] },
            { migration: 'next', lock: 'ShareUpdateExclusiveLock', actions: [validate(operation, operation.table, name)] },
          ];
        }
        if (operation.kind !== 'addColumn' || !operation.column.references) return undefined;
        const column = operation.column.name;
        const name = objectName(operation.table, [column], 'fkey');
        const constraint: ConstraintDefinition = { kind: 'foreignKey', name, columns: [column], notValid: true, references: operation.column.references };
        const plainColumn = { ...operation, column: { ...operation.column, references: undefined } };
        return [
          {
            migration: 'this',
            lock: 'AccessExclusiveLock',
            actions: [edit(operation, { kind: 'columnWithout', parts: ['references'] }, plainColumn), addConstraint(operation, operation.table, constraint)],
          },
          { migration: 'next', lock: 'ShareUpdateExclusiveLock', actions: [validate(operation, operation.table, name)] },
        ];
      },
    },
    rationale: `Adding a foreign key takes a SHARE ROW EXCLUSIVE lock on both the table and the referenced table and
then scans the table to check every existing row. Writes to both tables wait for the whole scan.

Add it \`NOT VALID\` (checked for new rows only, instant), then run \`ALTER TABLE … VALIDATE CONSTRAINT\` in a
later migration: validation takes a lock that lets reads and writes continue.

A foreign key declared inline on a new column without a default (\`ADD COLUMN customer_id bigint REFERENCES
customers\`) is not checked: every row holds NULL, so PostgreSQL skips the scan. It still locks the referenced
table briefly (SHARE ROW EXCLUSIVE), which \`require-lock-timeout\` covers. With a default, every row has a value
to check, and the scan is back. (Knex and TypeORM add a column's foreign key as a separate constraint, which is
checked; Django adds a foreign key column's constraint inline, as above.)`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"customer\", models.ForeignKey(default=1, on_delete=models.CASCADE, to=\"shop.customer\")),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createForeignKey('orders', new TableForeignKey({ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.foreign('user_id').references('users.id');\n  });\n};\n", line: 3 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.bigInteger('coupon_id').references('id').inTable('coupons');\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);', line: 1, column: 1 },
      { sql: 'ALTER TABLE orders ADD COLUMN coupon_id bigint DEFAULT 1 REFERENCES coupons (id);', line: 1 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"customer\", models.ForeignKey(null=True, on_delete=models.CASCADE, to=\"shop.customer\")),\n    ]\n" },
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.CreateModel(\"Refund\", [(\"id\", models.BigAutoField(primary_key=True)), (\"order\", models.ForeignKey(on_delete=models.CASCADE, to=\"shop.order\"))]),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"orders\" ADD CONSTRAINT \"FK_orders_user\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") NOT VALID`);\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('refunds', (t) => {\n    t.bigInteger('order_id').references('id').inTable('orders');\n  });\n};\n" },
      { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;' },
      { sql: 'CREATE TABLE refunds (id bigint, order_id bigint REFERENCES orders (id));' },
      { sql: 'CREATE TABLE refunds (id bigint, order_id bigint);\nALTER TABLE refunds ADD FOREIGN KEY (order_id) REFERENCES orders (id);' },
    ],
  },
  create: (context) => ({
    addConstraint(operation) {
      const { constraint } = operation;
      if (constraint.kind !== 'foreignKey' || constraint.notValid || context.isEmptyTable(operation.table)) return;
      context.report(operation, { table: qualifiedName(operation.table), name: constraint.name });
    },
    addColumn(operation) {
      // A new column without a default is NULL in every row: PostgreSQL adds its inline REFERENCES without a scan.
      const { column } = operation;
      if (!column.references || column.default === undefined || context.isEmptyTable(operation.table)) return;
      context.report(operation, { table: qualifiedName(operation.table) });
    },
  }),
});
