import { defineRule } from '../src/engine/rule';
import { edit } from '../src/engine/suggestion-steps';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'ban-truncate-cascade',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'TRUNCATE … CASCADE',
    message: ({ table }) =>
      `TRUNCATE "${table}" CASCADE also empties every table that references it, recursively, which may be far more than intended.`,
    help: 'Truncate the tables you mean explicitly, by name.',
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: false }],
    suggestion: {
      description: 'Name every table to empty; without CASCADE, PostgreSQL refuses (and names it) if another table still references them, instead of emptying that one too.',
      steps: (operation) =>
        operation.kind === 'truncate' ? [{ migration: 'this', lock: 'AccessExclusiveLock', actions: [edit(operation, { kind: 'withoutCascade' }, { ...operation, cascade: false })] }] : undefined,
    },
    rationale: `\`CASCADE\` makes \`TRUNCATE\` empty every table with a foreign key to the named tables, and the tables that
reference those, and so on. What gets deleted depends on the schema at run time, not on the migration text, and
every one of those tables is locked ACCESS EXCLUSIVE.`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`TRUNCATE TABLE \"customers\" CASCADE`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"TRUNCATE TABLE customers CASCADE\");\n};\n", line: 2 },{ sql: 'TRUNCATE TABLE customers CASCADE;', line: 1, column: 1 }],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.clearTable('import_rows');\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"TRUNCATE TABLE import_rows\");\n};\n" },{ sql: 'TRUNCATE TABLE import_rows, import_batches;' }],
  },
  create: (context) => ({
    truncate(operation) {
      if (operation.cascade) context.report(operation, { table: operation.tables.map(qualifiedName).join('", "') });
    },
  }),
});
