import { defineRule } from '../src/engine/rule';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'ban-drop-not-null',
  meta: {
    category: 'compatibility',
    severity: 'warning',
    description: 'Dropping NOT NULL from a column',
    message: ({ table, column }) =>
      `Dropping NOT NULL from "${table}"."${column}" lets nulls in, which code that assumes a value may not handle.`,
    help: 'Make sure every reader copes with null before the migration runs.',
    rationale: `The statement itself is quick, but once NULL is allowed, new rows may lack the value and code (or other
services, reports and ETL jobs) that assumes it is always present can fail. Check every reader first.`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('users', new TableColumn({ name: 'phone', type: 'text' }), new TableColumn({ name: 'phone', type: 'text', isNullable: true }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.setNullable('phone');\n  });\n};\n", line: 3 },{ sql: 'ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;', line: 1, column: 1 }],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('users', new TableColumn({ name: 'phone', type: 'text', isNullable: true }), new TableColumn({ name: 'phone', type: 'text', isNullable: true, default: \"''\" }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.string('phone').defaultTo(null).alter({ alterNullable: false });\n  });\n};\n" },{ sql: 'ALTER TABLE users ALTER COLUMN phone SET DEFAULT NULL;' }],
  },
  create: (context) => ({
    dropNotNull(operation) {
      if (context.isNewTable(operation.table)) return;
      context.report(operation, { table: qualifiedName(operation.table), column: operation.column });
    },
  }),
});
