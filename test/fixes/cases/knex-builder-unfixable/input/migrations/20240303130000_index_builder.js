exports.up = function (knex) {
  return knex.schema.alterTable('orders', (table) => {
    table.index(['placed_at']);
  });
};

exports.down = function (knex) {
  return knex.schema.alterTable('orders', (table) => {
    table.dropIndex(['placed_at']);
  });
};
