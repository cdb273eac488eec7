import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET lock_timeout = '2s'");
  await knex.raw('ALTER TABLE line_items ADD CONSTRAINT line_items_quantity_positive CHECK (quantity > 0) NOT VALID');
  await knex.raw('ALTER TABLE line_items VALIDATE CONSTRAINT line_items_quantity_positive');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE line_items DROP CONSTRAINT line_items_quantity_positive');
}
