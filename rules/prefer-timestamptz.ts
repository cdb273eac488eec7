import { defineRule } from '../src/engine/rule';
import { columnTypeVisitor } from '../src/engine/column-type-rule';

export default defineRule({
  id: 'prefer-timestamptz',
  meta: {
    category: 'conventions',
    severity: 'off',
    description: 'A timestamp column without time zone',
    message: ({ table, column }) => `Column "${table}"."${column}" is timestamp without time zone, which stores wall-clock times with no zone.`,
    help: 'Use timestamptz (timestamp with time zone).',
    rationale: `\`timestamp\` drops the offset, so the same instant written from servers in different zones is stored as
different values, and daylight-saving changes create duplicates. \`timestamptz\` stores an instant.`,
    aliases: ['prefer-timestamp-tz'],
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'shipped_at', type: 'timestamp', isNullable: true }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.timestamp('shipped_at', { useTz: false });\n  });\n};\n", line: 3 },{ sql: 'ALTER TABLE orders ADD COLUMN shipped_at timestamp;', line: 1, column: 31 }],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"paid_at\", models.DateTimeField(null=True)),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'shipped_at', type: 'timestamp with time zone', isNullable: true }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.timestamp('shipped_at');\n  });\n};\n" },{ sql: 'ALTER TABLE orders ADD COLUMN shipped_at timestamptz;' }],
  },
  create: (context) => columnTypeVisitor(context, (type) => type.name === 'timestamp'),
});
