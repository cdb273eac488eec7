import { defineRule } from '../src/engine/rule';
import { concurrently } from '../src/engine/suggestion-steps';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'require-concurrent-partition-detach',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'DETACH PARTITION without CONCURRENTLY',
    message: ({ table, name }) =>
      `Detaching partition "${name}" from "${table}" without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the parent table.`,
    help: 'Use DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+), outside a transaction.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: false }],
    safeLock: { mode: 'ShareUpdateExclusiveLock', on: ['table'], rewrite: false },

    suggestion: {
      fixable: true,
      description: 'Detach it with DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+), in a migration that runs outside a transaction.',
      steps: (operation, facts) => (operation.kind === 'detachPartition' && facts.pgVersion >= 14 ? [concurrently(operation)] : undefined),
    },
    rationale: `Detaching a partition normally locks the partitioned (parent) table ACCESS EXCLUSIVE, blocking every query
on every partition. From PostgreSQL 14, \`DETACH PARTITION … CONCURRENTLY\` uses a SHARE UPDATE EXCLUSIVE lock
instead and lets queries continue. (It still takes an ACCESS EXCLUSIVE lock on the partition being detached,
briefly, in its last step.)`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE measurements DETACH PARTITION measurements_2023`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"ALTER TABLE measurements DETACH PARTITION measurements_2023\");\n};\n", line: 2 },{ sql: 'ALTER TABLE measurements DETACH PARTITION measurements_2023;', line: 1, column: 1 }],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY`);\n  }\n}\n" },
      { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw(\"ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY\");\n};\n" },{ sql: 'ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;' }],
  },
  create: (context) => ({
    detachPartition(operation) {
      if (operation.concurrently) return;
      context.report(operation, { table: qualifiedName(operation.table), name: qualifiedName(operation.partition) });
    },
  }),
});
