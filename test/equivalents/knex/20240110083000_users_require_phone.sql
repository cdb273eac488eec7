BEGIN;
ALTER TABLE users ADD COLUMN phone text NOT NULL;
ALTER TABLE users ADD COLUMN external_id uuid DEFAULT gen_random_uuid();
COMMIT;
