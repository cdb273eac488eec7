BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" RENAME COLUMN "full_name" TO "display_name";
ALTER TABLE "orders" ALTER COLUMN "total" TYPE numeric(12,2);
ALTER TABLE "users" DROP COLUMN "last_seen_at";
COMMIT;
