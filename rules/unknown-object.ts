import { RUNNER_TABLES } from '../src/engine/runner-tables';
import type { Operation, TableName } from '../src/model/operations';
import { defineRule, type RuleContext, type Visitor } from '../src/engine/rule';
import { qualifiedName, renamesIndexOrSequence } from '../src/engine/operation-helpers';
import { findColumn, findConstraint } from '../src/schema/catalogue';

/** TypeORM's generated names (`IDX_…`, `FK_…`, `UQ_…`), which the replay cannot compute. */
const ORM_NAME = /^(IDX|UQ|PK|FK|REL|CHK)_/;

/**
 * A name PostgreSQL or an ORM chose where the migration gave none may differ from
 * the one the replay chose: a name that could be one of those is not reported.
 */
function mayBeChosenName(name: string, chosen: ReadonlyArray<{ nameGenerated?: boolean; table: { name: string } }>): boolean {
  return chosen.some((object) => object.nameGenerated === true && (name.startsWith(`${object.table.name}_`) || ORM_NAME.test(name)));
}

/** What the finding is about, as its message names it. */
type ObjectKind = 'Table' | 'Column' | 'Index' | 'Constraint' | 'Type';

/**
 * The checks, with the replayed schema as the earlier migrations (and this one
 * so far) leave it. Nothing is reported where the history looks incomplete, under
 * IF EXISTS or a run-time condition, or for names that code run by the migrations
 * (a DO block, a function) mentions: such code may make the object.
 */
function checks(context: RuleContext): Visitor {
  const { schema } = context;
  const guarded = (operation: Operation) => !schema.historyComplete || operation.conditional === true || operation.ifTableExists === true;
  const report = (operation: Operation, kind: ObjectKind, name: string, table?: TableName) =>
    context.report(operation, { detail: kind, name, ...(table ? { table: qualifiedName(table) } : {}) });
  /** The table is missing: reported, and true (its columns are then not looked at). */
  const missingTable = (operation: Operation, table: TableName): boolean => {
    if (schema.table(table) || schema.view(table)) return false;
    if (RUNNER_TABLES.has(table.name)) return true; // there, with columns the runner chose
    if (!schema.mentionedByCode(table.name) && !mayBePartition(table)) report(operation, 'Table', qualifiedName(table));
    return true;
  };
  /** Partitions are often made by a function (`events_2024`, `wal_0`): a table named after a partitioned one may be one. */
  const mayBePartition = (table: TableName) => {
    const underscore = table.name.lastIndexOf('_');
    return underscore > 0 && schema.table({ ...table, name: table.name.slice(0, underscore) })?.partitioned === true;
  };
  const missingColumns = (operation: Operation, table: TableName, columns: readonly string[]) => {
    if (guarded(operation) || missingTable(operation, table)) return;
    const found = schema.table(table);
    if (!found?.columnsKnown) return; // made without listing its columns, or only changed: it may have more
    const missing = columns.find((column) => !findColumn(found, column) && !schema.mentionedByCode(column));
    if (missing !== undefined) report(operation, 'Column', missing, table);
  };
  const onTable = (operation: Operation, table: TableName) => {
    if (!guarded(operation)) missingTable(operation, table);
  };
  const onConstraint = (operation: Operation, table: TableName, name: string) => {
    if (guarded(operation) || missingTable(operation, table)) return;
    const found = schema.table(table);
    if (!found || found.assumed || findConstraint(found, name) || schema.mentionedByCode(name)) return;
    if (!mayBeChosenName(name, found.constraints.map((constraint) => ({ nameGenerated: constraint.nameGenerated, table: found })))) report(operation, 'Constraint', name, table);
  };
  return {
    addColumn: (operation) => onTable(operation, operation.table),
    dropColumn: (operation) => (operation.ifExists ? onTable(operation, operation.table) : missingColumns(operation, operation.table, [operation.column])),
    renameColumn: (operation) => missingColumns(operation, operation.table, [operation.column]),
    alterColumnType: (operation) => missingColumns(operation, operation.table, [operation.column]),
    setNotNull: (operation) => missingColumns(operation, operation.table, [operation.column]),
    dropNotNull: (operation) => missingColumns(operation, operation.table, [operation.column]),
    setDefault: (operation) => missingColumns(operation, operation.table, [operation.column]),
    addConstraint: (operation) => missingColumns(operation, operation.table, operation.constraint.columns),
    validateConstraint: (operation) => onConstraint(operation, operation.table, operation.name),
    // A constraint the runner finds by its columns (Django) may carry another name than the one the replay gave it.
    dropConstraint: (operation) => (operation.ifExists || operation.byLookup ? onTable(operation, operation.table) : onConstraint(operation, operation.table, operation.name)),
    renameTable: (operation) => {
      if (!renamesIndexOrSequence(schema, operation.table)) onTable(operation, operation.table);
    },
    createIndex: (operation) => missingColumns(operation, operation.table, operation.columns),
    attachPartition: (operation) => {
      onTable(operation, operation.table);
      onTable(operation, operation.partition);
    },
    detachPartition: (operation) => onTable(operation, operation.partition),
    dropTable: (operation) => {
      if (!operation.ifExists) for (const table of operation.tables) onTable(operation, table);
    },
    dropIndex: (operation) => {
      if (operation.ifExists || guarded(operation)) return;
      for (const name of operation.names) {
        if (schema.index(name) || schema.mentionedByCode(name.name)) continue;
        // Looked at only for a name not found: it walks every index.
        const chosen = [...schema.indexes()].filter((index) => index.nameGenerated);
        if (!mayBeChosenName(name.name, chosen)) report(operation, 'Index', qualifiedName(name));
      }
    },
    other: (operation) => {
      const change = operation.change;
      if (!change || guarded(operation)) return;
      if (change.kind === 'addEnumValue' || change.kind === 'renameEnumValue' || change.kind === 'renameType' || (change.kind === 'dropType' && !change.ifExists)) {
        const types = change.kind === 'dropType' ? change.types : [change.type];
        for (const type of types) if (!schema.type(type) && !schema.mentionedByCode(type.name)) report(operation, 'Type', qualifiedName(type));
      }
      if (change.kind === 'renameConstraint') onConstraint(operation, change.table, change.name);
    },
  };
}

