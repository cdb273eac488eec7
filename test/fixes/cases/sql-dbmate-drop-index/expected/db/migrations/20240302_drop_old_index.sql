-- migrate:up transaction:false
DROP INDEX CONCURRENTLY orders_legacy_idx;

-- migrate:down
CREATE INDEX orders_legacy_idx ON orders (legacy);
