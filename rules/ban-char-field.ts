import { defineRule } from '../src/engine/rule';
import { columnTypeVisitor } from '../src/engine/column-type-rule';

export default defineRule({
  id: 'ban-char-field',
  meta: {
    category: 'conventions',
    severity: 'off',
    description: 'A char(n) column',
    message: ({ table, column }) => `Column "${table}"."${column}" is char(n), which pads values with spaces.`,
    help: 'Use text (with a CHECK constraint on the length if needed).',
    rationale: `\`char(n)\` pads shorter values with spaces and ignores trailing spaces in comparisons, which surprises
application code; it is never faster than \`text\` in PostgreSQL.`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({\n      name: 'countries',\n      columns: [{ name: 'code', type: 'char', length: '2' }],\n    }));\n  }\n}\n", line: 7 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('countries', (t) => {\n    t.specificType('code', 'char(2)');\n  });\n};\n", line: 3 },{ sql: 'CREATE TABLE countries (code char(2));', line: 1, column: 25 }],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'countries', columns: [{ name: 'code', type: 'text' }] }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('countries', (t) => {\n    t.text('code');\n  });\n};\n" },{ sql: 'CREATE TABLE countries (code text);' }],
  },
  create: (context) => columnTypeVisitor(context, (type) => type.name === 'bpchar' || type.name === 'char'),
});
