exports.up = async (knex) => {
  const isPostgres = knex.client.config.client === 'pg';
  await knex.schema.alterTable('shipments', (table) => {
    table.text('carrier');
    if (isPostgres) table.jsonb('tracking');
  });
};

exports.down = async (knex) => {
  await knex.schema.alterTable('shipments', (table) => {
    table.dropColumn('carrier');
    table.dropColumn('tracking');
  });
};
