-- +goose Up
CREATE INDEX orders_placed_at_idx ON orders (placed_at);

-- +goose Down
DROP INDEX orders_placed_at_idx;
