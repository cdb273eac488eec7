import { type Subject, defineRule } from '../src/engine/rule';
import { statement } from '../src/engine/suggestion-steps';
import { qualifiedName } from '../src/engine/operation-helpers';
import { timeoutHelp } from '../src/engine/missing-timeout';
import { classifyTypeChange, shortType } from '../src/schema/types';

/** `SET TIME ZONE 'UTC'` (or an equivalent spelling) earlier in the migration. */
const isUtc = (zone: string | undefined) => zone !== undefined && /^\s*(utc|etc\/utc|gmt|etc\/gmt|zulu|z|\+?0+(:00)?)\s*$/i.test(zone);

/** What the change costs, said with as much certainty as the old type allows. */
function message({ table, column, detail, from, rewrite, views }: Subject): string {
  const change = `Changing the type of "${table}"."${column}"`;
  const blocked = views && views.length > 0 ? ` ${views.length === 1 ? 'View' : 'Views'} ${views.map((view) => `"${view}"`).join(', ')} ${views.length === 1 ? 'uses' : 'use'} the column: PostgreSQL refuses the change until ${views.length === 1 ? 'it is' : 'they are'} dropped.` : '';
  if (from === undefined) return `${change}${detail ? ` to ${detail}` : ''} can rewrite the table under an ACCESS EXCLUSIVE lock and break code that expects the old type.${blocked}`;
  const fromTo = `${change} from ${from} to ${detail}`;
  if (rewrite === true) return `${fromTo} rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock, and can break code that expects the old type.${blocked}`;
  if (rewrite === false) return `${fromTo} rewrites no rows (PostgreSQL changes only the catalogue), but still takes an ACCESS EXCLUSIVE lock on "${table}" while it waits and runs.${blocked}`;
  // Between timestamp and timestamptz: PostgreSQL 12+ skips the rewrite only when the session's time zone is UTC.
  return `${fromTo} rewrites the table under an ACCESS EXCLUSIVE lock unless the session's time zone is UTC (PostgreSQL 12+: SET TIME ZONE 'UTC' first), and changes the values code reads.${blocked}`;
}

const EXPAND_AND_CONTRACT = 'Add a new column of the new type, write both, backfill in batches, switch reads, then drop the old column.';
const CATALOGUE_ONLY = 'No new column is needed: keep the statement as it is, under a short lock_timeout.';
const TIME_ZONE = "On PostgreSQL 12+, put SET TIME ZONE 'UTC' before the change in the same migration, and nothing is rewritten; check that the code reads the values as it should. Otherwise add a new column of the new type and backfill it.";

/** The change touches only the catalogue and nothing stops it: the finding is about its brief lock, not a rewrite. */
const onlyCatalogue = (subject: Subject) => subject.rewrite === false && !(subject.views && subject.views.length > 0);

