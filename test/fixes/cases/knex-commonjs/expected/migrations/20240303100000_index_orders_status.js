/** Orders are listed by status on the dashboard. */
exports.config = { transaction: false };

exports.up = async (knex) => {
  await knex.raw("SET lock_timeout = '2s'");
  await knex.raw('CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status)');
};

exports.down = async (knex) => {
  await knex.raw('DROP INDEX orders_status_idx');
};
