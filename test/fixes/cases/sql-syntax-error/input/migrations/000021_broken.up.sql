CREATE INDEX orders_x_idx ON orders (x;
