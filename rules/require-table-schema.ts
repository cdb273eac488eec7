import { defineRule } from '../src/engine/rule';
import { tablesNamedBy } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'require-table-schema',
  meta: {
    category: 'conventions',
    severity: 'off',
    description: 'A table named without its schema',
    message: ({ table }) => `Table "${table}" is named without a schema, so which table it means depends on the search_path.`,
    help: 'Qualify the table with its schema, e.g. public.users.',
    rationale: `An unqualified name resolves through \`search_path\`, which differs between roles, tools and environments.
Qualifying names makes the migration act on the same table everywhere.`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'bio', type: 'text', isNullable: true }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.text('bio');\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE users ADD COLUMN bio text;', line: 1, column: 1 },
      { sql: 'DROP TABLE IF EXISTS public.sessions, sessions_old;', line: 1 },
    ],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('public.users', new TableColumn({ name: 'bio', type: 'text', isNullable: true }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.withSchema('public').alterTable('users', (table) => {\n    table.text('bio');\n  });\n};\n" },{ sql: 'ALTER TABLE public.users ADD COLUMN bio text;' }, { sql: 'DROP TABLE public.sessions;' },
      { sql: 'CREATE TEMP TABLE moved_ids (id bigint) ON COMMIT DROP;\nINSERT INTO moved_ids SELECT id FROM public.orders;\nDROP TABLE moved_ids;' }],
  },
  create: (context) => {
    const reportedAt = new Set<string>();
    return {
      anyOperation(operation) {
        // A temporary table lives in the session's own schema: it cannot be named with another.
        const isTemporary = operation.kind === 'createTable' ? operation.temporary === true : false;
        const table = tablesNamedBy(operation).find((named) => !named.schema && !isTemporary && !context.isTemporaryTable(named));
        const place = `${operation.location.line}:${operation.location.column}`;
        if (!table || reportedAt.has(place)) return;
        reportedAt.add(place);
        context.report(operation, { table: table.name });
      },
    };
  },
});
