import { defineRule } from '../src/engine/rule';
import { BLOCKING_STATEMENT_LOCKS } from '../src/engine/statement-locks';
import { lockedRelation, missingTimeoutVisitor, othersClause, timeoutHelp } from '../src/engine/missing-timeout';

export default defineRule({
  id: 'require-lock-timeout',
  meta: {
    category: 'locking',
    severity: 'warning',
    description: 'A lock that blocks reads or writes is taken with no lock_timeout set',
    message: ({ table, others, writesOnly, ofIndex }) =>
      `This statement${othersClause(others)} waits for a blocking lock on ${lockedRelation({ table, ofIndex })} with no lock_timeout set; while it waits, every ${writesOnly ? 'write to' : 'query on'} the table queues behind it.`,
    help: "Put SET lock_timeout = '2s'; at the top of the migration, and retry the migration when it times out.",
    locks: BLOCKING_STATEMENT_LOCKS,
    helpFor: ({ frontend }) => timeoutHelp(frontend, "SET lock_timeout = '2s'", ', and retry the migration when it times out.'),
    suggestion: {
      fixable: true,
      description: 'Set lock_timeout at the top of the migration, and retry the migration when it times out.',
      steps: () => [{ migration: 'this', at: 'top', actions: [{ kind: 'setting', name: 'lock_timeout', value: "'2s'" }] }],
    },
    rationale: `Even a statement that is instant once it has its lock (adding a nullable column, say) must first wait
for every transaction already using the table. While it waits in the lock queue, every new query on the table
waits behind it: one long-running report can turn a millisecond migration into an outage.

This applies to every lock that conflicts with the application's reads or writes: ACCESS EXCLUSIVE (most
\`ALTER TABLE\` forms, \`DROP\`, \`TRUNCATE\`), SHARE ROW EXCLUSIVE (foreign keys, on both tables) and SHARE
(\`CREATE INDEX\` without \`CONCURRENTLY\`). Setting \`lock_timeout\` makes the migration give up instead of
stalling the application; retry it later. Reported once per file, at the first statement that needs it,
with the number of the others; the help shows the setting in the file's own language (\`knex.raw\`,
\`queryRunner.query\`).`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"coupon\", models.TextField(null=True)),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'nickname', type: 'text', isNullable: true }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.text('nickname');\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE users ADD COLUMN nickname text;', line: 1, column: 1 },
      { sql: 'SET lock_timeout = 0;\nALTER TABLE users ADD COLUMN nickname text;\nALTER TABLE users ADD COLUMN bio text;', line: 2 },
      { sql: 'CREATE INDEX CONCURRENTLY users_bio_idx ON users (bio);\nCREATE INDEX users_name_idx ON users (name);', line: 2 },
      { sql: 'CREATE TABLE avatars (user_id bigint REFERENCES users (id));', line: 1 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RunSQL(\"SET LOCAL lock_timeout = '2s'\", migrations.RunSQL.noop),\n        migrations.AddField(\"order\", \"coupon\", models.TextField(null=True)),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`SET LOCAL lock_timeout = '2s'`);\n    await queryRunner.addColumn('users', new TableColumn({ name: 'nickname', type: 'text', isNullable: true }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"SET LOCAL lock_timeout = '2s'\");\n  await knex.schema.alterTable('users', (table) => {\n    table.text('nickname');\n  });\n};\n" },
      { sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN nickname text;" },
      { sql: "BEGIN;\nSET LOCAL lock_timeout = '5s';\nALTER TABLE users ADD COLUMN nickname text;\nCOMMIT;" },
      { sql: 'CREATE TABLE tags (id bigint);\nALTER TABLE tags ADD COLUMN label text;' },
      { sql: 'CREATE TABLE public.categories (id bigint PRIMARY KEY, parent_id bigint REFERENCES categories (id));' },
    ],
  },
  create: (context) => missingTimeoutVisitor(context, 'lock_timeout'),
});
