BEGIN;
SET LOCAL lock_timeout = '2s';
CREATE INDEX orders_user_id_index ON orders (user_id);
ALTER TABLE orders ADD CONSTRAINT orders_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id);
COMMIT;
