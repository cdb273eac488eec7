-- +goose Up
CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL);

-- +goose Down
DROP TABLE orders;
