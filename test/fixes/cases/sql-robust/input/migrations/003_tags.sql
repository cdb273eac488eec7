CREATE TABLE tags (id bigint PRIMARY KEY, label text NOT NULL);
ALTER TABLE products ADD COLUMN tag_id bigint;
CREATE INDEX products_tag_id_idx ON products (tag_id);
DROP INDEX products_legacy_idx;
DROP TABLE old_tags;
