import { defineRule } from '../src/engine/rule';
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
    rationale: `Detaching a partition normally locks the partitioned (parent) table ACCESS EXCLUSIVE, blocking every query
on every partition. From PostgreSQL 14, \`DETACH PARTITION … CONCURRENTLY\` uses a SHARE UPDATE EXCLUSIVE lock
instead and lets queries continue.`,
  },
  examples: {
    invalid: [
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"ALTER TABLE measurements DETACH PARTITION measurements_2023\");\n};\n", line: 2 },{ sql: 'ALTER TABLE measurements DETACH PARTITION measurements_2023;', line: 1, column: 1 }],
    valid: [
      { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw(\"ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY\");\n};\n" },{ sql: 'ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;' }],
  },
  create: (context) => ({
    detachPartition(operation) {
      if (operation.concurrently) return;
      context.report(operation, { table: qualifiedName(operation.table), name: qualifiedName(operation.partition) });
    },
  }),
});
