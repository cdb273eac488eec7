import { defineRule } from '../src/engine/rule';
import { columnTypeVisitor } from '../src/engine/column-type-rule';

const SMALLINT_TYPES = new Set(['int2', 'smallint', 'smallserial', 'serial2']);

export default defineRule({
  id: 'prefer-bigint-over-smallint',
  meta: {
    category: 'conventions',
    severity: 'off',
    description: 'A 16-bit integer column',
    message: ({ table, column }) => `Column "${table}"."${column}" is a 16-bit integer, which runs out at 32,767.`,
    help: 'Use bigint unless the range is truly fixed.',
    rationale: `\`smallint\` overflows at 32,767. Widening it later rewrites the table under an ACCESS EXCLUSIVE lock.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"rank\", models.SmallIntegerField(null=True)),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('products', new TableColumn({ name: 'stock', type: 'smallint', isNullable: true }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('products', (table) => {\n    table.smallint('stock');\n  });\n};\n", line: 3 },{ sql: 'ALTER TABLE products ADD COLUMN stock smallint;', line: 1, column: 33 }],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"rank\", models.BigIntegerField(null=True)),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('products', new TableColumn({ name: 'stock', type: 'bigint', isNullable: true }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('products', (table) => {\n    table.bigInteger('stock');\n  });\n};\n" },{ sql: 'ALTER TABLE products ADD COLUMN stock bigint;' }],
  },
  create: (context) => columnTypeVisitor(context, (type) => SMALLINT_TYPES.has(type.name)),
});
