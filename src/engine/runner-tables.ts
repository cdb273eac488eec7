import type { TableName } from '../model/operations';

/**
 * The tables migration runners keep their own bookkeeping in, by their default
 * names: they exist before the first migration, and some migrations change them
 * (harbor adds a column to golang-migrate's schema_migrations). The application
 * does not use them, so a lock on one keeps no query of it waiting.
 */
export const RUNNER_TABLES = new Set([
  'schema_migrations', // golang-migrate, dbmate, Rails
  'goose_db_version', // goose
  'flyway_schema_history', // Flyway (schema_version before Flyway 5)
  'schema_version',
  'knex_migrations', // Knex
  'knex_migrations_lock',
  'migrations', // TypeORM
  'typeorm_metadata',
  '_prisma_migrations', // Prisma
  '__diesel_schema_migrations', // diesel
  'django_migrations', // Django
  '_sqlx_migrations', // sqlx
  'gorp_migrations', // sql-migrate
  'seaql_migrations', // SeaORM
  'atlas_schema_revisions', // Atlas
  'pgmigrations', // node-pg-migrate
  'mikro_orm_migrations', // MikroORM
  'kysely_migration', // Kysely
  'kysely_migration_lock',
  'SequelizeMeta', // Sequelize
]);

/** A lock on this table keeps the application's queries waiting: a named table that existed before this migration, not a runner's own. */
export function queriesWaitOn(table: TableName, isNewTable: (table: TableName) => boolean): boolean {
  return table.name !== '' && !RUNNER_TABLES.has(table.name) && !isNewTable(table);
}
