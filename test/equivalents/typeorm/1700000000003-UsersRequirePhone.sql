BEGIN;
ALTER TABLE "users" ADD "phone" varchar(32) NOT NULL;
ALTER TABLE "users" ADD "external_id" uuid DEFAULT gen_random_uuid();
COMMIT;
