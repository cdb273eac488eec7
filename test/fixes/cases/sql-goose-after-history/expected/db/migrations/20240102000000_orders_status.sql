-- +goose Up
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN placed_at timestamptz;
CREATE INDEX orders_status_idx ON orders (status);

-- +goose Down
DROP INDEX orders_status_idx;
