exports.config = { transaction: false };

exports.up = async function (knex) {
  await knex.raw("SET lock_timeout = '2s'");
  await knex.schema.dropTableIfExists('old_tags');
  await knex.raw('CREATE INDEX CONCURRENTLY IF NOT EXISTS tags_label_idx ON tags (label)');
};

exports.down = async function () {};
