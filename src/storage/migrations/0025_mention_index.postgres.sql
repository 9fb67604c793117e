-- A mention's key is format/record_key#index, and its record already holds the format and the
-- record key: the mentions table keeps only the index (see 0025_mention_index.sqlite.sql).
ALTER TABLE mentions ADD COLUMN mention_index BIGINT;
UPDATE mentions SET mention_index = CAST(substring(mention_key from '#([0-9]+)$') AS BIGINT);
ALTER TABLE mentions ALTER COLUMN mention_index SET NOT NULL;
ALTER TABLE mentions DROP COLUMN mention_key;
CREATE UNIQUE INDEX mentions_record ON mentions(source_record_id, mention_index);
-- Every mention with its key, for reading by hand and for joining analysts' decisions.
CREATE VIEW keyed_mentions AS
  SELECT m.*, r.format || '/' || r.record_key || '#' || CAST(m.mention_index AS TEXT) AS mention_key
  FROM mentions m JOIN source_records r ON r.id = m.source_record_id;
