export const config = { transaction: false };

export async function up(knex) {
    await knex.raw("SET lock_timeout = '2s'");
    await knex.raw(`DROP INDEX CONCURRENTLY orders_legacy_idx`);
}

export async function down(knex) {
    await knex.raw(`CREATE INDEX orders_legacy_idx ON orders (legacy)`);
}
