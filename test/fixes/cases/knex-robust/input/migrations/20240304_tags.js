exports.config = { transaction: false };

exports.up = async function (knex) {
  await knex.schema.dropTable('old_tags');
  await knex.raw('CREATE INDEX CONCURRENTLY tags_label_idx ON tags (label)');
};

exports.down = async function () {};
