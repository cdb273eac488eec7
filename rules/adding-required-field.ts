import { defineRule } from '../src/engine/rule';
import { edit } from '../src/engine/suggestion-steps';
import { sameTable } from '../src/engine/file-state';
import { isSerialType, qualifiedName } from '../src/engine/operation-helpers';

/** The subject's `detail` when the column's default filled the existing rows and was dropped straight after (Django's `default=`). */
const DEFAULT_DROPPED = 'default dropped after fill';

const HELP = 'Add it nullable or with a constant default, backfill, then enforce NOT NULL (see adding-not-nullable-field).';

export default defineRule({
  id: 'adding-required-field',
  meta: {
    category: 'compatibility',
    severity: 'error',
    description: 'Adding a NOT NULL column without a default',
    message: ({ table, column, detail }) =>
      detail === DEFAULT_DROPPED
        ? `Adding NOT NULL column "${table}"."${column}" fills the existing rows with its default, then drops the default: inserts from code that does not set the column (the version still running) fail.`
        : `Adding NOT NULL column "${table}"."${column}" without a default fails on a table with rows, and breaks inserts from code that does not set it.`,
    help: HELP,
    helpFor: ({ subject, frontend }) =>
      subject.detail === DEFAULT_DROPPED && frontend !== 'django'
        ? 'Keep the default until the code that sets the column on every insert is deployed, and drop it in a later migration; or add the column nullable, backfill it, then enforce NOT NULL (see adding-not-nullable-field).'
        : subject.detail === DEFAULT_DROPPED
        ? 'Keep the default in the database with db_default= (Django 5; on the model field too), or add the field with null=True, backfill it, then make it NOT NULL (see adding-not-nullable-field).'
        : HELP,
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: false }],

    suggestion: {
      description:
        'Give the column a constant default that the database keeps (Django: db_default=): existing rows take it (instant from PostgreSQL 11, no rewrite), and so do inserts that do not set the column; or add it nullable, backfill it, and enforce NOT NULL as adding-not-nullable-field shows.',
      steps: (operation, facts) => {
        // DROP DEFAULT of the column just added: it waits for the code that sets the column on every insert.
        if (operation.kind === 'setDefault') {
          const application = `Deploy the code that sets "${qualifiedName(operation.table)}"."${operation.column}" on every insert.`;
          return [{ migration: 'later', application, lock: 'AccessExclusiveLock', actions: [{ kind: 'flagged' }] }];
        }
        if (operation.kind !== 'addColumn' || facts.pgVersion < 11) return undefined;
        const value = { placeholder: 'value for existing rows' };
        return [{ migration: 'this', lock: 'AccessExclusiveLock', actions: [edit(operation, { kind: 'columnDefault', value }, operation)] }];
      },
    },
    rationale: `PostgreSQL cannot add a NOT NULL column without a default to a table that has rows: the statement
fails. Even on an empty table, the running application's \`INSERT\`s do not set the new column and start
failing.

Django's \`AddField\` of a NOT NULL field with a \`default=\` (the one-off default \`makemigrations\` asks for,
with \`preserve_default=False\`, included), or with a default Django implies (\`blank=True\` on a text field: the
empty string), does not fail: Django adds the column with that value as its default, which fills the
existing rows, and drops the default straight after, because the default lives in Python. The database then
has a NOT NULL column with no default, and every insert from the code still running (which does not know the
column) fails until the new code is deployed.

Add the column nullable (or with a constant default, which is instant on PostgreSQL 11+), backfill it, and
enforce NOT NULL afterwards with a validated CHECK constraint. In Django 5, \`db_default=\` keeps the default
in the database.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"currency\", models.CharField(max_length=3, default=\"EUR\")),\n    ]\n", line: 8 },
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"note\", models.TextField(blank=True)),\n    ]\n", line: 8 },
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"currency\", models.CharField(max_length=3)),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'currency', type: 'varchar', length: '3' }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.string('currency', 3).notNullable();\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE orders ADD COLUMN currency text NOT NULL;', line: 1, column: 1 },
      { sql: "SET lock_timeout = '2s';\n\nALTER TABLE orders\n  ADD COLUMN IF NOT EXISTS region_id bigint NOT NULL;", line: 3 },
      { sql: 'ALTER TABLE orders ADD COLUMN currency text DEFAULT NULL NOT NULL;', line: 1 },
      { sql: "ALTER TABLE orders ADD COLUMN currency text NOT NULL DEFAULT 'EUR';\nALTER TABLE orders ALTER COLUMN currency DROP DEFAULT;", line: 2, column: 1 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"currency\", models.CharField(max_length=3, db_default=\"EUR\")),\n    ]\n" },
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"currency\", models.CharField(max_length=3, null=True)),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'currency', type: 'varchar', length: '3', default: \"'EUR'\" }));\n  }\n}\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'currency', type: 'varchar', length: '3', isNullable: true }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.string('currency', 3).notNullable().defaultTo('EUR');\n  });\n};\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.string('currency', 3);\n  });\n};\n" },
      { sql: "ALTER TABLE orders ADD COLUMN currency text NOT NULL DEFAULT 'EUR';" },
      { sql: 'ALTER TABLE orders ADD COLUMN currency text;' },
      { sql: 'CREATE TABLE payments (id bigint);\nALTER TABLE payments ADD COLUMN currency text NOT NULL;' },
      { sql: "CREATE TABLE payments (id bigint);\nALTER TABLE payments ADD COLUMN currency text NOT NULL DEFAULT 'EUR';\nALTER TABLE payments ALTER COLUMN currency DROP DEFAULT;" },
      { sql: "ALTER TABLE orders ADD COLUMN currency text DEFAULT 'EUR';\nALTER TABLE orders ALTER COLUMN currency DROP DEFAULT;" },
      { sql: 'ALTER TABLE orders ALTER COLUMN currency DROP DEFAULT;' },
      { sql: "ALTER TABLE order_lines RENAME TO items;\nALTER TABLE items ADD COLUMN currency text NOT NULL DEFAULT 'EUR';\nALTER TABLE items ALTER COLUMN currency DROP DEFAULT;", options: { history: ['CREATE TABLE order_lines (id bigint)'] } },
      { sql: 'ALTER TABLE orders ADD COLUMN row_id bigint GENERATED ALWAYS AS IDENTITY;' },
    ],
  },
  create: (context) => ({
    addColumn(operation) {
      const { column } = operation;
      const filledByPostgres = column.default !== undefined || column.generated !== undefined || isSerialType(column.type);
      if (!column.notNull || filledByPostgres || context.isEmptyTable(operation.table)) return;
      context.report(operation, { table: qualifiedName(operation.table), column: column.name, ...(column.defaultDroppedAfterFill ? { detail: DEFAULT_DROPPED } : {}) });
    },
    // `ADD COLUMN … NOT NULL DEFAULT x` then `DROP DEFAULT` in one migration: what Django's default= does, written out.
    setDefault(operation) {
      if (operation.default || context.isEmptyTable(operation.table)) return;
      const added = context.previous.find(
        (earlier) => earlier.kind === 'addColumn' && sameTable(earlier.table, operation.table) && earlier.column.name === operation.column,
      );
      if (added?.kind !== 'addColumn' || !added.column.notNull || added.column.default === undefined || added.column.defaultDroppedAfterFill) return;
      // A table renamed in this migration: the running code knows it by its old name only (renaming-table says so).
      const renamedHere = context.previous.some((earlier) => earlier.kind === 'renameTable' && earlier.newName === operation.table.name);
      if (renamedHere) return;
      context.report(operation, { table: qualifiedName(operation.table), column: operation.column, detail: DEFAULT_DROPPED });
    },
  }),
});
