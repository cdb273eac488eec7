BEGIN;
SET LOCAL lock_timeout = '2s';
CREATE INDEX "IDX_orders_user_id" ON "orders" ("user_id");
ALTER TABLE "orders" ADD CONSTRAINT "FK_orders_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id");
COMMIT;