export default defineRule({
  id: 'unknown-object',
  meta: {
    category: 'transactions',
    severity: 'warning',
    description: 'A change to a table, column, index, constraint or type that the earlier migrations do not make',
    message: ({ detail, name, table }) =>
      `${detail} "${name}"${table ? ` of "${table}"` : ''} is not in the schema the earlier migrations build: a typo, a migration out of order or a missing one would make this statement fail.`,
    help: 'Check the name, the order of the migrations, and that none is missing; if the object is made outside the migrations, ignore this finding here.',
    rationale: `migralint replays the migrations in the order their runner applies them into a model of the schema
(statically: nothing is run). A statement that alters, drops or renames a table, column, index, constraint or
type that no earlier migration made fails when the migration is deployed: the name has a typo, the migrations
run in another order than intended, or one of them is missing from the folder.

The rule stays silent where the replayed history is evidently incomplete (a folder that starts by changing
tables it never creates, or a migration that could not be read whole: \`migralint --verbose\` says which), for
statements with \`IF EXISTS\` or under a run-time condition, for names that code run by the migrations
mentions (a \`DO\` block or a function may make them), for constraint and index names that PostgreSQL or an
ORM chose (the replay may have chosen another), and for the tables migration runners keep their own records
in (\`schema_migrations\`, \`goose_db_version\`, \`knex_migrations\`, \`_prisma_migrations\`…), which exist before
the first migration.`,
  },
  examples: {
    invalid: [
      { sql: 'ALTER TABLE users DROP COLUMN emial;', line: 1, options: { history: ['CREATE TABLE users (id bigint PRIMARY KEY, email text);'] } },
      { sql: 'ALTER TABLE user_accounts ADD COLUMN nickname text;', line: 1, options: { history: ['CREATE TABLE users (id bigint PRIMARY KEY, email text);'] } },
      { sql: 'ALTER TABLE users DROP CONSTRAINT users_mail_key;', line: 1, options: { history: ['CREATE TABLE users (id bigint, email text, CONSTRAINT users_pkey PRIMARY KEY (id), CONSTRAINT users_email_key UNIQUE (email));'] } },
      { sql: "ALTER TYPE mood ADD VALUE 'ecstatic';", line: 1, options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TYPE status AS ENUM ('active', 'blocked');"] } },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.dropColumn('emial');\n  });\n};\n", line: 3, options: { history: ['CREATE TABLE users (id bigint PRIMARY KEY, email text);'] } },
      { typeorm: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.renameColumn('users', 'emial', 'email_address');\n  }\n}\n", line: 5, options: { history: ['CREATE TABLE users (id bigint PRIMARY KEY, email text);'] } },
    ],
    valid: [
      { sql: 'ALTER TABLE users DROP COLUMN email;', options: { history: ['CREATE TABLE users (id bigint PRIMARY KEY, email text);'] } },
      { sql: 'ALTER TABLE users DROP COLUMN IF EXISTS emial;', options: { history: ['CREATE TABLE users (id bigint PRIMARY KEY, email text);'] } },
      { sql: 'ALTER TABLE IF EXISTS user_accounts ADD COLUMN nickname text;', options: { history: ['CREATE TABLE users (id bigint PRIMARY KEY, email text);'] } },
      { sql: 'ALTER TABLE users DROP CONSTRAINT users_email_key;', options: { history: ['CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);'] } },
      { sql: 'ALTER TABLE accounts ADD COLUMN nickname text;' },
      { sql: 'ALTER TABLE schema_migrations ADD COLUMN dirty boolean;', options: { history: ['CREATE TABLE users (id bigint PRIMARY KEY, email text);'] } },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('knex_migrations', (table) => {\n    table.dropColumn('batch');\n  });\n};\n", options: { history: ['CREATE TABLE users (id bigint PRIMARY KEY, email text);'] } },
      { sql: 'ALTER TABLE audit_entries ADD COLUMN note text;', options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY);\nDO $$ BEGIN EXECUTE 'CREATE TABLE audit_entries (id bigint)'; END $$;"] } },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('tags', (table) => {\n    table.increments('id');\n    table.text('label');\n  });\n  await knex.schema.alterTable('tags', (table) => {\n    table.dropColumn('label');\n  });\n};\n" },
    ],
  },
  create: checks,
});
