-- migrate:up transaction:false
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY orders_legacy_idx;

-- migrate:down
CREATE INDEX orders_legacy_idx ON orders (legacy);
