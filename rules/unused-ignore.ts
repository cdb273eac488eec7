import { defineRule } from '../src/engine/rule';

export default defineRule({
  id: 'unused-ignore',
  meta: {
    category: 'transactions',
    severity: 'warning',
    description: 'An ignore comment that names an unknown rule or silences nothing',
    message: ({ detail }) => `${detail}`,
    help: 'Remove the comment, or correct the rule id it names.',
    rationale: `An ignore comment that silences nothing is either stale (the statement changed) or mistyped (a rule id
that does not exist silences nothing, and the real finding still fires or, worse, the author believes it was
reviewed). Reporting it keeps ignore comments honest.`,
    source: 'engine',
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        # migralint-ignore ban-drop-table\n        migrations.AddField(\"order\", \"coupon\", models.TextField(null=True)),\n    ]\n", line: 8 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    // migralint-ignore ban-drop-colum\n    await queryRunner.dropColumn('users', 'bio');\n  }\n}\n", line: 5, column: 5 },
      { knex: "exports.up = async (knex) => {\n  // migralint-ignore ban-drop-colum\n  await knex.schema.alterTable('users', (table) => table.dropColumn('bio'));\n};\n", line: 2, column: 3 },
      { sql: '-- migralint-ignore ban-drop-column -- kept for reporting\nALTER TABLE users ADD COLUMN bio text;', line: 1, column: 1 },
      { sql: '-- migralint-ignore ban-drop-colum\nALTER TABLE users DROP COLUMN bio;', line: 1 },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        # migralint-ignore ban-drop-column -- no code reads it since 2.3\n        migrations.RemoveField(model_name=\"order\", name=\"note\"),\n    ]\n" },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    // migralint-ignore ban-drop-column -- unused since v42\n    await queryRunner.dropColumn('users', 'bio');\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  // migralint-ignore ban-drop-column -- unused since v42\n  await knex.schema.alterTable('users', (table) => table.dropColumn('bio'));\n};\n" },
      { sql: '-- migralint-ignore ban-drop-column -- column unused since v42\nALTER TABLE users DROP COLUMN bio;' },
      { sql: 'ALTER TABLE users DROP COLUMN bio; -- migralint-ignore ban-drop-column' },
      { sql: '-- migralint-ignore-file ban-drop-column\nALTER TABLE users DROP COLUMN bio;' },
    ],
  },
  create: () => ({}),
});
