-- A network row's fingerprint as a 64-bit integer, not 32 hex digits of text: see
-- 0026_integer_fingerprints.sqlite.sql.
DROP VIEW keyed_mentions;
ALTER TABLE entities DROP COLUMN fingerprint;
ALTER TABLE entities ADD COLUMN fingerprint BIGINT NOT NULL DEFAULT 0;
ALTER TABLE mentions DROP COLUMN fingerprint;
ALTER TABLE mentions ADD COLUMN fingerprint BIGINT NOT NULL DEFAULT 0;
ALTER TABLE links DROP COLUMN fingerprint;
ALTER TABLE links ADD COLUMN fingerprint BIGINT NOT NULL DEFAULT 0;
-- Every mention with its key, for reading by hand and for joining analysts' decisions.
CREATE VIEW keyed_mentions AS
  SELECT m.*, r.format || '/' || r.record_key || '#' || CAST(m.mention_index AS TEXT) AS mention_key
  FROM mentions m JOIN source_records r ON r.id = m.source_record_id;
