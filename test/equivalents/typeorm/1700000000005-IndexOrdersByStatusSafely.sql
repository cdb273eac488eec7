SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_orders_status" ON "orders" ("status");
