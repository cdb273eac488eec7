-- +goose Up
-- orders are looked up by customer on every page
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

-- +goose Down
DROP INDEX orders_customer_id_idx;
