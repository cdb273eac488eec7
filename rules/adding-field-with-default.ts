import type { ColumnDefinition } from '../src/model/operations';
import { defineRule } from '../src/engine/rule';
import type { ColumnPart, SuggestedStep } from '../src/engine/suggestion';
import { edit, notNullSteps, setNotNull, statement } from '../src/engine/suggestion-steps';
import { isSerialType, qualifiedName } from '../src/engine/operation-helpers';

/** Why adding this column rewrites the table, or undefined when it does not. */
function rewriteReason(column: ColumnDefinition, pgVersion: number): string | undefined {
  if (column.generated === 'stored') return 'a stored generated column';
  if (column.generated === 'identity') return 'an identity column';
  if (isSerialType(column.type)) return `a ${column.type?.name} column`;
  const value = column.default;
  if (!value || value.unread) return undefined; // the front-end reports it as unanalyzed code
  if (pgVersion < 11) return 'a default (PostgreSQL before 11 rewrites for any default)';
  if (value.kind === 'volatile') return `a volatile default (${value.functionName}())`;
  if (value.kind === 'unknown') {
    return value.functionName ? `a default that calls ${value.functionName}(), which may be volatile` : 'a non-constant default';
  }
  return undefined;
}

export default defineRule({
  id: 'adding-field-with-default',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'Adding a column whose default rewrites the table',
    message: ({ table, column, detail }) =>
      `Adding "${table}"."${column}" with ${detail} rewrites the whole table under an ACCESS EXCLUSIVE lock.`,
    help: 'Add the column without the default, SET DEFAULT for new rows, then backfill existing rows in batches.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: true }],
    costIsLockWait: true,
    safeLock: { rewrite: false },
    suggestion: {
      description:
        'Add the column without the default and SET DEFAULT for new rows (both instant), then fill the existing rows in batches in the next migration; enforce NOT NULL after that if the column needs it. A stored generated column has no such path: add a plain column filled by the application or a trigger.',
      steps: (operation) => {
        if (operation.kind !== 'addColumn' || !operation.column.default || operation.column.generated === 'stored') return undefined;
        const { table, column } = operation;
        const parts: ColumnPart[] = column.notNull ? ['default', 'notNull'] : ['default'];
        const plain = { ...operation, column: { ...column, default: undefined, notNull: false } };
        const steps: SuggestedStep[] = [
          {
            migration: 'this',
            lock: 'AccessExclusiveLock',
            actions: [edit(operation, { kind: 'columnWithout', parts }, plain), statement({ kind: 'setDefault', location: operation.location, anchorLine: operation.anchorLine, table, column: column.name, default: column.default })],
          },
          { migration: 'next', lock: 'RowExclusiveLock', actions: [{ kind: 'backfill', table, column: column.name, value: { defaultOf: column.name } }] },
        ];
        return column.notNull ? [...steps, ...notNullSteps(operation, table, column.name, setNotNull(operation, table, column.name), 'next')] : steps;
      },
    },
    rationale: `Since PostgreSQL 11, \`ADD COLUMN … DEFAULT\` with a constant (or a stable expression such as \`now()\`) is
instant: the value is stored once in the catalogue. A volatile default (\`gen_random_uuid()\`, \`random()\`,
\`clock_timestamp()\`, a sequence), a stored generated column or an identity column must be computed for every
existing row, so PostgreSQL rewrites the table and its indexes under an ACCESS EXCLUSIVE lock. Before 11, any
default rewrites. Whether a function is volatile, stable or immutable comes from PostgreSQL's own catalogue
(\`pg_proc.provolatile\`, with the contrib extensions): \`DEFAULT pi()\` rewrites nothing. A function the catalogue
does not have (one of your own) is reported as possibly volatile.

Add the column without a default, \`SET DEFAULT\` so new rows get a value, and backfill existing rows in
batches.`,
  },
  examples: {
    invalid: [
      { django: "from django.contrib.postgres.functions import RandomUUID\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"token\", models.UUIDField(db_default=RandomUUID())),\n    ]\n", line: 9 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'token', type: 'uuid', isNullable: true, default: 'gen_random_uuid()' }));\n  }\n}\n", line: 5 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'token', type: 'uuid', isGenerated: true, generationStrategy: 'uuid' }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.uuid('token').defaultTo(knex.raw('gen_random_uuid()'));\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();', line: 1, column: 1 },
      { sql: "ALTER TABLE users ADD COLUMN status text DEFAULT 'active';", line: 1, options: { pgVersion: 10 } },
      { sql: 'ALTER TABLE orders\n  ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;', line: 1 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"channel\", models.CharField(max_length=8, db_default=\"web\")),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'status', type: 'text', default: \"'active'\" }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.string('status').defaultTo('active');\n  });\n};\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.timestamp('seen_at').defaultTo(knex.fn.now());\n  });\n};\n" },
      { sql: "ALTER TABLE users ADD COLUMN status text DEFAULT 'active';" },
      { sql: 'ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now();' },
      { sql: 'ALTER TABLE orders ADD COLUMN ratio numeric DEFAULT round(pi()::numeric, 4);' },
      { sql: 'CREATE TABLE keys (id bigint);\nALTER TABLE keys ADD COLUMN token uuid DEFAULT gen_random_uuid();' },
    ],
  },
  create: (context) => ({
    addColumn(operation) {
      const detail = rewriteReason(operation.column, context.pgVersion);
      if (!detail || context.isEmptyTable(operation.table)) return;
      context.report(operation, { table: qualifiedName(operation.table), column: operation.column.name, detail });
    },
  }),
});
