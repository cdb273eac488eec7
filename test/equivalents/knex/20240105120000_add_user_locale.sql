BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'en';
ALTER TABLE users ADD COLUMN last_seen_at timestamptz;
COMMIT;
