import { defineRule } from '../src/engine/rule';
import { BLOCKING_STATEMENT_LOCKS } from '../src/engine/statement-locks';
import { lockedRelation, missingTimeoutVisitor, othersClause, timeoutHelp } from '../src/engine/missing-timeout';

export default defineRule({
  id: 'require-statement-timeout',
  meta: {
    category: 'locking',
    severity: 'off',
    description: 'A blocking lock is taken with no statement_timeout set',
    message: ({ table, others, ofIndex }) =>
      `This statement${othersClause(others)} locks ${lockedRelation({ table, ofIndex })} with no statement_timeout set, so nothing bounds how long it holds the lock.`,
    help: "Put SET statement_timeout = '5s'; at the top of the migration (or a limit that fits the change).",
    helpFor: ({ frontend }) => timeoutHelp(frontend, "SET statement_timeout = '5s'", ' (or a limit that fits the change).'),
    locks: BLOCKING_STATEMENT_LOCKS,
    suggestion: {
      fixable: true,
      description: 'Set statement_timeout at the top of the migration (or a limit that fits the change).',
      steps: () => [{ migration: 'this', at: 'top', actions: [{ kind: 'setting', name: 'statement_timeout', value: "'5s'" }] }],
    },
    rationale: `\`lock_timeout\` bounds how long a statement waits for its lock; \`statement_timeout\` bounds how long it
runs once it has it. Without one, a statement that unexpectedly rewrites or scans a large table holds its lock
for as long as that takes. Off by default (in the \`strict\` preset): long data migrations legitimately run
for a while.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"coupon\", models.TextField(null=True)),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'nickname', type: 'text', isNullable: true }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.text('nickname');\n  });\n};\n", line: 3 },{ sql: 'ALTER TABLE users ADD COLUMN nickname text;', line: 1, column: 1 }],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RunSQL(\"SET LOCAL statement_timeout = '5s'\", migrations.RunSQL.noop),\n        migrations.AddField(\"order\", \"coupon\", models.TextField(null=True)),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`SET LOCAL statement_timeout = '5s'`);\n    await queryRunner.addColumn('users', new TableColumn({ name: 'nickname', type: 'text', isNullable: true }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"SET LOCAL statement_timeout = '5s'\");\n  await knex.schema.alterTable('users', (table) => {\n    table.text('nickname');\n  });\n};\n" },{ sql: "SET statement_timeout = '5s';\nALTER TABLE users ADD COLUMN nickname text;" }],
  },
  create: (context) => missingTimeoutVisitor(context, 'statement_timeout'),
});
