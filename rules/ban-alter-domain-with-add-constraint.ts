import { defineRule } from '../src/engine/rule';

export default defineRule({
  id: 'ban-alter-domain-with-add-constraint',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'Adding a constraint to a domain',
    message: ({ name }) => `Adding a constraint to domain "${name}" checks every column of that type in every table while locking them.`,
    help: 'Use table CHECK constraints, added NOT VALID and validated in a separate migration.',
    suggestion: {
      description: 'Put the check on the columns of the tables that use the domain instead, each added NOT VALID and validated in the next migration.',
      steps: () => undefined,
    },
    rationale: `\`ALTER DOMAIN … ADD CONSTRAINT\` validates every existing value in every table column that uses the
domain, holding locks on all those tables for the duration. Table-level CHECK constraints can be added
\`NOT VALID\` and validated without blocking.`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER DOMAIN email ADD CONSTRAINT email_at CHECK (VALUE ~ '@')`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"ALTER DOMAIN email ADD CONSTRAINT email_at CHECK (VALUE ~ '@')\");\n};\n", line: 2 },{ sql: "ALTER DOMAIN email ADD CONSTRAINT email_at CHECK (VALUE ~ '@');", line: 1, column: 1 }],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER DOMAIN email SET DEFAULT NULL`);\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"ALTER DOMAIN email SET DEFAULT NULL\");\n};\n" },{ sql: 'ALTER DOMAIN email SET DEFAULT NULL;' }],
  },
  create: (context) => ({
    alterDomainAddConstraint(operation) {
      context.report(operation, { name: operation.name });
    },
  }),
});