export default defineRule({
  id: 'changing-column-type',
  meta: {
    category: 'compatibility',
    severity: 'error',
    description: "Changing a column's type",
    message,
    help: EXPAND_AND_CONTRACT,
    helpFor: ({ subject, frontend }) =>
      onlyCatalogue(subject)
        ? `It rewrites nothing: keep it. ${timeoutHelp(frontend, "SET lock_timeout = '2s'", ', and retry the migration when it times out, so that its lock cannot queue the table\'s queries.')}`
        : subject.from !== undefined && subject.rewrite === undefined
          ? TIME_ZONE
          : EXPAND_AND_CONTRACT,
    locks: [{ mode: 'AccessExclusiveLock', on: ['table'], rewrite: 'possible', operations: ['alterColumnType'] }],
    suggestion: {
      description: 'Expand and contract: add a column of the new type; deploy code that writes both and backfill; deploy code that reads the new one; then drop the old one.',
      descriptionFor: ({ subject }) => (subject && onlyCatalogue(subject) ? CATALOGUE_ONLY : undefined),
      steps: (operation, { subject }) => {
        if (operation.kind !== 'alterColumnType' || !operation.newType || (subject && onlyCatalogue(subject))) return undefined;
        const { table, column, newType } = operation;
        const newColumn = `${column}_new`;
        return [
          { migration: 'this', lock: 'AccessExclusiveLock', actions: [{ kind: 'addColumnLike', table, column: newColumn, like: column, type: newType }] },
          {
            migration: 'next',
            application: `Write both "${column}" and "${newColumn}" of "${qualifiedName(table)}", and deploy.`,
            lock: 'RowExclusiveLock',
            // The values the migration's USING computes, else the old ones cast: a backfill writes what the change would.
            actions: [{ kind: 'backfill', table, column: newColumn, value: operation.using !== 'other' ? { column, cast: newType } : operation.usingSql ? { sql: operation.usingSql } : { placeholder: 'the USING expression' } }],
          },
          {
            migration: 'later',
            application: `Read "${newColumn}" and stop writing "${column}", and deploy.`,
            lock: 'AccessExclusiveLock',
            actions: [statement({ kind: 'dropColumn', location: operation.location, anchorLine: operation.anchorLine, table, column, ifExists: false })],
          },
        ];
      },
    },
    rationale: `Most type changes make PostgreSQL rewrite the whole table and rebuild its indexes while holding an
ACCESS EXCLUSIVE lock, so reads and writes wait for the entire rewrite. Code that is still running may also
send values the new type rejects.

The old type comes from the schema the earlier migrations build (replayed statically). Re-stating the type a
column already has (Knex's \`.alter()\` does) changes nothing and is not reported. A few changes only touch the
catalogue: \`varchar(n)\` to a longer \`varchar\`, to \`varchar\` or \`text\`; \`numeric(p, s)\` to a larger precision
with the same scale, or to \`numeric\`; a longer \`varbit\`; a larger time precision; \`cidr\` to \`inet\`. Those
are warnings: the ACCESS EXCLUSIVE lock is still taken (briefly, but it queues behind running queries), so
they are kept as they are, under a short lock_timeout; a view that uses the column makes PostgreSQL refuse the
change. Between \`timestamp\` and \`timestamptz\`,
PostgreSQL 12+ rewrites nothing when the session's time zone is UTC. When the old type is not known, the
finding says the table can be rewritten. A table created in the same migration is not reported; one renamed
in the same migration is, when the change rewrites its rows.

The safe route for a rewriting change is a new column, dual writes, a batched backfill, a switch of reads,
and dropping the old column later.`,
  },
  examples: {
    invalid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AlterField(\"order\", \"total\", models.BigIntegerField()),\n    ]\n", line: 8, options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('accounts', new TableColumn({ name: 'id', type: 'integer' }), new TableColumn({ name: 'id', type: 'bigint' }));\n  }\n}\n", line: 5 },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"accounts\" ALTER COLUMN \"id\" TYPE bigint`);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('accounts', (table) => {\n    table.bigInteger('id').notNullable().alter();\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;', line: 1, column: 1 },
      { sql: 'ALTER TABLE accounts\n  ALTER COLUMN id SET DATA TYPE bigint;', line: 1 },
      { sql: 'ALTER TABLE products ALTER COLUMN price TYPE bigint;', line: 1, options: { history: ['CREATE TABLE products (id bigint PRIMARY KEY, price integer, name varchar(50));'] } },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('products', (table) => {\n    table.string('name', 255).alter();\n  });\n};\n", line: 3, options: { history: ['CREATE TABLE products (id bigint PRIMARY KEY, price integer, name varchar(50));'] } },
      { sql: 'ALTER TABLE uploaded_file RENAME TO attachment;\nALTER TABLE attachment ALTER COLUMN id TYPE text;', line: 2, options: { history: ['CREATE TABLE uploaded_file (id bigint PRIMARY KEY, name varchar(50));'] } },
    ],
    valid: [
      { django: "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n\n    operations = [\n        migrations.AlterField(\"order\", \"status\", models.CharField(max_length=20, choices=[(\"new\", \"New\")])),\n    ]\n", options: {djangoHistory: ["from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name=\"Order\",\n            fields=[\n                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),\n                (\"total\", models.IntegerField()),\n                (\"note\", models.TextField(null=True)),\n                (\"status\", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n"]} },
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('accounts', new TableColumn({ name: 'id', type: 'bigint' }), new TableColumn({ name: 'id', type: 'bigint', comment: 'primary key' }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('accounts', (table) => {\n    table.bigInteger('id_big');\n  });\n};\n" },
      { sql: 'CREATE TABLE metrics (value int);\nALTER TABLE metrics ALTER COLUMN value TYPE bigint;' },
      { sql: 'ALTER TABLE events ADD COLUMN payload_json jsonb;' },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('members', (table) => {\n    table.uuid('role_id').nullable().alter();\n  });\n};\n", options: { history: ['CREATE TABLE members (id bigint PRIMARY KEY, role_id uuid);'] } },
      { sql: 'ALTER TABLE members ALTER COLUMN role_id TYPE uuid USING role_id::uuid;', options: { history: ['CREATE TABLE members (id bigint PRIMARY KEY, role_id uuid);'] } },
      { sql: 'ALTER TABLE uploaded_file RENAME TO attachment;\nALTER TABLE attachment ALTER COLUMN name TYPE varchar(255);', options: { history: ['CREATE TABLE uploaded_file (id bigint PRIMARY KEY, name varchar(50));'] } },
      { sql: 'CREATE TABLE user_report AS SELECT id, name FROM users;\nALTER TABLE user_report ALTER COLUMN id TYPE text;', options: { history: ['CREATE TABLE users (id bigint PRIMARY KEY, name varchar(50));'] } },
    ],
  },
  create: (context) => ({
    alterColumnType(operation) {
      // A table created in this migration has no readers yet. One renamed here has none under its new name either,
      // but it keeps its rows: a change that rewrites them holds the lock (the rename's, in a transaction) for the whole rewrite.
      const renamedHere = context.schema.isRenamedTable(operation.table);
      if (context.isNewTable(operation.table) && !renamedHere) return;
      const subject = { table: qualifiedName(operation.table), column: operation.column };
      const from = context.schema.column(operation.table, operation.column)?.type;
      const to = operation.newType;
      if (!from || !to) return context.report(operation, { ...subject, detail: to?.name });
      let change = classifyTypeChange(from, to, operation.using);
      if (change === 'same' || (renamedHere && change === 'catalogue')) return;
      if (change === 'timeZone' && context.pgVersion >= 12 && isUtc(context.settings.get('timezone'))) change = 'catalogue';
      const views = context.schema.viewsUsing(operation.table, operation.column);
      context.report(operation, {
        ...subject,
        detail: shortType(to),
        from: shortType(from),
        ...(change === 'timeZone' ? {} : { rewrite: change === 'rewrite' }),
        ...(views.length > 0 ? { views } : {}),
        // With a view on the column, PostgreSQL refuses even a catalogue-only change: that stays an error.
        ...(change === 'catalogue' && views.length === 0 ? { atMost: 'warning' } : {}),
      });
    },
  }),
});
