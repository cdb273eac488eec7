import { defineRule } from '../src/engine/rule';
import { columnTypeVisitor } from '../src/engine/column-type-rule';

export default defineRule({
  id: 'prefer-text-field',
  meta: {
    category: 'conventions',
    severity: 'off',
    description: 'A varchar(n) column',
    message: ({ table, column }) => `Column "${table}"."${column}" is varchar with a length limit; raising the limit later needs a migration that locks the table.`,
    help: 'Use text, with a CHECK (char_length(col) <= n) constraint if a limit is needed.',
    rationale: `\`varchar(n)\` and \`text\` are stored the same way. Changing a CHECK constraint can be done \`NOT VALID\` without
blocking; changing \`varchar(n)\` to a shorter length rewrites the table, and even widening takes an ACCESS
EXCLUSIVE lock.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"coupon\", models.CharField(max_length=20, null=True)),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({\n      name: 'users',\n      columns: [{ name: 'email', type: 'varchar', length: '255' }],\n    }));\n  }\n}\n", line: 7 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('users', (t) => {\n    t.string('email');\n  });\n};\n", line: 3 },{ sql: 'CREATE TABLE users (id bigint, email varchar(255));', line: 1, column: 32 }],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AddField(\"order\", \"coupon\", models.TextField(null=True)),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'users', columns: [{ name: 'email', type: 'text' }] }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('users', (t) => {\n    t.text('email');\n  });\n};\n" },{ sql: 'CREATE TABLE users (id bigint, email text);' }],
  },
  create: (context) => columnTypeVisitor(context, (type) => type.name === 'varchar' && type.modifiers.length > 0),
});
