-- +goose NO TRANSACTION
-- +goose Up
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);

-- +goose Down
DROP INDEX orders_placed_at_idx;
