import { defineRule } from '../src/engine/rule';
import { edit } from '../src/engine/suggestion-steps';

export default defineRule({
  id: 'ban-create-domain-with-constraint',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'Creating a domain with a CHECK constraint',
    message: ({ name }) => `Domain "${name}" has a CHECK constraint, which is hard to change later without locking every table that uses it.`,
    help: 'Use a plain domain (or the base type) and put the CHECK constraint on the tables.',
    suggestion: {
      description: 'Create the domain without its CHECK, and put the check on the columns of the tables that use it (added NOT VALID, validated in the next migration).',
      steps: (operation) => (operation.kind === 'createDomain' ? [{ migration: 'this', actions: [edit(operation, { kind: 'domainWithoutCheck' }, { ...operation, hasCheck: false })] }] : undefined),
    },
    rationale: `Changing a domain's constraint later validates every column of that domain in every table while holding
locks, and cannot be done \`NOT VALID\` the way table constraints can. Table CHECK constraints can be added
\`NOT VALID\` and validated without blocking traffic.`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE DOMAIN email AS text CHECK (VALUE ~ '@')`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"CREATE DOMAIN email AS text CHECK (VALUE ~ '@')\");\n};\n", line: 2 },{ sql: "CREATE DOMAIN email AS text CHECK (VALUE ~ '@');", line: 1, column: 1 }],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE DOMAIN email AS text`);\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"CREATE DOMAIN email AS text\");\n};\n" },{ sql: 'CREATE DOMAIN email AS text;' }],
  },
  create: (context) => ({
    createDomain(operation) {
      if (operation.hasCheck) context.report(operation, { name: operation.name });
    },
  }),
});
