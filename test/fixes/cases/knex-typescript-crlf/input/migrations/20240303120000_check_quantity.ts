import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE line_items ADD CONSTRAINT line_items_quantity_positive CHECK (quantity > 0)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE line_items DROP CONSTRAINT line_items_quantity_positive');
}
