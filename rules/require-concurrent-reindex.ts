import { defineRule } from '../src/engine/rule';
import { concurrently } from '../src/engine/suggestion-steps';

export default defineRule({
  id: 'require-concurrent-reindex',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'REINDEX without CONCURRENTLY',
    message: ({ name }) => `REINDEX of "${name}" without CONCURRENTLY blocks writes to the table, and reads that use the index, until it finishes.`,
    help: 'Use REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction.',
    locks: [
      { mode: 'ShareLock', on: ['table'], rewrite: false },
      { mode: 'AccessExclusiveLock', on: ['index'], rewrite: false },
    ],
    safeLock: { mode: 'ShareUpdateExclusiveLock', rewrite: false },

    suggestion: {
      fixable: true,
      description: 'Rebuild it with REINDEX … CONCURRENTLY (PostgreSQL 12+), which lets reads and writes go on, in a migration that runs outside a transaction.',
      steps: (operation, facts) => (operation.kind === 'reindex' && facts.pgVersion >= 12 && operation.targetKind !== 'system' ? [concurrently(operation)] : undefined),
    },
    rationale: `A plain \`REINDEX\` locks out writes to the table and takes an ACCESS EXCLUSIVE lock on each index it
rebuilds, so queries that would use the index wait too. \`REINDEX CONCURRENTLY\` (PostgreSQL 12+) builds a new
index alongside and swaps it in with only brief locks.`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`REINDEX TABLE \"orders\"`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"REINDEX TABLE orders\");\n};\n", line: 2 },
      { sql: 'REINDEX INDEX orders_customer_idx;', line: 1, column: 1 },
      { sql: 'REINDEX TABLE orders;', line: 1 },
    ],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`REINDEX TABLE CONCURRENTLY \"orders\"`);\n  }\n}\n" },
      { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw(\"REINDEX TABLE CONCURRENTLY orders\");\n};\n" },{ sql: 'REINDEX INDEX CONCURRENTLY orders_customer_idx;' }],
  },
  create: (context) => ({
    reindex(operation) {
      // The system catalogues cannot be reindexed concurrently at all.
      if (!operation.concurrently && operation.targetKind !== 'system') context.report(operation, { name: operation.target });
    },
  }),
});
