import { type Dialect, lowerOperation } from '../../src/lowering';
import type { FrontendName } from '../../src/model/file';
import type { Operation } from '../../src/model/operations';
import { prepareLinting, analyzeText, isSkipped } from '../../src/lint';

beforeAll(prepareLinting);

/** The operations of a migration, lowered to the SQL its ORM would send. */
function lowered(source: string, frontend: Extract<FrontendName, Dialect>): string[] {
  const analysis = analyzeText(source, frontend === 'knex' ? '20240101000000_m.js' : '1700000000000-M.ts', { assumeInTransaction: false });
  if (isSkipped(analysis)) throw new Error(analysis.skipped);
  return analysis.analyzed.operations.flatMap((operation: Operation) => {
    const result = lowerOperation(operation, frontend);
    return 'notLowered' in result ? [`not lowered: ${result.notLowered}`] : result.statements.map((statement) => statement.sql);
  });
}

const knex = (body: string) => `exports.up = async (knex) => {\n${body}\n};\n`;
const typeorm = (body: string) =>
  `import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex, TableCheck } from 'typeorm';\nexport class M1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${body}\n  }\n}\n`;

describe('Knex builder calls lower to the SQL Knex sends for PostgreSQL', () => {
  test('createTable with its columns, defaults and references', () => {
    expect(lowered(knex("  await knex.schema.createTable('orders', (t) => {\n    t.increments('id');\n    t.string('status').notNullable().defaultTo('new');\n    t.timestamp('created_at').defaultTo(knex.fn.now());\n    t.bigInteger('user_id').references('id').inTable('users');\n  });"), 'knex')).toEqual([
      'CREATE TABLE "orders" ("id" serial NOT NULL PRIMARY KEY, "status" varchar(255) NOT NULL DEFAULT \'new\', "created_at" timestamptz DEFAULT CURRENT_TIMESTAMP, "user_id" int8 REFERENCES "users" ("id"))',
    ]);
  });

  test('alterTable: columns, indexes with Knex\'s default names, constraints, checks', () => {
    expect(lowered(knex("  await knex.schema.alterTable('users', (t) => {\n    t.uuid('token').defaultTo(knex.raw('gen_random_uuid()'));\n    t.index(['email']);\n    t.unique(['handle']);\n    t.foreign('team_id').references('teams.id');\n    t.check('?? >= ?', ['age', 0], 'age_positive');\n    t.dropColumn('legacy');\n    t.renameColumn('a', 'b');\n  });"), 'knex')).toEqual([
      'ALTER TABLE "users" ADD "token" uuid DEFAULT gen_random_uuid()',
      'CREATE INDEX "users_email_index" ON "users" ("email")',
      'ALTER TABLE "users" ADD CONSTRAINT "users_handle_unique" UNIQUE ("handle")',
      'ALTER TABLE "users" ADD CONSTRAINT "users_team_id_foreign" FOREIGN KEY ("team_id") REFERENCES "teams" ("id")',
      'ALTER TABLE "users" ADD CONSTRAINT "age_positive" CHECK ("age" >= 0)',
      'ALTER TABLE "users" DROP COLUMN "legacy"',
      'ALTER TABLE "users" RENAME COLUMN "a" TO "b"',
    ]);
  });

  test('.alter() re-states the type with a cast, and the nullability', () => {
    expect(lowered(knex("  await knex.schema.alterTable('accounts', (t) => {\n    t.bigInteger('id').notNullable().alter();\n  });"), 'knex')).toEqual([
      'ALTER TABLE "accounts" ALTER COLUMN "id" TYPE int8 USING ("id"::int8)',
      'ALTER TABLE "accounts" ALTER COLUMN "id" SET NOT NULL',
    ]);
  });

  test('what is not known statically is not lowered, and says why', () => {
    expect(lowered(knex("  await knex.schema.createExtension('pgcrypto');"), 'knex')).toEqual(['not lowered: `knex.schema.createExtension` is not modelled']);
  });
});

describe('TypeORM QueryRunner calls lower to the SQL TypeORM sends for PostgreSQL', () => {
  test('addColumn with a generated uuid, createIndex, createForeignKey, createCheckConstraint', () => {
    expect(lowered(typeorm([
      "    await queryRunner.addColumn('users', new TableColumn({ name: 'token', type: 'uuid', isGenerated: true, generationStrategy: 'uuid' }));",
      "    await queryRunner.createIndex('orders', new TableIndex({ name: 'IDX_orders_user', columnNames: ['user_id'] }));",
      "    await queryRunner.createForeignKey('orders', new TableForeignKey({ name: 'FK_orders_user', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }));",
      "    await queryRunner.createCheckConstraint('orders', new TableCheck({ name: 'CHK_total', expression: '\"total\" >= 0' }));",
    ].join('\n')), 'typeorm')).toEqual([
      'ALTER TABLE "users" ADD "token" uuid NOT NULL DEFAULT gen_random_uuid()',
      'CREATE INDEX "IDX_orders_user" ON "orders" ("user_id")',
      'ALTER TABLE "orders" ADD CONSTRAINT "FK_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id")',
      'ALTER TABLE "orders" ADD CONSTRAINT "CHK_total" CHECK ("total" >= 0)',
    ]);
  });

  test('changeColumn to another type drops the column and adds it again, as TypeORM does', () => {
    expect(lowered(typeorm("    await queryRunner.changeColumn('accounts', new TableColumn({ name: 'id', type: 'integer' }), new TableColumn({ name: 'id', type: 'bigint' }));"), 'typeorm')).toEqual([
      'ALTER TABLE "accounts" DROP COLUMN "id"',
      'ALTER TABLE "accounts" ADD "id" int8',
    ]);
  });

  test('createTable with a composite primary key', () => {
    expect(lowered(typeorm("    await queryRunner.createTable(new Table({ name: 'links', columns: [{ name: 'a', type: 'bigint', isPrimary: true }, { name: 'b', type: 'bigint', isPrimary: true }] }));"), 'typeorm')).toEqual([
      'CREATE TABLE "links" ("a" int8 NOT NULL, "b" int8 NOT NULL, PRIMARY KEY ("a", "b"))',
    ]);
  });
});
