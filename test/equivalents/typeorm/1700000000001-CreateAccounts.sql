BEGIN;
CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "plan" text NOT NULL DEFAULT 'free', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_accounts_id" PRIMARY KEY ("id"));
CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "email" text NOT NULL, "full_name" text, CONSTRAINT "PK_users_id" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "IDX_users_email" ON "users" ("email");
ALTER TABLE "users" ADD CONSTRAINT "FK_users_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts"("id");
COMMIT;
