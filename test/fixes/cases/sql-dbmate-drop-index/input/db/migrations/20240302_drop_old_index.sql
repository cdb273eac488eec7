-- migrate:up
DROP INDEX orders_legacy_idx;

-- migrate:down
CREATE INDEX orders_legacy_idx ON orders (legacy);
