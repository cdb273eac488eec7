import { defineRule } from '../src/engine/rule';

export default defineRule({
  id: 'transaction-nesting',
  meta: {
    category: 'transactions',
    severity: 'error',
    description: 'BEGIN inside a transaction, or COMMIT/ROLLBACK without BEGIN',
    message: ({ detail }) => `${detail}`,
    help: "Let the migration runner manage the transaction, or, where the runner can be told to, turn its transaction off and manage it in the file.",
    suggestion: {
      description:
        "Remove the BEGIN and its COMMIT (or the stray COMMIT/ROLLBACK): the runner already runs the migration in a transaction. To manage the transaction in the file instead, turn the runner's off where it has a switch (-- +goose NO TRANSACTION, exports.config = { transaction: false }, transaction = false, atomic = False); drizzle's migrator and synapse have none.",
      steps: () => undefined,
    },
    rationale: `PostgreSQL has no nested transactions: a \`BEGIN\` inside a transaction only warns and is ignored, and the
first \`COMMIT\` then commits everything, including the runner's own transaction, so the runner can no longer
roll the migration back on failure. A \`COMMIT\` or \`ROLLBACK\` with no \`BEGIN\` in the file ends a
transaction the file did not start.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RunSQL(\"BEGIN; ALTER TABLE shop_order ADD COLUMN note text; COMMIT;\"),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.startTransaction();\n    await queryRunner.query(`ALTER TABLE \"users\" ADD \"bio\" text`);\n    await queryRunner.commitTransaction();\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.raw('BEGIN');\n  await knex.raw('ALTER TABLE users ADD COLUMN bio text');\n  await knex.raw('COMMIT');\n};\n", line: 2 },
      { sql: 'BEGIN;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;', line: 1, column: 1, options: { assumeInTransaction: true } },
      { sql: 'BEGIN;\nBEGIN;\nCOMMIT;', line: 2 },
      { sql: 'ALTER TABLE users ADD COLUMN bio text;\nCOMMIT;', line: 2 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RunSQL(\"BEGIN; ALTER TABLE shop_order ADD COLUMN note text; COMMIT;\"),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.startTransaction();\n    await queryRunner.query(`ALTER TABLE \"users\" ADD \"bio\" text`);\n    await queryRunner.commitTransaction();\n  }\n}\n" },
      { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw(\"BEGIN\");\n  await knex.raw(\"ALTER TABLE users ADD COLUMN bio text\");\n  await knex.raw(\"COMMIT\");\n};\n" },{ sql: 'BEGIN;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;' }],
  },
  create: (context) => ({
    transaction(operation) {
      // A BEGIN in a file sent as one query just makes its implicit transaction an ordinary one.
      if (operation.action === 'begin' && (context.runnerTransactionOpen || context.explicitTransaction)) {
        const whose = context.explicitTransaction ? 'an earlier BEGIN' : "the migration runner's transaction";
        context.report(operation, { detail: `BEGIN inside ${whose}: PostgreSQL does not nest transactions.` });
      } else if (operation.action !== 'begin' && !context.explicitTransaction) {
        const action = operation.action.toUpperCase();
        context.report(operation, { detail: `${action} without a BEGIN in this file ends a transaction the file did not start.` });
      }
    },
  }),
});
