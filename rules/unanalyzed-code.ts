import { defineRule } from '../src/engine/rule';

export default defineRule({
  id: 'unanalyzed-code',
  meta: {
    category: 'transactions',
    severity: 'warning',
    description: 'Migration code that static analysis cannot follow',
    message: ({ detail }) => `${detail}`,
    help: 'Check this code by hand, or write it with literal table names and SQL so it can be checked.',
    rationale: `migralint reads Knex and TypeORM migrations without running them. SQL assembled at run time, table names
held in variables from elsewhere, helpers imported from other files and loops cannot be followed, so any
dangerous operation inside them would go unreported. This warning marks each such spot, so that silence is
never mistaken for safety.

The same goes for what is beyond the parsers' limits, in any file: a SQL statement nested more than 1,000 levels
deep or of more than 250,000 tokens, a constant of more than 1,000,000 characters, JavaScript nested too deeply
to be parsed. Only that statement or that part is left out; the rest of the file is checked.`,
    source: 'frontend',
  },
  examples: { invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RunPython(fill_totals),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nimport { addAuditColumns } from './helpers';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await addAuditColumns(queryRunner, 'users');\n  }\n}\n", line: 7, column: 11 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(buildMigrationSql());\n  }\n}\n", line: 5, column: 29 },
      { knex: "const { addAuditColumns } = require('./helpers');\n\nexports.up = async (knex) => {\n  await addAuditColumns(knex, 'users');\n};\n", line: 4, column: 9 },
      { knex: "exports.up = async (knex, tableName) => {\n  await knex.schema.dropTable(tableName);\n};\n", line: 2, column: 31 },
      { knex: "exports.up = async (knex) => {\n  const column = process.env.COLUMN;\n  await knex.raw(`ALTER TABLE users DROP COLUMN ${column} CASCADE CASCADE`);\n};\n", line: 3, column: 18 },], valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RunPython(fill_totals, migrations.RunPython.noop),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    const table = await queryRunner.getTable('users');\n    await queryRunner.addColumn(table, new TableColumn({ name: 'bio', type: 'text', isNullable: true }));\n  }\n}\n" },
      { knex: "const TABLE = 'users';\n\nexports.up = async (knex) => {\n  await knex.schema.alterTable(TABLE, (table) => table.text('bio'));\n};\n" },
      { knex: "const addBio = (db) => db.schema.alterTable('users', (table) => table.text('bio'));\n\nexports.up = async (knex) => {\n  await addBio(knex);\n};\n" },] },
  create: () => ({}),
});
