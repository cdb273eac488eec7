import type { Operation } from '../src/model/operations';
import { defineRule } from '../src/engine/rule';

export default defineRule({
  id: 'ban-uncommitted-transaction',
  meta: {
    category: 'transactions',
    severity: 'error',
    description: 'BEGIN with no COMMIT or ROLLBACK by the end of the file',
    message: () => 'This BEGIN is never committed: the migration ends with its transaction still open.',
    help: 'Add COMMIT; at the end of the migration.',
    suggestion: {
      description: 'End the transaction with COMMIT at the end of the migration.',
      steps: (operation) =>
        operation.kind === 'transaction' ? [{ migration: 'this', at: 'end', actions: [{ kind: 'statement', operation: { ...operation, action: 'commit' } }] }] : undefined,
    },
    rationale: `A transaction left open at the end of a migration is committed or rolled back by whatever the runner does
next, or holds its locks until the connection closes. Either way the outcome is not what the file says.`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.startTransaction();\n    await queryRunner.query(`ALTER TABLE \"users\" ADD \"bio\" text`);\n  }\n}\n", line: 7 },
      { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw(\"BEGIN\");\n  await knex.raw(\"ALTER TABLE users ADD COLUMN bio text\");\n};\n", line: 4 },{ sql: 'BEGIN;\nALTER TABLE users ADD COLUMN bio text;', line: 1, column: 1 }],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.startTransaction();\n    await queryRunner.query(`ALTER TABLE \"users\" ADD \"bio\" text`);\n    await queryRunner.commitTransaction();\n  }\n}\n" },
      { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw(\"BEGIN\");\n  await knex.raw(\"ALTER TABLE users ADD COLUMN bio text\");\n  await knex.raw(\"COMMIT\");\n};\n" },{ sql: 'BEGIN;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;' }],
  },
  create: (context) => {
    let openedBy: Operation | undefined;
    return {
      transaction(operation) {
        // A BEGIN that reopens the runner's transaction (after the file's own COMMIT) is the runner's to commit.
        if (operation.action === 'begin') openedBy ??= context.reopensRunnerTransaction ? undefined : operation;
        else openedBy = undefined;
      },
      endOfFile() {
        if (openedBy) context.report(openedBy);
      },
    };
  },
});
