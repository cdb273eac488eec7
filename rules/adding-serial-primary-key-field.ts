import { defineRule } from '../src/engine/rule';
import { addConstraint, statement } from '../src/engine/suggestion-steps';
import { qualifiedName } from '../src/engine/operation-helpers';

export default defineRule({
  id: 'adding-serial-primary-key-field',
  meta: {
    category: 'locking',
    severity: 'error',
    description: 'Adding a primary key without USING INDEX',
    message: ({ table }) =>
      `Adding a primary key to "${table}" builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes.`,
    help: 'Build the unique index with CREATE UNIQUE INDEX CONCURRENTLY, then ADD PRIMARY KEY USING INDEX.',
    locks: [
      { mode: 'AccessExclusiveLock', on: ['table'], rewrite: false, operations: ['addConstraint'] },
      { mode: 'AccessExclusiveLock', on: ['table'], rewrite: true, operations: ['addColumn'] },
    ],
    costIsLockWait: true,
    safeLock: { rewrite: false },
    suggestion: {
      description:
        'Build the unique index with CREATE UNIQUE INDEX CONCURRENTLY, outside a transaction, then ADD PRIMARY KEY USING INDEX; make its columns NOT NULL first (as adding-not-nullable-field shows), or that statement scans the table. A new serial key column fills every row: add it, fill it in batches, then do the same.',
      steps: (operation) => {
        if (operation.kind !== 'addConstraint' || operation.constraint.kind !== 'primaryKey' || operation.constraint.columns.length === 0) return undefined;
        const { table } = operation;
        const name = operation.constraint.name ?? `${table.name}_pkey`;
        const place = { location: operation.location, anchorLine: operation.anchorLine };
        return [
          {
            migration: 'this',
            outsideTransaction: true,
            lock: 'ShareUpdateExclusiveLock',
            actions: [statement({ kind: 'createIndex', ...place, table, name, columns: operation.constraint.columns, unique: true, concurrently: true, ifNotExists: false })],
          },
          { migration: 'this', lock: 'AccessExclusiveLock', actions: [addConstraint(operation, table, { kind: 'primaryKey', name, columns: [], notValid: false, usingIndex: name }, true)] },
        ];
      },
    },
    rationale: `\`ADD PRIMARY KEY\` builds a unique index (and checks NOT NULL) while holding an ACCESS EXCLUSIVE lock.
On a table of any size the application is blocked for the whole build.

Create the unique index concurrently first, then \`ALTER TABLE … ADD CONSTRAINT name PRIMARY KEY USING INDEX
index_name\`, which only takes the lock briefly.`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createPrimaryKey('events', ['id']);\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('events', (table) => {\n    table.primary(['id']);\n  });\n};\n", line: 3 },
      { sql: 'ALTER TABLE events ADD PRIMARY KEY (id);', line: 1, column: 1 },
      { sql: 'ALTER TABLE events ADD COLUMN id bigserial PRIMARY KEY;', line: 1 },
    ],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'logs', columns: [{ name: 'id', type: 'bigint', isPrimary: true }] }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('logs', (t) => {\n    t.bigInteger('id');\n    t.primary(['id']);\n  });\n};\n" },
      { sql: 'ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;' },
      { sql: 'CREATE TABLE logs (id bigint);\nALTER TABLE logs ADD PRIMARY KEY (id);' },
    ],
  },
  create: (context) => ({
    addConstraint(operation) {
      const { constraint } = operation;
      if (constraint.kind !== 'primaryKey' || constraint.usingIndex || context.isEmptyTable(operation.table)) return;
      context.report(operation, { table: qualifiedName(operation.table) });
    },
    addColumn(operation) {
      if (!operation.column.primaryKey || context.isEmptyTable(operation.table)) return;
      context.report(operation, { table: qualifiedName(operation.table) });
    },
  }),
});
