BEGIN;
CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  plan text NOT NULL DEFAULT 'free',
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL,
  email text NOT NULL,
  full_name text,
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
ALTER TABLE users ADD CONSTRAINT users_account_id_foreign FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE users ADD CONSTRAINT users_email_unique UNIQUE (email);
CREATE INDEX users_account_id_index ON users (account_id);
COMMIT;
