BEGIN;
SET LOCAL lock_timeout = '2s';
-- migralint-ignore ban-drop-table -- sessions moved to Redis in v3.2
DROP TABLE "sessions";
TRUNCATE TABLE "audit_events" CASCADE;
COMMIT;
