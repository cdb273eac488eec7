export async function up(knex) {
    await knex.raw(`DROP INDEX orders_legacy_idx`);
}

export async function down(knex) {
    await knex.raw(`CREATE INDEX orders_legacy_idx ON orders (legacy)`);
}
