import { defineRule } from '../src/engine/rule';
import { columnTypeVisitor } from '../src/engine/column-type-rule';

const INT_TYPES = new Set(['int4', 'int', 'integer', 'serial', 'serial4']);

export default defineRule({
  id: 'prefer-bigint-over-int',
  meta: {
    category: 'conventions',
    severity: 'off',
    description: 'A 32-bit integer column',
    message: ({ table, column }) => `Column "${table}"."${column}" is a 32-bit integer, which runs out at about 2.1 billion.`,
    help: 'Use bigint (or bigserial / an identity bigint) for ids and counters.',
    rationale: `Ids and counters in a 32-bit \`integer\` overflow at 2,147,483,647. Changing the type later rewrites the
table (see changing-column-type), which is exactly the migration this linter exists to avoid; \`bigint\` costs
four more bytes a row.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"points\", models.IntegerField(null=True)),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({\n      name: 'votes',\n      columns: [{ name: 'count', type: 'integer' }],\n    }));\n  }\n}\n", line: 7 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('votes', (t) => {\n    t.integer('count');\n  });\n};\n", line: 3 },{ sql: 'CREATE TABLE votes (id bigint, count integer);', line: 1, column: 32 }],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"points\", models.BigIntegerField(null=True)),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'votes', columns: [{ name: 'count', type: 'bigint' }] }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('votes', (t) => {\n    t.bigInteger('count');\n  });\n};\n" },{ sql: 'CREATE TABLE votes (id bigint GENERATED ALWAYS AS IDENTITY, count bigint);' }],
  },
  create: (context) => columnTypeVisitor(context, (type) => INT_TYPES.has(type.name)),
});
