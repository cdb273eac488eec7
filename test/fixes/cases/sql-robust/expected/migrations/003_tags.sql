SET lock_timeout = '2s';
CREATE TABLE IF NOT EXISTS tags (id bigint PRIMARY KEY, label text NOT NULL);
ALTER TABLE products ADD COLUMN IF NOT EXISTS tag_id bigint;
CREATE INDEX CONCURRENTLY IF NOT EXISTS products_tag_id_idx ON products (tag_id);
DROP INDEX CONCURRENTLY IF EXISTS products_legacy_idx;
DROP TABLE IF EXISTS old_tags;
