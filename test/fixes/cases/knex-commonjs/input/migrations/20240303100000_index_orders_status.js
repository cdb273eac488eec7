/** Orders are listed by status on the dashboard. */
exports.up = async (knex) => {
  await knex.raw('CREATE INDEX orders_status_idx ON orders (status)');
};

exports.down = async (knex) => {
  await knex.raw('DROP INDEX orders_status_idx');
};
