import { defineRule } from '../src/engine/rule';

export default defineRule({
  id: 'syntax-error',
  meta: {
    category: 'transactions',
    severity: 'error',
    description: "PostgreSQL's parser rejects the SQL",
    message: ({ detail }) => `${detail}`,
    help: 'Fix the SQL so that PostgreSQL can parse it; nothing else in the file was checked.',
    rationale: `migralint parses SQL with PostgreSQL's own parser. When it rejects a file (or a SQL string inside a Knex
or TypeORM migration), PostgreSQL would reject it too, and none of the file's other statements could be
checked. The finding points where the parser stopped.`,
    source: 'frontend',
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RunSQL(\"ALTER TABLE shop_order ADD COLUM note text\"),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"users\" ADD COLUMN \"email\" text NOT NUL`);\n  }\n}\n", line: 5, column: 78 },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"ALTER TABLE users ADD COLUMN email text NOT NUL\");\n};\n", line: 2, column: 63 },
      { sql: 'ALTER TABLE users ADD COLUMN email text NOT NUL;', line: 1, column: 45 },
      { sql: '-- café\nCREATE TABLE café (id bigint,);', line: 2, column: 30 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.RunSQL(\"ALTER TABLE shop_order ADD COLUMN note text\", reverse_sql=\"ALTER TABLE shop_order DROP COLUM note\"),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"users\" ADD COLUMN \"email\" text NOT NULL DEFAULT ''`);\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.raw(\"ALTER TABLE users ADD COLUMN email text NOT NULL DEFAULT ''\");\n};\n" },{ sql: 'ALTER TABLE users ADD COLUMN email text NOT NULL DEFAULT \'\';' }],
  },
  create: () => ({}),
});
