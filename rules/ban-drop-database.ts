import { defineRule } from '../src/engine/rule';

export default defineRule({
  id: 'ban-drop-database',
  meta: {
    category: 'compatibility',
    severity: 'error',
    description: 'Dropping a database from a migration',
    message: ({ name }) => `Dropping database "${name}" from a migration destroys every table in it.`,
    help: 'Do not drop databases from a migration; do it by hand, deliberately, after a backup.',
    suggestion: {
      description: 'Take it out of the migration, and drop the database by hand, deliberately, after a backup.',
      steps: () => undefined,
    },
    rationale: `A migration runs unattended on every environment it reaches. \`DROP DATABASE\` there deletes all data
in that database, irreversibly, and breaks every application connected to it.`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropDatabase('analytics');\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"DROP DATABASE analytics\");\n};\n", line: 2 },{ sql: 'DROP DATABASE analytics;', line: 1, column: 1 }],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createDatabase('analytics', true);\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"CREATE DATABASE analytics\");\n};\n" },{ sql: 'CREATE DATABASE analytics;' }],
  },
  create: (context) => ({
    dropDatabase(operation) {
      context.report(operation, { name: operation.name });
    },
  }),
});
