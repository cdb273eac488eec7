import { defineRule } from '../src/engine/rule';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'ban-concurrent-index-creation-in-transaction',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'CREATE/DROP INDEX CONCURRENTLY inside a transaction',
    message: ({ name, detail, wholeFileQuery }) =>
      wholeFileQuery
        ? `${detail} INDEX CONCURRENTLY${name ? ` "${name}"` : ''} is sent in one query with the other statements of this file, which PostgreSQL runs as one transaction: it rejects the statement and the migration fails.`
        : `${detail} INDEX CONCURRENTLY${name ? ` "${name}"` : ''} cannot run inside a transaction; PostgreSQL rejects it and the migration fails.`,
    help: "Run it in its own migration with the runner's transaction turned off.",
    helpFor: ({ subject }) =>
      subject.wholeFileQuery
        ? 'Put it alone in a migration file of its own (golang-migrate can also run a file statement by statement, with x-multi-statement=true in the database URL).'
        : "Run it in its own migration with the runner's transaction turned off.",
    suggestion: {
      fixable: true,
      description: "Run it in a migration whose runner transaction is off: this one, if the statement is alone in it, else a migration of its own.",
      steps: (operation) =>
        operation.kind === 'createIndex' || operation.kind === 'dropIndex'
          ? [{ migration: 'this', outsideTransaction: true, lock: 'ShareUpdateExclusiveLock', actions: [{ kind: 'flagged' }] }]
          : undefined,
    },
    rationale: `PostgreSQL refuses \`CREATE INDEX CONCURRENTLY\` and \`DROP INDEX CONCURRENTLY\` inside a transaction
block. Many runners (Knex, TypeORM, goose, dbmate, sql-migrate, diesel, flyway) wrap each migration in a
transaction by default, so the migration fails at deploy time. golang-migrate, sqlx (\`*.up.sql\`) and Prisma
(\`migration.sql\`) send a file to PostgreSQL as one query, and PostgreSQL runs a query of several statements
as one transaction: there a \`CONCURRENTLY\` statement must be alone in its file.

Put the statement in a migration of its own and turn the runner's transaction off for it
(\`-- +goose NO TRANSACTION\`, \`exports.config = { transaction: false }\`, \`transaction = false\` in TypeORM).`,
  },
  examples: {
    invalid: [
      { django: "from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        AddIndexConcurrently(\"order\", models.Index(fields=[\"total\"], name=\"order_total_idx\")),\n    ]\n", line: 9 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY \"IDX_orders_customer\" ON \"orders\" (\"customer_id\")`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)\");\n};\n", line: 2 },
      { sql: 'BEGIN;\nCREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\nCOMMIT;', line: 2, column: 1 },
      { sql: 'DROP INDEX CONCURRENTLY orders_customer_idx;', line: 1, options: { assumeInTransaction: true } },
      { sql: '-- +goose Up\nCREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);', line: 2 },
    ],
    valid: [
      { django: "from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        AddIndexConcurrently(\"order\", models.Index(fields=[\"total\"], name=\"order_total_idx\")),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY \"IDX_orders_customer\" ON \"orders\" (\"customer_id\")`);\n  }\n}\n" },
      { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw(\"CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)\");\n};\n" },
      { sql: 'CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);' },
      { sql: '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);' },
    ],
  },
  create: (context) => {
    // In a file sent as one query, and in no other transaction, it is that query's implicit transaction.
    const sharing = () => (context.runnerTransaction || context.explicitTransaction || !context.implicitTransaction ? {} : { wholeFileQuery: true });
    return {
      createIndex(operation) {
        if (operation.concurrently && context.inTransaction) {
          context.report(operation, { name: operation.name, detail: 'CREATE', ...sharing() });
        }
      },
      dropIndex(operation) {
        if (operation.concurrently && context.inTransaction) {
          context.report(operation, { name: operation.names.map(qualifiedName).join(', '), detail: 'DROP', ...sharing() });
        }
      },
    };
  },
});
