import { defineRule } from '../src/engine/rule';

const MAX_IDENTIFIER_BYTES = 63;

export default defineRule({
  id: 'identifier-too-long',
  meta: {
    category: 'transactions',
    severity: 'warning',
    description: 'An identifier longer than 63 bytes',
    message: ({ name, detail }) =>
      `Identifier "${name}" is ${detail} bytes long; PostgreSQL silently truncates it to 63 bytes.`,
    help: 'Shorten the name to 63 bytes or fewer, so the name in the database is the one in the code.',
    rationale: `PostgreSQL keeps only the first 63 bytes of an identifier (NAMEDATALEN - 1) and only emits a NOTICE.
Two long names that share a prefix then collide, and code that refers to the full name (an ORM constraint
name, a later migration) no longer finds it.`,
  },
  examples: {
    invalid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createIndex('orders', new TableIndex({ name: 'IDX_orders_customer_id_created_at_status_region_warehouse_channel_x', columnNames: ['customer_id'] }));\n  }\n}\n", line: 5 },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders_fulfillment_events', (table) => {\n    table.index(['customer_id', 'created_at', 'status', 'warehouse']);\n  });\n};\n", line: 3 },
      {
        sql: `CREATE INDEX CONCURRENTLY ${'orders_customer_id_created_at_status_region_'.repeat(2)}idx ON orders (customer_id);`,
        line: 1,
        column: 1,
      },
    ],
    valid: [
      { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createIndex('orders', new TableIndex({ name: 'IDX_orders_customer_id', columnNames: ['customer_id'] }));\n  }\n}\n" },
      { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders_fulfillment_events', (table) => {\n    table.index(['customer_id', 'created_at', 'status', 'warehouse'], 'ofe_customer_idx');\n  });\n};\n" },{ sql: 'CREATE INDEX CONCURRENTLY orders_customer_created_idx ON orders (customer_id, created_at);' }],
  },
  create: (context) => ({
    anyOperation(operation) {
      for (const name of operation.identifiers ?? []) {
        const bytes = Buffer.byteLength(name, 'utf8');
        if (bytes > MAX_IDENTIFIER_BYTES) context.report(operation, { name, detail: String(bytes) });
      }
    },
  }),
});
